"""Companies, their users, login sessions and one-time invitation and password-reset tokens."""

from __future__ import annotations

import enum

from tortoise import fields
from tortoise.models import Model


class Role(enum.StrEnum):
    OWNER = "OWNER"
    ADMIN = "ADMIN"
    AGENT = "AGENT"


class Company(Model):
    """A tenant: every business row belongs to exactly one company."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=200)
    default_language = fields.CharField(max_length=8, default="en")
    timezone = fields.CharField(max_length=64, default="UTC")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "company"


class User(Model):
    """A person who works in a company: its owner, an admin or an agent."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="users", on_delete=fields.CASCADE
    )
    company_id: int
    # Unique over the platform: login takes only an e-mail, not a company.
    email = fields.CharField(max_length=254, unique=True)
    full_name = fields.CharField(max_length=200)
    phone = fields.CharField(max_length=32, null=True)
    role = fields.CharEnumField(Role, max_length=16, default=Role.AGENT)
    language = fields.CharField(max_length=8, default="en")
    timezone = fields.CharField(max_length=64, default="UTC")
    # Null until an invited user sets a password.
    password_hash = fields.CharField(max_length=255, null=True)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    deactivated_at = fields.DatetimeField(null=True)

    class Meta:
        table = "user"
        indexes = (("company_id", "id"),)


class Session(Model):
    """One login on one device; its refresh tokens rotate and form one family."""

    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="sessions", on_delete=fields.CASCADE
    )
    user_id: int
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="sessions", on_delete=fields.CASCADE
    )
    company_id: int
    # SHA-256 of the current refresh token's secret part; older ones are reuse.
    refresh_token_hash = fields.CharField(max_length=64)
    generation = fields.IntField(default=0)
    user_agent = fields.CharField(max_length=300, null=True)
    ip_address = fields.CharField(max_length=64, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    last_used_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)
    revoked_reason = fields.CharField(max_length=32, null=True)

    class Meta:
        table = "session"
        indexes = (("user_id", "revoked_at"),)


class Invitation(Model):
    """A one-time token with which an invited user sets his password."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="invitations", on_delete=fields.CASCADE
    )
    user_id: int
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="invitations", on_delete=fields.CASCADE
    )
    company_id: int
    invited_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "invitation"


class PasswordReset(Model):
    """A mailed one-time token with which a user who forgot his password sets a new one."""

    # A newer request of the same user deletes his older unused ones (resolvers/accounts.py).

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="password_resets", on_delete=fields.CASCADE
    )
    company_id: int
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="password_resets", on_delete=fields.CASCADE
    )
    user_id: int
    # SHA-256 of the mailed token: a leaked table gives nobody a working token.
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "password_reset"
        indexes = (("company_id", "user_id"),)
