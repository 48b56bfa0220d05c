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
        self._redis = redis.from_url(url) if url.startswith(("redis://", "rediss://")) else None

    async def connect(self) -> None:
        await self.broadcast.connect()

    async def disconnect(self) -> None:
        await self.broadcast.disconnect()
        if self._redis is not None:
            await self._redis.aclose()

    async def health(self) -> str:
        """'ok', or why the backend cannot be reached."""
        if self._redis is None:
            return "ok"
        try:
            await self._redis.ping()
        except (redis.RedisError, OSError) as exc:
            return f"unavailable: {type(exc).__name__}"
        return "ok"
