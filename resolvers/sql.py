"""SQL built once: every statement that skips Tortoise's query builder is written here.

For the statements run on every request (the DataLoaders' batches, the page of an unfiltered
list, the sign-in) and those the query builder cannot write (the ticket counter's upsert and
increment). Callers say what they want (a model, keys, an order, a limit, a link table); this
module owns what the text needs:

- the dialect: markers `?` on SQLite, `$1, $2, ...` on PostgreSQL, numbered as written;
- quoting: names come from the models' metadata and are always double-quoted;
- the company filter: every statement over a company's table begins its WHERE with
  `"company_id"=<first marker>`, bound to the caller's `ctx.company_id`, never to an argument.
  The exceptions say so in their names: `row_of_any_company` (the sign-in, which learns the
  company from the row it reads) and a company's own row (`insert_company_row`,
  `increment_company_row`: a table keyed by the company, for setting a company up);
- the text: built once per shape (model, columns, number of keys, order, cursor, limit, link,
  dialect) and kept for the process.

Rows become models through the generated builders of resolvers/rows.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.fields.base import Field
from tortoise.fields.relational import ForeignKeyFieldInstance
from tortoise.models import Model

from models.accounts import Company
from resolvers.context import Context
from resolvers.rows import db_columns, model_builder

M = TypeVar("M", bound=Model)

# `select`'s shapes: the text, how keys become database values (None: as they are) and the row
# builder, found with one lookup on every request.
_SELECTS: dict[tuple[Any, ...], tuple[str, Callable[[Any], Any] | None, Callable[[Any], Any]]] = {}
# The other statements' shapes: their text.
_TEXTS: dict[tuple[Any, ...], str] = {}
# `row_of_any_company`'s shapes: the text and how its row is cut into models.
_Part = tuple[Callable[[Any], Any], int, int, int, str]
_JOINED: dict[tuple[Any, ...], tuple[str, list[_Part]]] = {}


class Markers:
    """The parameter markers of one statement in its dialect, numbered in writing order."""

    __slots__ = ("numbered", "count")

    def __init__(self, dialect: str) -> None:
        if dialect not in ("sqlite", "postgres"):
            raise ValueError(f"no SQL is built for the dialect {dialect!r}")
        self.numbered = dialect == "postgres"
        self.count = 0

    def take(self, count: int = 1) -> str:
        """The next `count` markers, comma-separated."""
        start, self.count = self.count + 1, self.count + count
        if not self.numbered:
            return ",".join("?" * count)
        return ",".join(f"${n}" for n in range(start, self.count + 1))


def quote(name: str) -> str:
    """A table's or column's name as an SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def select_list(model: type[Model], alias: str | None = None) -> str:
    """The model's columns (`alias."a",...`) in the order its row builder reads them."""
    prefix = f"{alias}." if alias else ""
    return ",".join(prefix + quote(name) for name in db_columns(model))


def company_filter(markers: Markers, model: type[Model], alias: str | None = None) -> str:
    """`"company_id"=<the first marker>`, how every WHERE over a company's table begins (the
    company's id is always a statement's first value)."""
    if markers.count:
        raise ValueError("the company filter comes first")
    if model is Company:
        column = model._meta.db_pk_column
    elif "company_id" in model._meta.db_fields:
        column = "company_id"
    else:
        raise TypeError(f"{model.__name__} is not a company's table")
    return f"{alias + '.' if alias else ''}{quote(column)}={markers.take()}"


def _ordering(order: Sequence[str], alias: str | None = None) -> str:
    """` ORDER BY ...` of column names, `-name` descending (nothing for no order)."""
    prefix = f"{alias}." if alias else ""
    terms = [
        f"{prefix}{quote(name[1:])} DESC" if name.startswith("-") else f"{prefix}{quote(name)} ASC"
        for name in order
    ]
    return " ORDER BY " + ",".join(terms) if terms else ""


def _field(model: type[Model], column: str) -> Field[Any]:
    """The model's field of a database column."""
    return model._meta.fields_map[model._meta.fields_db_projection_reverse[column]]


def _key_converter(model: type[Model], column: str) -> Callable[[Any], Any] | None:
    """How a key of `column` becomes a database value, or None where it already is one (the
    integer keys of nearly every lookup: converting them is a call per key for nothing); a
    UUID becomes text on SQLite."""
    field = _field(model, column)
    if field.field_type is int:
        return None
    return lambda key: field.to_db_value(key, model)


def _db_values(convert: Callable[[Any], Any] | None, keys: Sequence[Any]) -> list[Any]:
    return list(keys) if convert is None else list(map(convert, keys))


# ---------------------------------------------------------------- a company's rows


async def select(
    ctx: Context,
    model: type[M],
    *,
    column: str | None = None,
    keys: Sequence[Any] = (),
    order: Sequence[str] = (),
    after: Any = None,
    limit: int | None = None,
) -> list[M]:
    """Rows of `model` of the caller's company: those whose `column` is one of `keys` if a
    column is given, in `order` (column names, `-name` descending), past `after` in the first
    order column's direction if given, at most `limit` if given."""
    if column is not None and not keys:
        return []
    db = model._meta.db
    dialect = db.capabilities.dialect
    shape = (model, column, len(keys), tuple(order), after is not None, limit is not None, dialect)
    found = _SELECTS.get(shape)
    if found is None:
        text = select_text(dialect, *shape[:-1])
        convert = _key_converter(model, column) if column is not None else None
        found = _SELECTS[shape] = (text, convert, model_builder(model, dialect))
    text, convert, build = found
    values: list[Any] = [ctx.company_id]
    if column is not None:
        values += _db_values(convert, keys)
    if after is not None:
        values.append(after)
    if limit is not None:
        values.append(limit)
    _, rows = await db.execute_query(text, values)
    return list(map(build, rows))


def select_text(
    dialect: str,
    model: type[Model],
    column: str | None = None,
    count: int = 0,
    order: Sequence[str] = (),
    after: bool = False,
    limit: bool = False,
) -> str:
    """The text of a `select`: `count` keys of `column`, a cursor on `order`'s first column
    if `after`, a LIMIT if `limit`."""
    markers = Markers(dialect)
    text = f"SELECT {select_list(model)} FROM {quote(model._meta.db_table)} WHERE "
    text += company_filter(markers, model)
    if column is not None:
        text += f" AND {quote(column)} IN ({markers.take(count)})"
    if after:
        if not order:
            raise ValueError("a cursor needs an order")
        first = order[0]
        comparison = f"{quote(first[1:])}<" if first.startswith("-") else f"{quote(first)}>"
        text += f" AND {comparison}{markers.take()}"
    text += _ordering(order)
    if limit:
        text += f" LIMIT {markers.take()}"
    return text


async def select_through(
    ctx: Context,
    model: type[M],
    link: type[Model],
    link_column: str,
    column: str,
    keys: Sequence[Any],
) -> list[tuple[Any, M]]:
    """Rows of `model` reached through the caller's company's rows of the link table `link`
    (whose `link_column` holds their primary key) with `column` one of `keys`, in the link
    rows' order: (the link row's `column`, the row) pairs; one statement with a join."""
    if not keys:
        return []
    db = link._meta.db
    dialect = db.capabilities.dialect
    shape = ("through", model, link, link_column, column, len(keys), dialect)
    text = _TEXTS.get(shape)
    if text is None:
        text = _TEXTS[shape] = through_text(dialect, model, link, link_column, column, len(keys))
    values = [ctx.company_id, *_db_values(_key_converter(link, column), keys)]
    _, rows = await db.execute_query(text, values)
    build: Callable[[Any], M] = model_builder(model, dialect)
    width = len(model._meta.db_fields)
    return [(row[width], build(row)) for row in rows]


def through_text(
    dialect: str, model: type[Model], link: type[Model], link_column: str, column: str, count: int
) -> str:
    """The text of a `select_through` of `count` keys."""
    markers = Markers(dialect)
    # The link's column last: the builder reads the row's columns from the start.
    return (
        f"SELECT {select_list(model, 'r')},l.{quote(column)} "
        f"FROM {quote(link._meta.db_table)} l JOIN {quote(model._meta.db_table)} r "
        f"ON r.{quote(model._meta.db_pk_column)}=l.{quote(link_column)} "
        f"WHERE {company_filter(markers, link, 'l')} "
        f"AND l.{quote(column)} IN ({markers.take(count)})"
    ) + _ordering((link._meta.db_pk_column,), "l")


async def select_max(
    ctx: Context, model: type[Model], value: str, column: str, keys: Sequence[Any]
) -> dict[Any, Any]:
    """The largest `value` of the caller's company's rows of `model` per `column`, for the
    rows whose `column` is one of `keys` (a key without rows is missing): as the driver gives
    it (SQLite answers an aggregate of timestamps with text)."""
    if not keys:
        return {}
    db = model._meta.db
    dialect = db.capabilities.dialect
    shape = ("max", model, value, column, len(keys), dialect)
    text = _TEXTS.get(shape)
    if text is None:
        text = _TEXTS[shape] = max_text(dialect, model, value, column, len(keys))
    values = [ctx.company_id, *_db_values(_key_converter(model, column), keys)]
    _, rows = await db.execute_query(text, values)
    return {row[0]: row[1] for row in rows}


def max_text(dialect: str, model: type[Model], value: str, column: str, count: int) -> str:
    """The text of a `select_max` of `count` keys."""
    markers = Markers(dialect)
    return (
        f"SELECT {quote(column)},MAX({quote(value)}) FROM {quote(model._meta.db_table)} "
        f"WHERE {company_filter(markers, model)} AND {quote(column)} IN ({markers.take(count)}) "
        f"GROUP BY {quote(column)}"
    )


async def select_first_per_parent(
    ctx: Context,
    model: type[M],
    parent: str,
    keys: Sequence[Any],
    limit: int,
    *,
    descending: bool,
    after: Any = None,
) -> list[M]:
    """The first `limit` rows of `model` of the caller's company for each of the `keys` of the
    column `parent`, in primary-key order (newest first if `descending`), past the key `after`
    if given: every parent's page in one statement, grouped by parent."""
    if not keys:
        return []
    db = model._meta.db
    dialect = db.capabilities.dialect
    shape = ("ranked", model, parent, len(keys), descending, after is not None, dialect)
    text = _TEXTS.get(shape)
    if text is None:
        text = _TEXTS[shape] = first_per_parent_text(
            dialect, model, parent, len(keys), descending, after is not None
        )
    values = [ctx.company_id, *_db_values(_key_converter(model, parent), keys)]
    values += [*([after] if after is not None else []), limit]
    _, rows = await db.execute_query(text, values)
    return list(map(model_builder(model, dialect), rows))


def first_per_parent_text(
    dialect: str, model: type[Model], parent: str, count: int, descending: bool, after: bool
) -> str:
    """The text of a `select_first_per_parent`: a window function ranks each parent's rows
    (SQLite and PostgreSQL alike); the rank is the last column, as the row builder reads the
    model's columns from the start of the row."""
    markers = Markers(dialect)
    key = quote(model._meta.db_pk_column)
    direction = "DESC" if descending else "ASC"
    inner = (
        f"SELECT {select_list(model)},ROW_NUMBER() OVER (PARTITION BY {quote(parent)} "
        f'ORDER BY {key} {direction}) AS "_rank" FROM {quote(model._meta.db_table)} WHERE '
    )
    inner += company_filter(markers, model)
    inner += f" AND {quote(parent)} IN ({markers.take(count)})"
    if after:
        inner += f" AND {key}{'<' if descending else '>'}{markers.take()}"
    return (
        f'SELECT * FROM ({inner}) ranked WHERE "_rank"<={markers.take()} '
        f'ORDER BY {quote(parent)},"_rank"'
    )


# ---------------------------------------------------------------- before the company is known


async def row_of_any_company(
    model: type[M], key: Any, *, follow: Sequence[str] = (), null: Sequence[str] = ()
) -> M | None:
    """The row of `model` with primary key `key` and NULL in its `null` columns, of whichever
    company, or None; with the rows its chain of foreign keys `follow` leads to (each step from
    the previous row: `("user", "company")`) where `select_related` puts them. Only for
    finding out who is asking (the sign-in): everything else knows its company."""
    db = model._meta.db
    dialect = db.capabilities.dialect
    shape = (model, tuple(follow), tuple(null), dialect)
    found = _JOINED.get(shape)
    if found is None:
        text = any_company_text(dialect, model, follow, null)
        found = _JOINED[shape] = (text, _joined_parts(dialect, model, follow))
    text, (whole, *joined) = found
    _, rows = await db.execute_query(text, [model._meta.pk.to_db_value(key, model)])
    if not rows:
        return None
    values = tuple(rows[0])
    first = previous = whole[0](values[: whole[2]])
    for build, start, end, key_at, attribute in joined:
        row = None if values[key_at] is None else build(values[start:end])
        previous.__dict__[attribute] = row  # where select_related puts it
        if row is None:
            break
        previous = row
    return first  # type: ignore[no-any-return]


def _joined_parts(dialect: str, model: type[Model], follow: Sequence[str]) -> list[_Part]:
    """Per model of the chain: its builder, where its columns begin and end in the row, where
    its primary key is (NULL: no such row), and the attribute of the previous row it goes to."""
    parts: list[_Part] = []
    start = 0
    for related, name, _ in _chain(model, follow):
        columns = db_columns(related)
        key_at = start + columns.index(related._meta.db_pk_column)
        end = start + len(columns)
        parts.append((model_builder(related, dialect), start, end, key_at, f"_{name}"))
        start = end
    return parts


def any_company_text(
    dialect: str, model: type[Model], follow: Sequence[str], null: Sequence[str]
) -> str:
    """The text of a `row_of_any_company`."""
    markers = Markers(dialect)
    chain = _chain(model, follow)
    text = "SELECT " + ",".join(select_list(m, f"t{n}") for n, (m, _, _) in enumerate(chain))
    text += f" FROM {quote(model._meta.db_table)} t0"
    for n, (related, _, source) in enumerate(chain[1:], start=1):
        text += (
            f" LEFT OUTER JOIN {quote(related._meta.db_table)} t{n} "
            f"ON t{n}.{quote(related._meta.db_pk_column)}=t{n - 1}.{quote(source)}"
        )
    text += f" WHERE t0.{quote(model._meta.db_pk_column)}={markers.take()}"
    text += "".join(f" AND t0.{quote(name)} IS NULL" for name in null)
    return text + " LIMIT 2"  # as get_or_none asks


def _chain(model: type[Model], follow: Sequence[str]) -> list[tuple[type[Model], str, str]]:
    """(model, the name of the foreign key that reached it, the previous model's column of
    that key) along `follow`, beginning with `model` itself."""
    chain: list[tuple[type[Model], str, str]] = [(model, "", "")]
    for name in follow:
        current = chain[-1][0]
        field = current._meta.fields_map[name]
        if not isinstance(field, ForeignKeyFieldInstance) or field.source_field is None:
            raise TypeError(f"{current.__name__}.{name} is not a foreign key")
        source = current._meta.fields_db_projection[field.source_field]
        chain.append((field.related_model, name, source))
    return chain


# ---------------------------------------------------------------- a company's own row


async def insert_company_row(
    connection: BaseDBAsyncClient, model: type[Model], company_id: int, **values: Any
) -> bool:
    """Insert the company's row of `model`, a table keyed by the company (the ticket counter),
    unless it has one, in `connection`'s transaction: whether this call inserted it (safe
    when concurrent)."""
    dialect = connection.capabilities.dialect
    shape = ("insert", model, tuple(values), dialect)
    text = _TEXTS.get(shape)
    if text is None:
        text = _TEXTS[shape] = insert_text(dialect, model, tuple(values))
    return bool(await connection.execute_query_dict(text, [company_id, *values.values()]))


def insert_text(dialect: str, model: type[Model], names: Sequence[str]) -> str:
    """The text of an `insert_company_row` of the fields `names`."""
    meta = model._meta
    if meta.db_pk_column != "company_id":
        raise TypeError(f"{model.__name__} is not keyed by the company")
    columns = "".join("," + quote(meta.fields_db_projection[name]) for name in names)
    return (
        f'INSERT INTO {quote(meta.db_table)} ("company_id"{columns}) '
        f"VALUES ({Markers(dialect).take(len(names) + 1)}) "
        'ON CONFLICT ("company_id") DO NOTHING RETURNING "company_id"'
    )


async def increment_company_row(
    connection: BaseDBAsyncClient, model: type[Model], company_id: int, name: str
) -> int:
    """Add one to the field `name` of the company's row of `model` and return its new value,
    in `connection`'s transaction: one UPDATE ... RETURNING, which locks the row until the
    transaction ends."""
    dialect = connection.capabilities.dialect
    shape = ("increment", model, name, dialect)
    text = _TEXTS.get(shape)
    if text is None:
        text = _TEXTS[shape] = increment_text(dialect, model, name)
    rows = await connection.execute_query_dict(text, [company_id])
    return int(rows[0][model._meta.fields_db_projection[name]])


def increment_text(dialect: str, model: type[Model], name: str) -> str:
    """The text of an `increment_company_row` of the field `name`."""
    column = quote(model._meta.fields_db_projection[name])
    return (
        f"UPDATE {quote(model._meta.db_table)} SET {column}={column}+1 "
        f"WHERE {company_filter(Markers(dialect), model)} RETURNING {column}"
    )
