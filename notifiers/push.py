"""The mobile push channel: one message per registered device, in the shape of FCM HTTP v1.

FRONTDESK_PUSH_URL is the provider's send endpoint (for FCM
`https://fcm.googleapis.com/v1/projects/PROJECT/messages:send`), FRONTDESK_PUSH_TOKEN the
bearer token it wants. A token the provider calls unknown or invalid (404 UNREGISTERED, 400
INVALID_ARGUMENT) is removed; 429, 5xx and network failures are retried, without sending
again to the devices that already got the message.
"""

from __future__ import annotations

from typing import Any

import httpx

from models.accounts import User
from models.notifications import Delivery, Device
from notifiers.channels import DeliveryFailed, texts_of
from settings import Settings

_SENT = "_sent_to_devices"  # in a delivery's params: devices done by an earlier attempt
_INVALID_TOKEN = {"UNREGISTERED", "INVALID_ARGUMENT", "NOT_FOUND"}


def fcm_message(token: str, title: str, body: str, delivery: Delivery) -> dict[str, Any]:
    """The body FCM HTTP v1 `messages:send` takes."""
    data = {"event": delivery.kind, "deliveryId": str(delivery.pk)}
    if delivery.subject_id:
        data["subjectId"] = delivery.subject_id
    return {
        "message": {
            "token": token,
            "notification": {"title": title, "body": body},
            "data": data,
        }
    }


def _error_codes(response: httpx.Response) -> set[str]:
    try:
        error = response.json().get("error", {})
    except ValueError:
        return set()
    codes = {str(error.get("status", ""))}
    for detail in error.get("details", []) or []:
        if isinstance(detail, dict) and detail.get("errorCode"):
            codes.add(str(detail["errorCode"]))
    return codes


class PushChannel:
    def __init__(self, settings: Settings) -> None:
        self.url = settings.push_url
        token = settings.push_token.get_secret_value() if settings.push_token else None
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._client: httpx.AsyncClient | None = None

    @property
    def client(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = httpx.AsyncClient(timeout=10, headers=self.headers)
        return self._client

    async def send(self, delivery: Delivery, user: User) -> None:
        devices = await Device.filter(user_id=user.pk).order_by("id")
        if not devices:
            return  # nothing to push to: delivered to every device he has
        if self.url is None:
            raise DeliveryFailed("FRONTDESK_PUSH_URL is not set")
        title, body = texts_of(delivery, user)
        done = set(delivery.params.get(_SENT, []))
        failures = []
        for device in devices:
            if device.pk in done:
                continue
            try:
                response = await self.client.post(
                    self.url, json=fcm_message(device.token, title, body, delivery)
                )
            except httpx.HTTPError as exc:
                failures.append(f"{type(exc).__name__}: {exc}")
                continue
            if response.status_code < 300:
                done.add(device.pk)
            elif response.status_code in (400, 404) and _error_codes(response) & _INVALID_TOKEN:
                await Device.filter(id=device.pk).delete()  # the app was uninstalled
            else:
                failures.append(f"HTTP {response.status_code}")
        if failures:
            await Delivery.filter(id=delivery.pk).update(
                params={**delivery.params, _SENT: sorted(done)}
            )
            raise DeliveryFailed(f"push provider: {'; '.join(failures)}")

    async def close(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None
