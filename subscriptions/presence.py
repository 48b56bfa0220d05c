"""Presence live: its event and who sees it, and which users have a live connection, in any
process (memory for one process, Redis for many).

Each open WebSocket is a connection with an expiry that its process renews by heartbeat, so a
process that dies takes its connections with it after HEARTBEAT_TTL. When a user's last
connection goes, an "offline check" is scheduled after the grace period; whichever process
claims it first (ZREM in Redis) applies it.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar, cast

import redis.asyncio as redis

from models.accounts import User
from models.actors import Actor
from subscriptions.bus import is_redis_url, resilient_redis_options
from subscriptions.events import Event, Topic, company_topic


@dataclass(frozen=True)
class PresenceChanged(Event):
    """The status teammates see for a user changed."""

    kind: ClassVar[str] = "presence.changed"
    user_id: int = 0
    status: str = ""
    previous: str = ""
    at: str = ""  # ISO-8601 UTC

    async def prepare(self) -> None:
        self._keep("user", await User.get_or_none(id=self.user_id, company_id=self.company_id))

    async def user(self) -> User | None:
        """The user whose status changed, loaded once per process for all subscribers."""
        user: User | None = await self.prepared("user")
        return user


def may_see(viewer: Actor, event: PresenceChanged) -> bool:
    """Every active user of the company sees every change of its users, his own included."""
    return viewer.is_member_of(event.company_id)


def presence_topic(company_id: int) -> Topic[PresenceChanged]:
    """The presence changes of a company."""
    return Topic(company_topic(company_id), PresenceChanged, may_see)


HEARTBEAT_INTERVAL = 10.0
HEARTBEAT_TTL = 30.0
_PREFIX = "frontdesk:presence"


class Liveness:
    """The interface both stores share."""

    def __init__(self) -> None:
        self.local: dict[str, int] = {}  # this process's connections: id -> user id

    def new_connection_id(self) -> str:
        return uuid.uuid4().hex

    async def attach(self, user_id: int, connection_id: str) -> None:
        raise NotImplementedError

    async def detach(self, user_id: int, connection_id: str) -> bool:
        """Forget a connection; True when the user has no live connection left."""
        raise NotImplementedError

    async def live(self, user_ids: Iterable[int]) -> set[int]:
        raise NotImplementedError

    async def heartbeat(self) -> None:
        """Renew this process's connections; reap those of dead processes."""

    async def forgot(self) -> bool:
        """Whether the store lost its state (a Redis restart) since this was last asked."""
        return False

    async def schedule_offline(self, user_id: int, at: float) -> None:
        raise NotImplementedError

    async def cancel_offline(self, user_id: int) -> None:
        raise NotImplementedError

    async def claim_due_offline(self, now: float) -> list[int]:
        """Users whose grace period has passed, each handed to exactly one caller."""
        raise NotImplementedError

    async def reset(self) -> None:
        """Forget everything (tests)."""

    async def close(self) -> None:
        pass


class MemoryLiveness(Liveness):
    def __init__(self) -> None:
        super().__init__()
        self._by_user: dict[int, set[str]] = {}
        self._offline_at: dict[int, float] = {}

    async def attach(self, user_id: int, connection_id: str) -> None:
        self.local[connection_id] = user_id
        self._by_user.setdefault(user_id, set()).add(connection_id)

    async def detach(self, user_id: int, connection_id: str) -> bool:
        self.local.pop(connection_id, None)
        connections = self._by_user.get(user_id, set())
        connections.discard(connection_id)
        if not connections:
            self._by_user.pop(user_id, None)
            return True
        return False

    async def live(self, user_ids: Iterable[int]) -> set[int]:
        return {user_id for user_id in user_ids if self._by_user.get(user_id)}

    async def schedule_offline(self, user_id: int, at: float) -> None:
        self._offline_at[user_id] = at

    async def cancel_offline(self, user_id: int) -> None:
        self._offline_at.pop(user_id, None)

    async def reset(self) -> None:
        self.local.clear()
        self._by_user.clear()
        self._offline_at.clear()

    async def claim_due_offline(self, now: float) -> list[int]:
        due = [user_id for user_id, at in self._offline_at.items() if at <= now]
        for user_id in due:
            del self._offline_at[user_id]
        return due


class RedisLiveness(Liveness):
    """Connections as members of a per-user sorted set scored by their expiry."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self._redis = redis.Redis.from_url(url, **resilient_redis_options())
        self._process = uuid.uuid4().hex

    @staticmethod
    def _user_key(user_id: int) -> str:
        return f"{_PREFIX}:conns:{user_id}"

    async def attach(self, user_id: int, connection_id: str) -> None:
        self.local[connection_id] = user_id
        expiry = time.time() + HEARTBEAT_TTL
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.zadd(self._user_key(user_id), {connection_id: expiry})
            pipe.zadd(f"{_PREFIX}:expiry", {f"{user_id}:{connection_id}": expiry})
            await pipe.execute()

    async def detach(self, user_id: int, connection_id: str) -> bool:
        self.local.pop(connection_id, None)
        key = self._user_key(user_id)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.zrem(key, connection_id)
            pipe.zrem(f"{_PREFIX}:expiry", f"{user_id}:{connection_id}")
            pipe.zcount(key, time.time(), "+inf")
            _, _, remaining = await pipe.execute()
        return int(remaining) == 0

    async def live(self, user_ids: Iterable[int]) -> set[int]:
        ids = list(user_ids)
        if not ids:
            return set()
        now = time.time()
        async with self._redis.pipeline(transaction=False) as pipe:
            for user_id in ids:
                pipe.zcount(self._user_key(user_id), now, "+inf")
            counts = await pipe.execute()
        return {user_id for user_id, count in zip(ids, counts, strict=True) if count}

    async def heartbeat(self) -> None:
        now = time.time()
        expiry = now + HEARTBEAT_TTL
        async with self._redis.pipeline(transaction=False) as pipe:
            for connection_id, user_id in self.local.items():
                pipe.zadd(self._user_key(user_id), {connection_id: expiry})
                pipe.zadd(f"{_PREFIX}:expiry", {f"{user_id}:{connection_id}": expiry})
            await pipe.execute()
        # Connections of processes that died: whoever removes one first handles its user.
        expired = await self._redis.zrangebyscore(f"{_PREFIX}:expiry", "-inf", now)
        for member in cast("list[bytes]", expired):  # no scores, no decode_responses: bytes
            if await self._redis.zrem(f"{_PREFIX}:expiry", member):
                owner, _, connection_id = member.decode().partition(":")
                if await self.detach(int(owner), connection_id):
                    await self.schedule_offline(int(owner), now)

    async def forgot(self) -> bool:
        # A marker of this process (renewed hourly): if it is gone, so is all we wrote.
        marker = f"{_PREFIX}:marker:{self._process}"
        return bool(await self._redis.set(marker, 1, nx=True, ex=3600))

    async def schedule_offline(self, user_id: int, at: float) -> None:
        await self._redis.zadd(f"{_PREFIX}:offline", {str(user_id): at})

    async def cancel_offline(self, user_id: int) -> None:
        await self._redis.zrem(f"{_PREFIX}:offline", str(user_id))

    async def claim_due_offline(self, now: float) -> list[int]:
        claimed = []
        due = await self._redis.zrangebyscore(f"{_PREFIX}:offline", "-inf", now)
        for member in cast("list[bytes]", due):  # no scores, no decode_responses: bytes
            if await self._redis.zrem(f"{_PREFIX}:offline", member):
                claimed.append(int(member))
        return claimed

    async def reset(self) -> None:
        """Forget everything (tests)."""
        keys = [key async for key in self._redis.scan_iter(f"{_PREFIX}:*")]
        if keys:
            await self._redis.delete(*keys)

    async def close(self) -> None:
        await self._redis.aclose()


def make_liveness(broadcast_url: str) -> Liveness:
    if is_redis_url(broadcast_url):
        return RedisLiveness(broadcast_url)
    return MemoryLiveness()


_current: Liveness | None = None


def set_current_liveness(liveness: Liveness | None) -> None:
    global _current
    _current = liveness


def current_liveness() -> Liveness:
    global _current
    if _current is None:
        _current = MemoryLiveness()
    return _current
