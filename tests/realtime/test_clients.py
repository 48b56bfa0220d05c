"""A real third-party client against the real server: Python's `gql` over graphql-transport-ws.

The npm `graphql-ws` client is driven by .ci/run (tests/clients/graphql_ws_client.mjs).
"""

import asyncio
import json
import logging

import pytest
from gql import Client, GraphQLRequest
from gql.transport.exceptions import TransportConnectionFailed
from gql.transport.websockets import WebsocketsTransport
from websockets.exceptions import ConnectionClosed

from tests.graphql import gql, sign_up

SET_PRESENCE = """
mutation Set($status: PresenceStatus!) {
  setPresence(input: {status: $status}) { presence { status } errors { code } }
}
"""
PRESENCE_CHANGED = GraphQLRequest("subscription { presenceChanged { status user { email } } }")
ME = GraphQLRequest("{ me { email } }")


def transport(url: str, token: str) -> WebsocketsTransport:
    return WebsocketsTransport(
        url=url,
        subprotocols=[WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL],
        init_payload={"Authorization": f"Bearer {token}"},
        connect_timeout=5,
        ack_timeout=5,
        close_timeout=5,
    )


async def set_presence(client, member, status):
    result = await gql(client, SET_PRESENCE, {"status": status}, token=member.token)
    assert result["data"]["setPresence"]["errors"] == [], result
    return result["data"]["setPresence"]["presence"]["status"]


def received_next_for(records, operation_id: str) -> list[str]:
    """The `next` messages gql logged as received for one operation id."""
    found = []
    for record in records:
        if record.name != "gql.transport.common.base" or not record.msg.startswith("<<<"):
            continue
        message = json.loads(record.args[0])
        if message.get("type") == "next" and message.get("id") == operation_id:
            found.append(record.args[0])
    return found


async def test_gql_queries_subscribes_receives_and_completes(client, ws_url, caplog):
    owner = await sign_up(client, "owner@acme.example")
    caplog.set_level(logging.DEBUG, logger="gql.transport.common.base")

    async with Client(transport=transport(ws_url, owner.token)) as session:
        # gql negotiated graphql-transport-ws and signed in with connection_init's payload
        assert session.transport.subprotocol == "graphql-transport-ws"
        assert await session.execute(ME) == {"me": {"email": "owner@acme.example"}}

        # subscribe (operation id 2: the query above was 1)
        events = session.subscribe(PRESENCE_CHANGED)
        first = asyncio.ensure_future(anext(events))
        await asyncio.sleep(0.3)  # the server registers the subscription with the bus
        assert not first.done()

        assert await set_presence(client, owner, "BUSY") == "BUSY"

        event = await asyncio.wait_for(first, 5)
        assert event == {"presenceChanged": {"status": "BUSY", "user": {"email": owner.email}}}

        # complete: gql sends {"id": "2", "type": "complete"} and the generator ends
        await events.aclose()
        assert session.transport.listeners == {}
        caplog.clear()

        # the server stopped the operation: a later change reaches a new subscription only
        again = session.subscribe(PRESENCE_CHANGED)
        second = asyncio.ensure_future(anext(again))
        await asyncio.sleep(0.3)
        assert await set_presence(client, owner, "ONLINE") == "ONLINE"
        event = await asyncio.wait_for(second, 5)
        assert event["presenceChanged"]["status"] == "ONLINE"
        await asyncio.sleep(0.2)
        assert received_next_for(caplog.records, "2") == []
        assert len(received_next_for(caplog.records, "3")) == 1
        await again.aclose()

        # the connection is still good after both completes
        assert await session.execute(ME) == {"me": {"email": "owner@acme.example"}}

    assert session.transport.adapter.websocket is None  # closed by leaving the block


@pytest.mark.parametrize("token", ["not-a-token", ""])
async def test_gql_with_a_bad_token_is_refused_with_4403(client, ws_url, token):
    await sign_up(client, "owner@acme.example")

    refusing = transport(ws_url, token)
    with pytest.raises(TransportConnectionFailed) as refused:
        async with Client(transport=refusing) as session:
            await session.execute(ME)
    await refusing.close()  # gql leaves the refused socket to its caller

    # gql reports the close as a failed connection; the close frame is its cause
    closed = refused.value.__cause__
    assert isinstance(closed, ConnectionClosed), repr(closed)
    assert closed.rcvd is not None
    assert (closed.rcvd.code, closed.rcvd.reason) == (4403, "Forbidden")
