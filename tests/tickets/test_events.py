import asyncio
from urllib.parse import parse_qs, urlsplit

from models.accounts import User
from tests.graphql import gql, invite, sign_up
from tests.live import Socket
from tests.tickets.factories import make_contact, make_customer, make_ticket, stages
from tests.tickets.test_documents import attach

EVENTS = """
subscription { ticketEvents%s {
  kind at actor { email } ticket { number stage { name } assignee { email } documents { url } }
} }
"""
ASSIGN = """
mutation A($t: ID!, $u: ID) {
  assignTicket(input: {ticketId: $t, assigneeId: $u}) { errors { code } }
}
"""
TASK = """
mutation T($t: ID!) { addTicketTask(input: {ticketId: $t, title: "Call"}) { errors { code } } }
"""
MOVE = """
mutation M($t: ID!, $s: ID!) { moveTicket(input: {ticketId: $t, stageId: $s}) { errors { code } } }
"""


async def next_event(socket):
    return (await socket.next())["data"]["ticketEvents"]


async def test_events_reach_those_who_may_see_the_ticket_and_match_their_filter(client, ws_url):
    # given: Acme's owner follows everything, its agent only his own tickets, Globex everything
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    globex = await sign_up(client, "owner@globex.example", company="Globex")
    customer = await make_customer(client, owner)
    ids = await stages(client, owner)
    sockets = {
        "owner": await Socket.open(ws_url, owner.token),
        "agent": await Socket.open(ws_url, agent.token),
        "globex": await Socket.open(ws_url, globex.token),
    }
    await sockets["owner"].subscribe(EVENTS % "")
    await sockets["agent"].subscribe(EVENTS % f'(filter: {{assigneeIds: ["{agent.id}"]}})')
    await sockets["globex"].subscribe(EVENTS % "")
    await asyncio.sleep(0.2)

    # when a ticket is created (unassigned), then assigned to the agent
    ticket = await make_ticket(client, owner, customer)
    created = await next_event(sockets["owner"])
    await gql(client, ASSIGN, {"t": ticket["id"], "u": agent.id}, token=owner.token)

    # then
    assert created["kind"] == "CREATED"
    assert created["actor"] == {"email": owner.email}
    assert created["ticket"]["number"] == 1
    for name in ("owner", "agent"):
        event = await next_event(sockets[name])
        assert (event["kind"], event["ticket"]["assignee"]) == (
            "ASSIGNED",
            {"email": "agent@acme.example"},
        ), name

    # and tasks, moves and documents follow, to both
    await gql(client, TASK, {"t": ticket["id"]}, token=agent.token)
    await gql(client, MOVE, {"t": ticket["id"], "s": ids["In progress"]}, token=agent.token)
    await attach(client, agent, ticket["id"], "log.txt", b"hello")
    for name in ("owner", "agent"):
        kinds = [(await next_event(sockets[name]))["kind"] for _ in range(3)]
        assert kinds == ["TASK_ADDED", "STAGE_CHANGED", "DOCUMENT_ADDED"], name
    assert await sockets["globex"].nothing_within(0.3)
    for socket in sockets.values():
        await socket.close()


async def test_each_subscriber_gets_his_own_document_links(client, ws_url):
    # ticketEvents opts out of the shared execution of schema/fanout.py: two subscribers with
    # the same operation, company, role and language still see different Document.url values.
    owner = await sign_up(client)
    first = await invite(client, owner, "one@acme.example")
    second = await invite(client, owner, "two@acme.example")
    ticket = await make_ticket(client, owner, await make_customer(client, owner))
    sockets = [await Socket.open(ws_url, m.token) for m in (first, second)]
    for socket in sockets:
        await socket.subscribe(EVENTS % "")
    await asyncio.sleep(0.2)

    await attach(client, owner, ticket["id"], "a.txt", b"hello")

    users = []
    for socket in sockets:
        event = await next_event(socket)
        url = event["ticket"]["documents"][0]["url"]
        users.append(int(parse_qs(urlsplit(url).query)["user"][0]))
        assert (await client.get(url)).status_code == 200
        await socket.close()
    expected = [(await User.get(email=m.email)).pk for m in (first, second)]
    assert users == expected


async def test_a_ticket_that_leaves_a_filter_is_no_longer_sent(client, ws_url):
    owner = await sign_up(client)
    ids = await stages(client, owner)
    ticket = await make_ticket(client, owner, await make_customer(client, owner))
    socket = await Socket.open(ws_url, owner.token)
    await socket.subscribe(EVENTS % "(filter: {open: true})")
    await asyncio.sleep(0.2)

    await gql(client, MOVE, {"t": ticket["id"], "s": ids["In progress"]}, token=owner.token)
    await gql(client, MOVE, {"t": ticket["id"], "s": ids["Resolved"]}, token=owner.token)

    assert (await next_event(socket))["ticket"]["stage"] == {"name": "In progress"}
    assert await socket.nothing_within(0.3)
    await socket.close()


async def test_an_unfiltered_stream_follows_the_users_in_app_switch_a_filtered_one_does_not(
    client, ws_url
):
    # given: an agent who switched NEW_TICKET off in the app, and his teammate who did not
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    update = """
    mutation U($input: UpdateNotificationSettingsInput!) {
      updateNotificationSettings(input: $input) { errors { code } }
    }
    """
    off = {"preferences": [{"event": "NEW_TICKET", "channel": "IN_APP", "enabled": False}]}
    result = await gql(client, update, {"input": off}, token=agent.token)
    assert result["data"]["updateNotificationSettings"]["errors"] == []
    customer = await make_customer(client, owner)
    ids = await stages(client, owner)
    sockets = {
        "agent": await Socket.open(ws_url, agent.token),
        "agent, open tickets": await Socket.open(ws_url, agent.token),
        "owner": await Socket.open(ws_url, owner.token),
    }
    await sockets["agent"].subscribe(EVENTS % "")
    await sockets["agent, open tickets"].subscribe(EVENTS % "(filter: {open: true})")
    await sockets["owner"].subscribe(EVENTS % "")
    await asyncio.sleep(0.2)

    # when a ticket is created, then moved
    ticket = await make_ticket(client, owner, customer)
    await gql(client, MOVE, {"t": ticket["id"], "s": ids["In progress"]}, token=owner.token)

    # then the agent's unfiltered stream skips the creation but has the move
    assert (await next_event(sockets["agent"]))["kind"] == "STAGE_CHANGED"
    for name in ("agent, open tickets", "owner"):
        kinds = [(await next_event(sockets[name]))["kind"] for _ in range(2)]
        assert kinds == ["CREATED", "STAGE_CHANGED"], name
    for socket in sockets.values():
        assert await socket.nothing_within(0.2)
        await socket.close()


async def test_removals_reach_subscribers_as_updates(client, ws_url):
    # given: a ticket with a contact, a task, a link and a document, and two subscribers
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    globex = await sign_up(client, "owner@globex.example", company="Globex")
    customer = await make_customer(client, owner)
    contact = await make_contact(client, owner, customer)
    ticket = await make_ticket(client, owner, customer, contactIds=[contact])
    task = await gql(
        client,
        'mutation T($t: ID!) { addTicketTask(input: {ticketId: $t, title: "Call"}) '
        "{ task { id } } }",
        {"t": ticket["id"]},
        token=owner.token,
    )
    link = await gql(
        client,
        "mutation L($t: ID!) { addTicketLink(input: {ticketId: $t, kind: URL, "
        'target: "https://docs.example/x"}) { link { id } } }',
        {"t": ticket["id"]},
        token=owner.token,
    )
    document = (await attach(client, owner, ticket["id"], "log.txt", b"hello"))["document"]
    sockets = {
        "owner": await Socket.open(ws_url, owner.token),
        "globex": await Socket.open(ws_url, globex.token),
    }
    await sockets["owner"].subscribe(
        "subscription { ticketEvents { kind actor { email } ticket { number "
        "contacts { name } tasks { title } links { target } documents { filename } } } }"
    )
    await sockets["globex"].subscribe(EVENTS % "")
    await asyncio.sleep(0.2)

    # when the agent takes each of them off again
    removals = [
        ("removeTicketContact", f'ticketId: "{ticket["id"]}", contactId: "{contact}"'),
        ("deleteTicketTask", f'taskId: "{task["data"]["addTicketTask"]["task"]["id"]}"'),
        ("removeTicketLink", f'linkId: "{link["data"]["addTicketLink"]["link"]["id"]}"'),
        ("deleteDocument", f'documentId: "{document["id"]}"'),
    ]
    for name, arguments in removals:
        result = await gql(
            client,
            f"mutation {{ {name}(input: {{{arguments}}}) {{ errors {{ code }} }} }}",
            token=agent.token,
        )
        assert result["data"][name]["errors"] == [], name

    # then the owner sees each as an update of the ticket, by the agent, as it is now
    events = [await next_event(sockets["owner"]) for _ in removals]
    assert [(e["kind"], e["actor"]) for e in events] == [
        ("UPDATED", {"email": "agent@acme.example"})
    ] * 4
    assert events[-1]["ticket"] == {
        "number": 1,
        "contacts": [],
        "tasks": [],
        "links": [],
        "documents": [],
    }
    assert await sockets["globex"].nothing_within(0.3)
    for socket in sockets.values():
        await socket.close()
