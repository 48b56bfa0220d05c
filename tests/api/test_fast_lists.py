"""Every list page is served by the fast path (schema/preload.py). The schema is walked from
each list field of Query: every field with a resolver of a type a list reaches is a relation
or computed field declared beside it (schema/relations.py), or is marked as falling back; and
a selection of every field the fast path serves, made from the schema, completes the fast way
on every list with the usual way's answer. A new field is covered as soon as it exists."""

from graphql import GraphQLList, GraphQLNonNull, GraphQLObjectType, is_required_argument

from schema import preload, schema
from schema.base import ModelNode
from schema.relations import FallsBack, Paged, declaration_of
from tests.graphql import deliver_notifications, gql, invite, sign_up
from tests.tickets.factories import make_contact, make_customer, make_ticket, stages
from tests.tickets.test_documents import attach

GRAPHQL = schema._schema
DEPTH = 3  # levels of objects below a list's node


def _named(graphql_type):
    while isinstance(graphql_type, (GraphQLList, GraphQLNonNull)):
        graphql_type = graphql_type.of_type
    return graphql_type


def _is_connection(graphql_type):
    named = _named(graphql_type)
    return isinstance(named, GraphQLObjectType) and {"edges", "pageInfo"} <= set(named.fields)


LISTS = {
    name: field
    for name, field in GRAPHQL.query_type.fields.items()
    if _is_connection(field.type)
    and not any(is_required_argument(arg) for arg in field.args.values())
}


def _reachable(graphql_type):
    seen, todo = {}, [_named(graphql_type)]
    while todo:
        current = todo.pop()
        if current.name in seen:
            continue
        seen[current.name] = current
        for field in current.fields.values():
            named = _named(field.type)
            if isinstance(named, GraphQLObjectType):
                todo.append(named)
    return seen.values()


def _declaration(field):
    return declaration_of(field.extensions.get("strawberry-definition"))


def _has_resolver(object_type, name, field):
    definition = field.extensions.get("strawberry-definition")
    owner = object_type.extensions.get("strawberry-definition")
    if name == "id" and issubclass(owner.origin, ModelNode):
        return False  # the global ID: the fast path makes it itself
    return definition is not None and definition.base_resolver is not None


def _selection(object_type, depth, path, nested):
    """Every field the fast path serves, objects `depth` levels deep, no type twice on a path;
    `nested`: inside a nested connection (whose totalCount is counted by the usual way)."""
    parts = []
    for name, field in object_type.fields.items():
        declaration = _declaration(field)
        if isinstance(declaration, FallsBack) or (nested and name == "totalCount"):
            continue
        arguments = "(first: 2)" if isinstance(declaration, Paged) else ""
        assert not field.args or arguments, f"{object_type.name}.{name} takes arguments"
        named = _named(field.type)
        if not isinstance(named, GraphQLObjectType):
            parts.append(name + arguments)
            continue
        if _is_connection(named):
            inner = _selection(named, depth, path, True)
        elif depth == 0 or named.name in path:
            continue
        else:
            inner = _selection(named, depth - 1, path | {named.name}, nested)
        if inner:
            parts.append(f"{name}{arguments} {{ {inner} }}")
    return " ".join(parts)


def test_every_resolver_field_a_list_reaches_is_declared():
    assert {"tickets", "customers", "contracts", "users", "notifications"} <= set(LISTS)
    undeclared = sorted(
        f"{object_type.name}.{name}"
        for root in LISTS.values()
        for object_type in _reachable(root.type)
        for name, field in object_type.fields.items()
        if _has_resolver(object_type, name, field) and _declaration(field) is None
    )
    # Declare it with relation(...) or computed(...) (schema/relations.py), or give it
    # metadata=falls_back("why") if the fast path must leave it to the usual way.
    assert undeclared == []


async def _everything(client):
    """A company with one of everything: tickets with all their relations, a customer with
    contacts and contracts (package, payment), users, notifications, deliveries."""
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    customer = await make_customer(client, owner, representativeId=agent.id)
    contact = await make_contact(client, owner, customer)
    ids = await stages(client, owner)
    ticket = await make_ticket(
        client, owner, customer, assigneeId=agent.id, requesterId=contact, contactIds=[contact]
    )
    await make_ticket(client, agent, customer, stageId=ids["Resolved"])
    for mutation, variables in (
        (
            "mutation M($t: ID!, $u: ID) { addTicketTask(input: {ticketId: $t, title: "
            '"Call", assigneeId: $u}) { errors { code } } }',
            {"t": ticket["id"], "u": agent.id},
        ),
        (
            'mutation M($t: ID!) { addTicketNote(input: {ticketId: $t, body: "Hm"}) '
            "{ errors { code } } }",
            {"t": ticket["id"]},
        ),
        (
            "mutation M($t: ID!) { addTicketLink(input: {ticketId: $t, kind: URL, "
            'target: "https://example.com"}) { errors { code } } }',
            {"t": ticket["id"]},
        ),
    ):
        result = await gql(client, mutation, variables, token=owner.token)
        assert "errors" not in result, result
    await attach(client, owner, ticket["id"], "a.txt", b"hello")
    package = await gql(
        client,
        "mutation P($input: CreateServicePackageInput!) { createServicePackage(input: $input) "
        "{ servicePackage { id } errors { code } } }",
        {
            "input": {
                "name": "Gold",
                "monthlyFee": "100",
                "annualFee": "1000",
                "currency": "EUR",
                "transactionQuota": 5,
            }
        },
        token=owner.token,
    )
    contract = await gql(
        client,
        "mutation C($input: CreateContractInput!) { createContract(input: $input) "
        "{ contract { id } errors { code } } }",
        {
            "input": {
                "customerId": customer,
                "packageId": package["data"]["createServicePackage"]["servicePackage"]["id"],
                "startsOn": "2020-01-01",
                "endsOn": "2099-12-31",
                "billingPeriod": "ANNUAL",
            }
        },
        token=owner.token,
    )
    paid = await gql(
        client,
        "mutation R($input: RecordContractPaymentInput!) { recordContractPayment(input: "
        "$input) { errors { code } } }",
        {
            "input": {
                "contractId": contract["data"]["createContract"]["contract"]["id"],
                "amount": "1000",
                "paidAt": "2026-01-05T09:00:00Z",
            }
        },
        token=owner.token,
    )
    assert paid["data"]["recordContractPayment"]["errors"] == []
    for member in (owner, agent):  # a presence of its own: else shown OFFLINE since now
        result = await gql(
            client,
            "mutation { setPresence(input: {status: OFFLINE}) { errors { code } } }",
            token=member.token,
        )
        assert result["data"]["setPresence"]["errors"] == []
    await deliver_notifications()
    return owner, agent


async def _usual(client, monkeypatch, query, member):
    """The answer of the usual execution: the fast path finds no completion."""
    with monkeypatch.context() as patched:
        patched.setattr(preload._COMPLETERS, "get", lambda *args: None)
        return await gql(client, query, token=member.token)


async def test_every_list_completes_the_fast_way_with_the_usual_answer(client, monkeypatch):
    # given
    owner, agent = await _everything(client)

    for name, root in LISTS.items():
        node = _named(_named(root.type).fields["edges"].type).fields["node"].type
        fields = _selection(_named(node), DEPTH, {_named(node).name}, False)
        query = (
            "{ " + name + "(first: 5) { totalCount pageInfo { hasNextPage endCursor } "
            "edges { cursor node { __typename " + fields + " } } } }"
        )
        seen = 0
        for member in (owner, agent):
            # when: the usual way, the fast way, the usual way again (no completion kept)
            for _ in range(10):
                usual = await _usual(client, monkeypatch, query, member)
                fast_before = preload.PAGES_COMPLETED_FAST
                fast = await gql(client, query, token=member.token)
                fast_after = preload.PAGES_COMPLETED_FAST
                if await _usual(client, monkeypatch, query, member) == usual:
                    break  # the same second: a document's link carries its expiry time

            # then
            assert usual.get("errors") == fast.get("errors"), (name, fast, usual)
            if "errors" in fast:  # a list an agent may not read
                assert member is agent, (name, fast)
                continue
            assert fast_after == fast_before + 1, (name, query)
            assert fast["data"] == usual["data"], name
            seen += len(fast["data"][name]["edges"])
        assert seen, f"{name}: no rows to compare"
