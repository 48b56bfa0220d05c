"""The one clock: what time it is, timezone-aware UTC, for every layer; a test may stop it.

Domain times (what rows store, expiries, "today") come from `now()`. Seconds that processes
share with one another or with a library (presence heartbeats scored in Redis, rate-limit
windows, a worker's own intervals) stay on `time.time()` / `time.monotonic()`: they measure
the machine's time, which no test clock may move.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta


@dataclass
class FrozenClock:
    """A stopped clock: `now()` answers `moment` until the test moves it."""

    moment: datetime

    def set(self, moment: datetime) -> datetime:
        """Stop the clock at `moment` (timezone-aware)."""
        self.moment = _utc(moment)
        return self.moment

    def advance(self, delta: timedelta) -> datetime:
        """Move the clock on by `delta` (back for a negative one)."""
        self.moment += delta
        return self.moment


# One setting for the whole process, not a ContextVar: the worker tasks started before a test
# (dispatcher, presence sweeps) must see the test's time too.
_frozen: FrozenClock | None = None


def now() -> datetime:
    """The current time in UTC, or the moment a test stopped the clock at."""
    frozen = _frozen
    return datetime.now(UTC) if frozen is None else frozen.moment


def today() -> date:
    """Today's date in UTC."""
    return now().date()


@contextmanager
def frozen_clock(moment: datetime | None = None) -> Iterator[FrozenClock]:
    """Stop the clock at `moment` (by default the real time on entry) until the block ends."""
    global _frozen
    previous = _frozen
    _frozen = FrozenClock(_utc(moment or datetime.now(UTC)))
    try:
        yield _frozen
    finally:
        _frozen = previous


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("the clock keeps timezone-aware times only")
    return moment.astimezone(UTC)
