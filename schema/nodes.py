"""Relay's `node(id:)`: any object of the caller's company by its global ID."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, TypeVar

import strawberry
from strawberry import relay
from strawberry.types.base import StrawberryObjectDefinition
from tortoise import fields
from tortoise.models import Model

from resolvers.errors import DomainError
from resolvers.validation import in_range
from schema.base import Info, IsAuthenticated, ModelNode
from schema.loaders import loaders_of

K = TypeVar("K")


async def load_nodes(info: Info, model: type[Model], node_ids: list[str]) -> list[Any]:
    """Rows of the caller's company for these primary keys (None where there is none)."""
    loader = loaders_of(info.context).by_id(model)
    uuid_keys = isinstance(model._meta.pk, fields.UUIDField)
    keys: list[Any] = []
    for node_id in node_ids:
        try:
            key: Any = uuid.UUID(node_id) if uuid_keys else int(node_id)
        except ValueError:
            key = None
        if key is None or not in_range(key):
            key = uuid.UUID(int=0) if uuid_keys else -1
        keys.append(key)
    return list(await loader.load_many(keys))


def node_type(info: Info, global_id: str) -> tuple[type[ModelNode], str] | None:
    try:
        parsed = relay.GlobalID.from_id(global_id)
    except Exception:  # noqa: BLE001 - any malformed ID is simply not found
        return None
    definition = info.schema.get_type_by_name(parsed.type_name)
    if not isinstance(definition, StrawberryObjectDefinition):
        return None
    origin = definition.origin
    if not (isinstance(origin, type) and issubclass(origin, ModelNode)):
        return None
    return origin, parsed.node_id


def decode_ids(
    info: Info, global_ids: list[strawberry.ID] | None, expected: type[ModelNode], field: str
) -> list[int] | None:
    """The primary keys inside a list of global IDs (None stays None)."""
    if global_ids is None:
        return None
    return [decode_id(info, global_id, expected, field) for global_id in global_ids]


def decode_id(info: Info, global_id: str, expected: type[ModelNode], field: str) -> int:
    """The primary key inside a global ID of type `expected`; anything else is NOT_FOUND."""
    return decode_key(info, global_id, node_name(expected), field, int)


def node_name(node: type | str) -> str:
    """The GraphQL name of a node type, given as the type or as its name."""
    if isinstance(node, str):
        return node
    definition = getattr(node, "__strawberry_definition__", None)
    return definition.name if definition is not None else node.__name__


def decode_key(
    info: Info, global_id: str, expected: str, field: str, parse: Callable[[str], K]
) -> K:
    """The key inside a global ID of the node type named `expected`, parsed by `parse` (int,
    uuid.UUID); a malformed ID, one of another type or out of range is NOT_FOUND on `field`."""
    found = node_type(info, str(global_id))
    if found is None or node_name(found[0]) != expected:
        raise DomainError("NOT_FOUND", field)
    try:
        key = parse(found[1])
    except ValueError:
        raise DomainError("NOT_FOUND", field) from None
    if not in_range(key):
        raise DomainError("NOT_FOUND", field)
    return key


def global_id(node: type | str, pk: object) -> strawberry.ID:
    """The global ID of a row of a node type (what `id` of that node answers)."""
    return strawberry.ID(str(relay.GlobalID(node_name(node), str(pk))))


@strawberry.type
class NodeQuery:
    @strawberry.field(
        description="Any object of your company by its global ID; null when there is none.",
        permission_classes=[IsAuthenticated],
    )
    async def node(self, info: Info, id: strawberry.ID) -> relay.Node | None:
        found = node_type(info, str(id))
        if found is None:
            return None
        origin, node_id = found
        rows = await origin.resolve_nodes(info=info, node_ids=[node_id])
        return rows[0] if rows else None
