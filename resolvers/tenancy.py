"""The one way to query a company's rows: every business query goes through company_scope."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from tortoise.models import Model
from tortoise.queryset import QuerySet

from models.accounts import Company
from resolvers.context import Context
from resolvers.errors import DomainError
from resolvers.rows import model_builder, select_list

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


_ROWS_SQL: dict[tuple[Any, ...], str] = {}


def _markers(dialect: str, start: int, count: int) -> list[str]:
    if dialect == "sqlite":
        return ["?"] * count
    return [f"${n}" for n in range(start, start + count)]


async def company_rows_where_in(
    ctx: Context, model: type[M], column: str, keys: Sequence[Any], order: Sequence[str] = ()
) -> list[M]:
    """Rows of `model` of the caller's company whose `column` is one of `keys` (the batch
    query of a DataLoader): the statement Tortoise would run, its SQL text built once per
    shape instead of through the query builder on every call."""
    if not keys:
        return []
    db = model._meta.db
    dialect = db.capabilities.dialect
    shape = (model, column, tuple(order), len(keys), dialect)
    sql = _ROWS_SQL.get(shape)
    if sql is None:
        first, *rest = _markers(dialect, 1, len(keys) + 1)
        sql = (
            f'SELECT {select_list(model)} FROM "{model._meta.db_table}" WHERE "company_id"={first} '
            f'AND "{column}" IN ({",".join(rest)})'
        )
        if order:
            sql += " ORDER BY " + ",".join(f'"{name}" ASC' for name in order)
        _ROWS_SQL[shape] = sql
    field = model._meta.fields_map[model._meta.fields_db_projection_reverse[column]]
    values = [field.to_db_value(key, model) for key in keys]  # UUIDs as text on SQLite
    _, rows = await db.execute_query(sql, [ctx.company_id, *values])
    return list(map(model_builder(model, dialect), rows))


_PAGE_SQL: dict[tuple[Any, ...], str] = {}


async def company_rows_page(
    ctx: Context, model: type[M], limit: int, *, descending: bool, after: int | None
) -> list[M]:
    """Up to `limit` rows of `model` of the caller's company in primary-key order (newest
    first if `descending`), past the key `after` if given: the query of an unfiltered page,
    its SQL text built once per shape."""
    db = model._meta.db
    dialect = db.capabilities.dialect
    shape = (model, descending, after is not None, dialect)
    sql = _PAGE_SQL.get(shape)
    if sql is None:
        key = model._meta.db_pk_column
        markers = _markers(dialect, 1, 3 if after is not None else 2)
        sql = f'SELECT {select_list(model)} FROM "{model._meta.db_table}" '
        sql += f'WHERE "company_id"={markers[0]}'
        if after is not None:
            sql += f' AND "{key}"{"<" if descending else ">"}{markers[1]}'
        sql += f' ORDER BY "{key}" {"DESC" if descending else "ASC"} LIMIT {markers[-1]}'
        _PAGE_SQL[shape] = sql
    values = [ctx.company_id, *([after] if after is not None else []), limit]
    _, rows = await db.execute_query(sql, values)
    return list(map(model_builder(model, dialect), rows))


_RANKED_SQL: dict[tuple[Any, ...], str] = {}


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
    `after` if given: each parent's page, for all parents in one statement (a window
    function; SQLite and PostgreSQL), grouped by parent, its SQL text built once per shape."""
    if not keys:
        return []
    db = model._meta.db
    dialect = db.capabilities.dialect
    shape = (model, parent, len(keys), descending, after is not None, dialect)
    sql = _RANKED_SQL.get(shape)
    if sql is None:
        key = model._meta.db_pk_column
        company, *markers = _markers(dialect, 1, len(keys) + (3 if after is not None else 2))
        direction = "DESC" if descending else "ASC"
        # The rank last: the builder takes the model's columns from the start of the row.
        inner = (
            f'SELECT {select_list(model)},ROW_NUMBER() OVER (PARTITION BY "{parent}" '
            f'ORDER BY "{key}" {direction}) AS "_rank" FROM "{model._meta.db_table}" '
            f'WHERE "company_id"={company} AND "{parent}" IN ({",".join(markers[: len(keys)])})'
        )
        if after is not None:
            inner += f' AND "{key}"{"<" if descending else ">"}{markers[len(keys)]}'
        sql = _RANKED_SQL[shape] = (
            f'SELECT * FROM ({inner}) ranked WHERE "_rank"<={markers[-1]} '
            f'ORDER BY "{parent}","_rank"'
        )
    values = [ctx.company_id, *keys, *([after] if after is not None else []), limit]
    _, rows = await db.execute_query(sql, values)
    return list(map(model_builder(model, dialect), rows))
