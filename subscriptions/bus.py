"""The event bus: broadcaster on memory:// (one process) or redis:// (many processes)."""

from __future__ import annotations

import logging

import redis.asyncio as redis
from broadcaster import Broadcast

logger = logging.getLogger("frontdesk.bus")


class EventBus:
    """One connection to the broadcast backend per process."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.broadcast = Broadcast(url)
        self._uses_redis = url.startswith(("redis://", "rediss://"))
        self._redis: redis.Redis | None = None

    async def connect(self) -> None:
        await self.broadcast.connect()
        if self._uses_redis:
            self._redis = redis.from_url(self.url)

    async def disconnect(self) -> None:
        await self.broadcast.disconnect()
        if self._redis is not None:
            await self._redis.aclose()
            self._redis = None

    async def health(self) -> str:
        """'ok', or why the backend cannot be reached."""
        if not self._uses_redis:
            return "ok"
        if self._redis is None:
            return "unavailable: not connected"
        try:
            await self._redis.ping()
        except (redis.RedisError, OSError) as exc:
            return f"unavailable: {type(exc).__name__}"
        return "ok"
