"""The one way to query a company's rows: every business query goes through company_scope."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from tortoise.models import Model
from tortoise.queryset import QuerySet

from models.accounts import Company
from resolvers import sql
from resolvers.context import Context
from resolvers.errors import DomainError

M = TypeVar("M", bound=Model)


def company_scope(ctx: Context, model: type[M]) -> QuerySet[M]:
    """All rows of `model` that belong to the caller's company (the company itself for Company)."""
    if model is Company:
        return model.filter(id=ctx.company_id)
    return model.filter(company_id=ctx.company_id)


async def get_in_company(
    ctx: Context, model: type[M], pk: object, field: str = "id", *, for_update: bool = False
) -> M:
    """One row of the caller's company by primary key; another company's row is NOT_FOUND.
    `for_update`: locked for the caller's transaction (on PostgreSQL)."""
    query = company_scope(ctx, model)
    if for_update:
        query = query.select_for_update()
    row = await query.get_or_none(pk=pk)
    if row is None:
        raise DomainError("NOT_FOUND", field=field)
    return row


async def company_rows_where_in(
    ctx: Context, model: type[M], column: str, keys: Sequence[Any], order: Sequence[str] = ()
) -> list[M]:
    """Rows of `model` of the caller's company whose `column` is one of `keys`, in `order`
    (the batch query of a DataLoader; its SQL built once per shape by resolvers/sql.py)."""
    return await sql.select(ctx, model, column=column, keys=keys, order=order)


async def company_rows_page(
    ctx: Context, model: type[M], limit: int, *, descending: bool, after: int | None
) -> list[M]:
    """Up to `limit` rows of `model` of the caller's company in primary-key order (newest
    first if `descending`), past the key `after` if given: the query of an unfiltered page,
    its SQL built once per shape by resolvers/sql.py."""
    key = model._meta.db_pk_column
    order = (f"-{key}",) if descending else (key,)
    return await sql.select(ctx, model, order=order, after=after, limit=limit)


async def company_rows_first_per_parent(
    ctx: Context,
    model: type[M],
    parent: str,
    keys: Sequence[Any],
    limit: int,
    *,
    descending: bool,
    after: int | None,
) -> list[M]:
    """The first `limit` rows of `model` of the caller's company for each of the `keys` of
    the column `parent`, in primary-key order (newest first if `descending`), past the key
    `after` if given: each parent's page, for all parents in one statement, grouped by parent
    (resolvers/sql.py builds it)."""
    return await sql.select_first_per_parent(
        ctx, model, parent, keys, limit, descending=descending, after=after
    )
