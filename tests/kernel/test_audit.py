"""The shared audit log: an entry per change, by the acting user (or none), at the clock's time."""

import enum
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from tortoise.transactions import in_transaction

from models.accounts import User
from models.actors import Actor
from models.tickets import Ticket, TicketLogEntry
from resolvers import audit
from resolvers.context import Context
from resolvers.errors import DomainError
from tests.graphql import sign_up
from tests.tickets.factories import make_customer, make_ticket


class Colour(enum.StrEnum):
    RED = "RED"


def test_values_are_logged_as_json_keeps_them():
    logged = audit.change(Colour.RED, Decimal("10.50"))
    assert logged == {"before": "RED", "after": "10.50"}
    assert audit.change(date(2031, 1, 2), datetime(2031, 1, 2, 3, 4, tzinfo=UTC)) == {
        "before": "2031-01-02",
        "after": "2031-01-02T03:04:00+00:00",
    }
    assert audit.change(None, ["a"]) == {"before": None, "after": ["a"]}


async def ticket_and_owner(client) -> tuple[Ticket, User]:
    owner = await sign_up(client)
    await make_ticket(client, owner, await make_customer(client, owner))
    return await Ticket.get(), await User.get()


async def test_an_entry_names_the_acting_user_and_the_clocks_time(client, clock):
    # given
    ticket, user = await ticket_and_owner(client)
    clock.set(datetime(2031, 2, 3, 4, 5, 6, tzinfo=UTC))

    # when
    async with in_transaction():
        entry = await audit.record(
            Context(user=user), TicketLogEntry, ticket, "UPDATED", {"title": audit.change("a", "b")}
        )

    # then
    stored = await TicketLogEntry.get(id=entry.pk)
    assert (stored.company_id, stored.ticket_id, stored.actor_id) == (
        ticket.company_id,
        ticket.pk,
        user.pk,
    )
    assert stored.action == "UPDATED"
    assert stored.changes == {"title": {"before": "a", "after": "b"}}
    assert stored.at == datetime(2031, 2, 3, 4, 5, 6, tzinfo=UTC)


async def test_an_actor_that_is_not_a_user_logs_as_nobody(client):
    ticket, _ = await ticket_and_owner(client)
    system = Context(acting=Actor.system(ticket.company_id))

    await audit.record(system, TicketLogEntry, ticket, "UPDATED")

    logged = await TicketLogEntry.filter(action="UPDATED").get()
    assert (logged.actor_id, logged.changes) == (None, {})


async def test_entries_for_many_records_are_built_for_one_insert(client):
    ticket, user = await ticket_and_owner(client)
    at = datetime(2031, 5, 6, tzinfo=UTC)

    entries = [
        audit.entry(Context(user=user), TicketLogEntry, ticket, "STAGE_CHANGED", at=at)
        for _ in range(3)
    ]
    await TicketLogEntry.bulk_create(entries)

    assert await TicketLogEntry.filter(action="STAGE_CHANGED", at=at, actor_id=user.pk).count() == 3


async def test_the_log_reads_newest_first_within_the_company_only(client):
    # given: two more entries on one company's ticket, and another company
    ticket, user = await ticket_and_owner(client)
    owner = Context(user=user)
    await audit.record(owner, TicketLogEntry, ticket, "UPDATED")
    await audit.record(owner, TicketLogEntry, ticket, "ASSIGNED")
    await sign_up(client, "boss@globex.example", company="Globex")
    stranger = Context(user=await User.get(email="boss@globex.example"))

    # when
    page = await audit.log_page(owner, TicketLogEntry, ticket, None, None, "ticketId")

    # then
    assert [entry.action for entry in page.rows] == ["ASSIGNED", "UPDATED", "CREATED"]
    with pytest.raises(DomainError) as refused:
        await audit.log_page(stranger, TicketLogEntry, ticket, None, None, "ticketId")
    assert (refused.value.code, refused.value.field) == ("NOT_FOUND", "ticketId")
