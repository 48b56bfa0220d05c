"""Refresh tokens: only a secret the session really issued before counts as reuse."""

from models.accounts import Session
from tests.accounts.test_sessions import REFRESH, me_code
from tests.graphql import gql, login, sign_up


async def refresh(client, token):
    return (await gql(client, REFRESH, {"token": token}))["data"]["refreshSession"]


async def test_a_wrong_secret_for_a_real_session_is_refused_and_ends_nothing(client):
    owner = await sign_up(client)
    session_id = owner.refresh_token.partition(".")[0]  # readable in every access token

    wrong = [
        f"{session_id}.guessed",
        f"{session_id}.0.guessed",
        f"{session_id}.{owner.refresh_token.partition('.')[2][:-2]}xx",
        f"{session_id}.",
    ]
    answers = [await refresh(client, token) for token in wrong]

    for answer in answers:
        assert [e["code"] for e in answer["errors"]] == ["INVALID_REFRESH_TOKEN"]
    session = await Session.get(id=session_id)
    assert session.revoked_at is None
    assert await me_code(client, owner.token) == "OK"
    assert (await refresh(client, owner.refresh_token))["errors"] == []


async def test_the_reuse_of_any_older_secret_of_the_session_ends_it(client):
    owner = await sign_up(client)
    second = await refresh(client, owner.refresh_token)
    third = await refresh(client, second["refreshToken"])

    reused = await refresh(client, owner.refresh_token)  # two generations back

    assert [e["code"] for e in reused["errors"]] == ["INVALID_REFRESH_TOKEN"]
    session = await Session.get(id=owner.refresh_token.partition(".")[0])
    assert session.revoked_reason == "REFRESH_TOKEN_REUSED"
    assert (await refresh(client, third["refreshToken"]))["errors"][0]["code"] == (
        "INVALID_REFRESH_TOKEN"
    )
    assert await me_code(client, third["accessToken"]) == "UNAUTHENTICATED"


async def test_a_secret_of_another_session_is_no_reuse_of_this_one(client):
    owner = await sign_up(client)
    other = await refresh(client, owner.refresh_token)
    second_device = await login(client, owner.email)
    session_id = second_device["refreshToken"].partition(".")[0]
    foreign_secret = owner.refresh_token.partition(".")[2]  # issued, but by the first session

    answer = await refresh(client, f"{session_id}.{foreign_secret}")

    assert answer["errors"][0]["code"] == "INVALID_REFRESH_TOKEN"
    assert (await Session.get(id=session_id)).revoked_at is None
    assert await me_code(client, other["accessToken"]) == "OK"
