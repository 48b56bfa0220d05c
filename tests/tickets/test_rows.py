"""Rows fetched with SQL built once (resolvers/rows.py) become the same models Tortoise builds,
and the page, the loaders and the sign-in answer as the query builder would."""

from models.accounts import Company, Session, User
from models.customers import ContactPerson, Customer
from models.tickets import Document, Stage, Ticket, TicketTask
from resolvers.context import Context
from resolvers.pagination import encode_cursor, paginate, paginate_company_rows
from resolvers.rows import model_builder
from resolvers.sessions import _live_session
from resolvers.tenancy import company_rows_where_in, company_scope
from tests.graphql import gql, sign_up
from tests.tickets.factories import make_contact, make_customer, make_ticket, stages
from tests.tickets.test_documents import attach

MODELS = (Company, User, Session, Customer, ContactPerson, Stage, Ticket, TicketTask, Document)


def _state(row: object) -> dict[str, object]:
    return dict(vars(row))


async def _company_with_tickets(client):  # type: ignore[no-untyped-def]
    owner = await sign_up(client)
    customer = await make_customer(client, owner, representativeId=owner.id)
    contact = await make_contact(client, owner, customer)
    await stages(client, owner)
    first = await make_ticket(client, owner, customer, requesterId=contact, contactIds=[contact])
    await make_ticket(client, owner, customer)
    await make_ticket(client, owner, customer)
    await gql(
        client,
        'mutation M($t: ID!) { addTicketTask(input: {ticketId: $t, title: "Call"}) '
        "{ errors { code } } }",
        {"t": first["id"]},
        token=owner.token,
    )
    await attach(client, owner, first["id"], "a.txt", b"hello")
    return owner


async def test_rows_become_the_models_tortoise_builds(client):
    # given
    await _company_with_tickets(client)
    for model in MODELS:
        expected = await model.all().order_by(model._meta.pk_attr)
        assert expected, model
        db = model._meta.db
        columns = ",".join(f'"{name}"' for name in sorted(model._meta.db_fields))
        table = model._meta.db_table
        key = model._meta.db_pk_column

        # when
        _, rows = await db.execute_query(f'SELECT {columns} FROM "{table}" ORDER BY "{key}"')
        built = list(map(model_builder(model, db.capabilities.dialect), rows))

        # then
        assert [_state(row) for row in built] == [_state(row) for row in expected], model


async def test_the_page_query_gives_what_the_query_builder_gives(client):
    # given
    owner = await _company_with_tickets(client)
    user = await User.get(email=owner.email)
    ctx = Context(user=user)
    for descending in (True, False):
        for first, after in ((2, None), (100, None), (0, None)):
            # when
            built = await paginate_company_rows(ctx, Ticket, first, after, descending=descending)
            usual = await paginate(company_scope(ctx, Ticket), first, after, descending=descending)

            # then
            assert [_state(r) for r in built.rows] == [_state(r) for r in usual.rows]
            assert built.has_next_page == usual.has_next_page
            assert await built.total_count() == await usual.total_count() == 3
        whole = await paginate_company_rows(ctx, Ticket, None, None, descending=descending)
        after = encode_cursor(whole.rows[0].pk)
        second = await paginate_company_rows(ctx, Ticket, 5, after, descending=descending)
        assert [row.pk for row in second.rows] == [row.pk for row in whole.rows[1:]]


async def test_loaders_and_the_sign_in_read_what_tortoise_reads(client):
    # given
    owner = await _company_with_tickets(client)
    user = await User.get(email=owner.email)
    ctx = Context(user=user)
    tickets = await Ticket.all()

    # when
    built = await company_rows_where_in(ctx, Ticket, "id", [t.pk for t in tickets])
    session = await Session.filter(user_id=user.pk).first()
    assert session is not None
    live = await _live_session(session.pk)
    usual = await Session.get(id=session.pk).select_related("user", "user__company")

    # then
    assert sorted(map(_state, built), key=str) == sorted(map(_state, tickets), key=str)
    assert live is not None
    assert _state(live.user) == _state(usual.user)
    assert _state(live.user.company) == _state(usual.user.company)
    live_state, usual_state = _state(live), _state(usual)
    live_state.pop("_user"), usual_state.pop("_user")
    assert live_state == usual_state


async def test_built_rows_list_their_state_in_the_order_tortoise_does(client):
    # given
    await _company_with_tickets(client)
    for model in MODELS:
        expected = await model.all().order_by(model._meta.pk_attr)
        db = model._meta.db
        columns = ",".join(f'"{name}"' for name in sorted(model._meta.db_fields))
        table = model._meta.db_table

        # when
        _, rows = await db.execute_query(f'SELECT {columns} FROM "{table}"')
        built = model_builder(model, db.capabilities.dialect)(rows[0])

        # then: the same keys in the same order (a row's repr does not depend on who built it)
        assert list(vars(built)) == list(vars(expected[0])), model
