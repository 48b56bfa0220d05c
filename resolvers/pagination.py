"""One cursor pagination for every list: keyset on the primary key, `first` capped at 100."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from tortoise.models import Model
from tortoise.queryset import QuerySet

from resolvers.context import Context
from resolvers.errors import DomainError
from resolvers.tenancy import company_rows_first_per_parent, company_rows_page, company_scope
from resolvers.validation import in_range

M = TypeVar("M", bound=Model)

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
_PREFIX = "cursor:"


def encode_cursor(pk: object) -> str:
    return base64.urlsafe_b64encode(f"{_PREFIX}{pk}".encode()).decode()


def decode_cursor(cursor: str) -> str:
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise DomainError("INVALID_CURSOR", "after") from None
    if not text.startswith(_PREFIX):
        raise DomainError("INVALID_CURSOR", "after")
    return text.removeprefix(_PREFIX)


@dataclass
class Page(Generic[M]):
    """One page of rows; `queryset` (unsliced) counts the total when a client asks."""

    rows: list[M]
    has_next_page: bool
    queryset: QuerySet[M]
    known_total: int | None = None  # counted already
    preloaded: Any = None  # what schema/preload.py loaded for the rows' selected relations

    @property
    def end_cursor(self) -> str | None:
        return encode_cursor(self.rows[-1].pk) if self.rows else None

    async def total_count(self) -> int:
        if self.known_total is None:
            self.known_total = await self.queryset.count()
        return self.known_total


def _page_size(first: int | None) -> int:
    size = DEFAULT_PAGE_SIZE if first is None else first
    if size < 0:
        raise DomainError("INVALID_PAGE_SIZE", "first", max=MAX_PAGE_SIZE)
    return min(size, MAX_PAGE_SIZE)


def _after_pk(after: str | None) -> int | None:
    if not after:
        return None
    try:
        key = int(decode_cursor(after))
    except ValueError:
        raise DomainError("INVALID_CURSOR", "after") from None
    if not in_range(key):
        raise DomainError("INVALID_CURSOR", "after")
    return key


def page_arguments(first: int | None, after: str | None) -> tuple[int, int | None]:
    """The page size and the key a page starts after, checked as `paginate` checks them."""
    return _page_size(first), _after_pk(after)


async def paginate(
    queryset: QuerySet[M], first: int | None, after: str | None, *, descending: bool = False
) -> Page[M]:
    """The `first` rows after the cursor `after`, in primary-key order (one SQL statement);
    `descending` gives the newest first."""
    size = _page_size(first)
    key = queryset.model._meta.pk_attr
    page_query = queryset
    last_pk = _after_pk(after)
    if last_pk is not None:
        page_query = page_query.filter(**{f"{key}__{'lt' if descending else 'gt'}": last_pk})
    rows = await page_query.order_by(f"-{key}" if descending else key).limit(size + 1)
    return Page(rows=list(rows[:size]), has_next_page=len(rows) > size, queryset=queryset)


async def paginate_company_rows(
    ctx: Context, model: type[M], first: int | None, after: str | None, *, descending: bool
) -> Page[M]:
    """`paginate(company_scope(ctx, model), ...)` for an unfiltered list, the same statement
    with its SQL text built once per shape (resolvers/tenancy.py)."""
    size = _page_size(first)
    rows = await company_rows_page(
        ctx, model, size + 1, descending=descending, after=_after_pk(after)
    )
    queryset = company_scope(ctx, model)  # for totalCount only: not run unless asked
    return Page(rows=rows[:size], has_next_page=len(rows) > size, queryset=queryset)


async def pages_by_parent(
    ctx: Context,
    model: type[M],
    parent: str,
    ids: Sequence[int],
    size: int,
    after: int | None,
    *,
    descending: bool,
) -> list[Page[M]]:
    """Each parent's page of its `model` rows (by the column `parent`): what `paginate` gives
    for one parent's rows, for all parents in one statement (`size` and `after` as
    `page_arguments` gives them)."""
    grouped: dict[int, list[M]] = {key: [] for key in ids}
    rows = await company_rows_first_per_parent(
        ctx, model, parent, ids, size + 1, descending=descending, after=after
    )
    for row in rows:
        grouped[getattr(row, parent)].append(row)
    return [
        Page(
            rows=grouped[key][:size],
            has_next_page=len(grouped[key]) > size,
            queryset=company_scope(ctx, model).filter(**{parent: key}),
        )
        for key in ids
    ]
