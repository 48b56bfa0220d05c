"""Password hashing (argon2id) and the strength rules a new password must pass."""

from __future__ import annotations

import asyncio
import functools

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from zxcvbn.frequency_lists import FREQUENCY_LISTS

from resolvers.errors import DomainError

MIN_LENGTH = 10
# Long enough for any passphrase, short enough that hashing stays cheap for an attacker's input.
MAX_LENGTH = 256
COMMON_PASSWORDS_CHECKED = 10_000

# argon2-cffi's defaults follow RFC 9106's low-memory profile (argon2id, t=3, m=64 MiB, p=4),
# above OWASP's minimum (m=19 MiB, t=2, p=1). When they change, logins rehash.
_hasher = PasswordHasher()


@functools.cache
def _common_passwords() -> frozenset[str]:
    return frozenset(FREQUENCY_LISTS["passwords"][:COMMON_PASSWORDS_CHECKED])


async def hash_password(password: str) -> str:
    """An argon2id hash, computed off the event loop."""
    return await asyncio.to_thread(_hasher.hash, password)


async def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether `password` matches; a missing hash still costs one verification (same timing)."""
    target = password_hash or _dummy_hash()
    try:
        await asyncio.to_thread(_hasher.verify, target, password)
    except (VerificationError, InvalidHashError):
        return False
    return password_hash is not None


def needs_rehash(password_hash: str) -> bool:
    """Whether the hash was made with other parameters than today's."""
    return _hasher.check_needs_rehash(password_hash)


@functools.cache
def _dummy_hash() -> str:
    return _hasher.hash("frontdesk-no-such-user")


def check_strength(password: str, *, email: str, full_name: str, field: str) -> None:
    """Raise WEAK_PASSWORD (with the reason as message) unless `password` is acceptable."""
    if len(password) < MIN_LENGTH:
        raise DomainError(
            "WEAK_PASSWORD", field, message_key="WEAK_PASSWORD_TOO_SHORT", min=MIN_LENGTH
        )
    if len(password) > MAX_LENGTH:
        raise DomainError(
            "WEAK_PASSWORD", field, message_key="WEAK_PASSWORD_TOO_LONG", max=MAX_LENGTH
        )
    folded = password.casefold()
    personal = {email.casefold(), email.split("@")[0].casefold(), full_name.casefold()}
    personal.add("".join(full_name.split()).casefold())
    if folded in personal:
        raise DomainError("WEAK_PASSWORD", field, message_key="WEAK_PASSWORD_PERSONAL")
    if folded in _common_passwords() or len(set(folded)) <= 2:
        raise DomainError("WEAK_PASSWORD", field, message_key="WEAK_PASSWORD_COMMON")


def check_new_password(
    password: str, confirmation: str, *, email: str, full_name: str, field: str
) -> None:
    """Raise PASSWORD_MISMATCH (on confirmPassword) or WEAK_PASSWORD (on `field`) unless
    `password` may become the user's new one."""
    if password != confirmation:
        raise DomainError("PASSWORD_MISMATCH", "confirmPassword")
    check_strength(password, email=email, full_name=full_name, field=field)
