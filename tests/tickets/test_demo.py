from models.customers import Contract, Customer
from models.tickets import Stage, Ticket, TicketCounter
from resolvers.demo import seed_demo
from tests.graphql import gql, login


async def test_the_demo_has_support_records_and_can_grow_for_benchmarks(client):
    await seed_demo()
    await seed_demo(tickets=60)  # again: the records are not duplicated, 60 tickets are added

    numbers = sorted(await Ticket.all().values_list("number", flat=True))
    assert numbers == list(range(1, 101))
    assert (await TicketCounter.get()).last_number == 100
    assert await Stage.all().count() == 4
    assert await Customer.all().count() == 8
    assert await Contract.all().count() > 0
    signed_in = await login(client, "agent1@demo.frontdesk.example", "frontdesk-demo-2026")
    result = await gql(
        client,
        "{ tickets(first: 5, filter: {open: true}) { totalCount edges { node { customer "
        "{ name contractSummary { status } } } } } }",
        token=signed_in["accessToken"],
    )
    assert "errors" not in result, result
    assert 0 < result["data"]["tickets"]["totalCount"] < 100
