"""Batch loads for the request's DataLoaders: one SQL statement for many keys, company-scoped."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from tortoise.models import Model

from models.accounts import Company
from resolvers.context import Context
from resolvers.tenancy import company_rows_where_in, company_scope

M = TypeVar("M", bound=Model)


async def companies_by_id(ctx: Context, ids: Sequence[int]) -> list[Company | None]:
    rows = {row.pk: row for row in await company_scope(ctx, Company).filter(id__in=ids)}
    return [rows.get(key) for key in ids]


async def rows_by_id(ctx: Context, model: type[M], ids: Sequence[Any]) -> list[M | None]:
    """Rows of any company-owned model by primary key (None where missing or foreign)."""
    column = model._meta.db_pk_column
    rows = {row.pk: row for row in await company_rows_where_in(ctx, model, column, ids)}
    return [rows.get(key) for key in ids]


async def rows_by_parent(
    ctx: Context, model: type[M], parent: str, ids: Sequence[int]
) -> list[list[M]]:
    """Each parent's rows of `model` (by the column `parent`), in creation order."""
    grouped: dict[int, list[M]] = {key: [] for key in ids}
    key = model._meta.db_pk_column
    order = ("created_at", key) if "created_at" in model._meta.fields_map else (key,)
    for row in await company_rows_where_in(ctx, model, parent, ids, order):
        grouped[getattr(row, parent)].append(row)
    return [grouped[key] for key in ids]
