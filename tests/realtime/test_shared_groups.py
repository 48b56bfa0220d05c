"""Shared subscriptions (schema/fanout.py) as a client sees them: completing one, the legacy
protocol, and a socket that stops reading."""

from __future__ import annotations

import asyncio
import json
import socket as sockets
from collections import deque
from datetime import UTC, datetime
from urllib.parse import urlsplit

import pytest
from websockets.asyncio.client import connect
from websockets.client import ClientProtocol
from websockets.exceptions import ConnectionClosed
from websockets.frames import Close, Frame, Opcode
from websockets.protocol import State
from websockets.uri import parse_uri

from models.accounts import User
from subscriptions.bus import current_bus
from subscriptions.presence import PresenceChanged
from tests.graphql import gql, sign_up
from tests.live import TRANSPORT_WS, Socket
from tests.realtime.test_fanout import Listener, within

PRESENCE_CHANGED = "subscription { presenceChanged { status previous } }"
# About 2 KB an event, so that a socket that reads nothing fills its buffers soon.
USERS = " ".join(f"u{n}: user {{ id email fullName timezone createdAt }}" for n in range(14))
BULKY = f"subscription {{ presenceChanged {{ {USERS} }} }}"
SET_PRESENCE = """
mutation Set($status: PresenceStatus!) { setPresence(input: {status: $status}) { errors { code } } }
"""


async def set_presence(client, member, status):
    result = await gql(client, SET_PRESENCE, {"status": status}, token=member.token)
    assert result["data"]["setPresence"]["errors"] == []


async def test_completing_one_subscription_stops_only_it_and_frees_its_id(client, ws_url):
    # given: one socket with two equal subscriptions (one shared group)
    owner = await sign_up(client)
    socket = await Socket.open(ws_url, owner.token)
    await socket.subscribe(PRESENCE_CHANGED, "a")
    await socket.subscribe(PRESENCE_CHANGED, "b")
    await asyncio.sleep(0.2)
    await set_presence(client, owner, "BUSY")
    assert {(await socket.next_message())["id"] for _ in range(2)} == {"a", "b"}

    # when "a" is completed by the client
    await socket.connection.send(json.dumps({"id": "a", "type": "complete"}))
    await asyncio.sleep(0.1)
    await set_presence(client, owner, "ONLINE")

    # then only "b" hears the next change
    message = await socket.next_message()
    assert (message["id"], message["payload"]["data"]["presenceChanged"]["status"]) == (
        "b",
        "ONLINE",
    )
    assert await socket.nothing_within(0.3)

    # and "a" can be used again
    await socket.subscribe(PRESENCE_CHANGED, "a")
    await asyncio.sleep(0.2)
    await set_presence(client, owner, "BUSY")
    assert {(await socket.next_message())["id"] for _ in range(2)} == {"a", "b"}
    await socket.close()


async def test_the_legacy_graphql_ws_protocol_streams_presence_in_development(client, ws_url):
    owner = await sign_up(client)
    async with connect(ws_url, subprotocols=["graphql-ws"]) as socket:
        init = {"type": "connection_init", "payload": {"Authorization": f"Bearer {owner.token}"}}
        await socket.send(json.dumps(init))
        assert json.loads(await asyncio.wait_for(socket.recv(), 5))["type"] == "connection_ack"
        start = {"id": "1", "type": "start", "payload": {"query": PRESENCE_CHANGED}}
        await socket.send(json.dumps(start))
        await asyncio.sleep(0.2)

        await set_presence(client, owner, "BUSY")

        message = json.loads(await asyncio.wait_for(socket.recv(), 5))
    assert (message["id"], message["type"]) == ("1", "data")
    assert message["payload"]["data"]["presenceChanged"]["status"] == "BUSY"


class SilentSocket:
    """A graphql-transport-ws client on a plain socket that reads only when told to, with a
    small receive buffer: what a phone on a bad network looks like to the server."""

    def __init__(self, raw: sockets.socket, protocol: ClientProtocol) -> None:
        self.raw, self.protocol = raw, protocol
        self.pending: deque = deque()
        self.loop = asyncio.get_running_loop()

    @classmethod
    async def open(cls, ws_url: str, token: str, query: str) -> SilentSocket:
        url = urlsplit(ws_url)
        raw = sockets.socket()
        raw.setsockopt(sockets.SOL_SOCKET, sockets.SO_RCVBUF, 4096)
        raw.setblocking(False)
        await asyncio.get_running_loop().sock_connect(raw, (url.hostname, url.port))
        protocol = ClientProtocol(parse_uri(ws_url), subprotocols=[TRANSPORT_WS])
        silent = cls(raw, protocol)
        protocol.send_request(protocol.connect())
        await silent._flush()
        while protocol.state is not State.OPEN:  # the handshake's answer
            assert protocol.handshake_exc is None, protocol.handshake_exc
            protocol.receive_data(await asyncio.wait_for(silent.loop.sock_recv(raw, 65536), 5))
        protocol.events_received()
        init = {"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}}
        await silent.send(init)
        assert (await silent.receive())["type"] == "connection_ack"
        await silent.send({"id": "1", "type": "subscribe", "payload": {"query": query}})
        return silent

    async def _flush(self) -> None:
        await self.loop.sock_sendall(self.raw, b"".join(self.protocol.data_to_send()))

    async def send(self, message: dict) -> None:
        self.protocol.send_text(json.dumps(message).encode())
        await self._flush()

    async def receive(self, seconds: float = 5.0) -> dict:
        """The next message; a close frame raises ConnectionClosed."""
        while True:
            self.pending.extend(self.protocol.events_received())
            while self.pending:
                event = self.pending.popleft()
                if isinstance(event, Frame) and event.opcode is Opcode.TEXT:
                    return json.loads(event.data)  # type: ignore[no-any-return]
                if isinstance(event, Frame) and event.opcode is Opcode.CLOSE:
                    raise ConnectionClosed(Close.parse(event.data), None)
            data = await asyncio.wait_for(self.loop.sock_recv(self.raw, 65536), seconds)
            if not data:
                raise ConnectionClosed(None, None)
            self.protocol.receive_data(data)

    def close(self) -> None:
        self.raw.close()


async def test_a_socket_that_reads_nothing_holds_back_no_one_and_is_dropped(client, ws_url, caplog):
    # given: a teammate reading everything, and a socket that reads nothing
    owner = await sign_up(client)
    user = await User.get(email=owner.email)
    reader = Listener(await Socket.open(ws_url, owner.token))
    await reader.socket.subscribe(PRESENCE_CHANGED)
    slow = await SilentSocket.open(ws_url, owner.token, BULKY)
    await asyncio.sleep(0.2)

    # when events keep coming (straight onto the bus, as fast as the process takes them)
    published = 0
    statuses = ["BUSY", "ONLINE"]
    while "closing a socket that took no event" not in caplog.text:
        assert published < 20_000, "the silent socket was never dropped"
        for _ in range(500):
            event = PresenceChanged(
                company_id=user.company_id,
                user_id=user.pk,
                status=statuses[published % 2],
                previous=statuses[(published + 1) % 2],
                at=datetime.now(UTC).isoformat(),
            )
            await current_bus().publish(event)
            published += 1
        # the reader keeps up all along: it is never held back by the silent socket
        expected = published
        assert await within(10, lambda: len(reader.events["1"]) == expected), expected  # noqa: B023

    # then the reader got every event, in order, and nothing else
    statuses_heard = [event["status"] for event in reader.events["1"]]
    assert statuses_heard == [statuses[n % 2] for n in range(published)]
    assert reader.unexpected == []
    # and the silent socket, once it reads again, finds fewer events and then its close (1013)
    received = 0
    with pytest.raises(ConnectionClosed) as closed:
        while True:
            assert (await slow.receive(30))["type"] == "next"
            received += 1
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 1013
    assert 0 < received < published
    slow.close()
    await reader.close()
