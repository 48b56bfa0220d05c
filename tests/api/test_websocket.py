"""The WebSocket endpoint, through a real uvicorn server and a real WebSocket client."""

import asyncio
import json

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from app import create_app
from settings import Settings
from tests.graphql import sign_up
from tests.live import serve

TRANSPORT_WS = "graphql-transport-ws"


async def init(socket, payload):
    await socket.send(json.dumps({"type": "connection_init", "payload": payload}))
    return json.loads(await asyncio.wait_for(socket.recv(), 5))


async def test_a_token_in_connection_init_signs_the_socket_in(client, ws_url):
    owner = await sign_up(client)

    for payload in ({"Authorization": f"Bearer {owner.token}"}, {"authToken": owner.token}):
        async with connect(ws_url, subprotocols=[TRANSPORT_WS]) as socket:
            assert (await init(socket, payload))["type"] == "connection_ack"
            await socket.send(
                json.dumps(
                    {"id": "1", "type": "subscribe", "payload": {"query": "{ me { email } }"}}
                )
            )
            message = json.loads(await asyncio.wait_for(socket.recv(), 5))

        assert message == {
            "id": "1",
            "type": "next",
            "payload": {"data": {"me": {"email": owner.email}}},
        }


async def test_a_missing_or_bad_token_closes_the_socket_with_4403(client, ws_url):
    owner = await sign_up(client)

    for payload in ({}, {"Authorization": "Bearer nonsense"}, {"authToken": owner.refresh_token}):
        async with connect(ws_url, subprotocols=[TRANSPORT_WS]) as socket:
            await socket.send(json.dumps({"type": "connection_init", "payload": payload}))
            with pytest.raises(ConnectionClosed) as closed:
                await asyncio.wait_for(socket.recv(), 5)
        assert closed.value.rcvd.code == 4403, payload


async def test_production_refuses_the_legacy_graphql_ws_protocol():
    app = create_app(Settings(env="production", secret_key="s" * 48))
    server, task, url = await serve(app)
    try:
        async with connect(url, subprotocols=["graphql-ws"]) as socket:
            with pytest.raises(ConnectionClosed) as closed:
                await asyncio.wait_for(socket.recv(), 5)
        assert closed.value.rcvd.code == 4406
    finally:
        server.should_exit = True
        await task
