"""What every delivery channel shares: the failure it reports and the recipient's texts."""

from __future__ import annotations

from typing import Any, Protocol

from models.accounts import User
from models.notifications import Delivery
from notifiers.messages import event_texts


class Channel(Protocol):
    """What the dispatcher asks of a delivery channel."""

    async def send(self, delivery: Delivery, user: User) -> None:
        """Deliver one delivery to its recipient, or raise DeliveryFailed."""

    async def close(self) -> None:
        """Let go of connections and clients."""


class DeliveryFailed(Exception):
    """An attempt failed; `retry` False when trying again cannot help."""

    def __init__(self, reason: str, *, retry: bool = True) -> None:
        super().__init__(reason)
        self.retry = retry


def values_of(delivery: Delivery, user: User) -> dict[str, Any]:
    """The values a delivery's texts may name: the producer's, and the recipient's own."""
    return {**delivery.params, "name": user.full_name, "email": user.email}


def texts_of(delivery: Delivery, user: User) -> tuple[str, str]:
    """Title and body of a notification event, in the recipient's language."""
    return event_texts(delivery.kind, user.language, values_of(delivery, user))
