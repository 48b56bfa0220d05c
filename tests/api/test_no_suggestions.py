"""Production names nothing of the schema that a client did not: no "Did you mean" anywhere."""

import asyncio
import json

import httpx
import pytest

from app import create_app
from tests.api.test_http import production_settings
from tests.graphql import gql, sign_up
from tests.live import Socket, serve

LOGIN_VARIABLES = "mutation L($input: LoginInput!) { login(input: $input) { errors { code } } }"
INVITE_VARIABLES = (
    "mutation I($input: InviteUserInput!) { inviteUser(input: $input) { errors { code } } }"
)
# Each a typo one letter away from a name of the schema, one per validation rule that suggests.
TYPOS = {
    "field": ("{ languagez { code } }", None),
    "argument": ("{ notificationAudience(evnt: NEW_TICKET) { user { id } } }", None),
    "enum value": ("{ notificationAudience(event: NEW_TIKET) { user { id } } }", None),
    "type": ("query Q($x: Strin) { languages { code } }", None),
    "input field": (
        'mutation { login(input: {emial: "a", password: "b"}) { errors { code } } }',
        None,
    ),
    "variable input field": (LOGIN_VARIABLES, {"input": {"emial": "a", "password": "b"}}),
    "variable enum value": (
        INVITE_VARIABLES,
        {"input": {"email": "a@acme.example", "fullName": "A", "role": "AGNT"}},
    ),
    "fragment type": ("{ me { ...on Usr { email } } }", None),
}


@pytest.fixture
async def production_client():
    app = create_app(production_settings())
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://frontdesk.test") as client:
        yield client


@pytest.mark.parametrize("kind", TYPOS)
async def test_production_suggests_nothing_over_http(production_client, kind):
    owner = await sign_up(production_client)
    query, variables = TYPOS[kind]

    response = await production_client.post(
        "/graphql",
        json={"query": query, "variables": variables or {}},
        headers={"Authorization": f"Bearer {owner.token}"},
    )

    errors = response.json()["errors"]
    assert errors, kind
    assert not [e for e in errors if "did you mean" in e["message"].lower()], errors


@pytest.mark.parametrize("kind", ["argument", "input field", "variable enum value"])
async def test_development_still_suggests(client, kind):
    owner = await sign_up(client)
    query, variables = TYPOS[kind]

    result = await gql(client, query, variables, token=owner.token) if variables else None
    if result is None:
        response = await client.post(
            "/graphql", json={"query": query}, headers={"Authorization": f"Bearer {owner.token}"}
        )
        result = response.json()

    assert [e for e in result["errors"] if "Did you mean" in e["message"]], result


async def test_production_suggests_nothing_over_the_websocket(production_client):
    owner = await sign_up(production_client)
    server, task, url = await serve(create_app(production_settings()))
    try:
        socket = await Socket.open(url, owner.token)
        for index, (query, variables) in enumerate(TYPOS.values()):
            await socket.connection.send(
                json.dumps(
                    {
                        "id": str(index),
                        "type": "subscribe",
                        "payload": {"query": query, "variables": variables or {}},
                    }
                )
            )
            message = {"type": "complete"}
            while message["type"] == "complete":  # the end of the one before
                message = json.loads(await asyncio.wait_for(socket.connection.recv(), 5))
            assert message["type"] in ("error", "next") and message["id"] == str(index), message
            text = json.dumps(message["payload"]).lower()
            assert "did you mean" not in text, message
            assert "message" in text, message
        await socket.connection.close()
    finally:
        server.should_exit = True
        await task
