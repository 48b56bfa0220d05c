"""How errors reach a client: ours translated, unexpected ones logged and masked."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from graphql.error import GraphQLError
from strawberry.extensions import MaskErrors

from resolvers.errors import DomainError, Forbidden, NotAuthenticated
from resolvers.i18n import FALLBACK_LANGUAGE, translate
from settings import get_settings

logger = logging.getLogger("frontdesk.errors")


class ErrorPolicy(MaskErrors):
    """Validation errors stay readable; our own errors get a code and the caller's language;
    anything unexpected is logged with the request id and, in production, masked."""

    def __init__(self, *, mask_unexpected: bool) -> None:
        super().__init__()
        self.mask_unexpected = mask_unexpected

    def on_stream_result(self, result: Any) -> Iterator[None]:
        # Every subscription event passes here: most have no errors, so skip MaskErrors' walk.
        if getattr(result, "errors", None):
            yield from super().on_stream_result(result)
        else:
            self._stream_result_processed = True
            yield None

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        return present_errors(
            errors, self.execution_context.context, mask_unexpected=self.mask_unexpected
        )


def present_errors(
    errors: list[GraphQLError], context: Any, *, mask_unexpected: bool | None = None
) -> list[GraphQLError]:
    """Errors as a client gets them: translated, with a code; the unexpected logged and masked."""
    if mask_unexpected is None:
        mask_unexpected = get_settings().production
    language = getattr(context, "language", FALLBACK_LANGUAGE)
    request_id = getattr(context, "request_id", "-")
    return [_present(error, language, request_id, mask_unexpected) for error in errors]


def _present(
    error: GraphQLError, language: str, request_id: str, mask_unexpected: bool
) -> GraphQLError:
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return error  # syntax, validation, coercion: the client's own mistake, readable
    if isinstance(original, (NotAuthenticated, Forbidden)):
        return _replace(error, translate(language, original.code), original.code)
    if isinstance(original, DomainError):
        message = translate(language, original.message_key, **original.params)
        return _replace(error, message, original.code)
    logger.error(
        "request %s: unexpected error at %s",
        request_id,
        ".".join(str(part) for part in error.path or ()),
        exc_info=original,
    )
    if not mask_unexpected:
        return _replace(error, error.message, "INTERNAL_ERROR", request_id)
    message = translate(language, "INTERNAL_ERROR", request_id=request_id)
    return _replace(error, message, "INTERNAL_ERROR", request_id)


def _replace(
    error: GraphQLError, message: str, code: str, request_id: str | None = None
) -> GraphQLError:
    extensions: dict[str, object] = {"code": code}
    if request_id:
        extensions["requestId"] = request_id
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=None,
        extensions=extensions,
    )
