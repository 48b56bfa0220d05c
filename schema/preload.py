"""A fast path for list pages: their rows' relations loaded up front, then the page's JSON
built in one loop instead of by graphql-core's per-field machinery.

Executing `tickets(first: 50)` with a dozen nested fields went through graphql-core and
strawberry once per field of every row: ~1,300 resolver calls, each building an Info object
and converting arguments, ~300 of them async (a Task, a DataLoader future and a turn of the
event loop each). Nearly all of a request's time went there, not to SQL. So a page does two
things instead:

1. `preload(info, rows)` (called by the root field once it has its rows) walks the
   selection and loads each selected relation for ALL rows of a level at once, through the
   request's DataLoaders: the same SQL statements, in the same batches, as the field
   resolvers would run. The results are kept on the rows (`_preloaded`).
2. `PreloadingExecutor.complete_object_value` completes a preloaded page by walking the
   collected selection (graphql-core's own field collection: fragments, aliases,
   @skip/@include) and reading values with plain getters: attributes for plain fields,
   the preloaded results for relations, the global ID for `id`. Leaves are serialized by
   their GraphQL types.

Anything the fast path does not know (a field with a resolver that is not registered here,
arguments on a nested field, an abstract type, a null where the schema says non-null) stops
it for that page: the page is then completed the usual way, whose resolvers load through the
same DataLoaders (their caches already hold what was preloaded). So the answer is the same
either way; tests compare the two.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    InlineFragmentNode,
    SelectionSetNode,
)
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.types.base_scalars import isoformat
from strawberry.types.base import StrawberryObjectDefinition
from tortoise.models import Model

from models.accounts import User as UserRow
from models.customers import ContactPerson, Contract, Customer
from models.tickets import Document, Stage, TicketLink, TicketNote, TicketTask
from resolvers.context import Context
from resolvers.pagination import Page
from schema.base import Connection

PRELOADED = "_preloaded"
PAGES_COMPLETED_FAST = 0  # how many pages this process completed the fast way (for tests)


class Unsupported(Exception):
    """The fast path cannot complete this value: complete it the usual way."""


# ---------------------------------------------------------------- what can be preloaded


@dataclass(frozen=True)
class One:
    """A row referenced by a foreign key, through the `by_id` loader of `model` (or
    `user_by_id` for users)."""

    model: type[Model]
    key: str


@dataclass(frozen=True)
class Children:
    """The rows of `model` whose `parent` column points at the row."""

    model: type[Model]
    parent: str


@dataclass(frozen=True)
class Named:
    """Lists from a named loader of the request's Loaders, by the row's primary key."""

    loader: str


# GraphQL type -> field -> how to load it (these fields' resolvers load the same way).
RELATIONS: dict[str, dict[str, One | Children | Named]] = {
    "Ticket": {
        "customer": One(Customer, "customer_id"),
        "stage": One(Stage, "stage_id"),
        "assignee": One(UserRow, "assignee_id"),
        "createdBy": One(UserRow, "created_by_id"),
        "requester": One(ContactPerson, "requester_id"),
        "contacts": Named("contacts_by_ticket_id"),
        "tasks": Children(TicketTask, "ticket_id"),
        "links": Children(TicketLink, "ticket_id"),
        "notes": Children(TicketNote, "ticket_id"),
        "documents": Children(Document, "ticket_id"),
    },
    "Customer": {
        "representative": One(UserRow, "representative_id"),
        "contacts": Children(ContactPerson, "customer_id"),
        "contracts": Children(Contract, "customer_id"),
    },
    "ContactPerson": {"customer": One(Customer, "customer_id")},
    "TicketTask": {"assignee": One(UserRow, "assignee_id")},
    "TicketNote": {"author": One(UserRow, "author_id")},
    "Document": {"uploadedBy": One(UserRow, "uploaded_by_id")},
    "Contract": {"customer": One(Customer, "customer_id")},
}
# Fields with a resolver that the fast path may compute itself: (type, field) -> getter.
COMPUTED: dict[tuple[str, str], Callable[[Any, Context], Any]] = {}


def computed(type_name: str, field_name: str) -> Callable[[Callable[..., Any]], Any]:
    """Register how the fast path computes a field that has a resolver."""

    def register(getter: Callable[[Any, Context], Any]) -> Callable[[Any, Context], Any]:
        COMPUTED[(type_name, field_name)] = getter
        return getter

    return register


def _loader(ctx: Context, relation: One | Children | Named) -> Any:
    loaders = ctx.loaders
    if isinstance(relation, One):
        if relation.model is UserRow:
            return loaders.user_by_id
        return loaders.by_id(relation.model)
    if isinstance(relation, Children):
        return loaders.by_parent(relation.model, relation.parent)
    return getattr(loaders, relation.loader)


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

    type_name: str
    rows: list[Any]
    field_nodes: list[FieldNode]


async def _preload_levels(
    loaded: _Loaded, ctx: Context, schema: Any, fragments: dict[str, Any], first: _Level
) -> None:
    """Breadth first: each depth's relations are fetched together, one batch per loader (as
    the DataLoaders batch the resolvers' loads of one depth), then the next depth."""
    levels = [first]
    while levels:
        work = []  # (level, field name, relation, loader, keys, field nodes)
        keys_by_loader: dict[int, tuple[Any, list[Any]]] = {}
        for level in levels:
            relations = RELATIONS.get(level.type_name, {})
            wanted: dict[str, list[FieldNode]] = {}
            for node in level.field_nodes:
                if node.name.value in relations:
                    wanted.setdefault(node.name.value, []).append(node)
            if not level.rows:
                continue
            for name, nodes in wanted.items():
                relation = relations[name]
                loader = _loader(ctx, relation)
                if isinstance(relation, One):
                    keys = [getattr(row, relation.key) for row in level.rows]
                else:
                    keys = [row.pk for row in level.rows]
                work.append((level, name, relation, loader, keys, nodes))
                batch = keys_by_loader.setdefault(id(loader), (loader, []))[1]
                batch.extend(key for key in keys if key is not None)
        # One after the other, as the raw endpoint does: concurrent batches would take one
        # pooled connection each (a Task and a pool wait each, for no gain under load).
        for loader, keys in keys_by_loader.values():
            await loaded.fetch(loader, keys)
        levels = []
        for level, name, relation, loader, keys, nodes in work:
            found = loaded.values(loader)
            children = [found[key] if key is not None else None for key in keys]
            for row, value in zip(level.rows, children, strict=True):
                row.__dict__.setdefault(PRELOADED, {})[name] = value
            if isinstance(relation, One):
                next_rows = [child for child in children if child is not None]
            else:
                next_rows = [child for group in children for child in group]
            child_type = _relation_type(schema.get_type(level.type_name).fields[name].type)
            if child_type is not None and next_rows:
                child_nodes = [f for node in nodes for f in _fields(node.selection_set, fragments)]
                levels.append(_Level(child_type.name, next_rows, child_nodes))


async def preload(info: Any, page: Page[Any], node_type: str) -> None:
    """Load what `info`'s selection of a connection needs for `page`'s rows, and mark the
    page for the fast path."""
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
    first = _Level(node_type, list(page.rows), node_fields)
    await _preload_levels(loaded, info.context, raw.schema, fragments, first)
    page.preloaded = loaded


# ---------------------------------------------------------------- the fast completion


def _getter(object_type: GraphQLObjectType, field_name: str) -> Callable[[Any, Context], Any]:
    """How the fast path reads `field_name` of `object_type` (cached on the type)."""
    cache = object_type.__dict__.setdefault("_frontdesk_getters", {})
    getter = cache.get(field_name)
    if getter is not None:
        return getter  # type: ignore[no-any-return]
    getter = cache[field_name] = _make_getter(object_type, field_name)
    return getter


def _unsupported(source: Any, ctx: Context) -> Any:
    raise Unsupported()


def _make_getter(object_type: GraphQLObjectType, field_name: str) -> Callable[[Any, Context], Any]:
    type_name = object_type.name
    if (type_name, field_name) in COMPUTED:
        return COMPUTED[(type_name, field_name)]
    if field_name in RELATIONS.get(type_name, {}):

        def relation(source: Any, ctx: Context) -> Any:
            try:
                return source.__dict__[PRELOADED][field_name]
            except KeyError:
                raise Unsupported() from None

        relation.relation = field_name  # type: ignore[attr-defined]
        return relation
    field = object_type.fields[field_name]
    definition = field.extensions.get("strawberry-definition")
    owner = object_type.extensions.get("strawberry-definition")
    if field_name == "id" and isinstance(owner, StrawberryObjectDefinition):
        from schema.base import ModelNode

        if isinstance(owner.origin, type) and issubclass(owner.origin, ModelNode):
            prefix = f"{type_name}:"
            key = owner.origin.__model__._meta.pk_attr  # what `.pk` reads, without the property

            def global_id(source: Any, ctx: Context) -> str:
                return base64.b64encode(f"{prefix}{getattr(source, key)}".encode()).decode()

            global_id.global_id = (prefix, key)  # type: ignore[attr-defined]
            return global_id
    if definition is None or definition.base_resolver is not None or field.args:
        return _unsupported
    name = definition.python_name

    def attribute(source: Any, ctx: Context) -> Any:
        return getattr(source, name)

    attribute.attribute = name  # type: ignore[attr-defined]
    return attribute


_IDENTITY_SCALARS = {"String": str, "ID": str, "Int": int, "Boolean": bool, "Float": float}


@dataclass(frozen=True)
class _Plain:
    """An attribute read inline: a value of type `plain` is the answer (`fast` of it, when
    given); `slow` checks and serializes any other value."""

    attribute: str
    plain: type
    slow: Callable[[Any], Any]
    fast: Callable[[Any], Any] | None = None


@dataclass(frozen=True)
class _Relation:
    """A preloaded relation (`source._preloaded[name]`), then completed."""

    name: str
    complete: Callable[[Any], Any]


@dataclass(frozen=True)
class _GlobalId:
    """A node's global ID: base64 of "Type:" and the primary key (`key`)."""

    prefix: str
    key: str


@dataclass(frozen=True)
class _Call:
    """Any other field: one function of the row."""

    function: Callable[[Any], Any]


@dataclass(frozen=True)
class _Constant:
    value: Any


_Step = _Plain | _Relation | _GlobalId | _Call | _Constant


_FACTORIES: dict[tuple[Any, ...], Callable[..., Callable[[Any], dict[str, Any]]]] = {}


def _compile(plan: list[tuple[str, _Step]]) -> Callable[[Any], dict[str, Any]]:
    """One Python function for a plan: each field read inline (no call per plain field), the
    values in plan order, then the response dict (what the per-field functions did). The
    code is made once per shape of plan; each request binds it to its own functions."""
    # What the generated text depends on: response names, kinds, attribute and key names.
    shape = tuple(
        (name, type(step).__name__, getattr(step, "attribute", None), getattr(step, "name", None),
         getattr(step, "key", None), getattr(step, "fast", None) is not None)
        for name, step in plan
    )  # fmt: skip
    factory = _FACTORIES.get(shape)
    if factory is None:
        factory = _FACTORIES[shape] = _factory(plan)
    bound: list[Any] = []
    for _, step in plan:
        if isinstance(step, _Plain):
            bound += [step.plain, step.slow, step.fast]
        elif isinstance(step, _Relation):
            bound.append(step.complete)
        elif isinstance(step, _GlobalId):
            bound.append(step.prefix)
        elif isinstance(step, _Call):
            bound.append(step.function)
        else:
            bound.append(step.value)
    return factory(*bound)


def _factory(plan: list[tuple[str, _Step]]) -> Callable[..., Callable[[Any], dict[str, Any]]]:
    """`make(<the plan's functions and constants>)` -> the plan's completion function."""
    parameters: list[str] = []
    body: list[str] = []
    if any(isinstance(step, _Relation) for _, step in plan):
        body.append("preloaded = source.__dict__.get(PRELOADED)")
        body.append("if preloaded is None: raise Unsupported()")
    for n, (_, step) in enumerate(plan):
        value = f"v{n}"
        if isinstance(step, _Plain):
            parameters += [f"t{n}", f"s{n}", f"g{n}"]
            body.append(f"{value} = source.{step.attribute}")
            if step.fast is None:
                body.append(f"if type({value}) is not t{n}: {value} = s{n}({value})")
            else:
                body.append(f"{value} = g{n}({value}) if type({value}) is t{n} else s{n}({value})")
        elif isinstance(step, _Relation):
            parameters.append(f"c{n}")
            body.append(f"if {step.name!r} not in preloaded: raise Unsupported()")
            body.append(f"{value} = c{n}(preloaded[{step.name!r}])")
        elif isinstance(step, _GlobalId):
            # base64.b64encode is this call; the key as f"{prefix}{key}" formats it.
            parameters.append(f"p{n}")
            body.append(
                f"{value} = b2a_base64((p{n} + str(source.{step.key})).encode(), "
                "newline=False).decode()"
            )
        elif isinstance(step, _Call):
            parameters.append(f"f{n}")
            body.append(f"{value} = f{n}(source)")
        else:
            parameters.append(f"k{n}")
            body.append(f"{value} = k{n}")
    pairs = ", ".join(f"{name!r}: v{n}" for n, (name, _) in enumerate(plan))
    body.append(f"return {{{pairs}}}")
    text = "\n".join(
        [f"def make({', '.join(parameters)}):", "    def complete(source):"]
        + [f"        {line}" for line in body]
        + ["    return complete"]
    )
    names: dict[str, Any] = {
        "Unsupported": Unsupported,
        "PRELOADED": PRELOADED,
        "b2a_base64": binascii.b2a_base64,
    }
    exec(text, names)  # noqa: S102 - our own text: identifiers and reprs of names
    return names["make"]  # type: ignore[no-any-return]


def _serializer_shortcut(graphql_type: Any) -> tuple[type, Callable[[Any], Any]] | None:
    """(type, function) giving what the type's serializer gives for values of that type:
    strawberry's enums (a member's name) and DateTime (isoformat), else None."""
    wrapped = getattr(graphql_type, "wrapped_cls", None)
    if isinstance(graphql_type, GraphQLEnumType) and isinstance(wrapped, type):
        # CustomGraphQLEnumType.coerce_output_value: the first name with the member's value.
        names = {}
        for member in wrapped:  # type: ignore[var-annotated]
            for name, value in graphql_type.values.items():
                if member.value == value.value:
                    names[member] = name
                    break
        if len(names) == len(wrapped):  # type: ignore[arg-type]
            return wrapped, names.__getitem__
    if isinstance(graphql_type, GraphQLScalarType) and graphql_type.serialize is isoformat:
        return datetime, datetime.isoformat  # the scalar serializes with .isoformat()
    return None


class _Fast:
    """One fast completion: per selection a plan of (response name, field function), made on
    first use and used for every row; graphql-core's field collection; the context."""

    def __init__(self, executor: Any) -> None:
        self.executor = executor
        self.ctx = executor.context_value

    def object(self, object_type: GraphQLObjectType, details: Any, source: Any) -> dict[str, Any]:
        return self._object_completer(object_type, details)(source)

    def _object_completer(
        self, object_type: GraphQLObjectType, details: Any
    ) -> Callable[[Any], dict[str, Any]]:
        compiled: Callable[[Any], dict[str, Any]] | None = None

        def complete(source: Any) -> dict[str, Any]:
            nonlocal compiled
            if compiled is None:  # on first use: an empty list never needs a plan
                compiled = _compile(self._plan(object_type, details))
            return compiled(source)

        return complete

    def _plan(self, object_type: GraphQLObjectType, details: Any) -> list[tuple[str, _Step]]:
        grouped, new_defer_usages, _ = self.executor.collect_subfields(object_type, details)
        if new_defer_usages:
            raise Unsupported()
        plan: list[tuple[str, _Step]] = []
        for response_name, field_details in grouped.items():
            node = field_details[0].node
            name = node.name.value
            if name == "__typename":
                plan.append((response_name, _Constant(object_type.name)))
                continue
            if node.arguments:
                raise Unsupported()
            field = object_type.fields[name]
            getter = _getter(object_type, name)
            plan.append((response_name, self._field(getter, field.type, field_details)))
        return plan

    def _field(self, getter: Any, graphql_type: Any, details: Any) -> _Step:
        """How one field of a row is read and completed."""
        non_null = isinstance(graphql_type, GraphQLNonNull)
        inner = graphql_type.of_type if non_null else graphql_type
        attribute = getattr(getter, "attribute", None)
        plain = _IDENTITY_SCALARS.get(inner.name) if isinstance(inner, GraphQLScalarType) else None
        if attribute is not None and plain is not None and attribute.isidentifier():
            # The common case, a plain attribute of a plain type: read inline, serialized
            # only when it is not of the plain type already.
            serialize = inner.serialize
            if non_null:

                def required(value: Any) -> Any:
                    if value is None:
                        raise Unsupported()
                    return serialize(value)

                return _Plain(attribute, plain, required)

            def optional(value: Any) -> Any:
                return None if value is None else serialize(value)

            return _Plain(attribute, plain, optional)
        complete = self._completer(graphql_type, details)
        if attribute is not None and attribute.isidentifier():
            shortcut = _serializer_shortcut(inner)
            if shortcut is not None:
                return _Plain(attribute, shortcut[0], complete, shortcut[1])
        relation = getattr(getter, "relation", None)
        if relation is not None:
            return _Relation(relation, complete)
        global_id = getattr(getter, "global_id", None)
        if global_id is not None and non_null and getattr(inner, "name", None) == "ID":
            return _GlobalId(*global_id)
        ctx = self.ctx
        return _Call(lambda source: complete(getter(source, ctx)))

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
            complete = self._object_completer(graphql_type, details)
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
            try:
                completed = _Fast(self).object(return_type, field_details_list, result)
            except Unsupported:
                loaded.prime_loaders()  # the usual way finds in the loaders what was loaded
            else:
                global PAGES_COMPLETED_FAST
                PAGES_COMPLETED_FAST += 1
                return completed
        return super().complete_object_value(
            return_type, field_details_list, info, path, result, position_context
        )


@computed("TicketConnection", "totalCount")
@computed("TicketLogConnection", "totalCount")
def _known_total(source: Any, ctx: Context) -> int:
    if source.page.known_total is None:
        raise Unsupported()
    return source.page.known_total  # type: ignore[no-any-return]


@computed("Document", "url")
def _document_url(source: Any, ctx: Context) -> str:
    from resolvers.tickets.documents import download_url

    return download_url(ctx, source)


@computed("TicketLink", "kind")
def _link_kind(source: Any, ctx: Context) -> str:
    return source.kind.value  # type: ignore[no-any-return]


__all__ = ["PreloadingExecutor", "preload", "computed"]
