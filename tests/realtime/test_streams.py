"""One stream helper for every subscription field (schema/streams.py), and the rule of who
may see each domain's events (subscriptions/<domain>.py)."""

from __future__ import annotations

import asyncio
import contextlib
import json
from types import SimpleNamespace

import pytest

from models.accounts import Role, User
from models.actors import Actor
from resolvers.context import Context
from schema.streams import stream
from subscriptions.bus import current_bus
from subscriptions.events import Topic, company_topic
from subscriptions.notifications import NotificationReceived, notification_topic
from subscriptions.presence import PresenceChanged, presence_topic
from subscriptions.tickets import TicketChanged, ticket_topic
from tests.graphql import sign_up
from tests.live import Socket

MEMBER = Actor.of_user(1, 10, Role.AGENT)
TEAMMATE = Actor.of_user(1, 11, Role.OWNER)
DEACTIVATED = Actor.of_user(1, 10, Role.AGENT, is_active=False)
OUTSIDER = Actor.of_user(2, 20, Role.OWNER)
API_KEY = Actor.of_api_key(1, 5)


@pytest.mark.parametrize(
    ("viewer", "sees"),
    [(MEMBER, True), (TEAMMATE, True), (DEACTIVATED, False), (OUTSIDER, False), (API_KEY, False)],
)
def test_presence_and_ticket_events_are_seen_by_the_active_users_of_their_company(viewer, sees):
    presence = PresenceChanged(company_id=1, user_id=10, status="BUSY", previous="ONLINE")
    ticket = TicketChanged(company_id=1, ticket_id=3, change="CREATED")
    assert presence_topic(1).may_see(viewer, presence) is sees
    assert ticket_topic(1).may_see(viewer, ticket) is sees


@pytest.mark.parametrize(
    ("viewer", "sees"),
    [(MEMBER, True), (TEAMMATE, False), (DEACTIVATED, False), (OUTSIDER, False), (API_KEY, False)],
)
def test_a_notification_is_seen_by_its_recipient_only(viewer, sees):
    event = NotificationReceived(company_id=1, user_id=10, notification_id=7, event="NEW_TICKET")
    assert notification_topic(10).may_see(viewer, event) is sees


def test_a_ticket_event_kind_is_checked_when_the_event_is_made():
    assert TicketChanged(company_id=1, ticket_id=3, change="ASSIGNED").change == "ASSIGNED"
    with pytest.raises(ValueError):
        TicketChanged(company_id=1, ticket_id=3, change="MOVED")


async def test_who_may_see_is_asked_again_for_every_event_delivered(app):
    # given: a subscriber's own stream (no shared group outside graphql-transport-ws)
    user = User(id=10, company_id=1, role=Role.AGENT, is_active=True)
    ctx = Context(user=user)
    delivered: list[str] = []

    async def answer(event: PresenceChanged) -> str:
        return event.status

    async def follow() -> None:
        async for status in stream(
            SimpleNamespace(context=ctx), presence_topic(1), answer, shared=True
        ):
            delivered.append(status)

    following = asyncio.create_task(follow())
    await asyncio.sleep(0.1)

    def change(status: str) -> PresenceChanged:
        return PresenceChanged(company_id=1, user_id=11, status=status, previous="OFFLINE")

    # when: an event, another kind on the same topic, then an event after he lost access
    await current_bus().publish(change("BUSY"))
    await current_bus().publish(TicketChanged(company_id=1, ticket_id=3, change="CREATED"))
    await asyncio.sleep(0.1)
    user.is_active = False
    await current_bus().publish(change("ONLINE"))
    await asyncio.sleep(0.1)
    following.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await following

    # then: only the first reached him
    assert delivered == ["BUSY"]


async def test_a_rule_that_needs_a_query_may_be_async(app):
    # given: a rule that answers later (as one reading the chats an agent may see would)
    ctx = Context(user=User(id=10, company_id=1, role=Role.AGENT, is_active=True))
    asked: list[int] = []

    async def may_see(viewer: Actor, event: PresenceChanged) -> bool:
        await asyncio.sleep(0)
        asked.append(event.user_id)
        return event.user_id != 12

    async def answer(event: PresenceChanged) -> int:
        return event.user_id

    topic = Topic(company_topic(1), PresenceChanged, may_see)
    stream_of_ids = stream(SimpleNamespace(context=ctx), topic, answer, shared=False)
    receiving = asyncio.ensure_future(anext(stream_of_ids))
    await asyncio.sleep(0.1)

    # when: one event it refuses, then one it lets through
    for user_id in (12, 11):
        await current_bus().publish(PresenceChanged(company_id=1, user_id=user_id, status="BUSY"))

    # then
    assert await asyncio.wait_for(receiving, 5) == 11
    assert asked == [12, 11]
    await stream_of_ids.aclose()


async def test_a_bad_id_in_a_ticket_filter_ends_the_stream_with_an_error(client, ws_url):
    owner = await sign_up(client)
    socket = await Socket.open(ws_url, owner.token)
    await socket.subscribe('subscription { ticketEvents(filter: {stageIds: ["nope"]}) { kind } }')

    failed = await socket.next()
    completed = json.loads(await asyncio.wait_for(socket.connection.recv(), 5))

    assert failed["data"] is None
    assert [error["extensions"]["code"] for error in failed["errors"]] == ["NOT_FOUND"]
    assert completed == {"id": "1", "type": "complete"}
    await socket.close()
