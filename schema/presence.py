"""Presence in GraphQL: the Presence of a user, setPresence, and the presenceChanged stream."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from models import presence as models
from resolvers import presence
from schema.base import Info, IsAuthenticated, Payload, mutation
from schema.streams import stream
from subscriptions.presence import PresenceChanged, presence_topic

if TYPE_CHECKING:
    from schema.accounts import User

# The models' enums as GraphQL enums: strawberry.enum marks the class in place, and the
# schema's name is an alias of it (a type mypy understands).
PresenceStatus = models.PresenceStatus
strawberry.enum(
    PresenceStatus,
    description="What teammates see: ONLINE, BUSY, BE_RIGHT_BACK, or OFFLINE.",
)


@strawberry.type(description="A user's presence as his teammates see it.")
class Presence:
    status: PresenceStatus = strawberry.field(
        description="What teammates see: the chosen status, or OFFLINE once the user's last "
        "connection has been gone for the grace period."
    )
    since: datetime = strawberry.field(description="Since when `status` is shown.")
    connected: bool = strawberry.field(
        description="Whether any WebSocket of the user is live, in any server process."
    )
    chosen_status: PresenceStatus = strawberry.field(
        description="The status the user chose (he is back to it when he reconnects)."
    )
    returns_at: datetime | None = strawberry.field(
        description="When a BE_RIGHT_BACK ends by itself, returning to the status it replaced."
    )

    @classmethod
    def of(cls, view: presence.PresenceView) -> Presence:
        return cls(
            status=view.status,
            since=view.since,
            connected=view.connected,
            chosen_status=view.chosen,
            returns_at=view.returns_at,
        )


@strawberry.type(description="A teammate's shown status changed.")
class PresenceEvent:
    event: strawberry.Private[PresenceChanged]
    user_row: strawberry.Private[Any]
    status: PresenceStatus = strawberry.field(description="The status shown now.")
    previous: PresenceStatus = strawberry.field(description="The status shown before.")
    at: datetime = strawberry.field(description="When it changed.")

    @strawberry.field(description="Whose status changed.")
    def user(self) -> Annotated[User, strawberry.lazy("schema.accounts")]:
        # Loaded before the event is handed out, so the whole selection runs without awaiting.
        return self.user_row  # type: ignore[no-any-return]


@strawberry.input(description="The status to show.")
class SetPresenceInput:
    status: PresenceStatus = strawberry.field(description="ONLINE, BUSY, BE_RIGHT_BACK, OFFLINE.")
    until: datetime | None = strawberry.field(
        default=None,
        description="Only with BE_RIGHT_BACK: when to return by itself to the previous status "
        "(within 24 hours).",
    )


@strawberry.type(description="Your presence after the change.")
class SetPresencePayload(Payload):
    presence: Presence | None = strawberry.field(default=None, description="As teammates see it.")


@strawberry.type
class PresenceMutation:
    @mutation(
        description="Set your presence; every teammate's presenceChanged hears of it.",
        permission_classes=[IsAuthenticated],
    )
    async def set_presence(self, info: Info, input: SetPresenceInput) -> SetPresencePayload:
        view = await presence.set_presence(info.context, status=input.status, until=input.until)
        return SetPresencePayload(presence=Presence.of(view))


async def _presence_event(event: PresenceChanged) -> PresenceEvent | None:
    """The GraphQL value of an event: one object for all its subscribers in this process."""
    value = event.cache.get("value")
    if value is not None:
        return value  # type: ignore[no-any-return]
    user = await event.user()  # one query per event and process
    if user is None:
        return None
    # Another subscriber may have made it while this one waited for the user.
    value = event.cache.get("value")
    if value is None:
        value = event.cache["value"] = PresenceEvent(
            event=event,
            user_row=user,
            status=models.PresenceStatus(event.status),
            previous=models.PresenceStatus(event.previous),
            at=datetime.fromisoformat(event.at),
        )
    return value


@strawberry.type
class PresenceSubscription:
    @strawberry.subscription(
        description="Every change of a teammate's shown status in your company, yours included.",
        permission_classes=[IsAuthenticated],
    )
    def presence_changed(self, info: Info) -> AsyncGenerator[PresenceEvent, None]:
        # Every teammate sees the same: served from the shared group of its key (fanout.py).
        return stream(info, presence_topic(info.context.company_id), _presence_event, shared=True)
