from tests.graphql import gql, invite, sign_up

AUDIENCE = """
query Audience($event: NotificationEvent!) {
  notificationAudience(event: $event) { user { email } channels switchedOff mobileDevices }
}
"""
UPDATE = """
mutation Update($input: UpdateNotificationSettingsInput!) {
  updateNotificationSettings(input: $input) { errors { code } }
}
"""
REGISTER = """
mutation { registerDevice(input: {platform: IOS, token: "bea-phone"}) { errors { code } } }
"""
DEACTIVATE = "mutation D($id: ID!) { deactivateUser(input: {userId: $id}) { errors { code } } }"


async def test_an_admin_sees_who_would_get_an_event_and_why_not(client):
    # given: Ali switched pushes of new chats off, Bea has a phone, Cem was deactivated
    owner = await sign_up(client, "owner@acme.example")
    ali = await invite(client, owner, "ali@acme.example", name="Ali")
    bea = await invite(client, owner, "bea@acme.example", name="Bea")
    cem = await invite(client, owner, "cem@acme.example", name="Cem")
    await sign_up(client, "owner@globex.example", company="Globex")
    off = {"event": "NEW_CHAT", "channel": "MOBILE_PUSH", "enabled": False}
    await gql(client, UPDATE, {"input": {"preferences": [off]}}, token=ali.token)
    await gql(client, REGISTER, token=bea.token)
    await gql(client, DEACTIVATE, {"id": cem.id}, token=owner.token)

    # when the owner asks who would hear of a new chat
    result = await gql(client, AUDIENCE, {"event": "NEW_CHAT"}, token=owner.token)

    # then
    assert result["data"]["notificationAudience"] == [
        {
            "user": {"email": "owner@acme.example"},
            "channels": ["IN_APP"],  # push is on, but he has no device
            "switchedOff": ["EMAIL"],
            "mobileDevices": 0,
        },
        {
            "user": {"email": "ali@acme.example"},
            "channels": ["IN_APP"],
            "switchedOff": ["EMAIL", "MOBILE_PUSH"],
            "mobileDevices": 0,
        },
        {
            "user": {"email": "bea@acme.example"},
            "channels": ["IN_APP", "MOBILE_PUSH"],
            "switchedOff": ["EMAIL"],
            "mobileDevices": 1,
        },
    ]


async def test_agents_cannot_see_the_audience(client):
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")

    result = await gql(client, AUDIENCE, {"event": "NEW_CHAT"}, token=agent.token)

    assert result["errors"][0]["extensions"]["code"] == "FORBIDDEN"
