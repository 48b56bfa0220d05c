"""One execution per event for all subscribers who would get the same answer.

A subscription's events are executed by graphql-core once per subscriber: with 1000 agents of a
company watching presence, one change cost 1000 executions of the same selection and 1000 JSON
encodings of the same data. An event payload that offers `shared_results` (a dict living as
long as the event, shared by every subscriber of the process) is executed once per distinct
(operation, variables, company, role, language) and the encoded answer is reused.

Delivery is shared too: the subscriber that computes an event's answer writes it to every
socket subscribed with the same key in one loop, as a raw broadcast would; each of those
subscriptions' own pipeline then skips the message. A socket gets that direct delivery only
when it has sent the key's previous event already, so every subscription stays in order; a
new subscription's first event always goes through its own pipeline.

The contract for an event type that offers `shared_results`: whether a subscriber may see an
event, and what he sees of it, depends on nothing but the sharing key (company, role,
language, operation and variables). presenceChanged qualifies: every active teammate of the
company sees every change; a user whose access ends has his sockets closed. ticketEvents does
not: a Document's url is signed for the user who reads it, so its events are executed per
subscriber (tests/tickets/test_events.py checks that each subscriber gets his own link).
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import itertools
import json
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

import orjson
from graphql import ExecutionResult
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)


@dataclass
class _Subscriber:
    handler: Any
    operation_id: str
    last_event: int | None = None  # the key's latest event this socket has been sent


@dataclass
class _Stream:
    """The subscribers of one sharing key in this process, and its latest event."""

    subscribers: dict[tuple[int, str], _Subscriber] = field(default_factory=dict)
    last_event: int | None = None


_STREAMS: dict[Any, _Stream] = {}
_EVENT_NUMBERS = itertools.count(1)  # increasing: the order of shared results in a process


class SharedEventExecutor(StrawberryGraphQLCoreExecutionContext):
    """strawberry's executor, sharing per-event results between equal subscriptions."""

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
        ready = self._computed(result)
        # Deliver in this task, before any other subscriber's task gets a turn.
        return _deliver(ready, result) if ready else result

    async def _finish(self, pending: Any) -> ExecutionResult:
        result: ExecutionResult = await pending
        return await _deliver(self._computed(result), result)

    def _computed(self, result: ExecutionResult) -> list[_Subscriber]:
        """Record the shared result; the sockets to deliver it to directly."""
        self._shared[self._key] = result
        if result.data is None or result.errors:
            return []
        event = next(_EVENT_NUMBERS)
        stream = _STREAMS.setdefault(self._key, _Stream())
        previous, stream.last_event = stream.last_event, event
        # Up-to-date sockets get it now, all in one loop; their pipelines will skip it.
        ready = [s for s in stream.subscribers.values() if s.last_event == previous]
        delivered = {(id(s.handler), s.operation_id) for s in ready}
        remember_encoded(result.data, self._key, event, delivered)
        for subscriber in ready:
            subscriber.last_event = event
        return ready


async def _deliver(subscribers: list[_Subscriber], result: ExecutionResult) -> ExecutionResult:
    """Write a shared result to each socket, in one loop as a raw broadcast does."""
    for subscriber in subscribers:
        message = {"id": subscriber.operation_id, "type": "next", "payload": {"data": result.data}}
        try:
            await subscriber.handler.websocket.send_json(message)
        except Exception:  # noqa: BLE001 - a socket that went away: its handler cleans up
            forget(subscriber.handler, subscriber.operation_id)
    return result


def forget(handler: Any, operation_id: str) -> None:
    """Stop direct delivery to a finished operation."""
    for key, stream in list(_STREAMS.items()):
        stream.subscribers.pop((id(handler), operation_id), None)
        if not stream.subscribers:
            del _STREAMS[key]


class FanoutTransportWSHandler(BaseGraphQLTransportWSHandler):  # type: ignore[type-arg]
    """graphql-transport-ws, with shared events sent once per socket by whoever is first."""

    async def send_message(self, message: Any) -> None:
        shared = _shared_entry(message)
        if shared is None:
            await super().send_message(message)
            return
        key, event, delivered = shared
        operation_id = message["id"]
        if (id(self), operation_id) in delivered:
            return  # already written by the shared delivery
        await super().send_message(message)
        # This socket is now up to date with the key's stream: deliver it directly next time.
        stream = _STREAMS.setdefault(key, _Stream())
        subscriber = stream.subscribers.setdefault(
            (id(self), operation_id), _Subscriber(self, operation_id)
        )
        subscriber.last_event = event

    async def cleanup_operation(self, operation_id: str) -> None:
        forget(self, operation_id)
        await super().cleanup_operation(operation_id)

    def forget_id(self, id: str) -> None:
        # An operation that completed or failed on the server's side ends here.
        forget(self, id)
        super().forget_id(id)


@dataclass
class _Encoded:
    data: Any
    text: str
    key: Any
    event: int
    delivered: set[tuple[int, str]]


# Recent shared results by the identity of their `data`: encoded JSON and delivery state.
_ENCODED: OrderedDict[int, _Encoded] = OrderedDict()
_ENCODED_LIMIT = 256


def remember_encoded(data: Any, key: Any, event: int, delivered: set[tuple[int, str]]) -> None:
    _ENCODED[id(data)] = _Encoded(data, orjson.dumps(data).decode(), key, event, delivered)
    while len(_ENCODED) > _ENCODED_LIMIT:
        _ENCODED.popitem(last=False)


def _known(data: Any) -> _Encoded | None:
    known = _ENCODED.get(id(data))
    return known if known is not None and known.data is data else None


def _shared_entry(message: Any) -> tuple[Any, int, set[tuple[int, str]]] | None:
    if type(message) is dict and message.get("type") == "next":
        payload = message.get("payload")
        if type(payload) is dict and len(payload) == 1:
            known = _known(payload.get("data"))
            if known is not None:
                return known.key, known.event, known.delivered
    return None


def encode_message(message: Any) -> str:
    """JSON text of an outgoing message, reusing the encoded data of a shared result."""
    if type(message) is dict and message.get("type") == "next":
        payload = message.get("payload")
        if type(payload) is dict and len(payload) == 1:
            known = _known(payload.get("data"))
            if known is not None:
                operation_id = orjson.dumps(message["id"]).decode()
                return f'{{"id":{operation_id},"type":"next","payload":{{"data":{known.text}}}}}'
    return orjson.dumps(message).decode()
