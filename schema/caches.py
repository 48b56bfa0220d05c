"""Validation results kept per parsed document.

strawberry's ValidationCache keys its LRU cache on the DocumentNode itself, and graphql-core
hashes a node by hashing all of its children: the whole document, walked on every request
(about 1% of a ticket page's CPU). The parser cache hands out the same DocumentNode object for
the same query text, so its identity is key enough; an entry keeps the document and schema,
so their ids are not reused while it lives.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

from graphql import validate
from strawberry.extensions.base_extension import SchemaExtension
from strawberry.schema.validation_rules.maybe_null import MaybeNullValidationRule
from strawberry.schema.validation_rules.one_of import OneOfInputValidationRule


class _Results:
    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self.entries: OrderedDict[tuple[Any, ...], tuple[Any, Any, Any]] = OrderedDict()

    def validate(self, schema: Any, document: Any, rules: Any, hide_suggestions: bool) -> Any:
        key = (id(schema), id(document), tuple(rules), hide_suggestions)
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
            return entry[2]
        # strawberry's validate_document, with graphql-core's hide_suggestions (no "Did you
        # mean" from any rule: fields, arguments, types, input fields, enum values).
        all_rules = (*rules, MaybeNullValidationRule, OneOfInputValidationRule)
        errors = validate(schema, document, all_rules, hide_suggestions=hide_suggestions)
        self.entries[key] = (schema, document, errors)
        if len(self.entries) > self.maxsize:
            self.entries.popitem(last=False)
        return errors


@functools.cache
def _shared(maxsize: int) -> _Results:
    return _Results(maxsize)


class DocumentValidationCache(SchemaExtension):
    """strawberry's ValidationCache, keyed by the parsed document's identity (see above).
    Made per request (a factory); the results are shared by every instance of one size.
    With `hide_suggestions` (production), no error names what the client did not."""

    def __init__(self, maxsize: int = 1000, *, hide_suggestions: bool = False) -> None:
        super().__init__()
        self.results = _shared(maxsize)
        self.hide_suggestions = hide_suggestions

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        context.pre_execution_errors = self.results.validate(
            context.schema._schema,
            context.graphql_document,
            context.validation_rules,
            self.hide_suggestions,
        )
        yield
