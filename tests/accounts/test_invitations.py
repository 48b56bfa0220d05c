from models.accounts import User
from tests.graphql import (
    ACCEPT,
    INVITE,
    PASSWORD,
    gql,
    invite,
    login,
    mailed_invitation_token,
    sign_up,
)


def invitation(email="agent@acme.example", role="AGENT", **extra):
    return {"input": {"email": email, "fullName": "Ali Agent", "role": role, **extra}}


def acceptance(token, password=PASSWORD, confirm=None):
    return {"input": {"token": token, "password": password, "confirmPassword": confirm or password}}


async def test_an_invited_agent_sets_his_password_and_signs_in(client):
    owner = await sign_up(client)

    agent = await invite(client, owner, "agent@acme.example")

    me = (await gql(client, "{ me { role company { id } } }", token=agent.token))["data"]["me"]
    assert me == {"role": "AGENT", "company": {"id": owner.company_id}}
    assert (await login(client, "agent@acme.example"))["errors"] == []


async def test_an_invited_user_cannot_sign_in_before_accepting(client):
    owner = await sign_up(client)
    await gql(client, INVITE, invitation(), token=owner.token)

    payload = await login(client, "agent@acme.example", "")

    assert payload["errors"][0]["code"] == "INVALID_CREDENTIALS"


async def test_an_invitation_token_works_once(client):
    owner = await sign_up(client)
    await gql(client, INVITE, invitation(), token=owner.token)
    token = await mailed_invitation_token("agent@acme.example")
    first = await gql(client, ACCEPT, acceptance(token))

    second = await gql(client, ACCEPT, acceptance(token, "another-long-passphrase"))

    assert first["data"]["acceptInvitation"]["errors"] == []
    errors = second["data"]["acceptInvitation"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("token", "INVALID_TOKEN")]
    assert (await login(client, "agent@acme.example"))["errors"] == []


async def test_bad_acceptances_change_nothing(client):
    owner = await sign_up(client)
    await gql(client, INVITE, invitation(), token=owner.token)
    token = await mailed_invitation_token("agent@acme.example")
    cases = [
        (acceptance("not-a-token"), "token", "INVALID_TOKEN"),
        (
            acceptance(token, "long-enough-pass", "different-pass"),
            "confirmPassword",
            "PASSWORD_MISMATCH",
        ),
        (acceptance(token, "qwertyuiop"), "password", "WEAK_PASSWORD"),
    ]
    for variables, field, code in cases:
        errors = (await gql(client, ACCEPT, variables))["data"]["acceptInvitation"]["errors"]
        assert [(e["field"], e["code"]) for e in errors] == [(field, code)]

    assert (await User.get(email="agent@acme.example")).password_hash is None
    assert (await gql(client, ACCEPT, acceptance(token)))["data"]["acceptInvitation"][
        "errors"
    ] == []


async def test_agents_cannot_invite(client):
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")

    result = await gql(client, INVITE, invitation("friend@acme.example"), token=agent.token)

    assert result["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert not await User.exists(email="friend@acme.example")


async def test_admins_invite_but_nobody_invites_an_owner_or_a_taken_address(client):
    owner = await sign_up(client)
    admin = await invite(client, owner, "admin@acme.example", role="ADMIN")

    as_owner = await gql(client, INVITE, invitation("x@acme.example", "OWNER"), token=admin.token)
    taken = await gql(client, INVITE, invitation(owner.email), token=admin.token)
    agent = await gql(client, INVITE, invitation("agent@acme.example"), token=admin.token)

    assert as_owner["data"]["inviteUser"]["errors"][0]["code"] == "ROLE_NOT_ALLOWED"
    assert taken["data"]["inviteUser"]["errors"][0]["code"] == "EMAIL_TAKEN"
    assert agent["data"]["inviteUser"]["errors"] == []
    assert await User.all().count() == 3


async def test_the_invitee_gets_the_language_he_was_invited_in(client):
    owner = await sign_up(client)
    await gql(client, INVITE, invitation(language="tr"), token=owner.token)
    token = await mailed_invitation_token("agent@acme.example")

    result = await gql(client, ACCEPT, acceptance(token, "long-enough-pass", "different-pass"))

    assert result["data"]["acceptInvitation"]["errors"][0]["message"] == (
        "Yeni parola ile tekrarı birbirini tutmuyor."
    )
