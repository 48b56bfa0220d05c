"""Notifications: the settings matrix, the one entry point for producers (`notify`), the
security mails, the in-app feed, devices for push, and what admins see of deliveries."""

from __future__ import annotations

import base64
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from tortoise.expressions import Q
from tortoise.functions import Count
from tortoise.queryset import QuerySet

from models.accounts import User
from models.actors import ADMINS
from models.clock import now
from models.notifications import (
    CATEGORY_OF,
    DEFAULT_CHANNELS,
    Delivery,
    DeliveryStatus,
    Device,
    DevicePlatform,
    Notification,
    NotificationCategory,
    NotificationChannel,
    NotificationEvent,
    NotificationPreference,
    SecurityMail,
)
from notifiers import outbox
from resolvers.context import Context
from resolvers.errors import DomainError
from resolvers.pagination import Page, paginate
from resolvers.tenancy import company_scope
from resolvers.unit_of_work import unit_of_work
from resolvers.validation import clean_text
from subscriptions.notifications import enabled_channels

CHANNELS = tuple(NotificationChannel)
DEVICE_TOKEN_MAX = 512


def mail_time(moment: datetime) -> str:
    """A time as mails show it."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


# ---------------------------------------------------------------- the settings matrix


@dataclass(frozen=True)
class Preference:
    """One cell of a user's matrix: is `event` on for `channel`?"""

    event: NotificationEvent
    category: NotificationCategory
    channel: NotificationChannel
    enabled: bool


async def notification_settings(ctx: Context) -> list[Preference]:
    """The caller's whole matrix: every event (in the settings page's order) on every channel."""
    user = ctx.require_user()
    choices = {
        (row.event, row.channel): row.enabled
        for row in await NotificationPreference.filter(user_id=user.pk)
    }
    return [
        Preference(
            event,
            category,
            channel,
            choices.get((event, channel), channel.value in DEFAULT_CHANNELS[event]),
        )
        for event, category in CATEGORY_OF.items()
        for channel in CHANNELS
    ]


async def update_notification_settings(
    ctx: Context, preferences: Sequence[tuple[NotificationEvent, NotificationChannel, bool]]
) -> list[Preference]:
    """Switch events on or off per channel; the cells not named stay as they are."""
    user = ctx.require_user()
    if not preferences:
        raise DomainError("REQUIRED", "preferences")
    cells = [(NotificationEvent(e), NotificationChannel(c), bool(on)) for e, c, on in preferences]
    if len({(event, channel) for event, channel, _ in cells}) != len(cells):
        raise DomainError("DUPLICATE_PREFERENCE", "preferences")
    named = Q()
    for event, channel, _ in cells:
        named |= Q(event=event, channel=channel)
    async with unit_of_work(ctx):
        await NotificationPreference.filter(Q(user_id=user.pk) & named).delete()
        await NotificationPreference.bulk_create(
            [
                NotificationPreference(
                    company_id=user.company_id,
                    user_id=user.pk,
                    event=event,
                    channel=channel,
                    enabled=enabled,
                )
                for event, channel, enabled in cells
            ]
        )
    return await notification_settings(ctx)


# ---------------------------------------------------------------- producing notifications


@dataclass(frozen=True)
class Subject:
    """What a notification is about: its ID (the app links to it) and the values its texts
    name (`title`, `visitor`, ... as notifiers/templates/*/events.toml uses them)."""

    id: str | None = None
    values: dict[str, Any] = field(default_factory=dict)


def subject_id(type_name: str, pk: object) -> str:
    """The API's ID of one of our own objects (what `node(id:)` takes), for `Subject.id`."""
    # The Relay global ID convention the schema uses: base64 of "Type:pk".
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


async def notify(
    ctx: Context | None,
    event: NotificationEvent,
    subject: Subject,
    recipients: Iterable[int | User],
    *,
    company_id: int | None = None,
) -> list[Delivery]:
    """Queue `event` for each recipient on the channels he chose for it.

    Call it inside the unit of work of the change that causes the notification: the outbox
    rows commit or roll back with it, and once it commits this process's dispatcher is woken.
    The recipients are users (or their IDs) of the acting company; others and deactivated
    users are skipped. (`ctx` None with `company_id`: a caller outside any unit of work, such
    as a test; the dispatcher finds the rows at its next poll.)"""
    if ctx is None:
        if company_id is None:
            raise ValueError("notify needs a context or a company_id")
        scope = Context.for_system(company_id)
    else:
        scope = ctx
    ids = [r.pk if isinstance(r, User) else int(r) for r in recipients]
    # cast: tortoise types a flat values_list as tuples.
    users = cast(
        "list[int]",
        await company_scope(scope, User)
        .filter(id__in=ids, is_active=True)
        .values_list("id", flat=True),
    )
    channels = await enabled_channels(users, event)
    rows = [
        outbox.new_delivery(
            company_id=scope.company_id,
            user_id=user_id,
            channel=channel,
            kind=event,
            subject_id=subject.id,
            params={key: str(value) for key, value in subject.values.items()},
        )
        for user_id in users
        for channel in CHANNELS
        if channel in channels[user_id]
    ]
    await outbox.enqueue(rows)
    if ctx is not None and rows:
        ctx.on_commit(outbox.wake)
    return rows


async def send_security_mail(
    ctx: Context | None, kind: SecurityMail, user: User, **values: Any
) -> None:
    """Queue a security mail (invitation, password changed, new login): always sent, not part
    of the matrix. Call it inside the unit of work of the change."""
    await outbox.enqueue(
        [
            outbox.new_delivery(
                company_id=user.company_id,
                user_id=user.pk,
                channel=NotificationChannel.EMAIL,
                kind=kind,
                params={key: str(value) for key, value in values.items()},
            )
        ]
    )
    if ctx is not None:
        ctx.on_commit(outbox.wake)


# ---------------------------------------------------------------- the in-app feed


def _own_feed(ctx: Context) -> QuerySet[Notification]:
    user = ctx.require_user()
    return company_scope(ctx, Notification).filter(user_id=user.pk)


async def list_notifications(
    ctx: Context, *, unread_only: bool, first: int | None, after: str | None
) -> Page[Notification]:
    """The caller's in-app notifications, newest first."""
    feed = _own_feed(ctx)
    if unread_only:
        feed = feed.filter(read_at=None)
    return await paginate(feed, first, after, descending=True)


async def unread_count(ctx: Context) -> int:
    return await _own_feed(ctx).filter(read_at=None).count()


async def mark_read(ctx: Context, *, ids: Sequence[int] | None, everything: bool) -> int:
    """Mark some (or all) of the caller's notifications read; his unread count after it."""
    if everything:
        targets = _own_feed(ctx)
    elif ids:
        wanted = set(ids)
        targets = _own_feed(ctx).filter(id__in=list(wanted))
        if await targets.count() != len(wanted):
            raise DomainError("NOT_FOUND", "ids")
    else:
        raise DomainError("REQUIRED", "ids")
    async with unit_of_work(ctx):
        await targets.filter(read_at=None).update(read_at=now())
    return await unread_count(ctx)


async def notifications_by_id(ctx: Context, ids: Sequence[int]) -> list[Notification | None]:
    """The caller's own notifications by ID (a teammate's are not found)."""
    if ctx.user is None:
        return [None for _ in ids]
    rows = {row.pk: row for row in await _own_feed(ctx).filter(id__in=list(ids))}
    return [rows.get(key) for key in ids]


async def announced_entry(
    company_id: int, user_id: int, notification_id: int
) -> Notification | None:
    """The feed entry a NotificationReceived announces, if it is still there."""
    return await Notification.get_or_none(
        id=notification_id, user_id=user_id, company_id=company_id
    )


# ---------------------------------------------------------------- devices for push


async def register_device(ctx: Context, *, platform: DevicePlatform, token: str) -> Device:
    """Receive mobile pushes on a device; a token registered before moves to the caller."""
    user = ctx.require_user()
    token = clean_text(token, "token", max_length=DEVICE_TOKEN_MAX)
    values = {"company_id": user.company_id, "user_id": user.pk, "platform": platform}
    async with unit_of_work(ctx):
        # Two first registrations of one token at the same moment: one INSERT wins, the
        # other does nothing, and both then update the same row.
        await Device.bulk_create([Device(token=token, **values)], ignore_conflicts=True)
        await Device.filter(token=token).update(**values, last_seen_at=now())
        return await Device.get(token=token)


async def unregister_device(ctx: Context, *, token: str) -> None:
    """Stop pushes to one of the caller's devices (on logout in the app)."""
    user = ctx.require_user()
    async with unit_of_work(ctx):
        removed = await Device.filter(user_id=user.pk, token=(token or "").strip()).delete()
    if not removed:
        raise DomainError("NOT_FOUND", "token")


# ---------------------------------------------------------------- admins' views


@dataclass(frozen=True)
class AudienceMember:
    """Would `user` be notified of an event, and on which channels?"""

    user: User
    channels: list[NotificationChannel]  # where he would get it
    switched_off: list[NotificationChannel]  # where his settings say no
    mobile_devices: int  # MOBILE_PUSH reaches him only with at least one


async def notification_audience(ctx: Context, event: NotificationEvent) -> list[AudienceMember]:
    """Every active user of the company and how `event` would reach him."""
    ctx.require_role(ADMINS)
    users = await company_scope(ctx, User).filter(is_active=True).order_by("id")
    ids = [user.pk for user in users]
    channels = await enabled_channels(ids, event)
    devices = dict(
        await company_scope(ctx, Device)
        .annotate(count=Count("id"))
        .group_by("user_id")
        .values_list("user_id", "count")
    )
    audience = []
    for user in users:
        on = channels[user.pk]
        reach = [c for c in CHANNELS if c in on]
        if not devices.get(user.pk):
            reach = [c for c in reach if c != NotificationChannel.MOBILE_PUSH]
        audience.append(
            AudienceMember(
                user=user,
                channels=reach,
                switched_off=[c for c in CHANNELS if c not in on],
                mobile_devices=devices.get(user.pk, 0),
            )
        )
    return audience


async def list_deliveries(
    ctx: Context,
    *,
    statuses: Sequence[DeliveryStatus] | None,
    first: int | None,
    after: str | None,
) -> Page[Delivery]:
    """The company's outbox, newest first (FAILED ones are what admins look for)."""
    ctx.require_role(ADMINS)
    query = company_scope(ctx, Delivery)
    if statuses:
        query = query.filter(status__in=list(statuses))
    return await paginate(query, first, after, descending=True)
