"""The audit log any domain's record can have: the columns every log entry shares.

A domain's log is one concrete subclass: its table, the foreign key to its record (named by
`record_field`) and an index on (company_id, that key, id); resolvers/audit.py writes and
reads it, and says step by step how a domain adds its log.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from models.accounts import User


class AuditEntry(Model):
    """One change to a record: who, when, what was done, and each field before and after."""

    id = fields.IntField(primary_key=True)
    company_id = fields.IntField()
    actor: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    actor_id: int | None
    action = fields.CharField(max_length=32)
    changes: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    at = fields.DatetimeField()

    # The name of the subclass's foreign key to the logged record ("ticket", "chat", ...).
    record_field: ClassVar[str]

    class Meta:
        abstract = True
