"""Hostile input never reaches the database raw: one guard for every argument, typed errors."""

import json

import pytest

from models.customers import Customer
from resolvers.pagination import encode_cursor
from tests.graphql import LOGIN, gql, sign_up
from tests.tickets.factories import CREATE_CUSTOMER, make_customer, make_ticket, unknown_id

CUSTOMERS = "query C($search: String) { customers(search: $search) { totalCount } }"
FILTERED = "query C($reps: [ID!]) { customers(representativeIds: $reps) { totalCount } }"
NODE = "query N($id: ID!) { node(id: $id) { id } }"
UPDATE = """
mutation U($input: UpdateCustomerInput!) {
  updateCustomer(input: $input) { customer { name } errors { field code message } }
}
"""
ATTACH = """
mutation A($ticketId: ID!, $file: Upload!) {
  attachDocument(input: {ticketId: $ticketId, file: $file}) {
    document { id } errors { field code message }
  }
}
"""
OUT_OF_RANGE = [2_147_483_648, -1, 0, 10**30]


async def test_a_control_character_in_a_mutation_input_is_a_typed_error_in_its_payload(client):
    owner = await sign_up(client)

    login = (await gql(client, LOGIN, {"email": "owner@acme.example\x00", "password": "x"}))[
        "data"
    ]["login"]
    created = await gql(
        client, CREATE_CUSTOMER, {"input": {"name": "Evil\x00Corp"}}, token=owner.token
    )
    turkish = await gql(
        client,
        LOGIN,
        {"email": "owner@acme.example", "password": "bell\x07"},
        headers={"Accept-Language": "tr"},
    )

    assert login["errors"] == [
        {"field": "email", "code": "INVALID_CHARACTERS", "message": login["errors"][0]["message"]}
    ]
    assert login["accessToken"] is None
    payload = created["data"]["createCustomer"]
    assert payload["customer"] is None
    assert payload["errors"][0]["field"] == "name"
    assert payload["errors"][0]["code"] == "INVALID_CHARACTERS"
    assert "control character" in payload["errors"][0]["message"]
    turkish_error = turkish["data"]["login"]["errors"][0]
    assert turkish_error["code"] == "INVALID_CHARACTERS"
    assert turkish_error["message"] != payload["errors"][0]["message"]
    assert await Customer.all().count() == 0


async def test_a_control_character_in_a_query_argument_is_a_graphql_error_with_a_code(client):
    owner = await sign_up(client)

    result = await gql(client, CUSTOMERS, {"search": "acme\x00"}, token=owner.token)

    assert result["data"] is None
    assert result["errors"][0]["extensions"]["code"] == "INVALID_CHARACTERS"
    assert result["errors"][0]["path"] == ["customers"]


async def test_a_control_character_in_a_nested_input_field_names_its_path(client):
    owner = await sign_up(client)
    customer = await make_customer(client, owner)

    result = await gql(
        client,
        UPDATE,
        {"input": {"customerId": customer, "name": "A\x1b[31mred"}},
        token=owner.token,
    )

    assert result["data"]["updateCustomer"]["errors"][0]["field"] == "name"
    assert result["data"]["updateCustomer"]["errors"][0]["code"] == "INVALID_CHARACTERS"
    assert [c.name for c in await Customer.all()] == ["Initech"]


async def test_tab_newline_and_carriage_return_pass_the_guard(client):
    owner = await sign_up(client)

    result = await gql(client, CUSTOMERS, {"search": "a\tb\r\nc"}, token=owner.token)

    assert "errors" not in result, result
    assert result["data"]["customers"]["totalCount"] == 0


@pytest.mark.parametrize("key", OUT_OF_RANGE)
async def test_a_global_id_beyond_the_column_is_not_found(client, key):
    owner = await sign_up(client)

    node = await gql(client, NODE, {"id": unknown_id("Ticket", key)}, token=owner.token)
    filtered = await gql(client, FILTERED, {"reps": [unknown_id("User", key)]}, token=owner.token)
    updated = await gql(
        client,
        UPDATE,
        {"input": {"customerId": unknown_id("Customer", key), "name": "X"}},
        token=owner.token,
    )

    assert node["data"] == {"node": None} and "errors" not in node
    assert filtered["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert updated["data"]["updateCustomer"]["errors"][0]["code"] == "NOT_FOUND"
    assert updated["data"]["updateCustomer"]["errors"][0]["field"] == "customerId"


@pytest.mark.parametrize("filename", ["", "   ", "..."])
async def test_an_upload_without_a_usable_file_name_is_refused(client, filename):
    owner = await sign_up(client)
    ticket = await make_ticket(client, owner, await make_customer(client, owner))

    response = await client.post(
        "/graphql",
        data={
            "operations": json.dumps(
                {"query": ATTACH, "variables": {"ticketId": ticket["id"], "file": None}}
            ),
            "map": json.dumps({"0": ["variables.file"]}),
        },
        files={"0": (filename, b"%PDF-1.4\n", "application/pdf")},
        headers={"Authorization": f"Bearer {owner.token}", "Apollo-Require-Preflight": "true"},
    )

    assert response.status_code == 200, response.text
    payload = response.json()["data"]["attachDocument"]
    assert payload["document"] is None
    assert payload["errors"][0]["field"] == "file"
    assert payload["errors"][0]["code"] == "INVALID_FILE_NAME"


async def test_a_cursor_beyond_the_column_is_an_invalid_cursor(client):
    owner = await sign_up(client)

    result = await gql(
        client,
        "query C($after: String) { customers(first: 1, after: $after) { totalCount } }",
        {"after": encode_cursor(2**31)},
        token=owner.token,
    )

    assert result["errors"][0]["extensions"]["code"] == "INVALID_CURSOR"


async def test_introspection_arguments_pass_the_guard(client):
    result = await gql(
        client, "query T($name: String!) { __type(name: $name) { name } }", {"name": "Ticket"}
    )

    assert result["data"] == {"__type": {"name": "Ticket"}}
