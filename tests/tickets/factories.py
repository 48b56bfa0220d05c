"""Small factories for ticket tests, going through the API as a client does."""

from __future__ import annotations

from typing import Any

import httpx
from strawberry import relay

from tests.graphql import Member, gql

CREATE_CUSTOMER = """
mutation C($input: CreateCustomerInput!) {
  createCustomer(input: $input) { customer { id name } errors { field code message } }
}
"""
ADD_CONTACT = """
mutation A($input: AddContactPersonInput!) {
  addContactPerson(input: $input) { contactPerson { id name } errors { field code message } }
}
"""
CREATE_TICKET = """
mutation T($input: CreateTicketInput!) {
  createTicket(input: $input) {
    ticket {
      id number title description source importance parameters closedAt
      stage { name kind } customer { name } assignee { email } requester { name }
      contacts { name }
    }
    errors { field code message }
  }
}
"""
STAGES = "{ stages { id name position kind } }"
CREATE_FIELD = """
mutation F($input: CreateCustomFieldInput!) {
  createCustomField(input: $input) { customField { id key kind } errors { field code message } }
}
"""
TICKET_LOG = """
query L($id: ID!) {
  node(id: $id) {
    ... on Ticket { log { totalCount edges { node { action changes actor { email } } } } }
  }
}
"""


async def make_customer(
    client: httpx.AsyncClient, member: Member, name: str = "Initech", **extra: Any
) -> str:
    result = await gql(
        client, CREATE_CUSTOMER, {"input": {"name": name, **extra}}, token=member.token
    )
    payload = result["data"]["createCustomer"]
    assert payload["errors"] == [], payload
    return payload["customer"]["id"]  # type: ignore[no-any-return]


async def make_contact(
    client: httpx.AsyncClient, member: Member, customer_id: str, name: str = "Peter Gibbons"
) -> str:
    result = await gql(
        client,
        ADD_CONTACT,
        {"input": {"customerId": customer_id, "name": name, "email": "peter@initech.example"}},
        token=member.token,
    )
    payload = result["data"]["addContactPerson"]
    assert payload["errors"] == [], payload
    return payload["contactPerson"]["id"]  # type: ignore[no-any-return]


async def create_ticket(
    client: httpx.AsyncClient, member: Member, customer_id: str, **fields: Any
) -> dict[str, Any]:
    """The createTicket payload."""
    values = {
        "customerId": customer_id,
        "source": "EMAIL",
        "importance": "NORMAL",
        "title": "Printer on fire",
        "description": "The TPS report printer is on fire again.",
        **fields,
    }
    result = await gql(client, CREATE_TICKET, {"input": values}, token=member.token)
    assert "errors" not in result, result
    return result["data"]["createTicket"]  # type: ignore[no-any-return]


async def make_ticket(
    client: httpx.AsyncClient, member: Member, customer_id: str, **fields: Any
) -> dict[str, Any]:
    payload = await create_ticket(client, member, customer_id, **fields)
    assert payload["errors"] == [], payload
    return payload["ticket"]  # type: ignore[no-any-return]


async def stages(client: httpx.AsyncClient, member: Member) -> dict[str, str]:
    """Stage name -> ID."""
    result = await gql(client, STAGES, token=member.token)
    return {stage["name"]: stage["id"] for stage in result["data"]["stages"]}


async def make_field(
    client: httpx.AsyncClient, member: Member, key: str, kind: str, **extra: Any
) -> str:
    values = {"key": key, "label": key.title(), "kind": kind, **extra}
    result = await gql(client, CREATE_FIELD, {"input": values}, token=member.token)
    payload = result["data"]["createCustomField"]
    assert payload["errors"] == [], payload
    return payload["customField"]["id"]  # type: ignore[no-any-return]


async def ticket_log(client: httpx.AsyncClient, member: Member, ticket_id: str) -> list[Any]:
    result = await gql(client, TICKET_LOG, {"id": ticket_id}, token=member.token)
    assert "errors" not in result, result
    return [edge["node"] for edge in result["data"]["node"]["log"]["edges"]]


def unknown_id(type_name: str, key: object = 2_147_483_647) -> str:
    """A well-formed global ID of `type_name` that names no object."""
    return str(relay.GlobalID(type_name, str(key)))
