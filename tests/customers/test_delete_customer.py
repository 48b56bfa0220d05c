from models.customers import ContactPerson, Contract, Customer
from models.tickets import Ticket, TicketLogEntry
from tests.graphql import gql, invite, sign_up
from tests.tickets.factories import make_contact, make_customer, make_ticket, unknown_id

DELETE = """
mutation D($input: DeleteCustomerInput!) {
  deleteCustomer(input: $input) { deletedCustomerId errors { field code message } }
}
"""
CUSTOMERS = "{ customers { edges { node { name contacts { name } } } } }"
CONTRACT = """
mutation C($c: ID!) {
  createContract(input: {customerId: $c, startsOn: "2026-01-01", endsOn: "2026-12-31",
    billingPeriod: MONTHLY, fee: "10", currency: "EUR"}) { errors { code } }
}
"""


async def everything():
    """Customers with their contact persons, contracts, tickets and the tickets' log."""
    customers = [
        (row.name, sorted(await ContactPerson.filter(customer_id=row.pk).values_list("name")))
        for row in await Customer.all().order_by("id")
    ]
    counts = [await model.all().count() for model in (Contract, Ticket, TicketLogEntry)]
    return customers, counts


async def test_an_admin_deletes_a_customer_with_his_contact_persons(client):
    # given
    owner = await sign_up(client)
    admin = await invite(client, owner, "admin@acme.example", role="ADMIN")
    mistake = await make_customer(client, owner, "Initech (typo)")
    await make_contact(client, owner, mistake, "Peter Gibbons")
    await make_contact(client, owner, mistake, "Michael Bolton")
    kept = await make_customer(client, owner, "Initech")
    await make_contact(client, owner, kept, "Samir")

    # when
    result = await gql(client, DELETE, {"input": {"customerId": mistake}}, token=admin.token)
    again = await gql(client, DELETE, {"input": {"customerId": mistake}}, token=admin.token)

    # then
    assert result["data"]["deleteCustomer"] == {"deletedCustomerId": mistake, "errors": []}
    listed = await gql(client, CUSTOMERS, token=owner.token)
    assert listed["data"]["customers"]["edges"] == [
        {"node": {"name": "Initech", "contacts": [{"name": "Samir"}]}}
    ]
    assert await ContactPerson.all().values_list("name", flat=True) == ["Samir"]
    node = await gql(
        client, "query Q($id: ID!) { node(id: $id) { id } }", {"id": mistake}, token=owner.token
    )
    assert node["data"]["node"] is None
    assert [(e["field"], e["code"]) for e in again["data"]["deleteCustomer"]["errors"]] == [
        ("customerId", "NOT_FOUND")
    ]


async def test_a_customer_with_tickets_or_contracts_is_not_deleted(client):
    # given: one customer with a ticket, one with a contract, one with both
    owner = await sign_up(client, language="tr")
    with_ticket = await make_customer(client, owner, "Initech")
    await make_contact(client, owner, with_ticket)
    await make_ticket(client, owner, with_ticket)
    with_contract = await make_customer(client, owner, "Globex")
    result = await gql(client, CONTRACT, {"c": with_contract}, token=owner.token)
    assert result["data"]["createContract"]["errors"] == []
    with_both = await make_customer(client, owner, "Hooli")
    await make_ticket(client, owner, with_both)
    await gql(client, CONTRACT, {"c": with_both}, token=owner.token)
    before = await everything()
    cases = [
        (with_ticket, "CUSTOMER_HAS_TICKETS"),
        (with_contract, "CUSTOMER_HAS_CONTRACTS"),
        (with_both, "CUSTOMER_HAS_TICKETS"),
    ]

    for customer_id, code in cases:
        # when
        result = await gql(
            client, DELETE, {"input": {"customerId": customer_id}}, token=owner.token
        )

        # then
        payload = result["data"]["deleteCustomer"]
        assert payload["deletedCustomerId"] is None
        assert [(e["field"], e["code"]) for e in payload["errors"]] == [("customerId", code)]
        assert "silinemez" in payload["errors"][0]["message"]  # in the caller's language
    assert await everything() == before


async def test_deleting_a_customer_bad_input_or_role_changes_nothing(client):
    # given: a customer of Acme, and one of Globex without tickets or contracts
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    customer = await make_customer(client, owner)
    await make_contact(client, owner, customer)
    globex = await sign_up(client, "owner@globex.example", company="Globex")
    foreign = await make_customer(client, globex, "Globex customer")
    await make_contact(client, globex, foreign)
    before = await everything()

    for customer_id in (foreign, unknown_id("Customer"), owner.id, "not an id"):
        # when
        result = await gql(
            client, DELETE, {"input": {"customerId": customer_id}}, token=owner.token
        )

        # then
        payload = result["data"]["deleteCustomer"]
        assert payload["deletedCustomerId"] is None, customer_id
        assert [(e["field"], e["code"]) for e in payload["errors"]] == [
            ("customerId", "NOT_FOUND")
        ], customer_id
        assert payload["errors"][0]["message"] == "Not found."
    by_agent = await gql(client, DELETE, {"input": {"customerId": customer}}, token=agent.token)
    assert by_agent["data"] is None
    assert [e["extensions"]["code"] for e in by_agent["errors"]] == ["FORBIDDEN"]
    signed_out = await gql(client, DELETE, {"input": {"customerId": customer}})
    assert signed_out["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert await everything() == before
