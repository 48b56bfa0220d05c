"""Login sessions: short-lived access tokens (JWT) and rotating refresh tokens per session."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt
from tortoise.expressions import F

from models.accounts import Company, Session, User
from resolvers.context import Context
from resolvers.errors import DomainError
from resolvers.rows import db_columns, model_builder, select_list
from settings import get_settings
from subscriptions.bus import publish
from subscriptions.sessions import SessionsEnded

ALGORITHM = "HS256"  # pinned: a token naming any other algorithm (or "none") is refused


@dataclass
class Tokens:
    access_token: str
    access_token_expires_at: datetime
    refresh_token: str
    session: Session


def _now() -> datetime:
    return datetime.now(UTC)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _access_token(session: Session, user: User) -> tuple[str, datetime]:
    settings = get_settings()
    expires_at = _now() + timedelta(seconds=settings.access_token_ttl)
    claims = {
        "sub": str(user.pk),
        "sid": str(session.pk),
        "cid": user.company_id,
        "iat": int(_now().timestamp()),
        "exp": int(expires_at.timestamp()),
        "typ": "access",
    }
    token = jwt.encode(claims, settings.secret_key.get_secret_value(), algorithm=ALGORITHM)
    return token, expires_at


async def open_session(ctx: Context, user: User) -> Tokens:
    """A new session for `user` on the caller's device (call inside the transaction)."""
    secret = secrets.token_urlsafe(32)
    session = await Session.create(
        id=uuid.uuid4(),
        user_id=user.pk,
        company_id=user.company_id,
        refresh_token_hash=_digest(secret),
        user_agent=(ctx.user_agent or "")[:300] or None,
        ip_address=ctx.client_address,
        expires_at=_now() + timedelta(seconds=get_settings().refresh_token_ttl),
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
    if session is None or session.revoked_at is not None or session.expires_at <= _now():
        raise DomainError("INVALID_REFRESH_TOKEN", "refreshToken")
    user = session.user
    if not user.is_active:
        raise DomainError("INVALID_REFRESH_TOKEN", "refreshToken")
    new_secret = secrets.token_urlsafe(32)
    rotated = await Session.filter(
        id=session.pk, refresh_token_hash=_digest(secret), revoked_at=None
    ).update(
        refresh_token_hash=_digest(new_secret),
        generation=F("generation") + 1,
        last_used_at=_now(),
        # Sliding: a session in use stays; one unused for the refresh TTL ends.
        expires_at=_now() + timedelta(seconds=get_settings().refresh_token_ttl),
        ip_address=ctx.client_address,
    )
    if not rotated:
        # An older token of this family came back: it was stolen, or the client is broken.
        # Either way nobody may keep using the family.
        await revoke(None, session, "REFRESH_TOKEN_REUSED")
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
            options={"require": ["exp", "sub", "sid", "typ"]},
        )
        session_uuid = uuid.UUID(claims["sid"])
    except (jwt.PyJWTError, ValueError, TypeError):
        return None
    if claims.get("typ") != "access":
        return None
    session = await _live_session(session_uuid)
    if session is None or str(session.user_id) != str(claims["sub"]):
        return None
    if not session.user.is_active or session.expires_at <= _now():
        return None
    return session.user, session


_LIVE_SESSION_SQL: dict[str, str] = {}


async def _live_session(session_id: uuid.UUID) -> Session | None:
    """The session if not revoked, with its user and the user's company: the statement of
    `Session.get_or_none(id=..., revoked_at=None).select_related("user", "user__company")`,
    its SQL text built once (this runs on every signed-in request)."""
    db = Session._meta.db
    dialect = db.capabilities.dialect
    sql = _LIVE_SESSION_SQL.get(dialect)
    if sql is None:
        marker = "?" if dialect == "sqlite" else "$1"
        sql = _LIVE_SESSION_SQL[dialect] = (
            f"SELECT {select_list(Session, 's')},{select_list(User, 'u')},"
            f'{select_list(Company, "c")} FROM "session" s '
            'LEFT OUTER JOIN "user" u ON u."id"=s."user_id" '
            'LEFT OUTER JOIN "company" c ON c."id"=u."company_id" '
            f'WHERE s."id"={marker} AND s."revoked_at" IS NULL LIMIT 2'
        )
    key = Session._meta.fields_map["id"].to_db_value(session_id, Session)
    _, rows = await db.execute_query(sql, [key])
    if not rows:
        return None
    values = tuple(rows[0])
    sessions, users = len(db_columns(Session)), len(db_columns(User))
    session = model_builder(Session, dialect)(values[:sessions])
    user = model_builder(User, dialect)(values[sessions : sessions + users])
    company = model_builder(Company, dialect)(values[sessions + users :])
    # Where select_related puts them: `session.user`, `user.company` read these.
    session.__dict__["_user"] = user
    user.__dict__["_company"] = company
    return session


async def revoke(ctx: Context | None, session: Session, reason: str) -> None:
    """End one session now: its tokens stop working and its open sockets close."""
    ended = await Session.filter(id=session.pk, revoked_at=None).update(
        revoked_at=_now(), revoked_reason=reason
    )
    if ended:
        await _announce(ctx, session.company_id, [str(session.pk)])


async def revoke_all(
    ctx: Context | None, user: User, reason: str, *, keep: Session | None = None
) -> int:
    """End every session of `user` (but `keep`); returns how many ended."""
    query = Session.filter(user_id=user.pk, revoked_at=None)
    if keep is not None:
        query = query.exclude(id=keep.pk)
    ids = [str(pk) for pk in await query.values_list("id", flat=True)]
    if not ids:
        return 0
    await Session.filter(id__in=ids).update(revoked_at=_now(), revoked_reason=reason)
    await _announce(ctx, user.company_id, ids)
    return len(ids)


async def _announce(ctx: Context | None, company_id: int, session_ids: list[str]) -> None:
    """Tell every process to close these sessions' sockets: after the commit when in a
    request, at once otherwise (nothing to wait for)."""
    event = SessionsEnded(company_id=company_id, session_ids=session_ids)
    if ctx is None:
        await publish(event)
    else:
        ctx.after_commit.append(lambda: publish(event))
