"""The audit log of any domain's records: one entry per change, written in the change's
transaction by whoever acts (the context's actor), read newest first.

A new domain adds its log with one model and calls, as tickets do (resolvers/tickets/audit.py):

1. models/<domain>.py: a subclass of `models.audit.AuditEntry` naming its record, and its
   migration (`frontdesk makemigrations NAME --postgres-url ...`):

       class ChatLogEntry(AuditEntry):
           record_field = "chat"
           chat: fields.ForeignKeyRelation[Chat] = fields.ForeignKeyField(
               "models.Chat", related_name=False, on_delete=fields.CASCADE
           )
           chat_id: int

           class Meta:
               table = "chat_log_entry"
               indexes = (("company_id", "chat_id", "id"),)  # what log_page reads

2. resolvers/<domain>.py, inside the change's transaction:
   `await audit.record(ctx, ChatLogEntry, chat, "CLOSED", {"status": change(before, after)})`
   (or `entry(...)` per record and one `bulk_create` for many records at once).

3. the reading side: `await audit.log_page(ctx, ChatLogEntry, chat, first, after, "chatId")`,
   served by a schema type and connection like schema/tickets.py's TicketLogEntry.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Protocol, TypeVar

from models.audit import AuditEntry
from models.clock import now
from resolvers.context import Context
from resolvers.errors import DomainError
from resolvers.pagination import Page, paginate
from resolvers.tenancy import company_scope

E = TypeVar("E", bound=AuditEntry)


class Logged(Protocol):
    """A record that has a log: a row of one company."""

    company_id: int

    @property
    def pk(self) -> Any: ...


def loggable(value: Any) -> Any:
    """A value as the log keeps it (JSON): enums by value, times in ISO-8601, Decimals as text."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def change(before: Any, after: Any) -> dict[str, Any]:
    """One field's change, as the log keeps it: {"before": ..., "after": ...}."""
    return {"before": loggable(before), "after": loggable(after)}


def entry(
    ctx: Context,
    model: type[E],
    row: Logged,
    action: str,
    changes: Mapping[str, Any] | None = None,
    *,
    at: datetime | None = None,
) -> E:
    """An unsaved entry: `action` on `row` by the context's actor, now (or `at`)."""
    actor = ctx.actor
    values = {
        "company_id": row.company_id,
        f"{model.record_field}_id": row.pk,
        # Only a user is a row to point at; an API key, a channel or the system log as null.
        "actor_id": actor.user_id if actor is not None else None,
        "action": action,
        "changes": dict(changes or {}),
        "at": at or now(),
    }
    return model(**values)


async def record(
    ctx: Context,
    model: type[E],
    row: Logged,
    action: str,
    changes: Mapping[str, Any] | None = None,
) -> E:
    """Log `action` on `row` by the context's actor (call inside the change's transaction)."""
    logged = entry(ctx, model, row, action, changes)
    await logged.save(force_create=True)
    return logged


async def log_page(
    ctx: Context,
    model: type[E],
    row: Logged,
    first: int | None,
    after: str | None,
    field: str,
) -> Page[E]:
    """The log of a row of the caller's company, newest first; another's is NOT_FOUND."""
    if row.company_id != ctx.company_id:
        raise DomainError("NOT_FOUND", field)
    query = company_scope(ctx, model).filter(**{f"{model.record_field}_id": row.pk})
    return await paginate(query, first, after, descending=True)
