import asyncio

from models.tickets import Ticket, TicketLogEntry
from tests.graphql import gql, invite, sign_up
from tests.tickets.factories import (
    create_ticket,
    make_contact,
    make_customer,
    make_field,
    make_ticket,
    stages,
    ticket_log,
)


async def test_a_ticket_gets_the_next_number_the_first_open_stage_and_a_log_entry(client):
    # given
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    customer = await make_customer(client, owner)
    contact = await make_contact(client, owner, customer)

    # when
    first = await make_ticket(client, agent, customer)
    second = await make_ticket(
        client,
        agent,
        customer,
        title="Stapler missing",
        importance="URGENT",
        source="PHONE",
        assigneeId=agent.id,
        requesterId=contact,
        contactIds=[contact],
    )

    # then
    assert first["number"] == 1
    assert first["stage"] == {"name": "New", "kind": "OPEN"}
    assert first["closedAt"] is None
    assert second == {
        "id": second["id"],
        "number": 2,
        "title": "Stapler missing",
        "description": "The TPS report printer is on fire again.",
        "source": "PHONE",
        "importance": "URGENT",
        "parameters": {},
        "closedAt": None,
        "stage": {"name": "New", "kind": "OPEN"},
        "customer": {"name": "Initech"},
        "assignee": {"email": "agent@acme.example"},
        "requester": {"name": "Peter Gibbons"},
        "contacts": [{"name": "Peter Gibbons"}],
    }
    log = await ticket_log(client, agent, second["id"])
    assert [entry["action"] for entry in log] == ["CREATED"]
    assert log[0]["actor"] == {"email": "agent@acme.example"}
    assert log[0]["changes"]["title"] == {"before": None, "after": "Stapler missing"}


async def test_a_ticket_created_in_a_closed_stage_is_closed(client):
    owner = await sign_up(client)
    customer = await make_customer(client, owner)
    resolved = (await stages(client, owner))["Resolved"]

    ticket = await make_ticket(client, owner, customer, stageId=resolved)

    assert ticket["stage"]["kind"] == "CLOSED"
    assert ticket["closedAt"] is not None


async def test_bad_input_changes_nothing_and_says_why(client):
    # given
    owner = await sign_up(client)
    customer = await make_customer(client, owner)
    other_customer = await make_customer(client, owner, "Globex")
    other_contact = await make_contact(client, owner, other_customer)
    await make_field(client, owner, "seats", "NUMBER")
    await make_field(client, owner, "plan", "CHOICE", choices=["Gold", "Silver"])
    globex = await sign_up(client, "owner@globex.example", company="Globex")
    foreign_customer = await make_customer(client, globex, "Foreign")
    foreign_stage = (await stages(client, globex))["New"]
    await make_ticket(client, owner, customer)
    tickets_before = await Ticket.all().count()
    log_before = await TicketLogEntry.all().count()
    cases = [
        ({"customerId": foreign_customer}, "customerId", "NOT_FOUND"),
        ({"stageId": foreign_stage}, "stageId", "NOT_FOUND"),
        ({"stageId": customer}, "stageId", "NOT_FOUND"),  # an ID of another type
        ({"assigneeId": globex.id}, "assigneeId", "NOT_FOUND"),
        ({"requesterId": other_contact}, "requesterId", "CONTACT_OF_ANOTHER_CUSTOMER"),
        ({"title": "  "}, "title", "REQUIRED"),
        ({"title": "x" * 201}, "title", "TOO_LONG"),
        ({"parameters": {"seats": "many"}}, "parameters.seats", "INVALID_PARAMETER"),
        ({"parameters": {"plan": "Bronze"}}, "parameters.plan", "INVALID_PARAMETER"),
        ({"parameters": {"colour": "red"}}, "parameters.colour", "UNKNOWN_PARAMETER"),
        ({"parameters": [1, 2]}, "parameters", "INVALID_PARAMETERS"),
    ]

    for fields, field, code in cases:
        # when
        payload = await create_ticket(client, owner, customer, **fields)

        # then
        assert payload["ticket"] is None, fields
        assert len(payload["errors"]) == 1, fields
        assert (payload["errors"][0]["field"], payload["errors"][0]["code"]) == (field, code)
        assert payload["errors"][0]["message"]
    assert await Ticket.all().count() == tickets_before
    assert await TicketLogEntry.all().count() == log_before
    # and the number that failed attempts did not use is the next one
    assert (await make_ticket(client, owner, customer))["number"] == 2


async def test_a_required_custom_field_must_be_given(client):
    owner = await sign_up(client)
    customer = await make_customer(client, owner)
    await make_field(client, owner, "order_no", "TEXT", required=True)

    missing = await create_ticket(client, owner, customer)
    given = await create_ticket(client, owner, customer, parameters={"order_no": "A-17"})

    assert missing["errors"][0]["field"] == "parameters.order_no"
    assert missing["errors"][0]["code"] == "REQUIRED"
    assert given["errors"] == []
    assert given["ticket"]["parameters"] == {"order_no": "A-17"}


async def test_concurrent_creates_get_distinct_consecutive_numbers(client):
    owner = await sign_up(client)
    customer = await make_customer(client, owner)
    await stages(client, owner)

    payloads = await asyncio.gather(
        *(create_ticket(client, owner, customer, title=f"Ticket {n}") for n in range(50))
    )

    assert all(payload["errors"] == [] for payload in payloads)
    numbers = sorted(payload["ticket"]["number"] for payload in payloads)
    assert numbers == list(range(1, 51))


async def test_numbers_are_per_company(client):
    acme = await sign_up(client)
    globex = await sign_up(client, "owner@globex.example", company="Globex")

    a = await make_ticket(client, acme, await make_customer(client, acme))
    g = await make_ticket(client, globex, await make_customer(client, globex))

    assert (a["number"], g["number"]) == (1, 1)


async def test_signed_out_callers_cannot_create_tickets(client):
    owner = await sign_up(client)
    customer = await make_customer(client, owner)

    result = await gql(
        client,
        "mutation M($c: ID!) { createTicket(input: {customerId: $c, source: EMAIL, "
        'importance: LOW, title: "x", description: "y"}) { errors { code } } }',
        {"c": customer},
    )

    assert result["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
