"""The audit log of tickets: the shared log (resolvers/audit.py) with TicketLogEntry."""

from __future__ import annotations

from typing import Any

from models.tickets import Ticket, TicketLogEntry
from resolvers import audit
from resolvers.audit import change
from resolvers.context import Context
from resolvers.pagination import Page

__all__ = ["change", "record", "ticket_log"]


async def record(
    ctx: Context, ticket: Ticket, action: str, changes: dict[str, Any] | None = None
) -> TicketLogEntry:
    """Log `action` on `ticket` by the caller (call inside the change's transaction)."""
    return await audit.record(ctx, TicketLogEntry, ticket, action, changes)


async def ticket_log(
    ctx: Context, ticket: Ticket, first: int | None, after: str | None
) -> Page[TicketLogEntry]:
    """The log of a ticket of the caller's company, newest first."""
    return await audit.log_page(ctx, TicketLogEntry, ticket, first, after, "ticketId")
