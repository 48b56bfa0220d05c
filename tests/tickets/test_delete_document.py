import uuid
from pathlib import Path

from models.tickets import Document, TicketLogEntry
from settings import get_settings
from tests.graphql import gql, invite, sign_up
from tests.tickets.factories import make_customer, make_ticket, ticket_log, unknown_id
from tests.tickets.test_documents import PDF, attach, stored_files

DELETE = """
mutation D($input: DeleteDocumentInput!) {
  deleteDocument(input: $input) {
    ticket { documents { filename } } errors { field code message }
  }
}
"""


def stored_path(row: Document) -> Path:
    return Path(get_settings().storage_dir) / row.stored_name


async def test_a_deleted_document_is_gone_with_its_file_and_its_link(client):
    # given
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    ticket = await make_ticket(client, owner, await make_customer(client, owner))
    wrong = (await attach(client, owner, ticket["id"], "wrong customer.pdf", PDF))["document"]
    await attach(client, owner, ticket["id"], "notes.txt", b"hello")
    path = stored_path(await Document.get(filename="wrong customer.pdf"))
    assert (await client.get(wrong["url"])).status_code == 200

    # when
    result = await gql(client, DELETE, {"input": {"documentId": wrong["id"]}}, token=agent.token)

    # then
    assert result["data"]["deleteDocument"] == {
        "ticket": {"documents": [{"filename": "notes.txt"}]},
        "errors": [],
    }
    assert not path.exists()
    assert await Document.filter(filename="wrong customer.pdf").count() == 0
    assert (await client.get(wrong["url"])).status_code == 404
    log = await ticket_log(client, owner, ticket["id"])
    assert [entry["action"] for entry in log][:2] == ["DOCUMENT_DELETED", "DOCUMENT_ADDED"]
    assert log[0]["actor"] == {"email": "agent@acme.example"}
    assert log[0]["changes"] == {"document": {"before": "wrong customer.pdf", "after": None}}


async def test_a_document_whose_file_is_already_gone_is_still_deleted(client):
    owner = await sign_up(client)
    ticket = await make_ticket(client, owner, await make_customer(client, owner))
    document = (await attach(client, owner, ticket["id"], "lost.pdf", PDF))["document"]
    stored_path(await Document.get()).unlink()

    result = await gql(client, DELETE, {"input": {"documentId": document["id"]}}, token=owner.token)

    assert result["data"]["deleteDocument"] == {"ticket": {"documents": []}, "errors": []}
    assert await Document.all().count() == 0
    assert await TicketLogEntry.filter(action="DOCUMENT_DELETED").count() == 1


async def test_deleting_a_document_bad_input_changes_nothing(client):
    # given: a document of Acme, and one of Globex
    owner = await sign_up(client)
    ticket = await make_ticket(client, owner, await make_customer(client, owner))
    own = (await attach(client, owner, ticket["id"], "mine.pdf", PDF))["document"]
    globex = await sign_up(client, "owner@globex.example", company="Globex")
    foreign_ticket = await make_ticket(client, globex, await make_customer(client, globex))
    foreign = (await attach(client, globex, foreign_ticket["id"], "theirs.pdf", PDF))["document"]
    files_before = stored_files()
    log_before = await TicketLogEntry.all().count()
    cases = [
        foreign["id"],
        unknown_id("Document", uuid.uuid4()),
        unknown_id("Document", "not-a-uuid"),
        ticket["id"],  # an ID of another type
    ]

    for document_id in cases:
        # when
        result = await gql(
            client, DELETE, {"input": {"documentId": document_id}}, token=owner.token
        )

        # then
        payload = result["data"]["deleteDocument"]
        assert payload["ticket"] is None, document_id
        assert [(e["field"], e["code"]) for e in payload["errors"]] == [
            ("documentId", "NOT_FOUND")
        ], document_id
    signed_out = await gql(client, DELETE, {"input": {"documentId": own["id"]}})
    assert signed_out["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert await Document.all().count() == 2
    assert stored_files() == files_before
    assert await TicketLogEntry.all().count() == log_before
    assert (await client.get(foreign["url"])).status_code == 200
