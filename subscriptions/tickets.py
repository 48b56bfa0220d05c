"""Ticket events: something happened to a ticket (published after the commit)."""

from __future__ import annotations

import asyncio
import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from subscriptions.events import Event

if TYPE_CHECKING:
    from models.tickets import Ticket


@dataclass(frozen=True)
class TicketChanged(Event):
    """A ticket was created, changed or deleted; `change` says how (CREATED, STAGE_CHANGED,
    DELETED, ...)."""

    kind: ClassVar[str] = "ticket.changed"
    ticket_id: int = 0
    change: str = ""
    actor_id: int | None = None
    at: str = ""  # ISO-8601 UTC
    # DELETED only: the ticket's columns as they were, for its row is gone when subscribers
    # get the event (see ticket_state).
    last_state: dict[str, Any] | None = field(default=None, compare=False)

    async def prepare(self) -> None:
        from models.tickets import Ticket

        loaded: asyncio.Future[Ticket | None] = asyncio.get_running_loop().create_future()
        if self.last_state is not None:
            # Built as if read from the database: the same conversions of enums and times.
            loaded.set_result(Ticket._init_from_db(**self.last_state))
        else:
            loaded.set_result(
                await Ticket.get_or_none(id=self.ticket_id, company_id=self.company_id)
            )
        self.cache["ticket"] = loaded


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
