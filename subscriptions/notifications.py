"""Notification events, who hears them, and which users want an event on which channel.

The channel settings are read here because live streams filter by them: a stream a user did
not ask for specifically (chatEvents, messageReceived without chatId, ticketEvents without a
filter, notificationReceived) delivers an event only to users who have that event on IN_APP.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar, cast

from models.actors import Actor
from models.notifications import (
    DEFAULT_CHANNELS,
    Notification,
    NotificationChannel,
    NotificationEvent,
    NotificationPreference,
)
from subscriptions.events import Event, Topic, user_topic


@dataclass(frozen=True)
class NotificationReceived(Event):
    """A notification was added to a user's in-app feed; only he hears of it."""

    kind: ClassVar[str] = "notification.received"
    user_id: int = 0
    notification_id: int = 0
    event: str = ""

    @property
    def topic(self) -> str:
        return user_topic(self.user_id)

    async def entry(self) -> Notification | None:
        """The feed entry, loaded once per process for all of its user's sockets."""
        loading = self.cache.get("entry")
        if loading is None:
            loading = self.cache["entry"] = asyncio.ensure_future(
                Notification.get_or_none(
                    id=self.notification_id, user_id=self.user_id, company_id=self.company_id
                )
            )
        entry: Notification | None = await asyncio.shield(loading)
        return entry

    async def still_wanted(self) -> bool:
        """Whether its user still has the event on IN_APP: one switched off since it was
        queued stays in the feed, but is not pushed."""
        return await wants_in_app(self, NotificationEvent(self.event), self.user_id)


def may_see(viewer: Actor, event: NotificationReceived) -> bool:
    """Only the recipient, while he is an active user of the company."""
    return viewer.is_member_of(event.company_id) and viewer.user_id == event.user_id


def notification_topic(user_id: int) -> Topic[NotificationReceived]:
    """The in-app notifications of one user."""
    return Topic(user_topic(user_id), NotificationReceived, may_see)


async def enabled_channels(
    user_ids: Iterable[int], event: NotificationEvent
) -> dict[int, set[NotificationChannel]]:
    """For each user, the channels on which he gets `event` (his choices over the defaults)."""
    ids = list(dict.fromkeys(user_ids))
    default = {NotificationChannel(c) for c in DEFAULT_CHANNELS[event]}
    channels = {user_id: set(default) for user_id in ids}
    if not ids:
        return channels
    choices = await NotificationPreference.filter(user_id__in=ids, event=event).values_list(
        "user_id", "channel", "enabled"
    )
    for user_id, channel, enabled in choices:
        if enabled:
            channels[user_id].add(NotificationChannel(channel))
        else:
            channels[user_id].discard(NotificationChannel(channel))
    return channels


async def wants_in_app(live: Event, event: NotificationEvent, user_id: int) -> bool:
    """Whether `user_id` has `event` on IN_APP, read once per live event and process for all
    its subscribers (the users of the company who chose otherwise than the default)."""
    key = f"in_app:{event}"
    known: asyncio.Future[tuple[bool, set[int]]] | None = live.cache.get(key)
    if known is None:
        known = asyncio.ensure_future(_in_app_exceptions(live.company_id, event))
        live.cache[key] = known
    default_on, exceptions = await asyncio.shield(known)
    return default_on != (user_id in exceptions)


async def _in_app_exceptions(company_id: int, event: NotificationEvent) -> tuple[bool, set[int]]:
    default_on = NotificationChannel.IN_APP in DEFAULT_CHANNELS[event]
    exceptions = await NotificationPreference.filter(
        company_id=company_id,
        event=event,
        channel=NotificationChannel.IN_APP,
        enabled=not default_on,
    ).values_list("user_id", flat=True)
    # cast: tortoise types a flat values_list as tuples.
    return default_on, set(cast("list[int]", exceptions))
