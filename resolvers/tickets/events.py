"""Ticket events, queued to go out once the change has committed."""

from __future__ import annotations

from models.clock import now
from models.tickets import Ticket
from resolvers.context import Context
from subscriptions.tickets import TicketChanged, TicketChangeKind, ticket_state


def queue_event(ctx: Context, ticket: Ticket, kind: str) -> None:
    """Publish a ticket event (CREATED, STAGE_CHANGED, ..., DELETED) once the change's unit of
    work has committed; a DELETED event carries the ticket as it was."""
    event = TicketChanged(
        company_id=ticket.company_id,
        ticket_id=ticket.pk,
        change=TicketChangeKind(kind),
        actor_id=ctx.user.pk if ctx.user else None,
        at=now().isoformat(),
        last_state=ticket_state(ticket) if kind == "DELETED" else None,
    )
    ctx.publish(event)
