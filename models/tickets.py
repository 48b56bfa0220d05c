"""Support records: stages, tickets and what hangs on them, custom fields, and the audit log."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

from models.audit import AuditEntry

if TYPE_CHECKING:
    from models.accounts import Company, User
    from models.customers import ContactPerson, Customer


class StageKind(enum.StrEnum):
    OPEN = "OPEN"
    CLOSED = "CLOSED"


class Importance(enum.StrEnum):
    LOW = "LOW"
    NORMAL = "NORMAL"
    HIGH = "HIGH"
    URGENT = "URGENT"


class TicketSource(enum.StrEnum):
    WEB_SITE = "WEB_SITE"
    EMAIL = "EMAIL"
    PHONE = "PHONE"
    WHATSAPP = "WHATSAPP"
    CHAT = "CHAT"
    CHATBOT = "CHATBOT"
    MANUAL = "MANUAL"
    API = "API"


class FieldKind(enum.StrEnum):
    TEXT = "TEXT"
    NUMBER = "NUMBER"
    DATE = "DATE"
    BOOLEAN = "BOOLEAN"
    CHOICE = "CHOICE"


class LinkKind(enum.StrEnum):
    TICKET = "TICKET"
    CHAT = "CHAT"
    URL = "URL"


class Stage(Model):
    """A step of the company's ticket process; CLOSED stages end a ticket."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name=False, on_delete=fields.CASCADE
    )
    company_id: int
    name = fields.CharField(max_length=100)
    position = fields.IntField()
    kind = fields.CharEnumField(StageKind, max_length=8)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "stage"
        indexes = (("company_id", "position"),)


class TicketCounter(Model):
    """The last ticket number of a company (also: its tickets were set up, stages included)."""

    company_id = fields.IntField(primary_key=True, generated=False)
    last_number = fields.IntField(default=0)

    class Meta:
        table = "ticket_counter"


class CustomField(Model):
    """A field the company's admins defined for its tickets' parameters; an archived one is
    no longer offered nor required, and the values tickets have keep."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name=False, on_delete=fields.CASCADE
    )
    company_id: int
    key = fields.CharField(max_length=64)
    label = fields.CharField(max_length=200)
    kind = fields.CharEnumField(FieldKind, max_length=16)
    required = fields.BooleanField(default=False)
    choices: fields.JSONField[list[str]] = fields.JSONField(default=list)
    position = fields.IntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)
    archived_at = fields.DatetimeField(null=True)

    class Meta:
        table = "custom_field"
        unique_together = (("company_id", "key"),)


class Ticket(Model):
    """A support record of a customer, moving through the company's stages."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name=False, on_delete=fields.CASCADE
    )
    company_id: int
    number = fields.IntField()
    title = fields.CharField(max_length=200)
    description = fields.TextField()
    customer: fields.ForeignKeyRelation[Customer] = fields.ForeignKeyField(
        "models.Customer", related_name="tickets", on_delete=fields.RESTRICT
    )
    customer_id: int
    source = fields.CharEnumField(TicketSource, max_length=16)
    importance = fields.CharEnumField(Importance, max_length=8)
    stage: fields.ForeignKeyRelation[Stage] = fields.ForeignKeyField(
        "models.Stage", related_name="tickets", on_delete=fields.RESTRICT
    )
    stage_id: int
    assignee: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    assignee_id: int | None
    requester: fields.ForeignKeyNullableRelation[ContactPerson] = fields.ForeignKeyField(
        "models.ContactPerson", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    requester_id: int | None
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    created_by_id: int | None
    parameters: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    closed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "ticket"
        unique_together = (("company_id", "number"),)
        # One per filter of `tickets(filter:)`, each ending in the page order (id).
        indexes = (
            ("company_id", "id"),
            ("company_id", "stage_id", "id"),
            ("company_id", "assignee_id", "id"),
            ("company_id", "customer_id", "id"),
            ("company_id", "importance", "id"),
            ("company_id", "source", "id"),
            ("company_id", "closed_at", "id"),
        )


class TicketParameter(Model):
    """One custom-field value of a ticket, in canonical text form: what filters look up."""

    id = fields.IntField(primary_key=True)
    company_id = fields.IntField()
    ticket: fields.ForeignKeyRelation[Ticket] = fields.ForeignKeyField(
        "models.Ticket", related_name=False, on_delete=fields.CASCADE
    )
    ticket_id: int
    field: fields.ForeignKeyRelation[CustomField] = fields.ForeignKeyField(
        "models.CustomField", related_name=False, on_delete=fields.CASCADE
    )
    field_id: int
    value = fields.CharField(max_length=255)

    class Meta:
        table = "ticket_parameter"
        unique_together = (("ticket_id", "field_id"),)
        indexes = (("company_id", "field_id", "value", "ticket_id"),)


class TicketSearchTerm(Model):
    """A word of a ticket's title or description (case-folded): what text search looks up."""

    id = fields.IntField(primary_key=True)
    company_id = fields.IntField()
    ticket: fields.ForeignKeyRelation[Ticket] = fields.ForeignKeyField(
        "models.Ticket", related_name=False, on_delete=fields.CASCADE
    )
    ticket_id: int
    term = fields.CharField(max_length=64)

    class Meta:
        table = "ticket_search_term"
        indexes = (("company_id", "term", "ticket_id"), ("ticket_id",))


class TicketContact(Model):
    """A contact person involved in a ticket."""

    id = fields.IntField(primary_key=True)
    company_id = fields.IntField()
    ticket: fields.ForeignKeyRelation[Ticket] = fields.ForeignKeyField(
        "models.Ticket", related_name=False, on_delete=fields.CASCADE
    )
    ticket_id: int
    contact: fields.ForeignKeyRelation[ContactPerson] = fields.ForeignKeyField(
        "models.ContactPerson", related_name=False, on_delete=fields.CASCADE
    )
    contact_id: int

    class Meta:
        table = "ticket_contact"
        unique_together = (("ticket_id", "contact_id"),)


class TicketTask(Model):
    """Something to do for a ticket, by someone, maybe by a date."""

    id = fields.IntField(primary_key=True)
    company_id = fields.IntField()
    ticket: fields.ForeignKeyRelation[Ticket] = fields.ForeignKeyField(
        "models.Ticket", related_name=False, on_delete=fields.CASCADE
    )
    ticket_id: int
    title = fields.CharField(max_length=200)
    assignee: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    assignee_id: int | None
    due_at = fields.DatetimeField(null=True)
    done = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "ticket_task"
        indexes = (("ticket_id", "id"),)


class TicketLink(Model):
    """A ticket's link to another ticket, a chat, or a web address."""

    id = fields.IntField(primary_key=True)
    company_id = fields.IntField()
    ticket: fields.ForeignKeyRelation[Ticket] = fields.ForeignKeyField(
        "models.Ticket", related_name=False, on_delete=fields.CASCADE
    )
    ticket_id: int
    kind = fields.CharEnumField(LinkKind, max_length=8)
    target = fields.CharField(max_length=2000)
    label = fields.CharField(max_length=200, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "ticket_link"
        indexes = (("ticket_id", "id"),)


class TicketNote(Model):
    """An internal comment on a ticket; its author may edit it (edited_at says when he last did)."""

    id = fields.IntField(primary_key=True)
    company_id = fields.IntField()
    ticket: fields.ForeignKeyRelation[Ticket] = fields.ForeignKeyField(
        "models.Ticket", related_name=False, on_delete=fields.CASCADE
    )
    ticket_id: int
    author: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    author_id: int | None
    body = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)
    edited_at = fields.DatetimeField(null=True)

    class Meta:
        table = "ticket_note"
        indexes = (("ticket_id", "id"),)


class Document(Model):
    """A file attached to a ticket; stored under a random name in FRONTDESK_STORAGE_DIR."""

    id = fields.UUIDField(primary_key=True)
    company_id = fields.IntField()
    ticket: fields.ForeignKeyRelation[Ticket] = fields.ForeignKeyField(
        "models.Ticket", related_name=False, on_delete=fields.CASCADE
    )
    ticket_id: int
    filename = fields.CharField(max_length=255)
    stored_name = fields.CharField(max_length=64, unique=True)
    content_type = fields.CharField(max_length=100)
    size = fields.IntField()
    uploaded_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    uploaded_by_id: int | None
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "document"
        indexes = (("ticket_id", "created_at"),)


class TicketLogEntry(AuditEntry):
    """One change to a ticket or what hangs on it: who, when, and each field before and after."""

    record_field = "ticket"
    ticket: fields.ForeignKeyRelation[Ticket] = fields.ForeignKeyField(
        "models.Ticket", related_name=False, on_delete=fields.CASCADE
    )
    ticket_id: int

    class Meta:
        table = "ticket_log_entry"
        indexes = (("ticket_id", "id"),)
