import asyncio
import time

from models.notifications import Delivery, Notification
from notifiers.dispatcher import Dispatcher
from settings import get_settings
from subscriptions.bus import EventBus
from subscriptions.notifications import user_topic
from tests.graphql import deliver_notifications, gql, invite, sign_up
from tests.live import Socket
from tests.notifications.producing import pk_of, produce
from tests.realtime.redis_server import RedisServer

RECEIVED = "subscription { notificationReceived { id event title body subjectId } }"
UPDATE = """
mutation Update($input: UpdateNotificationSettingsInput!) {
  updateNotificationSettings(input: $input) { errors { code } }
}
"""


async def switch(client, member, event, channel, enabled):
    preference = {"event": event, "channel": channel, "enabled": enabled}
    result = await gql(client, UPDATE, {"input": {"preferences": [preference]}}, token=member.token)
    assert result["data"]["updateNotificationSettings"]["errors"] == []


async def subscribed(ws_url, *members):
    sockets = [await Socket.open(ws_url, member.token) for member in members]
    for socket in sockets:
        await socket.subscribe(RECEIVED)
    await asyncio.sleep(0.2)
    return sockets


async def test_a_notification_reaches_only_its_recipient_live(client, ws_url):
    # given two agents who would share one execution of the same subscription (same company,
    # role, language and query), both up to date with an event they both got
    owner = await sign_up(client)
    ali = await invite(client, owner, "ali@acme.example", name="Ali")
    bea = await invite(client, owner, "bea@acme.example", name="Bea")
    ali_socket, ali_phone, bea_socket = await subscribed(ws_url, ali, ali, bea)
    await produce("NEW_CHAT", [ali, bea], visitor="Vera")
    await deliver_notifications()
    for socket in (ali_socket, ali_phone, bea_socket):
        event = (await socket.next())["data"]["notificationReceived"]
        assert (event["event"], event["body"]) == ("NEW_CHAT", "Vera started a chat.")

    # when a direct message is notified to Ali only
    await produce("DIRECT_MESSAGE", [ali], subject_id="7", sender="Olivia", preview="Lunch?")
    await deliver_notifications()

    # then Ali gets it on both his devices and Bea gets nothing
    for socket in (ali_socket, ali_phone):
        event = (await socket.next())["data"]["notificationReceived"]
        assert (event["event"], event["title"], event["body"], event["subjectId"]) == (
            "DIRECT_MESSAGE",
            "Message from Olivia",
            "Lunch?",
            "7",
        )
    assert await bea_socket.nothing_within(0.5)
    for socket in (ali_socket, ali_phone, bea_socket):
        await socket.close()


async def test_switching_an_event_off_in_app_stops_it_for_that_user_only(client, ws_url):
    owner = await sign_up(client)
    ali = await invite(client, owner, "ali@acme.example", name="Ali")
    bea = await invite(client, owner, "bea@acme.example", name="Bea")
    await switch(client, ali, "NEW_CHAT", "IN_APP", False)
    ali_socket, bea_socket = await subscribed(ws_url, ali, bea)

    await produce("NEW_CHAT", [ali, bea], visitor="Vera")
    await produce("CHAT_ASSIGNED_TO_ME", [ali], visitor="Vera")
    await deliver_notifications()

    bea_event = (await bea_socket.next())["data"]["notificationReceived"]
    ali_event = (await ali_socket.next())["data"]["notificationReceived"]
    assert bea_event["event"] == "NEW_CHAT"
    assert ali_event["event"] == "CHAT_ASSIGNED_TO_ME"  # his other events still come
    assert await ali_socket.nothing_within(0.3)
    assert await Notification.filter(event="NEW_CHAT").count() == 1  # Bea's only
    for socket in (ali_socket, bea_socket):
        await socket.close()


async def test_switched_off_after_it_was_queued_it_stays_in_the_feed_but_is_not_pushed(
    client, ws_url
):
    owner = await sign_up(client)
    [socket] = await subscribed(ws_url, owner)
    await produce("NEW_CHAT", [owner], visitor="Vera")

    await switch(client, owner, "NEW_CHAT", "IN_APP", False)
    await deliver_notifications()

    assert await socket.nothing_within(0.5)
    assert await Notification.filter(event="NEW_CHAT").count() == 1
    await socket.close()


async def test_with_redis_down_the_entry_is_kept_and_announced_when_redis_is_back(client):
    # given a dispatcher whose event bus is a private Redis, and a listener of the user's topic
    owner = await sign_up(client)
    redis = RedisServer()
    await redis.start()
    bus = EventBus(redis.url)
    await bus.connect()
    dispatcher = Dispatcher(get_settings().model_copy(update={"delivery_backoff": 0.05}), bus=bus)
    try:
        async with bus.subscribe(user_topic(pk_of(owner))) as events:
            # when Redis is down while the notification is delivered
            await redis.stop()
            await produce("NEW_CHAT", [owner], visitor="Vera")
            await dispatcher.deliver_due()
            waiting = await Delivery.get(channel="IN_APP")
            [entry] = await Notification.all()

            # and comes back
            await redis.start()
            deadline = time.monotonic() + 10
            while bus.reconnects == 0 and time.monotonic() < deadline:  # noqa: ASYNC110
                await asyncio.sleep(0.05)
            await asyncio.sleep(0.1)
            await dispatcher.deliver_due()
            event = await asyncio.wait_for(anext(events), 5)
    finally:
        await bus.disconnect()
        await redis.stop()

    # then the entry was stored at once, and announced (once) when Redis was back
    assert (waiting.status, waiting.attempts) == ("PENDING", 1)
    assert (event.user_id, event.notification_id) == (pk_of(owner), entry.pk)
    assert await Notification.all().count() == 1
    assert (await Delivery.get(channel="IN_APP")).status == "DELIVERED"
