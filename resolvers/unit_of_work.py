"""One unit of work: every change (a GraphQL mutation, an HTTP route such as a webhook, a worker
job, a CLI command) runs in one transaction, and what it queued on the way (events for the bus,
outbox wake-ups, stored-file removals) is released once that transaction has committed. A change
that raises releases nothing.

    async with unit_of_work(ctx):
        ...write...
        ctx.publish(event)        # goes out after the commit
        ctx.on_commit(job)        # runs after the commit

A unit of work inside another joins it: it is a savepoint of the outer transaction (a failure
caught inside rolls back only its own writes and drops only its own queued work), and only the
outermost one commits and releases.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient, TransactionalDBClient
from tortoise.transactions import in_transaction

if TYPE_CHECKING:
    from resolvers.context import Context

Job = Callable[[], Awaitable[None]]
logger = logging.getLogger("frontdesk.unit_of_work")

# The queued work of the unit of work running in this task (tasks it starts inherit it, as they
# inherit Tortoise's transaction). Per task, not per Context: one WebSocket's context serves
# several operations at once.
_queued: ContextVar[list[Job] | None] = ContextVar("frontdesk_unit_of_work", default=None)


def queue(job: Job) -> None:
    """Run `job` once the running unit of work has committed (RuntimeError outside one)."""
    jobs = _queued.get()
    if jobs is None:
        raise RuntimeError("work queued outside a unit of work: run the change in unit_of_work()")
    jobs.append(job)


@asynccontextmanager
async def unit_of_work(ctx: Context) -> AsyncIterator[BaseDBAsyncClient]:
    """Run the block in one transaction (its connection is given), then release what it
    queued; on an exception roll back and release nothing."""
    jobs = _queued.get()
    if jobs is not None:
        async with _joined(jobs) as connection:
            yield connection
        return
    if isinstance(connections.get("default"), TransactionalDBClient):
        # A bare transaction around it would commit after this unit of work released.
        raise RuntimeError("a unit of work inside a transaction it does not own")
    jobs = []
    token = _queued.set(jobs)
    try:
        async with in_transaction() as connection:
            yield connection
    finally:
        _queued.reset(token)
    await _release(ctx, jobs)


@asynccontextmanager
async def _joined(jobs: list[Job]) -> AsyncIterator[BaseDBAsyncClient]:
    """A unit of work inside another: a savepoint; its queued work goes if it rolls back."""
    start = len(jobs)
    try:
        async with in_transaction() as connection:
            yield connection
    except BaseException:
        del jobs[start:]
        raise


async def _release(ctx: Context, jobs: list[Job]) -> None:
    """Run what a committed change queued, in order; one failing job does not stop the rest."""
    for job in jobs:
        try:
            await job()
        except Exception:  # noqa: BLE001 - the change committed: it must not answer as failed
            logger.exception("request %s: work after the commit failed", ctx.request_id)
