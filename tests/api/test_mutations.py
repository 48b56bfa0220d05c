"""What every mutation shares: a Payload with `errors`, inputs whose global IDs are decoded
by their declared type, and partial updates that tell a left-out field from a null one."""

from graphql import GraphQLID, GraphQLInputObjectType, get_named_type

from schema import schema
from schema.base import Payload
from schema.inputs import given, node_key
from schema.tickets import UpdateStageInput, UpdateTicketInput
from tests.graphql import gql, sign_up

# Input fields of type ID that hold no global ID (the session's own id, from mySessions).
NOT_GLOBAL_IDS = {("RevokeSessionInput", "sessionId")}

UPDATE_TICKET = """
mutation M($input: UpdateTicketInput!) { updateTicket(input: $input) { errors { field code } } }
"""


def mutation_inputs() -> set[GraphQLInputObjectType]:
    """The input objects the mutations take, nested ones included."""
    found: set[GraphQLInputObjectType] = set()
    pending = [
        get_named_type(argument.type)
        for field in schema._schema.mutation_type.fields.values()
        for argument in field.args.values()
    ]
    while pending:
        named = pending.pop()
        if isinstance(named, GraphQLInputObjectType) and named not in found:
            found.add(named)
            pending.extend(get_named_type(field.type) for field in named.fields.values())
    return found


def test_every_mutation_answers_a_payload():
    for name, field in schema._schema.mutation_type.fields.items():
        definition = get_named_type(field.type).extensions["strawberry-definition"]
        assert issubclass(definition.origin, Payload), name


def test_every_global_id_of_a_mutation_input_declares_its_node_type():
    undeclared = []
    for input_type in mutation_inputs():
        definition = input_type.extensions["strawberry-definition"]
        fields = {schema.config.name_converter.from_field(f): f for f in definition.fields}
        for name, field in input_type.fields.items():
            if get_named_type(field.type) is not GraphQLID:
                continue
            if (input_type.name, name) not in NOT_GLOBAL_IDS and node_key(fields[name]) is None:
                undeclared.append(f"{input_type.name}.{name}")
    assert undeclared == []


def test_given_keeps_null_apart_from_left_out():
    assert given(UpdateTicketInput(ticket_id=1, requester_id=None), "ticket_id") == {
        "requester_id": None
    }
    assert given(UpdateTicketInput(ticket_id=1, title="New")) == {"ticket_id": 1, "title": "New"}


def test_given_leaves_out_null_where_null_is_the_default():
    assert given(UpdateStageInput(stage_id=1, name=None, kind=None)) == {"stage_id": 1}


async def test_an_id_of_another_type_is_not_found_on_its_field(client):
    # given
    owner = await sign_up(client)
    # when
    answer = await gql(
        client,
        UPDATE_TICKET,
        {"input": {"ticketId": owner.id, "requesterId": "not a global id"}},
        token=owner.token,
    )
    # then
    errors = answer["data"]["updateTicket"]["errors"]
    assert len(errors) == 1
    assert errors[0] == {"field": "ticketId", "code": "NOT_FOUND"}


async def test_a_caller_without_a_token_is_refused_before_his_ids_are_read(client):
    answer = await gql(client, UPDATE_TICKET, {"input": {"ticketId": "not a global id"}})
    assert answer["data"] is None
    assert answer["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
