"""What a partial update leaves as it is: KEEP, the value of a field that was not given."""

from __future__ import annotations

import enum
from typing import Final, TypeAlias, TypeVar

T = TypeVar("T")


class Keep(enum.Enum):
    """The type of KEEP: a change nobody asked for, unlike None, which clears a field."""

    KEEP = "KEEP"


KEEP: Final = Keep.KEEP

# Change[str | None]: a new value, None to clear it, or KEEP to leave it as it is.
Change: TypeAlias = T | Keep
