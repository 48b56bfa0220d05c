"""Session events: revoked sessions, whose open sockets every process must close."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from subscriptions.events import Event

SESSIONS_TOPIC = "frontdesk.sessions"


@dataclass(frozen=True)
class SessionsEnded(Event):
    """Sessions were revoked: their open sockets must close, in every process."""

    kind: ClassVar[str] = "sessions.ended"
    session_ids: list[str] = field(default_factory=list)

    @property
    def topic(self) -> str:
        return SESSIONS_TOPIC
