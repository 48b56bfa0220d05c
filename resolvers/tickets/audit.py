"""The audit log of tickets: one entry per change, written in the change's transaction."""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from models.clock import now
from models.tickets import Ticket, TicketLogEntry
from resolvers.context import Context
from resolvers.errors import DomainError
from resolvers.pagination import Page, paginate
from resolvers.tenancy import company_scope


def loggable(value: Any) -> Any:
    """A value as the log keeps it (JSON): enums by name, times in ISO-8601."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def change(before: Any, after: Any) -> dict[str, Any]:
    return {"before": loggable(before), "after": loggable(after)}


async def record(
    ctx: Context, ticket: Ticket, action: str, changes: dict[str, Any] | None = None
) -> TicketLogEntry:
    """Log `action` on `ticket` by the caller (call inside the change's transaction)."""
    return await TicketLogEntry.create(
        company_id=ticket.company_id,
        ticket_id=ticket.pk,
        actor_id=ctx.user.pk if ctx.user else None,
        action=action,
        changes=changes or {},
        at=now(),
    )


async def ticket_log(
    ctx: Context, ticket: Ticket, first: int | None, after: str | None
) -> Page[TicketLogEntry]:
    """The log of a ticket of the caller's company, newest first."""
    if ticket.company_id != ctx.company_id:
        raise DomainError("NOT_FOUND", "ticketId")
    query = company_scope(ctx, TicketLogEntry).filter(ticket_id=ticket.pk)
    return await paginate(query, first, after, descending=True)
