"""The request's DataLoaders, named for what they load; the batch functions live in resolvers."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Any, TypeVar, cast

from strawberry.dataloader import DataLoader
from tortoise.models import Model

from models.accounts import Company, User
from models.customers import ContactPerson
from models.integrations import ApiKey
from models.notifications import Notification
from resolvers import integrations, loaders, notifications, pagination, presence
from resolvers.context import Context
from resolvers.pagination import Page
from resolvers.tickets import loading

M = TypeVar("M", bound=Model)
PrimaryKey = int | uuid.UUID  # Document's key is a UUID, every other model's an int
BatchById = Callable[[Context, Sequence[Any]], Awaitable[Sequence[Any]]]

# Models whose rows by ID are not simply "the company's rows": the company itself, and rows
# only some users of the company may see.
_BY_ID: dict[type[Model], BatchById] = {
    Company: loaders.companies_by_id,
    Notification: notifications.notifications_by_id,
    ApiKey: integrations.api_keys_by_id,
}


class Loaders:
    """The request's DataLoaders, each made on first use (a subscription renews them per event,
    and most events need none)."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx
        self._by_id: dict[type[Model], DataLoader[Any, Any]] = {}
        self._by_parent: dict[tuple[type[Model], str], DataLoader[int, Any]] = {}
        self._pages: dict[tuple[Any, ...], DataLoader[int, Any]] = {}

    def by_id(self, model: type[M]) -> DataLoader[PrimaryKey, M | None]:
        """Rows of `model` the caller may see by primary key (a Stage, a Customer, a User, ...):
        one loader per model, whoever asks for it."""
        loader = self._by_id.get(model)
        if loader is None:
            batch = _BY_ID.get(model)
            if batch is None:
                loader = DataLoader(lambda ids: loaders.rows_by_id(self._ctx, model, ids))
            else:
                loader = DataLoader(functools.partial(batch, self._ctx))
            self._by_id[model] = loader
        return loader

    def by_parent(self, model: type[M], parent: str) -> DataLoader[int, list[M]]:
        """Lists of `model` rows by the parent column `parent` (a ticket's tasks: TicketTask,
        "ticket_id")."""
        loader = self._by_parent.get((model, parent))
        if loader is None:
            loader = self._by_parent[(model, parent)] = DataLoader(
                lambda ids: loaders.rows_by_parent(self._ctx, model, parent, ids)
            )
        return loader

    def pages_by_parent(
        self,
        model: type[M],
        parent: str,
        first: int | None,
        after: str | None,
        *,
        descending: bool,
    ) -> DataLoader[int, Page[M]]:
        """A page of `model` rows per parent (`first` after the cursor `after`, in key order),
        all parents' pages in one statement. Bad arguments raise here, before any load."""
        size, after_key = pagination.page_arguments(first, after)
        shape = (model, parent, size, after_key, descending)
        loader = self._pages.get(shape)
        if loader is None:
            loader = self._pages[shape] = DataLoader(
                lambda ids: pagination.pages_by_parent(
                    self._ctx, model, parent, ids, size, after_key, descending=descending
                )
            )
        return loader

    @functools.cached_property
    def company_by_id(self) -> DataLoader[PrimaryKey, Company | None]:
        return self.by_id(Company)

    @functools.cached_property
    def user_by_id(self) -> DataLoader[PrimaryKey, User | None]:
        return self.by_id(User)

    @functools.cached_property
    def notification_by_id(self) -> DataLoader[PrimaryKey, Notification | None]:
        return self.by_id(Notification)

    @functools.cached_property
    def api_key_by_id(self) -> DataLoader[PrimaryKey, ApiKey | None]:
        return self.by_id(ApiKey)

    @functools.cached_property
    def contacts_by_ticket_id(self) -> DataLoader[int, list[ContactPerson]]:
        return DataLoader(lambda ids: loading.contacts_by_ticket_id(self._ctx, ids))

    @functools.cached_property
    def last_payment_by_contract_id(self) -> DataLoader[int, datetime | None]:
        return DataLoader(lambda ids: loading.last_payment_by_contract_id(self._ctx, ids))

    @functools.cached_property
    def presence_by_user_id(self) -> DataLoader[int, presence.PresenceView]:
        return DataLoader(presence.presences_by_user_id)


def make_loaders(ctx: Context) -> Loaders:
    """Fresh loaders: their cache lives as long as one request (or one subscription event)."""
    return Loaders(ctx)


def loaders_of(ctx: Context) -> Loaders:
    """The request's loaders, typed (the context holds them as `Any`: resolvers do not know
    the schema layer)."""
    return cast(Loaders, ctx.loaders)
