from models.customers import Customer
from tests.graphql import gql, invite, sign_up
from tests.tickets.factories import CREATE_CUSTOMER, make_contact, make_customer

CUSTOMERS = """
query C($search: String, $reps: [ID!]) {
  customers(search: $search, representativeIds: $reps) {
    totalCount edges { node { name representative { email } contacts { name } } }
  }
}
"""
UPDATE = """
mutation U($input: UpdateCustomerInput!) {
  updateCustomer(input: $input) { customer { name representative { email } } errors { field code } }
}
"""


async def test_agents_add_customers_with_contacts_and_find_them(client):
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    initech = await make_customer(client, agent, "Initech", representativeId=agent.id)
    await make_customer(client, agent, "Globex")
    await make_contact(client, agent, initech)

    found = await gql(client, CUSTOMERS, {"search": "nitec"}, token=owner.token)
    by_rep = await gql(client, CUSTOMERS, {"reps": [agent.id]}, token=owner.token)

    expected = {
        "totalCount": 1,
        "edges": [
            {
                "node": {
                    "name": "Initech",
                    "representative": {"email": "agent@acme.example"},
                    "contacts": [{"name": "Peter Gibbons"}],
                }
            }
        ],
    }
    assert found["data"]["customers"] == expected
    assert by_rep["data"]["customers"] == expected


async def test_customer_bad_input_changes_nothing(client):
    owner = await sign_up(client)
    globex = await sign_up(client, "owner@globex.example", company="Globex")
    customer = await make_customer(client, owner)

    foreign_rep = await gql(
        client,
        CREATE_CUSTOMER,
        {"input": {"name": "X", "representativeId": globex.id}},
        token=owner.token,
    )
    blank = await gql(client, CREATE_CUSTOMER, {"input": {"name": ""}}, token=owner.token)
    bad_mail = await gql(
        client, CREATE_CUSTOMER, {"input": {"name": "X", "email": "no"}}, token=owner.token
    )
    rename = await gql(
        client, UPDATE, {"input": {"customerId": customer, "name": " "}}, token=owner.token
    )

    assert foreign_rep["data"]["createCustomer"]["errors"][0]["code"] == "NOT_FOUND"
    assert blank["data"]["createCustomer"]["errors"][0]["code"] == "REQUIRED"
    assert bad_mail["data"]["createCustomer"]["errors"][0]["code"] == "INVALID_EMAIL"
    assert rename["data"]["updateCustomer"]["errors"] == [{"field": "name", "code": "REQUIRED"}]
    assert [c.name for c in await Customer.all()] == ["Initech"]


async def test_a_customer_changes_representative(client):
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    customer = await make_customer(client, owner, representativeId=owner.id)

    result = await gql(
        client,
        UPDATE,
        {"input": {"customerId": customer, "representativeId": agent.id}},
        token=owner.token,
    )

    assert result["data"]["updateCustomer"]["customer"]["representative"] == {
        "email": "agent@acme.example"
    }
