"""Typed events: what the bus carries, serialized as JSON on per-company topics."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any, ClassVar

_KINDS: dict[str, type[Event]] = {}


@dataclass(frozen=True)
class Event:
    """Something that happened in a company; subclasses name their `kind`."""

    kind: ClassVar[str] = ""
    company_id: int
    # Work shared by every subscriber of one process for this one event (loaded rows).
    cache: dict[Hashable, Any] = field(default_factory=dict, compare=False, repr=False)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _KINDS[cls.kind] = cls

    @property
    def topic(self) -> str:
        return company_topic(self.company_id)

    async def prepare(self) -> None:
        """Load, once per process, what every subscriber will need (before fan-out)."""

    def to_json(self) -> str:
        values = {
            f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name != "cache"
        }
        return json.dumps({"kind": self.kind, **values}, separators=(",", ":"))

    @staticmethod
    def from_json(text: str | bytes) -> Event:
        data = json.loads(text)
        cls = _KINDS[data.pop("kind")]
        names = {f.name for f in dataclasses.fields(cls)} - {"cache"}
        return cls(**{name: data[name] for name in names if name in data})


def company_topic(company_id: int) -> str:
    return f"frontdesk.company.{company_id}"


SESSIONS_TOPIC = "frontdesk.sessions"


@dataclass(frozen=True)
class PresenceChanged(Event):
    """The status teammates see for a user changed."""

    kind: ClassVar[str] = "presence.changed"
    user_id: int = 0
    status: str = ""
    previous: str = ""
    at: str = ""  # ISO-8601 UTC

    async def prepare(self) -> None:
        from models.accounts import User

        loaded: asyncio.Future[User | None] = asyncio.get_running_loop().create_future()
        loaded.set_result(await User.get_or_none(id=self.user_id, company_id=self.company_id))
        self.cache["user"] = loaded


@dataclass(frozen=True)
class SessionsEnded(Event):
    """Sessions were revoked: their open sockets must close, in every process."""

    kind: ClassVar[str] = "sessions.ended"
    session_ids: list[str] = field(default_factory=list)

    @property
    def topic(self) -> str:
        return SESSIONS_TOPIC
