"""One execution per event for all subscribers who would get the same answer.

A subscription's events are executed by graphql-core once per subscriber: with 1000 agents of a
company watching presence, one change cost 1000 executions of the same selection and 1000 JSON
encodings of the same data. An event payload that offers `shared_results` (a dict living as
long as the event, shared by every subscriber of the process) is executed once per distinct
(operation, variables, company, role, language) and the encoded answer is reused.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import json
from collections import OrderedDict
from typing import Any

import orjson
from graphql import ExecutionResult
from graphql.execution import Executor


class SharedEventExecutor(Executor):
    """graphql-core's executor, sharing per-event results between equal subscriptions."""

    def __init__(self, *args: Any, operation_extensions: Any = None, **kwargs: Any) -> None:
        # strawberry hands a custom executor the request's `extensions`; nothing here uses them.
        super().__init__(*args, **kwargs)

    def build_per_event_executor(self, payload: Any) -> Any:
        shared = getattr(payload, "shared_results", None)
        if shared is None:
            return super().build_per_event_executor(payload)
        build = super().build_per_event_executor
        return _SharedEvent(shared, self._sharing_key, lambda: build(payload))

    @functools.cached_property
    def _sharing_key(self) -> tuple[Any, ...]:
        """Who gets the same answer: same operation and variables, company, role, language."""
        ctx = self.context_value
        user = getattr(ctx, "user", None)
        return (
            id(self.operation),  # one parsed document per query text (the parser cache)
            json.dumps(self.variable_values, sort_keys=True, default=str),
            getattr(user, "company_id", None),
            getattr(user, "role", None),
            getattr(ctx, "language", None),
        )


class _SharedEvent:
    """Stands in for a per-event executor: the first subscriber computes, the others await."""

    def __init__(self, shared: dict[Any, Any], key: Any, build: Any) -> None:
        self._shared, self._key, self._build = shared, key, build

    def execute_operation(self, _initial: bool) -> Any:
        known = self._shared.get(self._key)
        if isinstance(known, ExecutionResult):
            return known  # computed already: no await, no extra turn of the event loop
        if known is not None:
            return asyncio.shield(known)
        result = self._build().execute_operation(False)
        if inspect.isawaitable(result):
            task = self._shared[self._key] = asyncio.ensure_future(self._finish(result))
            return asyncio.shield(task)
        remember_encoded(result.data)
        self._shared[self._key] = result
        return result

    async def _finish(self, pending: Any) -> ExecutionResult:
        result: ExecutionResult = await pending
        remember_encoded(result.data)
        self._shared[self._key] = result
        return result


# The encoded JSON of recent shared results, by the identity of their `data`.
_ENCODED: OrderedDict[int, tuple[Any, str]] = OrderedDict()
_ENCODED_LIMIT = 256


def remember_encoded(data: Any) -> None:
    if data is None:
        return
    _ENCODED[id(data)] = (data, orjson.dumps(data).decode())
    while len(_ENCODED) > _ENCODED_LIMIT:
        _ENCODED.popitem(last=False)


def encode_message(message: Any) -> str:
    """JSON text of an outgoing message, reusing the encoded data of a shared result."""
    if type(message) is dict and message.get("type") == "next":
        payload = message.get("payload")
        if type(payload) is dict and len(payload) == 1:
            data = payload.get("data")
            known = _ENCODED.get(id(data))
            if known is not None and known[0] is data:
                operation_id = orjson.dumps(message["id"]).decode()
                return f'{{"id":{operation_id},"type":"next","payload":{{"data":{known[1]}}}}}'
    return orjson.dumps(message).decode()
