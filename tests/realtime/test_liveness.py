"""Right after a Redis restart, the first command on each pooled connection must not fail."""

from subscriptions.bus import EventBus
from subscriptions.presence import RedisLiveness


async def test_liveness_answers_after_a_redis_restart(redis_server):
    liveness = RedisLiveness(redis_server.url)
    try:
        await liveness.attach(1, "c1")
        assert await liveness.live([1]) == {1}

        await redis_server.stop()
        await redis_server.start()

        # Redis is up again: a look-up must answer (set_presence and sweep call this)
        assert await liveness.live([1]) == set()
    finally:
        await liveness.close()


async def test_the_health_check_is_ok_at_once_after_a_redis_restart(redis_server):
    bus = EventBus(redis_server.url)
    await bus.connect()
    try:
        assert await bus.health() == "ok"
        await redis_server.stop()
        await redis_server.start()
        assert await bus.health() == "ok"
    finally:
        await bus.disconnect()
