import json
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from models.accounts import User
from models.tickets import Document, TicketLogEntry
from resolvers.tickets import documents
from settings import get_settings
from tests.graphql import gql, invite, sign_up
from tests.tickets.factories import make_customer, make_ticket

ATTACH = """
mutation A($ticketId: ID!, $file: Upload!) {
  attachDocument(input: {ticketId: $ticketId, file: $file}) {
    document { id filename contentType size url uploadedBy { email } }
    errors { field code message }
  }
}
"""
DOCUMENTS = "query D($id: ID!) { node(id: $id) { ... on Ticket { documents { filename url } } } }"
PDF = b"%PDF-1.4\n" + b"x" * 1000


async def attach(client, member, ticket_id, filename, content, content_type="application/pdf"):
    """attachDocument as a GraphQL multipart request."""
    response = await client.post(
        "/graphql",
        data={
            "operations": json.dumps(
                {"query": ATTACH, "variables": {"ticketId": ticket_id, "file": None}}
            ),
            "map": json.dumps({"0": ["variables.file"]}),
        },
        files={"0": (filename, content, content_type)},
        headers={"Authorization": f"Bearer {member.token}", "Apollo-Require-Preflight": "true"},
    )
    assert response.status_code == 200, response.text
    return response.json()["data"]["attachDocument"]


def stored_files() -> list[Path]:
    folder = Path(get_settings().storage_dir)
    return sorted(folder.iterdir()) if folder.exists() else []


async def test_a_document_is_stored_safely_and_downloaded_by_a_teammate(client):
    # given
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    ticket = await make_ticket(client, owner, await make_customer(client, owner))

    # when
    payload = await attach(client, owner, ticket["id"], "../../etc/Q3 report.pdf", PDF)
    listed = await gql(client, DOCUMENTS, {"id": ticket["id"]}, token=agent.token)
    url = listed["data"]["node"]["documents"][0]["url"]
    download = await client.get(url)

    # then
    assert payload["errors"] == []
    document = payload["document"]
    assert (document["filename"], document["contentType"], document["size"]) == (
        "Q3 report.pdf",
        "application/pdf",
        len(PDF),
    )
    assert document["uploadedBy"] == {"email": owner.email}
    assert download.status_code == 200
    assert download.content == PDF
    assert download.headers["content-type"] == "application/pdf"
    assert "attachment" in download.headers["content-disposition"]
    row = await Document.get()
    assert "/" not in row.stored_name and row.stored_name != row.filename
    assert (Path(get_settings().storage_dir) / row.stored_name).read_bytes() == PDF
    log = await TicketLogEntry.filter(action="DOCUMENT_ADDED").count()
    assert log == 1
    node = await gql(
        client,
        "query N($id: ID!) { node(id: $id) { ... on Document { filename } } }",
        {"id": document["id"]},
        token=agent.token,
    )
    assert node["data"]["node"] == {"filename": "Q3 report.pdf"}


async def test_refused_files_change_nothing(client):
    owner = await sign_up(client)
    ticket = await make_ticket(client, owner, await make_customer(client, owner))
    files_before = stored_files()
    log_before = await TicketLogEntry.all().count()
    too_large = b"%PDF-" + b"0" * documents.MAX_DOCUMENT_BYTES
    cases = [
        ("big.pdf", too_large, "FILE_TOO_LARGE"),
        ("tool.exe", b"MZ\x90\x00", "FILE_TYPE_REFUSED"),
        ("fake.png", b"<script>alert(1)</script>", "FILE_TYPE_REFUSED"),
        ("noextension", b"hello", "FILE_TYPE_REFUSED"),
        ("empty.txt", b"", "FILE_EMPTY"),
    ]

    for filename, content, code in cases:
        payload = await attach(client, owner, ticket["id"], filename, content)

        assert payload["document"] is None, filename
        assert [(e["field"], e["code"]) for e in payload["errors"]] == [("file", code)], filename

    assert await Document.all().count() == 0
    assert await TicketLogEntry.all().count() == log_before
    assert stored_files() == files_before


async def test_a_download_link_works_only_signed_unexpired_and_in_the_company(client):
    # given
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    await sign_up(client, "owner@globex.example", company="Globex")
    ticket = await make_ticket(client, owner, await make_customer(client, owner))
    document = (await attach(client, owner, ticket["id"], "notes.txt", b"secret"))["document"]
    parts = urlsplit(document["url"])
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    row = await Document.get()

    # then: tampered, expired, or for a user of another company
    tampered = await client.get(document["url"].replace(query["signature"], "0" * 64))
    assert tampered.status_code == 404
    past = int(time.time()) - 1
    expired = documents._signature(str(row.pk), int(query["user"]), past)
    link = f"{parts.path}?user={query['user']}&expires={past}&signature={expired}"
    assert (await client.get(link)).status_code == 404
    foreigner = await User.get(email="owner@globex.example")
    future = int(time.time()) + 60
    signature = documents._signature(str(row.pk), foreigner.pk, future)
    link = f"{parts.path}?user={foreigner.pk}&expires={future}&signature={signature}"
    assert (await client.get(link)).status_code == 404
    # and the teammate's own link works until he is deactivated
    mine = (await gql(client, DOCUMENTS, {"id": ticket["id"]}, token=agent.token))["data"]
    agent_url = mine["node"]["documents"][0]["url"]
    assert (await client.get(agent_url)).status_code == 200
    await gql(
        client,
        "mutation M($id: ID!) { deactivateUser(input: {userId: $id}) { errors { code } } }",
        {"id": agent.id},
        token=owner.token,
    )
    assert (await client.get(agent_url)).status_code == 404
