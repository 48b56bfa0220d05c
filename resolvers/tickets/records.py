"""Tickets: create, update, move between stages, assign, contacts and parameters."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from models.accounts import User
from models.clock import now
from models.customers import ContactPerson, Customer
from models.notifications import NotificationEvent
from models.tickets import (
    Importance,
    Stage,
    StageKind,
    Ticket,
    TicketContact,
    TicketSearchTerm,
    TicketSource,
)
from resolvers.changes import KEEP, Change
from resolvers.context import Context
from resolvers.customers import company_user
from resolvers.errors import DomainError
from resolvers.notifications import Subject, notify, subject_id
from resolvers.tenancy import company_scope, get_in_company
from resolvers.tickets import audit
from resolvers.tickets.audit import change
from resolvers.tickets.events import queue_event
from resolvers.tickets.fields import clean_parameters, store_parameters
from resolvers.tickets.stages import ensure_ticket_setup, next_ticket_number
from resolvers.unit_of_work import unit_of_work
from resolvers.validation import clean_text

TITLE_MAX = 200
DESCRIPTION_MAX = 20_000
TERM_MAX = 64
_WORD = re.compile(r"\w+")


def search_terms(*texts: str) -> set[str]:
    """The case-folded words of `texts`, as text search looks them up."""
    return {word[:TERM_MAX] for text in texts for word in _WORD.findall(text.casefold())}


async def store_search_terms(ticket: Ticket) -> None:
    """Replace the ticket's search words (inside the caller's transaction)."""
    await TicketSearchTerm.filter(ticket_id=ticket.pk).delete()
    await TicketSearchTerm.bulk_create(
        [
            TicketSearchTerm(company_id=ticket.company_id, ticket_id=ticket.pk, term=term)
            for term in sorted(search_terms(ticket.title, ticket.description))
        ]
    )


async def _notify_assignment(
    ctx: Context, ticket: Ticket, event: NotificationEvent, user_ids: Sequence[int]
) -> list[int]:
    """Queue `event` (NEW_TICKET, TICKET_ASSIGNED_TO_ME) about `ticket` for these users, never
    the actor, on the channels each chose; inside the change's transaction. Who it went to."""
    actor_id = ctx.user.pk if ctx.user else None
    recipients = sorted({user_id for user_id in user_ids if user_id and user_id != actor_id})
    if recipients:
        subject = Subject(subject_id("Ticket", ticket.pk), {"title": ticket.title})
        await notify(ctx, event, subject, recipients)
    return recipients


async def ticket_in_company(ctx: Context, ticket_id: int, field: str = "ticketId") -> Ticket:
    """A ticket of the caller's company, locked for the transaction on PostgreSQL."""
    return await get_in_company(ctx, Ticket, ticket_id, field, for_update=True)


async def _contacts_of(
    ctx: Context, customer_id: int, contact_ids: Sequence[int], field: str
) -> list[ContactPerson]:
    """Contact persons of the customer; another company's are NOT_FOUND."""
    wanted = list(dict.fromkeys(contact_ids))
    rows = {c.pk: c for c in await company_scope(ctx, ContactPerson).filter(id__in=wanted)}
    for contact_id in wanted:
        contact = rows.get(contact_id)
        if contact is None:
            raise DomainError("NOT_FOUND", field)
        if contact.customer_id != customer_id:
            raise DomainError("CONTACT_OF_ANOTHER_CUSTOMER", field)
    return [rows[contact_id] for contact_id in wanted]


def _closed_at_for(ticket: Ticket, stage: Stage) -> Any:
    if stage.kind == StageKind.CLOSED:
        return ticket.closed_at or now()
    return None


async def create_ticket(
    ctx: Context,
    *,
    customer_id: int,
    source: TicketSource,
    importance: Importance,
    title: str,
    description: str,
    stage_id: int | None = None,
    assignee_id: int | None = None,
    requester_id: int | None = None,
    contact_ids: Sequence[int] | None = None,
    parameters: Any = None,
) -> Ticket:
    """A new ticket with the company's next number, in its first open stage unless given."""
    user = ctx.require_user()
    title = clean_text(title, "title", max_length=TITLE_MAX)
    description = clean_text(description, "description", max_length=DESCRIPTION_MAX)
    customer = await get_in_company(ctx, Customer, customer_id, "customerId")
    await ensure_ticket_setup(ctx)
    stage: Stage | None
    if stage_id is not None:
        stage = await get_in_company(ctx, Stage, stage_id, "stageId")
    else:
        stage = await (
            company_scope(ctx, Stage).filter(kind=StageKind.OPEN).order_by("position", "id")
        ).first()
        if stage is None:
            raise DomainError("NO_OPEN_STAGE", "stageId")
    assignee = await company_user(ctx, assignee_id, "assigneeId")
    if requester_id is not None:
        await _contacts_of(ctx, customer.pk, [requester_id], "requesterId")
    contacts = await _contacts_of(ctx, customer.pk, contact_ids or [], "contactIds")
    clean = await clean_parameters(ctx, parameters)
    async with unit_of_work(ctx) as connection:
        number = await next_ticket_number(connection, ctx.company_id)
        ticket = Ticket(
            company_id=ctx.company_id,
            number=number,
            title=title,
            description=description,
            customer_id=customer.pk,
            source=source,
            importance=importance,
            stage_id=stage.pk,
            assignee_id=assignee.pk if assignee else None,
            requester_id=requester_id,
            created_by_id=user.pk,
            parameters=clean.values,
        )
        ticket.closed_at = _closed_at_for(ticket, stage)
        await ticket.save(using_db=connection)
        await TicketContact.bulk_create(
            [
                TicketContact(company_id=ctx.company_id, ticket_id=ticket.pk, contact_id=c.pk)
                for c in contacts
            ]
        )
        await store_parameters(ctx.company_id, ticket.pk, clean.rows)
        await store_search_terms(ticket)
        await audit.record(
            ctx,
            ticket,
            "CREATED",
            {
                "number": change(None, number),
                "title": change(None, title),
                "customer": change(None, customer.name),
                "stage": change(None, stage.name),
                "source": change(None, source),
                "importance": change(None, importance),
                "assignee": change(None, assignee.full_name if assignee else None),
            },
        )
        await _notify_assignment(
            ctx, ticket, NotificationEvent.NEW_TICKET, [customer.representative_id or 0]
        )
        if assignee is not None:
            await _notify_assignment(
                ctx, ticket, NotificationEvent.TICKET_ASSIGNED_TO_ME, [assignee.pk]
            )
        queue_event(ctx, ticket, "CREATED")
    return ticket


@dataclass
class TicketChanges:
    """What updateTicket changes; KEEP leaves a field as it is (so does null, but for the
    requester, whom null clears)."""

    title: Change[str | None] = KEEP
    description: Change[str | None] = KEEP
    importance: Change[Importance | None] = KEEP
    source: Change[TicketSource | None] = KEEP
    customer_id: Change[int | None] = KEEP
    requester_id: Change[int | None] = KEEP


async def _give_to_customer(ctx: Context, ticket: Ticket, customer_id: int) -> dict[str, Any]:
    """Move a ticket to another customer of the company (inside the change's transaction);
    the old customer's contact persons and requester leave it. What to log."""
    customer = await get_in_company(ctx, Customer, customer_id, "customerId")
    before = await Customer.get(id=ticket.customer_id)
    logged: dict[str, Any] = {"customer": change(before.name, customer.name)}
    involved = await TicketContact.filter(ticket_id=ticket.pk).values_list("contact_id", flat=True)
    if involved:
        names = [c.name for c in await ContactPerson.filter(id__in=involved).order_by("name")]
        await TicketContact.filter(ticket_id=ticket.pk).delete()
        logged["contacts"] = change(names, [])
    if ticket.requester_id is not None:
        requester = await ContactPerson.get_or_none(id=ticket.requester_id)
        logged["requester"] = change(requester.name if requester else None, None)
        ticket.requester_id = None
    ticket.customer_id = customer.pk
    return logged


async def update_ticket(ctx: Context, ticket_id: int, changes: TicketChanges) -> Ticket:
    """Change a ticket's title, description, importance, source, customer or requester."""
    ctx.require_user()
    async with unit_of_work(ctx):
        ticket = await ticket_in_company(ctx, ticket_id)
        logged: dict[str, Any] = {}
        if isinstance(changes.customer_id, int) and changes.customer_id != ticket.customer_id:
            logged.update(await _give_to_customer(ctx, ticket, changes.customer_id))
        if changes.title is not KEEP:
            title = clean_text(changes.title, "title", max_length=TITLE_MAX)
            if title != ticket.title:
                logged["title"] = change(ticket.title, title)
                ticket.title = title
        if changes.description is not KEEP:
            description = clean_text(changes.description, "description", max_length=DESCRIPTION_MAX)
            if description != ticket.description:
                logged["description"] = change(ticket.description, description)
                ticket.description = description
        if isinstance(changes.importance, Importance) and changes.importance != ticket.importance:
            logged["importance"] = change(ticket.importance, changes.importance)
            ticket.importance = changes.importance
        if isinstance(changes.source, TicketSource) and changes.source != ticket.source:
            logged["source"] = change(ticket.source, changes.source)
            ticket.source = changes.source
        if changes.requester_id is not KEEP and changes.requester_id != ticket.requester_id:
            before = await ContactPerson.get_or_none(id=ticket.requester_id or 0)
            after = None
            if changes.requester_id is not None:
                (after,) = await _contacts_of(
                    ctx, ticket.customer_id, [changes.requester_id], "requesterId"
                )
            # A new customer cleared the requester: the log keeps the one before that.
            before_name = logged.get("requester", {}).get("before", before.name if before else None)
            logged["requester"] = change(before_name, after.name if after else None)
            ticket.requester_id = changes.requester_id
        if logged:
            await ticket.save()
            if "title" in logged or "description" in logged:
                await store_search_terms(ticket)
            await audit.record(ctx, ticket, "UPDATED", logged)
            queue_event(ctx, ticket, "UPDATED")
    return ticket


async def move_ticket(ctx: Context, ticket_id: int, stage_id: int) -> Ticket:
    """Move a ticket to another stage; a CLOSED stage closes it, an OPEN one reopens it."""
    ctx.require_user()
    stage = await get_in_company(ctx, Stage, stage_id, "stageId")
    async with unit_of_work(ctx):
        ticket = await ticket_in_company(ctx, ticket_id)
        if ticket.stage_id == stage.pk:
            return ticket
        previous = await Stage.get(id=ticket.stage_id)
        closed_at = _closed_at_for(ticket, stage)
        logged = {"stage": change(previous.name, stage.name)}
        if closed_at != ticket.closed_at:
            logged["closedAt"] = change(ticket.closed_at, closed_at)
        ticket.stage_id, ticket.closed_at = stage.pk, closed_at
        await ticket.save()
        await audit.record(ctx, ticket, "STAGE_CHANGED", logged)
        queue_event(ctx, ticket, "STAGE_CHANGED")
    return ticket


async def assign_ticket(ctx: Context, ticket_id: int, assignee_id: int | None) -> Ticket:
    """Give a ticket to a teammate, or to no one (None)."""
    ctx.require_user()
    assignee = await company_user(ctx, assignee_id, "assigneeId")
    async with unit_of_work(ctx):
        ticket = await ticket_in_company(ctx, ticket_id)
        if ticket.assignee_id == assignee_id:
            return ticket
        before = await User.get_or_none(id=ticket.assignee_id or 0)
        logged = {
            "assignee": change(
                before.full_name if before else None, assignee.full_name if assignee else None
            )
        }
        ticket.assignee_id = assignee_id
        await ticket.save()
        await audit.record(ctx, ticket, "ASSIGNED", logged)
        if assignee is not None:
            await _notify_assignment(
                ctx, ticket, NotificationEvent.TICKET_ASSIGNED_TO_ME, [assignee.pk]
            )
        queue_event(ctx, ticket, "ASSIGNED")
    return ticket


async def add_ticket_contact(ctx: Context, ticket_id: int, contact_id: int) -> Ticket:
    """Involve one more of the customer's contact persons in a ticket."""
    ctx.require_user()
    async with unit_of_work(ctx):
        ticket = await ticket_in_company(ctx, ticket_id)
        (contact,) = await _contacts_of(ctx, ticket.customer_id, [contact_id], "contactId")
        if await TicketContact.exists(ticket_id=ticket.pk, contact_id=contact.pk):
            raise DomainError("ALREADY_ADDED", "contactId")
        await TicketContact.create(
            company_id=ticket.company_id, ticket_id=ticket.pk, contact_id=contact.pk
        )
        await Ticket.filter(id=ticket.pk).update(updated_at=now())
        await audit.record(ctx, ticket, "CONTACT_ADDED", {"contact": change(None, contact.name)})
        queue_event(ctx, ticket, "UPDATED")
    return ticket


async def remove_ticket_contact(ctx: Context, ticket_id: int, contact_id: int) -> Ticket:
    """Take a contact person off a ticket (he stays the customer's contact person)."""
    ctx.require_user()
    async with unit_of_work(ctx):
        ticket = await ticket_in_company(ctx, ticket_id)
        contact = await get_in_company(ctx, ContactPerson, contact_id, "contactId")
        if not await TicketContact.filter(ticket_id=ticket.pk, contact_id=contact.pk).delete():
            raise DomainError("NOT_FOUND", "contactId")
        await Ticket.filter(id=ticket.pk).update(updated_at=now())
        await audit.record(ctx, ticket, "CONTACT_REMOVED", {"contact": change(contact.name, None)})
        queue_event(ctx, ticket, "UPDATED")
    return ticket


async def set_ticket_parameters(ctx: Context, ticket_id: int, parameters: Any) -> Ticket:
    """Replace a ticket's parameters, checked against the company's custom fields."""
    ctx.require_user()
    async with unit_of_work(ctx):
        ticket = await ticket_in_company(ctx, ticket_id)
        before = dict(ticket.parameters or {})
        clean = await clean_parameters(ctx, parameters, current=before)
        logged = {
            key: change(before.get(key), clean.values.get(key))
            for key in sorted(set(before) | set(clean.values))
            if before.get(key) != clean.values.get(key)
        }
        if logged:
            ticket.parameters = clean.values
            await ticket.save()
            await store_parameters(ticket.company_id, ticket.pk, clean.rows)
            await audit.record(ctx, ticket, "PARAMETERS_CHANGED", logged)
            queue_event(ctx, ticket, "UPDATED")
    return ticket
