from argon2 import PasswordHasher

from models.accounts import User
from resolvers.passwords import needs_rehash
from tests.graphql import LOGIN, ME, PASSWORD, gql, login, sign_up


async def test_login_returns_tokens_that_work(client):
    await sign_up(client, "owner@acme.example")

    payload = await login(client, "OWNER@acme.example")

    assert payload["errors"] == []
    me = await gql(client, ME, token=payload["accessToken"])
    assert me["data"]["me"]["email"] == "owner@acme.example"


async def test_unknown_email_and_wrong_password_get_the_same_answer(client):
    await sign_up(client, "owner@acme.example")

    wrong_password = await login(client, "owner@acme.example", "not-the-password")
    unknown_email = await login(client, "nobody@acme.example", "not-the-password")

    assert wrong_password == unknown_email
    assert wrong_password["accessToken"] is None
    assert [e["code"] for e in wrong_password["errors"]] == ["INVALID_CREDENTIALS"]


async def test_failed_logins_lock_the_account_even_for_the_right_password(client):
    await sign_up(client, "owner@acme.example")
    for _ in range(5):
        assert (await login(client, "owner@acme.example", "guess-guess-guess"))["errors"]

    payload = await login(client, "owner@acme.example", PASSWORD)

    assert payload["accessToken"] is None
    assert [e["code"] for e in payload["errors"]] == ["TOO_MANY_ATTEMPTS"]
    assert "seconds" in payload["errors"][0]["message"]


async def test_attempts_hidden_in_aliases_of_one_request_are_each_counted(client):
    await sign_up(client, "owner@acme.example")
    aliases = " ".join(
        f'a{i}: login(input: {{email: "owner@acme.example", password: "guess-{i}-guess"}}) '
        "{ errors { code } }"
        for i in range(8)
    )

    result = await gql(client, f"mutation {{ {aliases} }}")

    codes = [result["data"][f"a{i}"]["errors"][0]["code"] for i in range(8)]
    assert codes == ["INVALID_CREDENTIALS"] * 5 + ["TOO_MANY_ATTEMPTS"] * 3
    assert (await login(client, "owner@acme.example"))["errors"][0]["code"] == "TOO_MANY_ATTEMPTS"


async def test_too_many_aliases_are_refused_before_anything_runs(client):
    aliases = " ".join(
        f'a{i}: login(input: {{email: "x{i}@acme.example", password: "p"}}) {{ accessToken }}'
        for i in range(50)
    )

    response = await client.post("/graphql", json={"query": f"mutation {{ {aliases} }}"})

    body = response.json()
    assert body.get("data") is None
    assert "aliases" in body["errors"][0]["message"]


async def test_batched_requests_are_refused(client):
    operation = {"query": LOGIN, "variables": {"email": "a@acme.example", "password": "p"}}

    response = await client.post("/graphql", json=[operation] * 10)

    assert response.status_code == 400


async def test_one_address_trying_many_accounts_is_limited(client):
    for i in range(30):
        assert (await login(client, f"user{i}@acme.example", "whatever-1234"))["errors"][0][
            "code"
        ] == "INVALID_CREDENTIALS"

    payload = await login(client, "user99@acme.example", "whatever-1234")

    assert payload["errors"][0]["code"] == "TOO_MANY_ATTEMPTS"


async def test_login_rehashes_a_password_hashed_with_old_parameters(client):
    await sign_up(client, "owner@acme.example")
    old_hash = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1).hash(PASSWORD)
    await User.filter(email="owner@acme.example").update(password_hash=old_hash)
    assert needs_rehash(old_hash)

    payload = await login(client, "owner@acme.example")

    assert payload["errors"] == []
    new_hash = (await User.get(email="owner@acme.example")).password_hash
    assert new_hash != old_hash
    assert new_hash.startswith("$argon2id$")
    assert not needs_rehash(new_hash)
