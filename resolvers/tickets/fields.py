"""Custom fields the admins define, and tickets' parameters checked against them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models.accounts import Role
from models.tickets import CustomField, FieldKind, TicketParameter
from resolvers.context import Context
from resolvers.errors import DomainError
from resolvers.tenancy import company_scope
from resolvers.validation import clean_text

ADMINS = (Role.OWNER, Role.ADMIN)
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
TEXT_MAX = 255
MAX_CHOICES = 100


async def list_custom_fields(ctx: Context) -> list[CustomField]:
    ctx.require_user()
    return list(await company_scope(ctx, CustomField).order_by("position", "id"))


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
    ctx.require_role(*ADMINS)
    key = (key or "").strip()
    if not _KEY.match(key):
        raise DomainError("INVALID_KEY", "key")
    label = clean_text(label, "label", max_length=200)
    clean_choices: list[str] = []
    if kind == FieldKind.CHOICE:
        clean_choices = [clean_text(c, "choices", max_length=TEXT_MAX) for c in choices or []]
        if not clean_choices or len(clean_choices) > MAX_CHOICES:
            raise DomainError("INVALID_CHOICES", "choices", max=MAX_CHOICES)
        if len(set(clean_choices)) != len(clean_choices):
            raise DomainError("INVALID_CHOICES", "choices", max=MAX_CHOICES)
    elif choices:
        raise DomainError("INVALID_CHOICES", "choices", max=MAX_CHOICES)
    try:
        async with in_transaction():
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
    ctx: Context, parameters: Any, field: str = "parameters"
) -> CleanParameters:
    """A ticket's parameters, checked against the company's custom fields."""
    if parameters is None:
        parameters = {}
    if not isinstance(parameters, dict):
        raise DomainError("INVALID_PARAMETERS", field)
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
        values[key] = kept
        rows.append((custom.pk, text))
    for key, custom in fields.items():
        if custom.required and key not in values:
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
