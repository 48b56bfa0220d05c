from models.tickets import TicketLogEntry, TicketNote
from tests.graphql import gql, invite, sign_up
from tests.tickets.factories import make_customer, make_ticket, ticket_log, unknown_id

ADD_NOTE = """
mutation N($t: ID!, $body: String!) {
  addTicketNote(input: {ticketId: $t, body: $body}) { note { id } errors { code } }
}
"""
UPDATE_NOTE = """
mutation U($input: UpdateTicketNoteInput!) {
  updateTicketNote(input: $input) {
    note { body editedAt author { email } }
    ticket { notes { body } }
    errors { field code message }
  }
}
"""
DELETE_NOTE = """
mutation D($input: DeleteTicketNoteInput!) {
  deleteTicketNote(input: $input) { ticket { notes { body } } errors { field code message } }
}
"""


async def add_note(client, member, ticket_id, body="Called, no answer"):
    result = await gql(client, ADD_NOTE, {"t": ticket_id, "body": body}, token=member.token)
    assert result["data"]["addTicketNote"]["errors"] == [], result
    return result["data"]["addTicketNote"]["note"]["id"]


def codes(payload):
    return [(error["field"], error["code"]) for error in payload["errors"]]


async def notes_and_log():
    """What must stay as it is after a refused change: every note and the whole log."""
    notes = [(n.body, n.edited_at) for n in await TicketNote.all().order_by("id")]
    return notes, await TicketLogEntry.all().count()


# ---------------------------------------------------------------- updateTicketNote


async def test_the_author_corrects_his_note_and_the_log_keeps_both_versions(client):
    # given
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    ticket = await make_ticket(client, owner, await make_customer(client, owner))
    note = await add_note(client, agent, ticket["id"], "Called Peter, no anwser")

    # when
    result = await gql(
        client,
        UPDATE_NOTE,
        {"input": {"noteId": note, "body": "  Called Peter, no answer  "}},
        token=agent.token,
    )

    # then
    payload = result["data"]["updateTicketNote"]
    assert payload["errors"] == []
    assert payload["note"]["body"] == "Called Peter, no answer"
    assert payload["note"]["author"] == {"email": "agent@acme.example"}
    assert payload["note"]["editedAt"] is not None
    assert payload["ticket"] == {"notes": [{"body": "Called Peter, no answer"}]}
    log = await ticket_log(client, owner, ticket["id"])
    assert [entry["action"] for entry in log] == ["NOTE_UPDATED", "NOTE_ADDED", "CREATED"]
    assert log[0]["actor"] == {"email": "agent@acme.example"}
    assert log[0]["changes"] == {
        "note": {"before": "Called Peter, no anwser", "after": "Called Peter, no answer"}
    }


async def test_a_note_that_is_not_edited_shows_no_edit_and_saving_it_unchanged_logs_nothing(
    client,
):
    owner = await sign_up(client)
    ticket = await make_ticket(client, owner, await make_customer(client, owner))
    note = await add_note(client, owner, ticket["id"], "Called, no answer")
    notes_query = "query Q($id: ID!) { node(id: $id) { ... on Ticket { notes { editedAt } } } }"
    before = await gql(client, notes_query, {"id": ticket["id"]}, token=owner.token)

    result = await gql(
        client,
        UPDATE_NOTE,
        {"input": {"noteId": note, "body": "Called, no answer"}},
        token=owner.token,
    )

    assert before["data"]["node"] == {"notes": [{"editedAt": None}]}
    assert result["data"]["updateTicketNote"]["errors"] == []
    assert result["data"]["updateTicketNote"]["note"]["editedAt"] is None
    log = await ticket_log(client, owner, ticket["id"])
    assert [entry["action"] for entry in log] == ["NOTE_ADDED", "CREATED"]


async def test_only_the_author_may_edit_a_note_not_even_the_owner(client):
    # given: a note of the agent
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    admin = await invite(client, owner, "admin@acme.example", role="ADMIN")
    teammate = await invite(client, owner, "teammate@acme.example")
    ticket = await make_ticket(client, owner, await make_customer(client, owner))
    note = await add_note(client, agent, ticket["id"], "Called, no answer")
    before = await notes_and_log()

    for member in (owner, admin, teammate):
        # when someone else edits it
        result = await gql(
            client,
            UPDATE_NOTE,
            {"input": {"noteId": note, "body": "Something else"}},
            token=member.token,
        )

        # then he is refused
        assert result["data"] is None, member.email
        assert [e["extensions"]["code"] for e in result["errors"]] == ["FORBIDDEN"], member.email
    assert await notes_and_log() == before


async def test_editing_a_note_bad_input_changes_nothing(client):
    # given: a note of Acme's owner, and one of Globex
    owner = await sign_up(client)
    ticket = await make_ticket(client, owner, await make_customer(client, owner))
    note = await add_note(client, owner, ticket["id"])
    globex = await sign_up(client, "owner@globex.example", company="Globex")
    foreign_ticket = await make_ticket(client, globex, await make_customer(client, globex))
    foreign_note = await add_note(client, globex, foreign_ticket["id"])
    before = await notes_and_log()
    cases = [
        ({"noteId": foreign_note, "body": "Mine now"}, ("noteId", "NOT_FOUND")),
        ({"noteId": unknown_id("TicketNote"), "body": "X"}, ("noteId", "NOT_FOUND")),
        ({"noteId": ticket["id"], "body": "X"}, ("noteId", "NOT_FOUND")),  # another type
        ({"noteId": note, "body": "   "}, ("body", "REQUIRED")),
        ({"noteId": note, "body": "x" * 10_001}, ("body", "TOO_LONG")),
    ]

    for given, error in cases:
        # when
        result = await gql(client, UPDATE_NOTE, {"input": given}, token=owner.token)

        # then
        payload = result["data"]["updateTicketNote"]
        assert (payload["note"], payload["ticket"]) == (None, None), given
        assert codes(payload) == [error], given
        assert payload["errors"][0]["message"]
    signed_out = await gql(client, UPDATE_NOTE, {"input": {"noteId": note, "body": "X"}})
    assert signed_out["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert await notes_and_log() == before


# ---------------------------------------------------------------- deleteTicketNote


async def test_the_author_deletes_his_note_and_the_log_keeps_what_it_said(client):
    # given
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example", name="Ali Agent")
    ticket = await make_ticket(client, owner, await make_customer(client, owner))
    wrong = await add_note(client, agent, ticket["id"], "Wrong ticket, sorry")
    await add_note(client, agent, ticket["id"], "Called, no answer")

    # when
    result = await gql(client, DELETE_NOTE, {"input": {"noteId": wrong}}, token=agent.token)
    again = await gql(client, DELETE_NOTE, {"input": {"noteId": wrong}}, token=agent.token)

    # then
    assert result["data"]["deleteTicketNote"] == {
        "ticket": {"notes": [{"body": "Called, no answer"}]},
        "errors": [],
    }
    assert codes(again["data"]["deleteTicketNote"]) == [("noteId", "NOT_FOUND")]
    log = await ticket_log(client, owner, ticket["id"])
    assert [entry["action"] for entry in log] == [
        "NOTE_DELETED",
        "NOTE_ADDED",
        "NOTE_ADDED",
        "CREATED",
    ]
    assert log[0]["actor"] == {"email": "agent@acme.example"}
    assert log[0]["changes"] == {
        "note": {"before": "Wrong ticket, sorry", "after": None},
        "author": {"before": "Ali Agent", "after": None},
    }


async def test_an_owner_or_admin_deletes_an_agents_note(client):
    # given
    owner = await sign_up(client)
    admin = await invite(client, owner, "admin@acme.example", role="ADMIN")
    agent = await invite(client, owner, "agent@acme.example", name="Ali Agent")
    ticket = await make_ticket(client, owner, await make_customer(client, owner))
    first = await add_note(client, agent, ticket["id"], "Customer called us names")
    second = await add_note(client, agent, ticket["id"], "And again")

    # when
    by_admin = await gql(client, DELETE_NOTE, {"input": {"noteId": first}}, token=admin.token)
    by_owner = await gql(client, DELETE_NOTE, {"input": {"noteId": second}}, token=owner.token)

    # then
    assert by_admin["data"]["deleteTicketNote"]["errors"] == []
    assert by_owner["data"]["deleteTicketNote"] == {"ticket": {"notes": []}, "errors": []}
    log = await ticket_log(client, owner, ticket["id"])
    assert [(entry["action"], entry["actor"]) for entry in log[:2]] == [
        ("NOTE_DELETED", {"email": owner.email}),
        ("NOTE_DELETED", {"email": "admin@acme.example"}),
    ]
    assert log[1]["changes"] == {
        "note": {"before": "Customer called us names", "after": None},
        "author": {"before": "Ali Agent", "after": None},
    }


async def test_an_agent_may_not_delete_a_teammates_note(client):
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    teammate = await invite(client, owner, "teammate@acme.example")
    ticket = await make_ticket(client, owner, await make_customer(client, owner))
    owners_note = await add_note(client, owner, ticket["id"], "Owner's note")
    agents_note = await add_note(client, agent, ticket["id"], "Agent's note")
    before = await notes_and_log()

    for note in (owners_note, agents_note):
        result = await gql(client, DELETE_NOTE, {"input": {"noteId": note}}, token=teammate.token)

        assert result["data"] is None
        assert [e["extensions"]["code"] for e in result["errors"]] == ["FORBIDDEN"]
    assert await notes_and_log() == before


async def test_deleting_a_note_bad_input_changes_nothing(client):
    # given
    owner = await sign_up(client)
    ticket = await make_ticket(client, owner, await make_customer(client, owner))
    note = await add_note(client, owner, ticket["id"])
    globex = await sign_up(client, "owner@globex.example", company="Globex")
    foreign_ticket = await make_ticket(client, globex, await make_customer(client, globex))
    foreign_note = await add_note(client, globex, foreign_ticket["id"])
    before = await notes_and_log()

    for note_id in (foreign_note, unknown_id("TicketNote"), ticket["id"], "not an id"):
        # when
        result = await gql(client, DELETE_NOTE, {"input": {"noteId": note_id}}, token=owner.token)

        # then
        payload = result["data"]["deleteTicketNote"]
        assert payload["ticket"] is None, note_id
        assert codes(payload) == [("noteId", "NOT_FOUND")], note_id
        assert payload["errors"][0]["message"] == "Not found."
    signed_out = await gql(client, DELETE_NOTE, {"input": {"noteId": note}})
    assert signed_out["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert await notes_and_log() == before
