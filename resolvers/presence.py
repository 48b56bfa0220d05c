"""Presence: the status a user chose, what teammates see, and the log of what they saw."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import redis.asyncio as redis

from models import clock
from models.accounts import User
from models.presence import Presence, PresenceInterval, PresenceStatus
from resolvers.context import Context
from resolvers.errors import DomainError
from resolvers.unit_of_work import unit_of_work
from settings import get_settings
from subscriptions.presence import PresenceChanged, current_liveness

MAX_BE_RIGHT_BACK = timedelta(hours=24)
LIVENESS_ERRORS = (redis.RedisError, OSError)
logger = logging.getLogger("frontdesk.presence")


@dataclass
class PresenceView:
    """What `User.presence` shows."""

    user_id: int
    status: PresenceStatus
    since: datetime
    connected: bool
    chosen: PresenceStatus
    returns_at: datetime | None


def _grace() -> float:
    return float(get_settings().presence_grace_period)


async def _row(user: User) -> Presence:
    """The user's presence row, locked for this transaction (made on first use)."""
    row = await Presence.filter(user_id=user.pk).select_for_update().first()
    if row is None:
        # Several first sockets of one user may get here at once: one INSERT wins, the
        # others do nothing, and all then lock the same row.
        await Presence.bulk_create(
            [
                Presence(
                    user_id=user.pk,
                    company_id=user.company_id,
                    chosen=PresenceStatus.OFFLINE,
                    shown=PresenceStatus.OFFLINE,
                    shown_since=clock.now(),
                )
            ],
            ignore_conflicts=True,
        )
        row = await Presence.filter(user_id=user.pk).select_for_update().get()
    return row


async def _show(ctx: Context, row: Presence, status: PresenceStatus, at: datetime) -> bool:
    """Record that teammates now see `status` (in the caller's unit of work, which publishes
    the change once it has committed); False when nothing changed."""
    previous = row.shown
    if previous == status:
        return False
    await PresenceInterval.filter(user_id=row.user_id, ended_at=None).update(ended_at=at)
    await PresenceInterval.create(
        user_id=row.user_id, company_id=row.company_id, status=status, started_at=at
    )
    row.shown, row.shown_since = status, at
    ctx.publish(
        PresenceChanged(
            company_id=row.company_id,
            user_id=row.user_id,
            status=status.value,
            previous=previous.value,
            at=at.isoformat(),
        )
    )
    return True


def _visible(chosen: PresenceStatus, live: bool, recently_seen: bool) -> PresenceStatus:
    if chosen == PresenceStatus.OFFLINE or live or recently_seen:
        return chosen
    return PresenceStatus.OFFLINE


async def set_presence(
    ctx: Context, *, status: PresenceStatus, until: datetime | None
) -> PresenceView:
    """Choose a status; a BE_RIGHT_BACK with `until` returns by itself to the one it replaced."""
    user = ctx.require_user()
    now = clock.now()
    if until is not None:
        if status != PresenceStatus.BE_RIGHT_BACK:
            raise DomainError("UNTIL_ONLY_FOR_BE_RIGHT_BACK", "until")
        if until.tzinfo is None:
            until = until.replace(tzinfo=UTC)
        if until <= now or until - now > MAX_BE_RIGHT_BACK:
            raise DomainError("INVALID_UNTIL", "until", hours=24)
    liveness = current_liveness()
    async with unit_of_work(ctx):
        row = await _row(user)
        if until is not None:
            # Returning to what he had; a BRB over a BRB returns to the first one's status.
            row.returns_to = row.returns_to or (
                row.chosen if row.chosen != PresenceStatus.BE_RIGHT_BACK else PresenceStatus.ONLINE
            )
            row.returns_at = until
        else:
            row.returns_to = row.returns_at = None
        row.chosen = status
        # Choosing a status is a sign of life: he is seen, so shown what he chose.
        await _show(ctx, row, status, now)
        await row.save()
    connected = False
    try:
        connected = bool(await liveness.live([user.pk]))
        if not connected:
            await liveness.schedule_offline(user.pk, time.time() + _grace())
    except LIVENESS_ERRORS:
        logger.warning("presence: liveness store unreachable; offline check not scheduled")
    return _view(row, connected)


def _view(row: Presence, connected: bool) -> PresenceView:
    return PresenceView(
        user_id=row.user_id,
        status=row.shown,
        since=row.shown_since,
        connected=connected,
        chosen=row.chosen,
        returns_at=row.returns_at,
    )


async def presences_by_user_id(user_ids: Sequence[int]) -> list[PresenceView]:
    """The presence of each user (one SQL statement, one liveness look-up)."""
    rows = {row.user_id: row for row in await Presence.filter(user_id__in=list(user_ids))}
    try:
        live = await current_liveness().live(user_ids)
    except LIVENESS_ERRORS:
        logger.warning("presence: liveness store unreachable; showing connected=false")
        live = set()
    now = clock.now()
    views = []
    for user_id in user_ids:
        row = rows.get(user_id)
        if row is None:  # never chose a status: shown OFFLINE
            row = Presence(
                user_id=user_id,
                chosen=PresenceStatus.OFFLINE,
                shown=PresenceStatus.OFFLINE,
                shown_since=now,
            )
        views.append(_view(row, user_id in live))
    return views


async def connection_opened(ctx: Context) -> None:
    """A socket of the signed-in user went live (its `connection_id` set): he is back to his
    chosen status if he was away."""
    user = ctx.require_user()
    assert ctx.connection_id is not None
    liveness = current_liveness()
    try:
        await liveness.attach(user.pk, ctx.connection_id)
        await liveness.cancel_offline(user.pk)
    except LIVENESS_ERRORS:
        # The socket stays: the next heartbeat registers it once the store is back.
        logger.warning("presence: liveness store unreachable at connect")
    async with unit_of_work(ctx):
        row = await _row(user)
        if await _show(ctx, row, row.chosen, clock.now()):  # live again: shown what he chose
            await row.save()


async def connection_closed(user_id: int, connection_id: str) -> None:
    """A socket closed: when it was the user's last, he goes OFFLINE after the grace period."""
    liveness = current_liveness()
    try:
        if await liveness.detach(user_id, connection_id):
            await liveness.schedule_offline(user_id, time.time() + _grace())
    except LIVENESS_ERRORS:
        logger.warning("presence: liveness store unreachable at disconnect")


async def sweep() -> int:
    """Apply what time decided (the system acts): grace periods that ran out, BE_RIGHT_BACKs
    that ended; how many users are shown another status."""
    now = clock.now()
    changed = 0
    liveness = current_liveness()
    due = await liveness.claim_due_offline(time.time())
    if due:
        still_away = set(due) - await liveness.live(due)
        for row in await Presence.filter(user_id__in=list(still_away)):
            ctx = Context.for_system(row.company_id)
            async with unit_of_work(ctx):
                locked = await Presence.filter(user_id=row.user_id).select_for_update().first()
                if locked is not None and locked.shown != PresenceStatus.OFFLINE:
                    changed += await _show(ctx, locked, PresenceStatus.OFFLINE, now)
                    await locked.save()
    for row in await Presence.filter(returns_at__lte=now):
        ctx = Context.for_system(row.company_id)
        async with unit_of_work(ctx):
            # The conditional UPDATE decides which process returns him; the others skip.
            claimed = await Presence.filter(
                user_id=row.user_id, returns_at__lte=now, chosen=PresenceStatus.BE_RIGHT_BACK
            ).update(chosen=row.returns_to or PresenceStatus.ONLINE, returns_at=None)
            if not claimed:
                continue
            locked = await Presence.get(user_id=row.user_id)
            locked.returns_to = None
            live = bool(await liveness.live([row.user_id]))
            seen = locked.shown != PresenceStatus.OFFLINE  # connected or within the grace period
            changed += await _show(ctx, locked, _visible(locked.chosen, live, seen), now)
            await locked.save()
    return changed


async def reassert(user_ids: set[int]) -> None:
    """Users with a live socket here who are shown OFFLINE (the liveness store lost them, say
    in a Redis restart, and a grace period ran out) get their chosen status back (the system
    acts)."""
    if not user_ids:
        return
    stale = await Presence.filter(user_id__in=list(user_ids), shown=PresenceStatus.OFFLINE).exclude(
        chosen=PresenceStatus.OFFLINE
    )
    for row in stale:
        ctx = Context.for_system(row.company_id)
        async with unit_of_work(ctx):
            locked = await Presence.filter(user_id=row.user_id).select_for_update().get()
            await _show(ctx, locked, locked.chosen, clock.now())
            await locked.save()
