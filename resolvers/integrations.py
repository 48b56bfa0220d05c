"""Integrations: per-company API keys, and the events outside systems send with them."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import cast

from models.accounts import User
from models.actors import ADMINS, Actor
from models.clock import now
from models.integrations import ApiKey
from models.notifications import NotificationEvent
from resolvers.context import Context
from resolvers.errors import DomainError, NotAuthenticated
from resolvers.notifications import Subject, notify
from resolvers.tenancy import company_scope, get_in_company
from resolvers.unit_of_work import unit_of_work
from resolvers.validation import clean_text

KEY_PREFIX = "fdk_"
# What outside systems may report: a chatbot handing over, a reservation system's bookings.
EXTERNAL_EVENTS = frozenset(
    {
        NotificationEvent.CHATBOT_HANDOVER,
        NotificationEvent.RESERVATION_CREATED,
        NotificationEvent.RESERVATION_CANCELLED,
    }
)
VALUE_MAX = 1000
SUBJECT_MAX = 64


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass
class NewApiKey:
    api_key: ApiKey
    secret: str  # shown once, never stored


async def create_api_key(ctx: Context, *, name: str) -> NewApiKey:
    """A new key for the caller's company; the secret is in this answer only."""
    creator = ctx.require_role(ADMINS)
    name = clean_text(name, "name", max_length=100)
    secret = KEY_PREFIX + secrets.token_urlsafe(32)
    async with unit_of_work(ctx):
        key = await ApiKey.create(
            company_id=creator.company_id,
            name=name,
            prefix=secret[: len(KEY_PREFIX) + 6],
            key_hash=_digest(secret),
            created_by_id=creator.pk,
        )
    return NewApiKey(key, secret)


async def revoke_api_key(ctx: Context, *, api_key_id: int) -> ApiKey:
    """Stop a key from working at once."""
    ctx.require_role(ADMINS)
    key = await get_in_company(ctx, ApiKey, api_key_id, field="apiKeyId")
    if key.revoked_at is None:
        async with unit_of_work(ctx):
            key.revoked_at = now()
            await key.save(update_fields=["revoked_at"])
    return key


async def list_api_keys(ctx: Context) -> list[ApiKey]:
    ctx.require_role(ADMINS)
    return list(await company_scope(ctx, ApiKey).order_by("id"))


async def api_keys_by_id(ctx: Context, ids: Sequence[int]) -> list[ApiKey | None]:
    """Keys by ID for admins of their company; nobody else sees them."""
    if not ctx.has_role(ADMINS):
        return [None for _ in ids]
    rows = {row.pk: row for row in await company_scope(ctx, ApiKey).filter(id__in=list(ids))}
    return [rows.get(key) for key in ids]


async def key_actor(ctx: Context, key: str | None) -> Actor:
    """Who acts with a live API key: the key, in its company (marked used); NotAuthenticated
    otherwise."""
    if not key or not key.startswith(KEY_PREFIX) or len(key) > 200:
        raise NotAuthenticated()
    found = await ApiKey.get_or_none(key_hash=_digest(key), revoked_at=None)
    if found is None:
        raise NotAuthenticated()
    actor = Actor.of_api_key(found.company_id, found.pk)
    keyed = ctx.acting_as(actor)
    # Used, whatever becomes of the request: admins see which integrations call.
    async with unit_of_work(keyed):
        await company_scope(keyed, ApiKey).filter(id=found.pk).update(last_used_at=now())
    return actor


async def ingest_event(
    ctx: Context,
    *,
    api_key: str | None,
    event: NotificationEvent,
    subject_id: str | None,
    values: Mapping[str, str],
    recipient_ids: Sequence[int] | None,
) -> int:
    """An outside system's event, notified to the named users of the key's company (or to
    every user), each on the channels he chose; how many deliveries were queued."""
    keyed = ctx.acting_as(await key_actor(ctx, api_key))
    if event not in EXTERNAL_EVENTS:
        raise DomainError("EVENT_NOT_ALLOWED", "event")
    if subject_id is not None:
        subject_id = clean_text(subject_id, "subjectId", max_length=SUBJECT_MAX)
    clean = {
        name: clean_text(value, name, max_length=VALUE_MAX, required=False)
        for name, value in values.items()
    }
    async with unit_of_work(keyed):
        users = company_scope(keyed, User)
        recipients: Sequence[int]
        if recipient_ids is not None:
            wanted = set(recipient_ids)
            if not wanted:
                raise DomainError("REQUIRED", "recipientIds")
            if await users.filter(id__in=list(wanted)).count() != len(wanted):
                raise DomainError("NOT_FOUND", "recipientIds")
            recipients = list(wanted)
        else:
            # cast: tortoise types a flat values_list as tuples.
            recipients = cast("list[int]", await users.values_list("id", flat=True))
        rows = await notify(keyed, event, Subject(subject_id, clean), recipients)
    return len(rows)
