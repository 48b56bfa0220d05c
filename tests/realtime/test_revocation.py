import asyncio
import time

from tests.graphql import gql, invite, login, sign_up
from tests.live import Socket

PRESENCE_CHANGED = "subscription { presenceChanged { status user { email } } }"
CHANGE_PASSWORD = """
mutation { changePassword(input: {currentPassword: "correct-horse-battery",
  newPassword: "a-much-better-passphrase", confirmPassword: "a-much-better-passphrase"})
  { errors { code } } }
"""
DEACTIVATE = "mutation D($id: ID!) { deactivateUser(input: {userId: $id}) { errors { code } } }"


async def test_logout_closes_the_sessions_socket_within_a_second(client, ws_url):
    owner = await sign_up(client)
    socket = await Socket.open(ws_url, owner.token)
    await socket.subscribe(PRESENCE_CHANGED)
    await asyncio.sleep(0.1)

    started = time.monotonic()
    await gql(client, "mutation { logout { errors { code } } }", token=owner.token)
    code = await socket.closed_with(seconds=2)

    assert code == 4403
    assert time.monotonic() - started < 1.0


async def test_a_password_change_closes_the_other_sessions_sockets_only(client, ws_url):
    owner = await sign_up(client)
    phone = await login(client, owner.email)
    this_device = await Socket.open(ws_url, owner.token)
    other_device = await Socket.open(ws_url, phone["accessToken"])
    await this_device.subscribe(PRESENCE_CHANGED)

    await gql(client, CHANGE_PASSWORD, token=owner.token)

    assert await other_device.closed_with(seconds=2) == 4403
    await gql(
        client,
        "mutation { setPresence(input: {status: BUSY}) { errors { code } } }",
        token=owner.token,
    )
    assert (await this_device.next())["data"]["presenceChanged"]["status"] == "BUSY"
    await this_device.close()


async def test_a_deactivated_users_sockets_close_and_hear_nothing_more(client, ws_url):
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    socket = await Socket.open(ws_url, agent.token)
    await socket.subscribe(PRESENCE_CHANGED)

    await gql(client, DEACTIVATE, {"id": agent.id}, token=owner.token)

    assert await socket.closed_with(seconds=2) == 4403
