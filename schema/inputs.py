"""What a field's arguments pass before it runs: one guard for the text of every argument of
every field (GuardsArguments), a mutation's `NodeId` input fields decoded into primary keys
(the type checked), and `given`, the fields a client gave."""

from __future__ import annotations

import dataclasses
import functools
import typing
import uuid
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import strawberry
from graphql import (
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLResolveInfo,
    GraphQLScalarType,
    get_nullable_type,
)
from strawberry import UNSET
from strawberry.extensions import FieldExtension, SchemaExtension
from strawberry.types.base import StrawberryObjectDefinition
from strawberry.types.field import StrawberryField

from resolvers.errors import DomainError
from resolvers.validation import check_characters
from schema.base import Info, error_payload
from schema.nodes import decode_key, node_name

N = TypeVar("N")
V = TypeVar("V")


@dataclasses.dataclass(frozen=True)
class NodeKey:
    """The mark of an input field that holds global IDs of the node type named `node`, whose
    keys `parse` reads; `NodeId["Ticket"]` is an `ID` in the SDL and an int in the mutation."""

    parse: Callable[[str], Any]
    node: str = ""

    def __getitem__(self, node: type | str) -> Any:
        return Annotated[strawberry.ID, dataclasses.replace(self, node=node_name(node))]


if TYPE_CHECKING:
    from typing_extensions import TypeAliasType

    # What the mutation's code sees once DecodesGlobalIds ran: the primary key.
    NodeId = TypeAliasType("NodeId", int, type_params=(N,))
    NodeUuid = TypeAliasType("NodeUuid", uuid.UUID, type_params=(N,))
else:
    NodeId = NodeKey(int)
    NodeUuid = NodeKey(uuid.UUID)


def given(input: object, *leave_out: str) -> dict[str, Any]:
    """The fields of an input the client gave, by Python name, but `leave_out`: not UNSET,
    and not null where null is the field's default (GraphQL cannot tell those apart)."""
    values = {}
    for field in dataclasses.fields(input):  # type: ignore[arg-type]
        value = getattr(input, field.name)
        if field.name in leave_out or value is UNSET or (value is None and field.default is None):
            continue
        values[field.name] = value
    return values


def decode_input(info: Info, value: V, path: str = "") -> V:
    """`value` with the global IDs of its NodeId fields (nested inputs too) turned into keys;
    a malformed ID or one of another type is NOT_FOUND on its field (`path` + its name)."""
    if isinstance(value, list):
        return [decode_input(info, item, path) for item in value]  # type: ignore[return-value]
    definition = getattr(type(value), "__strawberry_definition__", None)
    if not (isinstance(definition, StrawberryObjectDefinition) and definition.is_input):
        return value
    changed = {}
    for field in definition.fields:
        name = path + info.schema.config.name_converter.get_graphql_name(field)
        current = getattr(value, field.python_name)
        key = node_key(field)
        if key is None:
            decoded = decode_input(info, current, name + ".")
        elif isinstance(current, list):
            decoded = [decode_key(info, item, key.node, name, key.parse) for item in current]
        elif current is None or current is UNSET:
            decoded = current
        else:
            decoded = decode_key(info, current, key.node, name, key.parse)
        if decoded is not current:
            changed[field.python_name] = decoded
    return dataclasses.replace(value, **changed) if changed else value  # type: ignore[type-var]


@functools.cache
def node_key(field: StrawberryField) -> NodeKey | None:
    """The NodeKey an input field was declared with (NodeId[...]), if any."""
    annotation = field.type_annotation
    return _find_node_key(annotation.evaluate()) if annotation is not None else None


def _find_node_key(annotation: object) -> NodeKey | None:
    if typing.get_origin(annotation) is Annotated:
        marks = [
            mark for mark in getattr(annotation, "__metadata__", ()) if isinstance(mark, NodeKey)
        ]
        return marks[0] if marks else None
    for argument in typing.get_args(annotation):  # list[...], ... | None
        found = _find_node_key(argument)
        if found is not None:
            return found
    return None


class DecodesGlobalIds(FieldExtension):
    """Hands a mutation its inputs with primary keys in their NodeId fields."""

    async def resolve_async(
        self, next_: Callable[..., Awaitable[Any]], source: Any, info: Info, **kwargs: Any
    ) -> Any:
        decoded = {name: decode_input(info, value) for name, value in kwargs.items()}
        return await next_(source, info, **decoded)


class GuardsArguments(SchemaExtension):
    """Every field's arguments, inputs to any depth, checked before its resolver runs: text
    with a control character (a NUL that PostgreSQL refuses, an escape sequence for a log or a
    terminal) is INVALID_CHARACTERS on its field, in a mutation's payload, as an error elsewhere.
    One guard at the door, so that no field can forget it."""

    def resolve(
        self,
        _next: Callable[..., Any],
        root: Any,
        info: GraphQLResolveInfo[Any],
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        # Most fields take no argument; __type is no field of its parent (nothing to store).
        field = info.parent_type.fields.get(info.field_name) if kwargs else None
        if field is not None:
            try:
                check_arguments(field, kwargs)
            except DomainError as error:
                definition = field.extensions.get("strawberry-definition")
                payload = error_payload(getattr(definition, "type", None), info.context, error)
                if payload is None:
                    raise
                return payload
        return _next(root, info, *args, **kwargs)


def check_arguments(field: GraphQLField, arguments: dict[str, Any]) -> None:
    """INVALID_CHARACTERS for the first text among a field's coerced arguments that holds a
    control character; an input's fields are named as decode_input names them."""
    for name, value in arguments.items():
        argument = field.args.get(name)
        if argument is None:
            continue
        type_ = get_nullable_type(argument.type)
        is_input = isinstance(type_, GraphQLInputObjectType)
        _check_value(value, argument.type, "" if is_input else name)


def _check_value(value: Any, type_: GraphQLInputType, field: str) -> None:
    if value is None or value is UNSET:
        return
    nullable = get_nullable_type(type_)
    if isinstance(nullable, GraphQLList):
        for item in value if isinstance(value, list) else [value]:
            _check_value(item, nullable.of_type, field)
    elif isinstance(nullable, GraphQLInputObjectType) and isinstance(value, dict):
        for name, item in value.items():
            child = nullable.fields.get(name)
            if child is not None:
                _check_value(item, child.type, f"{field}.{name}" if field else name)
    elif isinstance(nullable, GraphQLScalarType) and nullable.name != "Upload":
        # String and ID, and any text a custom scalar holds (an Upload is a file: its name is
        # the resolver's to judge).
        _check_text(value, field or None)


def _check_text(value: object, field: str | None) -> None:
    if isinstance(value, str):
        check_characters(value, field)
    elif isinstance(value, dict):
        for item in value.values():
            _check_text(item, field)
    elif isinstance(value, list):
        for item in value:
            _check_text(item, field)
