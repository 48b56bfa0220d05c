"""The one way to query a company's rows: every business query goes through company_scope."""

from __future__ import annotations

from typing import TypeVar

from tortoise.models import Model
from tortoise.queryset import QuerySet

from models.accounts import Company
from resolvers.context import Context
from resolvers.errors import DomainError

M = TypeVar("M", bound=Model)


def company_scope(ctx: Context, model: type[M]) -> QuerySet[M]:
    """All rows of `model` that belong to the caller's company (the company itself for Company)."""
    if model is Company:
        return model.filter(id=ctx.company_id)
    return model.filter(company_id=ctx.company_id)


async def get_in_company(ctx: Context, model: type[M], pk: object, field: str = "id") -> M:
    """One row of the caller's company by primary key; another company's row is NOT_FOUND."""
    row = await company_scope(ctx, model).get_or_none(pk=pk)
    if row is None:
        raise DomainError("NOT_FOUND", field=field)
    return row
