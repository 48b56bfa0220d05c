from models.integrations import ApiKey
from models.notifications import Delivery
from tests.graphql import deliver_notifications, gql, invite, sign_up

CREATE_KEY = """
mutation Create($name: String!) {
  createApiKey(input: {name: $name}) {
    key apiKey { id name prefix revokedAt } errors { field code message }
  }
}
"""
REVOKE_KEY = """
mutation Revoke($id: ID!) {
  revokeApiKey(input: {apiKeyId: $id}) { apiKey { revokedAt } errors { field code } }
}
"""
API_KEYS = "{ apiKeys { name prefix lastUsedAt revokedAt } }"
INGEST = """
mutation Ingest($input: IngestEventInput!) {
  ingestEvent(input: $input) { queued errors { field code message } }
}
"""
FEED = "{ notifications { edges { node { event title body subjectId } } } }"
HANDOVER = {
    "event": "CHATBOT_HANDOVER",
    "subjectId": "bot-conversation-77",
    "summary": "Vera asks for a refund; the bot cannot help.",
}


async def new_key(client, admin, name="Chatbot"):
    payload = (await gql(client, CREATE_KEY, {"name": name}, token=admin.token))["data"][
        "createApiKey"
    ]
    assert payload["errors"] == [], payload
    return payload


async def ingest(client, key, event=HANDOVER, header="X-Api-Key"):
    value = key if header == "X-Api-Key" else f"ApiKey {key}"
    return await gql(client, INGEST, {"input": event}, headers={header: value})


async def test_a_chatbot_hands_over_with_the_companys_key(client):
    # given an API key of Acme, shown once
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    made = await new_key(client, owner)
    assert made["key"].startswith(made["apiKey"]["prefix"])

    # when the chatbot reports a hand-over with it (either header form)
    first = await ingest(client, made["key"])
    second = await ingest(client, made["key"], header="Authorization")
    await deliver_notifications()

    # then every user gets it on his channels (IN_APP and MOBILE_PUSH by default)
    assert first["data"]["ingestEvent"] == {"queued": 4, "errors": []}
    assert second["data"]["ingestEvent"]["queued"] == 4
    feed = (await gql(client, FEED, token=agent.token))["data"]["notifications"]["edges"]
    assert feed[0]["node"] == {
        "event": "CHATBOT_HANDOVER",
        "title": "The chatbot handed a conversation over",
        "body": "Vera asks for a refund; the bot cannot help.",
        "subjectId": "bot-conversation-77",
    }
    listed = (await gql(client, API_KEYS, token=owner.token))["data"]["apiKeys"]
    assert [(k["name"], k["lastUsedAt"] is not None) for k in listed] == [("Chatbot", True)]


async def test_only_a_hash_of_the_key_is_kept(client):
    owner = await sign_up(client)

    made = await new_key(client, owner)

    [stored] = await ApiKey.all().values()
    assert made["key"] not in {str(value) for value in stored.values()}
    assert len(stored["key_hash"]) == 64


async def test_no_key_a_wrong_key_or_a_revoked_key_is_refused(client):
    owner = await sign_up(client)
    made = await new_key(client, owner)
    revoked = await gql(client, REVOKE_KEY, {"id": made["apiKey"]["id"]}, token=owner.token)
    assert revoked["data"]["revokeApiKey"]["apiKey"]["revokedAt"] is not None

    attempts = [
        await gql(client, INGEST, {"input": HANDOVER}),
        await gql(client, INGEST, {"input": HANDOVER}, token=owner.token),
        await ingest(client, "fdk_not-a-key-of-anybody"),
        await ingest(client, made["key"]),
    ]

    for result in attempts:
        assert result["data"] is None
        assert result["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert await Delivery.all().count() == 0


async def test_only_outside_events_and_own_users_are_accepted(client):
    acme = await sign_up(client)
    agent = await invite(client, acme, "agent@acme.example")
    globex = await sign_up(client, "owner@globex.example", company="Globex")
    made = await new_key(client, acme)
    cases = [
        ({**HANDOVER, "event": "NEW_TICKET"}, "event", "EVENT_NOT_ALLOWED"),
        ({**HANDOVER, "recipientIds": [globex.id]}, "recipientIds", "NOT_FOUND"),
        ({**HANDOVER, "recipientIds": []}, "recipientIds", "REQUIRED"),
        ({**HANDOVER, "summary": "x" * 1001}, "summary", "TOO_LONG"),
        ({**HANDOVER, "subjectId": "x" * 65}, "subjectId", "TOO_LONG"),
    ]
    for event, field, code in cases:
        payload = (await ingest(client, made["key"], event))["data"]["ingestEvent"]
        assert [(e["field"], e["code"]) for e in payload["errors"]] == [(field, code)], event
        assert payload["queued"] is None
    assert await Delivery.exclude(kind="INVITATION").count() == 0

    reservation = {
        "event": "RESERVATION_CREATED",
        "summary": "Table for 4",
        "recipientIds": [agent.id],
    }
    payload = (await ingest(client, made["key"], reservation))["data"]["ingestEvent"]

    assert payload == {"queued": 1, "errors": []}  # IN_APP only, for the agent only
    assert (
        await Delivery.filter(kind="RESERVATION_CREATED", user__email="agent@acme.example").count()
        == 1
    )


async def test_agents_cannot_manage_keys(client):
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")

    created = await gql(client, CREATE_KEY, {"name": "Mine"}, token=agent.token)
    listed = await gql(client, API_KEYS, token=agent.token)
    blank = await gql(client, CREATE_KEY, {"name": " "}, token=owner.token)

    assert created["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert listed["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert blank["data"]["createApiKey"]["errors"][0]["code"] == "REQUIRED"
    assert await ApiKey.all().count() == 0
