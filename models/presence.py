"""Presence: each user's chosen and shown status, and every interval a status was shown."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from models.accounts import Company, User


class PresenceStatus(enum.StrEnum):
    ONLINE = "ONLINE"
    BUSY = "BUSY"
    BE_RIGHT_BACK = "BE_RIGHT_BACK"
    OFFLINE = "OFFLINE"


class Presence(Model):
    """One row per user: what he chose, and what teammates see (OFFLINE once he is gone)."""

    user: fields.OneToOneRelation[User] = fields.OneToOneField(
        "models.User", related_name="presence_state", primary_key=True, on_delete=fields.CASCADE
    )
    user_id: int
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="presences", on_delete=fields.CASCADE
    )
    company_id: int
    chosen = fields.CharEnumField(PresenceStatus, max_length=16, default=PresenceStatus.OFFLINE)
    # A BE_RIGHT_BACK with an end: the status to return to, and when.
    # Nullable: tortoise's CharEnumField has no `null=True` overload to say so.
    returns_to: fields.Field[PresenceStatus | None] = fields.CharEnumField(  # type: ignore[assignment]
        PresenceStatus, max_length=16, null=True
    )
    returns_at = fields.DatetimeField(null=True)
    shown = fields.CharEnumField(PresenceStatus, max_length=16, default=PresenceStatus.OFFLINE)
    shown_since = fields.DatetimeField()

    class Meta:
        table = "presence"
        indexes = (("company_id", "shown"), ("returns_at",))


class PresenceInterval(Model):
    """A span during which a user was shown one status; `ended_at` is null for the current one."""

    id = fields.BigIntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="presence_intervals", on_delete=fields.CASCADE
    )
    user_id: int
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="presence_intervals", on_delete=fields.CASCADE
    )
    company_id: int
    status = fields.CharEnumField(PresenceStatus, max_length=16)
    started_at = fields.DatetimeField()
    ended_at = fields.DatetimeField(null=True)

    class Meta:
        table = "presence_interval"
        indexes = (("company_id", "user_id", "started_at"), ("user_id", "ended_at"))
