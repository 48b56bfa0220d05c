from models.tickets import CustomField, TicketLogEntry
from tests.graphql import gql, invite, sign_up
from tests.tickets.factories import (
    create_ticket,
    make_customer,
    make_field,
    make_ticket,
    ticket_log,
    unknown_id,
)

UPDATE = """
mutation U($input: UpdateCustomFieldInput!) {
  updateCustomField(input: $input) {
    customField { key label kind required choices archivedAt } errors { field code message }
  }
}
"""
ARCHIVE = """
mutation A($id: ID!) {
  archiveCustomField(input: {customFieldId: $id}) {
    customField { key archivedAt } errors { field code }
  }
}
"""
RESTORE = """
mutation R($id: ID!) {
  restoreCustomField(input: {customFieldId: $id}) {
    customField { key archivedAt } errors { field code }
  }
}
"""
FIELDS = "query F($all: Boolean!) { customFields(includeArchived: $all) { key archivedAt } }"
SET_PARAMETERS = """
mutation S($t: ID!, $p: JSON!) {
  setTicketParameters(input: {ticketId: $t, parameters: $p}) {
    ticket { parameters } errors { field code }
  }
}
"""
TICKETS_WITH = "query T($p: JSON!) { tickets(filter: {parameters: $p}) { totalCount } }"


async def field_rows():
    return [
        (f.key, f.label, f.required, f.choices, f.archived_at)
        for f in await CustomField.all().order_by("id")
    ]


async def test_admins_rename_a_field_make_it_required_and_add_choices(client):
    # given
    owner = await sign_up(client)
    admin = await invite(client, owner, "admin@acme.example", role="ADMIN")
    plan = await make_field(client, owner, "plan", "CHOICE", choices=["Gold", "Silver"])
    customer = await make_customer(client, owner)

    # when
    result = await gql(
        client,
        UPDATE,
        {
            "input": {
                "customFieldId": plan,
                "label": "Service plan",
                "required": True,
                "choices": ["Gold", "Silver", "Bronze"],
            }
        },
        token=admin.token,
    )
    without = await create_ticket(client, owner, customer)
    bronze = await create_ticket(client, owner, customer, parameters={"plan": "Bronze"})

    # then
    assert result["data"]["updateCustomField"] == {
        "customField": {
            "key": "plan",
            "label": "Service plan",
            "kind": "CHOICE",
            "required": True,
            "choices": ["Gold", "Silver", "Bronze"],
            "archivedAt": None,
        },
        "errors": [],
    }
    assert [(e["field"], e["code"]) for e in without["errors"]] == [("parameters.plan", "REQUIRED")]
    assert bronze["errors"] == []
    assert bronze["ticket"]["parameters"] == {"plan": "Bronze"}


async def test_a_choice_that_tickets_have_cannot_be_left_out(client):
    # given: a ticket on Gold; no ticket on Silver
    owner = await sign_up(client)
    plan = await make_field(client, owner, "plan", "CHOICE", choices=["Gold", "Silver", "Bronze"])
    await make_ticket(
        client, owner, await make_customer(client, owner), parameters={"plan": "Gold"}
    )

    # when
    refused = await gql(
        client, UPDATE, {"input": {"customFieldId": plan, "choices": ["Silver"]}}, token=owner.token
    )
    unused_dropped = await gql(
        client,
        UPDATE,
        {"input": {"customFieldId": plan, "choices": ["Gold", "Bronze"]}},
        token=owner.token,
    )

    # then
    payload = refused["data"]["updateCustomField"]
    assert payload["customField"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("choices", "CHOICE_IN_USE")]
    assert payload["errors"][0]["message"] == (
        "Tickets still have these choices: Gold. Change those tickets first."
    )
    assert unused_dropped["data"]["updateCustomField"]["customField"]["choices"] == [
        "Gold",
        "Bronze",
    ]
    assert (await CustomField.get()).choices == ["Gold", "Bronze"]


async def test_changing_a_field_with_bad_input_changes_nothing(client):
    # given
    owner = await sign_up(client)
    plan = await make_field(client, owner, "plan", "CHOICE", choices=["Gold", "Silver"])
    seats = await make_field(client, owner, "seats", "NUMBER")
    globex = await sign_up(client, "owner@globex.example", company="Globex")
    foreign = await make_field(client, globex, "plan", "CHOICE", choices=["Gold"])
    before = await field_rows()
    cases = [
        ({"customFieldId": plan, "label": "  "}, "label", "REQUIRED"),
        ({"customFieldId": plan, "label": "x" * 201}, "label", "TOO_LONG"),
        ({"customFieldId": plan, "choices": []}, "choices", "INVALID_CHOICES"),
        ({"customFieldId": plan, "choices": ["Gold", "Gold"]}, "choices", "INVALID_CHOICES"),
        ({"customFieldId": seats, "choices": ["1"]}, "choices", "INVALID_CHOICES"),
        ({"customFieldId": foreign, "label": "Mine now"}, "customFieldId", "NOT_FOUND"),
        ({"customFieldId": unknown_id("CustomField"), "label": "X"}, "customFieldId", "NOT_FOUND"),
        ({"customFieldId": owner.id, "label": "X"}, "customFieldId", "NOT_FOUND"),  # a user's ID
    ]

    for given, field, code in cases:
        # when
        result = await gql(client, UPDATE, {"input": given}, token=owner.token)

        # then
        payload = result["data"]["updateCustomField"]
        assert payload["customField"] is None, given
        assert [(e["field"], e["code"]) for e in payload["errors"]] == [(field, code)], given
    for operation, name in ((ARCHIVE, "archiveCustomField"), (RESTORE, "restoreCustomField")):
        for field_id in (foreign, unknown_id("CustomField")):
            result = await gql(client, operation, {"id": field_id}, token=owner.token)
            assert result["data"][name]["errors"] == [
                {"field": "customFieldId", "code": "NOT_FOUND"}
            ], (name, field_id)
    assert await field_rows() == before


async def test_agents_may_not_change_archive_or_restore_fields(client):
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    plan = await make_field(client, owner, "plan", "CHOICE", choices=["Gold"])
    before = await field_rows()

    update = await gql(
        client, UPDATE, {"input": {"customFieldId": plan, "label": "X"}}, token=agent.token
    )
    archive = await gql(client, ARCHIVE, {"id": plan}, token=agent.token)
    restore = await gql(client, RESTORE, {"id": plan}, token=agent.token)

    for result in (update, archive, restore):
        assert result["data"] is None
        assert [e["extensions"]["code"] for e in result["errors"]] == ["FORBIDDEN"]
    assert await field_rows() == before


async def test_an_archived_field_is_not_offered_nor_required_and_tickets_keep_its_values(client):
    # given: a ticket with values for a required field and another field
    owner = await sign_up(client)
    order_no = await make_field(client, owner, "order_no", "TEXT", required=True)
    await make_field(client, owner, "plan", "CHOICE", choices=["Gold", "Silver"])
    customer = await make_customer(client, owner)
    old = await make_ticket(
        client, owner, customer, parameters={"order_no": "A-17", "plan": "Gold"}
    )

    # when the required field is archived
    archived = await gql(client, ARCHIVE, {"id": order_no}, token=owner.token)

    # then forms no longer offer it, and new tickets neither need nor take it
    assert archived["data"]["archiveCustomField"]["errors"] == []
    assert archived["data"]["archiveCustomField"]["customField"]["archivedAt"] is not None
    offered = await gql(client, FIELDS, {"all": False}, token=owner.token)
    assert [f["key"] for f in offered["data"]["customFields"]] == ["plan"]
    every = await gql(client, FIELDS, {"all": True}, token=owner.token)
    assert [f["key"] for f in every["data"]["customFields"]] == ["order_no", "plan"]
    assert (await create_ticket(client, owner, customer))["errors"] == []
    refused = await create_ticket(client, owner, customer, parameters={"order_no": "B-2"})
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [
        ("parameters.order_no", "FIELD_ARCHIVED")
    ]
    # and the old ticket keeps its value, found by it too
    found = await gql(client, TICKETS_WITH, {"p": {"order_no": "A-17"}}, token=owner.token)
    assert found["data"]["tickets"]["totalCount"] == 1

    # when the old ticket's other parameters change, the archived value stays; it takes no
    # new value, and may be cleared
    kept = await gql(
        client, SET_PARAMETERS, {"t": old["id"], "p": {"plan": "Silver"}}, token=owner.token
    )
    same = await gql(
        client,
        SET_PARAMETERS,
        {"t": old["id"], "p": {"order_no": "A-17", "plan": "Silver"}},
        token=owner.token,
    )
    changed = await gql(
        client, SET_PARAMETERS, {"t": old["id"], "p": {"order_no": "B-2"}}, token=owner.token
    )
    cleared = await gql(
        client,
        SET_PARAMETERS,
        {"t": old["id"], "p": {"order_no": None, "plan": "Silver"}},
        token=owner.token,
    )

    # then
    assert kept["data"]["setTicketParameters"]["ticket"]["parameters"] == {
        "order_no": "A-17",
        "plan": "Silver",
    }
    assert same["data"]["setTicketParameters"]["errors"] == []
    assert changed["data"]["setTicketParameters"]["errors"] == [
        {"field": "parameters.order_no", "code": "FIELD_ARCHIVED"}
    ]
    assert cleared["data"]["setTicketParameters"]["ticket"]["parameters"] == {"plan": "Silver"}
    log = await ticket_log(client, owner, old["id"])
    assert [entry["action"] for entry in log] == [
        "PARAMETERS_CHANGED",
        "PARAMETERS_CHANGED",
        "CREATED",
    ]
    assert log[1]["changes"] == {"plan": {"before": "Gold", "after": "Silver"}}
    assert log[0]["changes"] == {"order_no": {"before": "A-17", "after": None}}
    after_clearing = await gql(client, TICKETS_WITH, {"p": {"order_no": "A-17"}}, token=owner.token)
    assert after_clearing["data"]["tickets"]["totalCount"] == 0


async def test_a_restored_field_is_offered_and_required_again(client):
    owner = await sign_up(client)
    admin = await invite(client, owner, "admin@acme.example", role="ADMIN")
    order_no = await make_field(client, owner, "order_no", "TEXT", required=True)
    customer = await make_customer(client, owner)
    await gql(client, ARCHIVE, {"id": order_no}, token=admin.token)
    archived_again = await gql(client, ARCHIVE, {"id": order_no}, token=admin.token)
    log_before = await TicketLogEntry.all().count()

    restored = await gql(client, RESTORE, {"id": order_no}, token=admin.token)

    assert archived_again["data"]["archiveCustomField"]["errors"] == []
    assert restored["data"]["restoreCustomField"] == {
        "customField": {"key": "order_no", "archivedAt": None},
        "errors": [],
    }
    offered = await gql(client, FIELDS, {"all": False}, token=owner.token)
    assert [f["key"] for f in offered["data"]["customFields"]] == ["order_no"]
    missing = await create_ticket(client, owner, customer)
    assert [(e["field"], e["code"]) for e in missing["errors"]] == [
        ("parameters.order_no", "REQUIRED")
    ]
    assert await TicketLogEntry.all().count() == log_before
