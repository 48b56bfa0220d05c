"""A page of tickets completes through schema/preload.py's fast path; any selection it does not
know falls back to the usual execution. Both give the same answer."""

from schema import preload
from tests.graphql import gql, invite, sign_up
from tests.tickets.factories import make_contact, make_customer, make_ticket, stages
from tests.tickets.test_documents import attach

SELECTION = """
  totalCount
  pageInfo { hasNextPage endCursor }
  edges { cursor node {
    __typename id number title description source importance parameters createdAt closedAt
    customer { id name email representative { id fullName } contacts { name } }
    stage { id name kind position }
    assignee { ...person }
    requester { name customer { name } }
    contacts { id name title }
    tasks { id title done dueAt assignee { ...person } }
    links { kind target label }
    notes { body author { email } }
    documents { filename size contentType uploadedBy { email } }
    first: stage { name }
    %s
  } }
"""
FAST = "query Q($f: TicketFilter) { tickets(filter: $f, first: 10) { %s } } " % (SELECTION % "")
USUAL = "query Q($f: TicketFilter) { tickets(filter: $f, first: 10) { %s } } " % (
    SELECTION % "log(first: 1) { totalCount }"  # a field the fast path does not know
)
FRAGMENT = "fragment person on User { id email fullName }"


async def test_the_fast_path_and_the_usual_one_give_the_same_answer(client):
    # given: tickets with everything on them
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    customer = await make_customer(client, owner, representativeId=agent.id)
    contact = await make_contact(client, owner, customer)
    ids = await stages(client, owner)
    first = await make_ticket(
        client, owner, customer, assigneeId=agent.id, requesterId=contact, contactIds=[contact]
    )
    await make_ticket(client, agent, customer, stageId=ids["Resolved"])
    await gql(
        client,
        'mutation M($t: ID!, $u: ID) { addTicketTask(input: {ticketId: $t, title: "Call", '
        "assigneeId: $u}) { errors { code } } }",
        {"t": first["id"], "u": agent.id},
        token=owner.token,
    )
    await gql(
        client,
        'mutation M($t: ID!) { addTicketNote(input: {ticketId: $t, body: "Hm"}) '
        "{ errors { code } } }",
        {"t": first["id"]},
        token=owner.token,
    )
    await attach(client, owner, first["id"], "a.txt", b"hello")

    for wanted in (None, {"open": True}):
        # when
        fast_before = preload.PAGES_COMPLETED_FAST
        fast = await gql(client, FAST + FRAGMENT, {"f": wanted}, token=owner.token)
        usual = await gql(client, USUAL + FRAGMENT, {"f": wanted}, token=owner.token)

        # then
        assert "errors" not in fast, fast
        assert "errors" not in usual, usual
        assert preload.PAGES_COMPLETED_FAST == fast_before + 1
        for edge in usual["data"]["tickets"]["edges"]:
            edge["node"].pop("log")
        assert fast["data"] == usual["data"]
        assert len(fast["data"]["tickets"]["edges"]) == (2 if wanted is None else 1)
    # the fast path is no slower in statements than the usual one
    assert (
        fast["extensions"]["debug"]["sqlStatements"]
        <= usual["extensions"]["debug"]["sqlStatements"]
    )
