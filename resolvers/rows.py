"""Tortoise models from fetched rows, built without the query builder's per-call work.

For the statements resolvers/sql.py builds once per shape: the order of a model's columns,
and a builder that turns a fetched row into the same model instance
`Model._init_from_db(**row)` makes, without building keyword arguments and looping over every
field in Python. (Equal, not identical: with the default zone UTC, a datetime the driver gives
in UTC keeps its `datetime.UTC`, where Tortoise copies it into `ZoneInfo("UTC")`.)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from tortoise.fields.data import CharEnumFieldInstance, DatetimeField
from tortoise.models import Model
from tortoise.timezone import get_default_timezone, get_use_tz

M = TypeVar("M", bound=Model)
# A fetched row: asyncpg's Record or sqlite3's Row, read by position (and by column name), whatever
# the `Sequence[dict]` of tortoise's `execute_query` annotation says.
Row = Any


def db_columns(model: type[Model]) -> list[str]:
    """The model's database columns, in the order the builders expect them."""
    return sorted(model._meta.db_fields)


_BUILDERS: dict[tuple[type[Model], str], Callable[[Row], Any]] = {}


def model_builder(model: type[M], dialect: str) -> Callable[[Row], M]:
    """A function from a row's values (the model's columns in `db_columns` order, as many
    as there are) to the model instance `_init_from_db` would make of them; `dialect` is
    the model's database's (the caller has it at hand: `_meta.db` costs a lookup)."""
    key = (model, dialect)
    builder = _BUILDERS.get(key)
    if builder is None:
        builder = _BUILDERS[key] = _make_builder(model)
    return builder


def _make_builder(model: type[M]) -> Callable[[Row], M]:
    """The builder as one generated function: a dict display of the instance's state and
    fields, each value read by index and converted inline, then one `__dict__` update."""
    meta = model._meta
    # The three kinds of fields of _init_from_db: native values as they come; "default"
    # fields through their type; the others through their to_python_value().
    by_type = {attr: field.field_type for _, attr, field in meta.db_default_fields}
    by_call = {attr: _converter(field) for _, attr, field in meta.db_complex_fields}
    names: dict[str, Any] = {"new": model.__new__, "model": model, "UTC": UTC, "datetime": datetime}
    custom_pk = meta.db_pk_column not in meta.generated_db_fields
    items = [
        "'_partial': False",
        "'_saved_in_db': True",
        f"'_custom_generated_pk': {custom_pk!r}",
        "'_await_when_save': {}",
    ]
    # Values are read by their column's index; the state is filled in _init_from_db's order
    # (its native, default, then complex fields), so that `vars()` lists the same keys.
    index = {column: n for n, column in enumerate(db_columns(model))}
    filled = [*meta.db_native_fields, *meta.db_default_fields, *meta.db_complex_fields]
    for column, attr, _ in filled:
        n = index[column]
        value = f"values[{n}]"
        if attr in by_type:
            names[f"t{n}"] = by_type[attr]
            value = f"(v if (v := {value}) is None or type(v) is t{n} else t{n}(v))"
        elif attr in by_call:
            convert = by_call[attr]
            names[f"c{n}"] = convert
            zone = getattr(convert, "zone", None)
            if zone is not None and _is_utc(zone):
                # A UTC datetime from the driver is already in the default zone: kept as it
                # is (datetime.UTC instead of ZoneInfo("UTC"): the same instant, offset and
                # isoformat), not copied by astimezone.
                value = f"(v if type(v := {value}) is datetime and v.tzinfo is UTC else c{n}(v))"
            elif zone is not None:  # the datetime shortcut of _converter, inline
                names[f"z{n}"] = zone
                value = (
                    f"(v.astimezone(z{n}) if type(v := {value}) is datetime and v.tzinfo is UTC"
                    f" else c{n}(v))"
                )
            elif (members := getattr(convert, "members", None)) is not None:
                names[f"m{n}"] = members  # the enum shortcut of _converter, inline
                value = f"(m if (m := m{n}.get(v := {value})) is not None else c{n}(v))"
            else:
                value = f"c{n}({value})"
        items.append(f"{attr!r}: {value}")
    body = ",\n            ".join(items)
    text = (
        "def build(values):\n"
        "    instance = new(model)\n"
        f"    instance.__dict__.update({{\n            {body}}})\n"
        "    return instance\n"
    )
    exec(text, names)  # noqa: S102 - our own text: field names from the model's metadata
    return names["build"]  # type: ignore[no-any-return]


def _is_utc(zone: Any) -> bool:
    """Whether a time zone is UTC itself (no offset, ever)."""
    return zone is UTC or getattr(zone, "key", None) in ("UTC", "Etc/UTC")


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

        aware.zone = zone  # type: ignore[attr-defined]
        return aware
    if method is CharEnumFieldInstance.to_python_value:
        members = field.enum_type._value2member_map_

        def member(value: Any) -> Any:
            found = members.get(value) if isinstance(value, str) else None
            return found if found is not None else slow(value)

        member.members = members  # type: ignore[attr-defined]
        return member
    return slow
