"""Relations and computed fields of the object types, each declared once, beside its field.

`customer: Customer = relation(One(CustomerRow, "customer_id"), description=...)` makes the
strawberry field, whose resolver loads through the request's DataLoaders, and keeps the
declaration in the field's metadata, where the fast path for list pages (schema/preload.py)
finds it to load the same relation for all rows of a page at once, with the same loader's
batch function. `computed(function, description=...)` does the same for a value computed
from the row (`function(ctx, row)`, served by both paths alike), and `falls_back(reason)` is
the metadata of a field with its own resolver that the fast path leaves to the usual
execution (a page selecting it is completed the usual way). tests/api/test_fast_lists.py walks
the schema: every field with a resolver of a type that a list page reaches is one of these.

A relation may take arguments: `Paged` is a nested connection (`first`, `after`), each
parent's page of all parents loaded in one statement (a window function, `ROW_NUMBER() OVER
(PARTITION BY parent ORDER BY id)`, resolvers/tenancy.py), on either path. The chat list
will show each chat's last message with one such field on its type and nothing else:

    messages: MessageConnection = relation(
        Paged(models.Message, "chat_id", MessageConnection, descending=True),
        description="Its messages, newest first.",
    )

and `chats(first: 20) { edges { node { messages(first: 1) { edges { node { body } } } } } }`
loads the 20 chats' last messages in one statement.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

import strawberry
from strawberry.dataloader import DataLoader
from tortoise.models import Model

from resolvers.context import Context
from resolvers.pagination import Page
from schema.loaders import Loaders, loaders_of

FAST_PATH = "frontdesk.fast_path"  # the metadata key of a field's declaration


class Unsupported(Exception):
    """The fast path cannot complete this value: complete it the usual way."""


class Connects(Protocol):
    """A connection type: made of a page."""

    @classmethod
    def of(cls, page: Page[Any]) -> Any: ...


@dataclass(frozen=True)
class One:
    """The row of `model` that the row's foreign key `key` points at (None for a null key)."""

    model: type[Model]
    key: str
    shared: ClassVar[bool] = True  # many rows point at the same one (a ticket's customer)
    arguments: ClassVar[tuple[str, ...]] = ()

    def loader(self, loaders: Loaders, arguments: Mapping[str, Any]) -> DataLoader[Any, Any]:
        return loaders.by_id(self.model)

    convert: ClassVar[None] = None  # the loaded row is the value


@dataclass(frozen=True)
class Children:
    """The rows of `model` whose column `parent` points at the row, oldest first."""

    model: type[Model]
    parent: str
    key: ClassVar[str | None] = None  # the row's primary key
    shared: ClassVar[bool] = False
    arguments: ClassVar[tuple[str, ...]] = ()

    def loader(self, loaders: Loaders, arguments: Mapping[str, Any]) -> DataLoader[Any, Any]:
        return loaders.by_parent(self.model, self.parent)

    convert: ClassVar[None] = None


@dataclass(frozen=True)
class Via:
    """What another of the request's loaders gives for the row's primary key (`load` picks
    it), made into the field's value by `convert` if given."""

    load: Callable[[Loaders], DataLoader[int, Any]]
    convert: Callable[[Any], Any] | None = None
    key: ClassVar[str | None] = None
    shared: ClassVar[bool] = False
    arguments: ClassVar[tuple[str, ...]] = ()

    def loader(self, loaders: Loaders, arguments: Mapping[str, Any]) -> DataLoader[Any, Any]:
        return self.load(loaders)


@dataclass(frozen=True)
class Paged:
    """A connection of the rows of `model` whose column `parent` points at the row, with the
    arguments `first` and `after` (newest first if `descending`): every parent's page in one
    statement, on either path."""

    model: type[Model]
    parent: str
    connection: type[Connects]
    descending: bool = False
    key: ClassVar[str | None] = None
    shared: ClassVar[bool] = False
    arguments: ClassVar[tuple[str, ...]] = ("first", "after")

    def loader(self, loaders: Loaders, arguments: Mapping[str, Any]) -> DataLoader[Any, Any]:
        first, after = arguments.get("first"), arguments.get("after")
        return loaders.pages_by_parent(
            self.model, self.parent, first, after, descending=self.descending
        )

    @property
    def convert(self) -> Callable[[Page[Any]], Any]:
        return self.connection.of


Relation = One | Children | Via | Paged


@dataclass(frozen=True)
class Computed:
    """A value computed from the row and the request's context: `function(ctx, row)`. Given by
    `served_fast` to a field with its own resolver, it may raise Unsupported (the page is then
    completed the usual way)."""

    function: Callable[[Context, Any], Any]


@dataclass(frozen=True)
class FallsBack:
    """A field with its own resolver that the fast path does not serve, and why."""

    reason: str


Declaration = Relation | Computed | FallsBack


def relation(declaration: Relation, *, description: str, name: str | None = None) -> Any:
    """The field of a relation: its resolver loads through the request's DataLoaders, and the
    fast path loads it the same way for a whole page."""
    if isinstance(declaration, Paged):

        async def resolve_page(
            root: Any,
            info: strawberry.Info[Context, None],
            first: int | None = None,
            after: str | None = None,
        ) -> Any:
            arguments = {"first": first, "after": after}
            loader = declaration.loader(loaders_of(info.context), arguments)
            return declaration.convert(await loader.load(root.pk))

        resolver: Callable[..., Any] = resolve_page
    else:
        key = declaration.key or "pk"
        convert = declaration.convert

        async def resolve(root: Any, info: strawberry.Info[Context, None]) -> Any:
            value = getattr(root, key)
            if value is None:
                return None
            loaded = await declaration.loader(loaders_of(info.context), {}).load(value)
            return loaded if convert is None or loaded is None else convert(loaded)

        resolver = resolve
    return strawberry.field(
        resolver=resolver, description=description, name=name, metadata={FAST_PATH: declaration}
    )


def computed(
    function: Callable[[Context, Any], Any], *, description: str, name: str | None = None
) -> Any:
    """The field of a value computed from the row: `function(ctx, row)` on either path."""

    def resolve(root: Any, info: strawberry.Info[Context, None]) -> Any:
        return function(info.context, root)

    declaration = Computed(function)
    return strawberry.field(
        resolver=resolve, description=description, name=name, metadata={FAST_PATH: declaration}
    )


def falls_back(reason: str) -> dict[str, Any]:
    """The metadata of a field with its own resolver that the fast path does not serve."""
    return {FAST_PATH: FallsBack(reason)}


def served_fast(function: Callable[[Context, Any], Any]) -> dict[str, Any]:
    """The metadata of a field with its own (awaiting) resolver that the fast path computes
    with `function(ctx, row)` instead, which raises Unsupported when it cannot."""
    return {FAST_PATH: Computed(function)}


def known_total(ctx: Context, connection: Any) -> int:
    """A connection's totalCount if its page counted it already (the fast path does not
    await)."""
    total = connection.page.known_total
    if total is None:
        raise Unsupported()
    return total  # type: ignore[no-any-return]


def declaration_of(field: Any) -> Declaration | None:
    """The declaration kept on a strawberry field, if any."""
    metadata = getattr(field, "metadata", None) or {}
    return metadata.get(FAST_PATH)
