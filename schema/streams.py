"""A subscription field's stream: the events of a topic that its subscriber may see, each
answered by the field's function once per sharing key (schema/fanout.py) or per subscriber.

A subscription field is one call:

    return stream(info, presence_topic(company_id), presence_event, shared=True)

`stream` subscribes to the bus, drops events of other types, asks the topic's rule whether
the subscriber may see each event when it is delivered (a sync or an async rule), gives the
connection fresh DataLoaders for it, and sends what `answer` gives (None: nothing).

With `shared=True` the field promises fanout's sharing contract: `answer`, and who may see,
depend on nothing but the sharing key (the operation, the actor's kind, company and role, the
language), so one execution serves every equal subscription of the process. Anything that
differs per subscriber (his settings, a signed URL, the chats he may see) needs
`shared=False`. A field that converts its arguments first (ticketEvents' filter) stays an
async generator around the call: a bad argument then ends the stream (`next` with errors,
then `complete`), as it always has, instead of an `error` message.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Awaitable, Callable
from typing import TypeVar

from schema import fanout
from schema.base import Info
from schema.loaders import make_loaders
from subscriptions.bus import current_bus
from subscriptions.events import Event, Topic

E = TypeVar("E", bound=Event)
T = TypeVar("T")


async def stream(
    info: Info,
    topic: Topic[E],
    answer: Callable[[E], Awaitable[T | None]],
    *,
    shared: bool,
) -> AsyncGenerator[T, None]:
    """What a subscription field sends: `answer` of each event of `topic` its subscriber may
    see, from the shared group of its key (`shared`, over graphql-transport-ws) or its own."""
    ctx = info.context

    async def deliver(event: Event) -> T | None:
        if not isinstance(event, topic.event):
            return None
        viewer = ctx.actor  # asked again for every event (Zammad CVE-2021-44886)
        if viewer is None:
            return None
        allowed = topic.may_see(viewer, event)
        if not isinstance(allowed, bool):
            allowed = await allowed
        if not allowed:
            return None
        ctx.loaders = make_loaders(ctx)  # fresh per event: the connection lives long
        return await answer(event)

    if shared and await fanout.share(info, topic.name, deliver):
        return
    async with current_bus().subscribe(topic.name) as events:
        async for event in events:
            value = await deliver(event)
            if value is not None:
                yield value
