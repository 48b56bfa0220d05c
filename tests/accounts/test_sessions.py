from datetime import timedelta

from models.accounts import Session
from tests.graphql import ME, gql, login, sign_up

REFRESH = """
mutation Refresh($token: String!) {
  refreshSession(input: {refreshToken: $token}) { accessToken refreshToken errors { code } }
}
"""
LOGOUT = "mutation { logout { errors { code } } }"
MY_SESSIONS = "{ mySessions { id current userAgent } }"
REVOKE = """
mutation Revoke($id: ID!) { revokeSession(input: {sessionId: $id}) { errors { field code } } }
"""


async def me_code(client, token):
    result = await gql(client, ME, token=token)
    if result.get("errors"):
        return result["errors"][0]["extensions"]["code"]
    return "OK"


async def test_refresh_gives_new_tokens_and_the_old_refresh_token_stops(client):
    owner = await sign_up(client)

    first = (await gql(client, REFRESH, {"token": owner.refresh_token}))["data"]["refreshSession"]

    assert first["errors"] == []
    assert first["refreshToken"] != owner.refresh_token
    assert await me_code(client, first["accessToken"]) == "OK"


async def test_a_reused_refresh_token_ends_its_whole_session(client):
    owner = await sign_up(client)
    rotated = (await gql(client, REFRESH, {"token": owner.refresh_token}))["data"]["refreshSession"]

    reused = (await gql(client, REFRESH, {"token": owner.refresh_token}))["data"]["refreshSession"]

    assert [e["code"] for e in reused["errors"]] == ["INVALID_REFRESH_TOKEN"]
    # The thief's copy is dead, and so is the rightful holder's newer one.
    again = (await gql(client, REFRESH, {"token": rotated["refreshToken"]}))["data"]
    assert again["refreshSession"]["errors"][0]["code"] == "INVALID_REFRESH_TOKEN"
    assert await me_code(client, rotated["accessToken"]) == "UNAUTHENTICATED"


async def test_garbage_refresh_tokens_are_refused(client):
    for token in ["", "nonsense", "00000000-0000-0000-0000-000000000000.secret"]:
        result = (await gql(client, REFRESH, {"token": token}))["data"]["refreshSession"]
        assert [e["code"] for e in result["errors"]] == ["INVALID_REFRESH_TOKEN"]


async def test_logout_ends_the_session_at_once(client):
    owner = await sign_up(client)
    other_device = await login(client, owner.email)

    result = await gql(client, LOGOUT, token=owner.token)

    assert result["data"]["logout"]["errors"] == []
    assert await me_code(client, owner.token) == "UNAUTHENTICATED"
    refreshed = (await gql(client, REFRESH, {"token": owner.refresh_token}))["data"]
    assert refreshed["refreshSession"]["errors"][0]["code"] == "INVALID_REFRESH_TOKEN"
    assert await me_code(client, other_device["accessToken"]) == "OK"


async def test_logout_without_a_token_is_unauthenticated(client):
    result = await gql(client, LOGOUT)

    assert result["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_sessions_are_listed_and_one_can_be_revoked(client):
    owner = await sign_up(client)
    phone = await login(client, owner.email)

    sessions = (await gql(client, MY_SESSIONS, token=owner.token))["data"]["mySessions"]
    assert len(sessions) == 2
    assert [s["current"] for s in sessions].count(True) == 1
    phone_session = next(s for s in sessions if not s["current"])

    result = await gql(client, REVOKE, {"id": phone_session["id"]}, token=owner.token)

    assert result["data"]["revokeSession"]["errors"] == []
    assert await me_code(client, phone["accessToken"]) == "UNAUTHENTICATED"
    assert await me_code(client, owner.token) == "OK"


async def test_revoking_an_unknown_session_is_not_found(client):
    owner = await sign_up(client)

    for session_id in ["not-a-uuid", "00000000-0000-0000-0000-000000000000"]:
        result = await gql(client, REVOKE, {"id": session_id}, token=owner.token)
        errors = result["data"]["revokeSession"]["errors"]
        assert [(e["field"], e["code"]) for e in errors] == [("sessionId", "NOT_FOUND")]


async def test_tampered_or_foreign_access_tokens_are_refused(client):
    owner = await sign_up(client)
    header, payload, signature = owner.token.split(".")

    assert await me_code(client, f"{header}.{payload}.{signature[::-1]}") == "UNAUTHENTICATED"
    assert await me_code(client, "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.") == "UNAUTHENTICATED"
    assert await me_code(client, owner.refresh_token) == "UNAUTHENTICATED"


async def test_a_refresh_extends_the_session(client):
    owner = await sign_up(client)
    session = await Session.get(user__email=owner.email)
    await Session.filter(id=session.id).update(expires_at=session.expires_at - timedelta(days=20))

    await gql(client, REFRESH, {"token": owner.refresh_token})

    assert (await Session.get(id=session.id)).expires_at > session.expires_at - timedelta(minutes=1)
