"""Whether a ticket event matches a subscriber's filter (who may see it at all is the rule of
subscriptions/tickets.py)."""

from __future__ import annotations

import asyncio
import dataclasses
import json

from resolvers.context import Context
from resolvers.tickets.listing import TicketFilter, ticket_matches
from subscriptions.tickets import TicketChanged, TicketChangeKind


async def matches(ctx: Context, event: TicketChanged, wanted: TicketFilter | None) -> bool:
    """Whether the event's ticket matches a subscriber's filter, now.

    One query per distinct filter, event and process: subscribers with the same filter share
    the answer through the event's cache. A deleted ticket matches every filter: its row is
    gone, so no filter can be checked, and every list that may show it must drop it."""
    if event.change == TicketChangeKind.DELETED:
        return True
    if wanted is None:
        return await event.ticket() is not None
    key = "matches:" + json.dumps(dataclasses.asdict(wanted), sort_keys=True, default=str)
    pending = event.cache.get(key)
    if pending is None:
        pending = event.cache[key] = asyncio.ensure_future(
            ticket_matches(ctx, event.ticket_id, wanted)
        )
    return bool(await asyncio.shield(pending))
