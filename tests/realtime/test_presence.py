import asyncio
from datetime import UTC, datetime, timedelta

from models.presence import PresenceInterval
from tests.graphql import gql, invite, sign_up
from tests.live import Socket

SET_PRESENCE = """
mutation Set($status: PresenceStatus!, $until: DateTime) {
  setPresence(input: {status: $status, until: $until}) {
    presence { status chosenStatus connected returnsAt }
    errors { field code message }
  }
}
"""
PRESENCE_CHANGED = "subscription { presenceChanged { user { id email } status previous at } }"
MY_PRESENCE = "{ me { presence { status chosenStatus connected since } } }"


async def set_presence(client, member, status, until=None):
    result = await gql(client, SET_PRESENCE, {"status": status, "until": until}, token=member.token)
    return result["data"]["setPresence"]


async def my_presence(client, member):
    return (await gql(client, MY_PRESENCE, token=member.token))["data"]["me"]["presence"]


async def test_a_change_reaches_every_teammate_and_own_devices_and_no_one_else(client, ws_url):
    # given: Acme's owner on two devices, an Acme agent, and Globex's owner, all subscribed
    acme = await sign_up(client, "owner@acme.example", company="Acme")
    agent = await invite(client, acme, "agent@acme.example")
    globex = await sign_up(client, "owner@globex.example", company="Globex")
    sockets = {
        name: await Socket.open(ws_url, member.token)
        for name, member in [("owner", acme), ("agent", agent), ("globex", globex)]
    }
    for socket in sockets.values():
        await socket.subscribe(PRESENCE_CHANGED)
    await asyncio.sleep(0.2)

    # when the agent goes BUSY
    payload = await set_presence(client, agent, "BUSY")

    # then
    assert payload == {
        "presence": {
            "status": "BUSY",
            "chosenStatus": "BUSY",
            "connected": True,
            "returnsAt": None,
        },
        "errors": [],
    }
    for name in ("owner", "agent"):
        event = (await sockets[name].next())["data"]["presenceChanged"]
        assert (event["user"]["email"], event["status"]) == ("agent@acme.example", "BUSY"), name
    assert await sockets["globex"].nothing_within(0.5)
    for socket in sockets.values():
        await socket.close()


async def test_be_right_back_returns_by_itself_to_the_status_it_replaced(client, ws_url):
    owner = await sign_up(client)
    socket = await Socket.open(ws_url, owner.token)
    await set_presence(client, owner, "BUSY")
    await socket.subscribe(PRESENCE_CHANGED)
    await asyncio.sleep(0.2)
    until = (datetime.now(UTC) + timedelta(seconds=1)).isoformat()

    brb = await set_presence(client, owner, "BE_RIGHT_BACK", until)

    assert brb["presence"]["status"] == "BE_RIGHT_BACK"
    assert brb["presence"]["returnsAt"] is not None
    first = (await socket.next())["data"]["presenceChanged"]
    back = (await socket.next(seconds=5))["data"]["presenceChanged"]
    assert (first["previous"], first["status"]) == ("BUSY", "BE_RIGHT_BACK")
    assert (back["previous"], back["status"]) == ("BE_RIGHT_BACK", "BUSY")
    assert (await my_presence(client, owner))["chosenStatus"] == "BUSY"
    await socket.close()


async def test_a_user_gone_past_the_grace_period_is_offline_until_he_reconnects(client, ws_url):
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    watcher = await Socket.open(ws_url, owner.token)
    await watcher.subscribe(PRESENCE_CHANGED)
    agent_socket = await Socket.open(ws_url, agent.token)
    await set_presence(client, agent, "ONLINE")
    assert (await watcher.next())["data"]["presenceChanged"]["status"] == "ONLINE"

    await agent_socket.close()

    gone = (await watcher.next(seconds=5))["data"]["presenceChanged"]
    assert (gone["status"], gone["previous"]) == ("OFFLINE", "ONLINE")
    shown = await my_presence(client, agent)
    assert (shown["status"], shown["chosenStatus"], shown["connected"]) == (
        "OFFLINE",
        "ONLINE",
        False,
    )

    again = await Socket.open(ws_url, agent.token)
    back = (await watcher.next())["data"]["presenceChanged"]
    assert (back["status"], back["previous"]) == ("ONLINE", "OFFLINE")
    assert (await my_presence(client, agent))["connected"] is True
    await again.close()
    await watcher.close()


async def test_every_shown_status_is_logged_as_an_interval(client, ws_url):
    owner = await sign_up(client)
    socket = await Socket.open(ws_url, owner.token)

    for status in ("ONLINE", "BUSY", "ONLINE"):
        await set_presence(client, owner, status)

    intervals = await PresenceInterval.all().order_by("id")
    assert [i.status for i in intervals] == ["ONLINE", "BUSY", "ONLINE"]
    assert all(i.ended_at is not None for i in intervals[:-1])
    assert intervals[-1].ended_at is None
    assert intervals[0].ended_at == intervals[1].started_at
    await socket.close()


async def test_users_can_be_filtered_by_presence(client):
    owner = await sign_up(client)
    await invite(client, owner, "agent@acme.example")
    await set_presence(client, owner, "BUSY")
    query = "query Q($p: [PresenceStatus!]) { users(presence: $p) { edges { node { email } } } }"

    busy = await gql(client, query, {"p": ["BUSY"]}, token=owner.token)
    offline = await gql(client, query, {"p": ["OFFLINE"]}, token=owner.token)
    either = await gql(client, query, {"p": ["OFFLINE", "BUSY"]}, token=owner.token)

    def emails(result):
        return [e["node"]["email"] for e in result["data"]["users"]["edges"]]

    assert emails(busy) == ["owner@acme.example"]
    assert emails(offline) == ["agent@acme.example"]
    assert emails(either) == ["owner@acme.example", "agent@acme.example"]


async def test_bad_presence_input_changes_nothing(client):
    owner = await sign_up(client)
    await set_presence(client, owner, "BUSY")
    soon = (datetime.now(UTC) + timedelta(minutes=5)).isoformat()
    past = (datetime.now(UTC) - timedelta(minutes=5)).isoformat()
    too_far = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    cases = [
        ("ONLINE", soon, "UNTIL_ONLY_FOR_BE_RIGHT_BACK"),
        ("BE_RIGHT_BACK", past, "INVALID_UNTIL"),
        ("BE_RIGHT_BACK", too_far, "INVALID_UNTIL"),
    ]
    for status, until, code in cases:
        payload = await set_presence(client, owner, status, until)
        assert [(e["field"], e["code"]) for e in payload["errors"]] == [("until", code)]

    assert (await my_presence(client, owner))["chosenStatus"] == "BUSY"
    assert await PresenceInterval.all().count() == 1


async def test_a_new_users_first_sockets_opened_at_once_are_all_acknowledged(client, ws_url):
    failures = []
    for n in range(8):  # eight new users, each opening 20 sockets at once
        user = await sign_up(client, f"owner{n}@acme{n}.example", company=f"Acme {n}")
        results = await asyncio.gather(
            *(Socket.open(ws_url, user.token) for _ in range(20)), return_exceptions=True
        )
        failures += [repr(r) for r in results if isinstance(r, BaseException)]
        for socket in results:
            if not isinstance(socket, BaseException):
                await socket.close()
    assert failures == []


async def test_subscriptions_with_different_selections_each_get_their_own_shape(client, ws_url):
    owner = await sign_up(client)
    socket = await Socket.open(ws_url, owner.token)
    await socket.subscribe("subscription { presenceChanged { status } }", "short")
    await socket.subscribe(PRESENCE_CHANGED, "long")
    await asyncio.sleep(0.2)

    for status in ("BUSY", "ONLINE", "BUSY"):  # the later ones go by the shared delivery
        await set_presence(client, owner, status)
        received = {}
        for _ in range(2):
            message = await socket.next_message()
            received[message["id"]] = message["payload"]["data"]["presenceChanged"]
        assert received["short"] == {"status": status}
        assert received["long"]["status"] == status
        assert received["long"]["user"]["email"] == owner.email
    assert await socket.nothing_within(0.3)
    await socket.close()
