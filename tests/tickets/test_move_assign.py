from models.tickets import TicketLogEntry
from tests.graphql import gql, invite, sign_up
from tests.tickets.factories import make_customer, make_ticket, stages, ticket_log

MOVE = """
mutation M($t: ID!, $s: ID!) {
  moveTicket(input: {ticketId: $t, stageId: $s}) {
    ticket { stage { name } closedAt } errors { field code }
  }
}
"""
ASSIGN = """
mutation A($t: ID!, $u: ID) {
  assignTicket(input: {ticketId: $t, assigneeId: $u}) {
    ticket { assignee { email } } errors { field code }
  }
}
"""
UPDATE = """
mutation U($input: UpdateTicketInput!) {
  updateTicket(input: $input) { ticket { title importance } errors { field code } }
}
"""
LOG_PAGE = """
query L($id: ID!, $after: String) {
  node(id: $id) { ... on Ticket { log(first: 2, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { action } } } } }
}
"""


async def test_moving_to_a_closed_stage_closes_and_back_reopens(client):
    owner = await sign_up(client)
    customer = await make_customer(client, owner)
    ids = await stages(client, owner)
    ticket = await make_ticket(client, owner, customer)

    closed = await gql(client, MOVE, {"t": ticket["id"], "s": ids["Resolved"]}, token=owner.token)
    reopened = await gql(
        client, MOVE, {"t": ticket["id"], "s": ids["In progress"]}, token=owner.token
    )

    assert closed["data"]["moveTicket"]["ticket"]["closedAt"] is not None
    assert reopened["data"]["moveTicket"]["ticket"] == {
        "stage": {"name": "In progress"},
        "closedAt": None,
    }
    log = await ticket_log(client, owner, ticket["id"])
    assert [entry["action"] for entry in log] == ["STAGE_CHANGED", "STAGE_CHANGED", "CREATED"]
    assert log[0]["changes"]["stage"] == {"before": "Resolved", "after": "In progress"}
    assert log[0]["changes"]["closedAt"]["after"] is None


async def test_assigning_and_updating_are_logged_field_by_field(client):
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example", name="Ali Agent")
    customer = await make_customer(client, owner)
    ticket = await make_ticket(client, owner, customer)

    assigned = await gql(client, ASSIGN, {"t": ticket["id"], "u": agent.id}, token=owner.token)
    updated = await gql(
        client,
        UPDATE,
        {"input": {"ticketId": ticket["id"], "title": "Printer melted", "importance": "HIGH"}},
        token=agent.token,
    )
    unassigned = await gql(client, ASSIGN, {"t": ticket["id"]}, token=agent.token)

    assert assigned["data"]["assignTicket"]["ticket"]["assignee"] == {"email": "agent@acme.example"}
    assert updated["data"]["updateTicket"]["ticket"] == {
        "title": "Printer melted",
        "importance": "HIGH",
    }
    assert unassigned["data"]["assignTicket"]["ticket"]["assignee"] is None
    log = await ticket_log(client, owner, ticket["id"])
    assert [e["action"] for e in log] == ["ASSIGNED", "UPDATED", "ASSIGNED", "CREATED"]
    assert log[1]["actor"] == {"email": "agent@acme.example"}
    assert log[1]["changes"] == {
        "title": {"before": "Printer on fire", "after": "Printer melted"},
        "importance": {"before": "NORMAL", "after": "HIGH"},
    }
    assert log[2]["changes"] == {"assignee": {"before": None, "after": "Ali Agent"}}


async def test_bad_moves_and_assignments_change_nothing(client):
    owner = await sign_up(client)
    globex = await sign_up(client, "owner@globex.example", company="Globex")
    customer = await make_customer(client, owner)
    ticket = await make_ticket(client, owner, customer)
    foreign_stage = (await stages(client, globex))["Resolved"]
    log_before = await TicketLogEntry.all().count()

    move = await gql(client, MOVE, {"t": ticket["id"], "s": foreign_stage}, token=owner.token)
    assign = await gql(client, ASSIGN, {"t": ticket["id"], "u": globex.id}, token=owner.token)
    update = await gql(
        client, UPDATE, {"input": {"ticketId": ticket["id"], "title": ""}}, token=owner.token
    )

    assert move["data"]["moveTicket"]["errors"] == [{"field": "stageId", "code": "NOT_FOUND"}]
    assert assign["data"]["assignTicket"]["errors"] == [
        {"field": "assigneeId", "code": "NOT_FOUND"}
    ]
    assert update["data"]["updateTicket"]["errors"] == [{"field": "title", "code": "REQUIRED"}]
    assert await TicketLogEntry.all().count() == log_before


async def test_the_log_is_paginated_newest_first(client):
    owner = await sign_up(client)
    customer = await make_customer(client, owner)
    ids = await stages(client, owner)
    ticket = await make_ticket(client, owner, customer)
    for name in ("In progress", "Waiting for customer", "Resolved"):
        await gql(client, MOVE, {"t": ticket["id"], "s": ids[name]}, token=owner.token)

    first = (await gql(client, LOG_PAGE, {"id": ticket["id"]}, token=owner.token))["data"]["node"][
        "log"
    ]
    after = first["pageInfo"]["endCursor"]
    second = (await gql(client, LOG_PAGE, {"id": ticket["id"], "after": after}, token=owner.token))[
        "data"
    ]["node"]["log"]

    assert first["totalCount"] == 4
    assert [e["node"]["action"] for e in first["edges"]] == ["STAGE_CHANGED", "STAGE_CHANGED"]
    assert [e["node"]["action"] for e in second["edges"]] == ["STAGE_CHANGED", "CREATED"]
    assert second["pageInfo"]["hasNextPage"] is False
