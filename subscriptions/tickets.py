"""Ticket events: something happened to a ticket (published after the commit), who sees it,
and which of them a user's notification settings let through."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar

from models.actors import Actor
from models.notifications import NotificationEvent
from models.tickets import Ticket
from subscriptions.events import Event, Topic, company_topic
from subscriptions.notifications import wants_in_app


class TicketChangeKind(enum.StrEnum):
    """What happened to a ticket (the schema's TicketEventKind)."""

    CREATED = "CREATED"
    UPDATED = "UPDATED"
    STAGE_CHANGED = "STAGE_CHANGED"
    ASSIGNED = "ASSIGNED"
    TASK_ADDED = "TASK_ADDED"
    DOCUMENT_ADDED = "DOCUMENT_ADDED"
    DELETED = "DELETED"


@dataclass(frozen=True)
class TicketChanged(Event):
    """A ticket was created, changed or deleted; `change` says how."""

    kind: ClassVar[str] = "ticket.changed"
    ticket_id: int = 0
    change: TicketChangeKind = TicketChangeKind.UPDATED
    actor_id: int | None = None
    at: str = ""  # ISO-8601 UTC
    # DELETED only: the ticket's columns as they were, for its row is gone when subscribers
    # get the event (see ticket_state).
    last_state: dict[str, Any] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        # Given by name (as JSON carries it, or a resolver queues it): an unknown kind fails here.
        object.__setattr__(self, "change", TicketChangeKind(self.change))

    async def prepare(self) -> None:
        if self.last_state is not None:
            # Built as if read from the database: the same conversions of enums and times.
            self._keep("ticket", Ticket._init_from_db(**self.last_state))
        else:
            self._keep(
                "ticket", await Ticket.get_or_none(id=self.ticket_id, company_id=self.company_id)
            )

    async def ticket(self) -> Ticket | None:
        """The ticket as it is now (as it was, for DELETED), loaded once per process."""
        ticket: Ticket | None = await self.prepared("ticket")
        return ticket


def may_see(viewer: Actor, event: TicketChanged) -> bool:
    """Every active user of the ticket's company sees its tickets (agents work them all)."""
    return viewer.is_member_of(event.company_id)


async def wanted_in_app(viewer: Actor, event: TicketChanged, ticket: Ticket) -> bool:
    """For a stream the user did not narrow with a filter: whether his IN_APP settings let
    this event through. A new ticket is NEW_TICKET; a ticket given to him is
    TICKET_ASSIGNED_TO_ME; other changes have no switch of their own and always pass."""
    user_id = viewer.user_id or 0
    if event.change == TicketChangeKind.CREATED:
        return await wants_in_app(event, NotificationEvent.NEW_TICKET, user_id)
    if event.change == TicketChangeKind.ASSIGNED and ticket.assignee_id == user_id:
        return await wants_in_app(event, NotificationEvent.TICKET_ASSIGNED_TO_ME, user_id)
    return True


def ticket_topic(company_id: int) -> Topic[TicketChanged]:
    """The ticket events of a company."""
    return Topic(company_topic(company_id), TicketChanged, may_see)


def ticket_state(ticket: Ticket) -> dict[str, Any]:
    """A ticket's columns as JSON values (enums by value, times in ISO-8601)."""
    state = {}
    for name, column in ticket._meta.fields_db_projection.items():
        value = getattr(ticket, name)
        if isinstance(value, enum.Enum):
            value = value.value
        elif isinstance(value, datetime):
            value = value.isoformat()
        state[column] = value
    return state
