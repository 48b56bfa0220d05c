"""Notification events, and which users want an event on which channel.

The channel settings are read here because live streams filter by them: a stream a user did
not ask for specifically (chatEvents, messageReceived without chatId, ticketEvents without a
filter, notificationReceived) delivers an event only to users who have that event on IN_APP.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar, cast

from models.notifications import (
    DEFAULT_CHANNELS,
    NotificationChannel,
    NotificationEvent,
    NotificationPreference,
)
from subscriptions.events import Event


def user_topic(user_id: int) -> str:
    return f"frontdesk.user.{user_id}"


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
