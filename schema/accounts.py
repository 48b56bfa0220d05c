"""Accounts in GraphQL: companies, users, sessions, sign-up, login, profile, password and its
reset, language."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry import UNSET

from models import accounts as models
from resolvers import accounts
from resolvers.i18n import SUPPORTED_LANGUAGES, language_name
from schema.base import (
    Connection,
    Info,
    IsAdmin,
    IsAuthenticated,
    ModelNode,
    Payload,
    UserError,
    errors_field,
    mutation,
)
from schema.inputs import NodeId, given
from schema.preload import preload
from schema.presence import Presence, PresenceStatus
from schema.relations import One, Via, relation

# The models' enums as GraphQL enums: strawberry.enum marks the class in place, and the
# schema's name is an alias of it (a type mypy understands).
Role = models.Role
strawberry.enum(
    Role,
    description="What a user may do: OWNER everything, ADMIN all but ownership, AGENT his work.",
)


@strawberry.type(description="A company (tenant): everything else belongs to one.")
class Company(ModelNode):
    __model__ = models.Company

    name: str = strawberry.field(description="The company's name.")
    default_language: str = strawberry.field(
        description="Language code for new users and e-mails to them, such as 'en' or 'tr'."
    )
    timezone: str = strawberry.field(description="IANA time zone of the company's reports.")


@strawberry.type(description="A person who works in a company: its owner, an admin or an agent.")
class User(ModelNode):
    __model__ = models.User

    email: str = strawberry.field(description="Sign-in address, unique over the platform.")
    full_name: str = strawberry.field(description="Name as teammates and customers see it.")
    phone: str | None = strawberry.field(description="E.164 phone number, such as +902125550101.")
    role: Role = strawberry.field(description="What the user may do.")
    language: str = strawberry.field(description="The user's language code ('en', 'tr').")
    timezone: str = strawberry.field(description="The user's IANA time zone.")
    is_active: bool = strawberry.field(description="False once an admin deactivated the user.")
    created_at: datetime = strawberry.field(description="When the account was made.")

    presence: Presence = relation(
        Via(lambda loaders: loaders.presence_by_user_id, Presence.of),
        description="Whether teammates see the user ONLINE, BUSY, and so on.",
    )
    company: Company = relation(
        One(models.Company, "company_id"), description="The company the user works in."
    )


@strawberry.type(description="A language the interface and messages are available in.")
class Language:
    code: str = strawberry.field(description="The code to pass to setLanguage, such as 'tr'.")
    name: str = strawberry.field(description="The language's name in itself, such as 'Türkçe'.")


@strawberry.type(name="Session", description="One signed-in device of the current user.")
class SessionType:
    id: strawberry.ID = strawberry.field(description="Pass to revokeSession to end it.")
    created_at: datetime = strawberry.field(description="When the user signed in.")
    last_used_at: datetime = strawberry.field(description="When its tokens were last refreshed.")
    expires_at: datetime = strawberry.field(description="When it ends unless refreshed.")
    user_agent: str | None = strawberry.field(description="The device's browser or app.")
    ip_address: str | None = strawberry.field(description="Where it signed in from.")
    current: bool = strawberry.field(description="Whether this is the session asking.")


@strawberry.type(description="Tokens of a new or refreshed session; null fields on errors.")
class AuthPayload(Payload):
    access_token: str | None = strawberry.field(
        default=None,
        description="Send as 'Authorization: Bearer <token>'; short-lived, refresh it.",
    )
    access_token_expires_at: datetime | None = strawberry.field(
        default=None, description="When the access token stops working."
    )
    refresh_token: str | None = strawberry.field(
        default=None, description="Use once with refreshSession to get new tokens."
    )
    user: User | None = strawberry.field(default=None, description="The signed-in user.")
    errors: list[UserError] = errors_field("Why it failed; empty on success.")


def _signed_in(result: accounts.SignedIn) -> AuthPayload:
    tokens = result.tokens
    return AuthPayload(
        access_token=tokens.access_token,
        access_token_expires_at=tokens.access_token_expires_at,
        refresh_token=tokens.refresh_token,
        user=result.user,  # type: ignore[arg-type]
    )


@strawberry.type(description="The answer of logout.")
class LogoutPayload(Payload):
    errors: list[UserError] = errors_field("Always empty.")


@strawberry.type(description="The invited user; the invitation mail carries his one-time token.")
class InviteUserPayload(Payload):
    user: User | None = strawberry.field(default=None, description="The new, passwordless user.")


@strawberry.type(description="The changed user.")
class UpdateProfilePayload(Payload):
    user: User | None = strawberry.field(default=None, description="The user after the change.")


@strawberry.type(description="The user in his new language.")
class SetLanguagePayload(Payload):
    user: User | None = strawberry.field(default=None, description="The user after the change.")


@strawberry.type(description="The answer of changePassword: other sessions have ended.")
class ChangePasswordPayload(Payload):
    errors: list[UserError] = errors_field(
        "WRONG_PASSWORD, PASSWORD_MISMATCH or WEAK_PASSWORD; nothing changed then."
    )


@strawberry.type(
    description="The answer of requestPasswordReset: always empty errors, whether or not the "
    "address has an account (a mail goes out only if it has, within the rate limits)."
)
class RequestPasswordResetPayload(Payload):
    errors: list[UserError] = errors_field("Always empty.")


@strawberry.type(description="The answer of resetPassword: every session of the user has ended.")
class ResetPasswordPayload(Payload):
    errors: list[UserError] = errors_field(
        "INVALID_RESET_TOKEN, PASSWORD_MISMATCH or WEAK_PASSWORD; nothing changed then."
    )


@strawberry.type(description="The answer of revokeSession.")
class RevokeSessionPayload(Payload):
    pass


@strawberry.type(description="The teammate after the change.")
class UpdateUserPayload(Payload):
    user: User | None = strawberry.field(default=None, description="The user after the change.")


@strawberry.input(description="A new company and its owner.")
class SignUpInput:
    company_name: str = strawberry.field(description="The company's name.")
    full_name: str = strawberry.field(description="The owner's name.")
    email: str = strawberry.field(description="The owner's sign-in address.")
    password: str = strawberry.field(description="At least 10 characters, not a common one.")
    language: str | None = strawberry.field(
        default=None,
        description="The owner's and the company's language; by default the one of the "
        "Accept-Language header, else FRONTDESK_DEFAULT_LANGUAGE.",
    )


@strawberry.input(description="Credentials to sign in with.")
class LoginInput:
    email: str = strawberry.field(description="The sign-in address.")
    password: str = strawberry.field(description="The password.")


@strawberry.input(description="A refresh token to exchange for new tokens.")
class RefreshSessionInput:
    refresh_token: str = strawberry.field(description="The latest refresh token of the session.")


@strawberry.input(description="A teammate to invite.")
class InviteUserInput:
    email: str = strawberry.field(description="The invitee's sign-in address.")
    full_name: str = strawberry.field(description="The invitee's name.")
    role: Role = strawberry.field(description="ADMIN or AGENT.")
    language: str | None = strawberry.field(
        default=None, description="The invitee's language; default the company's."
    )


@strawberry.input(description="An invitation token and the password the invitee chose.")
class AcceptInvitationInput:
    token: str = strawberry.field(description="The one-time invitation token.")
    password: str = strawberry.field(description="The new password.")
    confirm_password: str = strawberry.field(description="The same password again.")


@strawberry.input(description="Profile fields to change; fields left out stay as they are.")
class UpdateProfileInput:
    full_name: str | None = strawberry.field(default=UNSET, description="A new name.")
    phone: str | None = strawberry.field(
        default=UNSET, description="A phone number in international form; null clears it."
    )
    timezone: str | None = strawberry.field(
        default=UNSET, description="An IANA time zone such as 'Europe/Istanbul'."
    )


@strawberry.input(description="The current password and the new one, twice.")
class ChangePasswordInput:
    current_password: str = strawberry.field(description="The password in use now.")
    new_password: str = strawberry.field(description="At least 10 characters, not a common one.")
    confirm_password: str = strawberry.field(description="The new password again.")


@strawberry.input(description="The address of an account whose password was forgotten.")
class RequestPasswordResetInput:
    email: str = strawberry.field(description="The sign-in address.")


@strawberry.input(description="A mailed password-reset token and the new password, twice.")
class ResetPasswordInput:
    token: str = strawberry.field(description="The one-time token from the reset mail.")
    new_password: str = strawberry.field(description="At least 10 characters, not a common one.")
    confirm_password: str = strawberry.field(description="The new password again.")


@strawberry.input(description="The language to switch to.")
class SetLanguageInput:
    language: str = strawberry.field(description="A code from `languages`, such as 'tr'.")


@strawberry.input(description="A session of yours to end.")
class RevokeSessionInput:
    session_id: strawberry.ID = strawberry.field(description="The id from mySessions.")


@strawberry.input(description="A teammate to deactivate or reactivate.")
class UserIdInput:
    user_id: NodeId[User] = strawberry.field(description="The teammate's global ID.")


@strawberry.input(description="A teammate's new role.")
class ChangeUserRoleInput:
    user_id: NodeId[User] = strawberry.field(description="The teammate's global ID.")
    role: Role = strawberry.field(description="ADMIN or AGENT.")


@strawberry.type
class AccountsQuery:
    @strawberry.field(description="The signed-in user.", permission_classes=[IsAuthenticated])
    async def me(self, info: Info) -> User:
        return info.context.require_user()  # type: ignore[return-value]

    @strawberry.field(
        description="Your company's users in the order they joined; `presence` keeps only "
        "those shown with one of the given statuses.",
        permission_classes=[IsAuthenticated],
    )
    async def users(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        presence: list[PresenceStatus] | None = None,
    ) -> Connection[User]:
        page = await accounts.list_users(info.context, first=first, after=after, presence=presence)
        await preload(info, page)
        return Connection.of(page)  # type: ignore[no-any-return]

    @strawberry.field(description="The languages you can switch to with setLanguage.")
    def languages(self) -> list[Language]:
        return [Language(code=code, name=language_name(code)) for code in SUPPORTED_LANGUAGES]

    @strawberry.field(
        description="Your signed-in devices, newest first.", permission_classes=[IsAuthenticated]
    )
    async def my_sessions(self, info: Info) -> list[SessionType]:
        current = info.context.session.pk if info.context.session else None
        return [
            SessionType(
                id=strawberry.ID(str(row.pk)),
                created_at=row.created_at,
                last_used_at=row.last_used_at,
                expires_at=row.expires_at,
                user_agent=row.user_agent,
                ip_address=row.ip_address,
                current=row.pk == current,
            )
            for row in await accounts.list_sessions(info.context)
        ]


@strawberry.type
class AccountsMutation:
    @mutation(description="Create a company and its OWNER, and sign in.")
    async def sign_up(self, info: Info, input: SignUpInput) -> AuthPayload:
        return _signed_in(
            await accounts.sign_up(
                info.context,
                company_name=input.company_name,
                full_name=input.full_name,
                email=input.email,
                password=input.password,
                language=input.language,
            )
        )

    @mutation(description="Sign in. Failed attempts are limited per account and per address.")
    async def login(self, info: Info, input: LoginInput) -> AuthPayload:
        return _signed_in(
            await accounts.login(info.context, email=input.email, password=input.password)
        )

    @mutation(description="New tokens for a refresh token; each refresh token works once.")
    async def refresh_session(self, info: Info, input: RefreshSessionInput) -> AuthPayload:
        return _signed_in(
            await accounts.refresh_session(info.context, refresh_token=input.refresh_token)
        )

    @mutation(description="End the current session.", permission_classes=[IsAuthenticated])
    async def logout(self, info: Info) -> LogoutPayload:
        await accounts.logout(info.context)
        return LogoutPayload()

    @mutation(description="End one of your sessions.", permission_classes=[IsAuthenticated])
    async def revoke_session(self, info: Info, input: RevokeSessionInput) -> RevokeSessionPayload:
        await accounts.revoke_session(info.context, session_id=str(input.session_id))
        return RevokeSessionPayload()

    @mutation(
        description="Invite an ADMIN or AGENT (OWNER and ADMIN only); the invitee gets a mail "
        "in his language with the link and one-time token for acceptInvitation.",
        permission_classes=[IsAdmin],
    )
    async def invite_user(self, info: Info, input: InviteUserInput) -> InviteUserPayload:
        user = await accounts.invite_user(
            info.context,
            email=input.email,
            full_name=input.full_name,
            role=input.role,
            language=input.language,
        )
        return InviteUserPayload(user=user)  # type: ignore[arg-type]

    @mutation(description="Set your password with an invitation token, and sign in.")
    async def accept_invitation(self, info: Info, input: AcceptInvitationInput) -> AuthPayload:
        return _signed_in(
            await accounts.accept_invitation(
                info.context,
                token=input.token,
                password=input.password,
                confirm_password=input.confirm_password,
            )
        )

    @mutation(
        description="Change your name, phone or time zone.", permission_classes=[IsAuthenticated]
    )
    async def update_profile(self, info: Info, input: UpdateProfileInput) -> UpdateProfilePayload:
        user = await accounts.update_profile(info.context, **given(input))
        return UpdateProfilePayload(user=user)  # type: ignore[arg-type]

    @mutation(
        description="Change your password; your other sessions end at once.",
        permission_classes=[IsAuthenticated],
    )
    async def change_password(
        self, info: Info, input: ChangePasswordInput
    ) -> ChangePasswordPayload:
        await accounts.change_password(
            info.context,
            current_password=input.current_password,
            new_password=input.new_password,
            confirm_password=input.confirm_password,
        )
        return ChangePasswordPayload()

    @mutation(
        description="Mail a one-time password-reset link to an account's address; the answer "
        "is the same whether the address has an account. Limited per account and per address."
    )
    async def request_password_reset(
        self, info: Info, input: RequestPasswordResetInput
    ) -> RequestPasswordResetPayload:
        await accounts.request_password_reset(info.context, email=input.email)
        return RequestPasswordResetPayload()

    @mutation(
        description="Set a new password with the token of a reset mail (it works once, until it "
        "expires or a newer one is asked for); every session of the user ends."
    )
    async def reset_password(self, info: Info, input: ResetPasswordInput) -> ResetPasswordPayload:
        await accounts.reset_password(
            info.context,
            token=input.token,
            new_password=input.new_password,
            confirm_password=input.confirm_password,
        )
        return ResetPasswordPayload()

    @mutation(
        description="Switch your language; this answer is already in it.",
        permission_classes=[IsAuthenticated],
    )
    async def set_language(self, info: Info, input: SetLanguageInput) -> SetLanguagePayload:
        user = await accounts.set_language(info.context, language=input.language)
        return SetLanguagePayload(user=user)  # type: ignore[arg-type]

    @mutation(
        description="Deactivate a teammate: he cannot sign in and his sessions end.",
        permission_classes=[IsAdmin],
    )
    async def deactivate_user(self, info: Info, input: UserIdInput) -> UpdateUserPayload:
        user = await accounts.set_user_active(info.context, user_id=input.user_id, active=False)
        return UpdateUserPayload(user=user)  # type: ignore[arg-type]

    @mutation(description="Let a deactivated teammate sign in again.", permission_classes=[IsAdmin])
    async def reactivate_user(self, info: Info, input: UserIdInput) -> UpdateUserPayload:
        user = await accounts.set_user_active(info.context, user_id=input.user_id, active=True)
        return UpdateUserPayload(user=user)  # type: ignore[arg-type]

    @mutation(
        description="Make a teammate an ADMIN or an AGENT; his sessions end.",
        permission_classes=[IsAdmin],
    )
    async def change_user_role(self, info: Info, input: ChangeUserRoleInput) -> UpdateUserPayload:
        user = await accounts.change_role(info.context, user_id=input.user_id, role=input.role)
        return UpdateUserPayload(user=user)  # type: ignore[arg-type]
