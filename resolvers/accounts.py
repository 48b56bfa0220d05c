"""Accounts: sign-up, login, sessions, invitations, profile, password and its reset, language,
teammates."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import TypeVar

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q

from models.accounts import Company, Invitation, PasswordReset, Role, Session, User
from models.actors import ADMINS, GRANTABLE
from models.clock import now
from models.notifications import SecurityMail
from models.presence import PresenceStatus
from resolvers import sessions
from resolvers.changes import KEEP, Change
from resolvers.context import Context
from resolvers.errors import DomainError
from resolvers.notifications import mail_time, send_security_mail
from resolvers.pagination import Page, paginate
from resolvers.passwords import (
    check_new_password,
    check_strength,
    hash_password,
    needs_rehash,
    verify_password,
)
from resolvers.ratelimit import login_limiter
from resolvers.tenancy import company_scope, get_in_company
from resolvers.unit_of_work import unit_of_work
from resolvers.validation import (
    clean_email,
    clean_language,
    clean_phone,
    clean_text,
    clean_timezone,
)
from settings import get_settings

NAME_MAX = 200


@dataclass
class SignedIn:
    """What a successful sign-up, login, refresh or invitation acceptance returns."""

    user: User
    tokens: sessions.Tokens


def _signed_in(ctx: Context, user: User, tokens: sessions.Tokens) -> SignedIn:
    # From here on the request speaks for the new session (its answer reads the user).
    ctx.user, ctx.session, ctx.language = user, tokens.session, user.language
    return SignedIn(user, tokens)


async def sign_up(
    ctx: Context,
    *,
    company_name: str,
    full_name: str,
    email: str,
    password: str,
    language: str | None,
) -> SignedIn:
    """A new company with its OWNER, signed in."""
    language = clean_language(language) if language else ctx.language
    ctx.language = language  # the language picked on the sign-up form answers from here on
    company_name = clean_text(company_name, "companyName", max_length=NAME_MAX)
    full_name = clean_text(full_name, "fullName", max_length=NAME_MAX)
    email = clean_email(email)
    check_strength(password, email=email, full_name=full_name, field="password")
    password_hash = await hash_password(password)
    try:
        async with unit_of_work(ctx):
            if await User.exists(email=email):
                raise DomainError("EMAIL_TAKEN", "email")
            company = await Company.create(name=company_name, default_language=language)
            user = await User.create(
                company=company,
                email=email,
                full_name=full_name,
                role=Role.OWNER,
                language=language,
                password_hash=password_hash,
            )
            tokens = await sessions.open_session(ctx, user)
    except IntegrityError:
        # Two sign-ups with one address at the same moment: the unique index decides.
        raise DomainError("EMAIL_TAKEN", "email") from None
    return _signed_in(ctx, user, tokens)


async def login(ctx: Context, *, email: str, password: str) -> SignedIn:
    """Sign in; the answer never tells whether the e-mail exists."""
    account = (email or "").strip().lower()[:254]
    limiter = login_limiter()
    await limiter.check(account, ctx.client_address)
    user = await User.get_or_none(email=account) if account else None
    # Verify even without a user: unknown e-mail and wrong password take the same time.
    valid = await verify_password(user.password_hash if user else None, password[:1024])
    if user is None or not valid or not user.is_active:
        await limiter.failed(account)
        raise DomainError("INVALID_CREDENTIALS")
    async with unit_of_work(ctx):
        if needs_rehash(user.password_hash or ""):
            user.password_hash = await hash_password(password)
            await user.save(update_fields=["password_hash", "updated_at"])
        if await _new_device(ctx, user):
            await send_security_mail(
                ctx,
                SecurityMail.NEW_LOGIN,
                user,
                device=ctx.user_agent or "?",
                address=ctx.client_address or "?",
                at=mail_time(now()),
            )
        tokens = await sessions.open_session(ctx, user)
    return _signed_in(ctx, user, tokens)


async def _new_device(ctx: Context, user: User) -> bool:
    """Whether this login comes from a device (user agent) none of the user's sessions had;
    his first sign-in is not news."""
    user_agent = (ctx.user_agent or "")[:300] or None
    known = Session.filter(user_id=user.pk)
    return await known.exists() and not await known.filter(user_agent=user_agent).exists()


async def refresh_session(ctx: Context, *, refresh_token: str) -> SignedIn:
    """New tokens for a refresh token (which can be used once)."""
    # No unit of work around it: when rotation detects reuse, the revocation of the family
    # commits in a unit of work of its own, and stays though the mutation answers with an error.
    tokens, user = await sessions.rotate(ctx, refresh_token or "")
    return _signed_in(ctx, user, tokens)


async def logout(ctx: Context) -> None:
    """End the caller's current session."""
    ctx.require_user()
    assert ctx.session is not None
    async with unit_of_work(ctx):
        await sessions.revoke(ctx, ctx.session, "LOGOUT")


async def list_sessions(ctx: Context) -> list[Session]:
    """The caller's live sessions, newest first."""
    user = ctx.require_user()
    return list(
        await Session.filter(user_id=user.pk, revoked_at=None, expires_at__gt=now()).order_by(
            "-created_at"
        )
    )


async def revoke_session(ctx: Context, *, session_id: str) -> None:
    """End one of the caller's own sessions (a lost phone, say)."""
    user = ctx.require_user()
    try:
        session_uuid = uuid.UUID(session_id)
    except ValueError:
        raise DomainError("NOT_FOUND", "sessionId") from None
    session = await Session.get_or_none(id=session_uuid, user_id=user.pk, revoked_at=None)
    if session is None:
        raise DomainError("NOT_FOUND", "sessionId")
    async with unit_of_work(ctx):
        await sessions.revoke(ctx, session, "REVOKED_BY_USER")


async def update_profile(
    ctx: Context,
    *,
    full_name: Change[str | None] = KEEP,
    phone: Change[str | None] = KEEP,
    timezone: Change[str | None] = KEEP,
) -> User:
    """Change the caller's name, phone or time zone; what is not given (or null, but for the
    phone, which null clears) stays."""
    user = ctx.require_user()
    changes: dict[str, object] = {}
    if isinstance(full_name, str):
        changes["full_name"] = clean_text(full_name, "fullName", max_length=NAME_MAX)
    if phone is not KEEP:
        changes["phone"] = clean_phone(phone)
    if isinstance(timezone, str):
        changes["timezone"] = clean_timezone(timezone)
    if changes:
        async with unit_of_work(ctx):
            await User.filter(pk=user.pk).update(**changes, updated_at=now())
        for name, value in changes.items():
            setattr(user, name, value)
    return user


async def set_language(ctx: Context, *, language: str) -> User:
    """Change the caller's language; from this answer on, messages come in it."""
    user = ctx.require_user()
    user.language = clean_language(language)
    async with unit_of_work(ctx):
        await User.filter(pk=user.pk).update(language=user.language, updated_at=now())
    ctx.language = user.language
    return user


async def change_password(
    ctx: Context, *, current_password: str, new_password: str, confirm_password: str
) -> None:
    """Change the caller's password and end every other session of his."""
    user = ctx.require_user()
    if not await verify_password(user.password_hash, current_password[:1024]):
        raise DomainError("WRONG_PASSWORD", "currentPassword")
    password_hash = await _new_password_hash(user, new_password, confirm_password, "newPassword")
    async with unit_of_work(ctx):
        await _store_password(ctx, user, password_hash, "PASSWORD_CHANGED", keep=ctx.session)
    user.password_hash = password_hash


async def _new_password_hash(user: User, password: str, confirmation: str, field: str) -> str:
    """The hash of a new password of `user`, once it matches its confirmation (else
    PASSWORD_MISMATCH on confirmPassword) and passes the strength rules (else on `field`)."""
    check_new_password(
        password, confirmation, email=user.email, full_name=user.full_name, field=field
    )
    return await hash_password(password)


async def _store_password(
    ctx: Context, user: User, password_hash: str, reason: str, *, keep: Session | None = None
) -> None:
    """In the caller's unit of work: the user's new password hash, every session of his but
    `keep` ended for `reason` (their sockets close), and the password-changed mail."""
    await User.filter(pk=user.pk).update(password_hash=password_hash, updated_at=now())
    await sessions.revoke_all(ctx, user, reason, keep=keep)
    await send_security_mail(ctx, SecurityMail.PASSWORD_CHANGED, user, at=mail_time(now()))


async def request_password_reset(ctx: Context, *, email: str) -> None:
    """Mail a one-time token that resets the password of the account of `email`. The answer
    is the same whether the account exists; over the limits nothing is sent."""
    account = (email or "").strip().lower()[:254]
    # Made and hashed either way, so an unknown address costs nearly the work of a known one
    # (a known one adds the token's and the mail's rows).
    token = secrets.token_urlsafe(32)
    token_hash = _digest(token)
    if not account or not await login_limiter().allow_reset(account, ctx.client_address):
        return
    async with unit_of_work(ctx):
        # Locked: two requests at once must not leave two live tokens.
        user = await User.select_for_update().get_or_none(email=account, is_active=True)
        if user is None:
            return
        # A newer request kills the older tokens.
        await PasswordReset.filter(
            company_id=user.company_id, user_id=user.pk, used_at=None
        ).delete()
        reset = await PasswordReset.create(
            company_id=user.company_id,
            user=user,
            token_hash=token_hash,
            expires_at=now() + timedelta(seconds=get_settings().password_reset_ttl),
        )
        await send_security_mail(
            ctx, SecurityMail.PASSWORD_RESET, user, token=token, expires=mail_time(reset.expires_at)
        )


async def reset_password(
    ctx: Context, *, token: str, new_password: str, confirm_password: str
) -> None:
    """Set a new password with a mailed reset token (once); every session of the user ends."""
    reset = await _live_token(ctx, PasswordReset, token, "INVALID_RESET_TOKEN")
    user = reset.user
    password_hash = await _new_password_hash(user, new_password, confirm_password, "newPassword")
    async with unit_of_work(ctx):
        await _use_token(reset, "INVALID_RESET_TOKEN")
        await _store_password(ctx, user, password_hash, "PASSWORD_RESET")


async def list_users(
    ctx: Context,
    *,
    first: int | None,
    after: str | None,
    presence: Sequence[PresenceStatus] | None = None,
) -> Page[User]:
    """The caller's teammates (himself included) in the order they joined, optionally only
    those teammates currently see with one of the `presence` statuses."""
    ctx.require_user()
    query = company_scope(ctx, User)
    if presence:
        shown = Q(presence_state__shown__in=list(presence))
        if PresenceStatus.OFFLINE in presence:  # never set a status: shown OFFLINE
            shown |= Q(presence_state__user_id__isnull=True)
        query = query.filter(shown)
    return await paginate(query, first, after)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


OneTimeToken = TypeVar("OneTimeToken", Invitation, PasswordReset)


async def _live_token(
    ctx: Context, model: type[OneTimeToken], token: str, code: str
) -> OneTimeToken:
    """The unused, unexpired one-time token `token` of `model` (an invitation, a password
    reset) of an active user, or `code` on "token"; its user reads the answer in his language."""
    row = await model.get_or_none(
        token_hash=_digest(token or ""), used_at=None, expires_at__gt=now()
    ).select_related("user")
    if row is None or not row.user.is_active:
        raise DomainError(code, "token")
    ctx.language = row.user.language
    return row


async def _use_token(row: OneTimeToken, code: str) -> None:
    """Mark the token used in the statement that checks it is still live (in the caller's unit
    of work), so that it works once only; `code` on "token" if another request was first."""
    claimed = (
        await type(row).filter(id=row.pk, used_at=None, expires_at__gt=now()).update(used_at=now())
    )
    if not claimed:
        raise DomainError(code, "token")


async def invite_user(
    ctx: Context, *, email: str, full_name: str, role: Role, language: str | None
) -> User:
    """An ADMIN or AGENT account without a password; the invitation mail (in the invitee's
    language) carries the one-time token that sets it."""
    inviter = ctx.require_role(ADMINS)
    email = clean_email(email)
    full_name = clean_text(full_name, "fullName", max_length=NAME_MAX)
    if role not in GRANTABLE:
        raise DomainError("ROLE_NOT_ALLOWED", "role")
    language = clean_language(language) if language else inviter.company.default_language
    token = secrets.token_urlsafe(32)
    try:
        async with unit_of_work(ctx):
            if await User.exists(email=email):
                raise DomainError("EMAIL_TAKEN", "email")
            user = await User.create(
                company_id=inviter.company_id,
                email=email,
                full_name=full_name,
                role=role,
                language=language,
                timezone=inviter.company.timezone,
            )
            invitation = await Invitation.create(
                user=user,
                company_id=inviter.company_id,
                invited_by=inviter,
                token_hash=_digest(token),
                expires_at=now() + timedelta(seconds=get_settings().invitation_ttl),
            )
            await send_security_mail(
                ctx,
                SecurityMail.INVITATION,
                user,
                token=token,
                inviter=inviter.full_name,
                company=inviter.company.name,
                expires=mail_time(invitation.expires_at),
            )
    except IntegrityError:
        raise DomainError("EMAIL_TAKEN", "email") from None
    return user


async def accept_invitation(
    ctx: Context, *, token: str, password: str, confirm_password: str
) -> SignedIn:
    """Set the invited user's password with his one-time token, and sign him in."""
    invitation = await _live_token(ctx, Invitation, token, "INVALID_TOKEN")
    user = invitation.user
    password_hash = await _new_password_hash(user, password, confirm_password, "password")
    async with unit_of_work(ctx):
        await _use_token(invitation, "INVALID_TOKEN")
        await User.filter(pk=user.pk).update(password_hash=password_hash, updated_at=now())
        user.password_hash = password_hash
        tokens = await sessions.open_session(ctx, user)
    return _signed_in(ctx, user, tokens)


async def _teammate_to_manage(ctx: Context, user_id: int) -> User:
    """A teammate an admin may change: of his company, not himself, not the owner."""
    actor = ctx.require_role(ADMINS)
    user = await get_in_company(ctx, User, user_id, field="userId")
    if user.pk == actor.pk:
        raise DomainError("CANNOT_CHANGE_SELF", "userId")
    if user.role == Role.OWNER:
        raise DomainError("CANNOT_CHANGE_OWNER", "userId")
    return user


async def set_user_active(ctx: Context, *, user_id: int, active: bool) -> User:
    """Deactivate a teammate (all his sessions end) or bring him back."""
    user = await _teammate_to_manage(ctx, user_id)
    async with unit_of_work(ctx):
        user.is_active = active
        user.deactivated_at = None if active else now()
        await user.save(update_fields=["is_active", "deactivated_at", "updated_at"])
        if not active:
            await sessions.revoke_all(ctx, user, "USER_DEACTIVATED")
    return user


async def change_role(ctx: Context, *, user_id: int, role: Role) -> User:
    """Make a teammate an ADMIN or an AGENT; his sessions end so new tokens carry the role."""
    user = await _teammate_to_manage(ctx, user_id)
    if role not in GRANTABLE:
        raise DomainError("ROLE_NOT_ALLOWED", "role")
    if user.role != role:
        async with unit_of_work(ctx):
            user.role = role
            await user.save(update_fields=["role", "updated_at"])
            await sessions.revoke_all(ctx, user, "ROLE_CHANGED")
    return user
