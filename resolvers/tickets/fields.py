"""Custom fields the admins define, and tickets' parameters checked against them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from tortoise.exceptions import IntegrityError

from models.actors import ADMINS
from models.clock import now
from models.tickets import CustomField, FieldKind, TicketParameter
from resolvers.changes import KEEP, Change
from resolvers.context import Context
from resolvers.errors import DomainError
from resolvers.tenancy import company_scope, get_in_company
from resolvers.unit_of_work import unit_of_work
from resolvers.validation import clean_text

_KEY = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
TEXT_MAX = 255
LABEL_MAX = 200
MAX_CHOICES = 100


async def list_custom_fields(ctx: Context, include_archived: bool = False) -> list[CustomField]:
    """The company's custom fields in their order; archived ones only when asked for."""
    ctx.require_user()
    query = company_scope(ctx, CustomField)
    if not include_archived:
        query = query.filter(archived_at__isnull=True)
    return list(await query.order_by("position", "id"))


def _clean_choices(kind: FieldKind, choices: Sequence[str] | None) -> list[str]:
    """A CHOICE field's choices, or none for the other kinds."""
    if kind != FieldKind.CHOICE:
        if choices:
            raise DomainError("INVALID_CHOICES", "choices", max=MAX_CHOICES)
        return []
    clean = [clean_text(c, "choices", max_length=TEXT_MAX) for c in choices or []]
    if not clean or len(clean) > MAX_CHOICES or len(set(clean)) != len(clean):
        raise DomainError("INVALID_CHOICES", "choices", max=MAX_CHOICES)
    return clean


async def create_custom_field(
    ctx: Context,
    *,
    key: str,
    label: str,
    kind: FieldKind,
    required: bool,
    choices: Sequence[str] | None,
) -> CustomField:
    """A new field for tickets' parameters (OWNER, ADMIN)."""
    ctx.require_role(ADMINS)
    key = (key or "").strip()
    if not _KEY.match(key):
        raise DomainError("INVALID_KEY", "key")
    label = clean_text(label, "label", max_length=LABEL_MAX)
    clean_choices = _clean_choices(kind, choices)
    try:
        async with unit_of_work(ctx):
            if await company_scope(ctx, CustomField).filter(key=key).exists():
                raise DomainError("KEY_TAKEN", "key")
            count = await company_scope(ctx, CustomField).count()
            return await CustomField.create(
                company_id=ctx.company_id,
                key=key,
                label=label,
                kind=kind,
                required=required,
                choices=clean_choices,
                position=count,
            )
    except IntegrityError:
        raise DomainError("KEY_TAKEN", "key") from None


async def _field_to_change(ctx: Context, field_id: int) -> CustomField:
    """A custom field of the caller's company, locked for the transaction on PostgreSQL."""
    return await get_in_company(ctx, CustomField, field_id, "customFieldId", for_update=True)


async def update_custom_field(
    ctx: Context,
    field_id: int,
    *,
    label: Change[str] = KEEP,
    required: Change[bool] = KEEP,
    choices: Change[Sequence[str]] = KEEP,
) -> CustomField:
    """Rename a field, make it required or not, or change a CHOICE field's choices (OWNER,
    ADMIN). A choice that tickets have stays: those tickets must change first."""
    ctx.require_role(ADMINS)
    if label is not KEEP:
        label = clean_text(label, "label", max_length=LABEL_MAX)
    async with unit_of_work(ctx):
        field = await _field_to_change(ctx, field_id)
        if label is not KEEP:
            field.label = label
        if required is not KEEP:
            field.required = required
        if choices is not KEEP:
            clean = _clean_choices(field.kind, choices)
            dropped = [choice for choice in field.choices if choice not in clean]
            used = dropped and await TicketParameter.filter(
                company_id=ctx.company_id, field_id=field.pk, value__in=dropped
            ).distinct().values_list("value", flat=True)
            if used:
                in_use = ", ".join(sorted(str(value) for value in used))
                raise DomainError("CHOICE_IN_USE", "choices", choices=in_use)
            field.choices = clean
        await field.save()
    return field


async def archive_custom_field(ctx: Context, field_id: int, archived: bool = True) -> CustomField:
    """Archive a field (no longer offered nor required; tickets keep their values), or bring
    it back (OWNER, ADMIN)."""
    ctx.require_role(ADMINS)
    async with unit_of_work(ctx):
        field = await _field_to_change(ctx, field_id)
        if archived != (field.archived_at is not None):
            field.archived_at = now() if archived else None
            await field.save(update_fields=["archived_at"])
    return field


def canonical(field: CustomField, value: Any, where: str) -> tuple[Any, str]:
    """A parameter value as JSON keeps it, and as text the filters compare (or an error)."""
    kind = field.kind
    if kind == FieldKind.TEXT and isinstance(value, str):
        text = value.strip()
        if len(text) > TEXT_MAX:
            raise DomainError("TOO_LONG", where, max=TEXT_MAX)
        return text, text
    if (
        kind == FieldKind.NUMBER
        and isinstance(value, (int, float, str))
        and not isinstance(value, bool)
    ):
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise DomainError("INVALID_PARAMETER", where, kind=kind.value) from None
        if number.is_finite() and abs(number) < Decimal("1e15"):
            normal = number.normalize()
            text = format(normal, "f")
            return (int(normal) if normal == normal.to_integral_value() else float(normal)), text
    if kind == FieldKind.DATE and isinstance(value, str):
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            raise DomainError("INVALID_PARAMETER", where, kind=kind.value) from None
        return day.isoformat(), day.isoformat()
    if kind == FieldKind.BOOLEAN and isinstance(value, bool):
        return value, "true" if value else "false"
    if kind == FieldKind.CHOICE and isinstance(value, str) and value in field.choices:
        return value, value
    raise DomainError("INVALID_PARAMETER", where, kind=kind.value)


@dataclass
class CleanParameters:
    """Parameters checked against the fields: the JSON to keep and the rows to index."""

    values: dict[str, Any]
    rows: list[tuple[int, str]]  # (field id, canonical text)


async def clean_parameters(
    ctx: Context, parameters: Any, field: str = "parameters", current: dict[str, Any] | None = None
) -> CleanParameters:
    """A ticket's parameters, checked against the company's custom fields.

    `current` are the ticket's parameters so far: the values of archived fields take no
    change but may be cleared, and they stay when the new parameters leave them out."""
    if parameters is None:
        parameters = {}
    if not isinstance(parameters, dict):
        raise DomainError("INVALID_PARAMETERS", field)
    current = current or {}
    fields = {f.key: f for f in await company_scope(ctx, CustomField).all()}
    values: dict[str, Any] = {}
    rows: list[tuple[int, str]] = []
    for key, value in parameters.items():
        where = f"{field}.{key}"
        custom = fields.get(key)
        if custom is None:
            raise DomainError("UNKNOWN_PARAMETER", where)
        if value is None or value == "":
            continue
        kept, text = canonical(custom, value, where)
        if custom.archived_at is not None and (
            key not in current or canonical(custom, current[key], where)[1] != text
        ):
            raise DomainError("FIELD_ARCHIVED", where)
        values[key] = kept
        rows.append((custom.pk, text))
    for key, custom in fields.items():
        if custom.archived_at is not None:
            if key not in parameters and key in current:
                kept, text = canonical(custom, current[key], f"{field}.{key}")
                values[key] = kept
                rows.append((custom.pk, text))
        elif custom.required and key not in values:
            raise DomainError("REQUIRED", f"{field}.{key}")
    return CleanParameters(values=values, rows=rows)


async def parameter_conditions(ctx: Context, parameters: Any) -> list[tuple[int, str]]:
    """A filter's parameters as (field id, canonical text) pairs."""
    if not isinstance(parameters, dict):
        raise DomainError("INVALID_PARAMETERS", "filter.parameters")
    fields = {f.key: f for f in await company_scope(ctx, CustomField).all()}
    pairs = []
    for key, value in parameters.items():
        where = f"filter.parameters.{key}"
        custom = fields.get(key)
        if custom is None:
            raise DomainError("UNKNOWN_PARAMETER", where)
        pairs.append((custom.pk, canonical(custom, value, where)[1]))
    return pairs


async def store_parameters(company_id: int, ticket_id: int, rows: list[tuple[int, str]]) -> None:
    """Replace a ticket's indexed parameter rows (inside the caller's transaction)."""
    await TicketParameter.filter(ticket_id=ticket_id).delete()
    await TicketParameter.bulk_create(
        [
            TicketParameter(company_id=company_id, ticket_id=ticket_id, field_id=f, value=v)
            for f, v in rows
        ]
    )
