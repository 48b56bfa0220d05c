"""Tortoise models from fetched rows, built without the query builder's per-call work.

For statements whose SQL text is built once per shape (resolvers/tenancy.py, the sign-in, the
contacts join): the columns to select, and a builder that turns a fetched row into the same
model instance `Model._init_from_db(**row)` makes, without building keyword arguments and
looping over every field in Python.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

from tortoise.fields.data import CharEnumFieldInstance, DatetimeField
from tortoise.models import Model
from tortoise.timezone import get_default_timezone, get_use_tz

M = TypeVar("M", bound=Model)


def db_columns(model: type[Model]) -> list[str]:
    """The model's database columns, in the order the builders expect them."""
    return sorted(model._meta.db_fields)


def select_list(model: type[Model], table_alias: str | None = None) -> str:
    """`"a","b",...` (or `t."a",t."b",...`) for the model's columns, in `db_columns` order."""
    prefix = f"{table_alias}." if table_alias else ""
    return ",".join(f'{prefix}"{name}"' for name in db_columns(model))


_BUILDERS: dict[tuple[type[Model], str], Callable[[Sequence[Any]], Any]] = {}


def model_builder(model: type[M], dialect: str) -> Callable[[Sequence[Any]], M]:
    """A function from a row's values (the model's columns in `db_columns` order, as many
    as there are) to the model instance `_init_from_db` would make of them; `dialect` is
    the model's database's (the caller has it at hand: `_meta.db` costs a lookup)."""
    key = (model, dialect)
    builder = _BUILDERS.get(key)
    if builder is None:
        builder = _BUILDERS[key] = _make_builder(model)
    return builder  # type: ignore[return-value]


def _make_builder(model: type[M]) -> Callable[[Sequence[Any]], M]:
    meta = model._meta
    reverse = meta.fields_db_projection_reverse
    attributes = [reverse[column] for column in db_columns(model)]
    # The three kinds of fields of _init_from_db: native values as they come; "default"
    # fields through their type; the others through their to_python_value().
    by_type = [(attr, field.field_type) for _, attr, field in meta.db_default_fields]
    by_call = [(attr, _converter(field)) for _, attr, field in meta.db_complex_fields]
    state = {
        "_partial": False,
        "_saved_in_db": True,
        "_custom_generated_pk": meta.db_pk_column not in meta.generated_db_fields,
    }
    new = model.__new__

    def build(values: Sequence[Any]) -> M:
        instance = new(model)
        fields = instance.__dict__
        fields.update(state)
        fields["_await_when_save"] = {}
        fields.update(zip(attributes, values, strict=False))
        for attr, field_type in by_type:
            value = fields[attr]
            if value is not None and type(value) is not field_type:
                fields[attr] = field_type(value)
        for attr, convert in by_call:
            fields[attr] = convert(fields[attr])
        return instance

    return build


def _converter(field: Any) -> Callable[[Any], Any]:
    """`field.to_python_value`, with a shortcut for the values the driver usually gives:
    UTC datetimes and enum values (the same results, without the checks on every call)."""
    slow: Callable[[Any], Any] = field.to_python_value
    method = type(field).to_python_value
    if method is DatetimeField.to_python_value and get_use_tz():
        zone = get_default_timezone()

        def aware(value: Any) -> Any:
            # to_python_value: an aware datetime goes to the default time zone.
            if type(value) is datetime and value.tzinfo is UTC:
                return value.astimezone(zone)
            return slow(value)

        return aware
    if method is CharEnumFieldInstance.to_python_value:
        members = field.enum_type._value2member_map_

        def member(value: Any) -> Any:
            found = members.get(value) if isinstance(value, str) else None
            return found if found is not None else slow(value)

        return member
    return slow
