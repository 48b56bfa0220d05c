"""The root types, assembled from each domain's parts, and the schema with its guards."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator

import strawberry
from graphql import GraphQLError, OperationDefinitionNode
from graphql.validation import ASTValidationRule, NoSchemaIntrospectionCustomRule
from strawberry.extensions import (
    AddValidationRules,
    MaxTokensLimiter,
    ParserCache,
    SchemaExtension,
)
from strawberry.extensions.max_aliases import create_validator as aliases_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule
from strawberry.schema.config import StrawberryConfig

from schema.accounts import AccountsMutation, AccountsQuery
from schema.caches import DocumentValidationCache
from schema.customers import CustomersMutation, CustomersQuery
from schema.errors import ErrorPolicy
from schema.inputs import GuardsArguments
from schema.integrations import IntegrationsMutation, IntegrationsQuery
from schema.nodes import NodeQuery
from schema.notifications import (
    NotificationsMutation,
    NotificationsQuery,
    NotificationsSubscription,
)
from schema.preload import PreloadingExecutor
from schema.presence import PresenceMutation, PresenceSubscription
from schema.tickets import TicketsMutation, TicketsQuery, TicketsSubscription
from settings import Settings


@strawberry.type(description="Everything a client can read.")
class Query(
    AccountsQuery, NodeQuery, NotificationsQuery, IntegrationsQuery, TicketsQuery, CustomersQuery
):
    pass


@strawberry.type(description="Everything a client can change.")
class Mutation(
    AccountsMutation,
    PresenceMutation,
    NotificationsMutation,
    IntegrationsMutation,
    TicketsMutation,
    CustomersMutation,
):
    pass


@strawberry.type(description="Everything a client can follow live over the WebSocket.")
class Subscription(PresenceSubscription, NotificationsSubscription, TicketsSubscription):
    pass


class FrontdeskSchema(strawberry.Schema):
    # In production no error suggests a name (graphql-core's hide_suggestions): validation
    # passes it itself (DocumentValidationCache), execution gets it here, for the coercion of
    # variables (an unknown input field or enum value), over HTTP and WebSocket alike.
    hide_suggestions = False

    def process_errors(self, errors, execution_context=None):  # type: ignore[no-untyped-def]
        # ErrorPolicy logs what is unexpected (with the request id); a user's typo is no error.
        return None

    def _get_custom_context_kwargs(  # type: ignore[no-untyped-def]
        self, operation_extensions=None, *, sync=False
    ):
        kwargs = super()._get_custom_context_kwargs(operation_extensions, sync=sync)
        if self.hide_suggestions:
            kwargs["hide_suggestions"] = True
        return kwargs


class NamesItsOperation(SchemaExtension):
    """A document of several operations needs `operationName` (GraphQL's GetOperation, which
    the GraphQL-over-HTTP spec asks for): strawberry would run the first one instead."""

    def on_validate(self) -> Iterator[None]:
        # Before strawberry's check of the errors (inside this hook), after the validation cache
        # (an extension before this one) set them. `provided_operation_name` is an InitVar:
        # `operation_name` falls back to the first operation's name.
        context = self.execution_context
        document = context.graphql_document
        if document is not None and getattr(context, "_provided_operation_name", None) is None:
            operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
            if len(operations) > 1:
                # A new list: the validation cache shares the one it handed out.
                context.pre_execution_errors = [
                    *(context.pre_execution_errors or []),
                    GraphQLError(
                        "Must provide operation name if query contains multiple operations."
                    ),
                ]
        yield


def build_schema(settings: Settings) -> strawberry.Schema:
    """The schema with the limits and error policy of the given settings."""
    # strawberry's QueryDepthLimiter and MaxAliasesLimiter build a new validation rule class for
    # every operation: memory held for the whole life of each subscription, and a key that the
    # validation cache never matches again. The same rules, built once:
    rules: list[type[ASTValidationRule]] = [
        depth_rule(settings.max_query_depth, None, None),
        aliases_rule(settings.max_aliases),
    ]
    if settings.production:  # strawberry's DisableIntrospection: this rule, one extension less
        rules.append(NoSchemaIntrospectionCustomRule)
    extensions: list[Callable[[], SchemaExtension]] = [
        lambda: ErrorPolicy(mask_unexpected=settings.production),
        lambda: AddValidationRules(rules),
        lambda: MaxTokensLimiter(max_token_count=settings.max_query_tokens),
        lambda: ParserCache(maxsize=1000),
        lambda: DocumentValidationCache(maxsize=1000, hide_suggestions=settings.production),
        NamesItsOperation,
        GuardsArguments,
    ]
    built = FrontdeskSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=extensions,
        execution_context_class=PreloadingExecutor,
        config=StrawberryConfig(disable_field_suggestions=settings.production),
    )
    built.hide_suggestions = settings.production
    return built


@functools.cache
def _exported_schema() -> strawberry.Schema:
    return build_schema(Settings.model_construct())


def __getattr__(name: str) -> strawberry.Schema:
    # `schema.schema`, what `frontdesk export-schema` prints (the SDL is the same in every
    # mode): built on first use only, not on every import of the package (the app builds its
    # own from its settings).
    if name == "schema":
        return _exported_schema()
    raise AttributeError(name)
