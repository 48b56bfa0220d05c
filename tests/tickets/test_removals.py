from models.customers import ContactPerson
from models.tickets import TicketContact, TicketLink, TicketLogEntry, TicketTask
from tests.graphql import gql, invite, sign_up
from tests.tickets.factories import (
    make_contact,
    make_customer,
    make_ticket,
    stages,
    ticket_log,
    unknown_id,
)

REMOVE_CONTACT = """
mutation R($input: RemoveTicketContactInput!) {
  removeTicketContact(input: $input) { ticket { contacts { name } } errors { field code message } }
}
"""
ADD_TASK = """
mutation T($t: ID!, $title: String!) {
  addTicketTask(input: {ticketId: $t, title: $title}) { task { id } errors { code } }
}
"""
DELETE_TASK = """
mutation D($input: DeleteTicketTaskInput!) {
  deleteTicketTask(input: $input) { ticket { tasks { title } } errors { field code message } }
}
"""
ADD_LINK = """
mutation L($t: ID!, $target: String!) {
  addTicketLink(input: {ticketId: $t, kind: URL, target: $target}) { link { id } errors { code } }
}
"""
REMOVE_LINK = """
mutation R($input: RemoveTicketLinkInput!) {
  removeTicketLink(input: $input) { ticket { links { target } } errors { field code message } }
}
"""
MOVE = (
    "mutation M($t: ID!, $s: ID!) "
    "{ moveTicket(input: {ticketId: $t, stageId: $s}) { errors { code } } }"
)


async def add_task(client, member, ticket_id, title="Call back"):
    result = await gql(client, ADD_TASK, {"t": ticket_id, "title": title}, token=member.token)
    assert result["data"]["addTicketTask"]["errors"] == [], result
    return result["data"]["addTicketTask"]["task"]["id"]


async def add_link(client, member, ticket_id, target="https://docs.example/x"):
    result = await gql(client, ADD_LINK, {"t": ticket_id, "target": target}, token=member.token)
    assert result["data"]["addTicketLink"]["errors"] == [], result
    return result["data"]["addTicketLink"]["link"]["id"]


def codes(payload):
    return [(error["field"], error["code"]) for error in payload["errors"]]


# ---------------------------------------------------------------- contacts


async def test_an_agent_takes_a_contact_person_off_a_ticket_and_the_log_says_so(client):
    # given
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    customer = await make_customer(client, owner)
    peter = await make_contact(client, owner, customer)
    michael = await make_contact(client, owner, customer, "Michael Bolton")
    ticket = await make_ticket(client, owner, customer, contactIds=[peter, michael])

    # when
    result = await gql(
        client,
        REMOVE_CONTACT,
        {"input": {"ticketId": ticket["id"], "contactId": peter}},
        token=agent.token,
    )

    # then
    assert result["data"]["removeTicketContact"] == {
        "ticket": {"contacts": [{"name": "Michael Bolton"}]},
        "errors": [],
    }
    log = await ticket_log(client, owner, ticket["id"])
    assert [entry["action"] for entry in log] == ["CONTACT_REMOVED", "CREATED"]
    assert log[0]["actor"] == {"email": "agent@acme.example"}
    assert log[0]["changes"] == {"contact": {"before": "Peter Gibbons", "after": None}}
    # he is still the customer's contact person
    assert await ContactPerson.filter(name="Peter Gibbons").count() == 1


async def test_removing_a_contact_that_is_not_there_changes_nothing(client):
    # given
    owner = await sign_up(client)
    customer = await make_customer(client, owner)
    peter = await make_contact(client, owner, customer)
    bystander = await make_contact(client, owner, customer, "Bill Lumbergh")
    ticket = await make_ticket(client, owner, customer, contactIds=[peter])
    globex = await sign_up(client, "owner@globex.example", company="Globex")
    foreign_customer = await make_customer(client, globex, "Foreign")
    foreign_contact = await make_contact(client, globex, foreign_customer)
    foreign_ticket = await make_ticket(
        client, globex, foreign_customer, contactIds=[foreign_contact]
    )
    contacts_before = await TicketContact.all().count()
    log_before = await TicketLogEntry.all().count()
    cases = [
        ({"ticketId": ticket["id"], "contactId": bystander}, "contactId"),
        ({"ticketId": ticket["id"], "contactId": unknown_id("ContactPerson")}, "contactId"),
        ({"ticketId": ticket["id"], "contactId": foreign_contact}, "contactId"),
        ({"ticketId": ticket["id"], "contactId": customer}, "contactId"),  # another type
        ({"ticketId": unknown_id("Ticket"), "contactId": peter}, "ticketId"),
        ({"ticketId": foreign_ticket["id"], "contactId": foreign_contact}, "ticketId"),
    ]

    for given, field in cases:
        # when
        result = await gql(client, REMOVE_CONTACT, {"input": given}, token=owner.token)

        # then
        payload = result["data"]["removeTicketContact"]
        assert payload["ticket"] is None, given
        assert codes(payload) == [(field, "NOT_FOUND")], given
        assert payload["errors"][0]["message"] == "Not found."
    signed_out = await gql(
        client, REMOVE_CONTACT, {"input": {"ticketId": ticket["id"], "contactId": peter}}
    )
    assert signed_out["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert await TicketContact.all().count() == contacts_before
    assert await TicketLogEntry.all().count() == log_before


# ---------------------------------------------------------------- tasks


async def test_an_agent_deletes_a_task_and_the_log_keeps_what_it_was(client):
    # given
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    ticket = await make_ticket(client, owner, await make_customer(client, owner))
    mistake = await add_task(client, owner, ticket["id"], "Call the wrong customer")
    await add_task(client, owner, ticket["id"], "Call back")

    # when
    result = await gql(client, DELETE_TASK, {"input": {"taskId": mistake}}, token=agent.token)
    again = await gql(client, DELETE_TASK, {"input": {"taskId": mistake}}, token=agent.token)

    # then
    assert result["data"]["deleteTicketTask"] == {
        "ticket": {"tasks": [{"title": "Call back"}]},
        "errors": [],
    }
    assert codes(again["data"]["deleteTicketTask"]) == [("taskId", "NOT_FOUND")]
    log = await ticket_log(client, owner, ticket["id"])
    assert [entry["action"] for entry in log] == [
        "TASK_DELETED",
        "TASK_ADDED",
        "TASK_ADDED",
        "CREATED",
    ]
    assert log[0]["actor"] == {"email": "agent@acme.example"}
    assert log[0]["changes"] == {"task": {"before": "Call the wrong customer", "after": None}}


async def test_deleting_a_task_bad_input_changes_nothing(client):
    # given: a task on a closed ticket, and one of another company
    owner = await sign_up(client)
    customer = await make_customer(client, owner)
    ticket = await make_ticket(client, owner, customer)
    task = await add_task(client, owner, ticket["id"])
    resolved = (await stages(client, owner))["Resolved"]
    await gql(client, MOVE, {"t": ticket["id"], "s": resolved}, token=owner.token)
    globex = await sign_up(client, "owner@globex.example", company="Globex")
    foreign_ticket = await make_ticket(client, globex, await make_customer(client, globex))
    foreign_task = await add_task(client, globex, foreign_ticket["id"])
    tasks_before = await TicketTask.all().count()
    log_before = await TicketLogEntry.all().count()
    cases = [
        (task, "ticketId", "TICKET_CLOSED"),
        (foreign_task, "taskId", "NOT_FOUND"),
        (unknown_id("TicketTask"), "taskId", "NOT_FOUND"),
        (ticket["id"], "taskId", "NOT_FOUND"),  # an ID of another type
        ("not an id", "taskId", "NOT_FOUND"),
    ]

    for task_id, field, code in cases:
        # when
        result = await gql(client, DELETE_TASK, {"input": {"taskId": task_id}}, token=owner.token)

        # then
        payload = result["data"]["deleteTicketTask"]
        assert payload["ticket"] is None, task_id
        assert codes(payload) == [(field, code)], task_id
        assert payload["errors"][0]["message"]
    signed_out = await gql(client, DELETE_TASK, {"input": {"taskId": task}})
    assert signed_out["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert await TicketTask.all().count() == tasks_before
    assert await TicketLogEntry.all().count() == log_before


# ---------------------------------------------------------------- links


async def test_an_agent_removes_a_link_and_the_log_keeps_where_it_pointed(client):
    # given
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    ticket = await make_ticket(client, owner, await make_customer(client, owner))
    wrong = await add_link(client, owner, ticket["id"], "https://wrong.example/a")
    await add_link(client, owner, ticket["id"], "https://docs.example/x")

    # when
    result = await gql(client, REMOVE_LINK, {"input": {"linkId": wrong}}, token=agent.token)

    # then
    assert result["data"]["removeTicketLink"] == {
        "ticket": {"links": [{"target": "https://docs.example/x"}]},
        "errors": [],
    }
    log = await ticket_log(client, owner, ticket["id"])
    assert [entry["action"] for entry in log] == [
        "LINK_REMOVED",
        "LINK_ADDED",
        "LINK_ADDED",
        "CREATED",
    ]
    assert log[0]["actor"] == {"email": "agent@acme.example"}
    assert log[0]["changes"] == {"link": {"before": "URL https://wrong.example/a", "after": None}}


async def test_removing_a_link_bad_input_changes_nothing(client):
    # given
    owner = await sign_up(client)
    ticket = await make_ticket(client, owner, await make_customer(client, owner))
    link = await add_link(client, owner, ticket["id"])
    globex = await sign_up(client, "owner@globex.example", company="Globex")
    foreign_ticket = await make_ticket(client, globex, await make_customer(client, globex))
    foreign_link = await add_link(client, globex, foreign_ticket["id"])
    links_before = await TicketLink.all().count()
    log_before = await TicketLogEntry.all().count()

    for link_id in (foreign_link, unknown_id("TicketLink"), ticket["id"]):
        # when
        result = await gql(client, REMOVE_LINK, {"input": {"linkId": link_id}}, token=owner.token)

        # then
        payload = result["data"]["removeTicketLink"]
        assert payload["ticket"] is None, link_id
        assert codes(payload) == [("linkId", "NOT_FOUND")], link_id
    signed_out = await gql(client, REMOVE_LINK, {"input": {"linkId": link}})
    assert signed_out["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert await TicketLink.all().count() == links_before
    assert await TicketLogEntry.all().count() == log_before
