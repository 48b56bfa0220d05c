"""Typed events: what the bus carries, serialized as JSON on per-company topics.

A domain's events live in `subscriptions/<domain>.py`, each with the rule of who may see it
and the `Topic` its subscription fields listen to. The bus decodes an event by its `kind`, so
a process knows the events of the modules it imported (the schema imports them all).
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, TypeVar

from models.actors import Actor

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

    async def prepared(self, name: str) -> Any:
        """What `prepare` loaded under `name` (loaded now if the event did not come through
        the bus, which prepares every event before handing it out)."""
        if name not in self.cache:
            await self.prepare()
        return await self.cache[name]

    def _keep(self, name: str, value: Any) -> None:
        """Keep `value` for every subscriber, as an awaitable that any number may await."""
        done: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        done.set_result(value)
        self.cache[name] = done

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


E = TypeVar("E", bound=Event)


@dataclass(frozen=True, slots=True)
class Topic(Generic[E]):
    """The events of one type on a bus topic, and who may see each of them: what a
    subscription field listens to."""

    name: str
    event: type[E]
    # Asked for every event and subscriber when the event is delivered, not only when he
    # subscribed (Zammad CVE-2021-44886: access may have changed since). A rule that needs a
    # query (the chats an agent may see) is async, and shares its answer through event.cache.
    may_see: Callable[[Actor, E], bool | Awaitable[bool]]


def company_topic(company_id: int) -> str:
    """The bus topic of a company's events."""
    return f"frontdesk.company.{company_id}"


def user_topic(user_id: int) -> str:
    """The bus topic of the events meant for one user only."""
    return f"frontdesk.user.{user_id}"
