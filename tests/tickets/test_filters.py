from tests.graphql import gql, invite, sign_up
from tests.tickets.factories import make_customer, make_field, make_ticket, stages

TICKETS = """
query T($filter: TicketFilter, $first: Int, $after: String, $order: TicketOrder) {
  tickets(filter: $filter, first: $first, after: $after, order: $order) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { number } }
  }
}
"""
CONTRACT = """
mutation C($c: ID!) {
  createContract(input: {customerId: $c, startsOn: "2020-01-01", endsOn: "2099-12-31",
                         billingPeriod: MONTHLY, fee: "100", currency: "EUR"}) { errors { code } }
}
"""


async def numbers(client, member, wanted=None, **arguments):
    result = await gql(client, TICKETS, {"filter": wanted, **arguments}, token=member.token)
    assert "errors" not in result, result
    return [edge["node"]["number"] for edge in result["data"]["tickets"]["edges"]]


async def test_each_filter_keeps_only_matching_tickets(client):
    # given
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    await make_field(client, owner, "plan", "CHOICE", choices=["Gold", "Silver"])
    await make_field(client, owner, "seats", "NUMBER")
    initech = await make_customer(client, owner, "Initech", representativeId=agent.id)
    globex = await make_customer(client, owner, "Globex")
    await gql(client, CONTRACT, {"c": initech}, token=owner.token)
    stage = await stages(client, owner)
    await make_ticket(
        client, owner, initech, title="Printer jam", parameters={"plan": "Gold", "seats": 10}
    )  # 1
    await make_ticket(
        client,
        owner,
        globex,
        title="Password reset",
        description="Cannot sign in to the portal",
        importance="URGENT",
        source="PHONE",
        assigneeId=agent.id,
        parameters={"plan": "Silver", "seats": "10.0"},
    )  # 2
    await make_ticket(
        client,
        owner,
        globex,
        title="Invoice",
        description="Wrong amount",
        stageId=stage["Resolved"],
    )  # 3

    # then
    assert await numbers(client, agent) == [3, 2, 1]
    assert await numbers(client, agent, order="OLDEST_FIRST") == [1, 2, 3]
    assert await numbers(client, agent, {"stageIds": [stage["Resolved"]]}) == [3]
    assert await numbers(client, agent, {"assigneeIds": [agent.id]}) == [2]
    assert await numbers(client, agent, {"customerIds": [globex]}) == [3, 2]
    assert await numbers(client, agent, {"representativeIds": [agent.id]}) == [1]
    assert await numbers(client, agent, {"importance": ["URGENT", "HIGH"]}) == [2]
    assert await numbers(client, agent, {"sources": ["EMAIL"]}) == [3, 1]
    assert await numbers(client, agent, {"hasActiveContract": True}) == [1]
    assert await numbers(client, agent, {"hasActiveContract": False}) == [3, 2]
    assert await numbers(client, agent, {"open": True}) == [2, 1]
    assert await numbers(client, agent, {"open": False}) == [3]
    assert await numbers(client, agent, {"parameters": {"plan": "Gold"}}) == [1]
    assert await numbers(client, agent, {"parameters": {"seats": 10}}) == [2, 1]
    assert await numbers(client, agent, {"parameters": {"plan": "Silver", "seats": 10}}) == [2]
    assert await numbers(client, agent, {"search": "PRINT"}) == [1]
    assert await numbers(client, agent, {"search": "sign port"}) == [2]
    assert await numbers(client, agent, {"search": "portal printer"}) == []
    assert await numbers(client, agent, {"open": True, "customerIds": [globex]}) == [2]


async def test_pages_follow_each_other_with_a_total(client):
    owner = await sign_up(client)
    customer = await make_customer(client, owner)
    for _ in range(5):
        await make_ticket(client, owner, customer)

    first = await gql(client, TICKETS, {"first": 2}, token=owner.token)
    page = first["data"]["tickets"]
    second = await gql(
        client, TICKETS, {"first": 2, "after": page["pageInfo"]["endCursor"]}, token=owner.token
    )

    assert page["totalCount"] == 5
    assert page["pageInfo"]["hasNextPage"] is True
    assert [e["node"]["number"] for e in page["edges"]] == [5, 4]
    assert [e["node"]["number"] for e in second["data"]["tickets"]["edges"]] == [3, 2]


async def test_a_filter_on_an_unknown_custom_field_is_an_error(client):
    owner = await sign_up(client)

    result = await gql(client, TICKETS, {"filter": {"parameters": {"nope": 1}}}, token=owner.token)

    assert result["errors"][0]["extensions"]["code"] == "UNKNOWN_PARAMETER"
