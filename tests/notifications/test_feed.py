from datetime import UTC, datetime

from models.notifications import Delivery, Notification
from tests.graphql import deliver_notifications, gql, invite, sign_up
from tests.notifications.producing import produce

FEED = """
query Feed($unreadOnly: Boolean, $first: Int, $after: String) {
  notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
    totalCount
    edges { node { id event title body readAt subjectId } }
    pageInfo { hasNextPage endCursor }
  }
  unreadNotificationCount
}
"""
MARK_READ = """
mutation Mark($input: MarkNotificationsReadInput!) {
  markNotificationsRead(input: $input) { unreadCount errors { field code message } }
}
"""
NODE = "query Node($id: ID!) { node(id: $id) { ... on Notification { id title } } }"
SET_LANGUAGE = 'mutation { setLanguage(input: {language: "tr"}) { errors { code } } }'


async def feed(client, member, **variables):
    return (await gql(client, FEED, variables, token=member.token))["data"]


async def test_a_notification_lands_in_the_feed_newest_first_in_the_users_language(client):
    # given an agent who speaks Turkish
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    await gql(client, SET_LANGUAGE, token=agent.token)

    # when two tickets are assigned to him
    await produce("TICKET_ASSIGNED_TO_ME", [agent], subject_id="41", title="Printer on fire")
    await produce("TICKET_ASSIGNED_TO_ME", [agent], subject_id="42", title="Screen is blue")
    await deliver_notifications()

    # then he sees both, the newest first, and nobody else sees them
    data = await feed(client, agent)
    assert data["unreadNotificationCount"] == 2
    assert data["notifications"]["totalCount"] == 2
    nodes = [edge["node"] for edge in data["notifications"]["edges"]]
    assert [(n["subjectId"], n["title"], n["body"]) for n in nodes] == [
        ("42", "Size bir talep atandı", "Screen is blue"),
        ("41", "Size bir talep atandı", "Printer on fire"),
    ]
    assert (await feed(client, owner))["notifications"]["totalCount"] == 0


async def test_pages_of_the_feed_follow_each_other(client):
    owner = await sign_up(client)
    for number in range(5):
        await produce("NEW_CHAT", [owner], subject_id=str(number), visitor=f"Visitor {number}")
    await deliver_notifications()

    first = (await feed(client, owner, first=3))["notifications"]
    second = (await feed(client, owner, first=3, after=first["pageInfo"]["endCursor"]))[
        "notifications"
    ]

    subjects = [e["node"]["subjectId"] for e in first["edges"] + second["edges"]]
    assert subjects == ["4", "3", "2", "1", "0"]
    assert (first["pageInfo"]["hasNextPage"], second["pageInfo"]["hasNextPage"]) == (True, False)


async def test_the_feed_costs_the_same_statements_whatever_its_size(client):
    owner = await sign_up(client)
    await produce("NEW_CHAT", [owner], visitor="A")
    await deliver_notifications()
    response = await client.post(
        "/graphql",
        json={"query": FEED, "variables": {"first": 50}},
        headers={"Authorization": f"Bearer {owner.token}"},
    )
    few = response.json()["extensions"]["debug"]["sqlStatements"]
    for number in range(20):
        await produce("NEW_CHAT", [owner], visitor=str(number))
    await deliver_notifications()

    response = await client.post(
        "/graphql",
        json={"query": FEED, "variables": {"first": 50}},
        headers={"Authorization": f"Bearer {owner.token}"},
    )

    assert response.json()["data"]["notifications"]["totalCount"] == 21
    assert response.json()["extensions"]["debug"]["sqlStatements"] == few


async def test_marking_read_by_id_and_all(client):
    owner = await sign_up(client)
    for number in range(3):
        await produce("NEW_CHAT", [owner], subject_id=str(number))
    await deliver_notifications()
    ids = [e["node"]["id"] for e in (await feed(client, owner))["notifications"]["edges"]]

    one = await gql(client, MARK_READ, {"input": {"ids": [ids[0]]}}, token=owner.token)
    unread = (await feed(client, owner, unreadOnly=True))["notifications"]
    everything = await gql(client, MARK_READ, {"input": {"all": True}}, token=owner.token)

    assert one["data"]["markNotificationsRead"] == {"unreadCount": 2, "errors": []}
    assert [e["node"]["id"] for e in unread["edges"]] == ids[1:]
    assert everything["data"]["markNotificationsRead"] == {"unreadCount": 0, "errors": []}
    assert (await feed(client, owner))["unreadNotificationCount"] == 0


async def test_a_teammates_notification_cannot_be_read_or_marked(client):
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    await produce("NEW_CHAT", [agent])
    await deliver_notifications()
    [edge] = (await feed(client, agent))["notifications"]["edges"]
    theirs = edge["node"]["id"]

    marked = await gql(client, MARK_READ, {"input": {"ids": [theirs]}}, token=owner.token)
    nothing = await gql(client, MARK_READ, {"input": {}}, token=owner.token)
    node = await gql(client, NODE, {"id": theirs}, token=owner.token)
    own_node = await gql(client, NODE, {"id": theirs}, token=agent.token)

    assert marked["data"]["markNotificationsRead"]["errors"][0]["code"] == "NOT_FOUND"
    assert nothing["data"]["markNotificationsRead"]["errors"][0]["code"] == "REQUIRED"
    assert node["data"]["node"] is None
    assert own_node["data"]["node"]["id"] == theirs
    assert await Notification.filter(read_at=None).count() == 1


async def test_a_delivery_repeated_after_a_crash_adds_no_second_entry(client):
    owner = await sign_up(client)
    await produce("NEW_CHAT", [owner])
    await deliver_notifications()

    # the process died after writing the entry but before recording the delivery: its lease
    # runs out and another dispatcher takes the delivery again
    await Delivery.filter(channel="IN_APP").update(
        status="SENDING", lease_token="dead-process", lease_expires_at=datetime.now(UTC)
    )
    await deliver_notifications()

    assert (await feed(client, owner))["notifications"]["totalCount"] == 1
    assert await Delivery.filter(channel="IN_APP", status="DELIVERED", attempts=2).count() == 1
