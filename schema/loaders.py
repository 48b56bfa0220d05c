"""The request's DataLoaders, named for what they load; the batch functions live in resolvers."""

from __future__ import annotations

import functools

from strawberry.dataloader import DataLoader

from models.accounts import Company, User
from models.integrations import ApiKey
from models.notifications import Notification
from resolvers import integrations, loaders, notifications, presence
from resolvers.context import Context


class Loaders:
    """The request's DataLoaders, each made on first use (a subscription renews them per event,
    and most events need none)."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    @functools.cached_property
    def company_by_id(self) -> DataLoader[int, Company | None]:
        return DataLoader(lambda ids: loaders.companies_by_id(self._ctx, ids))

    @functools.cached_property
    def user_by_id(self) -> DataLoader[int, User | None]:
        return DataLoader(lambda ids: loaders.users_by_id(self._ctx, ids))

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
