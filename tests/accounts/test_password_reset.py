import hashlib
import re
from datetime import timedelta

import pytest
from limits import parse

from models.accounts import PasswordReset, User
from models.notifications import Delivery
from settings import SettingsError, get_settings, load_settings
from tests.graphql import ME, PASSWORD, deliver_notifications, gql, login, sign_up
from tests.live import Socket
from tests.mail import MAILBOX, html_of, text_of

REQUEST = """
mutation Request($email: String!) {
  requestPasswordReset(input: {email: $email}) { errors { field code message } }
}
"""
RESET = """
mutation Reset($input: ResetPasswordInput!) {
  resetPassword(input: $input) { errors { field code message } }
}
"""
PRESENCE_CHANGED = "subscription { presenceChanged { status user { email } } }"
NEW_PASSWORD = "a-much-better-passphrase"
TOKEN_IN_LINK = re.compile(r"/reset-password\?token=([A-Za-z0-9_\-]+)")


def reset(token, new=NEW_PASSWORD, confirm=None):
    confirm = new if confirm is None else confirm
    return {"input": {"token": token, "newPassword": new, "confirmPassword": confirm}}


async def request_reset(client, email):
    """Ask for a reset and deliver the outbox; the payload."""
    result = await gql(client, REQUEST, {"email": email})
    await deliver_notifications()
    return result["data"]["requestPasswordReset"]


def reset_mails(email):
    return [m for m in MAILBOX.to(email) if TOKEN_IN_LINK.search(text_of(m))]


def token_of(mail):
    return TOKEN_IN_LINK.search(text_of(mail)).group(1)


async def me_code(client, token):
    result = await gql(client, ME, token=token)
    return result["errors"][0]["extensions"]["code"] if result.get("errors") else "OK"


async def test_the_mailed_token_resets_the_password_once_and_ends_every_session(client):
    # given: signed in on two devices
    MAILBOX.clear()
    owner = await sign_up(client, language="en")
    phone = await login(client, owner.email)

    # when: he asks for a reset and uses the token of the mail
    asked = await request_reset(client, owner.email)
    [mail] = reset_mails(owner.email)
    token = token_of(mail)
    first = await gql(client, RESET, reset(token))
    second = await gql(client, RESET, reset(token, "yet-another-passphrase"))
    await deliver_notifications()

    # then
    assert asked == {"errors": []}
    assert mail["Subject"] == "Reset your frontdesk password"
    assert f"{get_settings().app_url}/reset-password?token={token}" in text_of(mail)
    assert f"reset-password?token={token}" in html_of(mail)
    assert first["data"]["resetPassword"]["errors"] == []
    errors = second["data"]["resetPassword"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("token", "INVALID_RESET_TOKEN")]
    assert await me_code(client, owner.token) == "UNAUTHENTICATED"
    assert await me_code(client, phone["accessToken"]) == "UNAUTHENTICATED"
    assert (await login(client, owner.email))["errors"][0]["code"] == "INVALID_CREDENTIALS"
    assert (await login(client, owner.email, NEW_PASSWORD))["errors"] == []
    changed = [m for m in MAILBOX.to(owner.email) if m not in reset_mails(owner.email)]
    assert [m["Subject"] for m in changed] == ["Your frontdesk password was changed"]
    # the token left the database with the mail: only its hash stays
    assert [d.params for d in await Delivery.filter(kind="PASSWORD_RESET")] == [{}]
    [stored] = await PasswordReset.all()
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert stored.used_at is not None


async def test_a_turkish_user_reads_the_mail_and_the_errors_in_turkish(client):
    MAILBOX.clear()
    owner = await sign_up(client, language="tr")

    await request_reset(client, owner.email)
    [mail] = reset_mails(owner.email)
    result = await gql(client, RESET, reset(token_of(mail), confirm="something-else-entirely"))

    assert mail["Subject"] == "frontdesk parolanızı sıfırlayın"
    assert "Merhaba Olivia Owner" in text_of(mail)
    assert result["data"]["resetPassword"]["errors"] == [
        {
            "field": "confirmPassword",
            "code": "PASSWORD_MISMATCH",
            "message": "Yeni parola ile tekrarı birbirini tutmuyor.",
        }
    ]


async def test_an_unknown_or_deactivated_address_answers_the_same_and_sends_nothing(client):
    MAILBOX.clear()
    owner = await sign_up(client)
    known = await request_reset(client, owner.email)

    answers = [
        await request_reset(client, email)
        for email in ["nobody@acme.example", "", "not an address", owner.email.upper() + "x"]
    ]
    await User.filter(email=owner.email).update(is_active=False)
    deactivated = await request_reset(client, owner.email)

    assert answers == [known] * 4
    assert deactivated == known
    assert len(MAILBOX.messages) == 1
    assert await PasswordReset.all().count() == 1
    assert await Delivery.filter(kind="PASSWORD_RESET").count() == 1


async def test_bad_resets_are_refused_and_change_nothing(client, clock):
    # given: two requests, so the first token is superseded by the second
    MAILBOX.clear()
    owner = await sign_up(client, name="Olivia Owner")
    await request_reset(client, owner.email)
    await request_reset(client, owner.email)
    superseded, latest = (token_of(mail) for mail in reset_mails(owner.email))
    hash_before = (await User.get(email=owner.email)).password_hash
    cases = [
        (reset(superseded), "token", "INVALID_RESET_TOKEN"),
        (reset("not-a-token"), "token", "INVALID_RESET_TOKEN"),
        (reset(""), "token", "INVALID_RESET_TOKEN"),
        (reset(latest, confirm="something-else-entirely"), "confirmPassword", "PASSWORD_MISMATCH"),
        (reset(latest, "short1"), "newPassword", "WEAK_PASSWORD"),
        (reset(latest, "Olivia Owner"), "newPassword", "WEAK_PASSWORD"),
        (reset(latest, "qwertyuiop"), "newPassword", "WEAK_PASSWORD"),
    ]

    # when / then: each is refused with its code
    for variables, field, code in cases:
        errors = (await gql(client, RESET, variables))["data"]["resetPassword"]["errors"]
        assert [(e["field"], e["code"]) for e in errors] == [(field, code)], variables

    # and nothing changed: the session lives, the old password signs in
    assert await me_code(client, owner.token) == "OK"
    assert (await User.get(email=owner.email)).password_hash == hash_before
    assert (await login(client, owner.email, PASSWORD))["errors"] == []

    # when: the latest token expires unused
    clock.advance(timedelta(seconds=get_settings().password_reset_ttl + 1))
    expired = await gql(client, RESET, reset(latest))

    # then
    errors = expired["data"]["resetPassword"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("token", "INVALID_RESET_TOKEN")]
    assert (await User.get(email=owner.email)).password_hash == hash_before
    assert (await login(client, owner.email, PASSWORD))["errors"] == []


async def test_past_the_account_limit_no_more_reset_mails_go_out(client):
    MAILBOX.clear()
    owner = await sign_up(client)
    allowed = parse(get_settings().password_reset_limit_per_account).amount

    answers = [await request_reset(client, owner.email) for _ in range(allowed + 2)]

    assert answers == [{"errors": []}] * (allowed + 2)
    assert len(reset_mails(owner.email)) == allowed


async def test_past_the_address_limit_no_more_reset_mails_go_out(client):
    MAILBOX.clear()
    owner = await sign_up(client)
    allowed = parse(get_settings().password_reset_limit_per_address).amount
    for number in range(allowed):
        await gql(client, REQUEST, {"email": f"nobody{number}@acme.example"})

    answer = await request_reset(client, owner.email)

    assert answer == {"errors": []}
    assert reset_mails(owner.email) == []
    assert await PasswordReset.all().count() == 0


async def test_a_reset_closes_the_users_sockets(client, ws_url):
    MAILBOX.clear()
    owner = await sign_up(client)
    socket = await Socket.open(ws_url, owner.token)
    await socket.subscribe(PRESENCE_CHANGED)
    await request_reset(client, owner.email)
    [mail] = reset_mails(owner.email)

    result = await gql(client, RESET, reset(token_of(mail)))

    assert result["data"]["resetPassword"]["errors"] == []
    assert await socket.closed_with(seconds=2) == 4403


def test_bad_reset_settings_name_the_variable(monkeypatch):
    monkeypatch.setenv("FRONTDESK_PASSWORD_RESET_TTL", "10")
    monkeypatch.setenv("FRONTDESK_PASSWORD_RESET_LIMIT_PER_ACCOUNT", "lots")
    monkeypatch.setenv("FRONTDESK_PASSWORD_RESET_LIMIT_PER_ADDRESS", "many/eon")

    with pytest.raises(SettingsError) as raised:
        load_settings()

    for name in (
        "FRONTDESK_PASSWORD_RESET_TTL",
        "FRONTDESK_PASSWORD_RESET_LIMIT_PER_ACCOUNT",
        "FRONTDESK_PASSWORD_RESET_LIMIT_PER_ADDRESS",
    ):
        assert name in str(raised.value)
