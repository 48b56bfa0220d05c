"""Batch loads of tickets' and customers' relations for the request's DataLoaders."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from models.customers import ContactPerson, ContractPayment
from models.tickets import TicketContact
from resolvers import sql
from resolvers.context import Context


async def contacts_by_ticket_id(ctx: Context, ids: Sequence[int]) -> list[list[ContactPerson]]:
    """Each ticket's contact persons (one statement with a join, built once per number of
    tickets by resolvers/sql.py)."""
    grouped: dict[int, list[ContactPerson]] = {key: [] for key in ids}
    for ticket_id, contact in await sql.select_through(
        ctx, ContactPerson, TicketContact, "contact_id", "ticket_id", ids
    ):
        grouped[ticket_id].append(contact)
    return [grouped[key] for key in ids]


async def last_payment_by_contract_id(ctx: Context, ids: Sequence[int]) -> list[datetime | None]:
    """When each contract was last paid for, if ever."""
    found = await sql.select_max(ctx, ContractPayment, "paid_at", "contract_id", ids)
    return [_timestamp(found.get(key)) for key in ids]


def _timestamp(value: datetime | str | None) -> datetime | None:
    # SQLite answers an aggregate of timestamps with text.
    if isinstance(value, str):
        parsed = datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return value
