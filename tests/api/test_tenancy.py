"""Every root field that takes an ID answers "not found" for another company's object."""

from graphql import GraphQLID, GraphQLInputObjectType, get_named_type

from schema import schema
from tests.graphql import deliver_notifications, gql, invite, sign_up
from tests.notifications.producing import produce

# field name -> (operation, variables builder); each takes the foreign object's ID as `id`.
CROSS_COMPANY = {
    "node": ("query Q($id: ID!) { node(id: $id) { id } }", None),
    "deactivateUser": (
        "mutation M($id: ID!) { deactivateUser(input: {userId: $id}) { errors { code } } }",
        "deactivateUser",
    ),
    "reactivateUser": (
        "mutation M($id: ID!) { reactivateUser(input: {userId: $id}) { errors { code } } }",
        "reactivateUser",
    ),
    "changeUserRole": (
        "mutation M($id: ID!) { changeUserRole(input: {userId: $id, role: ADMIN}) "
        "{ errors { code } } }",
        "changeUserRole",
    ),
    "revokeSession": (
        "mutation M($id: ID!) { revokeSession(input: {sessionId: $id}) { errors { code } } }",
        "revokeSession",
    ),
    "markNotificationsRead": (
        "mutation M($id: ID!) { markNotificationsRead(input: {ids: [$id]}) { errors { code } } }",
        "markNotificationsRead",
    ),
    "revokeApiKey": (
        "mutation M($id: ID!) { revokeApiKey(input: {apiKeyId: $id}) { errors { code } } }",
        "revokeApiKey",
    ),
    "ingestEvent": (
        "mutation M($id: ID!) { ingestEvent(input: {event: CHATBOT_HANDOVER, "
        "recipientIds: [$id]}) { errors { code } } }",
        "ingestEvent",
    ),
}
CREATE_API_KEY = """
mutation { createApiKey(input: {name: "Chatbot"}) { key apiKey { id } errors { code } } }
"""


def fields_taking_ids() -> set[str]:
    """Root fields with an ID argument, directly or inside their input object."""
    found = set()
    graphql_schema = schema._schema
    for root in (graphql_schema.query_type, graphql_schema.mutation_type):
        for name, field in root.fields.items():
            for argument in field.args.values():
                named = get_named_type(argument.type)
                if named is GraphQLID or (
                    isinstance(named, GraphQLInputObjectType)
                    and any(get_named_type(f.type) is GraphQLID for f in named.fields.values())
                ):
                    found.add(name)
    return found


def test_every_root_field_taking_an_id_has_a_cross_company_case():
    assert fields_taking_ids() == set(CROSS_COMPANY)


async def test_another_companys_ids_are_not_found(client):
    # given: two companies, each with an agent
    acme = await sign_up(client, "owner@acme.example", company="Acme")
    acme_agent = await invite(client, acme, "agent@acme.example")
    globex = await sign_up(client, "owner@globex.example", company="Globex")
    globex_agent = await invite(client, globex, "agent@globex.example")
    sessions = await gql(client, "{ mySessions { id } }", token=globex_agent.token)
    await produce("NEW_CHAT", [globex_agent])
    await deliver_notifications()
    feed = await gql(
        client, "{ notifications { edges { node { id } } } }", token=globex_agent.token
    )
    globex_key = (await gql(client, CREATE_API_KEY, token=globex.token))["data"]["createApiKey"]
    acme_key = (await gql(client, CREATE_API_KEY, token=acme.token))["data"]["createApiKey"]
    foreign = {
        "node": globex_agent.id,
        "deactivateUser": globex_agent.id,
        "reactivateUser": globex_agent.id,
        "changeUserRole": globex_agent.id,
        "revokeSession": sessions["data"]["mySessions"][0]["id"],
        "markNotificationsRead": feed["data"]["notifications"]["edges"][0]["node"]["id"],
        "revokeApiKey": globex_key["apiKey"]["id"],
        "ingestEvent": globex_agent.id,
    }
    headers = {"ingestEvent": {"X-Api-Key": acme_key["key"]}}  # Acme's integration

    for name, (operation, payload) in CROSS_COMPANY.items():
        # when Acme's owner names Globex's object
        result = await gql(
            client, operation, {"id": foreign[name]}, token=acme.token, headers=headers.get(name)
        )

        # then it does not exist for him
        if payload is None:
            assert result["data"][name] is None, name
        else:
            assert result["data"][payload]["errors"] == [{"code": "NOT_FOUND"}], name

    # and the same IDs work inside their own company
    own = await gql(client, CROSS_COMPANY["node"][0], {"id": globex_agent.id}, token=globex.token)
    assert own["data"]["node"] == {"id": globex_agent.id}
    company_node = await gql(
        client, CROSS_COMPANY["node"][0], {"id": globex.company_id}, token=acme.token
    )
    assert company_node["data"]["node"] is None
    me = await gql(client, "{ me { id } }", token=globex_agent.token)
    assert me["data"]["me"]["id"] == globex_agent.id
    assert acme_agent.company_id != globex_agent.company_id


async def test_user_lists_show_only_the_own_company(client):
    acme = await sign_up(client, "owner@acme.example", company="Acme")
    await sign_up(client, "owner@globex.example", company="Globex")

    result = await gql(
        client, "{ users { totalCount edges { node { email } } } }", token=acme.token
    )

    assert result["data"]["users"] == {
        "totalCount": 1,
        "edges": [{"node": {"email": "owner@acme.example"}}],
    }
