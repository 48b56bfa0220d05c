"""Deleting a ticket with everything that hangs on it, and the links other tickets had to it."""

from __future__ import annotations

from functools import partial

from models.actors import ADMINS
from models.clock import now
from models.tickets import (
    Document,
    LinkKind,
    Ticket,
    TicketContact,
    TicketLink,
    TicketLogEntry,
    TicketNote,
    TicketParameter,
    TicketSearchTerm,
    TicketTask,
)
from resolvers.context import Context
from resolvers.notifications import subject_id
from resolvers.tenancy import company_scope
from resolvers.tickets import audit
from resolvers.tickets.audit import change
from resolvers.tickets.documents import remove_stored_file, storage_dir
from resolvers.tickets.events import queue_event
from resolvers.tickets.records import ticket_in_company
from resolvers.unit_of_work import unit_of_work

# What hangs on a ticket. The database cascades these too (ON DELETE CASCADE); deleting them
# here does not depend on SQLite's foreign_keys pragma.
_PARTS = (
    TicketTask,
    TicketLink,
    TicketContact,
    TicketNote,
    TicketParameter,
    TicketSearchTerm,
    Document,
    TicketLogEntry,
)


async def delete_ticket(ctx: Context, ticket_id: int) -> Ticket:
    """Delete a ticket, its tasks, links, contacts, notes, parameters, documents and log
    (OWNER, ADMIN); other tickets' links to it go too, logged on those tickets. Stored files
    go once the deletion has committed. Its number is not given again. Returns the ticket as
    it was."""
    ctx.require_role(ADMINS)
    async with unit_of_work(ctx):
        ticket = await ticket_in_company(ctx, ticket_id)
        stored_names = await Document.filter(ticket_id=ticket.pk).values_list(
            "stored_name", flat=True
        )
        linking = await _remove_links_to(ctx, ticket)
        for part in _PARTS:
            await part.filter(ticket_id=ticket.pk).delete()
        await ticket.delete()
        for name in stored_names:
            ctx.on_commit(partial(remove_stored_file, storage_dir() / str(name)))
        for other in linking:
            queue_event(ctx, other, "UPDATED")
        queue_event(ctx, ticket, "DELETED")
    return ticket


async def _remove_links_to(ctx: Context, ticket: Ticket) -> list[Ticket]:
    """Remove the company's TICKET links to `ticket` from other tickets, logged on each of
    them (inside the caller's transaction); the tickets that had one."""
    links = (
        await company_scope(ctx, TicketLink)
        .filter(kind=LinkKind.TICKET, target=subject_id("Ticket", ticket.pk))
        .exclude(ticket_id=ticket.pk)
        .order_by("ticket_id", "id")
    )
    changed = []
    for other_id in sorted({link.ticket_id for link in links}):
        other = await ticket_in_company(ctx, other_id)
        for link in links:
            if link.ticket_id == other_id:
                await link.delete()
                await audit.record(
                    ctx,
                    other,
                    "LINK_REMOVED",
                    {
                        "link": change(f"{link.kind.value} {link.target}", None),
                        "deletedTicket": f"#{ticket.number} {ticket.title}",
                    },
                )
        await Ticket.filter(id=other.pk).update(updated_at=now())
        changed.append(other)
    return changed
