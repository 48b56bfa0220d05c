"""The in-app channel: an entry in the recipient's feed, and notificationReceived live."""

from __future__ import annotations

from models.accounts import User
from models.notifications import Delivery, Notification
from notifiers.channels import DeliveryFailed, texts_of
from subscriptions.bus import EventBus
from subscriptions.notifications import NotificationReceived


class InAppChannel:
    def __init__(self, bus: EventBus | None) -> None:
        self.bus = bus  # None: a process without one (the feed entry is all there is)

    async def send(self, delivery: Delivery, user: User) -> None:
        title, body = texts_of(delivery, user)
        # Keyed by the delivery: an attempt repeated after a crash adds no second entry.
        entry, _ = await Notification.get_or_create(
            delivery_id=delivery.pk,
            defaults={
                "company_id": delivery.company_id,
                "user_id": user.pk,
                "event": delivery.kind,
                "title": title,
                "body": body,
                "subject_id": delivery.subject_id,
            },
        )
        event = NotificationReceived(
            company_id=delivery.company_id,
            user_id=user.pk,
            notification_id=entry.pk,
            event=delivery.kind,
        )
        # The entry is stored; the live event is retried until the bus takes it (Redis down).
        if self.bus is not None and not await self.bus.publish(event):
            raise DeliveryFailed("the event bus did not take notificationReceived")

    async def close(self) -> None:
        pass
