"""Login sessions: short-lived access tokens (JWT) and rotating refresh tokens per session."""

from __future__ import annotations

import base64
import hashlib
import hmac
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import jwt
from tortoise.expressions import F

from models.accounts import Session, User
from models.clock import now
from resolvers import sql
from resolvers.context import Context
from resolvers.errors import DomainError
from resolvers.unit_of_work import unit_of_work
from settings import get_settings
from subscriptions.sessions import SessionsEnded

ALGORITHM = "HS256"  # pinned: a token naming any other algorithm (or "none") is refused


@dataclass
class Tokens:
    access_token: str
    access_token_expires_at: datetime
    refresh_token: str
    session: Session


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


# A refresh token is "<session id>.<generation>.<MAC>": the MAC, under the server's key, of the
# session and the generation. So a secret of an older generation is known for one this session
# really issued (its reuse ends the session) without storing every one, while a guessed or
# altered secret is only refused: the session id is readable in every access token, and
# knowing it must not be enough to end the session. The column keeps the hash of the current
# secret, the atomic check of a rotation.
def _secret(session_id: uuid.UUID, generation: int) -> str:
    """The refresh secret that a session issues at `generation`."""
    key = get_settings().secret_key.get_secret_value().encode()
    message = f"frontdesk refresh token:{session_id}:{generation}".encode()
    mac = hmac.new(key, message, hashlib.sha256).digest()
    return f"{generation}.{base64.urlsafe_b64encode(mac).rstrip(b'=').decode()}"


def _issued_before(session: Session, secret: str) -> bool:
    """Whether `secret` is one this session issued, of its current generation or an older one."""
    generation, _, _ = secret.partition(".")
    if not (generation.isascii() and generation.isdigit()):
        return False
    number = int(generation)
    return number <= session.generation and hmac.compare_digest(
        secret.encode(), _secret(session.pk, number).encode()
    )


def _access_token(session: Session, user: User) -> tuple[str, datetime]:
    settings = get_settings()
    expires_at = now() + timedelta(seconds=settings.access_token_ttl)
    claims = {
        "sub": str(user.pk),
        "sid": str(session.pk),
        "cid": user.company_id,
        "iat": int(now().timestamp()),
        "exp": int(expires_at.timestamp()),
        "typ": "access",
    }
    token = jwt.encode(claims, settings.secret_key.get_secret_value(), algorithm=ALGORITHM)
    return token, expires_at


async def open_session(ctx: Context, user: User) -> Tokens:
    """A new session for `user` on the caller's device (call inside the transaction)."""
    session_id = uuid.uuid4()
    secret = _secret(session_id, 0)
    session = await Session.create(
        id=session_id,
        user_id=user.pk,
        company_id=user.company_id,
        refresh_token_hash=_digest(secret),
        user_agent=(ctx.user_agent or "")[:300] or None,
        ip_address=ctx.client_address,
        expires_at=now() + timedelta(seconds=get_settings().refresh_token_ttl),
    )
    access, expires_at = _access_token(session, user)
    return Tokens(access, expires_at, f"{session.pk}.{secret}", session)


async def rotate(ctx: Context, refresh_token: str) -> tuple[Tokens, User]:
    """New tokens for a current refresh token; a reused one ends its whole session."""
    session_id, _, secret = refresh_token.partition(".")
    try:
        session_uuid = uuid.UUID(session_id)
    except ValueError:
        raise DomainError("INVALID_REFRESH_TOKEN", "refreshToken") from None
    session = await Session.get_or_none(id=session_uuid).select_related("user")
    if session is None or session.revoked_at is not None or session.expires_at <= now():
        raise DomainError("INVALID_REFRESH_TOKEN", "refreshToken")
    user = session.user
    if not user.is_active:
        raise DomainError("INVALID_REFRESH_TOKEN", "refreshToken")
    new_secret = _secret(session.pk, session.generation + 1)
    async with unit_of_work(ctx):
        rotated = await Session.filter(
            id=session.pk, refresh_token_hash=_digest(secret), revoked_at=None
        ).update(
            refresh_token_hash=_digest(new_secret),
            generation=F("generation") + 1,
            last_used_at=now(),
            # Sliding: a session in use stays; one unused for the refresh TTL ends.
            expires_at=now() + timedelta(seconds=get_settings().refresh_token_ttl),
            ip_address=ctx.client_address,
        )
        if not rotated and _issued_before(session, secret):
            # An older token of this family came back: it was stolen, or the client is
            # broken. Either way nobody may keep using the family; the revocation commits
            # before the error answers. (Of the generation read above too: a rotation
            # came in between.)
            await revoke(ctx, session, "REFRESH_TOKEN_REUSED")
    if not rotated:
        raise DomainError("INVALID_REFRESH_TOKEN", "refreshToken")
    access, expires_at = _access_token(session, user)
    return Tokens(access, expires_at, f"{session.pk}.{new_secret}", session), user


async def authenticate(token: str) -> tuple[User, Session] | None:
    """The user and live session behind an access token, or None (one SQL statement)."""
    settings = get_settings()
    try:
        claims = jwt.decode(
            token,
            settings.secret_key.get_secret_value(),
            algorithms=[ALGORITHM],
            # Issued and expiry times by the project's clock (models/clock.py), checked below.
            options={
                "require": ["exp", "sub", "sid", "typ"],
                "verify_exp": False,
                "verify_iat": False,
            },
        )
        session_uuid = uuid.UUID(claims["sid"])
        issued, expires = int(claims.get("iat", 0)), int(claims["exp"])
    except (jwt.PyJWTError, ValueError, TypeError, OverflowError):
        return None
    if claims.get("typ") != "access" or not issued <= now().timestamp() < expires:
        return None
    session = await _live_session(session_uuid)
    if session is None or str(session.user_id) != str(claims["sub"]):
        return None
    if not session.user.is_active or session.expires_at <= now():
        return None
    return session.user, session


async def _live_session(session_id: uuid.UUID) -> Session | None:
    """The session if not revoked, with its user and the user's company: the statement of
    `Session.get_or_none(id=..., revoked_at=None).select_related("user", "user__company")`,
    its SQL built once by resolvers/sql.py (this runs on every signed-in request)."""
    return await sql.row_of_any_company(
        Session, session_id, follow=("user", "company"), null=("revoked_at",)
    )


async def revoke(ctx: Context, session: Session, reason: str) -> None:
    """End one session (in the caller's unit of work): its tokens stop working, and once
    that has committed every process closes its open sockets."""
    ended = await Session.filter(id=session.pk, revoked_at=None).update(
        revoked_at=now(), revoked_reason=reason
    )
    if ended:
        ctx.publish(SessionsEnded(company_id=session.company_id, session_ids=[str(session.pk)]))


async def revoke_all(ctx: Context, user: User, reason: str, *, keep: Session | None = None) -> int:
    """End every session of `user` (but `keep`, in the caller's unit of work); how many ended."""
    query = Session.filter(user_id=user.pk, revoked_at=None)
    if keep is not None:
        query = query.exclude(id=keep.pk)
    ids = [str(pk) for pk in await query.values_list("id", flat=True)]
    if not ids:
        return 0
    await Session.filter(id__in=ids).update(revoked_at=now(), revoked_reason=reason)
    ctx.publish(SessionsEnded(company_id=user.company_id, session_ids=ids))
    return len(ids)
