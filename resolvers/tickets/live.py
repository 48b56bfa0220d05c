"""Who gets a ticket event: checked for every event and subscriber."""

from __future__ import annotations

import asyncio
import dataclasses
import json

from models.tickets import Ticket
from resolvers.context import Context
from resolvers.tickets.listing import TicketFilter, ticket_matches
from subscriptions.tickets import TicketChanged


def may_see(ctx: Context, event: TicketChanged) -> bool:
    """Every active user of the ticket's company sees its tickets (agents work them all)."""
    return ctx.user is not None and ctx.user.is_active and event.company_id == ctx.company_id


async def matches(ctx: Context, event: TicketChanged, wanted: TicketFilter | None) -> bool:
    """Whether the event's ticket matches a subscriber's filter, now.

    One query per distinct filter, event and process: subscribers with the same filter share
    the answer through the event's cache."""
    if wanted is None:
        return await event_ticket(event) is not None
    key = ("matches", json.dumps(dataclasses.asdict(wanted), sort_keys=True, default=str))
    pending = event.cache.get(key)
    if pending is None:
        pending = event.cache[key] = asyncio.ensure_future(
            ticket_matches(ctx, event.ticket_id, wanted)
        )
    return bool(await asyncio.shield(pending))


async def event_ticket(event: TicketChanged) -> Ticket | None:
    """The ticket an event is about, as it is now (loaded once per process)."""
    if "ticket" not in event.cache:  # the bus prepares events; this one came another way
        await event.prepare()
    return await event.cache["ticket"]  # type: ignore[no-any-return]
