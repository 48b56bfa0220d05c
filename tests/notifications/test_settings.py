from models.notifications import NotificationPreference
from tests.graphql import gql, sign_up

SETTINGS = """
{ notificationSettings {
    preferences { event category channel enabled }
    categories { category preferences { event channel enabled } }
} }
"""
UPDATE = """
mutation Update($input: UpdateNotificationSettingsInput!) {
  updateNotificationSettings(input: $input) {
    settings { preferences { event channel enabled } }
    errors { field code message }
  }
}
"""


def cell(preferences, event, channel):
    [found] = [p for p in preferences if (p["event"], p["channel"]) == (event, channel)]
    return found["enabled"]


async def test_a_new_user_gets_sensible_defaults_grouped_for_the_settings_page(client):
    owner = await sign_up(client)

    settings = (await gql(client, SETTINGS, token=owner.token))["data"]["notificationSettings"]

    preferences = settings["preferences"]
    assert len(preferences) == 17 * 3  # every event on every channel
    assert cell(preferences, "TICKET_ASSIGNED_TO_ME", "EMAIL") is True
    assert cell(preferences, "TICKET_ASSIGNED_TO_ME", "MOBILE_PUSH") is True
    assert cell(preferences, "NEW_MESSAGE", "IN_APP") is True
    assert cell(preferences, "NEW_MESSAGE", "EMAIL") is False
    assert cell(preferences, "VISITOR_ARRIVED", "IN_APP") is False
    assert [group["category"] for group in settings["categories"]] == [
        "BASIC_FUNCTIONS",
        "CRM_OPERATIONS",
        "COMPANY_OPERATIONS",
        "CHATBOT_OPERATIONS",
        "WHATSAPP_OPERATIONS",
        "RESERVATION_OPERATIONS",
        "VISITOR_AND_MESSAGE",
        "OTHER",
    ]
    basic = settings["categories"][0]["preferences"]
    assert {p["event"] for p in basic} == {"CHAT_ASSIGNED_TO_ME", "TICKET_ASSIGNED_TO_ME"}
    assert len(basic) == 6


async def test_a_partial_update_changes_only_the_named_cells(client):
    owner = await sign_up(client)
    variables = {
        "input": {
            "preferences": [
                {"event": "NEW_MESSAGE", "channel": "IN_APP", "enabled": False},
                {"event": "NEW_MESSAGE", "channel": "EMAIL", "enabled": True},
            ]
        }
    }

    payload = (await gql(client, UPDATE, variables, token=owner.token))["data"][
        "updateNotificationSettings"
    ]
    again = (await gql(client, SETTINGS, token=owner.token))["data"]["notificationSettings"]

    assert payload["errors"] == []
    for preferences in (payload["settings"]["preferences"], again["preferences"]):
        assert cell(preferences, "NEW_MESSAGE", "IN_APP") is False
        assert cell(preferences, "NEW_MESSAGE", "EMAIL") is True
        assert cell(preferences, "NEW_MESSAGE", "MOBILE_PUSH") is False  # untouched default
        assert cell(preferences, "NEW_CHAT", "IN_APP") is True


async def test_switching_back_and_forth_keeps_one_choice_per_cell(client):
    owner = await sign_up(client)
    for enabled in (False, True, False):
        variables = {
            "input": {
                "preferences": [{"event": "NEW_CHAT", "channel": "IN_APP", "enabled": enabled}]
            }
        }
        await gql(client, UPDATE, variables, token=owner.token)

    settings = (await gql(client, SETTINGS, token=owner.token))["data"]["notificationSettings"]

    assert cell(settings["preferences"], "NEW_CHAT", "IN_APP") is False
    assert await NotificationPreference.filter(event="NEW_CHAT").count() == 1


async def test_bad_updates_are_refused_and_change_nothing(client):
    owner = await sign_up(client)
    off = {"event": "NEW_CHAT", "channel": "IN_APP", "enabled": False}
    cases = [
        ({"preferences": []}, "preferences", "REQUIRED"),
        ({"preferences": [off, {**off, "enabled": True}]}, "preferences", "DUPLICATE_PREFERENCE"),
    ]

    for variables, field, code in cases:
        result = await gql(client, UPDATE, {"input": variables}, token=owner.token)
        payload = result["data"]["updateNotificationSettings"]
        assert [(e["field"], e["code"]) for e in payload["errors"]] == [(field, code)]
        assert payload["settings"] is None

    unknown = await gql(
        client,
        UPDATE,
        {"input": {"preferences": [{**off, "event": "NO_SUCH_EVENT"}]}},
        token=owner.token,
    )
    assert "errors" in unknown and unknown.get("data") is None
    assert await NotificationPreference.all().count() == 0


async def test_settings_need_a_signed_in_user(client):
    result = await gql(client, SETTINGS)

    assert result["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
