"""Batch loads for the request's DataLoaders: one SQL statement for many keys, company-scoped."""

from __future__ import annotations

from collections.abc import Sequence

from models.accounts import Company, User
from resolvers.context import Context
from resolvers.tenancy import company_scope


async def companies_by_id(ctx: Context, ids: Sequence[int]) -> list[Company | None]:
    rows = {row.pk: row for row in await company_scope(ctx, Company).filter(id__in=ids)}
    return [rows.get(key) for key in ids]


async def users_by_id(ctx: Context, ids: Sequence[int]) -> list[User | None]:
    rows = {row.pk: row for row in await company_scope(ctx, User).filter(id__in=ids)}
    return [rows.get(key) for key in ids]
