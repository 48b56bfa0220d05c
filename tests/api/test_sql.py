"""resolvers/sql.py: markers per dialect, the company filter first in every statement over a
company's table, each shape's text built once, and the caller's company only."""

import re
from typing import Any

import pytest
from aerich.models import Aerich

from models.accounts import Company, Session, User
from models.customers import ContactPerson, ContractPayment
from models.tickets import Ticket, TicketContact, TicketCounter, TicketLogEntry, TicketTask
from resolvers import sql
from resolvers.context import Context
from tests.graphql import sign_up
from tests.tickets.factories import make_contact, make_customer, make_ticket

DIALECTS = ("sqlite", "postgres")
# A WHERE over a company's table begins with its company column and the first marker.
COMPANY_FIRST = re.compile(r' WHERE (\w+\.)?"company_id"=(\?|\$1)( |$)')


def _texts(dialect: str) -> list[str]:
    """A statement of each kind the module builds over a company's table."""
    return [
        sql.select_text(dialect, Ticket),
        sql.select_text(dialect, Ticket, "id", 3, ("created_at", "id")),
        sql.select_text(dialect, Ticket, order=("-id",), after=True, limit=True),
        sql.select_text(dialect, TicketTask, "ticket_id", 2, ("-id",), after=True, limit=True),
        sql.through_text(dialect, ContactPerson, TicketContact, "contact_id", "ticket_id", 2),
        sql.max_text(dialect, ContractPayment, "paid_at", "contract_id", 2),
        sql.increment_text(dialect, TicketCounter, "last_number"),
    ]


def test_markers_are_question_marks_on_sqlite_and_numbered_on_postgres():
    sqlite, postgres = sql.Markers("sqlite"), sql.Markers("postgres")
    assert [sqlite.take(), sqlite.take(3)] == ["?", "?,?,?"]
    assert [postgres.take(), postgres.take(3), postgres.take()] == ["$1", "$2,$3,$4", "$5"]
    with pytest.raises(ValueError):
        sql.Markers("mysql")


def test_a_page_statement_in_each_dialect():
    columns = sql.select_list(Ticket)
    assert sql.select_text("postgres", Ticket, order=("-id",), after=True, limit=True) == (
        f'SELECT {columns} FROM "ticket" WHERE "company_id"=$1 AND "id"<$2 '
        'ORDER BY "id" DESC LIMIT $3'
    )
    assert sql.select_text("sqlite", Ticket, "id", 2, ("created_at", "id")) == (
        f'SELECT {columns} FROM "ticket" WHERE "company_id"=? AND "id" IN (?,?) '
        'ORDER BY "created_at" ASC,"id" ASC'
    )
    assert sql.insert_text("postgres", TicketCounter, ("last_number",)) == (
        'INSERT INTO "ticket_counter" ("company_id","last_number") VALUES ($1,$2) '
        'ON CONFLICT ("company_id") DO NOTHING RETURNING "company_id"'
    )


def test_each_parents_page_is_one_ranked_statement_filtered_by_the_company_first():
    columns = sql.select_list(TicketLogEntry)
    assert sql.first_per_parent_text("postgres", TicketLogEntry, "ticket_id", 2, True, True) == (
        f'SELECT * FROM (SELECT {columns},ROW_NUMBER() OVER (PARTITION BY "ticket_id" '
        'ORDER BY "id" DESC) AS "_rank" FROM "ticket_log_entry" WHERE "company_id"=$1 '
        'AND "ticket_id" IN ($2,$3) AND "id"<$4) ranked WHERE "_rank"<=$5 '
        'ORDER BY "ticket_id","_rank"'
    )
    sqlite = sql.first_per_parent_text("sqlite", TicketLogEntry, "ticket_id", 3, False, False)
    assert COMPANY_FIRST.search(sqlite) and "$" not in sqlite
    assert ' AND "ticket_id" IN (?,?,?)) ranked WHERE "_rank"<=?' in sqlite


@pytest.mark.parametrize("dialect", DIALECTS)
def test_every_statement_over_a_company_table_filters_by_the_company_first(dialect):
    for text in _texts(dialect):
        assert COMPANY_FIRST.search(text), text
        assert text.count(" WHERE ") == 1, text
        other = "$" if dialect == "sqlite" else "?"
        assert other not in text, text
    assert sql.select_text(dialect, Company).endswith(' WHERE "id"=' + sql.Markers(dialect).take())
    with pytest.raises(TypeError):
        sql.select_text(dialect, Aerich)  # no company column: not built at all


def test_the_sign_in_statement_joins_the_users_company():
    text = sql.any_company_text("postgres", Session, ("user", "company"), ("revoked_at",))
    assert text == (
        f"SELECT {sql.select_list(Session, 't0')},{sql.select_list(User, 't1')},"
        f'{sql.select_list(Company, "t2")} FROM "session" t0 '
        'LEFT OUTER JOIN "user" t1 ON t1."id"=t0."user_id" '
        'LEFT OUTER JOIN "company" t2 ON t2."id"=t1."company_id" '
        'WHERE t0."id"=$1 AND t0."revoked_at" IS NULL LIMIT 2'
    )


async def test_a_shape_is_built_once_and_answers_only_the_callers_company(client, monkeypatch):
    # given: a ticket in each of two companies
    built: list[tuple[Any, ...]] = []
    select_text = sql.select_text

    def counted(*shape: Any) -> str:
        built.append(shape)
        return select_text(*shape)

    monkeypatch.setattr(sql, "_SELECTS", {})  # no shape known yet
    monkeypatch.setattr(sql, "select_text", counted)
    owners = [await sign_up(client, email=f"owner{n}@acme.example") for n in (1, 2)]
    tickets = []
    for owner in owners:
        customer = await make_customer(client, owner)
        contact = await make_contact(client, owner, customer)
        await make_ticket(client, owner, customer, contactIds=[contact])
        user = await User.get(email=owner.email)
        tickets.append(await Ticket.get(company_id=user.company_id))
    ours = Context(user=await User.get(email=owners[0].email))
    built.clear()

    # when
    first = await sql.select(ours, Ticket, column="id", keys=[tickets[0].pk])
    foreign = await sql.select(ours, Ticket, column="id", keys=[tickets[1].pk])
    two = await sql.select(ours, Ticket, column="id", keys=[t.pk for t in tickets])
    contacts = await sql.select_through(
        ours, ContactPerson, TicketContact, "contact_id", "ticket_id", [t.pk for t in tickets]
    )

    # then: one text per shape (one key, two keys), and only the caller's company's rows
    assert [shape[2:4] for shape in built] == [("id", 1), ("id", 2)]
    assert [row.pk for row in first] == [tickets[0].pk]
    assert foreign == []
    assert [row.pk for row in two] == [tickets[0].pk]
    assert [(ticket_id, row.company_id) for ticket_id, row in contacts] == [
        (tickets[0].pk, ours.company_id)
    ]
