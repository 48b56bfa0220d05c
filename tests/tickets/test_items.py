import base64

from models.tickets import TicketLogEntry, TicketTask
from tests.graphql import gql, invite, sign_up
from tests.tickets.factories import make_customer, make_ticket, stages, ticket_log

ADD_TASK = """
mutation T($input: AddTicketTaskInput!) {
  addTicketTask(input: $input) {
    task { id title done dueAt assignee { email } } ticket { tasks { title } } errors { field code }
  }
}
"""
UPDATE_TASK = """
mutation U($input: UpdateTicketTaskInput!) {
  updateTicketTask(input: $input) { task { title done } errors { field code } }
}
"""
ADD_LINK = """
mutation L($input: AddTicketLinkInput!) {
  addTicketLink(input: $input) { link { kind target label } errors { field code } }
}
"""
ADD_NOTE = """
mutation N($input: AddTicketNoteInput!) {
  addTicketNote(input: $input) {
    note { body author { email } } ticket { notes { body } } errors { field code }
  }
}
"""
MOVE = (
    "mutation M($t: ID!, $s: ID!) "
    "{ moveTicket(input: {ticketId: $t, stageId: $s}) { errors { code } } }"
)


async def test_tasks_are_added_done_and_logged(client):
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    ticket = await make_ticket(client, owner, await make_customer(client, owner))

    added = await gql(
        client,
        ADD_TASK,
        {
            "input": {
                "ticketId": ticket["id"],
                "title": "Call back",
                "assigneeId": agent.id,
                "dueAt": "2030-01-02T10:00:00+00:00",
            }
        },
        token=owner.token,
    )
    task = added["data"]["addTicketTask"]["task"]
    done = await gql(
        client, UPDATE_TASK, {"input": {"taskId": task["id"], "done": True}}, token=agent.token
    )

    assert added["data"]["addTicketTask"]["errors"] == []
    assert task["assignee"] == {"email": "agent@acme.example"}
    assert task["dueAt"].startswith("2030-01-02T10:00:00")
    assert added["data"]["addTicketTask"]["ticket"]["tasks"] == [{"title": "Call back"}]
    assert done["data"]["updateTicketTask"]["task"] == {"title": "Call back", "done": True}
    log = await ticket_log(client, owner, ticket["id"])
    assert [e["action"] for e in log] == ["TASK_UPDATED", "TASK_ADDED", "CREATED"]
    assert log[0]["changes"]["done"] == {"before": False, "after": True}


async def test_a_closed_ticket_takes_no_tasks(client):
    owner = await sign_up(client)
    ticket = await make_ticket(client, owner, await make_customer(client, owner))
    await gql(
        client,
        MOVE,
        {"t": ticket["id"], "s": (await stages(client, owner))["Resolved"]},
        token=owner.token,
    )
    log_before = await TicketLogEntry.all().count()

    result = await gql(
        client, ADD_TASK, {"input": {"ticketId": ticket["id"], "title": "Late"}}, token=owner.token
    )

    assert result["data"]["addTicketTask"]["errors"] == [
        {"field": "ticketId", "code": "TICKET_CLOSED"}
    ]
    assert await TicketTask.all().count() == 0
    assert await TicketLogEntry.all().count() == log_before


async def test_links_point_to_tickets_chats_and_web_addresses(client):
    owner = await sign_up(client)
    customer = await make_customer(client, owner)
    first = await make_ticket(client, owner, customer)
    second = await make_ticket(client, owner, customer, title="Follow-up")

    to_ticket = await gql(
        client,
        ADD_LINK,
        {"input": {"ticketId": second["id"], "kind": "TICKET", "target": first["id"]}},
        token=owner.token,
    )
    to_url = await gql(
        client,
        ADD_LINK,
        {
            "input": {
                "ticketId": second["id"],
                "kind": "URL",
                "target": "https://docs.example/x",
                "label": "Docs",
            }
        },
        token=owner.token,
    )
    bad_url = await gql(
        client,
        ADD_LINK,
        {"input": {"ticketId": second["id"], "kind": "URL", "target": "javascript:alert(1)"}},
        token=owner.token,
    )
    itself = await gql(
        client,
        ADD_LINK,
        {"input": {"ticketId": second["id"], "kind": "TICKET", "target": second["id"]}},
        token=owner.token,
    )

    assert to_ticket["data"]["addTicketLink"]["link"] == {
        "kind": "TICKET",
        "target": first["id"],
        "label": "#1 Printer on fire",
    }
    assert to_url["data"]["addTicketLink"]["link"] == {
        "kind": "URL",
        "target": "https://docs.example/x",
        "label": "Docs",
    }
    assert bad_url["data"]["addTicketLink"]["errors"] == [
        {"field": "target", "code": "INVALID_URL"}
    ]
    assert itself["data"]["addTicketLink"]["errors"] == [
        {"field": "target", "code": "LINK_TO_ITSELF"}
    ]


async def test_a_link_to_a_ticket_keeps_the_tickets_id_as_the_api_spells_it(client):
    # given: a ticket's ID spelled another way that still names it ("Ticket:01")
    owner = await sign_up(client)
    customer = await make_customer(client, owner)
    first = await make_ticket(client, owner, customer)
    second = await make_ticket(client, owner, customer, title="Follow-up")
    pk = base64.b64decode(first["id"]).decode().split(":")[1]
    other_spelling = base64.b64encode(f"Ticket:0{pk}".encode()).decode()
    assert other_spelling != first["id"]

    # when
    linked = await gql(
        client,
        ADD_LINK,
        {"input": {"ticketId": second["id"], "kind": "TICKET", "target": other_spelling}},
        token=owner.token,
    )

    # then the link names the ticket by its ID, so deleting that ticket finds the link
    assert linked["data"]["addTicketLink"]["link"]["target"] == first["id"]
    deleted = await gql(
        client,
        "mutation D($t: ID!) { deleteTicket(input: {ticketId: $t}) { errors { code } } }",
        {"t": first["id"]},
        token=owner.token,
    )
    assert deleted["data"]["deleteTicket"]["errors"] == []
    links = await gql(
        client,
        "query Q($id: ID!) { node(id: $id) { ... on Ticket { links { target } } } }",
        {"id": second["id"]},
        token=owner.token,
    )
    assert links["data"]["node"]["links"] == []


async def test_notes_are_part_of_the_timeline(client):
    owner = await sign_up(client)
    ticket = await make_ticket(client, owner, await make_customer(client, owner))

    result = await gql(
        client,
        ADD_NOTE,
        {"input": {"ticketId": ticket["id"], "body": "Customer is angry"}},
        token=owner.token,
    )
    blank = await gql(
        client, ADD_NOTE, {"input": {"ticketId": ticket["id"], "body": ""}}, token=owner.token
    )

    payload = result["data"]["addTicketNote"]
    assert payload["note"] == {"body": "Customer is angry", "author": {"email": owner.email}}
    assert payload["ticket"]["notes"] == [{"body": "Customer is angry"}]
    assert blank["data"]["addTicketNote"]["errors"] == [{"field": "body", "code": "REQUIRED"}]
    log = await ticket_log(client, owner, ticket["id"])
    assert log[0]["action"] == "NOTE_ADDED"
    assert log[0]["changes"] == {"note": {"before": None, "after": "Customer is angry"}}
