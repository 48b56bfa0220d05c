"""The request's DataLoaders, named for what they load; the batch functions live in resolvers."""

from __future__ import annotations

from dataclasses import dataclass

from strawberry.dataloader import DataLoader

from models.accounts import Company, User
from resolvers import loaders, presence
from resolvers.context import Context


@dataclass
class Loaders:
    company_by_id: DataLoader[int, Company | None]
    user_by_id: DataLoader[int, User | None]
    presence_by_user_id: DataLoader[int, presence.PresenceView]


def make_loaders(ctx: Context) -> Loaders:
    """Fresh loaders: their cache lives as long as one request (or one subscription event)."""
    return Loaders(
        company_by_id=DataLoader(lambda ids: loaders.companies_by_id(ctx, ids)),
        user_by_id=DataLoader(lambda ids: loaders.users_by_id(ctx, ids)),
        presence_by_user_id=DataLoader(presence.presences_by_user_id),
    )
