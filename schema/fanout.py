"""Shared subscriptions: one listener, one execution and one encoding per event and sharing key.

Run the stock way, every subscription is a pipeline of its own: a task, a bus queue, strawberry's
extension contexts held open for the life of the stream, graphql-core's executor, and one
execution and one JSON encoding per event. With 1000 agents of a company watching presence,
one change cost 1000 executions of the same selection, and each open subscription some 30 KB.

A subscription field that meets the sharing contract streams with `stream(..., shared=True)`
(schema/streams.py), which calls `share()` once the pipeline has passed validation and
permission checks. Over graphql-transport-ws, the subscription then leaves its pipeline (which
ends, freeing all of it) and joins the group of its sharing key: the operation's text and
variables, the kind, company and role of the actor, and the language. Per process,
one listener per bus topic takes each event once, has each group decide whether it may see it
and execute the operation once, encodes the answer once, and writes it to every socket of the
group in one loop, as a raw broadcast would. Events reach each socket once and in bus order.

The sharing contract: whether a subscriber may see an event, and what he sees of it, depends on
nothing but the sharing key. presenceChanged meets it: every active teammate of the company sees
every change, and a user whose access ends has his sockets closed. An event that depends on the
individual subscriber (his notification settings, the chats he may see) must not be shared.

Other transports (the legacy graphql-ws protocol in development) keep the stock pipeline:
`share()` answers False there and `stream()` sends the events to that subscriber itself.
"""

from __future__ import annotations

import asyncio
import contextvars
import inspect
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Generator
from dataclasses import dataclass, field
from typing import Any

import orjson
from graphql import DocumentNode
from strawberry.asgi import ASGIWebSocketAdapter
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
    Operation,
)

from resolvers.context import Context
from schema.errors import present_errors
from subscriptions.bus import current_bus
from subscriptions.events import Event

logger = logging.getLogger("frontdesk.fanout")

# What a group does with an event: the value to execute the operation on, or None to skip it.
Select = Callable[[Event], Awaitable[Any]]

# A socket that cannot take more is closed once this many messages wait for it.
BACKLOG_LIMIT = 1000

# Writes and closes left to finish by themselves: held here so that they are not collected.
_BACKGROUND: set[asyncio.Future[Any]] = set()


def _in_background(awaitable: Awaitable[Any]) -> None:
    future = asyncio.ensure_future(awaitable)
    _BACKGROUND.add(future)
    future.add_done_callback(_BACKGROUND.discard)


# The graphql-transport-ws operation whose subscription field is running (set in its task).
_running: contextvars.ContextVar[
    tuple[FanoutTransportWSHandler, Operation[Context, None]] | None
] = contextvars.ContextVar("frontdesk_fanout_operation", default=None)


class FanoutTransportWSHandler(BaseGraphQLTransportWSHandler[Context, None]):
    """graphql-transport-ws, whose subscriptions may leave their pipeline for a shared group."""

    websocket: ASGIWebSocketAdapter  # what the ASGI view gives it: the Starlette socket is .ws

    async def run_operation(self, operation: Operation[Context, None]) -> None:
        _running.set((self, operation))  # this task's own context: seen by the field's share()
        await super().run_operation(operation)

    def forget_id(self, id: str) -> None:
        if _GROUPS.serves(self, id):
            return  # its pipeline ended by joining a group: the operation goes on
        super().forget_id(id)

    async def send_message(self, message: Any) -> None:
        if message.get("type") == "complete" and _GROUPS.serves(self, message.get("id")):
            return  # the same: not complete
        await super().send_message(message)

    async def cleanup_operation(self, operation_id: str) -> None:
        _GROUPS.leave(self, operation_id)
        await super().cleanup_operation(operation_id)


async def share(info: Any, topic: str, select: Select) -> bool:
    """Serve this subscription from the shared group of its key; False: stream it yourself.

    Called by a subscription field before it subscribes to the bus. `select` is called once per
    event and group, with the context of one member of the group.
    """
    running = _running.get()
    if running is None:
        return False
    handler, operation = running
    ctx = info.context
    actor = ctx.actor
    key = (
        operation.query,
        operation.operation_name,
        orjson.dumps(operation.variables or {}, option=orjson.OPT_SORT_KEYS),
        None if actor is None else (actor.kind, actor.company_id, actor.role),
        ctx.language,
    )
    listening = await _GROUPS.listening(topic)  # cancelled with the operation, if it ends
    group = listening.groups.get(key)
    if group is None:
        raw = info._raw_info  # graphql-core's own resolve info
        executor = StrawberryGraphQLCoreExecutionContext.build(
            raw.schema,
            # The validated operation as parsed (and cached) by the pipeline: not parsed again.
            DocumentNode(definitions=(raw.operation, *raw.fragments.values())),
            context_value=ctx,
            raw_variable_values=operation.variables,
            operation_name=operation.operation_name,
        )
        if isinstance(executor, list):  # cannot be: the pipeline validated the same input
            return False
        group = listening.groups[key] = _Group(key, topic, executor, select, ctx)
    _GROUPS.add(group, _Member(handler, operation.id))
    return True


@dataclass(eq=False)
class _Member:
    """One subscription of one socket."""

    handler: FanoutTransportWSHandler
    operation_id: str
    backlog: deque[str] | None = None  # set while a slow socket drains what waits for it

    def send(self, text: str) -> None:
        """Write a message now, or queue it behind the ones the socket has not taken yet."""
        if self.backlog is not None:
            if len(self.backlog) >= BACKLOG_LIMIT:
                self._drop_slow_socket()
            else:
                self.backlog.append(text)
            return
        sending = self.handler.websocket.ws.send_text(text)
        try:
            waiting_on = sending.send(None)  # almost always completes here, with no await
        except StopIteration:
            return
        except Exception:  # noqa: BLE001 - the socket is gone: its handler cleans up
            return
        # The socket's buffer is full: finish in a task of its own, and queue what comes next.
        self.backlog = deque()
        _in_background(self._drain(_Resumed(sending, waiting_on)))

    async def _drain(self, first: Awaitable[None]) -> None:
        try:
            await first
            while self.backlog:
                await self.handler.websocket.ws.send_text(self.backlog.popleft())
        except Exception:  # noqa: BLE001 - the socket is gone: its handler cleans up
            pass
        finally:
            self.backlog = None

    def _drop_slow_socket(self) -> None:
        logger.warning("closing a socket that took no event for %d events", BACKLOG_LIMIT)
        if self.backlog is not None:
            self.backlog.clear()
        _GROUPS.leave(self.handler, self.operation_id)
        _in_background(self.handler.websocket.close(1013, "Too slow: reconnect"))


class _Resumed:
    """Awaits the rest of a coroutine that was started by hand and is suspended."""

    def __init__(self, coroutine: Any, waiting_on: Any) -> None:
        self._coroutine, self._waiting_on = coroutine, waiting_on

    def __await__(self) -> Generator[Any, Any, None]:
        coroutine, waiting_on = self._coroutine, self._waiting_on
        while True:
            try:
                sent = yield waiting_on
            except GeneratorExit:
                coroutine.close()
                raise
            except BaseException as exc:  # noqa: BLE001 - handed on to the coroutine
                try:
                    waiting_on = coroutine.throw(exc)
                except StopIteration:
                    return
            else:
                try:
                    waiting_on = coroutine.send(sent)
                except StopIteration:
                    return


@dataclass(eq=False)
class _Group:
    """The subscriptions of one sharing key in this process, and how to answer them."""

    key: Any
    topic: str
    executor: Any
    select: Select
    context: Any  # of the member who started the group: equal to the others' by the contract
    members: dict[tuple[int, str], _Member] = field(default_factory=dict)

    async def deliver(self, event: Event) -> None:
        value = await self.select(event)
        if value is None:
            return
        result = self.executor.build_per_event_executor(value).execute_operation(False)
        if inspect.isawaitable(result):
            result = await result
        payload: dict[str, Any] = {"data": result.data}
        if result.errors:
            errors = present_errors(result.errors, self.context)
            payload["errors"] = [error.formatted for error in errors]
        encoded = orjson.dumps(payload).decode()
        for member in list(self.members.values()):
            operation_id = orjson.dumps(member.operation_id).decode()
            member.send(f'{{"id":{operation_id},"type":"next","payload":{encoded}}}')


@dataclass(eq=False)
class _Topic:
    """One bus subscription of this process, serving every group on that topic."""

    name: str
    groups: dict[Any, _Group] = field(default_factory=dict)
    ready: asyncio.Future[None] = field(
        default_factory=lambda: asyncio.get_running_loop().create_future()
    )
    task: asyncio.Task[None] | None = None


class _Groups:
    """Every shared group of this process, by topic and key."""

    def __init__(self) -> None:
        self.topics: dict[str, _Topic] = {}
        self.by_member: dict[tuple[int, str], _Group] = {}

    async def listening(self, name: str) -> _Topic:
        """The topic, once this process's bus subscription to it is live."""
        topic = self.topics.get(name)
        if topic is None:
            topic = self.topics[name] = _Topic(name)
            topic.task = asyncio.create_task(self._listen(topic))
        await asyncio.shield(topic.ready)
        return topic

    def serves(self, handler: Any, operation_id: Any) -> bool:
        """Whether a socket's operation is served by a group."""
        return (id(handler), operation_id) in self.by_member

    def add(self, group: _Group, member: _Member) -> None:
        ident = (id(member.handler), member.operation_id)
        group.members[ident] = member
        self.by_member[ident] = group

    def leave(self, handler: Any, operation_id: str) -> None:
        group = self.by_member.pop((id(handler), operation_id), None)
        if group is None:
            return
        group.members.pop((id(handler), operation_id), None)
        if group.members:
            return
        topic = self.topics.get(group.topic)
        if topic is None:
            return
        topic.groups.pop(group.key, None)
        if not topic.groups:
            del self.topics[group.topic]
            if topic.task is not None:
                topic.task.cancel()

    async def _listen(self, topic: _Topic) -> None:
        try:
            async with current_bus().subscribe(topic.name) as events:
                if not topic.ready.done():
                    topic.ready.set_result(None)
                async for event in events:
                    for group in list(topic.groups.values()):
                        try:
                            await group.deliver(event)
                        except Exception:  # noqa: BLE001 - one group's failure is not all's
                            logger.exception("could not deliver %s to a shared group", event)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - the bus refused: its members learn of it
            logger.exception("the shared listener of %s stopped", topic.name)
            if not topic.ready.done():
                topic.ready.set_exception(exc)
        finally:
            if self.topics.get(topic.name) is topic:
                del self.topics[topic.name]
                for group in topic.groups.values():
                    for ident, member in list(group.members.items()):
                        self.by_member.pop(ident, None)
                        _in_background(member.handler.websocket.close(1011, "Event stream ended"))


_GROUPS = _Groups()
