import asyncio

import pytest
from pydantic import SecretStr

from models.notifications import Delivery, Device
from notifiers.dispatcher import Dispatcher
from settings import get_settings
from tests.graphql import gql, invite, sign_up
from tests.notifications.producing import produce
from tests.notifications.push_provider import BEARER, PushProvider

REGISTER = """
mutation Register($input: RegisterDeviceInput!) {
  registerDevice(input: $input) { device { platform token } errors { field code message } }
}
"""
UNREGISTER = """
mutation Unregister($token: String!) {
  unregisterDevice(input: {token: $token}) { errors { field code } }
}
"""
UPDATE = """
mutation Update($input: UpdateNotificationSettingsInput!) {
  updateNotificationSettings(input: $input) { errors { code } }
}
"""
PHONE = "fcm-token-of-alis-phone"
TABLET = "fcm-token-of-alis-tablet"


@pytest.fixture
async def provider():
    provider = PushProvider()
    await provider.start()
    yield provider
    await provider.stop()


@pytest.fixture
async def dispatcher(provider):
    settings = get_settings().model_copy(
        update={"push_url": provider.url, "push_token": SecretStr(BEARER), "delivery_backoff": 0.1}
    )
    dispatcher = Dispatcher(settings)
    yield dispatcher
    await dispatcher.close()


async def register(client, member, token, platform="ANDROID"):
    variables = {"input": {"platform": platform, "token": token}}
    return (await gql(client, REGISTER, variables, token=member.token))["data"]["registerDevice"]


async def test_an_enabled_event_is_pushed_and_a_disabled_one_is_not(client, provider, dispatcher):
    # given Ali's phone, and his settings: chat assignments pushed (default), new messages not
    owner = await sign_up(client)
    ali = await invite(client, owner, "ali@acme.example", name="Ali")
    registered = await register(client, ali, PHONE)
    assert registered == {"device": {"platform": "ANDROID", "token": PHONE}, "errors": []}

    # when both happen
    await produce("CHAT_ASSIGNED_TO_ME", [ali], subject_id="15", visitor="Vera")
    await produce("NEW_MESSAGE", [ali], subject_id="15", sender="Vera", preview="Hello?")
    await dispatcher.deliver_due()

    # then only the assignment reaches the phone, as an FCM v1 message
    [message] = provider.to(PHONE)
    assert message["notification"] == {
        "title": "A chat was assigned to you",
        "body": "Vera is waiting for your answer.",
    }
    assert message["data"]["event"] == "CHAT_ASSIGNED_TO_ME"
    assert message["data"]["subjectId"] == "15"


async def test_switching_push_off_stops_the_pushes(client, provider, dispatcher):
    owner = await sign_up(client)
    await register(client, owner, PHONE)
    off = {"event": "CHAT_ASSIGNED_TO_ME", "channel": "MOBILE_PUSH", "enabled": False}
    await gql(client, UPDATE, {"input": {"preferences": [off]}}, token=owner.token)

    await produce("CHAT_ASSIGNED_TO_ME", [owner], visitor="Vera")
    await dispatcher.deliver_due()

    assert provider.accepted == []
    assert await Delivery.filter(channel="MOBILE_PUSH").count() == 0


async def test_a_token_the_provider_calls_invalid_is_removed(client, provider, dispatcher):
    owner = await sign_up(client)
    await register(client, owner, PHONE)
    await register(client, owner, TABLET, "IOS")
    provider.invalid.add(TABLET)  # the app was uninstalled from the tablet

    await produce("DIRECT_MESSAGE", [owner], sender="Ali", preview="Hi")
    await dispatcher.deliver_due()

    assert len(provider.to(PHONE)) == 1
    assert await Device.filter(token=TABLET).count() == 0
    assert await Device.filter(token=PHONE).count() == 1
    assert await Delivery.filter(channel="MOBILE_PUSH", status="DELIVERED").count() == 1


async def test_a_provider_outage_is_retried_without_pushing_twice(client, provider, dispatcher):
    owner = await sign_up(client)
    await register(client, owner, PHONE)
    await register(client, owner, TABLET, "IOS")
    provider.failing.add(TABLET)

    await produce("DIRECT_MESSAGE", [owner], sender="Ali", preview="Hi")
    await dispatcher.deliver_due()
    waiting = await Delivery.get(channel="MOBILE_PUSH")
    provider.failing.clear()
    await asyncio.sleep(0.15)
    await dispatcher.deliver_due()

    assert (waiting.status, waiting.attempts) == ("PENDING", 1)
    assert "503" in waiting.last_error
    assert len(provider.to(PHONE)) == 1
    assert len(provider.to(TABLET)) == 1
    assert await Delivery.filter(channel="MOBILE_PUSH", status="DELIVERED").count() == 1


async def test_device_registration_checks_its_input_and_moves_a_token(client):
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")

    blank = await register(client, owner, "  ")
    too_long = await register(client, owner, "x" * 513)
    await register(client, owner, PHONE)
    moved = await register(client, agent, PHONE, "IOS")  # the phone changed hands

    assert [(e["field"], e["code"]) for e in blank["errors"]] == [("token", "REQUIRED")]
    assert [(e["field"], e["code"]) for e in too_long["errors"]] == [("token", "TOO_LONG")]
    assert moved["errors"] == []
    [device] = await Device.all().select_related("user")
    assert (device.user.email, device.platform) == ("agent@acme.example", "IOS")


async def test_only_your_own_device_can_be_unregistered(client):
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    await register(client, agent, PHONE)

    not_mine = await gql(client, UNREGISTER, {"token": PHONE}, token=owner.token)
    unknown = await gql(client, UNREGISTER, {"token": "never-registered"}, token=agent.token)
    mine = await gql(client, UNREGISTER, {"token": PHONE}, token=agent.token)

    assert not_mine["data"]["unregisterDevice"]["errors"] == [
        {"field": "token", "code": "NOT_FOUND"}
    ]
    assert unknown["data"]["unregisterDevice"]["errors"][0]["code"] == "NOT_FOUND"
    assert mine["data"]["unregisterDevice"]["errors"] == []
    assert await Device.all().count() == 0
