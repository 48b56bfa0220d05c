import asyncio
from pathlib import Path

from models.customers import ContactPerson
from models.notifications import Delivery, Notification
from models.tickets import (
    Document,
    Ticket,
    TicketContact,
    TicketCounter,
    TicketLink,
    TicketLogEntry,
    TicketNote,
    TicketParameter,
    TicketSearchTerm,
    TicketTask,
)
from settings import get_settings
from tests.graphql import deliver_notifications, gql, invite, sign_up
from tests.live import Socket
from tests.tickets.factories import (
    make_contact,
    make_customer,
    make_field,
    make_ticket,
    ticket_log,
    unknown_id,
)
from tests.tickets.test_documents import PDF, attach, stored_files

DELETE = """
mutation D($input: DeleteTicketInput!) {
  deleteTicket(input: $input) { deletedTicketId errors { field code message } }
}
"""
ADD_TASK = """
mutation T($t: ID!) { addTicketTask(input: {ticketId: $t, title: "Call back"}) { errors { code } } }
"""
ADD_NOTE = """
mutation N($t: ID!) { addTicketNote(input: {ticketId: $t, body: "Called"}) { errors { code } } }
"""
ADD_LINK = """
mutation L($t: ID!, $kind: LinkKind!, $target: String!) {
  addTicketLink(input: {ticketId: $t, kind: $kind, target: $target}) { errors { code } }
}
"""
NODE = "query Q($id: ID!) { node(id: $id) { id } }"
LINKS = "query Q($id: ID!) { node(id: $id) { ... on Ticket { links { kind target } } } }"
SEARCH = "query S($q: String!) { tickets(filter: {search: $q}) { edges { node { number } } } }"
PARTS = (
    TicketTask,
    TicketLink,
    TicketContact,
    TicketNote,
    TicketParameter,
    TicketSearchTerm,
    Document,
    TicketLogEntry,
)


async def link(client, member, ticket_id, kind, target):
    result = await gql(
        client, ADD_LINK, {"t": ticket_id, "kind": kind, "target": target}, token=member.token
    )
    assert result["data"]["addTicketLink"]["errors"] == [], result


async def everything():
    """Every ticket and every row that hangs on one, with the stored files."""
    rows = {model.__name__: await model.all().count() for model in (Ticket, *PARTS)}
    return rows, stored_files()


async def a_ticket_with_everything(client, owner, customer, title="Printer on fire"):
    contact = await make_contact(client, owner, customer)
    ticket = await make_ticket(
        client, owner, customer, title=title, contactIds=[contact], parameters={"plan": "Gold"}
    )
    await gql(client, ADD_TASK, {"t": ticket["id"]}, token=owner.token)
    await gql(client, ADD_NOTE, {"t": ticket["id"]}, token=owner.token)
    await link(client, owner, ticket["id"], "URL", "https://docs.example/x")
    await attach(client, owner, ticket["id"], "report.pdf", PDF)
    await attach(client, owner, ticket["id"], "lost.txt", b"hello")
    return ticket


async def test_an_admin_deletes_a_ticket_with_everything_on_it(client):
    # given: ticket 1 with a contact, a parameter, a task, a note, links and two documents (one
    # of whose files is already gone), ticket 2 linking to it, and ticket 3 with its own things
    owner = await sign_up(client)
    admin = await invite(client, owner, "admin@acme.example", role="ADMIN")
    await make_field(client, owner, "plan", "TEXT")
    customer = await make_customer(client, owner)
    doomed = await a_ticket_with_everything(client, owner, customer)
    linking = await make_ticket(client, owner, customer, title="Fax broken")
    await link(client, owner, linking["id"], "TICKET", doomed["id"])
    await link(client, owner, linking["id"], "URL", "https://docs.example/fax")
    await link(client, owner, doomed["id"], "TICKET", linking["id"])
    survivor = await a_ticket_with_everything(client, owner, customer, title="Printer jammed")
    lost = await Document.get(filename="lost.txt", ticket__number=1)
    (Path(get_settings().storage_dir) / lost.stored_name).unlink()
    doomed_pk = (await Ticket.get(number=1)).pk
    survivor_pk = (await Ticket.get(number=3)).pk
    doomed_files = [
        Path(get_settings().storage_dir) / row.stored_name
        for row in await Document.filter(ticket__number=1)
    ]
    survivor_files = {
        Path(get_settings().storage_dir) / row.stored_name
        for row in await Document.filter(ticket__number=3)
    }
    files_before = set(stored_files())

    # when
    result = await gql(client, DELETE, {"input": {"ticketId": doomed["id"]}}, token=admin.token)

    # then the ticket is gone, with all that hung on it, its files included
    assert result["data"]["deleteTicket"] == {"deletedTicketId": doomed["id"], "errors": []}
    assert (await gql(client, NODE, {"id": doomed["id"]}, token=owner.token))["data"] == {
        "node": None
    }
    found = await gql(client, SEARCH, {"q": "printer"}, token=owner.token)
    assert found["data"]["tickets"]["edges"] == [{"node": {"number": 3}}, {"node": {"number": 2}}]
    for model in PARTS:
        assert await model.filter(ticket_id=doomed_pk).count() == 0, model.__name__
        assert await model.filter(ticket_id=survivor_pk).count() > 0, model.__name__
    assert not any(path.exists() for path in doomed_files)
    assert set(stored_files()) == files_before - set(doomed_files)
    assert survivor_files <= files_before - set(doomed_files)
    # the customer keeps his contact person
    assert await ContactPerson.filter(customer__name="Initech").count() == 2
    # the ticket that linked to it keeps its other links, and its log says what went
    links = await gql(client, LINKS, {"id": linking["id"]}, token=owner.token)
    assert links["data"]["node"]["links"] == [{"kind": "URL", "target": "https://docs.example/fax"}]
    log = await ticket_log(client, owner, linking["id"])
    assert log[0]["action"] == "LINK_REMOVED"
    assert log[0]["actor"] == {"email": "admin@acme.example"}
    assert log[0]["changes"] == {
        "link": {"before": f"TICKET {doomed['id']}", "after": None},
        "deletedTicket": "#1 Printer on fire",
    }
    assert survivor["number"] == 3


async def test_a_deleted_tickets_number_is_not_given_again(client):
    owner = await sign_up(client)
    customer = await make_customer(client, owner)
    await make_ticket(client, owner, customer)
    last = await make_ticket(client, owner, customer)

    result = await gql(client, DELETE, {"input": {"ticketId": last["id"]}}, token=owner.token)
    after = await make_ticket(client, owner, customer)

    assert result["data"]["deleteTicket"]["errors"] == []
    assert (last["number"], after["number"]) == (2, 3)
    assert (await TicketCounter.get()).last_number == 3


async def test_notifications_about_a_deleted_ticket_stay(client):
    # given: a ticket assigned to the agent, who was notified in the app
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    ticket = await make_ticket(
        client, owner, await make_customer(client, owner), assigneeId=agent.id
    )
    await deliver_notifications()
    feed = "{ notifications { totalCount edges { node { title } } } }"
    before = await gql(client, feed, token=agent.token)
    deliveries = await Delivery.all().count()

    # when
    result = await gql(client, DELETE, {"input": {"ticketId": ticket["id"]}}, token=owner.token)

    # then
    assert result["data"]["deleteTicket"]["errors"] == []
    assert before["data"]["notifications"]["totalCount"] == 1
    assert (await gql(client, feed, token=agent.token))["data"] == before["data"]
    assert await Notification.all().count() == 1
    assert await Delivery.all().count() == deliveries


async def test_agents_may_not_delete_tickets(client):
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    await make_field(client, owner, "plan", "TEXT")
    ticket = await a_ticket_with_everything(client, owner, await make_customer(client, owner))
    before = await everything()

    result = await gql(client, DELETE, {"input": {"ticketId": ticket["id"]}}, token=agent.token)

    assert result["data"] is None
    assert [error["extensions"]["code"] for error in result["errors"]] == ["FORBIDDEN"]
    assert await everything() == before


async def test_deleting_a_ticket_bad_input_changes_nothing(client):
    # given: a ticket of Acme, and one of Globex linked to Acme's ticket by its ID
    owner = await sign_up(client)
    await make_field(client, owner, "plan", "TEXT")
    customer = await make_customer(client, owner)
    ticket = await a_ticket_with_everything(client, owner, customer)
    globex = await sign_up(client, "owner@globex.example", company="Globex")
    foreign = await make_ticket(client, globex, await make_customer(client, globex))
    await gql(client, ADD_NOTE, {"t": foreign["id"]}, token=globex.token)
    before = await everything()

    for ticket_id in (foreign["id"], unknown_id("Ticket"), customer, "not an id"):
        # when
        result = await gql(client, DELETE, {"input": {"ticketId": ticket_id}}, token=owner.token)

        # then
        payload = result["data"]["deleteTicket"]
        assert payload["deletedTicketId"] is None, ticket_id
        assert [(e["field"], e["code"]) for e in payload["errors"]] == [
            ("ticketId", "NOT_FOUND")
        ], ticket_id
        assert payload["errors"][0]["message"] == "Not found."
    signed_out = await gql(client, DELETE, {"input": {"ticketId": ticket["id"]}})
    assert signed_out["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert await everything() == before
    own = await gql(client, NODE, {"id": foreign["id"]}, token=globex.token)
    assert own["data"]["node"] == {"id": foreign["id"]}


async def test_subscribers_who_may_see_the_ticket_get_deleted_with_the_ticket_as_it_was(
    client, ws_url
):
    # given: the owner follows everything, the agent his own tickets, Globex everything; a
    # second ticket links to the one that will go
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    globex = await sign_up(client, "owner@globex.example", company="Globex")
    customer = await make_customer(client, owner)
    doomed = await make_ticket(client, owner, customer, assigneeId=agent.id)
    await gql(client, ADD_TASK, {"t": doomed["id"]}, token=owner.token)
    linking = await make_ticket(client, owner, customer, title="Fax broken")
    await link(client, owner, linking["id"], "TICKET", doomed["id"])
    selection = (
        "kind actor { email } ticket { id number title customer { name } stage { name } "
        "assignee { email } tasks { title } }"
    )
    sockets = {
        "owner": await Socket.open(ws_url, owner.token),
        "agent": await Socket.open(ws_url, agent.token),
        "agent, Fax only": await Socket.open(ws_url, agent.token),
        "globex": await Socket.open(ws_url, globex.token),
    }
    stream = "subscription { ticketEvents%s { " + selection + " } }"
    await sockets["owner"].subscribe(stream % "")
    await sockets["agent"].subscribe(stream % f'(filter: {{assigneeIds: ["{agent.id}"]}})')
    await sockets["agent, Fax only"].subscribe(stream % '(filter: {search: "fax"})')
    await sockets["globex"].subscribe(stream % "")
    await asyncio.sleep(0.2)

    # when
    result = await gql(client, DELETE, {"input": {"ticketId": doomed["id"]}}, token=owner.token)
    assert result["data"]["deleteTicket"]["errors"] == []

    # then the linking ticket's update comes first, then the deletion, to every stream of Acme
    deleted = {
        "kind": "DELETED",
        "actor": {"email": owner.email},
        "ticket": {
            "id": doomed["id"],
            "number": 1,
            "title": "Printer on fire",
            "customer": {"name": "Initech"},
            "stage": {"name": "New"},
            "assignee": {"email": "agent@acme.example"},
            "tasks": [],
        },
    }
    owners = [(await sockets["owner"].next())["data"]["ticketEvents"] for _ in range(2)]
    assert [(event["kind"], event["ticket"]["number"]) for event in owners] == [
        ("UPDATED", 2),
        ("DELETED", 1),
    ]
    assert owners[1] == deleted
    assert (await sockets["agent"].next())["data"]["ticketEvents"] == deleted
    fax_only = [(await sockets["agent, Fax only"].next())["data"]["ticketEvents"] for _ in "ab"]
    assert [event["kind"] for event in fax_only] == ["UPDATED", "DELETED"]
    assert await sockets["globex"].nothing_within(0.3)
    for socket in sockets.values():
        assert await socket.nothing_within(0.1)
        await socket.close()
