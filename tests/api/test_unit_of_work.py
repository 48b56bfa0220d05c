"""Every entry point runs its change through one unit of work: the transaction commits, then
what the change queued (events, outbox wake-ups) is released; a change that fails releases
nothing. Here: ingestEvent, a webhook route a domain would add, a failing mutation, and the
unit of work itself (nesting, misuse, a failing job)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from strawberry import relay
from tortoise.transactions import in_transaction

from models.accounts import Company, User
from models.actors import EVERYONE, Actor
from models.customers import Customer
from models.notifications import Delivery, NotificationEvent
from models.tickets import Importance, Stage, Ticket, TicketCounter, TicketSource
from notifiers import outbox
from notifiers.dispatcher import Dispatcher
from resolvers import integrations
from resolvers.context import Context
from resolvers.errors import DomainError
from resolvers.tenancy import company_scope, get_in_company
from resolvers.tickets import records
from resolvers.tickets.events import queue_event
from resolvers.tickets.stages import ensure_ticket_setup, next_ticket_number
from resolvers.unit_of_work import unit_of_work
from settings import get_settings
from tests.graphql import Member, gql, invite, sign_up
from tests.live import Socket
from tests.tickets.factories import create_ticket, make_customer

RECEIVED = "subscription { notificationReceived { event body subjectId } }"
TICKET_EVENTS = "subscription { ticketEvents { kind actor { email } ticket { number title } } }"
CREATE_KEY = 'mutation { createApiKey(input: {name: "Chatbot"}) { key errors { code } } }'
INGEST = """
mutation Ingest($input: IngestEventInput!) {
  ingestEvent(input: $input) { queued errors { field code } }
}
"""
HANDOVER = {"event": "CHATBOT_HANDOVER", "subjectId": "bot-7", "summary": "Vera needs a human."}
MAIL_CHANNEL = 7


def pk(global_id: str) -> int:
    return int(relay.GlobalID.from_id(global_id).node_id)


async def company_of(member: Member) -> int:
    return (await User.get(email=member.email)).company_id


async def listening(ws_url: str, member: Member, subscription: str) -> Socket:
    socket = await Socket.open(ws_url, member.token)
    await socket.subscribe(subscription)
    await asyncio.sleep(0.2)
    return socket


@pytest.fixture
async def woken_dispatcher(app: Any) -> AsyncIterator[Dispatcher]:
    """A dispatcher that polls only every 5 minutes: within a test it delivers only when a
    committed unit of work wakes it."""
    settings = get_settings().model_copy(update={"dispatcher_poll_interval": 300})
    dispatcher = Dispatcher(settings, bus=app.state.realtime.bus, name="woken-dispatcher")
    running = asyncio.create_task(dispatcher.run())
    await asyncio.sleep(0.2)  # past its first look: now it waits for a wake-up
    yield dispatcher
    running.cancel()
    await asyncio.gather(running, return_exceptions=True)
    await dispatcher.close()


# ---------------------------------------------------------------- ingestEvent


async def test_ingest_event_reaches_the_users_socket_through_its_unit_of_work(
    client, ws_url, woken_dispatcher
):
    # given a company's API key, and its owner listening for notifications
    owner = await sign_up(client)
    key = (await gql(client, CREATE_KEY, token=owner.token))["data"]["createApiKey"]["key"]
    socket = await listening(ws_url, owner, RECEIVED)

    # when the chatbot reports a hand-over over GraphQL, and once more by calling the service
    # layer with a bare context (no GraphQL wrapper around it to release anything)
    answered = await gql(client, INGEST, {"input": HANDOVER}, headers={"X-Api-Key": key})
    first = await socket.next()
    queued = await integrations.ingest_event(
        Context(),
        api_key=key,
        event=NotificationEvent.RESERVATION_CREATED,
        subject_id=None,
        values={"summary": "Table for 4"},
        recipient_ids=None,
    )
    second = await socket.next()

    # then each commit woke the dispatcher, which delivered in-app at once
    assert answered["data"]["ingestEvent"] == {"queued": 2, "errors": []}
    assert first["data"]["notificationReceived"] == {
        "event": "CHATBOT_HANDOVER",
        "body": "Vera needs a human.",
        "subjectId": "bot-7",
    }
    assert queued == 1  # RESERVATION_CREATED: IN_APP only
    assert second["data"]["notificationReceived"]["event"] == "RESERVATION_CREATED"
    await socket.close()


async def test_ingest_event_acts_as_its_key_in_its_company_only(client):
    # given two companies, and a key of Acme
    acme = await sign_up(client)
    globex = await sign_up(client, "owner@globex.example", company="Globex")
    key = (await gql(client, CREATE_KEY, token=acme.token))["data"]["createApiKey"]["key"]

    # when it names Globex's owner, or nobody (everyone of its company)
    foreign = {**HANDOVER, "recipientIds": [globex.id]}
    refused = await gql(client, INGEST, {"input": foreign}, headers={"X-Api-Key": key})
    accepted = await gql(client, INGEST, {"input": HANDOVER}, headers={"X-Api-Key": key})

    # then only Acme's users are notified, and the key itself is no user
    assert refused["data"]["ingestEvent"]["errors"] == [
        {"field": "recipientIds", "code": "NOT_FOUND"}
    ]
    assert accepted["data"]["ingestEvent"]["queued"] == 2
    assert {d.company_id for d in await Delivery.all()} == {await company_of(acme)}
    actor = await integrations.key_actor(Context(), key)
    assert (actor.kind, actor.company_id) == ("API_KEY", await company_of(acme))
    assert not Context().acting_as(actor).has_role(EVERYONE)


# ---------------------------------------------------------------- a webhook route


async def inbound_mail(request: Request) -> JSONResponse:
    """A mail channel's webhook, as a domain adds one: the channel acts in its company, opens
    a ticket for the customer in one unit of work, and queues the event."""
    ctx = Context(acting=Actor.of_channel(request.path_params["company_id"], MAIL_CHANNEL))
    mail = await request.json()
    async with unit_of_work(ctx) as connection:
        await ensure_ticket_setup(ctx)  # a unit of work of its own: it joins this one
        customer = await get_in_company(ctx, Customer, mail["customerId"])
        stage = await company_scope(ctx, Stage).order_by("position", "id").first()
        assert stage is not None
        ticket = await Ticket.create(
            company_id=ctx.company_id,
            number=await next_ticket_number(connection, ctx.company_id),
            title=mail["subject"],
            description=mail["text"],
            customer_id=customer.pk,
            source=TicketSource.EMAIL,
            importance=Importance.NORMAL,
            stage_id=stage.pk,
        )
        queue_event(ctx, ticket, "CREATED")
        if mail.get("failAfterWrite"):
            raise RuntimeError("the webhook failed after its write")
    return JSONResponse({"number": ticket.number})


@pytest.fixture
async def webhooks(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    """A Starlette app of its own with the webhook route; it shares the session's database
    and event bus, as a route mounted beside /graphql would."""
    routes = [Route("/webhooks/mail/{company_id:int}", inbound_mail, methods=["POST"])]
    transport = httpx.ASGITransport(app=Starlette(routes=routes), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://hooks.test") as client:
        yield client


async def test_a_webhook_acts_as_its_channel_and_publishes_after_its_commit(
    client, ws_url, webhooks
):
    # given a customer of Acme, and its owner following the company's tickets
    owner = await sign_up(client)
    customer = pk(await make_customer(client, owner))
    socket = await listening(ws_url, owner, TICKET_EVENTS)
    url = f"/webhooks/mail/{await company_of(owner)}"
    mail = {"customerId": customer, "subject": "Invoice wrong", "text": "It says 0.00."}

    # when the mail channel's webhook fails after its write, then succeeds
    failed = await webhooks.post(url, json={**mail, "failAfterWrite": True})
    nothing_heard = await socket.nothing_within(0.5)
    left_behind = [await model.all().count() for model in (Ticket, TicketCounter, Stage)]
    answered = await webhooks.post(url, json=mail)
    heard = (await socket.next())["data"]["ticketEvents"]

    # then the failure left no row (not even the nested ticket setup) and published nothing;
    # the success is heard, made by no user
    assert failed.status_code == 500
    assert nothing_heard
    assert left_behind == [0, 0, 0]
    assert answered.json() == {"number": 1}
    assert heard == {
        "kind": "CREATED",
        "actor": None,
        "ticket": {"number": 1, "title": "Invoice wrong"},
    }
    assert await Ticket.all().count() == 1
    await socket.close()


async def test_a_webhook_of_another_company_finds_nothing(client, webhooks):
    # given Acme's customer, and a mail arriving on Globex's channel that names it
    acme = await sign_up(client)
    globex = await sign_up(client, "owner@globex.example", company="Globex")
    customer = pk(await make_customer(client, acme))
    mail = {"customerId": customer, "subject": "Hello", "text": "Guessed an ID."}

    # when
    answered = await webhooks.post(f"/webhooks/mail/{await company_of(globex)}", json=mail)

    # then company_scope keeps the channel in its own company
    assert answered.status_code == 500  # the fixture route does not map DomainError
    assert await Ticket.all().count() == 0


# ---------------------------------------------------------------- a failing mutation


async def test_a_mutation_that_fails_after_queueing_releases_nothing(client, ws_url, monkeypatch):
    # given a customer whose representative gets NEW_TICKET, and the owner following tickets
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")
    customer = await make_customer(client, owner, representativeId=agent.id)
    socket = await listening(ws_url, owner, TICKET_EVENTS)

    def queue_then_fail(ctx: Context, ticket: Ticket, kind: str) -> None:
        queue_event(ctx, ticket, kind)
        raise DomainError("NO_OPEN_STAGE", "stageId")  # any expected failure, once queued

    monkeypatch.setattr(records, "queue_event", queue_then_fail)
    outbox.wake_signal().clear()

    # when createTicket fails after it queued its event and its notification's wake-up
    failed = await create_ticket(client, owner, customer)

    # then its payload says so, no row stayed, and nothing went out
    assert [e["code"] for e in failed["errors"]] == ["NO_OPEN_STAGE"]
    assert failed["ticket"] is None
    assert await Ticket.all().count() == 0
    assert await Delivery.filter(kind="NEW_TICKET").count() == 0
    assert not outbox.wake_signal().is_set()
    assert await socket.nothing_within(0.5)

    # and once it can succeed, the same mutation is heard and wakes the dispatcher
    monkeypatch.undo()
    made = await create_ticket(client, owner, customer)
    assert made["errors"] == []
    assert (await socket.next())["data"]["ticketEvents"]["kind"] == "CREATED"
    assert outbox.wake_signal().is_set()
    await socket.close()


# ---------------------------------------------------------------- the unit of work itself


async def company_context(name: str = "Acme") -> Context:
    return Context.for_system((await Company.create(name=name)).pk)


async def test_a_nested_unit_of_work_joins_and_a_caught_failure_drops_only_its_own(client):
    # given
    ctx = await company_context()
    released: list[str] = []

    async def note(name: str) -> None:
        released.append(name)

    # when an inner unit of work fails and the outer one catches it and goes on
    async with unit_of_work(ctx):
        await Customer.create(company_id=ctx.company_id, name="Outer")
        ctx.on_commit(lambda: note("outer"))
        try:
            async with unit_of_work(ctx):
                await Customer.create(company_id=ctx.company_id, name="Inner")
                ctx.on_commit(lambda: note("inner"))
                raise DomainError("NAME_TAKEN", "name")
        except DomainError:
            pass
        async with unit_of_work(ctx):
            ctx.on_commit(lambda: note("joined"))
        assert released == []  # nothing before the outermost commit

    # then the inner writes and work are gone; the rest committed, released in order
    assert await company_scope(ctx, Customer).values_list("name", flat=True) == ["Outer"]
    assert released == ["outer", "joined"]


async def test_work_is_queued_only_inside_a_unit_of_work_it_owns(client):
    ctx = await company_context()

    with pytest.raises(RuntimeError, match="outside a unit of work"):
        ctx.on_commit(outbox.wake)
    with pytest.raises(RuntimeError, match="does not own"):
        async with in_transaction():
            async with unit_of_work(ctx):
                pass


async def test_a_failing_job_after_the_commit_is_logged_and_the_rest_still_run(client, caplog):
    # given
    ctx = await company_context()
    released: list[str] = []

    async def broken() -> None:
        raise OSError("disk gone")

    async def fine() -> None:
        released.append("fine")

    # when
    with caplog.at_level(logging.ERROR, logger="frontdesk.unit_of_work"):
        async with unit_of_work(ctx):
            await Customer.create(company_id=ctx.company_id, name="Kept")
            ctx.on_commit(broken)
            ctx.on_commit(fine)

    # then the change stands, the next job ran, and the failure names the request
    assert await company_scope(ctx, Customer).count() == 1
    assert released == ["fine"]
    assert ctx.request_id in caplog.text
