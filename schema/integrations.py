"""Integrations in GraphQL: API keys (OWNER and ADMIN) and ingestEvent (with a key)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from models import integrations as models
from resolvers import integrations
from schema.accounts import User
from schema.base import Info, IsAdmin, ModelNode, Payload, mutation
from schema.inputs import NodeId
from schema.notifications import NotificationEvent

API_KEY_HEADER = "x-api-key"


@strawberry.type(description="A key with which an outside system sends events (ingestEvent).")
class ApiKey(ModelNode):
    __model__ = models.ApiKey

    name: str = strawberry.field(description="What the key is for.")
    prefix: str = strawberry.field(description="The key's first characters, to tell keys apart.")
    created_at: datetime = strawberry.field(description="When it was made.")
    last_used_at: datetime | None = strawberry.field(description="When it was last accepted.")
    revoked_at: datetime | None = strawberry.field(description="When it was revoked.")


@strawberry.input(description="A new API key.")
class CreateApiKeyInput:
    name: str = strawberry.field(description="What it is for (at most 100 characters).")


@strawberry.type(description="The new key; its secret is shown in this answer only.")
class CreateApiKeyPayload(Payload):
    api_key: ApiKey | None = strawberry.field(default=None, description="The key.")
    key: str | None = strawberry.field(
        default=None,
        description="The secret to put in the integration's `X-Api-Key` header. Only its "
        "hash is kept: it cannot be shown again.",
    )


@strawberry.input(description="A key to revoke.")
class RevokeApiKeyInput:
    api_key_id: NodeId[ApiKey] = strawberry.field(description="The key's global ID.")


@strawberry.type(description="The revoked key.")
class RevokeApiKeyPayload(Payload):
    api_key: ApiKey | None = strawberry.field(default=None, description="The key.")


@strawberry.input(
    description="An event of an outside system: CHATBOT_HANDOVER, RESERVATION_CREATED or "
    "RESERVATION_CANCELLED."
)
class IngestEventInput:
    event: NotificationEvent = strawberry.field(description="What happened.")
    subject_id: str | None = strawberry.field(
        default=None, description="The outside system's ID of it (at most 64 characters)."
    )
    summary: str | None = strawberry.field(
        default=None, description="What the notification says (at most 1000 characters)."
    )
    visitor: str | None = strawberry.field(default=None, description="The visitor's name.")
    customer: str | None = strawberry.field(default=None, description="The customer's name.")
    date: str | None = strawberry.field(default=None, description="When, as text.")
    recipient_ids: list[NodeId[User]] | None = strawberry.field(
        default=None,
        description="Users of the company to notify; by default every user. Each gets it on "
        "the channels he chose for the event.",
    )


@strawberry.type(description="How many deliveries the event queued.")
class IngestEventPayload(Payload):
    queued: int | None = strawberry.field(
        default=None, description="Deliveries queued (users times their channels)."
    )


def _api_key(info: Info) -> str | None:
    headers = getattr(info.context.request, "headers", {})
    key = headers.get(API_KEY_HEADER)
    if key is None:
        scheme, _, value = (headers.get("authorization") or "").partition(" ")
        key = value.strip() if scheme.lower() == "apikey" else None
    return key


@strawberry.type
class IntegrationsQuery:
    @strawberry.field(
        description="OWNER and ADMIN: the company's API keys (revoked ones too).",
        permission_classes=[IsAdmin],
    )
    async def api_keys(self, info: Info) -> list[ApiKey]:
        return await integrations.list_api_keys(info.context)  # type: ignore[return-value]


@strawberry.type
class IntegrationsMutation:
    @mutation(
        description="OWNER and ADMIN: a new API key for integrations; its secret is shown once.",
        permission_classes=[IsAdmin],
    )
    async def create_api_key(self, info: Info, input: CreateApiKeyInput) -> CreateApiKeyPayload:
        made = await integrations.create_api_key(info.context, name=input.name)
        return CreateApiKeyPayload(api_key=made.api_key, key=made.secret)  # type: ignore[arg-type]

    @mutation(
        description="OWNER and ADMIN: revoke an API key; it stops working at once.",
        permission_classes=[IsAdmin],
    )
    async def revoke_api_key(self, info: Info, input: RevokeApiKeyInput) -> RevokeApiKeyPayload:
        key = await integrations.revoke_api_key(info.context, api_key_id=input.api_key_id)
        return RevokeApiKeyPayload(api_key=key)  # type: ignore[arg-type]

    @mutation(
        description="For integrations, with a company's API key in the `X-Api-Key` header "
        "(or `Authorization: ApiKey <key>`): notify the company's users of an outside event.",
    )
    async def ingest_event(self, info: Info, input: IngestEventInput) -> IngestEventPayload:
        values = {
            name: value
            for name, value in (
                ("summary", input.summary),
                ("visitor", input.visitor),
                ("customer", input.customer),
                ("date", input.date),
            )
            if value is not None
        }
        queued = await integrations.ingest_event(
            info.context,
            api_key=_api_key(info),
            event=input.event,
            subject_id=input.subject_id,
            values=values,
            recipient_ids=input.recipient_ids,
        )
        return IngestEventPayload(queued=queued)
