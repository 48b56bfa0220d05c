"""Tickets notify through the notifications entry point: the new assignee and the customer's
representative hear of a ticket; the one who made the change does not."""

from models.notifications import Delivery
from tests.graphql import deliver_notifications, gql, invite, sign_up
from tests.tickets.factories import make_customer, make_ticket

FEED = """
{ notifications { edges { node { event title body subjectId } } } }
"""
ASSIGN = """
mutation A($t: ID!, $u: ID) {
  assignTicket(input: {ticketId: $t, assigneeId: $u}) { errors { field code } }
}
"""
OPEN_SUBJECT = "query N($id: ID!) { node(id: $id) { ... on Ticket { title } } }"


async def feed(client, member):
    result = await gql(client, FEED, token=member.token)
    return [edge["node"] for edge in result["data"]["notifications"]["edges"]]


async def test_a_new_ticket_notifies_its_assignee_and_the_representative_not_its_author(client):
    # given: an owner, and two agents: one represents the customer, one will own the ticket
    owner = await sign_up(client)
    rep = await invite(client, owner, "rep@acme.example", name="Rana")
    agent = await invite(client, owner, "agent@acme.example")
    customer = await make_customer(client, owner, representativeId=rep.id)

    # when the owner records a ticket for the agent
    ticket = await make_ticket(client, owner, customer, assigneeId=agent.id)
    await deliver_notifications()

    # then the agent is told it is his, the representative that it exists; the owner nothing
    assert await feed(client, agent) == [
        {
            "event": "TICKET_ASSIGNED_TO_ME",
            "title": "A ticket was assigned to you",
            "body": "Printer on fire",
            "subjectId": ticket["id"],
        }
    ]
    assert [(n["event"], n["subjectId"]) for n in await feed(client, rep)] == [
        ("NEW_TICKET", ticket["id"])
    ]
    assert await feed(client, owner) == []
    # and the subject opens the ticket
    opened = await gql(client, OPEN_SUBJECT, {"id": ticket["id"]}, token=agent.token)
    assert opened["data"]["node"] == {"title": "Printer on fire"}


async def test_reassigning_notifies_the_new_assignee_only_and_a_refused_one_nobody(client):
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    customer = await make_customer(client, owner)
    ticket = await make_ticket(client, owner, customer)
    await deliver_notifications()
    queued = await Delivery.all().count()

    # an assignment to someone of no company is refused, and queues nothing
    refused = await gql(client, ASSIGN, {"t": ticket["id"], "u": "VXNlcjo5OTk="}, token=owner.token)
    errors = refused["data"]["assignTicket"]["errors"]
    assert errors == [{"field": "assigneeId", "code": "NOT_FOUND"}]
    assert await Delivery.all().count() == queued

    # taking it himself tells no one; giving it to the agent tells the agent
    for assignee in (owner, agent):
        result = await gql(client, ASSIGN, {"t": ticket["id"], "u": assignee.id}, token=owner.token)
        assert result["data"]["assignTicket"]["errors"] == []
    await deliver_notifications()
    assert [n["event"] for n in await feed(client, agent)] == ["TICKET_ASSIGNED_TO_ME"]
    assert await feed(client, owner) == []
