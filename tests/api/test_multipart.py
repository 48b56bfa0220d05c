"""Multipart is for uploads only, and only from a client a cross-site HTML form cannot imitate."""

import json

import pytest

from models.customers import Customer
from models.tickets import Document
from tests.graphql import sign_up
from tests.tickets.factories import CREATE_CUSTOMER, make_customer, make_ticket

ATTACH = """
mutation A($ticketId: ID!, $file: Upload!) {
  attachDocument(input: {ticketId: $ticketId, file: $file}) {
    document { id filename } errors { field code message }
  }
}
"""
PREFLIGHT = {"Apollo-Require-Preflight": "true"}


async def post_multipart(client, operations: str, files_map: object, headers: dict[str, str]):
    """A multipart/form-data POST with one file under the form field "0"."""
    return await client.post(
        "/graphql",
        data={"operations": operations, "map": json.dumps(files_map)},
        files={"0": ("a.pdf", b"%PDF-1.4\n", "application/pdf")},
        headers=headers,
    )


def attach_operations(ticket_id: str) -> str:
    """attachDocument's `operations` field, its file left for the map to fill."""
    return json.dumps({"query": ATTACH, "variables": {"ticketId": ticket_id, "file": None}})


async def test_a_mutation_that_takes_no_file_is_refused_over_multipart(client):
    # given
    owner = await sign_up(client)
    operations = json.dumps(
        {"query": CREATE_CUSTOMER, "variables": {"input": {"name": "Forged"}, "file": None}}
    )
    headers = {"Authorization": f"Bearer {owner.token}", **PREFLIGHT}

    # when
    response = await post_multipart(client, operations, {"0": ["variables.file"]}, headers)
    unmapped = await post_multipart(client, operations, {}, headers)

    # then
    for refused in (response, unmapped):
        assert refused.status_code == 400, refused.text
        assert refused.json()["errors"][0]["message"]
        assert "data" not in refused.json()
    assert not await Customer.filter(name="Forged").exists()


@pytest.mark.parametrize(
    "header", [{"Apollo-Require-Preflight": "true"}, {"X-Apollo-Operation-Name": "A"}]
)
async def test_an_upload_needs_the_csrf_header(client, header):
    # given
    owner = await sign_up(client)
    ticket = await make_ticket(client, owner, await make_customer(client, owner))
    token = {"Authorization": f"Bearer {owner.token}"}
    operations, files_map = attach_operations(ticket["id"]), {"0": ["variables.file"]}

    # when
    missing = await post_multipart(client, operations, files_map, token)
    empty = await post_multipart(
        client, operations, files_map, {**token, **dict.fromkeys(header, " ")}
    )
    stored_before = await Document.all().count()
    sent = await post_multipart(client, operations, files_map, {**token, **header})

    # then
    for refused in (missing, empty):
        assert refused.status_code == 400, refused.text
        assert "Apollo-Require-Preflight" in refused.json()["errors"][0]["message"]
    assert stored_before == 0
    assert sent.status_code == 200, sent.text
    payload = sent.json()["data"]["attachDocument"]
    assert payload["errors"] == []
    assert payload["document"]["filename"] == "a.pdf"
    assert await Document.all().count() == 1


@pytest.mark.parametrize(
    ("operations", "files_map"),
    [
        ('"mutation { x }"', {"0": ["variables.file"]}),
        ("42", {"0": ["variables.file"]}),
        ("null", {"0": ["variables.file"]}),
        ("[]", {"0": ["variables.file"]}),
        (json.dumps({"query": ATTACH, "variables": None}), {"0": ["variables.file"]}),
        (json.dumps({"query": ATTACH, "variables": {"file": None}}), ["variables.file"]),
        (json.dumps({"query": ATTACH, "variables": {"file": None}}), {"0": [["variables"]]}),
    ],
)
async def test_a_malformed_multipart_request_is_a_graphql_error(client, operations, files_map):
    # when
    response = await post_multipart(client, operations, files_map, PREFLIGHT)

    # then
    assert response.status_code == 400, response.text
    assert response.json()["errors"][0]["message"]
    assert await Document.all().count() == 0


@pytest.mark.parametrize(
    ("operations", "files_map"),
    [
        ("{not json", {"0": ["variables.file"]}),
        (json.dumps({"query": ATTACH, "variables": {"file": None}}), {"0": ["variables"]}),
        (json.dumps({"query": ATTACH, "variables": {"file": None}}), {"0": "variables.file"}),
        (json.dumps({"query": ATTACH, "variables": {"file": None}}), {"1": ["variables.file"]}),
    ],
)
async def test_malformed_json_or_map_stays_a_graphql_error(client, operations, files_map):
    # when (already a 400 before the multipart checks: kept so they stay one)
    response = await post_multipart(client, operations, files_map, PREFLIGHT)

    # then
    assert response.status_code == 400, response.text
    assert response.json()["errors"][0]["message"]
