"""The four broadcaster 0.3.1 failures with Redis, each against a real Redis server."""

import asyncio

import pytest

from subscriptions.bus import EventBus
from subscriptions.events import company_topic
from subscriptions.presence import PresenceChanged


def presence(company_id: int, n: int) -> PresenceChanged:
    return PresenceChanged(company_id=company_id, user_id=n, status="ONLINE", previous="OFFLINE")


@pytest.fixture
async def bus(redis_server):
    bus = EventBus(redis_server.url)
    await bus.connect()
    yield bus
    await bus.disconnect()


async def receive(events, count, seconds=5.0):
    received = []
    async with asyncio.timeout(seconds):
        async for event in events:
            received.append(event)
            if len(received) == count:
                return received
    return received


async def test_events_are_delivered_with_redis_py_8(bus):
    async with bus.subscribe(company_topic(1)) as events:
        assert await bus.publish(presence(1, 7))
        [event] = await receive(events, 1)

    assert (event.kind, event.user_id, event.status) == ("presence.changed", 7, "ONLINE")


async def test_a_thousand_concurrent_first_subscribers_each_get_every_event(bus):
    topic, count, started = company_topic(2), 1000, asyncio.Event()
    ready = 0

    async def subscriber():
        nonlocal ready
        async with bus.subscribe(topic) as events:
            ready += 1
            if ready == count:
                started.set()
            return [event.user_id for event in await receive(events, 3, seconds=10)]

    tasks = [asyncio.create_task(subscriber()) for _ in range(count)]
    await asyncio.wait_for(started.wait(), 10)
    for n in range(3):
        await bus.publish(presence(2, n))

    results = await asyncio.gather(*tasks)
    assert all(result == [0, 1, 2] for result in results)


async def test_delivery_survives_a_redis_restart(bus, redis_server):
    async with bus.subscribe(company_topic(3)) as events:
        await bus.publish(presence(3, 1))
        assert [e.user_id for e in await receive(events, 1)] == [1]

        await redis_server.stop()
        await redis_server.start()

        # The listener reconnects and resubscribes by itself; keep publishing until it has.
        async def publish_until_heard():
            n = 100
            while True:
                await bus.publish(presence(3, n))
                n += 1
                await asyncio.sleep(0.05)

        publisher = asyncio.create_task(publish_until_heard())
        try:
            [event] = await receive(events, 1, seconds=10)
        finally:
            publisher.cancel()
        assert event.user_id >= 100

        # and an old subscriber and a new one both hear what comes next
        async with bus.subscribe(company_topic(3)) as newcomer:
            await bus.publish(presence(3, 999))
            heard = await receive(newcomer, 1)
            old = await receive(events, 1)
        assert heard[0].user_id == 999
        assert old[0].user_id in (999, *range(100, 400))


async def test_the_first_publish_after_a_restart_succeeds(bus, redis_server):
    assert await bus.publish(presence(4, 1))

    await redis_server.stop()
    await redis_server.start()

    assert await bus.publish(presence(4, 2)) is True


async def test_a_failed_publish_is_logged_not_raised(bus, redis_server, caplog):
    await redis_server.stop()

    assert await bus.publish(presence(5, 1)) is False
    assert "could not publish" in caplog.text


async def test_delivery_resumes_after_a_redis_outage_of_ten_seconds(redis_server):
    bus = EventBus(redis_server.url)
    await bus.connect()
    try:
        async with bus.subscribe(company_topic(1)) as events:
            await redis_server.stop()
            await asyncio.sleep(10)  # longer than redis-py's own retries last
            await redis_server.start()

            async def publish_forever():
                n = 0
                while True:
                    await bus.publish(
                        PresenceChanged(company_id=1, user_id=n, status="ONLINE", previous="BUSY")
                    )
                    n += 1
                    await asyncio.sleep(0.1)

            publisher = asyncio.create_task(publish_forever())
            try:
                event = await asyncio.wait_for(anext(events), 8)
            except TimeoutError:
                backend = bus.broadcast._backend
                pytest.fail(
                    f"no event in 8 s after Redis came back; reconnects={backend.reconnects}, "
                    f"pubsub.connection={backend._pubsub.connection!r}, "
                    f"reader done={backend._reader.done()}"
                )
            finally:
                publisher.cancel()
            assert event.kind == "presence.changed"
    finally:
        await bus.disconnect()
