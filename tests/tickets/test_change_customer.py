from models.tickets import TicketContact, TicketLogEntry
from tests.graphql import gql, invite, sign_up
from tests.tickets.factories import make_contact, make_customer, make_ticket, ticket_log, unknown_id

UPDATE = """
mutation U($input: UpdateTicketInput!) {
  updateTicket(input: $input) {
    ticket { customer { name } requester { name } contacts { name } }
    errors { field code message }
  }
}
"""
FOR_CUSTOMER = "query T($c: ID!) { tickets(filter: {customerIds: [$c]}) { totalCount } }"


async def test_a_ticket_goes_to_another_customer_without_the_old_customers_contacts(client):
    # given: a ticket of Initech with its requester and another contact involved
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    initech = await make_customer(client, owner)
    peter = await make_contact(client, owner, initech)
    michael = await make_contact(client, owner, initech, "Michael Bolton")
    initrode = await make_customer(client, owner, "Initrode")
    ticket = await make_ticket(
        client, owner, initech, requesterId=peter, contactIds=[peter, michael]
    )

    # when
    result = await gql(
        client,
        UPDATE,
        {"input": {"ticketId": ticket["id"], "customerId": initrode}},
        token=agent.token,
    )

    # then
    assert result["data"]["updateTicket"] == {
        "ticket": {"customer": {"name": "Initrode"}, "requester": None, "contacts": []},
        "errors": [],
    }
    log = await ticket_log(client, owner, ticket["id"])
    assert [entry["action"] for entry in log] == ["UPDATED", "CREATED"]
    assert log[0]["actor"] == {"email": "agent@acme.example"}
    assert log[0]["changes"] == {
        "customer": {"before": "Initech", "after": "Initrode"},
        "contacts": {"before": ["Michael Bolton", "Peter Gibbons"], "after": []},
        "requester": {"before": "Peter Gibbons", "after": None},
    }
    old = await gql(client, FOR_CUSTOMER, {"c": initech}, token=owner.token)
    new = await gql(client, FOR_CUSTOMER, {"c": initrode}, token=owner.token)
    assert (old["data"]["tickets"]["totalCount"], new["data"]["tickets"]["totalCount"]) == (0, 1)


async def test_the_new_customer_and_its_requester_are_given_together(client):
    owner = await sign_up(client)
    initech = await make_customer(client, owner)
    peter = await make_contact(client, owner, initech)
    initrode = await make_customer(client, owner, "Initrode")
    bill = await make_contact(client, owner, initrode, "Bill Lumbergh")
    ticket = await make_ticket(client, owner, initech, requesterId=peter)

    result = await gql(
        client,
        UPDATE,
        {"input": {"ticketId": ticket["id"], "customerId": initrode, "requesterId": bill}},
        token=owner.token,
    )

    assert result["data"]["updateTicket"] == {
        "ticket": {
            "customer": {"name": "Initrode"},
            "requester": {"name": "Bill Lumbergh"},
            "contacts": [],
        },
        "errors": [],
    }
    log = await ticket_log(client, owner, ticket["id"])
    assert log[0]["changes"] == {
        "customer": {"before": "Initech", "after": "Initrode"},
        "requester": {"before": "Peter Gibbons", "after": "Bill Lumbergh"},
    }


async def test_changing_the_customer_with_bad_input_changes_nothing(client):
    # given
    owner = await sign_up(client)
    initech = await make_customer(client, owner)
    peter = await make_contact(client, owner, initech)
    initrode = await make_customer(client, owner, "Initrode")
    ticket = await make_ticket(client, owner, initech, requesterId=peter, contactIds=[peter])
    globex = await sign_up(client, "owner@globex.example", company="Globex")
    foreign = await make_customer(client, globex, "Foreign")
    log_before = await TicketLogEntry.all().count()
    cases = [
        ({"customerId": foreign}, "customerId", "NOT_FOUND"),
        ({"customerId": unknown_id("Customer")}, "customerId", "NOT_FOUND"),
        ({"customerId": ticket["id"]}, "customerId", "NOT_FOUND"),  # an ID of another type
        # the old customer's contact cannot be the new customer's requester
        (
            {"customerId": initrode, "requesterId": peter},
            "requesterId",
            "CONTACT_OF_ANOTHER_CUSTOMER",
        ),
        ({"customerId": initrode, "title": ""}, "title", "REQUIRED"),
    ]

    for given, field, code in cases:
        # when
        result = await gql(
            client, UPDATE, {"input": {"ticketId": ticket["id"], **given}}, token=owner.token
        )

        # then
        payload = result["data"]["updateTicket"]
        assert payload["ticket"] is None, given
        assert [(e["field"], e["code"]) for e in payload["errors"]] == [(field, code)], given
    signed_out = await gql(
        client, UPDATE, {"input": {"ticketId": ticket["id"], "customerId": initrode}}
    )
    assert signed_out["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert await TicketContact.all().count() == 1
    now = await gql(
        client,
        "query N($id: ID!) { node(id: $id) { ... on Ticket { customer { name } "
        "requester { name } contacts { name } } } }",
        {"id": ticket["id"]},
        token=owner.token,
    )
    assert now["data"]["node"] == {
        "customer": {"name": "Initech"},
        "requester": {"name": "Peter Gibbons"},
        "contacts": [{"name": "Peter Gibbons"}],
    }
    assert await TicketLogEntry.all().count() == log_before
