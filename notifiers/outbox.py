"""The outbox: deliveries written in the producer's transaction, claimed by one dispatcher each.

A claim is a conditional UPDATE that works on both dialects: a row is taken only while it is
due (PENDING and its next attempt has come, or SENDING with an expired lease, which is how a
delivery of a process that died comes back) and gets this claim's lease token. On PostgreSQL
the candidates are chosen with FOR UPDATE SKIP LOCKED, so concurrent dispatchers pass each
other's rows instead of waiting for them.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from tortoise import connections
from tortoise.expressions import F, Q

from models import clock
from models.notifications import Delivery, DeliveryStatus

# Set when this process committed new deliveries: its dispatcher (if it runs one) looks now.
_wake: asyncio.Event | None = None


def wake_signal() -> asyncio.Event:
    """The event a dispatcher of this process waits on between polls."""
    global _wake
    if _wake is None:
        _wake = asyncio.Event()
    return _wake


async def wake() -> None:
    """After a commit: tell this process's dispatcher there is something to deliver."""
    wake_signal().set()


async def enqueue(deliveries: Sequence[Delivery]) -> None:
    """Write deliveries (inside the caller's transaction: they exist only if it commits)."""
    if deliveries:
        await Delivery.bulk_create(list(deliveries))


def new_delivery(
    *,
    company_id: int,
    user_id: int,
    channel: str,
    kind: str,
    subject_id: str | None = None,
    params: dict[str, Any] | None = None,
) -> Delivery:
    """An unsaved outbox row, due at once."""
    return Delivery(
        company_id=company_id,
        user_id=user_id,
        channel=channel,
        kind=kind,
        subject_id=subject_id,
        params=params or {},
        status=DeliveryStatus.PENDING,
        attempts=0,
        next_attempt_at=clock.now(),
    )


def _due(now: datetime) -> Q:
    return Q(status=DeliveryStatus.PENDING, next_attempt_at__lte=now) | Q(
        status=DeliveryStatus.SENDING, lease_expires_at__lte=now
    )


_CLAIM_POSTGRES = """
UPDATE notification_delivery
SET status = 'SENDING', lease_token = $1, lease_expires_at = $2, attempts = attempts + 1
WHERE id IN (
    SELECT id FROM notification_delivery
    WHERE (status = 'PENDING' AND next_attempt_at <= $3)
       OR (status = 'SENDING' AND lease_expires_at <= $3)
    ORDER BY id
    LIMIT $4
    FOR UPDATE SKIP LOCKED
)
AND (
    (status = 'PENDING' AND next_attempt_at <= $3)
    OR (status = 'SENDING' AND lease_expires_at <= $3)
)
"""


async def claim(limit: int, lease_seconds: float) -> tuple[str, list[Delivery]]:
    """Up to `limit` due deliveries, now leased to the caller; (lease token, rows)."""
    token = uuid.uuid4().hex
    now = clock.now()
    lease_until = now + timedelta(seconds=lease_seconds)
    connection = connections.get("default")
    if connection.capabilities.dialect == "postgres":
        await connection.execute_query(_CLAIM_POSTGRES, [token, lease_until, now, limit])
    else:
        due = Delivery.filter(_due(now)).order_by("id").limit(limit)
        candidates = await due.values_list("id", flat=True)
        if candidates:
            # Conditional: a row another dispatcher took meanwhile is no longer due.
            await Delivery.filter(_due(now), id__in=list(candidates)).update(
                status=DeliveryStatus.SENDING,
                lease_token=token,
                lease_expires_at=lease_until,
                attempts=F("attempts") + 1,
            )
    rows = await Delivery.filter(lease_token=token).order_by("id").select_related("user")
    return token, list(rows)


async def give_up_abandoned(max_attempts: int) -> int:
    """Deliveries whose dispatcher died during their last allowed attempt: FAILED, rather
    than taken again after every lease (a delivery that kills its process would loop)."""
    return await Delivery.filter(
        status=DeliveryStatus.SENDING, lease_expires_at__lte=clock.now(), attempts__gte=max_attempts
    ).update(
        status=DeliveryStatus.FAILED,
        lease_token=None,
        lease_expires_at=None,
        last_error="the dispatcher stopped during the last attempt",
    )


async def purge_delivered(older_than: timedelta) -> int:
    """Forget deliveries done longer ago than `older_than` (the feed keeps its entries)."""
    return await Delivery.filter(
        status=DeliveryStatus.DELIVERED, delivered_at__lt=clock.now() - older_than
    ).delete()


async def delivered(delivery: Delivery, token: str, by: str) -> bool:
    """Mark a leased delivery done (its params forgotten); False when the lease was lost."""
    updated = await Delivery.filter(id=delivery.pk, lease_token=token).update(
        status=DeliveryStatus.DELIVERED,
        lease_token=None,
        lease_expires_at=None,
        delivered_at=clock.now(),
        delivered_by=by[:64],
        params={},
        last_error=None,
    )
    return bool(updated)


async def attempt_failed(
    delivery: Delivery,
    token: str,
    error: str,
    *,
    retry: bool,
    max_attempts: int,
    backoff: float,
) -> DeliveryStatus:
    """Record a failed attempt: back to PENDING after a backoff, or FAILED for good."""
    final = not retry or delivery.attempts >= max_attempts
    status = DeliveryStatus.FAILED if final else DeliveryStatus.PENDING
    delay = backoff * 2 ** max(delivery.attempts - 1, 0)
    await Delivery.filter(id=delivery.pk, lease_token=token).update(
        status=status,
        lease_token=None,
        lease_expires_at=None,
        next_attempt_at=clock.now() + timedelta(seconds=min(delay, 86_400)),
        last_error=error[:500],
    )
    return status
