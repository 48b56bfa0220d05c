from models.tickets import Stage, TicketLogEntry
from tests.graphql import gql, invite, sign_up
from tests.tickets.factories import make_customer, make_ticket, stages, ticket_log

CREATE = """
mutation C($name: String!, $kind: StageKind!) {
  createStage(input: {name: $name, kind: $kind}) {
    stage { name position kind } errors { field code }
  }
}
"""
UPDATE = """
mutation U($id: ID!, $name: String, $kind: StageKind) {
  updateStage(input: {stageId: $id, name: $name, kind: $kind}) {
    stage { name kind } errors { field code }
  }
}
"""
REORDER = """
mutation R($ids: [ID!]!) {
  reorderStages(input: {stageIds: $ids}) { stages { name position } errors { field code } }
}
"""
DELETE = """
mutation D($id: ID!, $to: ID) {
  deleteStage(input: {stageId: $id, moveToStageId: $to}) { stages { name } errors { field code } }
}
"""
TICKET = "query N($id: ID!) { node(id: $id) { ... on Ticket { stage { name } closedAt } } }"


async def test_a_new_company_starts_with_a_sensible_set(client):
    owner = await sign_up(client)

    result = await gql(client, "{ stages { name position kind } }", token=owner.token)

    assert result["data"]["stages"] == [
        {"name": "New", "position": 0, "kind": "OPEN"},
        {"name": "In progress", "position": 1, "kind": "OPEN"},
        {"name": "Waiting for customer", "position": 2, "kind": "OPEN"},
        {"name": "Resolved", "position": 3, "kind": "CLOSED"},
    ]


async def test_admins_create_rename_and_reorder_stages(client):
    owner = await sign_up(client)
    await stages(client, owner)

    created = await gql(client, CREATE, {"name": "Escalated", "kind": "OPEN"}, token=owner.token)
    ids = await stages(client, owner)
    renamed = await gql(
        client, UPDATE, {"id": ids["Escalated"], "name": "Tier 2"}, token=owner.token
    )
    order = [
        ids["Escalated"],
        ids["New"],
        ids["In progress"],
        ids["Waiting for customer"],
        ids["Resolved"],
    ]
    reordered = await gql(client, REORDER, {"ids": order}, token=owner.token)

    assert created["data"]["createStage"] == {
        "stage": {"name": "Escalated", "position": 4, "kind": "OPEN"},
        "errors": [],
    }
    assert renamed["data"]["updateStage"]["stage"] == {"name": "Tier 2", "kind": "OPEN"}
    assert [s["name"] for s in reordered["data"]["reorderStages"]["stages"]] == [
        "Tier 2",
        "New",
        "In progress",
        "Waiting for customer",
        "Resolved",
    ]


async def test_stage_bad_input_changes_nothing(client):
    owner = await sign_up(client)
    ids = await stages(client, owner)
    before = [(s.name, s.position, s.kind) for s in await Stage.all().order_by("id")]

    duplicate = await gql(client, CREATE, {"name": "new", "kind": "OPEN"}, token=owner.token)
    blank = await gql(client, CREATE, {"name": " ", "kind": "OPEN"}, token=owner.token)
    partial = await gql(client, REORDER, {"ids": [ids["New"]]}, token=owner.token)
    twice = await gql(client, REORDER, {"ids": [ids["New"]] * 4}, token=owner.token)

    assert duplicate["data"]["createStage"]["errors"] == [{"field": "name", "code": "NAME_TAKEN"}]
    assert blank["data"]["createStage"]["errors"] == [{"field": "name", "code": "REQUIRED"}]
    assert partial["data"]["reorderStages"]["errors"] == [
        {"field": "stageIds", "code": "INVALID_ORDER"}
    ]
    assert twice["data"]["reorderStages"]["errors"] == [
        {"field": "stageIds", "code": "INVALID_ORDER"}
    ]
    assert [(s.name, s.position, s.kind) for s in await Stage.all().order_by("id")] == before


async def test_agents_may_not_change_stages(client):
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")

    result = await gql(client, CREATE, {"name": "Mine", "kind": "OPEN"}, token=agent.token)

    assert result["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_a_stage_with_tickets_is_deleted_only_by_moving_them(client):
    # given
    owner = await sign_up(client)
    customer = await make_customer(client, owner)
    ids = await stages(client, owner)
    ticket = await make_ticket(client, owner, customer, stageId=ids["In progress"])
    log_before = await TicketLogEntry.all().count()

    # when
    refused = await gql(client, DELETE, {"id": ids["In progress"]}, token=owner.token)
    moved = await gql(
        client, DELETE, {"id": ids["In progress"], "to": ids["Resolved"]}, token=owner.token
    )
    emptied = await gql(client, DELETE, {"id": ids["Waiting for customer"]}, token=owner.token)

    # then
    assert refused["data"]["deleteStage"]["errors"] == [
        {"field": "moveToStageId", "code": "STAGE_NOT_EMPTY"}
    ]
    assert moved["data"]["deleteStage"]["errors"] == []
    assert [s["name"] for s in emptied["data"]["deleteStage"]["stages"]] == ["New", "Resolved"]
    now = (await gql(client, TICKET, {"id": ticket["id"]}, token=owner.token))["data"]["node"]
    assert now["stage"] == {"name": "Resolved"}
    assert now["closedAt"] is not None
    assert await TicketLogEntry.all().count() == log_before + 1
    log = await ticket_log(client, owner, ticket["id"])
    assert log[0]["action"] == "STAGE_CHANGED"
    assert log[0]["changes"]["stage"] == {"before": "In progress", "after": "Resolved"}


async def test_a_stage_with_tickets_keeps_its_kind(client):
    owner = await sign_up(client)
    customer = await make_customer(client, owner)
    ids = await stages(client, owner)
    await make_ticket(client, owner, customer)

    result = await gql(client, UPDATE, {"id": ids["New"], "kind": "CLOSED"}, token=owner.token)

    assert result["data"]["updateStage"]["errors"] == [{"field": "kind", "code": "STAGE_NOT_EMPTY"}]
