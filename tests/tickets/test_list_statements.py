"""tickets(first: N) with its nested fields costs the same few SQL statements for any N."""

from tortoise.transactions import in_transaction

from models.customers import ContactPerson, Customer
from models.tickets import Stage, Ticket, TicketContact, TicketTask
from tests.graphql import gql, invite, sign_up
from tests.tickets.factories import make_customer, stages

TICKETS = """
query Tickets($first: Int) {
  tickets(first: $first) {
    edges { node {
      number title
      customer { name representative { fullName } }
      stage { name }
      assignee { fullName }
      contacts { name }
      tasks { title assignee { email } }
      documents { filename }
    } }
  }
}
"""


async def _many_tickets(company_id: int, count: int, user_ids: list[int]) -> None:
    """`count` tickets over 10 customers, each with a contact and a task (rows, for speed)."""
    stage = await Stage.filter(company_id=company_id).order_by("position").first()
    assert stage is not None
    async with in_transaction():
        customers = [
            await Customer.create(
                company_id=company_id, name=f"Customer {n}", representative_id=user_ids[n % 2]
            )
            for n in range(10)
        ]
        contacts = [
            await ContactPerson.create(company_id=company_id, customer_id=c.pk, name=f"C{c.pk}")
            for c in customers
        ]
        for n in range(count):
            ticket = await Ticket.create(
                company_id=company_id,
                number=1000 + n,
                title=f"Ticket {n}",
                description="...",
                customer_id=customers[n % 10].pk,
                source="EMAIL",
                importance="LOW",
                stage_id=stage.pk,
                assignee_id=user_ids[n % 2],
            )
            await TicketContact.create(
                company_id=company_id, ticket_id=ticket.pk, contact_id=contacts[n % 10].pk
            )
            await TicketTask.create(
                company_id=company_id, ticket_id=ticket.pk, title="Call", assignee_id=user_ids[0]
            )


async def test_a_page_costs_the_same_statements_for_10_50_and_100_tickets(client):
    # given
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    await make_customer(client, owner)
    await stages(client, owner)
    company_id = (await Customer.first()).company_id  # type: ignore[union-attr]
    user_ids = [row.pk for row in await Ticket._meta.fields_map["assignee"].related_model.all()]
    await _many_tickets(company_id, 100, user_ids)

    counts = {}
    for first in (10, 50, 100):
        # when
        result = await gql(client, TICKETS, {"first": first}, token=agent.token)

        # then
        assert "errors" not in result, result
        edges = result["data"]["tickets"]["edges"]
        assert len(edges) == first
        assert all(edge["node"]["tasks"][0]["assignee"] for edge in edges)
        assert all(edge["node"]["customer"]["representative"] for edge in edges)
        counts[first] = result["extensions"]["debug"]["sqlStatements"]

    assert counts[10] == counts[50] == counts[100], counts
    # session, page, customers, users (twice: assignees, then representatives and task
    # assignees), stages, contacts, tasks, documents
    assert counts[10] <= 9, counts
