"""1000 presenceChanged subscriptions, opened at the same moment, each receive every event
exactly once and in order; another company's subscriber receives none of them."""

from __future__ import annotations

import asyncio
import json
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime
from typing import Any

from websockets.exceptions import ConnectionClosed

from tests.graphql import gql, sign_up
from tests.live import Socket

CONNECTIONS = 50
PER_CONNECTION = 20  # strawberry allows 100 operations per connection
# The K changes; the warm-up ends on ONLINE or BE_RIGHT_BACK, so each one is a change.
CHANGES = ["BUSY", "ONLINE", "BE_RIGHT_BACK", "BUSY", "ONLINE"]
K = len(CHANGES)
SET_PRESENCE = """
mutation Set($status: PresenceStatus!) {
  setPresence(input: {status: $status}) { presence { status since } errors { code } }
}
"""
PRESENCE_CHANGED = "subscription { presenceChanged { user { email } status previous at } }"


class Listener:
    """Reads one socket all along, keeping each subscription's events apart."""

    def __init__(self, socket: Socket) -> None:
        self.socket = socket
        self.events: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.unexpected: list[Any] = []
        self.task = asyncio.create_task(self._read())

    async def _read(self) -> None:
        try:
            async for raw in self.socket.connection:
                message = json.loads(raw)
                if message.get("type") == "next" and "errors" not in message["payload"]:
                    self.events[message["id"]].append(message["payload"]["data"]["presenceChanged"])
                else:
                    self.unexpected.append(message)
        except ConnectionClosed as closed:
            self.unexpected.append(closed)

    async def close(self) -> None:
        await self.socket.close()
        await self.task


async def within(seconds: float, condition: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() >= deadline:
            return False
        await asyncio.sleep(0.02)
    return True


async def set_presence(client: Any, token: str, status: str) -> str:
    """The change's moment, as its event's `at` gives it."""
    result = await gql(client, SET_PRESENCE, {"status": status}, token=token)
    payload = result["data"]["setPresence"]
    assert payload["errors"] == [] and payload["presence"]["status"] == status, result
    return payload["presence"]["since"]  # type: ignore[no-any-return]


def moment(value: str) -> datetime:
    return datetime.fromisoformat(value)


async def warm_up(
    client: Any, token: str, subscriptions: list[list[dict[str, Any]]], seconds: float = 10.0
) -> tuple[str, list[int]]:
    """Change the status (ONLINE, BE_RIGHT_BACK, ...) until every subscription has heard one
    of the changes: a subscribe message has no answer, so this is how a client knows that its
    subscriptions are live. Returns the status set last and, once every subscription has
    heard that last change (each was live before it), where its events after it begin."""
    statuses = ["ONLINE", "BE_RIGHT_BACK"]
    changes: list[datetime] = []
    deadline = time.monotonic() + seconds

    def heard_one(events: list[dict[str, Any]]) -> bool:
        return any(moment(event["at"]) in changes for event in events)

    while not all(heard_one(events) for events in subscriptions):
        assert time.monotonic() < deadline, "subscriptions not live"
        changes.append(moment(await set_presence(client, token, statuses[len(changes) % 2])))
        await within(0.5, lambda: all(heard_one(events) for events in subscriptions))

    def heard_last(events: list[dict[str, Any]]) -> bool:
        return any(moment(event["at"]) == changes[-1] for event in events)

    assert await within(5, lambda: all(heard_last(events) for events in subscriptions))
    starts = [
        next(n for n, event in enumerate(events) if moment(event["at"]) == changes[-1]) + 1
        for events in subscriptions
    ]
    return statuses[(len(changes) - 1) % 2], starts


async def test_a_thousand_concurrent_subscriptions_each_get_every_event_once_in_order(
    client, ws_url
):
    owner = await sign_up(client)
    globex = await sign_up(client, "owner@globex.example", company="Globex")
    # Connections: the first alone, then the others all at once. (A user's very first
    # connections opened at once race to create his presence row; reported separately.)
    first = await Socket.open(ws_url, owner.token)
    rest = await asyncio.gather(*(Socket.open(ws_url, owner.token) for _ in range(CONNECTIONS - 1)))
    listeners = [Listener(socket) for socket in (first, *rest)]
    outsider = Listener(await Socket.open(ws_url, globex.token))
    try:
        ids = [f"s{n}" for n in range(PER_CONNECTION)]

        # all 1000 subscribe messages at the same moment (and the other company's one)
        await asyncio.gather(
            *(
                listener.socket.subscribe(PRESENCE_CHANGED, operation_id)
                for listener in listeners
                for operation_id in ids
            ),
            outsider.socket.subscribe(PRESENCE_CHANGED, "g"),
        )
        subscriptions = [listener.events[op] for listener in listeners for op in ids]
        assert len(subscriptions) == 1000

        _, [outsider_start] = await warm_up(client, globex.token, [outsider.events["g"]])
        status, starts = await warm_up(client, owner.token, subscriptions)

        expected = []
        for new in CHANGES:
            at = await set_presence(client, owner.token, new)
            expected.append({"status": new, "previous": status, "at": moment(at)})
            status = new

        def all_arrived() -> bool:
            return all(len(e) - start >= K for e, start in zip(subscriptions, starts, strict=True))

        assert await within(15, all_arrived), f"not every subscription got its {K} events"
        await asyncio.sleep(0.5)  # and nothing more comes

        wrong = {}
        for n, (events, start) in enumerate(zip(subscriptions, starts, strict=True)):
            got = [
                {"status": e["status"], "previous": e["previous"], "at": moment(e["at"])}
                for e in events[start:]
            ]
            if got != expected:
                wrong[f"connection {n // PER_CONNECTION} s{n % PER_CONNECTION}"] = got
        some = dict(list(wrong.items())[:3])
        assert not wrong, f"{len(wrong)} subscriptions got other events, such as {some}"
        assert {e["user"]["email"] for events in subscriptions for e in events} == {owner.email}
        assert all(listener.unexpected == [] for listener in listeners)

        # the other company heard its own change only
        assert outsider.events["g"][outsider_start:] == []
        assert {e["user"]["email"] for e in outsider.events["g"]} == {globex.email}
        assert outsider.unexpected == []
    finally:
        await asyncio.gather(*(listener.close() for listener in (*listeners, outsider)))
