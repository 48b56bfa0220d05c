"""Batch loads of tickets' and customers' relations for the request's DataLoaders."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from tortoise.functions import Max

from models.customers import ContactPerson, ContractPayment
from models.tickets import TicketContact
from resolvers.context import Context
from resolvers.rows import model_builder, select_list
from resolvers.tenancy import company_scope

_CONTACTS_SQL: dict[tuple[str, int], str] = {}


async def contacts_by_ticket_id(ctx: Context, ids: Sequence[int]) -> list[list[ContactPerson]]:
    """Each ticket's contact persons (one statement with a join, its text built once per
    number of tickets)."""
    grouped: dict[int, list[ContactPerson]] = {key: [] for key in ids}
    if not ids:
        return []
    db = TicketContact._meta.db
    dialect = db.capabilities.dialect
    sql = _CONTACTS_SQL.get((dialect, len(ids)))
    if sql is None:
        if dialect == "sqlite":
            markers = ["?"] * (len(ids) + 1)
        else:
            markers = [f"${n}" for n in range(1, len(ids) + 2)]
        # The ticket last: the builder takes the contact's columns from the start of the row.
        columns = select_list(ContactPerson, "cp")
        sql = _CONTACTS_SQL[(dialect, len(ids))] = (
            f'SELECT {columns},tc."ticket_id" AS "_ticket_id" FROM "ticket_contact" tc '
            'JOIN "contact_person" cp ON cp."id"=tc."contact_id" '
            f'WHERE tc."company_id"={markers[0]} AND tc."ticket_id" IN ({",".join(markers[1:])}) '
            'ORDER BY tc."id" ASC'
        )
    _, rows = await db.execute_query(sql, [ctx.company_id, *ids])
    build = model_builder(ContactPerson, dialect)
    for row in rows:
        grouped[row["_ticket_id"]].append(build(row))
    return [grouped[key] for key in ids]


async def last_payment_by_contract_id(ctx: Context, ids: Sequence[int]) -> list[datetime | None]:
    """When each contract was last paid for, if ever."""
    rows = (
        await company_scope(ctx, ContractPayment)
        .filter(contract_id__in=list(ids))
        .group_by("contract_id")
        .annotate(last=Max("paid_at"))
        .values("contract_id", "last")
    )
    found = {row["contract_id"]: _timestamp(row["last"]) for row in rows}
    return [found.get(key) for key in ids]


def _timestamp(value: datetime | str | None) -> datetime | None:
    # SQLite answers an aggregate of timestamps with text.
    if isinstance(value, str):
        parsed = datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return value
