"""What every domain's schema shares: Info, UserError, payloads, permissions, nodes, pages."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

import strawberry
from strawberry import relay
from strawberry.extensions import FieldExtension
from strawberry.permission import BasePermission
from tortoise.models import Model

from models.actors import ADMINS, EVERYONE
from resolvers.context import Context
from resolvers.errors import DomainError, Forbidden, NotAuthenticated
from resolvers.i18n import translate
from resolvers.pagination import Page, encode_cursor
from schema.relations import known_total, served_fast

if TYPE_CHECKING:
    from schema.loaders import Loaders

    class SchemaContext(Context):
        """The context as the schema sees it: get_context gives every request and socket its
        loaders (resolvers/ cannot name their type, so Context has them as Any)."""

        loaders: Loaders

    Info = strawberry.Info[SchemaContext, None]
else:
    Info = strawberry.Info[Context, None]
T = TypeVar("T")


@strawberry.type(description="An expected failure of a mutation; nothing was changed.")
class UserError:
    field: str | None = strawberry.field(
        description="The input field the error concerns (camelCase), if one."
    )
    code: str = strawberry.field(description="A stable machine-readable code.")
    message: str = strawberry.field(description="What went wrong, in the caller's language.")


@strawberry.type(description="What a mutation answers: its result, or why it failed.")
class Payload:
    """The base of every mutation's payload; on a DomainError it holds only `errors`."""

    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed.")


def errors_field(description: str) -> Any:
    """`errors` with a description of its own, for a payload whose errors say more."""
    return strawberry.field(default_factory=list, description=description)


def user_error(ctx: Context, error: DomainError) -> UserError:
    return UserError(
        field=error.field,
        code=error.code,
        message=translate(ctx.language, error.message_key, **error.params),
    )


class ReturnsUserErrors(FieldExtension):
    """Turns a DomainError into the payload's `errors` (the resolver's unit of work has rolled
    back and released nothing; a committed one has released its work already)."""

    def apply(self, field: Any) -> None:
        self.field = field

    async def resolve_async(
        self, next_: Callable[..., Awaitable[Any]], source: Any, info: Info, **kwargs: Any
    ) -> Any:
        try:
            result = await next_(source, info, **kwargs)
        except DomainError as error:
            payload = error_payload(self.field.type, info.context, error)
            assert payload is not None
            return payload
        return result


def error_payload(payload_type: object, ctx: Context, error: DomainError) -> Payload | None:
    """A payload of `payload_type` holding only `error`; None when that type is no Payload."""
    if isinstance(payload_type, type) and issubclass(payload_type, Payload):
        return payload_type(errors=[user_error(ctx, error)])
    return None


def mutation(*, description: str, **options: Any) -> Any:
    """A mutation field whose DomainErrors land in its payload's `errors`, and whose inputs'
    NodeId fields hold primary keys."""
    from schema.inputs import DecodesGlobalIds  # it builds on this module

    # The first is the innermost: IDs are decoded inside ReturnsUserErrors, after permissions.
    extensions = [DecodesGlobalIds(), ReturnsUserErrors(), *options.pop("extensions", [])]
    return strawberry.mutation(description=description, extensions=extensions, **options)


class IsAuthenticated(BasePermission):
    """The caller sent a valid access token of a live session."""

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return info.context.has_role(EVERYONE)

    def on_unauthorized(self) -> None:
        raise NotAuthenticated()


class IsAdmin(BasePermission):
    """The caller is the company's OWNER or one of its ADMINs."""

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        if not info.context.has_role(EVERYONE):
            raise NotAuthenticated()
        return info.context.has_role(ADMINS)

    def on_unauthorized(self) -> None:
        raise Forbidden()


class ModelNode(relay.Node):
    """A Relay node whose values are Tortoise rows of `__model__` (given as they are)."""

    _id_attr: ClassVar[str | None] = "pk"
    __model__: ClassVar[type[Model]]

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, (cls, cls.__model__))

    @classmethod
    def resolve_id(cls, root: Any, *, info: Info) -> str:
        return str(root.pk)

    @classmethod
    async def resolve_nodes(
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        from schema.nodes import load_nodes

        return await load_nodes(info, cls.__model__, list(node_ids))


@strawberry.type(description="An amount of money in a currency.")
class Money:
    amount: Decimal = strawberry.field(description="The amount, as a decimal string ('99.50').")
    currency: str = strawberry.field(description="ISO 4217 currency code, such as 'TRY'.")


@strawberry.type(description="Where a page ends, for fetching the next one.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="Whether more items follow this page.")
    end_cursor: str | None = strawberry.field(
        description="Pass as `after` to get the next page; null on an empty page."
    )


@strawberry.type(description="One item of a page, with its cursor.")
class Edge(Generic[T]):
    cursor: str = strawberry.field(description="The position of this item.")
    node: T = strawberry.field(description="The item.")


@strawberry.type(description="A page of a list: at most 100 items (`first`), after a cursor.")
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The items of this page.")
    page_info: PageInfo = strawberry.field(description="Where this page ends.")
    page: strawberry.Private[Page[Any]]

    @strawberry.field(
        description="How many items the whole list has, over all pages.",
        metadata=served_fast(known_total),
    )
    async def total_count(self) -> int:
        return await self.page.total_count()

    @classmethod
    def of(cls, page: Page[Any]) -> Any:
        return cls(
            edges=[Edge(cursor=encode_cursor(row.pk), node=row) for row in page.rows],
            page_info=PageInfo(has_next_page=page.has_next_page, end_cursor=page.end_cursor),
            page=page,
        )
