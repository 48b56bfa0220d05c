"""Every root field that takes an ID answers "not found" for another company's object."""

import json

from graphql import GraphQLID, GraphQLInputObjectType, get_named_type

from schema import schema
from tests.graphql import deliver_notifications, gql, invite, sign_up
from tests.notifications.producing import produce
from tests.tickets.factories import make_contact, make_customer, make_ticket, stages

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
    assert fields_taking_ids() == set(CROSS_COMPANY) | set(TICKETS_CROSS_COMPANY)


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


def _mutation(name: str, arguments: str) -> str:
    return f"mutation M($id: ID!) {{ {name}(input: {{{arguments}}}) {{ errors {{ code }} }} }}"


# Tickets, customers and contracts: field -> operation; `$id` is the foreign object's ID and
# `$own`, `$own2` are IDs of the caller's own ticket, customer or stage where one is needed.
TICKETS_CROSS_COMPANY = {
    "createCustomer": _mutation("createCustomer", 'name: "X", representativeId: $id'),
    "updateCustomer": _mutation("updateCustomer", 'customerId: $id, name: "X"'),
    "deleteCustomer": _mutation("deleteCustomer", "customerId: $id"),
    "addContactPerson": _mutation("addContactPerson", 'customerId: $id, name: "X"'),
    "createContract": _mutation(
        "createContract",
        'customerId: $id, startsOn: "2026-01-01", endsOn: "2026-12-31", billingPeriod: MONTHLY, '
        'fee: "10", currency: "EUR"',
    ),
    "cancelContract": _mutation("cancelContract", "contractId: $id"),
    "recordContractPayment": _mutation("recordContractPayment", 'contractId: $id, amount: "5"'),
    "updateStage": _mutation("updateStage", 'stageId: $id, name: "X"'),
    "deleteStage": _mutation("deleteStage", "stageId: $id"),
    "reorderStages": _mutation("reorderStages", "stageIds: [$id]"),
    "createTicket": _mutation(
        "createTicket",
        'customerId: $id, source: EMAIL, importance: LOW, title: "X", description: "Y"',
    ),
    "updateTicket": _mutation("updateTicket", 'ticketId: $id, title: "X"'),
    "moveTicket": _mutation("moveTicket", "ticketId: $id, stageId: $id"),
    "assignTicket": _mutation("assignTicket", "ticketId: $id"),
    "addTicketContact": _mutation("addTicketContact", "ticketId: $id, contactId: $id"),
    "removeTicketContact": _mutation("removeTicketContact", "ticketId: $id, contactId: $id"),
    "addTicketTask": _mutation("addTicketTask", 'ticketId: $id, title: "X"'),
    "updateTicketTask": _mutation("updateTicketTask", "taskId: $id, done: true"),
    "deleteTicketTask": _mutation("deleteTicketTask", "taskId: $id"),
    "addTicketLink": _mutation(
        "addTicketLink", 'ticketId: $id, kind: URL, target: "https://x.example"'
    ),
    "removeTicketLink": _mutation("removeTicketLink", "linkId: $id"),
    "addTicketNote": _mutation("addTicketNote", 'ticketId: $id, body: "X"'),
    "updateTicketNote": _mutation("updateTicketNote", 'noteId: $id, body: "X"'),
    "deleteTicketNote": _mutation("deleteTicketNote", "noteId: $id"),
    "deleteTicket": _mutation("deleteTicket", "ticketId: $id"),
    "setTicketParameters": _mutation("setTicketParameters", "ticketId: $id, parameters: {}"),
    "attachDocument": "multipart",
    "deleteDocument": _mutation("deleteDocument", "documentId: $id"),
    "updateCustomField": _mutation("updateCustomField", 'customFieldId: $id, label: "X"'),
    "archiveCustomField": _mutation("archiveCustomField", "customFieldId: $id"),
    "restoreCustomField": _mutation("restoreCustomField", "customFieldId: $id"),
    "tickets": "query Q($id: ID!) { tickets(filter: {customerIds: [$id]}) { totalCount } }",
    "customers": "query Q($id: ID!) { customers(representativeIds: [$id]) { totalCount } }",
    "contracts": "query Q($id: ID!) { contracts(customerIds: [$id]) { totalCount } }",
}
ATTACH = (
    "mutation M($id: ID!, $file: Upload!) { attachDocument(input: {ticketId: $id, file: $file}) "
    "{ errors { code } } }"
)


async def _globex_objects(client, globex):
    """One object of each kind in Globex, by the kind's name."""
    customer = await make_customer(client, globex, "Globex customer")
    contact = await make_contact(client, globex, customer)
    ticket = await make_ticket(client, globex, customer)
    task = await gql(
        client,
        'mutation M($t: ID!) { addTicketTask(input: {ticketId: $t, title: "T"}) { task { id } } }',
        {"t": ticket["id"]},
        token=globex.token,
    )
    link = await gql(
        client,
        "mutation M($t: ID!) { addTicketLink(input: {ticketId: $t, kind: URL, target: "
        '"https://x.example"}) { link { id } } }',
        {"t": ticket["id"]},
        token=globex.token,
    )
    note = await gql(
        client,
        'mutation M($t: ID!) { addTicketNote(input: {ticketId: $t, body: "N"}) { note { id } } }',
        {"t": ticket["id"]},
        token=globex.token,
    )
    document = await client.post(
        "/graphql",
        data={
            "operations": json.dumps(
                {
                    "query": ATTACH.replace("{ errors { code } }", "{ document { id } }"),
                    "variables": {"id": ticket["id"], "file": None},
                }
            ),
            "map": json.dumps({"0": ["variables.file"]}),
        },
        files={"0": ("a.txt", b"hello", "text/plain")},
        headers={"Authorization": f"Bearer {globex.token}", "Apollo-Require-Preflight": "true"},
    )
    field = await gql(
        client,
        'mutation { createCustomField(input: {key: "plan", label: "Plan", kind: TEXT}) '
        "{ customField { id } } }",
        token=globex.token,
    )
    contract = await gql(
        client,
        'mutation M($c: ID!) { createContract(input: {customerId: $c, startsOn: "2026-01-01", '
        'endsOn: "2026-12-31", billingPeriod: MONTHLY, fee: "10", currency: "EUR"}) '
        "{ contract { id } } }",
        {"c": customer},
        token=globex.token,
    )
    return {
        "customer": customer,
        "contact": contact,
        "ticket": ticket["id"],
        "task": task["data"]["addTicketTask"]["task"]["id"],
        "link": link["data"]["addTicketLink"]["link"]["id"],
        "note": note["data"]["addTicketNote"]["note"]["id"],
        "document": document.json()["data"]["attachDocument"]["document"]["id"],
        "customField": field["data"]["createCustomField"]["customField"]["id"],
        "contract": contract["data"]["createContract"]["contract"]["id"],
        "stage": (await stages(client, globex))["New"],
        "user": globex.id,
    }


async def test_another_companys_tickets_customers_and_contracts_are_not_found(client):
    # given: Acme with a ticket, and Globex with one object of each kind
    acme = await sign_up(client, "owner@acme.example", company="Acme")
    await make_ticket(client, acme, await make_customer(client, acme))
    globex = await sign_up(client, "owner@globex.example", company="Globex")
    objects = await _globex_objects(client, globex)
    foreign = {
        "createCustomer": objects["user"],
        "updateCustomer": objects["customer"],
        "deleteCustomer": objects["customer"],
        "addContactPerson": objects["customer"],
        "createContract": objects["customer"],
        "cancelContract": objects["contract"],
        "recordContractPayment": objects["contract"],
        "updateStage": objects["stage"],
        "deleteStage": objects["stage"],
        "reorderStages": objects["stage"],
        "createTicket": objects["customer"],
        "updateTicket": objects["ticket"],
        "moveTicket": objects["ticket"],
        "assignTicket": objects["ticket"],
        "addTicketContact": objects["ticket"],
        "removeTicketContact": objects["ticket"],
        "addTicketTask": objects["ticket"],
        "updateTicketTask": objects["task"],
        "deleteTicketTask": objects["task"],
        "removeTicketLink": objects["link"],
        "deleteDocument": objects["document"],
        "updateCustomField": objects["customField"],
        "archiveCustomField": objects["customField"],
        "restoreCustomField": objects["customField"],
        "addTicketLink": objects["ticket"],
        "addTicketNote": objects["ticket"],
        "updateTicketNote": objects["note"],
        "deleteTicketNote": objects["note"],
        "deleteTicket": objects["ticket"],
        "setTicketParameters": objects["ticket"],
        "attachDocument": objects["ticket"],
        "tickets": objects["customer"],
        "customers": objects["user"],
        "contracts": objects["customer"],
    }

    for name, operation in TICKETS_CROSS_COMPANY.items():
        # when Acme's owner names Globex's object
        if operation == "multipart":
            response = await client.post(
                "/graphql",
                data={
                    "operations": json.dumps(
                        {"query": ATTACH, "variables": {"id": foreign[name], "file": None}}
                    ),
                    "map": json.dumps({"0": ["variables.file"]}),
                },
                files={"0": ("a.txt", b"hello", "text/plain")},
                headers={
                    "Authorization": f"Bearer {acme.token}",
                    "Apollo-Require-Preflight": "true",
                },
            )
            result = response.json()
        else:
            result = await gql(client, operation, {"id": foreign[name]}, token=acme.token)

        # then it does not exist for him
        assert "errors" not in result, (name, result)
        if operation.startswith("query"):
            assert result["data"][name] == {"totalCount": 0}, name
        else:
            assert result["data"][name]["errors"] == [{"code": "NOT_FOUND"}], (name, result)

    # and nodes of every kind stay hidden
    for kind, global_id in objects.items():
        node = await gql(client, CROSS_COMPANY["node"][0], {"id": global_id}, token=acme.token)
        assert node["data"]["node"] is None, kind
        own = await gql(client, CROSS_COMPANY["node"][0], {"id": global_id}, token=globex.token)
        assert own["data"]["node"] == {"id": global_id}, kind
