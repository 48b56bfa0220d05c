"""The request's DataLoaders, named for what they load; the batch functions live in resolvers."""

from __future__ import annotations

import functools
from datetime import datetime
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader
from tortoise.models import Model

from models.accounts import Company, User
from models.customers import ContactPerson
from models.integrations import ApiKey
from models.notifications import Notification
from resolvers import integrations, loaders, notifications, presence
from resolvers.context import Context
from resolvers.tickets import loading

M = TypeVar("M", bound=Model)


class Loaders:
    """The request's DataLoaders, each made on first use (a subscription renews them per event,
    and most events need none)."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx
        self._by_id: dict[type[Model], DataLoader[Any, Any]] = {}
        self._by_parent: dict[tuple[type[Model], str], DataLoader[int, list[Any]]] = {}

    @functools.cached_property
    def company_by_id(self) -> DataLoader[int, Company | None]:
        return DataLoader(lambda ids: loaders.companies_by_id(self._ctx, ids))

    @functools.cached_property
    def user_by_id(self) -> DataLoader[int, User | None]:
        return DataLoader(lambda ids: loaders.users_by_id(self._ctx, ids))

    def by_id(self, model: type[M]) -> DataLoader[Any, M | None]:
        """Rows of a company-owned `model` by primary key (a Stage, a Customer, ...)."""
        loader = self._by_id.get(model)
        if loader is None:
            loader = self._by_id[model] = DataLoader(
                lambda ids: loaders.rows_by_id(self._ctx, model, ids)
            )
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

    @functools.cached_property
    def contacts_by_ticket_id(self) -> DataLoader[int, list[ContactPerson]]:
        return DataLoader(lambda ids: loading.contacts_by_ticket_id(self._ctx, ids))

    @functools.cached_property
    def last_payment_by_contract_id(self) -> DataLoader[int, datetime | None]:
        return DataLoader(lambda ids: loading.last_payment_by_contract_id(self._ctx, ids))

    @functools.cached_property
    def notification_by_id(self) -> DataLoader[int, Notification | None]:
        return DataLoader(lambda ids: notifications.notifications_by_id(self._ctx, ids))

    @functools.cached_property
    def api_key_by_id(self) -> DataLoader[int, ApiKey | None]:
        return DataLoader(lambda ids: integrations.api_keys_by_id(self._ctx, ids))

    @functools.cached_property
    def presence_by_user_id(self) -> DataLoader[int, presence.PresenceView]:
        return DataLoader(presence.presences_by_user_id)


def make_loaders(ctx: Context) -> Loaders:
    """Fresh loaders: their cache lives as long as one request (or one subscription event)."""
    return Loaders(ctx)
