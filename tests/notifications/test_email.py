import asyncio
import logging

from models.notifications import Delivery
from notifiers.dispatcher import Dispatcher
from settings import get_settings
from tests.graphql import (
    ACCEPT,
    INVITE,
    PASSWORD,
    deliver_notifications,
    gql,
    invite,
    sign_up,
)
from tests.mail import MAILBOX, html_of, invitation_token, text_of
from tests.notifications.producing import produce

CHANGE_PASSWORD = """
mutation Change($input: ChangePasswordInput!) { changePassword(input: $input) { errors { code } } }
"""
LOGIN = """
mutation Login($email: String!, $password: String!) {
  login(input: {email: $email, password: $password}) { accessToken errors { code } }
}
"""
UPDATE = """
mutation Update($input: UpdateNotificationSettingsInput!) {
  updateNotificationSettings(input: $input) { errors { code } }
}
"""
NEW_PASSWORD = "a-much-better-passphrase"


def invitation(email, language=None):
    return {
        "input": {"email": email, "fullName": "Deniz Demir", "role": "AGENT", "language": language}
    }


async def test_the_invitation_mail_comes_in_the_invitees_language_and_its_token_works(client):
    MAILBOX.clear()
    owner = await sign_up(client, name="Olivia Owner", company="Acme")

    result = await gql(client, INVITE, invitation("deniz@acme.example", "tr"), token=owner.token)
    await deliver_notifications()

    assert result["data"]["inviteUser"]["errors"] == []
    assert "invitationToken" not in result["data"]["inviteUser"]
    [mail] = MAILBOX.to("deniz@acme.example")
    assert mail["Subject"] == "Olivia Owner sizi frontdesk'te Acme şirketine davet etti"
    assert "Merhaba Deniz Demir" in text_of(mail)
    assert "<strong>Acme</strong>" in html_of(mail)
    token = invitation_token(mail)
    accepted = await gql(
        client,
        ACCEPT,
        {"input": {"token": token, "password": PASSWORD, "confirmPassword": PASSWORD}},
    )
    assert accepted["data"]["acceptInvitation"]["errors"] == []
    # the token left the database with the mail: the delivery keeps no copy of it
    assert [d.params for d in await Delivery.filter(kind="INVITATION")] == [{}]


async def test_an_english_invitation_for_an_english_company(client):
    MAILBOX.clear()
    owner = await sign_up(client, name="Olivia Owner", company="Acme", language="en")

    await gql(client, INVITE, invitation("ali@acme.example"), token=owner.token)
    await deliver_notifications()

    [mail] = MAILBOX.to("ali@acme.example")
    assert mail["Subject"] == "Olivia Owner invited you to Acme on frontdesk"
    assert "accept-invitation?token=" in text_of(mail)


async def test_a_password_change_is_mailed_but_a_refused_one_is_not(client):
    MAILBOX.clear()
    owner = await sign_up(client, language="tr")
    change = {"currentPassword": PASSWORD, "newPassword": NEW_PASSWORD}

    refused = await gql(
        client,
        CHANGE_PASSWORD,
        {"input": {**change, "confirmPassword": "something-else-entirely"}},
        token=owner.token,
    )
    await deliver_notifications()
    nothing = list(MAILBOX.to(owner.email))
    changed = await gql(
        client,
        CHANGE_PASSWORD,
        {"input": {**change, "confirmPassword": NEW_PASSWORD}},
        token=owner.token,
    )
    await deliver_notifications()

    assert refused["data"]["changePassword"]["errors"][0]["code"] == "PASSWORD_MISMATCH"
    assert nothing == []
    assert changed["data"]["changePassword"]["errors"] == []
    [mail] = MAILBOX.to(owner.email)
    assert mail["Subject"] == "frontdesk parolanız değiştirildi"


async def test_with_smtp_down_the_mail_waits_and_goes_out_once_when_it_is_back(client):
    MAILBOX.clear()
    owner = await sign_up(client)
    MAILBOX.stop()
    try:
        # given SMTP is down when the invitation is sent
        await gql(client, INVITE, invitation("ali@acme.example"), token=owner.token)
        await deliver_notifications()
        waiting = await Delivery.get(kind="INVITATION")
        assert (waiting.status, waiting.attempts) == ("PENDING", 1)
        assert "SMTP" in waiting.last_error
    finally:
        MAILBOX.start()

    # when SMTP is back and the retry comes due
    await asyncio.sleep(0.1)
    await deliver_notifications()
    await deliver_notifications()

    # then the mail arrives, once
    assert len(MAILBOX.to("ali@acme.example")) == 1
    delivered = await Delivery.get(kind="INVITATION")
    assert (delivered.status, delivered.attempts) == ("DELIVERED", 2)


async def test_a_login_from_a_new_device_is_mailed_once(client):
    MAILBOX.clear()
    owner = await sign_up(client)
    phone = {"User-Agent": "frontdesk-ios/3.1 (iPhone)"}

    same_device = await gql(client, LOGIN, {"email": owner.email, "password": PASSWORD})
    await deliver_notifications()
    before = list(MAILBOX.to(owner.email))
    first = await gql(client, LOGIN, {"email": owner.email, "password": PASSWORD}, headers=phone)
    again = await gql(client, LOGIN, {"email": owner.email, "password": PASSWORD}, headers=phone)
    await deliver_notifications()

    assert same_device["data"]["login"]["errors"] == []
    assert before == []
    assert first["data"]["login"]["errors"] == again["data"]["login"]["errors"] == []
    [mail] = MAILBOX.to(owner.email)
    assert mail["Subject"] == "New sign-in to your frontdesk account"
    assert "frontdesk-ios/3.1 (iPhone)" in text_of(mail)


async def test_an_event_is_mailed_only_while_it_is_on_for_email(client):
    MAILBOX.clear()
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example", name="Ali Agent")
    MAILBOX.clear()

    await produce("TICKET_ASSIGNED_TO_ME", [agent], title="Printer on fire")
    await deliver_notifications()
    switched = await gql(
        client,
        UPDATE,
        {
            "input": {
                "preferences": [
                    {"event": "TICKET_ASSIGNED_TO_ME", "channel": "EMAIL", "enabled": False}
                ]
            }
        },
        token=agent.token,
    )
    await produce("TICKET_ASSIGNED_TO_ME", [agent], title="Screen is blue")
    await deliver_notifications()

    assert switched["data"]["updateNotificationSettings"]["errors"] == []
    [mail] = MAILBOX.to("agent@acme.example")
    assert mail["Subject"] == "A ticket was assigned to you"
    assert "Printer on fire" in text_of(mail)
    assert "Printer on fire" in html_of(mail)


async def test_without_smtp_in_development_mails_go_to_the_log(client, caplog):
    owner = await sign_up(client)
    await gql(client, INVITE, invitation("ali@acme.example"), token=owner.token)
    logging_only = Dispatcher(get_settings().model_copy(update={"smtp_url": None}))

    with caplog.at_level(logging.WARNING, logger="frontdesk.email"):
        await logging_only.deliver_due()

    assert "mail to ali@acme.example: Olivia Owner invited you to Acme" in caplog.text
    assert "accept-invitation?token=" in caplog.text
    assert await Delivery.filter(kind="INVITATION", status="DELIVERED").count() == 1


async def test_without_smtp_in_production_mails_wait(client):
    owner = await sign_up(client)
    await gql(client, INVITE, invitation("ali@acme.example"), token=owner.token)
    production = get_settings().model_copy(update={"smtp_url": None, "env": "production"})

    await Dispatcher(production).deliver_due()

    waiting = await Delivery.get(kind="INVITATION")
    assert (waiting.status, waiting.last_error) == ("PENDING", "FRONTDESK_SMTP_URL is not set")
