"""Ticket events: something happened to a ticket (published after the commit)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import ClassVar

from subscriptions.events import Event


@dataclass(frozen=True)
class TicketChanged(Event):
    """A ticket was created or changed; `change` says how (CREATED, STAGE_CHANGED, ...)."""

    kind: ClassVar[str] = "ticket.changed"
    ticket_id: int = 0
    change: str = ""
    actor_id: int | None = None
    at: str = ""  # ISO-8601 UTC

    async def prepare(self) -> None:
        from models.tickets import Ticket

        loaded: asyncio.Future[Ticket | None] = asyncio.get_running_loop().create_future()
        loaded.set_result(await Ticket.get_or_none(id=self.ticket_id, company_id=self.company_id))
        self.cache["ticket"] = loaded
