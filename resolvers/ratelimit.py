"""Login and password-reset rate limits per account and per client address, shared by every
process through Redis."""

from __future__ import annotations

import math
import time
from typing import Any, cast

from limits import RateLimitItem, parse_many
from limits.aio.storage import Storage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string

from resolvers.errors import DomainError
from subscriptions.bus import is_redis_url, resilient_redis_options


class LoginLimiter:
    """Counts sign-in attempts (a caller over either limit gets TOO_MANY_ATTEMPTS) and
    password-reset requests (over either limit, nothing is mailed)."""

    def __init__(
        self,
        storage_url: str,
        per_account: str,
        per_address: str,
        *,
        resets_per_account: str = "3/hour",
        resets_per_address: str = "20/hour",
    ) -> None:
        options: dict[str, Any] = {"key_prefix": "frontdesk-login"}
        if "redis" in storage_url:
            options["implementation"] = "redispy"  # redis-py is installed; coredis is not
            options.update(resilient_redis_options())
        # An async+ URL (limiter_storage_url) gives one of the asyncio storages.
        self.storage = cast(Storage, storage_from_string(storage_url, **options))
        self._limiter = MovingWindowRateLimiter(self.storage)
        self._per_account: list[RateLimitItem] = parse_many(per_account)
        self._per_address: list[RateLimitItem] = parse_many(per_address)
        self._resets_per_account: list[RateLimitItem] = parse_many(resets_per_account)
        self._resets_per_address: list[RateLimitItem] = parse_many(resets_per_address)

    async def check(self, account: str, address: str | None) -> None:
        """Count one attempt from `address` and refuse it if the address or account is over."""
        if address:
            for item in self._per_address:
                if not await self._limiter.hit(item, "address", address):
                    await self._refuse(item, "address", address)
        for item in self._per_account:
            if not await self._limiter.test(item, "account", account):
                await self._refuse(item, "account", account)

    async def failed(self, account: str) -> None:
        """Count one failed attempt against the account."""
        for item in self._per_account:
            await self._limiter.hit(item, "account", account)

    async def allow_reset(self, account: str, address: str | None) -> bool:
        """Count one password-reset request; False when the address or account is over."""
        # Every request counts, not only failed ones: each one would send a mail.
        if address:
            for item in self._resets_per_address:
                if not await self._limiter.hit(item, "reset-address", address):
                    return False
        for item in self._resets_per_account:
            if not await self._limiter.hit(item, "reset-account", account):
                return False
        return True

    async def _refuse(self, item: RateLimitItem, *identifiers: str) -> None:
        stats = await self._limiter.get_window_stats(item, *identifiers)
        seconds = max(1, math.ceil(stats.reset_time - time.time()))
        raise DomainError("TOO_MANY_ATTEMPTS", seconds=seconds)

    async def reset(self) -> None:
        await self.storage.reset()


def limiter_storage_url(broadcast_url: str) -> str:
    """Redis when the deployment has one (every process shares the counts), else memory."""
    if is_redis_url(broadcast_url):
        return "async+" + broadcast_url
    return "async+memory://"


_login_limiter: LoginLimiter | None = None


def login_limiter() -> LoginLimiter:
    """This process's login limiter, built from the settings on first use."""
    global _login_limiter
    if _login_limiter is None:
        from settings import get_settings

        settings = get_settings()
        _login_limiter = LoginLimiter(
            limiter_storage_url(settings.broadcast_url),
            settings.login_limit_per_account,
            settings.login_limit_per_address,
            resets_per_account=settings.password_reset_limit_per_account,
            resets_per_address=settings.password_reset_limit_per_address,
        )
    return _login_limiter
