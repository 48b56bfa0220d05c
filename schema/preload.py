"""A fast path for list pages: their rows' relations loaded up front, then the page's JSON
built in one loop instead of by graphql-core's per-field machinery.

Executing `tickets(first: 50)` with a dozen nested fields went through graphql-core and
strawberry once per field of every row: ~1,300 resolver calls, each building an Info object
and converting arguments, ~300 of them async (a Task, a DataLoader future and a turn of the
event loop each). Nearly all of a request's time went there, not to SQL. So a page does two
things instead:

1. `preload(info, page)` (called by every list field once it has its page) walks the
   selection and loads each selected relation for ALL rows of a level at once, with the
   batch functions of the request's DataLoaders: the same SQL statements, in the same
   batches, as the field resolvers would run. Which fields are relations, and how they load,
   is the declaration the field itself carries (schema/relations.py: `relation(One(...))`,
   `computed(...)`), the one its resolver uses. A relation with arguments (a nested
   connection, `Ticket.log(first:, after:)`) is loaded with that field node's argument
   values. The results are kept on the rows (`_preloaded`, by field name and arguments).
2. `PreloadingExecutor.complete_object_value` completes a preloaded page by walking the
   collected selection (graphql-core's own field collection: fragments, aliases,
   @skip/@include) and reading values with plain getters: attributes for plain fields,
   the preloaded results for relations, the global ID for `id`. Leaves are serialized by
   their GraphQL types. Each object selection becomes one generated Python function, made
   once per document and kept across requests (`_Completers`); rows that many rows share
   (a ticket's customer, stage, assignee) are completed once per request.

Anything the fast path does not know (a field with a resolver that declares nothing or is
marked `falls_back`, arguments on a field that is not a relation taking them, an abstract
type, a null where the schema says non-null, a nested connection's totalCount) stops it for
that page: the page is then completed the usual way, whose resolvers load through the
same DataLoaders (their caches already hold what was preloaded). So the answer is the same
either way; tests compare the two.
"""

from __future__ import annotations

import base64
import binascii
from collections import OrderedDict
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from enum import EnumMeta
from operator import attrgetter
from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    InlineFragmentNode,
    SelectionSetNode,
    print_ast,
)
from graphql.execution.values import VariableValues, get_argument_values
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.types.base_scalars import isoformat
from strawberry.types.base import StrawberryObjectDefinition

from resolvers.context import Context
from resolvers.errors import DomainError
from resolvers.pagination import Page
from schema.base import Connection
from schema.loaders import loaders_of
from schema.relations import (
    Computed,
    Declaration,
    FallsBack,
    Paged,
    Relation,
    Unsupported,
    declaration_of,
)

PRELOADED = "_preloaded"
PAGES_COMPLETED_FAST = 0  # how many pages this process completed the fast way (for tests)


# ---------------------------------------------------------------- what can be preloaded


def declarations(object_type: GraphQLObjectType) -> dict[str, Declaration]:
    """The declared relations and computed fields of a type, by field name (schema/relations.py;
    cached on the type)."""
    found = object_type.__dict__.get("_frontdesk_declarations")
    if found is None:
        found = object_type.__dict__["_frontdesk_declarations"] = {
            name: declaration
            for name, field in object_type.fields.items()
            if (declaration := declaration_of(field.extensions.get("strawberry-definition")))
            is not None
        }
    return found


def _slot(node: FieldNode) -> str:
    """Where a row keeps a relation's preloaded value: its field name, with its arguments as
    written (the same text is the same values within a request)."""
    if not node.arguments:
        return node.name.value
    arguments = ",".join(sorted(print_ast(argument) for argument in node.arguments))
    return f"{node.name.value}({arguments})"


def _fields(
    selection_set: SelectionSetNode | None, fragments: dict[str, Any]
) -> Iterable[FieldNode]:
    """The field nodes of a selection, fragments flattened (a superset is harmless here)."""
    if selection_set is None:
        return
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            yield selection
        elif isinstance(selection, InlineFragmentNode):
            yield from _fields(selection.selection_set, fragments)
        elif isinstance(selection, FragmentSpreadNode):
            fragment = fragments.get(selection.name.value)
            if fragment is not None:
                yield from _fields(fragment.selection_set, fragments)


def _relation_type(graphql_type: Any) -> GraphQLObjectType | None:
    while isinstance(graphql_type, (GraphQLNonNull, GraphQLList)):
        graphql_type = graphql_type.of_type
    return graphql_type if isinstance(graphql_type, GraphQLObjectType) else None


class _Loaded:
    """What one page's preload fetched, per DataLoader: the loaders get it only if the page
    falls back to the usual execution (priming costs a future per key)."""

    def __init__(self) -> None:
        self.by_loader: dict[int, tuple[Any, dict[Any, Any]]] = {}

    async def fetch(self, loader: Any, keys: list[Any]) -> dict[Any, Any]:
        """The values of `keys`, fetching with the loader's batch function only those this
        page has not fetched already (as the loader's cache would)."""
        known = self.by_loader.setdefault(id(loader), (loader, {}))[1]
        missing = [key for key in dict.fromkeys(keys) if key not in known]
        # An empty batch still registers the loader (values() finds it).
        if missing:
            known.update(zip(missing, await loader.load_fn(missing), strict=True))
        return known

    def values(self, loader: Any) -> dict[Any, Any]:
        return self.by_loader[id(loader)][1]

    def prime_loaders(self) -> None:
        for loader, values in self.by_loader.values():
            loader.prime_many(values)


@dataclass
class _Level:
    """Rows of one GraphQL type at one depth, and the fields selected on them."""

    object_type: GraphQLObjectType
    rows: list[Any]
    field_nodes: list[FieldNode]
    slots: list[dict[str, Any]] | None = None  # each row's `_preloaded`, made on first use

    def preloaded(self) -> list[dict[str, Any]]:
        if self.slots is None:
            self.slots = [row.__dict__.setdefault(PRELOADED, {}) for row in self.rows]
        return self.slots


@dataclass
class _Work:
    """One relation of one level to load: under `slot` of each row, by `keys`."""

    level: _Level
    field: GraphQLField
    relation: Relation
    slot: str
    loader: Any
    keys: list[Any]
    nodes: list[FieldNode]


def _selected_relations(level: _Level, ctx: Context, variables: VariableValues) -> list[_Work]:
    """The relations the level's selection asks for, one per slot, with their loaders and
    keys. A relation whose arguments are bad is left out: the usual resolver reports it."""
    declared = declarations(level.object_type)
    wanted: dict[str, list[FieldNode]] = {}
    for node in level.field_nodes:
        if isinstance(declared.get(node.name.value), Relation):
            wanted.setdefault(_slot(node), []).append(node)
    work = []
    for slot, nodes in wanted.items():
        name = nodes[0].name.value
        relation: Relation = declared[name]  # type: ignore[assignment]
        field = level.object_type.fields[name]
        arguments = get_argument_values(field, nodes[0], variables) if nodes[0].arguments else {}
        try:
            loader = relation.loader(loaders_of(ctx), arguments)
        except DomainError:
            continue
        # The key by its attribute (`.pk` is a property: a call per row).
        key = relation.key or type(level.rows[0])._meta.pk_attr
        keys = list(map(attrgetter(key), level.rows))
        work.append(_Work(level, field, relation, slot, loader, keys, nodes))
    return work


def _next_level(work: _Work, values: list[Any], fragments: dict[str, Any]) -> _Level | None:
    """The rows the relation loaded (each once), and the fields selected on them."""
    nodes = [f for node in work.nodes for f in _fields(node.selection_set, fragments)]
    if isinstance(work.relation, Paged):
        # A connection: its rows, and the selection under edges { node { ... } }.
        rows = [row for page in values for row in page.rows]
        child_type: GraphQLObjectType | None = _node_type(work.field.type)
        for name in ("edges", "node"):
            nodes = [
                f
                for node in nodes
                if node.name.value == name
                for f in _fields(node.selection_set, fragments)
            ]
    else:
        child_type = _relation_type(work.field.type)
        if isinstance(_named_or_list(work.field.type), GraphQLList):
            rows = [child for group in values for child in group]
        else:
            # Each row once: many tickets share a customer.
            rows = list({id(value): value for value in values if value is not None}.values())
    if child_type is None or not rows:
        return None
    return _Level(child_type, rows, nodes)


def _node_type(connection_type: Any) -> GraphQLObjectType:
    """The type of a connection's nodes: what `edges { node }` gives."""
    edge_type = _relation_type(_relation_type(connection_type).fields["edges"].type)  # type: ignore[union-attr]
    return _relation_type(edge_type.fields["node"].type)  # type: ignore[union-attr, return-value]


def _named_or_list(graphql_type: Any) -> Any:
    return graphql_type.of_type if isinstance(graphql_type, GraphQLNonNull) else graphql_type


async def _preload_levels(
    loaded: _Loaded,
    ctx: Context,
    variables: VariableValues,
    fragments: dict[str, Any],
    first: _Level,
) -> None:
    """Breadth first: each depth's relations are fetched together, one batch per loader (as
    the DataLoaders batch the resolvers' loads of one depth), then the next depth."""
    levels = [first]
    while levels:
        work = [
            w for level in levels if level.rows for w in _selected_relations(level, ctx, variables)
        ]
        keys_by_loader: dict[int, tuple[Any, list[Any]]] = {}
        for item in work:
            batch = keys_by_loader.setdefault(id(item.loader), (item.loader, []))[1]
            batch.extend(key for key in item.keys if key is not None)
        # One after the other, as the raw endpoint does: concurrent batches would take one
        # pooled connection each (a Task and a pool wait each, for no gain under load).
        for loader, keys in keys_by_loader.values():
            await loaded.fetch(loader, keys)
        levels = []
        for item in work:
            values = list(map(loaded.values(item.loader).get, item.keys))  # None for a None key
            slots = item.level.preloaded()
            convert = item.relation.convert
            if convert is None:
                for slot, value in zip(slots, values, strict=True):
                    slot[item.slot] = value
            else:
                for slot, value in zip(slots, values, strict=True):
                    slot[item.slot] = None if value is None else convert(value)
                if not isinstance(item.relation, Paged):  # the next level: the values made
                    values = [slot[item.slot] for slot in slots]
            following = _next_level(item, values, fragments)
            if following is not None:
                levels.append(following)


async def preload(info: Any, page: Page[Any], node_type: str | None = None) -> None:
    """Load what `info`'s selection of a connection needs for `page`'s rows, and mark the
    page for the fast path (`info` is the list field's, whose type is the connection)."""
    raw = info._raw_info
    fragments = raw.fragments
    connection_fields = [
        f for node in raw.field_nodes for f in _fields(node.selection_set, fragments)
    ]
    if any(f.name.value == "totalCount" for f in connection_fields):
        await page.total_count()
    edges = [f for f in connection_fields if f.name.value == "edges"]
    edge_fields = [f for node in edges for f in _fields(node.selection_set, fragments)]
    nodes = [f for f in edge_fields if f.name.value == "node"]
    node_fields = [f for node in nodes for f in _fields(node.selection_set, fragments)]
    loaded = _Loaded()
    rows_type = _node_type(raw.return_type) if node_type is None else raw.schema.get_type(node_type)
    first = _Level(rows_type, list(page.rows), node_fields)
    variables = VariableValues(sources={}, coerced=raw.variable_values)
    await _preload_levels(loaded, info.context, variables, fragments, first)
    page.preloaded = loaded


# ---------------------------------------------------------------- the fast completion


def _getter(object_type: GraphQLObjectType, field_name: str) -> Callable[[Context, Any], Any]:
    """How the fast path reads `field_name` of `object_type` (cached on the type)."""
    cache = object_type.__dict__.setdefault("_frontdesk_getters", {})
    getter = cache.get(field_name)
    if getter is not None:
        return getter  # type: ignore[no-any-return]
    getter = cache[field_name] = _make_getter(object_type, field_name)
    return getter


def _unsupported(ctx: Context, source: Any) -> Any:
    raise Unsupported()


def _preloaded(ctx: Context, source: Any) -> Any:
    raise Unsupported()  # never called: the completion reads the row's preloaded slot


def _make_getter(object_type: GraphQLObjectType, field_name: str) -> Callable[[Context, Any], Any]:
    type_name = object_type.name
    declaration = declarations(object_type).get(field_name)
    if isinstance(declaration, Computed):
        return declaration.function
    if isinstance(declaration, FallsBack):
        return _unsupported
    if declaration is not None:
        return _preloaded
    field = object_type.fields[field_name]
    definition = field.extensions.get("strawberry-definition")
    owner = object_type.extensions.get("strawberry-definition")
    if field_name == "id" and isinstance(owner, StrawberryObjectDefinition):
        from schema.base import ModelNode

        if isinstance(owner.origin, type) and issubclass(owner.origin, ModelNode):
            prefix = f"{type_name}:"
            key = owner.origin.__model__._meta.pk_attr  # what `.pk` reads, without the property

            def global_id(ctx: Context, source: Any) -> str:
                return base64.b64encode(f"{prefix}{getattr(source, key)}".encode()).decode()

            global_id.global_id = (prefix, key)  # type: ignore[attr-defined]
            return global_id
    if definition is None or definition.base_resolver is not None or field.args:
        return _unsupported
    name = definition.python_name

    def attribute(ctx: Context, source: Any) -> Any:
        return getattr(source, name)

    attribute.attribute = name  # type: ignore[attr-defined]
    return attribute


_IDENTITY_SCALARS = {"String": str, "ID": str, "Int": int, "Boolean": bool, "Float": float}

# The request's context while a page is completed (the completion is synchronous); the
# completers are shared by all requests with the same document.
_CONTEXT: ContextVar[Context] = ContextVar("frontdesk_fast_context")


# How a field's value is read from the row ...


@dataclass(frozen=True)
class _Attribute:
    name: str


@dataclass(frozen=True)
class _Preloaded:
    """A preloaded relation: `source._preloaded[name]`."""

    name: str


@dataclass(frozen=True)
class _Getter:
    """A field computed by `function(ctx, source)`."""

    function: Callable[[Context, Any], Any]


@dataclass(frozen=True)
class _GlobalId:
    """A node's global ID: base64 of "Type:" and the primary key (`key`), complete as it is."""

    prefix: str
    key: str


@dataclass(frozen=True)
class _Constant:
    value: Any


_Read = _Attribute | _Preloaded | _Getter | _GlobalId | _Constant


# ... and how the value is completed.


@dataclass(frozen=True)
class _AsIs:
    pass


@dataclass(frozen=True)
class _Plain:
    """A value of type `plain` is the answer (`fast` of it, when given); `slow` checks and
    serializes any other value."""

    plain: type
    slow: Callable[[Any], Any]
    fast: Callable[[Any], Any] | None = None


@dataclass(frozen=True)
class _Object:
    """An object, completed by its selection's function. `shared`: a row that many rows
    reference (a ticket's customer, stage, assignee): completed once per request and
    selection, the answer kept on the row (its `__dict__`, under the selection's function;
    rows are the request's own)."""

    complete: Callable[[Any], dict[str, Any]]
    non_null: bool
    shared: bool = False


@dataclass(frozen=True)
class _Objects:
    """A list of objects, each completed by the selection's function."""

    complete: Callable[[Any], dict[str, Any]]
    non_null: bool
    items_non_null: bool


@dataclass(frozen=True)
class _Function:
    """Anything else (lists of scalars, JSON, ...): one function of the value."""

    complete: Callable[[Any], Any]


_Complete = _AsIs | _Plain | _Object | _Objects | _Function


def _null_item() -> Any:
    raise Unsupported()  # a null in a list of non-null items: the usual way reports it


_FACTORIES: dict[str, Callable[..., Callable[[Any], dict[str, Any]]]] = {}


def _compile(fields: list[tuple[str, _Read, _Complete]]) -> Callable[[Any], dict[str, Any]]:
    """One Python function completing a row for a selection: every field read and completed
    inline (no call per plain field or per nested object), then the response dict. The
    code is made once per text (`exec`), then bound to this selection's functions."""
    parameters: dict[str, Any] = {}
    body: list[str] = []
    if any(isinstance(read, _Preloaded) for _, read, _ in fields):
        body.append("preloaded = source.__dict__.get(PRELOADED)")
        body.append("if preloaded is None: raise Unsupported()")
    if any(isinstance(read, _Getter) for _, read, _ in fields):
        body.append("ctx = CONTEXT.get()")
    for n, (_, read, complete) in enumerate(fields):
        v = f"v{n}"
        if isinstance(read, _Attribute):
            body.append(f"{v} = source.{read.name}")
        elif isinstance(read, _Preloaded):
            body.append(f"if {read.name!r} not in preloaded: raise Unsupported()")
            body.append(f"{v} = preloaded[{read.name!r}]")
        elif isinstance(read, _Getter):
            parameters[f"r{n}"] = read.function
            body.append(f"{v} = r{n}(ctx, source)")
        elif isinstance(read, _GlobalId):
            # base64.b64encode is this call; the key as f"{prefix}{key}" formats it.
            parameters[f"p{n}"] = read.prefix
            body.append(
                f"{v} = b2a_base64((p{n} + str(source.{read.key})).encode(), newline=False)"
                ".decode()"
            )
        else:
            parameters[f"k{n}"] = read.value
            body.append(f"{v} = k{n}")
        if isinstance(complete, _Plain):
            parameters[f"t{n}"], parameters[f"s{n}"] = complete.plain, complete.slow
            if complete.fast is None:
                body.append(f"if type({v}) is not t{n}: {v} = s{n}({v})")
            else:
                parameters[f"g{n}"] = complete.fast
                body.append(f"{v} = g{n}({v}) if type({v}) is t{n} else s{n}({v})")
        elif isinstance(complete, (_Object, _Objects)):
            parameters[f"o{n}"] = complete.complete
            if isinstance(complete, _Object) and complete.shared:
                done = f"{v} = {v}.__dict__.get(o{n}) or {v}.__dict__.setdefault(o{n}, o{n}({v}))"
            elif isinstance(complete, _Object):
                done = f"{v} = o{n}({v})"
            elif complete.items_non_null:
                done = f"{v} = [o{n}(i) if i is not None else null_item() for i in {v}]"
            else:
                done = f"{v} = [o{n}(i) if i is not None else None for i in {v}]"
            if complete.non_null:
                body.append(f"if {v} is None: raise Unsupported()")
                body.append(done)
            else:
                body.append(f"if {v} is not None: {done}")
        elif isinstance(complete, _Function):
            parameters[f"f{n}"] = complete.complete
            body.append(f"{v} = f{n}({v})")
    pairs = ", ".join(f"{name!r}: v{n}" for n, (name, _, _) in enumerate(fields))
    body.append(f"return {{{pairs}}}")
    text = "\n".join(
        [f"def make({', '.join(parameters)}):", "    def complete(source):"]
        + [f"        {line}" for line in body]
        + ["    return complete"]
    )
    factory = _FACTORIES.get(text)
    if factory is None:
        names: dict[str, Any] = {
            "Unsupported": Unsupported,
            "PRELOADED": PRELOADED,
            "CONTEXT": _CONTEXT,
            "b2a_base64": binascii.b2a_base64,
            "null_item": _null_item,
        }
        exec(text, names)  # noqa: S102 - our own text: identifiers and reprs of names
        factory = _FACTORIES[text] = names["make"]
    return factory(*parameters.values())


def _serializer_shortcut(graphql_type: Any) -> tuple[type, Callable[[Any], Any]] | None:
    """(type, function) giving what the type's serializer gives for values of that type:
    strawberry's enums (a member's name) and DateTime (isoformat), else None."""
    wrapped = getattr(graphql_type, "wrapped_cls", None)
    if isinstance(graphql_type, GraphQLEnumType) and isinstance(wrapped, EnumMeta):
        # CustomGraphQLEnumType.coerce_output_value: the first name with the member's value.
        names = {}
        for member in wrapped:  # type: ignore[var-annotated]
            for name, value in graphql_type.values.items():
                if member.value == value.value:
                    names[member] = name
                    break
        if len(names) == len(wrapped):
            return wrapped, names.__getitem__
    if isinstance(graphql_type, GraphQLScalarType) and graphql_type.serialize is isoformat:
        return datetime, datetime.isoformat  # the scalar serializes with .isoformat()
    return None


class _Planner:
    """Makes the completion function of a selection, nested selections first, with the
    executor's field collection (fragments, aliases, @skip/@include)."""

    def __init__(self, executor: Any) -> None:
        self.executor = executor

    def object(self, object_type: GraphQLObjectType, details: Any) -> Callable[[Any], Any]:
        grouped, new_defer_usages, _ = self.executor.collect_subfields(object_type, details)
        if new_defer_usages:
            raise Unsupported()
        fields: list[tuple[str, _Read, _Complete]] = []
        for response_name, field_details in grouped.items():
            node = field_details[0].node
            name = node.name.value
            if name == "__typename":
                fields.append((response_name, _Constant(object_type.name), _AsIs()))
                continue
            fields.append((response_name, *self._field(object_type, name, field_details)))
        return _compile(fields)

    def _field(
        self, object_type: GraphQLObjectType, name: str, details: Any
    ) -> tuple[_Read, _Complete]:
        """How one field of a row is read and completed."""
        getter = _getter(object_type, name)
        node = details[0].node
        relation = declarations(object_type).get(name) if getter is _preloaded else None
        if getter is _unsupported or (
            # Arguments only where a relation takes them (preloaded for their values).
            node.arguments and not (isinstance(relation, Relation) and relation.arguments)
        ):
            raise Unsupported()
        graphql_type = object_type.fields[name].type
        non_null = isinstance(graphql_type, GraphQLNonNull)
        inner = graphql_type.of_type if non_null else graphql_type
        attribute = getattr(getter, "attribute", None)
        global_id = getattr(getter, "global_id", None)
        read: _Read
        if attribute is not None and attribute.isidentifier():
            read = _Attribute(attribute)
        elif global_id is not None and non_null and getattr(inner, "name", None) == "ID":
            return _GlobalId(*global_id), _AsIs()
        elif relation is not None:
            read = _Preloaded(_slot(node))
        else:
            read = _Getter(getter)
        if isinstance(read, _Attribute) and isinstance(inner, GraphQLScalarType):
            plain = _IDENTITY_SCALARS.get(inner.name)
            if plain is not None:
                # The common case, a plain attribute of a plain type: serialized only when
                # it is not of the plain type already.
                return read, _Plain(plain, self._leaf(inner, non_null))
        if isinstance(read, _Attribute):
            shortcut = _serializer_shortcut(inner)
            if shortcut is not None:
                slow = self._completer(graphql_type, details)
                return read, _Plain(shortcut[0], slow, shortcut[1])
        if isinstance(inner, GraphQLObjectType):
            shared = isinstance(relation, Relation) and relation.shared
            return read, _Object(self.object(inner, details), non_null, shared)
        if isinstance(inner, GraphQLList):
            item = inner.of_type
            items_non_null = isinstance(item, GraphQLNonNull)
            if items_non_null:
                item = item.of_type
            if isinstance(item, GraphQLObjectType):
                return read, _Objects(self.object(item, details), non_null, items_non_null)
        return read, _Function(self._completer(graphql_type, details))

    @staticmethod
    def _leaf(graphql_type: GraphQLScalarType, non_null: bool) -> Callable[[Any], Any]:
        serialize = graphql_type.serialize
        if non_null:

            def required(value: Any) -> Any:
                if value is None:
                    raise Unsupported()
                return serialize(value)

            return required

        def optional(value: Any) -> Any:
            return None if value is None else serialize(value)

        return optional

    def _completer(self, graphql_type: Any, details: Any) -> Callable[[Any], Any]:
        non_null = isinstance(graphql_type, GraphQLNonNull)
        if non_null:
            graphql_type = graphql_type.of_type
        complete: Callable[[Any], Any]
        if isinstance(graphql_type, GraphQLList):
            item = self._completer(graphql_type.of_type, details)

            def complete(value: Any) -> Any:
                return [item(entry) for entry in value]

        elif isinstance(graphql_type, GraphQLScalarType):
            plain = _IDENTITY_SCALARS.get(graphql_type.name)
            serialize = graphql_type.serialize
            if plain is not None:

                def complete(value: Any) -> Any:
                    return value if type(value) is plain else serialize(value)

            else:
                complete = serialize
        elif isinstance(graphql_type, GraphQLEnumType):
            complete = graphql_type.serialize
        elif isinstance(graphql_type, GraphQLObjectType):
            complete = self.object(graphql_type, details)
        else:
            raise Unsupported()  # interfaces and unions
        if non_null:

            def required(value: Any) -> Any:
                if value is None:
                    raise Unsupported()  # the usual way reports the error
                return complete(value)

            return required

        def optional(value: Any) -> Any:
            return None if value is None else complete(value)

        return optional


def _has_directives(
    selection_set: SelectionSetNode | None, fragments: dict[str, Any], seen: set[str]
) -> bool:
    """Whether a selection uses directives or fragment arguments (@skip/@include: their
    answer may depend on the variables, so its completer is not kept); `fragments` are the
    executor's."""
    if selection_set is None:
        return False
    for selection in selection_set.selections:
        if selection.directives:
            return True
        if isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            details = fragments.get(name)  # graphql-core's FragmentDetails
            if name not in seen and details is not None:
                seen.add(name)
                if details.variable_signatures:
                    return True  # fragment arguments: the selection depends on them too
                fragment = details.definition
                if fragment.directives or _has_directives(fragment.selection_set, fragments, seen):
                    return True
        elif _has_directives(selection.selection_set, fragments, seen):  # type: ignore[attr-defined]
            return True
    return False


class _Completers:
    """The completion function of each (connection type, selection) seen lately, kept across
    requests: the parser cache gives the same document (the same nodes) for the same query
    text, so a selection's function is made once. An entry keeps its nodes and type (their
    ids are its key). None: the fast path cannot complete that selection."""

    SIZE = 256

    def __init__(self) -> None:
        self.entries: OrderedDict[tuple[int, ...], tuple[Any, Callable[[Any], Any] | None]] = (
            OrderedDict()
        )

    def get(self, executor: Any, object_type: GraphQLObjectType, details: Any) -> Any:
        nodes = tuple(detail.node for detail in details)
        key = (id(object_type), *map(id, nodes))
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
            return entry[1]
        try:
            complete = _Planner(executor).object(object_type, details)
        except Unsupported:
            complete = None
        fragments = executor.fragments
        if not any(_has_directives(node.selection_set, fragments, set()) for node in nodes):
            self.entries[key] = ((object_type, nodes), complete)
            if len(self.entries) > self.SIZE:
                self.entries.popitem(last=False)
        return complete


_COMPLETERS = _Completers()


class PreloadingExecutor(StrawberryGraphQLCoreExecutionContext):
    """The schema's executor: preloaded pages complete through the fast path."""

    def complete_object_value(
        self,
        return_type: GraphQLObjectType,
        field_details_list: Any,
        info: Any,
        path: Any,
        result: Any,
        position_context: Any,
    ) -> Any:
        loaded = getattr(result, "page", None) and result.page.preloaded
        if isinstance(result, Connection) and isinstance(loaded, _Loaded):
            complete = _COMPLETERS.get(self, return_type, field_details_list)
            token = _CONTEXT.set(self.context_value)
            try:
                if complete is None:
                    raise Unsupported()
                completed = complete(result)
            except Unsupported:
                loaded.prime_loaders()  # the usual way finds in the loaders what was loaded
            else:
                global PAGES_COMPLETED_FAST
                PAGES_COMPLETED_FAST += 1
                return completed
            finally:
                _CONTEXT.reset(token)
        return super().complete_object_value(
            return_type, field_details_list, info, path, result, position_context
        )


__all__ = ["PreloadingExecutor", "preload", "declarations"]
