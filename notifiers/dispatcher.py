"""The dispatcher: claims due outbox rows and delivers each on its channel, with retries.

It runs inside `frontdesk serve` (FRONTDESK_SERVE_DISPATCHER, on by default) or as
`frontdesk worker` processes; any number of them may run against one database.
`deliver_due()` delivers what is due now and returns, for tests and `frontdesk worker --once`.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from datetime import timedelta

from models.notifications import Delivery, DeliveryStatus, NotificationChannel, SecurityMail
from notifiers import outbox
from notifiers.channels import Channel, DeliveryFailed
from notifiers.email import EmailChannel
from notifiers.in_app import InAppChannel
from notifiers.push import PushChannel
from settings import Settings
from subscriptions.bus import EventBus

logger = logging.getLogger("frontdesk.dispatcher")
BATCH_SIZE = 50
PURGE_INTERVAL = 3600.0  # seconds between removals of old delivered rows


class Dispatcher:
    def __init__(
        self, settings: Settings, *, bus: EventBus | None = None, name: str | None = None
    ) -> None:
        self.settings = settings
        self.name = name or f"{socket.gethostname()}:{os.getpid()}"
        self.channels: dict[NotificationChannel, Channel] = {
            NotificationChannel.EMAIL: EmailChannel(settings),
            NotificationChannel.IN_APP: InAppChannel(bus),
            NotificationChannel.MOBILE_PUSH: PushChannel(settings),
        }

    async def deliver_due(self) -> int:
        """Deliver every delivery that is due now; how many attempts were made."""
        await outbox.give_up_abandoned(self.settings.delivery_max_attempts)
        attempts = 0
        while True:
            token, rows = await outbox.claim(BATCH_SIZE, self.settings.delivery_lease)
            if not rows:
                return attempts
            # Users in parallel; each user's deliveries in the order they were queued, so his
            # feed, mails and pushes keep it.
            by_user: dict[int, list[Delivery]] = {}
            for row in rows:
                by_user.setdefault(row.user_id, []).append(row)
            await asyncio.gather(*(self._deliver_in_order(token, own) for own in by_user.values()))
            attempts += len(rows)

    async def _deliver_in_order(self, token: str, deliveries: list[Delivery]) -> None:
        for delivery in deliveries:
            await self._deliver(token, delivery)

    async def _deliver(self, token: str, delivery: Delivery) -> None:
        user = delivery.user
        try:
            if not user.is_active and delivery.kind not in SecurityMail.__members__:
                raise DeliveryFailed("the recipient is deactivated", retry=False)
            await self.channels[NotificationChannel(delivery.channel)].send(delivery, user)
        except Exception as exc:  # noqa: BLE001 - any failure is recorded and retried
            retry = exc.retry if isinstance(exc, DeliveryFailed) else True
            if not isinstance(exc, DeliveryFailed):
                logger.exception("delivery %s failed unexpectedly", delivery.pk)
            status = await outbox.attempt_failed(
                delivery,
                token,
                str(exc) or type(exc).__name__,
                retry=retry,
                max_attempts=self.settings.delivery_max_attempts,
                backoff=self.settings.delivery_backoff,
            )
            log = logger.error if status == DeliveryStatus.FAILED else logger.warning
            log(
                "delivery %s (%s to user %s) attempt %d: %s; now %s",
                delivery.pk,
                delivery.channel,
                delivery.user_id,
                delivery.attempts,
                exc,
                status,
            )
            return
        await outbox.delivered(delivery, token, self.name)

    async def run(self) -> None:
        """Deliver until cancelled: at once when this process committed deliveries, and every
        poll interval for those of other processes and retries that came due."""
        wake = outbox.wake_signal()
        purged_at = 0.0
        while True:
            wake.clear()
            try:
                await self.deliver_due()
                if time.monotonic() - purged_at >= PURGE_INTERVAL:
                    retention = timedelta(days=self.settings.delivery_retention_days)
                    await outbox.purge_delivered(retention)
                    purged_at = time.monotonic()
            except Exception:  # noqa: BLE001 - the database may be away; try again
                logger.exception("dispatcher: delivering failed; trying again")
            try:
                await asyncio.wait_for(wake.wait(), self.settings.dispatcher_poll_interval)
            except TimeoutError:
                pass

    async def close(self) -> None:
        for channel in self.channels.values():
            await channel.close()


_current: Dispatcher | None = None


def set_current_dispatcher(dispatcher: Dispatcher | None) -> None:
    global _current
    _current = dispatcher


def current_dispatcher() -> Dispatcher:
    """This process's dispatcher (set by the app's realtime parts or `frontdesk worker`)."""
    if _current is None:
        raise RuntimeError("no dispatcher in this process")
    return _current
