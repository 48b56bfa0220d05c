"""Who gets a ticket event: checked for every event and subscriber."""

from __future__ import annotations

import asyncio
import dataclasses
import json

from models.notifications import NotificationEvent
from models.tickets import Ticket
from resolvers.context import Context
from resolvers.tickets.listing import TicketFilter, ticket_matches
from subscriptions.notifications import wants_in_app
from subscriptions.tickets import TicketChanged


def may_see(ctx: Context, event: TicketChanged) -> bool:
    """Every active user of the ticket's company sees its tickets (agents work them all)."""
    return ctx.user is not None and ctx.user.is_active and event.company_id == ctx.company_id


async def matches(ctx: Context, event: TicketChanged, wanted: TicketFilter | None) -> bool:
    """Whether the event's ticket matches a subscriber's filter, now.

    One query per distinct filter, event and process: subscribers with the same filter share
    the answer through the event's cache. A deleted ticket matches every filter: its row is
    gone, so no filter can be checked, and every list that may show it must drop it."""
    if event.change == "DELETED":
        return True
    if wanted is None:
        return await event_ticket(event) is not None
    key = ("matches", json.dumps(dataclasses.asdict(wanted), sort_keys=True, default=str))
    pending = event.cache.get(key)
    if pending is None:
        pending = event.cache[key] = asyncio.ensure_future(
            ticket_matches(ctx, event.ticket_id, wanted)
        )
    return bool(await asyncio.shield(pending))


async def in_app_allows(ctx: Context, event: TicketChanged, ticket: Ticket) -> bool:
    """For a stream the user did not narrow with a filter: whether his IN_APP settings let
    this event through. A new ticket is NEW_TICKET; a ticket given to him is
    TICKET_ASSIGNED_TO_ME; other changes have no switch of their own and always pass."""
    user_id = ctx.user.pk if ctx.user else 0
    if event.change == "CREATED":
        return await wants_in_app(event, NotificationEvent.NEW_TICKET, user_id)
    if event.change == "ASSIGNED" and ticket.assignee_id == user_id:
        return await wants_in_app(event, NotificationEvent.TICKET_ASSIGNED_TO_ME, user_id)
    return True


async def event_ticket(event: TicketChanged) -> Ticket | None:
    """The ticket an event is about, as it is now (loaded once per process)."""
    if "ticket" not in event.cache:  # the bus prepares events; this one came another way
        await event.prepare()
    return await event.cache["ticket"]  # type: ignore[no-any-return]
