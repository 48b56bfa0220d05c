"""Notifications: each user's settings matrix, the in-app feed, the outbox of deliveries,
and the devices that receive mobile push."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from models.accounts import Company, User


class NotificationChannel(enum.StrEnum):
    EMAIL = "EMAIL"
    IN_APP = "IN_APP"
    MOBILE_PUSH = "MOBILE_PUSH"


class NotificationCategory(enum.StrEnum):
    BASIC_FUNCTIONS = "BASIC_FUNCTIONS"
    CRM_OPERATIONS = "CRM_OPERATIONS"
    COMPANY_OPERATIONS = "COMPANY_OPERATIONS"
    CHATBOT_OPERATIONS = "CHATBOT_OPERATIONS"
    WHATSAPP_OPERATIONS = "WHATSAPP_OPERATIONS"
    RESERVATION_OPERATIONS = "RESERVATION_OPERATIONS"
    VISITOR_AND_MESSAGE = "VISITOR_AND_MESSAGE"
    OTHER = "OTHER"


class NotificationEvent(enum.StrEnum):
    """The events of the settings matrix (resolvers.notifications gives each its category)."""

    NEW_MESSAGE = "NEW_MESSAGE"
    NEW_CHAT = "NEW_CHAT"
    VISITOR_ARRIVED = "VISITOR_ARRIVED"
    NEW_TICKET = "NEW_TICKET"
    DIRECT_MESSAGE = "DIRECT_MESSAGE"
    CHAT_ASSIGNED_TO_ME = "CHAT_ASSIGNED_TO_ME"
    TICKET_ASSIGNED_TO_ME = "TICKET_ASSIGNED_TO_ME"
    CUSTOMER_CREATED = "CUSTOMER_CREATED"
    CONTRACT_EXPIRING = "CONTRACT_EXPIRING"
    INVOICE_ISSUED = "INVOICE_ISSUED"
    PAYMENT_FAILED = "PAYMENT_FAILED"
    USER_JOINED = "USER_JOINED"
    CHATBOT_HANDOVER = "CHATBOT_HANDOVER"
    WHATSAPP_MESSAGE = "WHATSAPP_MESSAGE"
    WHATSAPP_BALANCE_LOW = "WHATSAPP_BALANCE_LOW"
    RESERVATION_CREATED = "RESERVATION_CREATED"
    RESERVATION_CANCELLED = "RESERVATION_CANCELLED"


_C, _E = NotificationCategory, NotificationEvent
# The settings page's rows: every event, in the order shown, under its category.
CATEGORY_OF: dict[NotificationEvent, NotificationCategory] = {
    _E.CHAT_ASSIGNED_TO_ME: _C.BASIC_FUNCTIONS,
    _E.TICKET_ASSIGNED_TO_ME: _C.BASIC_FUNCTIONS,
    _E.CUSTOMER_CREATED: _C.CRM_OPERATIONS,
    _E.CONTRACT_EXPIRING: _C.CRM_OPERATIONS,
    _E.INVOICE_ISSUED: _C.COMPANY_OPERATIONS,
    _E.PAYMENT_FAILED: _C.COMPANY_OPERATIONS,
    _E.USER_JOINED: _C.COMPANY_OPERATIONS,
    _E.CHATBOT_HANDOVER: _C.CHATBOT_OPERATIONS,
    _E.WHATSAPP_MESSAGE: _C.WHATSAPP_OPERATIONS,
    _E.WHATSAPP_BALANCE_LOW: _C.WHATSAPP_OPERATIONS,
    _E.RESERVATION_CREATED: _C.RESERVATION_OPERATIONS,
    _E.RESERVATION_CANCELLED: _C.RESERVATION_OPERATIONS,
    _E.NEW_MESSAGE: _C.VISITOR_AND_MESSAGE,
    _E.NEW_CHAT: _C.VISITOR_AND_MESSAGE,
    _E.VISITOR_ARRIVED: _C.VISITOR_AND_MESSAGE,
    _E.NEW_TICKET: _C.OTHER,
    _E.DIRECT_MESSAGE: _C.OTHER,
}
_ALL_CHANNELS = ("EMAIL", "IN_APP", "MOBILE_PUSH")
# A new user's matrix: everything in the app; mails only for what is his alone or costs
# money; pushes for what needs a quick answer.
DEFAULT_CHANNELS: dict[NotificationEvent, frozenset[str]] = {
    event: frozenset({"IN_APP"}) for event in CATEGORY_OF
} | {
    _E.CHAT_ASSIGNED_TO_ME: frozenset(_ALL_CHANNELS),
    _E.TICKET_ASSIGNED_TO_ME: frozenset(_ALL_CHANNELS),
    _E.DIRECT_MESSAGE: frozenset(_ALL_CHANNELS),
    _E.CHATBOT_HANDOVER: frozenset({"IN_APP", "MOBILE_PUSH"}),
    _E.NEW_CHAT: frozenset({"IN_APP", "MOBILE_PUSH"}),
    _E.CONTRACT_EXPIRING: frozenset({"IN_APP", "EMAIL"}),
    _E.INVOICE_ISSUED: frozenset({"IN_APP", "EMAIL"}),
    _E.PAYMENT_FAILED: frozenset({"IN_APP", "EMAIL"}),
    _E.WHATSAPP_BALANCE_LOW: frozenset({"IN_APP", "EMAIL"}),
    _E.VISITOR_ARRIVED: frozenset(),  # frequent: off until he asks for it
}


class SecurityMail(enum.StrEnum):
    """Mails that are always sent, whatever the settings: not part of the matrix."""

    INVITATION = "INVITATION"
    PASSWORD_CHANGED = "PASSWORD_CHANGED"
    NEW_LOGIN = "NEW_LOGIN"
    PASSWORD_RESET = "PASSWORD_RESET"


class DevicePlatform(enum.StrEnum):
    ANDROID = "ANDROID"
    IOS = "IOS"
    WEB = "WEB"


class DeliveryStatus(enum.StrEnum):
    PENDING = "PENDING"  # waiting for its next attempt (next_attempt_at)
    SENDING = "SENDING"  # claimed by a dispatcher until lease_expires_at
    DELIVERED = "DELIVERED"
    FAILED = "FAILED"  # the last attempt failed, or the failure cannot be retried


class NotificationPreference(Model):
    """A user's explicit choice for one event on one channel; absent means the default."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name=False, on_delete=fields.CASCADE
    )
    company_id: int
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="notification_preferences", on_delete=fields.CASCADE
    )
    user_id: int
    event = fields.CharEnumField(NotificationEvent, max_length=32)
    channel = fields.CharEnumField(NotificationChannel, max_length=16)
    enabled = fields.BooleanField()

    class Meta:
        table = "notification_preference"
        unique_together = (("user_id", "event", "channel"),)
        indexes = (("company_id", "event"),)


class Notification(Model):
    """One entry of a user's in-app feed."""

    id = fields.BigIntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name=False, on_delete=fields.CASCADE
    )
    company_id: int
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="notifications", on_delete=fields.CASCADE
    )
    user_id: int
    event = fields.CharEnumField(NotificationEvent, max_length=32)
    title = fields.CharField(max_length=200)
    body = fields.TextField()
    subject_id = fields.CharField(max_length=64, null=True)
    # The outbox delivery that made it: a delivery retried after a crash adds no second entry.
    delivery_id = fields.BigIntField(unique=True, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    read_at = fields.DatetimeField(null=True)

    class Meta:
        table = "notification"
        indexes = (("company_id", "user_id", "id"), ("user_id", "read_at"))


class Delivery(Model):
    """The outbox: one notification to deliver to one user on one channel, written in the
    transaction of the change that caused it, and claimed by one dispatcher at a time."""

    id = fields.BigIntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name=False, on_delete=fields.CASCADE
    )
    company_id: int
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="deliveries", on_delete=fields.CASCADE
    )
    user_id: int
    channel = fields.CharEnumField(NotificationChannel, max_length=16)
    # A NotificationEvent, or a SecurityMail on the EMAIL channel.
    kind = fields.CharField(max_length=32)
    subject_id = fields.CharField(max_length=64, null=True)
    # The values the message texts name; emptied once delivered (an invitation's token).
    params: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    status = fields.CharEnumField(DeliveryStatus, max_length=16, default=DeliveryStatus.PENDING)
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField()
    lease_token = fields.CharField(max_length=32, null=True)
    lease_expires_at = fields.DatetimeField(null=True)
    last_error = fields.CharField(max_length=500, null=True)
    delivered_by = fields.CharField(max_length=64, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    delivered_at = fields.DatetimeField(null=True)

    class Meta:
        table = "notification_delivery"
        indexes = (
            ("status", "next_attempt_at"),
            ("status", "lease_expires_at"),
            ("status", "delivered_at"),  # the hourly removal of old delivered rows
            ("company_id", "status", "id"),
            ("lease_token",),
        )


class Device(Model):
    """A mobile (or web) push token of a user."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name=False, on_delete=fields.CASCADE
    )
    company_id: int
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="devices", on_delete=fields.CASCADE
    )
    user_id: int
    platform = fields.CharEnumField(DevicePlatform, max_length=16)
    # A push token names one app install: a token registered again moves to the new user.
    token = fields.CharField(max_length=512, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    last_seen_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "device"
        indexes = (("company_id", "user_id"),)
