"""Who is asking, from which company, in which language: the first argument of every operation."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from models.accounts import Role, Session, User
from models.actors import Actor
from resolvers.errors import Forbidden, NotAuthenticated
from resolvers.i18n import FALLBACK_LANGUAGE


@dataclass
class Context:
    """The caller of one request (or of one WebSocket connection)."""

    user: User | None = None
    session: Session | None = None
    language: str = FALLBACK_LANGUAGE
    client_address: str | None = None
    user_agent: str | None = None
    request_id: str = field(default_factory=lambda: uuid.uuid4().hex[:16])
    # Work to run once the current transaction has committed (events, wake-ups).
    after_commit: list[Callable[[], Coroutine[Any, Any, None]]] = field(default_factory=list)
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

    def require_role(self, *roles: Role) -> User:
        """The signed-in user if he has one of `roles`, else Forbidden."""
        user = self.require_user()
        if user.role not in roles:
            raise Forbidden()
        return user

    async def run_after_commit(self) -> None:
        """Release what the committed transaction queued."""
        queued, self.after_commit = self.after_commit, []
        for job in queued:
            await job()
