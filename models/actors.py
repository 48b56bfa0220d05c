"""Who makes a change: a signed-in user, an integration's API key, a channel (a webhook), a
visitor (a widget session) or the system (a worker job, a CLI command).

An actor is a plain value, not a row: every layer may read it (subscriptions decide who may
see an event by it, resolvers ask it for permissions). Each carries the company it acts in;
an actor of no company does not exist, so no query can run outside `company_scope`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from models.accounts import Role

ADMINS: frozenset[Role] = frozenset({Role.OWNER, Role.ADMIN})
EVERYONE: frozenset[Role] = frozenset(Role)
# The roles an admin may give a teammate: ownership is not given, it is transferred.
GRANTABLE: frozenset[Role] = frozenset({Role.ADMIN, Role.AGENT})


def role_set(*roles: Role | frozenset[Role]) -> frozenset[Role]:
    """One role set of roles and role sets: `role_set(ADMINS)`, `role_set(Role.OWNER)`."""
    return frozenset(
        role for given in roles for role in (given if isinstance(given, frozenset) else (given,))
    )


class ActorKind(StrEnum):
    USER = "USER"
    API_KEY = "API_KEY"
    CHANNEL = "CHANNEL"
    VISITOR = "VISITOR"
    SYSTEM = "SYSTEM"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts, in which company. `user_id` and `role` are set for USER only; `key_id` is the
    API key's, the channel's or the visitor's id for those kinds."""

    kind: ActorKind
    company_id: int
    user_id: int | None = None
    role: Role | None = None
    key_id: int | None = None
    is_active: bool = True

    @classmethod
    def of_user(cls, company_id: int, user_id: int, role: Role, *, is_active: bool = True) -> Actor:
        return cls(ActorKind.USER, company_id, user_id=user_id, role=role, is_active=is_active)

    @classmethod
    def of_api_key(cls, company_id: int, key_id: int) -> Actor:
        return cls(ActorKind.API_KEY, company_id, key_id=key_id)

    @classmethod
    def of_channel(cls, company_id: int, channel_id: int) -> Actor:
        return cls(ActorKind.CHANNEL, company_id, key_id=channel_id)

    @classmethod
    def of_visitor(cls, company_id: int, visitor_id: int) -> Actor:
        return cls(ActorKind.VISITOR, company_id, key_id=visitor_id)

    @classmethod
    def system(cls, company_id: int) -> Actor:
        return cls(ActorKind.SYSTEM, company_id)

    @property
    def is_user(self) -> bool:
        return self.kind is ActorKind.USER

    def has_role(self, roles: frozenset[Role]) -> bool:
        """Whether a signed-in user of one of `roles` acts (other actors have no role)."""
        return self.is_user and self.is_active and self.role in roles

    def is_member_of(self, company_id: int) -> bool:
        """Whether this actor is an active user of `company_id` (who may see its live events)."""
        return self.is_user and self.is_active and self.company_id == company_id
