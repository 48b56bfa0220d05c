"""What hangs on a ticket: tasks, links and notes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from models.accounts import User
from models.actors import ADMINS
from models.clock import now
from models.tickets import LinkKind, Ticket, TicketLink, TicketNote, TicketTask
from resolvers.changes import KEEP, Change
from resolvers.context import Context
from resolvers.customers import company_user
from resolvers.errors import DomainError, Forbidden
from resolvers.notifications import subject_id
from resolvers.tenancy import company_scope, get_in_company
from resolvers.tickets import audit
from resolvers.tickets.audit import change
from resolvers.tickets.events import queue_event
from resolvers.tickets.records import ticket_in_company
from resolvers.unit_of_work import unit_of_work
from resolvers.validation import clean_text

TITLE_MAX = 200
NOTE_MAX = 10_000
URL_MAX = 2000


def _open(ticket: Ticket) -> Ticket:
    # Work on a closed ticket is over: reopen it (move it to an open stage) first.
    if ticket.closed_at is not None:
        raise DomainError("TICKET_CLOSED", "ticketId")
    return ticket


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


async def add_ticket_task(
    ctx: Context,
    *,
    ticket_id: int,
    title: str,
    assignee_id: int | None,
    due_at: datetime | None,
) -> tuple[TicketTask, Ticket]:
    """A new task on an open ticket."""
    ctx.require_user()
    title = clean_text(title, "title", max_length=TITLE_MAX)
    assignee = await company_user(ctx, assignee_id, "assigneeId")
    async with unit_of_work(ctx):
        ticket = _open(await ticket_in_company(ctx, ticket_id))
        task = await TicketTask.create(
            company_id=ticket.company_id,
            ticket_id=ticket.pk,
            title=title,
            assignee_id=assignee.pk if assignee else None,
            due_at=_aware(due_at),
        )
        await Ticket.filter(id=ticket.pk).update(updated_at=now())
        await audit.record(
            ctx,
            ticket,
            "TASK_ADDED",
            {
                "task": change(None, title),
                "assignee": change(None, assignee.full_name if assignee else None),
                "dueAt": change(None, task.due_at),
            },
        )
        queue_event(ctx, ticket, "TASK_ADDED")
    return task, ticket


@dataclass
class TaskChanges:
    """What updateTicketTask changes; KEEP leaves a field as it is (null leaves `done`,
    clears the assignee and the due time)."""

    title: Change[str | None] = KEEP
    done: Change[bool | None] = KEEP
    assignee_id: Change[int | None] = KEEP
    due_at: Change[datetime | None] = KEEP


async def update_ticket_task(ctx: Context, task_id: int, changes: TaskChanges) -> TicketTask:
    """Rename a task, mark it done or not, change its assignee or due time."""
    ctx.require_user()
    async with unit_of_work(ctx):
        task = await get_in_company(ctx, TicketTask, task_id, "taskId", for_update=True)
        ticket = _open(await ticket_in_company(ctx, task.ticket_id, "taskId"))
        logged = {}
        if changes.title is not KEEP:
            title = clean_text(changes.title, "title", max_length=TITLE_MAX)
            if title != task.title:
                logged["title"] = change(task.title, title)
                task.title = title
        if isinstance(changes.done, bool) and changes.done != task.done:
            logged["done"] = change(task.done, changes.done)
            task.done = changes.done
        if changes.assignee_id is not KEEP and changes.assignee_id != task.assignee_id:
            assignee = await company_user(ctx, changes.assignee_id, "assigneeId")
            before = await User.get_or_none(id=task.assignee_id or 0)
            logged["assignee"] = change(
                before.full_name if before else None, assignee.full_name if assignee else None
            )
            task.assignee_id = assignee.pk if assignee else None
        if changes.due_at is not KEEP and _aware(changes.due_at) != task.due_at:
            logged["dueAt"] = change(task.due_at, _aware(changes.due_at))
            task.due_at = _aware(changes.due_at)
        if logged:
            await task.save()
            await Ticket.filter(id=ticket.pk).update(updated_at=now())
            await audit.record(ctx, ticket, "TASK_UPDATED", {"task": task.title, **logged})
            queue_event(ctx, ticket, "UPDATED")
    return task


async def delete_ticket_task(ctx: Context, task_id: int) -> Ticket:
    """Delete a task of an open ticket; the ticket's log keeps what it was."""
    ctx.require_user()
    async with unit_of_work(ctx):
        task = await get_in_company(ctx, TicketTask, task_id, "taskId", for_update=True)
        ticket = _open(await ticket_in_company(ctx, task.ticket_id, "taskId"))
        await task.delete()
        await Ticket.filter(id=ticket.pk).update(updated_at=now())
        await audit.record(ctx, ticket, "TASK_DELETED", {"task": change(task.title, None)})
        queue_event(ctx, ticket, "UPDATED")
    return ticket


def _clean_url(value: str) -> str:
    text = (value or "").strip()
    if not text:
        raise DomainError("REQUIRED", "target")
    if len(text) > URL_MAX:
        raise DomainError("TOO_LONG", "target", max=URL_MAX)
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise DomainError("INVALID_URL", "target")
    return text


async def add_ticket_link(
    ctx: Context,
    *,
    ticket_id: int,
    kind: LinkKind,
    target: str,
    target_ticket_id: int | None,
    label: str | None,
) -> tuple[TicketLink, Ticket]:
    """Link a ticket to another ticket of the company, a chat, or a web address."""
    ctx.require_user()
    clean_label = clean_text(label, "label", max_length=200, required=False) or None
    if kind == LinkKind.URL:
        target = _clean_url(target)
    elif kind == LinkKind.TICKET:
        if target_ticket_id is None:
            raise DomainError("NOT_FOUND", "target")
    else:
        target = clean_text(target, "target", max_length=200)
    async with unit_of_work(ctx):
        ticket = await ticket_in_company(ctx, ticket_id)
        if kind == LinkKind.TICKET:
            other = await company_scope(ctx, Ticket).get_or_none(id=target_ticket_id)
            if other is None:
                raise DomainError("NOT_FOUND", "target")
            if other.pk == ticket.pk:
                raise DomainError("LINK_TO_ITSELF", "target")
            clean_label = clean_label or f"#{other.number} {other.title}"[:200]
            target = subject_id("Ticket", other.pk)  # one spelling of the ID, whatever was sent
        link = await TicketLink.create(
            company_id=ticket.company_id,
            ticket_id=ticket.pk,
            kind=kind,
            target=target,
            label=clean_label,
        )
        await Ticket.filter(id=ticket.pk).update(updated_at=now())
        await audit.record(
            ctx, ticket, "LINK_ADDED", {"link": change(None, f"{kind.value} {target}")}
        )
        queue_event(ctx, ticket, "UPDATED")
    return link, ticket


async def remove_ticket_link(ctx: Context, link_id: int) -> Ticket:
    """Remove a link from a ticket; the ticket's log keeps what it pointed to."""
    ctx.require_user()
    async with unit_of_work(ctx):
        link = await get_in_company(ctx, TicketLink, link_id, "linkId", for_update=True)
        ticket = await ticket_in_company(ctx, link.ticket_id, "linkId")
        await link.delete()
        await Ticket.filter(id=ticket.pk).update(updated_at=now())
        await audit.record(
            ctx, ticket, "LINK_REMOVED", {"link": change(f"{link.kind.value} {link.target}", None)}
        )
        queue_event(ctx, ticket, "UPDATED")
    return ticket


async def add_ticket_note(ctx: Context, *, ticket_id: int, body: str) -> tuple[TicketNote, Ticket]:
    """An internal comment on a ticket; it appears in the ticket's log (its timeline)."""
    user = ctx.require_user()
    body = clean_text(body, "body", max_length=NOTE_MAX)
    async with unit_of_work(ctx):
        ticket = await ticket_in_company(ctx, ticket_id)
        note = await TicketNote.create(
            company_id=ticket.company_id, ticket_id=ticket.pk, author_id=user.pk, body=body
        )
        await Ticket.filter(id=ticket.pk).update(updated_at=now())
        await audit.record(ctx, ticket, "NOTE_ADDED", {"note": change(None, body)})
        queue_event(ctx, ticket, "UPDATED")
    return note, ticket


async def _note_in_company(ctx: Context, note_id: int) -> tuple[TicketNote, Ticket]:
    """A note of the caller's company and its ticket, both locked for the transaction."""
    note = await get_in_company(ctx, TicketNote, note_id, "noteId", for_update=True)
    return note, await ticket_in_company(ctx, note.ticket_id, "noteId")


async def update_ticket_note(ctx: Context, note_id: int, body: str) -> tuple[TicketNote, Ticket]:
    """Correct a note (its author only); the ticket's log keeps both versions."""
    user = ctx.require_user()
    body = clean_text(body, "body", max_length=NOTE_MAX)
    async with unit_of_work(ctx):
        note, ticket = await _note_in_company(ctx, note_id)
        if note.author_id != user.pk:
            raise Forbidden()
        edited = body != note.body
        if edited:
            before = note.body
            note.body, note.edited_at = body, now()
            await note.save(update_fields=["body", "edited_at"])
            await Ticket.filter(id=ticket.pk).update(updated_at=now())
            await audit.record(ctx, ticket, "NOTE_UPDATED", {"note": change(before, body)})
            queue_event(ctx, ticket, "UPDATED")
    return note, ticket


async def delete_ticket_note(ctx: Context, note_id: int) -> Ticket:
    """Delete a note (its author, or an OWNER or ADMIN); the ticket's log keeps what it said."""
    user = ctx.require_user()
    async with unit_of_work(ctx):
        note, ticket = await _note_in_company(ctx, note_id)
        if note.author_id != user.pk and not ctx.has_role(ADMINS):
            raise Forbidden()
        author = await User.get_or_none(id=note.author_id or 0)
        await note.delete()
        await Ticket.filter(id=ticket.pk).update(updated_at=now())
        await audit.record(
            ctx,
            ticket,
            "NOTE_DELETED",
            {
                "note": change(note.body, None),
                "author": change(author.full_name if author else None, None),
            },
        )
        queue_event(ctx, ticket, "UPDATED")
    return ticket
