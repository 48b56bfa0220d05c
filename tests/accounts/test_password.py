from models.accounts import User
from tests.graphql import ME, PASSWORD, gql, login, sign_up

CHANGE_PASSWORD = """
mutation Change($input: ChangePasswordInput!) {
  changePassword(input: $input) { errors { field code message } }
}
"""
SET_LANGUAGE = """
mutation { setLanguage(input: {language: "tr"}) { user { language } errors { code } } }
"""
NEW_PASSWORD = "a-much-better-passphrase"


def change(current=PASSWORD, new=NEW_PASSWORD, confirm=None):
    confirm = new if confirm is None else confirm
    return {"input": {"currentPassword": current, "newPassword": new, "confirmPassword": confirm}}


async def test_bad_password_changes_are_refused_and_change_nothing(client):
    owner = await sign_up(client, "owner@acme.example", name="Olivia Owner")
    hash_before = (await User.get(email=owner.email)).password_hash
    cases = [
        (change(current="not-my-password"), "currentPassword", "WRONG_PASSWORD"),
        (change(confirm="something-else-entirely"), "confirmPassword", "PASSWORD_MISMATCH"),
        (change(new="short1"), "newPassword", "WEAK_PASSWORD"),
        (change(new="owner@acme.example"), "newPassword", "WEAK_PASSWORD"),
        (change(new="Olivia Owner"), "newPassword", "WEAK_PASSWORD"),
        (change(new="Manchester"), "newPassword", "WEAK_PASSWORD"),
        (change(new="aaaaaaaaaaaa"), "newPassword", "WEAK_PASSWORD"),
        (change(new="x" * 300), "newPassword", "WEAK_PASSWORD"),
    ]
    other_device = await login(client, owner.email)

    for variables, field, code in cases:
        result = await gql(client, CHANGE_PASSWORD, variables, token=owner.token)
        errors = result["data"]["changePassword"]["errors"]
        assert [(e["field"], e["code"]) for e in errors] == [(field, code)], variables

    assert (await User.get(email=owner.email)).password_hash == hash_before
    assert (await login(client, owner.email))["errors"] == []
    assert "errors" not in await gql(client, ME, token=other_device["accessToken"])


async def test_turkish_user_fails_then_succeeds_and_other_sessions_end(client):
    # given: signed in on two devices, speaking Turkish
    owner = await sign_up(client)
    other_device = await login(client, owner.email)
    switched = await gql(client, SET_LANGUAGE, token=owner.token)
    assert switched["data"]["setLanguage"]["user"]["language"] == "tr"

    # when: a wrong current password, then a right one
    failed = await gql(client, CHANGE_PASSWORD, change(current="yanlis-parola"), token=owner.token)
    changed = await gql(client, CHANGE_PASSWORD, change(), token=owner.token)

    # then
    assert failed["data"]["changePassword"]["errors"] == [
        {"field": "currentPassword", "code": "WRONG_PASSWORD", "message": "Mevcut parola yanlış."}
    ]
    assert changed["data"]["changePassword"]["errors"] == []
    refused = await gql(client, ME, token=other_device["accessToken"])
    assert refused["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert (await gql(client, ME, token=owner.token))["data"]["me"]["email"] == owner.email
    assert (await login(client, owner.email))["errors"][0]["code"] == "INVALID_CREDENTIALS"
    assert (await login(client, owner.email, NEW_PASSWORD))["errors"] == []
