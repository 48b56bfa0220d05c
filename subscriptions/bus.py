"""The event bus: broadcaster on memory:// (one process) or redis:// (many processes).

broadcaster 0.3.1 fails with Redis in four known ways (../shared/STACK-NOTES.md); this module
owns the fixes: a Redis backend that reads with get_message (no silent exit under redis-py 8),
reconnects and resubscribes after a Redis restart, and publishes with a retry policy; and a
Broadcast whose concurrent first subscribers all register before the SUBSCRIBE is awaited.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import redis.asyncio as redis
from broadcaster import Broadcast
from broadcaster._backends.base import BroadcastBackend
from broadcaster._backends.memory import MemoryBackend
from broadcaster._base import Event as Message
from broadcaster._base import Subscriber
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff

from subscriptions.events import Event

logger = logging.getLogger("frontdesk.bus")

_RETRYABLE = (redis.ConnectionError, redis.TimeoutError, OSError)


def resilient_redis_options(retries: int = 8) -> dict[str, Any]:
    """Options for every Redis client of ours: after a Redis restart, a command that meets a
    dead pooled connection is retried on a new one instead of failing (broadcaster's fourth
    failure, and the same for liveness, rate limits and health checks)."""
    return {
        "retry": Retry(ExponentialBackoff(cap=1.0, base=0.02), retries=retries),
        "retry_on_error": [redis.ConnectionError, redis.TimeoutError],
    }


class ResilientRedisBackend(BroadcastBackend):
    """Redis pub/sub that keeps delivering across Redis restarts."""

    def __init__(self, url: str) -> None:
        self._url = url
        # Fix 4: the first PUBLISH after a restart meets a dead pooled connection; retry it.
        self._publisher = redis.Redis.from_url(url, **resilient_redis_options())
        self._channels: set[str] = set()
        self._has_channels = asyncio.Event()
        self._pubsub: Any = None
        self._queue: asyncio.Queue[Message] = asyncio.Queue()
        self._reader: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()
        self._broken = False  # the pubsub connection died and is not yet subscribed again
        self._subscribed = False  # a SUBSCRIBE has been sent on the current pubsub
        self.reconnects = 0

    async def connect(self) -> None:
        self._pubsub = self._publisher.pubsub()
        self._reader = asyncio.create_task(self._read_forever(), name="frontdesk-bus-reader")

    async def disconnect(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            await asyncio.gather(self._reader, return_exceptions=True)
        if self._pubsub is not None:
            await self._pubsub.aclose()
        await self._publisher.aclose()

    async def subscribe(self, channel: str) -> None:
        async with self._lock:
            self._channels.add(channel)
            try:
                await self._pubsub.subscribe(channel)
                self._subscribed = True
            except _RETRYABLE:
                logger.warning("bus: SUBSCRIBE %s failed; the reader resubscribes", channel)
                self._broken = True
            self._has_channels.set()

    async def unsubscribe(self, channel: str) -> None:
        async with self._lock:
            self._channels.discard(channel)
            try:
                await self._pubsub.unsubscribe(channel)
            except _RETRYABLE:
                pass

    async def publish(self, channel: str, message: Any) -> None:
        await self._publisher.publish(channel, message)

    async def next_published(self) -> Message:
        return await self._queue.get()

    async def _read_forever(self) -> None:
        # Fix 1: never leave the loop; wait for a first channel instead of exiting.
        delay = 0.05
        while True:
            await self._has_channels.wait()
            if self._broken:
                # Fix 3: however long Redis is away, keep trying until SUBSCRIBE succeeds.
                await asyncio.sleep(delay)
                delay = min(delay * 2, 2.0)
                await self._reconnect()
                continue
            try:
                message = await self._pubsub.get_message(
                    ignore_subscribe_messages=True, timeout=1.0
                )
                delay = 0.05
            except _RETRYABLE as exc:
                logger.warning("bus: Redis connection lost (%s); reconnecting", exc)
                self._broken = True
                continue
            except RuntimeError:
                # redis-py: the pubsub has no connection. Before the first SUBSCRIBE is sent
                # that is normal; with channels to listen to, the connection is gone.
                if self._pubsub.connection is None and self._channels and self._subscribed:
                    self._broken = True
                await asyncio.sleep(0.01)
                continue
            if message is not None and message.get("type") == "message":
                channel = message["channel"]
                data = message["data"]
                self._queue.put_nowait(
                    Message(
                        channel=channel.decode() if isinstance(channel, bytes) else channel,
                        message=data.decode() if isinstance(data, bytes) else data,
                    )
                )

    async def _reconnect(self) -> None:
        async with self._lock:
            old, self._pubsub = self._pubsub, self._publisher.pubsub()
            try:
                await old.aclose()
            except Exception:  # noqa: BLE001 - the old connection is dead anyway
                pass
            try:
                if self._channels:
                    await self._pubsub.subscribe(*self._channels)
            except _RETRYABLE:
                return  # still down: stay broken, the reader tries again after a pause
            self._broken = False
            self._subscribed = bool(self._channels)
            self.reconnects += 1
            logger.info("bus: resubscribed to %d channels", len(self._channels))


def is_redis_url(url: str) -> bool:
    """Whether a broadcast URL names Redis (shared by every process) rather than memory."""
    return url.startswith(("redis://", "rediss://"))


class SafeBroadcast(Broadcast):
    """broadcaster's Broadcast, with concurrent first subscribers that all get every event."""

    def __init__(self, url: str) -> None:
        backend: BroadcastBackend
        if is_redis_url(url):
            backend = ResilientRedisBackend(url)
        else:
            backend = MemoryBackend(url)
        super().__init__(backend=backend)
        self._ready: dict[str, asyncio.Future[None]] = {}

    @asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[Any]:
        queue: asyncio.Queue[Message | None] = asyncio.Queue()
        # Fix 2: register the queue before any await; the first subscriber of a channel
        # SUBSCRIBEs, the others wait for that instead of overwriting each other.
        queues = self._subscribers.setdefault(channel, set())
        queues.add(queue)
        ready = self._ready.get(channel)
        try:
            if ready is None:
                ready = self._ready[channel] = asyncio.get_running_loop().create_future()
                try:
                    await self._backend.subscribe(channel)
                finally:
                    ready.set_result(None)
            else:
                await asyncio.shield(ready)
            yield Subscriber(queue)
        finally:
            queues.discard(queue)
            if not queues and self._subscribers.get(channel) is queues:
                del self._subscribers[channel]
                self._ready.pop(channel, None)
                await self._backend.unsubscribe(channel)

    async def _listener(self) -> None:
        while True:
            message = await self._backend.next_published()
            queues = list(self._subscribers.get(message.channel, ()))
            if not queues:
                continue
            try:
                # Decoded once per process: every subscriber gets the same Event (and its cache).
                event = Event.from_json(message.message)
            except (ValueError, KeyError, TypeError):
                logger.error("bus: dropped a message that is not an event on %s", message.channel)
                continue
            try:
                await event.prepare()
            except Exception:  # noqa: BLE001 - subscribers load what is missing themselves
                logger.exception("bus: could not prepare %s", event.kind)
            for queue in queues:
                queue.put_nowait(event)  # type: ignore[arg-type]


class EventBus:
    """Publishes typed events and subscribes to topics; one per process."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.broadcast = SafeBroadcast(url)
        self._uses_redis = is_redis_url(url)
        self._health: redis.Redis | None = None
        self.connected = False

    async def connect(self) -> None:
        await self.broadcast.connect()
        if self._uses_redis:
            # One retry: a dead pooled connection is replaced, a dead Redis is reported at once.
            self._health = redis.from_url(self.url, **resilient_redis_options(retries=1))
        self.connected = True

    async def disconnect(self) -> None:
        self.connected = False
        await self.broadcast.disconnect()
        if self._health is not None:
            await self._health.aclose()
            self._health = None

    @property
    def reconnects(self) -> int:
        """How often the Redis connection was re-established (0 on memory://)."""
        return getattr(self.broadcast._backend, "reconnects", 0)

    async def publish(self, event: Event) -> bool:
        """Send `event` to every subscriber of its topic; a failure is logged, never raised."""
        try:
            await self.broadcast.publish(event.topic, event.to_json())
        except Exception:  # noqa: BLE001 - a lost live event must not fail the change behind it
            logger.exception("bus: could not publish %s to %s", event.kind, event.topic)
            return False
        return True

    @asynccontextmanager
    async def subscribe(self, topic: str) -> AsyncIterator[AsyncIterator[Event]]:
        """The events of `topic` from now on, decoded once per process and shared."""
        async with self.broadcast.subscribe(topic) as subscriber:
            yield subscriber.__aiter__()

    async def health(self) -> str:
        """'ok', or why the backend cannot be reached."""
        if not self._uses_redis:
            return "ok"
        if self._health is None:
            return "unavailable: not connected"
        try:
            await self._health.ping()
        except (redis.RedisError, OSError) as exc:
            return f"unavailable: {type(exc).__name__}"
        return "ok"


_current: EventBus | None = None


def set_current_bus(bus: EventBus | None) -> None:
    global _current
    _current = bus


def current_bus() -> EventBus:
    """This process's bus (set by the app's lifespan)."""
    if _current is None:
        raise RuntimeError("the event bus is not connected")
    return _current


async def publish(event: Event) -> None:
    """Publish on this process's bus, if there is one (a CLI command has none)."""
    if _current is not None and _current.connected:
        await _current.publish(event)
