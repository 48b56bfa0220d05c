"""What tests share: sending operations as a client does, and small factories."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from notifiers.dispatcher import current_dispatcher
from tests.mail import MAILBOX, invitation_token

PASSWORD = "correct-horse-battery"

SIGN_UP = """
mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    accessToken refreshToken
    user { id email fullName role language company { id name } }
    errors { field code message }
  }
}
"""

LOGIN = """
mutation Login($email: String!, $password: String!) {
  login(input: {email: $email, password: $password}) {
    accessToken refreshToken user { id email }
    errors { field code message }
  }
}
"""

INVITE = """
mutation Invite($input: InviteUserInput!) {
  inviteUser(input: $input) { user { id email role } errors { field code message } }
}
"""

ACCEPT = """
mutation Accept($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) {
    accessToken refreshToken user { id } errors { field code message }
  }
}
"""


async def gql(
    client: httpx.AsyncClient,
    query: str,
    variables: dict[str, Any] | None = None,
    *,
    token: str | None = None,
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    """POST one operation; the decoded response body."""
    sent = dict(headers or {})
    if token:
        sent["Authorization"] = f"Bearer {token}"
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables or {}}, headers=sent
    )
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


@dataclass
class Member:
    """A signed-in user of a company, as a test sees him."""

    id: str
    email: str
    token: str
    refresh_token: str
    company_id: str


async def sign_up(
    client: httpx.AsyncClient,
    email: str = "owner@acme.example",
    *,
    company: str = "Acme",
    name: str = "Olivia Owner",
    language: str | None = None,
) -> Member:
    result = await gql(
        client,
        SIGN_UP,
        {
            "input": {
                "companyName": company,
                "fullName": name,
                "email": email,
                "password": PASSWORD,
                "language": language,
            }
        },
    )
    payload = result["data"]["signUp"]
    assert payload["errors"] == [], payload
    return Member(
        id=payload["user"]["id"],
        email=email,
        token=payload["accessToken"],
        refresh_token=payload["refreshToken"],
        company_id=payload["user"]["company"]["id"],
    )


async def invite(
    client: httpx.AsyncClient, inviter: Member, email: str, role: str = "AGENT", name: str = "Ali"
) -> Member:
    """A teammate invited by `inviter` who accepted and signed in."""
    result = await gql(
        client,
        INVITE,
        {"input": {"email": email, "fullName": name, "role": role}},
        token=inviter.token,
    )
    payload = result["data"]["inviteUser"]
    assert payload["errors"] == [], payload
    accepted = await gql(
        client,
        ACCEPT,
        {
            "input": {
                "token": await mailed_invitation_token(email),
                "password": PASSWORD,
                "confirmPassword": PASSWORD,
            }
        },
    )
    signed_in = accepted["data"]["acceptInvitation"]
    assert signed_in["errors"] == [], signed_in
    return Member(
        id=payload["user"]["id"],
        email=email,
        token=signed_in["accessToken"],
        refresh_token=signed_in["refreshToken"],
        company_id=inviter.company_id,
    )


async def deliver_notifications() -> int:
    """Deliver what the outbox holds now, as the dispatcher of `frontdesk serve` would."""
    return await current_dispatcher().deliver_due()


async def mailed_invitation_token(email: str) -> str:
    """The token of the latest invitation mail to `email` (delivering the outbox first)."""
    await deliver_notifications()
    mails = MAILBOX.to(email)
    assert mails, f"no mail to {email}"
    return invitation_token(mails[-1])


async def login(client: httpx.AsyncClient, email: str, password: str = PASSWORD) -> dict[str, Any]:
    result = await gql(client, LOGIN, {"email": email, "password": password})
    return result["data"]["login"]  # type: ignore[no-any-return]


ME = "{ me { id email fullName phone timezone language role } }"
