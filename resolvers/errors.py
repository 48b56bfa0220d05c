"""Expected failures: a stable code, rendered in the caller's language by the schema layer."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """An expected failure: a stable `code`, the input `field` it concerns, message parameters."""

    def __init__(
        self, code: str, field: str | None = None, *, message_key: str | None = None, **params: Any
    ) -> None:
        super().__init__(code)
        self.code = code
        self.field = field
        # Several messages may share one code (WEAK_PASSWORD says why it is weak).
        self.message_key = message_key or code
        self.params = params


class NotAuthenticated(Exception):
    """No valid access token came with the request."""

    code = "UNAUTHENTICATED"


class Forbidden(Exception):
    """The caller is known but his role does not allow the operation."""

    code = "FORBIDDEN"
