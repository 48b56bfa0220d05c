"""Who is asking, from which company, in which language: the first argument of every operation."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from models.accounts import Role, Session, User
from models.actors import Actor, role_set
from resolvers import unit_of_work
from resolvers.errors import Forbidden, NotAuthenticated
from resolvers.i18n import FALLBACK_LANGUAGE
from subscriptions import bus
from subscriptions.events import Event


@dataclass
class Context:
    """The caller of one request (or of one WebSocket connection)."""

    user: User | None = None
    session: Session | None = None
    language: str = FALLBACK_LANGUAGE
    client_address: str | None = None
    user_agent: str | None = None
    request_id: str = field(default_factory=lambda: uuid.uuid4().hex[:16])
    # Per-request DataLoaders, built by the schema layer (resolvers only see the attribute).
    loaders: Any = None
    # graphql-transport-ws: the connection_init payload, set by strawberry.
    connection_params: dict[str, Any] | None = None
    # WebSocket only: this connection's id in the presence liveness store.
    connection_id: str | None = None
    request: Any = None
    response: Any = None

    # Who acts when no user is signed in (an API key, a channel, a visitor, the system).
    acting: Actor | None = None

    @classmethod
    def for_system(cls, company_id: int) -> Context:
        """The context of a worker job or a CLI command changing `company_id`'s data."""
        return cls(acting=Actor.system(company_id))

    def acting_as(self, actor: Actor) -> Context:
        """This request's context (language, request id, address) with `actor` acting
        instead of its caller: an API key or a webhook's channel, once checked."""
        return replace(self, user=None, session=None, loaders=None, acting=actor)

    @property
    def actor(self) -> Actor | None:
        """Who acts in this request: the signed-in user, or `acting`, or nobody (None)."""
        if self.user is not None:
            return Actor.of_user(
                self.user.company_id, self.user.pk, self.user.role, is_active=self.user.is_active
            )
        return self.acting

    @property
    def company_id(self) -> int:
        if self.user is None and self.acting is not None:
            return self.acting.company_id
        return self.require_user().company_id

    def require_user(self) -> User:
        """The signed-in user, or NotAuthenticated."""
        if self.user is None:
            raise NotAuthenticated()
        return self.user

    def require_role(self, *roles: Role | frozenset[Role]) -> User:
        """The signed-in user if he has one of `roles` (roles or role sets), else Forbidden."""
        user = self.require_user()
        if not self.has_role(*roles):
            raise Forbidden()
        return user

    def has_role(self, *roles: Role | frozenset[Role]) -> bool:
        """Whether a signed-in user of one of `roles` acts (no other actor has a role)."""
        actor = self.actor
        return actor is not None and actor.has_role(role_set(*roles))

    def publish(self, event: Event) -> None:
        """Publish `event` on the bus once the running unit of work has committed."""
        unit_of_work.queue(partial(bus.publish, event))

    def on_commit(self, job: unit_of_work.Job) -> None:
        """Run `job` (an outbox wake-up, a file removal) once the running unit of work has
        committed."""
        unit_of_work.queue(job)
