"""A page of tickets completes through schema/preload.py's fast path; any selection it does not
know falls back to the usual execution. Both give the same answer."""

from urllib.parse import parse_qs, urlsplit

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


async def test_a_kept_completion_answers_each_request_with_its_own_variables_and_user(client):
    # given: a ticket with a document, seen by two users of the company
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    customer = await make_customer(client, owner)
    ticket = await make_ticket(client, owner, customer, assigneeId=agent.id)
    await attach(client, owner, ticket["id"], "a.txt", b"hello")
    query = (
        "query Q($withStage: Boolean!) { tickets(first: 5) { edges { node { title "
        "stage @include(if: $withStage) { name } ...files } } } } "
        "fragment files on Ticket { documents { filename url } assignee { email } }"
    )
    plain = "{ tickets(first: 5) { edges { node { title documents { url } } } } }"

    # when: the same documents, again and again, with other variables and other users
    answers = []
    for token, with_stage in ((owner.token, True), (owner.token, False), (agent.token, True)):
        fast_before = preload.PAGES_COMPLETED_FAST
        answers.append(await gql(client, query, {"withStage": with_stage}, token=token))
        assert preload.PAGES_COMPLETED_FAST == fast_before + 1
    urls = [
        (await gql(client, plain, token=token))["data"]["tickets"]["edges"][0]["node"]
        for token in (owner.token, agent.token, owner.token)
    ]

    # then: @include follows each request's variables
    nodes = [answer["data"]["tickets"]["edges"][0]["node"] for answer in answers]
    assert nodes[0]["stage"] == {"name": "New"}
    assert "stage" not in nodes[1]
    assert nodes[2]["stage"] == {"name": "New"}
    assert nodes[0]["assignee"] == {"email": "agent@acme.example"}
    # and a download link is signed for the user who asked, not for the first one
    signed_for = [
        parse_qs(urlsplit(node["documents"][0]["url"]).query)["user"]
        for node in (nodes[0], nodes[2], urls[0], urls[1], urls[2])
    ]
    assert signed_for[0] != signed_for[1]
    assert signed_for[2:] == [signed_for[0], signed_for[1], signed_for[0]]
    for node, token in ((nodes[2], agent.token), (urls[1], agent.token), (urls[2], owner.token)):
        response = await client.get(node["documents"][0]["url"])
        assert response.status_code == 200, token
        assert response.content == b"hello"
