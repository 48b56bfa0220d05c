"""FRONTDESK_DEBUG's figure: how many SQL statements the current request ran."""

from __future__ import annotations

import contextvars
import logging

_counter: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar(
    "frontdesk_sql_counter", default=None
)
_NOT_STATEMENTS = ("Created connection", "Closed connection")


class _StatementCounter(logging.Handler):
    """Counts Tortoise's per-statement debug records into the request's counter."""

    def emit(self, record: logging.LogRecord) -> None:
        counter = _counter.get()
        if counter is not None and not str(record.msg).startswith(_NOT_STATEMENTS):
            counter[0] += 1


def install() -> None:
    """Make Tortoise report each statement (only done with FRONTDESK_DEBUG=1: it costs)."""
    client_logger = logging.getLogger("tortoise.db_client")
    if not any(isinstance(h, _StatementCounter) for h in client_logger.handlers):
        client_logger.addHandler(_StatementCounter(level=logging.DEBUG))
        client_logger.setLevel(logging.DEBUG)
        client_logger.propagate = False


def start_counting() -> list[int]:
    """A fresh counter for the current request (and the tasks it starts)."""
    counter = [0]
    _counter.set(counter)
    return counter
