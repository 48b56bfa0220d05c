"""`tickets(filter:)`: the company's tickets filtered, each filter served by an index."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet

from models.customers import Contract, Customer
from models.tickets import (
    Importance,
    Ticket,
    TicketParameter,
    TicketSearchTerm,
    TicketSource,
)
from resolvers.context import Context
from resolvers.customers import active_contracts
from resolvers.errors import DomainError
from resolvers.pagination import Page, paginate, paginate_company_rows
from resolvers.tenancy import company_scope
from resolvers.tickets.fields import parameter_conditions
from resolvers.tickets.records import search_terms

SEARCH_MAX = 200
MAX_SEARCH_WORDS = 8
MAX_IDS = 100


@dataclass
class TicketFilter:
    """What `tickets(filter:)` keeps: every given condition must hold."""

    stage_ids: Sequence[int] | None = None
    assignee_ids: Sequence[int] | None = None
    customer_ids: Sequence[int] | None = None
    representative_ids: Sequence[int] | None = None
    importance: Sequence[Importance] | None = None
    sources: Sequence[TicketSource] | None = None
    has_active_contract: bool | None = None
    parameters: Any = None
    search: str | None = None
    open: bool | None = None


def _ids(values: Sequence[int] | None, field: str) -> list[int] | None:
    if values is None:
        return None
    if len(values) > MAX_IDS:
        raise DomainError("TOO_MANY_VALUES", f"filter.{field}", max=MAX_IDS)
    return list(values)


async def filtered(ctx: Context, wanted: TicketFilter | None) -> QuerySet[Ticket]:
    """The company's tickets that match `wanted` (a query, not yet run)."""
    company_id = ctx.company_id
    query = company_scope(ctx, Ticket)
    if wanted is None:
        return query
    if (ids := _ids(wanted.stage_ids, "stageIds")) is not None:
        query = query.filter(stage_id__in=ids)
    if (ids := _ids(wanted.assignee_ids, "assigneeIds")) is not None:
        query = query.filter(assignee_id__in=ids)
    if (ids := _ids(wanted.customer_ids, "customerIds")) is not None:
        query = query.filter(customer_id__in=ids)
    if (ids := _ids(wanted.representative_ids, "representativeIds")) is not None:
        customers = Customer.filter(company_id=company_id, representative_id__in=ids)
        query = query.filter(customer_id__in=Subquery(customers.values("id")))
    if wanted.importance is not None:
        query = query.filter(importance__in=list(wanted.importance))
    if wanted.sources is not None:
        query = query.filter(source__in=list(wanted.sources))
    if wanted.open is not None:
        query = query.filter(closed_at__isnull=wanted.open)
    if wanted.has_active_contract is not None:
        running = Subquery(Contract.filter(active_contracts(company_id)).values("customer_id"))
        if wanted.has_active_contract:
            query = query.filter(customer_id__in=running)
        else:
            query = query.filter(~Q(customer_id__in=running))
    if wanted.parameters:
        for field_id, value in await parameter_conditions(ctx, wanted.parameters):
            rows: QuerySet[Any] = TicketParameter.filter(
                company_id=company_id, field_id=field_id, value=value
            )
            query = query.filter(id__in=Subquery(rows.values("ticket_id")))
    text = (wanted.search or "").strip()
    if len(text) > SEARCH_MAX:
        raise DomainError("TOO_LONG", "filter.search", max=SEARCH_MAX)
    words = sorted(search_terms(text))[:MAX_SEARCH_WORDS]
    for word in words:
        # Every word must start a word of the title or description (a range on the index).
        following = word[:-1] + chr(ord(word[-1]) + 1)  # "abc" -> "abd"
        rows = TicketSearchTerm.filter(company_id=company_id, term__gte=word, term__lt=following)
        query = query.filter(id__in=Subquery(rows.values("ticket_id")))
    return query


async def list_tickets(
    ctx: Context,
    *,
    wanted: TicketFilter | None,
    first: int | None,
    after: str | None,
    newest_first: bool = True,
) -> Page[Ticket]:
    """A page of the company's tickets that match `wanted`, newest first by default."""
    ctx.require_user()
    if wanted is None:  # the common list: its SQL text built once
        return await paginate_company_rows(ctx, Ticket, first, after, descending=newest_first)
    query = await filtered(ctx, wanted)
    return await paginate(query, first, after, descending=newest_first)


async def ticket_matches(ctx: Context, ticket_id: int, wanted: TicketFilter | None) -> bool:
    """Whether one ticket of the company matches `wanted` (one indexed query)."""
    if wanted is None:
        return await company_scope(ctx, Ticket).filter(id=ticket_id).exists()
    return await (await filtered(ctx, wanted)).filter(id=ticket_id).exists()
