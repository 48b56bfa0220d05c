"""Notifications in GraphQL: the settings matrix, the in-app feed and its live stream,
devices for push, and what admins see (audience, deliveries)."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from models import notifications as models
from models.accounts import User as UserRow
from resolvers import notifications
from schema.base import Connection, Info, IsAdmin, IsAuthenticated, ModelNode, Payload, mutation
from schema.inputs import NodeId
from schema.preload import preload
from schema.relations import One, relation
from schema.streams import stream
from subscriptions.notifications import NotificationReceived, notification_topic

if TYPE_CHECKING:
    from schema.accounts import User

# The models' enums as GraphQL enums: strawberry.enum marks the class in place, and the
# schema's name is an alias of it (a type mypy understands).
NotificationChannel = models.NotificationChannel
strawberry.enum(
    NotificationChannel,
    description="How a notification reaches a user: EMAIL, IN_APP (the feed and "
    "notificationReceived) or MOBILE_PUSH.",
)
NotificationCategory = models.NotificationCategory
strawberry.enum(
    NotificationCategory, description="The group an event is shown under in the settings."
)
NotificationEvent = models.NotificationEvent
strawberry.enum(NotificationEvent, description="Something a user can be notified of.")
DevicePlatform = models.DevicePlatform
strawberry.enum(DevicePlatform, description="The kind of device a push token belongs to.")
DeliveryStatus = models.DeliveryStatus
strawberry.enum(
    DeliveryStatus,
    description="Where a delivery stands: PENDING (waiting for its next attempt), SENDING, "
    "DELIVERED, or FAILED (after its last attempt, or a failure that cannot be retried).",
)


@strawberry.type(description="One cell of the settings matrix.")
class NotificationPreference:
    event: NotificationEvent = strawberry.field(description="The event.")
    category: NotificationCategory = strawberry.field(description="The event's category.")
    channel: NotificationChannel = strawberry.field(description="The channel.")
    enabled: bool = strawberry.field(description="Whether the event reaches you on the channel.")


@strawberry.type(description="The settings of one category, as a settings page shows them.")
class NotificationCategorySettings:
    category: NotificationCategory = strawberry.field(description="The category.")
    preferences: list[NotificationPreference] = strawberry.field(
        description="Each event of the category on each channel."
    )


@strawberry.type(
    description="Which events reach you on which channel. Security mails (invitation, "
    "password changed, new sign-in) are always sent and are not part of it."
)
class NotificationSettings:
    preferences: list[NotificationPreference] = strawberry.field(
        description="Every event on every channel, in the settings page's order."
    )

    @strawberry.field(description="The same cells grouped by category, in the page's order.")
    def categories(self) -> list[NotificationCategorySettings]:
        groups: dict[models.NotificationCategory, list[NotificationPreference]] = {}
        for preference in self.preferences:
            groups.setdefault(preference.category, []).append(preference)
        return [
            NotificationCategorySettings(category=category, preferences=cells)
            for category, cells in groups.items()
        ]

    @classmethod
    def of(cls, matrix: list[notifications.Preference]) -> NotificationSettings:
        return cls(
            preferences=[
                NotificationPreference(
                    event=p.event, category=p.category, channel=p.channel, enabled=p.enabled
                )
                for p in matrix
            ]
        )


@strawberry.type(description="An entry of your in-app notifications.")
class Notification(ModelNode):
    __model__ = models.Notification

    event: NotificationEvent = strawberry.field(description="What happened.")
    title: str = strawberry.field(description="A short title, in your language.")
    body: str = strawberry.field(description="The text, in your language.")
    created_at: datetime = strawberry.field(description="When it was notified.")
    read_at: datetime | None = strawberry.field(description="When you marked it read.")
    subject_id: strawberry.ID | None = strawberry.field(
        description="The ID of what it is about (a chat, a ticket, ...), to open it."
    )


@strawberry.type(description="A device that receives mobile pushes.")
class Device:
    platform: DevicePlatform = strawberry.field(description="ANDROID, IOS or WEB.")
    token: str = strawberry.field(description="The push provider's token of the app install.")
    created_at: datetime = strawberry.field(description="When it was first registered.")
    last_seen_at: datetime = strawberry.field(description="When it was last registered.")


@strawberry.type(description="How an event would reach one user, and why not elsewhere.")
class NotificationAudienceMember:
    user_row: strawberry.Private[object]
    channels: list[NotificationChannel] = strawberry.field(
        description="The channels it would reach him on."
    )
    switched_off: list[NotificationChannel] = strawberry.field(
        description="The channels his settings switch the event off on."
    )
    mobile_devices: int = strawberry.field(
        description="His registered devices: MOBILE_PUSH reaches him only with at least one."
    )

    @strawberry.field(description="The user.")
    def user(self) -> Annotated[User, strawberry.lazy("schema.accounts")]:
        return self.user_row  # type: ignore[return-value]


@strawberry.type(description="One notification to deliver to one user on one channel.")
class NotificationDelivery:
    id: strawberry.ID = strawberry.field(description="The delivery's number.")
    kind: str = strawberry.field(description="The event, or the security mail (INVITATION, ...).")
    channel: NotificationChannel = strawberry.field(description="The channel.")
    status: DeliveryStatus = strawberry.field(description="Where it stands.")
    attempts: int = strawberry.field(description="How many attempts were made.")
    last_error: str | None = strawberry.field(description="Why the last attempt failed.")
    created_at: datetime = strawberry.field(description="When it was queued.")
    next_attempt_at: datetime = strawberry.field(description="When the next attempt is due.")
    delivered_at: datetime | None = strawberry.field(description="When it was delivered.")

    recipient: Annotated[User, strawberry.lazy("schema.accounts")] = relation(
        One(UserRow, "user_id"), description="Whom it is for."
    )


@strawberry.input(description="Switch one event on or off for one channel.")
class NotificationPreferenceInput:
    event: NotificationEvent = strawberry.field(description="The event.")
    channel: NotificationChannel = strawberry.field(description="The channel.")
    enabled: bool = strawberry.field(description="On or off.")


@strawberry.input(description="The cells to change; the others stay as they are.")
class UpdateNotificationSettingsInput:
    preferences: list[NotificationPreferenceInput] = strawberry.field(
        description="At least one; each event and channel at most once."
    )


@strawberry.type(description="Your settings after the change.")
class UpdateNotificationSettingsPayload(Payload):
    settings: NotificationSettings | None = strawberry.field(
        default=None, description="The whole matrix after the change."
    )


@strawberry.input(description="Which notifications to mark read: `ids`, or `all`.")
class MarkNotificationsReadInput:
    ids: list[NodeId[Notification]] | None = strawberry.field(
        default=None, description="Notifications of yours."
    )
    all: bool = strawberry.field(default=False, description="Every notification of yours.")


@strawberry.type(description="Your unread count after marking.")
class MarkNotificationsReadPayload(Payload):
    unread_count: int | None = strawberry.field(
        default=None, description="How many of your notifications are still unread."
    )


@strawberry.input(description="A device to receive mobile pushes on.")
class RegisterDeviceInput:
    platform: DevicePlatform = strawberry.field(description="ANDROID, IOS or WEB.")
    token: str = strawberry.field(description="The push provider's token (at most 512 chars).")


@strawberry.type(description="The registered device.")
class RegisterDevicePayload(Payload):
    device: Device | None = strawberry.field(default=None, description="The device.")


@strawberry.input(description="A device of yours that should get no more pushes.")
class UnregisterDeviceInput:
    token: str = strawberry.field(description="The token it was registered with.")


@strawberry.type(description="The answer of unregisterDevice.")
class UnregisterDevicePayload(Payload):
    pass


@strawberry.type
class NotificationsQuery:
    @strawberry.field(
        description="Which events reach you on which channel.",
        permission_classes=[IsAuthenticated],
    )
    async def notification_settings(self, info: Info) -> NotificationSettings:
        return NotificationSettings.of(await notifications.notification_settings(info.context))

    @strawberry.field(
        description="Your in-app notifications, newest first; `unreadOnly` keeps the unread.",
        permission_classes=[IsAuthenticated],
    )
    async def notifications(
        self,
        info: Info,
        unread_only: bool | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Notification]:
        page = await notifications.list_notifications(
            info.context, unread_only=bool(unread_only), first=first, after=after
        )
        await preload(info, page)
        return Connection.of(page)  # type: ignore[no-any-return]

    @strawberry.field(
        description="How many of your notifications are unread.",
        permission_classes=[IsAuthenticated],
    )
    async def unread_notification_count(self, info: Info) -> int:
        return await notifications.unread_count(info.context)

    @strawberry.field(
        description="OWNER and ADMIN: who of the company would get `event`, on which channels, "
        "and why not on the others.",
        permission_classes=[IsAdmin],
    )
    async def notification_audience(
        self, info: Info, event: NotificationEvent
    ) -> list[NotificationAudienceMember]:
        members = await notifications.notification_audience(info.context, event)
        return [
            NotificationAudienceMember(
                user_row=m.user,
                channels=m.channels,
                switched_off=m.switched_off,
                mobile_devices=m.mobile_devices,
            )
            for m in members
        ]

    @strawberry.field(
        description="OWNER and ADMIN: the company's notification deliveries, newest first; "
        "`status: [FAILED]` lists those that gave up.",
        permission_classes=[IsAdmin],
    )
    async def notification_deliveries(
        self,
        info: Info,
        status: list[DeliveryStatus] | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[NotificationDelivery]:
        page = await notifications.list_deliveries(
            info.context, statuses=status, first=first, after=after
        )
        await preload(info, page)
        return Connection.of(page)  # type: ignore[no-any-return]


@strawberry.type
class NotificationsMutation:
    @mutation(
        description="Switch events on or off per channel; cells not named stay.",
        permission_classes=[IsAuthenticated],
    )
    async def update_notification_settings(
        self, info: Info, input: UpdateNotificationSettingsInput
    ) -> UpdateNotificationSettingsPayload:
        matrix = await notifications.update_notification_settings(
            info.context, [(p.event, p.channel, p.enabled) for p in input.preferences]
        )
        return UpdateNotificationSettingsPayload(settings=NotificationSettings.of(matrix))

    @mutation(
        description="Mark notifications of yours read (`ids`), or all of them (`all: true`).",
        permission_classes=[IsAuthenticated],
    )
    async def mark_notifications_read(
        self, info: Info, input: MarkNotificationsReadInput
    ) -> MarkNotificationsReadPayload:
        count = await notifications.mark_read(info.context, ids=input.ids, everything=input.all)
        return MarkNotificationsReadPayload(unread_count=count)

    @mutation(
        description="Receive mobile pushes on this device (again after a token change).",
        permission_classes=[IsAuthenticated],
    )
    async def register_device(
        self, info: Info, input: RegisterDeviceInput
    ) -> RegisterDevicePayload:
        device = await notifications.register_device(
            info.context, platform=input.platform, token=input.token
        )
        return RegisterDevicePayload(device=device)  # type: ignore[arg-type]

    @mutation(
        description="No more pushes to this device (on signing out in the app).",
        permission_classes=[IsAuthenticated],
    )
    async def unregister_device(
        self, info: Info, input: UnregisterDeviceInput
    ) -> UnregisterDevicePayload:
        await notifications.unregister_device(info.context, token=input.token)
        return UnregisterDevicePayload()


@strawberry.type
class NotificationsSubscription:
    @strawberry.subscription(
        description="Your in-app notifications as they arrive (only events you have on IN_APP).",
        permission_classes=[IsAuthenticated],
    )
    def notification_received(self, info: Info) -> AsyncGenerator[Notification, None]:
        # Never shared (schema/fanout.py): the entry is the user's alone, and teammates with
        # equal sharing keys must not get it.
        user = info.context.require_user()
        return stream(info, notification_topic(user.pk), _pushed_entry, shared=False)


async def _pushed_entry(event: NotificationReceived) -> Notification | None:
    """The feed entry to push, unless its user switched the event off IN_APP since."""
    if not await event.still_wanted():
        return None
    return await event.entry()  # type: ignore[return-value]
