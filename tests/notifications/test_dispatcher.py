import asyncio
import time
from datetime import UTC, datetime, timedelta

import pytest
from tortoise.transactions import in_transaction

from models.accounts import User
from models.notifications import Delivery, Notification, NotificationEvent
from notifiers import outbox
from notifiers.dispatcher import Dispatcher
from resolvers.notifications import Subject, notify
from settings import get_settings
from tests.graphql import INVITE, deliver_notifications, gql, invite, sign_up
from tests.mail import MAILBOX, free_port
from tests.notifications.producing import pk_of, produce

DELIVERIES = """
query Deliveries($status: [DeliveryStatus!]) {
  notificationDeliveries(status: $status) {
    totalCount
    edges { node { kind channel status attempts lastError recipient { email } } }
  }
}
"""
DEACTIVATE = "mutation D($id: ID!) { deactivateUser(input: {userId: $id}) { errors { code } } }"


def dispatcher_with(**changes):
    return Dispatcher(get_settings().model_copy(update=changes), name="test-dispatcher")


async def test_failures_are_retried_with_backoff_then_failed_and_shown_to_admins(client):
    # given SMTP that nobody answers, and two attempts at most
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    await deliver_notifications()
    dead_smtp = dispatcher_with(
        smtp_url=f"smtp://127.0.0.1:{free_port()}", delivery_max_attempts=2, delivery_backoff=1.0
    )
    await produce("TICKET_ASSIGNED_TO_ME", [agent], title="Printer on fire")

    # when the dispatcher tries, then tries again too early, then after the backoff
    await dead_smtp.deliver_due()
    first = await Delivery.get(channel="EMAIL", kind="TICKET_ASSIGNED_TO_ME")
    await dead_smtp.deliver_due()
    too_early = await Delivery.get(channel="EMAIL", kind="TICKET_ASSIGNED_TO_ME")
    await asyncio.sleep(1.0)
    await dead_smtp.deliver_due()

    # then
    assert (first.status, first.attempts) == ("PENDING", 1)
    assert first.next_attempt_at >= first.created_at + timedelta(seconds=1)
    assert too_early.attempts == 1
    failed = await gql(client, DELIVERIES, {"status": ["FAILED"]}, token=owner.token)
    assert failed["data"]["notificationDeliveries"]["totalCount"] == 1
    [edge] = failed["data"]["notificationDeliveries"]["edges"]
    assert edge["node"]["kind"] == "TICKET_ASSIGNED_TO_ME"
    assert (edge["node"]["channel"], edge["node"]["status"], edge["node"]["attempts"]) == (
        "EMAIL",
        "FAILED",
        2,
    )
    assert "SMTP" in edge["node"]["lastError"]
    assert edge["node"]["recipient"] == {"email": "agent@acme.example"}
    forbidden = await gql(client, DELIVERIES, {"status": ["FAILED"]}, token=agent.token)
    assert forbidden["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_a_change_that_rolls_back_queues_nothing(client):
    owner = await sign_up(client)
    user = await User.get(id=pk_of(owner))

    with pytest.raises(RuntimeError):
        async with in_transaction():
            await notify(
                None, NotificationEvent.NEW_CHAT, Subject(), [user], company_id=user.company_id
            )
            raise RuntimeError("the change failed after notifying")

    assert await Delivery.all().count() == 0


async def test_a_delivery_leased_to_a_live_dispatcher_is_left_to_it(client):
    owner = await sign_up(client)
    await produce("NEW_CHAT", [owner])
    await Delivery.all().update(
        status="SENDING",
        lease_token="another-dispatcher",
        lease_expires_at=datetime.now(UTC) + timedelta(minutes=2),
    )

    assert await deliver_notifications() == 0
    assert await Delivery.filter(status="SENDING").count() == 2


async def test_a_deactivated_recipient_gets_nothing(client):
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    await produce("CHAT_ASSIGNED_TO_ME", [agent])
    await gql(client, DEACTIVATE, {"id": agent.id}, token=owner.token)

    await deliver_notifications()

    statuses = await Delivery.filter(kind="CHAT_ASSIGNED_TO_ME").values_list("status", flat=True)
    assert set(statuses) == {"FAILED"}
    assert len(statuses) == 3


async def test_the_dispatcher_of_serve_delivers_right_after_the_commit(client):
    # given the loop `frontdesk serve` runs, with a poll interval far longer than the test
    MAILBOX.clear()
    owner = await sign_up(client)
    loop = dispatcher_with(dispatcher_poll_interval=60)
    task = asyncio.create_task(loop.run())
    await asyncio.sleep(0.1)
    try:
        # when an invitation commits
        started = time.monotonic()
        invitation = {"email": "ali@acme.example", "fullName": "Ali", "role": "AGENT"}
        await gql(client, INVITE, {"input": invitation}, token=owner.token)

        # then the mail goes out at once, nobody calling deliver_due
        delivered = Delivery.filter(kind="INVITATION", status="DELIVERED")
        while not await delivered.exists() and time.monotonic() - started < 5:  # noqa: ASYNC110
            await asyncio.sleep(0.02)
        assert time.monotonic() - started < 5
        assert len(MAILBOX.to("ali@acme.example")) == 1
        assert await delivered.values_list("delivered_by", flat=True) == ["test-dispatcher"]
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await loop.close()


async def test_the_deliveries_list_costs_the_same_statements_whatever_its_size(client):
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")

    async def statements():
        response = await client.post(
            "/graphql",
            json={"query": DELIVERIES, "variables": {"status": None}},
            headers={"Authorization": f"Bearer {owner.token}"},
        )
        body = response.json()
        return body["data"]["notificationDeliveries"]["totalCount"], body["extensions"]["debug"][
            "sqlStatements"
        ]

    few = await statements()
    for _ in range(10):
        await produce("TICKET_ASSIGNED_TO_ME", [agent, owner], title="Printer on fire")
    many = await statements()

    assert many[0] == few[0] + 60
    assert many[1] == few[1]


async def test_a_delivery_whose_dispatcher_died_on_its_last_attempt_fails(client):
    owner = await sign_up(client)
    await produce("NEW_CHAT", [owner])
    await Delivery.all().update(
        status="SENDING",
        lease_token="dead-process",
        lease_expires_at=datetime.now(UTC),
        attempts=get_settings().delivery_max_attempts,
    )

    await deliver_notifications()

    rows = await Delivery.all().values_list("status", "last_error")
    assert rows == [("FAILED", "the dispatcher stopped during the last attempt")] * 2


async def test_old_delivered_rows_are_removed_but_not_failed_ones_or_the_feed(client):
    owner = await sign_up(client)
    await produce("NEW_CHAT", [owner])
    await produce("NEW_CHAT", [owner])
    await deliver_notifications()
    month_ago = datetime.now(UTC) - timedelta(days=31)
    [old_in_app, _, recent_in_app, _] = await Delivery.all().order_by("id")
    await Delivery.filter(id=old_in_app.pk).update(delivered_at=month_ago)
    await Delivery.filter(id=recent_in_app.pk).update(status="FAILED", delivered_at=month_ago)

    await outbox.purge_delivered(timedelta(days=30))

    assert await Delivery.filter(id=old_in_app.pk).count() == 0
    assert await Delivery.all().count() == 3
    assert await Notification.all().count() == 2
