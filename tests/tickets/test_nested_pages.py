"""A nested connection with arguments (`Ticket.log(first:, after:)`) on a page of tickets: every
ticket's page loaded in one statement for the whole list, completed by the fast path, and the
same answer as the usual execution of one ticket."""

from schema import preload
from tests.graphql import gql, sign_up
from tests.tickets.factories import make_customer, make_ticket, stages, ticket_log

MOVE = (
    "mutation M($t: ID!, $s: ID!) "
    "{ moveTicket(input: {ticketId: $t, stageId: $s}) { errors { code } } }"
)
LOG = """
  number
  log(first: $n, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id action at actor { email } } }
  }
  latest: log(first: 1) { edges { node { action } } }
"""
PAGE = "query P($n: Int, $after: String) { tickets(first: 10) { edges { node { " + LOG + " } } } }"
ONE = (
    "query O($id: ID!, $n: Int, $after: String) { node(id: $id) { ... on Ticket { " + LOG + " } } }"
)
PLAIN = "{ tickets(first: 10) { edges { node { number } } } }"


async def _tickets_with_logs(client, owner, count):
    """`count` tickets; the n-th moved n times (n + 1 log entries), newest first."""
    customer = await make_customer(client, owner)
    ids = await stages(client, owner)
    tickets = []
    for n in range(count):
        ticket = await make_ticket(client, owner, customer)
        for move in range(n):
            stage = ids["In progress"] if move % 2 == 0 else ids["New"]
            result = await gql(client, MOVE, {"t": ticket["id"], "s": stage}, token=owner.token)
            assert result["data"]["moveTicket"]["errors"] == []
        tickets.append(ticket)
    return tickets[::-1]


async def test_each_tickets_log_page_is_the_one_the_usual_way_gives(client):
    # given
    owner = await sign_up(client)
    tickets = await _tickets_with_logs(client, owner, 4)
    full_logs = [await ticket_log(client, owner, ticket["id"]) for ticket in tickets]

    for variables in ({"n": 2}, {"n": 1}, {"n": 3, "after": None}):
        # when: the same document with other arguments each time
        fast_before = preload.PAGES_COMPLETED_FAST
        page = await gql(client, PAGE, variables, token=owner.token)

        # then: completed the fast way, each ticket with its own page of its log
        assert "errors" not in page, page
        assert preload.PAGES_COMPLETED_FAST == fast_before + 1
        nodes = [edge["node"] for edge in page["data"]["tickets"]["edges"]]
        assert [node["number"] for node in nodes] == [t["number"] for t in tickets]
        for node, ticket, log in zip(nodes, tickets, full_logs, strict=True):
            size = variables["n"]
            actions = [edge["node"]["action"] for edge in node["log"]["edges"]]
            assert actions == [entry["action"] for entry in log[:size]]
            assert node["log"]["pageInfo"]["hasNextPage"] == (len(log) > size)
            assert node["latest"]["edges"][0]["node"]["action"] == log[0]["action"]
            one = await gql(client, ONE, {"id": ticket["id"], **variables}, token=owner.token)
            assert node == one["data"]["node"]


async def test_a_cursor_applies_to_every_tickets_log(client):
    # given: a cursor in the middle of the busiest ticket's log
    owner = await sign_up(client)
    tickets = await _tickets_with_logs(client, owner, 3)
    first = await gql(client, PAGE, {"n": 2}, token=owner.token)
    cursor = first["data"]["tickets"]["edges"][0]["node"]["log"]["pageInfo"]["endCursor"]

    # when
    fast_before = preload.PAGES_COMPLETED_FAST
    page = await gql(client, PAGE, {"n": 2, "after": cursor}, token=owner.token)

    # then: each ticket's entries older than the cursor, as the usual way gives them
    assert preload.PAGES_COMPLETED_FAST == fast_before + 1
    nodes = [edge["node"] for edge in page["data"]["tickets"]["edges"]]
    for node, ticket in zip(nodes, tickets, strict=True):
        one = await gql(
            client, ONE, {"id": ticket["id"], "n": 2, "after": cursor}, token=owner.token
        )
        assert node == one["data"]["node"]
    assert [edge["node"]["action"] for edge in nodes[0]["log"]["edges"]] == ["CREATED"]
    assert [len(node["log"]["edges"]) for node in nodes[1:]] == [2, 1]


async def test_the_logs_of_a_page_cost_one_statement_whatever_the_number_of_tickets(client):
    owner = await sign_up(client)
    await _tickets_with_logs(client, owner, 2)
    counts = []
    for _ in range(2):
        # when
        plain = await gql(client, PLAIN, token=owner.token)
        page = await gql(client, PAGE, {"n": 2}, token=owner.token)

        # then: one statement per log selection (two) and one for the actors
        assert "errors" not in page, page
        extra = page["extensions"]["debug"]["sqlStatements"]
        counts.append(extra - plain["extensions"]["debug"]["sqlStatements"])
        await _tickets_with_logs(client, owner, 3)
    assert counts == [3, 3], counts


async def test_a_bad_page_size_is_reported_as_the_usual_way_reports_it(client):
    # given
    owner = await sign_up(client)
    tickets = await _tickets_with_logs(client, owner, 2)

    # when
    page = await gql(client, PAGE, {"n": -1}, token=owner.token)
    one = await gql(client, ONE, {"id": tickets[0]["id"], "n": -1}, token=owner.token)

    # then
    assert {error["extensions"]["code"] for error in page["errors"]} == {"INVALID_PAGE_SIZE"}
    assert [error["extensions"]["code"] for error in one["errors"]] == ["INVALID_PAGE_SIZE"]
