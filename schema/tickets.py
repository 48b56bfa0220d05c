"""Tickets in GraphQL: stages, tickets, tasks, links, notes, documents, custom fields, log,
and the ticketEvents stream."""

from __future__ import annotations

import enum
from collections.abc import AsyncGenerator
from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry import UNSET
from strawberry.file_uploads import Upload
from strawberry.scalars import JSON

from models import tickets as models
from models.accounts import User as UserRow
from models.customers import ContactPerson as ContactPersonRow
from models.customers import Customer as CustomerRow
from resolvers.tickets import (
    deletion,
    documents,
    fields,
    items,
    listing,
    live,
    records,
    stages,
)
from schema.accounts import User
from schema.base import Connection, Info, IsAdmin, IsAuthenticated, ModelNode, Payload, mutation
from schema.customers import ContactPerson, Customer
from schema.inputs import NodeId, NodeUuid, decode_input, given
from schema.nodes import decode_id, global_id
from schema.preload import preload
from schema.relations import Children, One, Paged, Via, computed, relation
from schema.streams import stream
from subscriptions.tickets import TicketChanged, TicketChangeKind, ticket_topic, wanted_in_app

# The models' enums as GraphQL enums: strawberry.enum marks the class in place, and the
# schema's name is an alias of it (a type mypy understands).
StageKind = models.StageKind
strawberry.enum(
    StageKind, description="OPEN stages are work in progress; CLOSED ones end a ticket."
)
Importance = models.Importance
strawberry.enum(Importance, description="How urgent a ticket is.")
TicketSource = models.TicketSource
strawberry.enum(TicketSource, description="Where a ticket came from.")
CustomFieldKind = models.FieldKind
strawberry.enum(
    CustomFieldKind,
    description="The type of a custom field's values: TEXT, NUMBER, DATE (YYYY-MM-DD), "
    "BOOLEAN, or CHOICE (one of its choices).",
)
TicketLinkKind = models.LinkKind
strawberry.enum(
    TicketLinkKind,
    description="What a link points to: another TICKET (its ID), a CHAT, or a URL.",
)


TicketEventKind = TicketChangeKind
strawberry.enum(TicketChangeKind, name="TicketEventKind", description="What happened to a ticket.")


@strawberry.type(description="A step of your company's ticket process.")
class Stage(ModelNode):
    __model__ = models.Stage

    name: str = strawberry.field(description="The stage's name.")
    position: int = strawberry.field(description="Its place in the order, from 0.")
    kind: StageKind = strawberry.field(description="OPEN, or CLOSED (tickets here are closed).")


@strawberry.type(description="A field your admins defined for tickets' parameters.")
class CustomField(ModelNode):
    __model__ = models.CustomField

    key: str = strawberry.field(description="The key in Ticket.parameters, such as 'order_no'.")
    label: str = strawberry.field(description="What a form shows.")
    kind: CustomFieldKind = strawberry.field(description="The type of its values.")
    required: bool = strawberry.field(
        description="Whether every new or changed ticket must have a value."
    )
    choices: list[str] = strawberry.field(description="The values a CHOICE field allows.")
    archived_at: datetime | None = strawberry.field(
        description="When it was archived (no longer offered nor required; tickets keep their "
        "values); null while in use."
    )


@strawberry.type(description="Something to do for a ticket.")
class TicketTask(ModelNode):
    __model__ = models.TicketTask

    title: str = strawberry.field(description="What to do.")
    due_at: datetime | None = strawberry.field(description="By when.")
    done: bool = strawberry.field(description="Whether it is done.")
    created_at: datetime = strawberry.field(description="When it was added.")

    assignee: Annotated[User, strawberry.lazy("schema.accounts")] | None = relation(
        One(UserRow, "assignee_id"), description="Who does it."
    )


@strawberry.type(description="A ticket's link to another ticket, a chat, or a web address.")
class TicketLink(ModelNode):
    __model__ = models.TicketLink

    target: str = strawberry.field(description="The linked ticket's or chat's ID, or the URL.")
    label: str | None = strawberry.field(description="What to show for it.")

    kind: str = computed(lambda ctx, row: row.kind.value, description="TICKET, CHAT or URL.")


@strawberry.type(description="An internal comment on a ticket (customers never see it).")
class TicketNote(ModelNode):
    __model__ = models.TicketNote

    body: str = strawberry.field(description="The comment.")
    created_at: datetime = strawberry.field(description="When it was written.")
    edited_at: datetime | None = strawberry.field(
        description="When its author last changed it; null if never (the log keeps each version)."
    )

    author: Annotated[User, strawberry.lazy("schema.accounts")] | None = relation(
        One(UserRow, "author_id"), description="Who wrote it."
    )


@strawberry.type(description="A file attached to a ticket.")
class Document(ModelNode):
    __model__ = models.Document

    filename: str = strawberry.field(description="The file's (cleaned) name.")
    content_type: str = strawberry.field(description="Its media type, such as application/pdf.")
    size: int = strawberry.field(description="Its size in bytes.")
    created_at: datetime = strawberry.field(description="When it was attached.")

    url: str = computed(
        documents.download_url,
        description="A download link (a path on this server) for you only; it expires after "
        "15 minutes: ask again for a new one.",
    )
    uploaded_by: Annotated[User, strawberry.lazy("schema.accounts")] | None = relation(
        One(UserRow, "uploaded_by_id"), description="Who attached it."
    )


@strawberry.type(description="One change to a ticket: who did what, and each field's values.")
class TicketLogEntry(ModelNode):
    __model__ = models.TicketLogEntry

    action: str = strawberry.field(
        description="CREATED, UPDATED, STAGE_CHANGED, ASSIGNED, CONTACT_ADDED, "
        "CONTACT_REMOVED, TASK_ADDED, TASK_UPDATED, TASK_DELETED, LINK_ADDED, LINK_REMOVED, "
        "NOTE_ADDED, NOTE_UPDATED, NOTE_DELETED, DOCUMENT_ADDED, DOCUMENT_DELETED or "
        "PARAMETERS_CHANGED."
    )
    changes: JSON = strawberry.field(
        description='Per field {"before": ..., "after": ...}; people and stages by name.'
    )
    at: datetime = strawberry.field(description="When it happened.")

    actor: Annotated[User, strawberry.lazy("schema.accounts")] | None = relation(
        One(UserRow, "actor_id"), description="Who did it (null for the system)."
    )


@strawberry.type(
    name="TicketLogConnection",
    description="A page of a ticket's log, newest first: at most 100 entries (`first`).",
)
class TicketLogConnection(Connection[TicketLogEntry]):
    pass


@strawberry.type(description="A support record of a customer, moving through your stages.")
class Ticket(ModelNode):
    __model__ = models.Ticket

    number: int = strawberry.field(description="The ticket's number in your company: 1, 2, ...")
    title: str = strawberry.field(description="A short summary.")
    description: str = strawberry.field(description="What the customer needs.")
    source: TicketSource = strawberry.field(description="Where it came from.")
    importance: Importance = strawberry.field(description="How urgent it is.")
    parameters: JSON = strawberry.field(
        description="Values of your company's custom fields, by key."
    )
    created_at: datetime = strawberry.field(description="When it was created.")
    updated_at: datetime = strawberry.field(description="When it last changed.")
    closed_at: datetime | None = strawberry.field(
        description="When it entered a CLOSED stage; null while open."
    )

    customer: Customer = relation(
        One(CustomerRow, "customer_id"), description="The customer it is for."
    )
    stage: Stage = relation(One(models.Stage, "stage_id"), description="The stage it is in.")
    assignee: Annotated[User, strawberry.lazy("schema.accounts")] | None = relation(
        One(UserRow, "assignee_id"), description="Who is responsible for it."
    )
    created_by: Annotated[User, strawberry.lazy("schema.accounts")] | None = relation(
        One(UserRow, "created_by_id"),
        description="Who created it (null when it came in by itself).",
    )
    requester: ContactPerson | None = relation(
        One(ContactPersonRow, "requester_id"),
        description="The customer's contact person who asked for it.",
    )
    contacts: list[ContactPerson] = relation(
        Via(lambda loaders: loaders.contacts_by_ticket_id),
        description="The customer's contact persons involved.",
    )
    tasks: list[TicketTask] = relation(
        Children(models.TicketTask, "ticket_id"), description="Its tasks, oldest first."
    )
    links: list[TicketLink] = relation(
        Children(models.TicketLink, "ticket_id"), description="Its links, oldest first."
    )
    notes: list[TicketNote] = relation(
        Children(models.TicketNote, "ticket_id"),
        description="Its internal notes, oldest first (also in its log).",
    )
    documents: list[Document] = relation(
        Children(models.Document, "ticket_id"), description="Its attached files, oldest first."
    )
    log: TicketLogConnection = relation(
        Paged(models.TicketLogEntry, "ticket_id", TicketLogConnection, descending=True),
        description="Everything that happened to it, newest first: its timeline, notes included.",
    )


@strawberry.input(description="Which tickets to list or follow: every given condition holds.")
class TicketFilter:
    stage_ids: list[NodeId[Stage]] | None = strawberry.field(
        default=None, description="In one of these stages."
    )
    assignee_ids: list[NodeId[User]] | None = strawberry.field(
        default=None, description="Assigned to one of these users."
    )
    customer_ids: list[NodeId[Customer]] | None = strawberry.field(
        default=None, description="For one of these customers."
    )
    representative_ids: list[NodeId[User]] | None = strawberry.field(
        default=None, description="For customers these users represent."
    )
    importance: list[Importance] | None = strawberry.field(
        default=None, description="Of one of these importance levels."
    )
    sources: list[TicketSource] | None = strawberry.field(
        default=None, description="From one of these sources."
    )
    has_active_contract: bool | None = strawberry.field(
        default=None, description="Whether the customer has a contract running today."
    )
    parameters: JSON | None = strawberry.field(
        default=None,
        description='Custom-field values that must match exactly, such as {"plan": "Gold"}.',
    )
    search: str | None = strawberry.field(
        default=None,
        description="Words that must each begin a word of the title or description.",
    )
    open: bool | None = strawberry.field(
        default=None, description="true: only open tickets; false: only closed ones."
    )


def to_filter(info: Info, wanted: TicketFilter | None) -> listing.TicketFilter | None:
    """The resolvers' filter of a TicketFilter, its IDs decoded (NOT_FOUND on filter.*)."""
    if wanted is None:
        return None
    return listing.TicketFilter(**given(decode_input(info, wanted, "filter.")))


@strawberry.enum(description="The order of a ticket list.")
class TicketOrder(enum.StrEnum):
    NEWEST_FIRST = "NEWEST_FIRST"
    OLDEST_FIRST = "OLDEST_FIRST"


# ---------------------------------------------------------------- inputs and payloads


@strawberry.input(description="A new stage, added at the end.")
class CreateStageInput:
    name: str = strawberry.field(description="Unique within the company.")
    kind: StageKind = strawberry.field(description="OPEN or CLOSED.")


@strawberry.input(description="A stage's new name or kind; fields left out stay.")
class UpdateStageInput:
    stage_id: NodeId[Stage] = strawberry.field(description="The stage.")
    name: str | None = strawberry.field(default=None, description="A new name.")
    kind: StageKind | None = strawberry.field(
        default=None, description="A new kind; only while the stage holds no tickets."
    )


@strawberry.input(description="All of your stages, in their new order.")
class ReorderStagesInput:
    stage_ids: list[NodeId[Stage]] = strawberry.field(description="Every stage, once.")


@strawberry.input(description="A stage to delete.")
class DeleteStageInput:
    stage_id: NodeId[Stage] = strawberry.field(description="The stage.")
    move_to_stage_id: NodeId[Stage] | None = strawberry.field(
        default=None, description="Where its tickets go; required when it holds any."
    )


@strawberry.input(description="A new ticket.")
class CreateTicketInput:
    customer_id: NodeId[Customer] = strawberry.field(description="The customer it is for.")
    source: TicketSource = strawberry.field(description="Where it came from.")
    importance: Importance = strawberry.field(description="How urgent it is.")
    title: str = strawberry.field(description="A short summary (up to 200 characters).")
    description: str = strawberry.field(description="What the customer needs.")
    stage_id: NodeId[Stage] | None = strawberry.field(
        default=None, description="Default: the first OPEN stage."
    )
    assignee_id: NodeId[User] | None = strawberry.field(
        default=None, description="Who is responsible."
    )
    requester_id: NodeId[ContactPerson] | None = strawberry.field(
        default=None, description="The customer's contact person who asked."
    )
    contact_ids: list[NodeId[ContactPerson]] | None = strawberry.field(
        default=None, description="The customer's contact persons involved."
    )
    parameters: JSON | None = strawberry.field(
        default=None, description="Custom-field values by key."
    )


@strawberry.input(description="Changes to a ticket; fields left out stay as they are.")
class UpdateTicketInput:
    ticket_id: NodeId[Ticket] = strawberry.field(description="The ticket.")
    title: str | None = strawberry.field(default=UNSET, description="A new title.")
    description: str | None = strawberry.field(default=UNSET, description="A new description.")
    importance: Importance | None = strawberry.field(default=UNSET, description="New importance.")
    source: TicketSource | None = strawberry.field(default=UNSET, description="A new source.")
    customer_id: NodeId[Customer] | None = strawberry.field(
        default=UNSET,
        description="Another of your customers; the old customer's contact persons and "
        "requester leave the ticket (give `requesterId` to set a new requester).",
    )
    requester_id: NodeId[ContactPerson] | None = strawberry.field(
        default=UNSET, description="A new requester; null for none."
    )


@strawberry.input(description="A ticket and the stage to move it to.")
class MoveTicketInput:
    ticket_id: NodeId[Ticket] = strawberry.field(description="The ticket.")
    stage_id: NodeId[Stage] = strawberry.field(description="The stage.")


@strawberry.input(description="A ticket and its new assignee.")
class AssignTicketInput:
    ticket_id: NodeId[Ticket] = strawberry.field(description="The ticket.")
    assignee_id: NodeId[User] | None = strawberry.field(
        default=None, description="The user; null for no one."
    )


@strawberry.input(description="A contact person to involve in a ticket.")
class AddTicketContactInput:
    ticket_id: NodeId[Ticket] = strawberry.field(description="The ticket.")
    contact_id: NodeId[ContactPerson] = strawberry.field(description="A contact of its customer.")


@strawberry.input(description="A contact person to take off a ticket.")
class RemoveTicketContactInput:
    ticket_id: NodeId[Ticket] = strawberry.field(description="The ticket.")
    contact_id: NodeId[ContactPerson] = strawberry.field(description="A contact involved in it.")


@strawberry.input(description="A new task on an open ticket.")
class AddTicketTaskInput:
    ticket_id: NodeId[Ticket] = strawberry.field(description="The ticket.")
    title: str = strawberry.field(description="What to do.")
    assignee_id: NodeId[User] | None = strawberry.field(default=None, description="Who does it.")
    due_at: datetime | None = strawberry.field(default=None, description="By when.")


@strawberry.input(description="Changes to a task; fields left out stay as they are.")
class UpdateTicketTaskInput:
    task_id: NodeId[TicketTask] = strawberry.field(description="The task.")
    title: str | None = strawberry.field(default=UNSET, description="A new title.")
    done: bool | None = strawberry.field(default=UNSET, description="Done or not.")
    assignee_id: NodeId[User] | None = strawberry.field(
        default=UNSET, description="A new assignee; null for none."
    )
    due_at: datetime | None = strawberry.field(
        default=UNSET, description="A new due time; null for none."
    )


@strawberry.input(description="A task to delete.")
class DeleteTicketTaskInput:
    task_id: NodeId[TicketTask] = strawberry.field(description="A task of an open ticket.")


@strawberry.input(description="A link from a ticket.")
class AddTicketLinkInput:
    ticket_id: NodeId[Ticket] = strawberry.field(description="The ticket.")
    kind: TicketLinkKind = strawberry.field(description="TICKET, CHAT or URL.")
    target: str = strawberry.field(
        description="For TICKET the other ticket's ID, for CHAT the chat's ID, for URL an "
        "http(s) address."
    )
    label: str | None = strawberry.field(default=None, description="What to show for it.")


@strawberry.input(description="A link to remove from its ticket.")
class RemoveTicketLinkInput:
    link_id: NodeId[TicketLink] = strawberry.field(description="The link.")


@strawberry.input(description="An internal note on a ticket.")
class AddTicketNoteInput:
    ticket_id: NodeId[Ticket] = strawberry.field(description="The ticket.")
    body: str = strawberry.field(description="The note (up to 10,000 characters).")


@strawberry.input(description="A note's new text.")
class UpdateTicketNoteInput:
    note_id: NodeId[TicketNote] = strawberry.field(description="A note you wrote.")
    body: str = strawberry.field(description="The note (up to 10,000 characters).")


@strawberry.input(description="A note to delete.")
class DeleteTicketNoteInput:
    note_id: NodeId[TicketNote] = strawberry.field(
        description="A note you wrote (OWNER and ADMIN: any note)."
    )


@strawberry.input(description="A ticket to delete, with everything on it.")
class DeleteTicketInput:
    ticket_id: NodeId[Ticket] = strawberry.field(description="The ticket.")


@strawberry.input(description="A ticket's parameters, replacing the ones it has.")
class SetTicketParametersInput:
    ticket_id: NodeId[Ticket] = strawberry.field(description="The ticket.")
    parameters: JSON = strawberry.field(description="Custom-field values by key.")


@strawberry.input(description="A new custom field for tickets.")
class CreateCustomFieldInput:
    key: str = strawberry.field(
        description="Lower-case letters, digits and _, starting with a letter (up to 64)."
    )
    label: str = strawberry.field(description="What a form shows.")
    kind: CustomFieldKind = strawberry.field(description="The type of its values.")
    required: bool = strawberry.field(default=False, description="Whether it is required.")
    choices: list[str] | None = strawberry.field(
        default=None, description="Only for CHOICE: the values it allows."
    )


@strawberry.input(description="Changes to a custom field; fields left out stay as they are.")
class UpdateCustomFieldInput:
    custom_field_id: NodeId[CustomField] = strawberry.field(description="The field.")
    label: str | None = strawberry.field(default=None, description="A new label.")
    required: bool | None = strawberry.field(
        default=None, description="Required or not (checked when a ticket is created or changed)."
    )
    choices: list[str] | None = strawberry.field(
        default=None,
        description="Only for CHOICE: all of its values, in order. New ones are added; a value "
        "that tickets have cannot be left out (CHOICE_IN_USE).",
    )


@strawberry.input(description="A custom field to archive.")
class ArchiveCustomFieldInput:
    custom_field_id: NodeId[CustomField] = strawberry.field(description="The field.")


@strawberry.input(description="An archived custom field to bring back.")
class RestoreCustomFieldInput:
    custom_field_id: NodeId[CustomField] = strawberry.field(description="The field.")


@strawberry.input(description="A file to attach to a ticket (GraphQL multipart request).")
class AttachDocumentInput:
    ticket_id: NodeId[Ticket] = strawberry.field(description="The ticket.")
    file: Upload = strawberry.field(
        description="Up to 10 MB: pdf, png, jpg, gif, txt, csv, docx, xlsx or odt."
    )


@strawberry.input(description="A document to delete, with its file.")
class DeleteDocumentInput:
    document_id: NodeUuid[Document] = strawberry.field(description="The document.")


@strawberry.type(description="The stage after the change.")
class CreateStagePayload(Payload):
    stage: Stage | None = strawberry.field(default=None, description="The stage.")


@strawberry.type(description="The stage after the change.")
class UpdateStagePayload(Payload):
    stage: Stage | None = strawberry.field(default=None, description="The stage.")


@strawberry.type(description="The stages in their new order.")
class ReorderStagesPayload(Payload):
    stages: list[Stage] | None = strawberry.field(default=None, description="The stages.")


@strawberry.type(description="The stages that remain.")
class DeleteStagePayload(Payload):
    stages: list[Stage] | None = strawberry.field(default=None, description="The stages.")


@strawberry.type(description="The new ticket.")
class CreateTicketPayload(Payload):
    ticket: Ticket | None = strawberry.field(default=None, description="The ticket.")


@strawberry.type(description="The changed ticket.")
class UpdateTicketPayload(Payload):
    ticket: Ticket | None = strawberry.field(default=None, description="The ticket.")


@strawberry.type(description="The moved ticket.")
class MoveTicketPayload(Payload):
    ticket: Ticket | None = strawberry.field(default=None, description="The ticket.")


@strawberry.type(description="The assigned ticket.")
class AssignTicketPayload(Payload):
    ticket: Ticket | None = strawberry.field(default=None, description="The ticket.")


@strawberry.type(description="The ticket with its new contact.")
class AddTicketContactPayload(Payload):
    ticket: Ticket | None = strawberry.field(default=None, description="The ticket.")


@strawberry.type(description="The ticket without the contact person.")
class RemoveTicketContactPayload(Payload):
    ticket: Ticket | None = strawberry.field(default=None, description="The ticket.")


@strawberry.type(description="The ticket with its new parameters.")
class SetTicketParametersPayload(Payload):
    ticket: Ticket | None = strawberry.field(default=None, description="The ticket.")


@strawberry.type(description="The new task and its ticket.")
class AddTicketTaskPayload(Payload):
    task: TicketTask | None = strawberry.field(default=None, description="The task.")
    ticket: Ticket | None = strawberry.field(default=None, description="The ticket.")


@strawberry.type(description="The changed task.")
class UpdateTicketTaskPayload(Payload):
    task: TicketTask | None = strawberry.field(default=None, description="The task.")


@strawberry.type(description="The ticket without the task.")
class DeleteTicketTaskPayload(Payload):
    ticket: Ticket | None = strawberry.field(default=None, description="The ticket.")


@strawberry.type(description="The new link and its ticket.")
class AddTicketLinkPayload(Payload):
    link: TicketLink | None = strawberry.field(default=None, description="The link.")
    ticket: Ticket | None = strawberry.field(default=None, description="The ticket.")


@strawberry.type(description="The ticket without the link.")
class RemoveTicketLinkPayload(Payload):
    ticket: Ticket | None = strawberry.field(default=None, description="The ticket.")


@strawberry.type(description="The new note and its ticket.")
class AddTicketNotePayload(Payload):
    note: TicketNote | None = strawberry.field(default=None, description="The note.")
    ticket: Ticket | None = strawberry.field(default=None, description="The ticket.")


@strawberry.type(description="The changed note and its ticket.")
class UpdateTicketNotePayload(Payload):
    note: TicketNote | None = strawberry.field(default=None, description="The note.")
    ticket: Ticket | None = strawberry.field(default=None, description="The ticket.")


@strawberry.type(description="The ticket without the note.")
class DeleteTicketNotePayload(Payload):
    ticket: Ticket | None = strawberry.field(default=None, description="The ticket.")


@strawberry.type(description="Which ticket was deleted.")
class DeleteTicketPayload(Payload):
    deleted_ticket_id: strawberry.ID | None = strawberry.field(
        default=None, description="The deleted ticket's ID."
    )


@strawberry.type(description="The new custom field.")
class CreateCustomFieldPayload(Payload):
    custom_field: CustomField | None = strawberry.field(default=None, description="The field.")


@strawberry.type(description="The changed custom field.")
class UpdateCustomFieldPayload(Payload):
    custom_field: CustomField | None = strawberry.field(default=None, description="The field.")


@strawberry.type(description="The archived custom field.")
class ArchiveCustomFieldPayload(Payload):
    custom_field: CustomField | None = strawberry.field(default=None, description="The field.")


@strawberry.type(description="The custom field, in use again.")
class RestoreCustomFieldPayload(Payload):
    custom_field: CustomField | None = strawberry.field(default=None, description="The field.")


@strawberry.type(description="The ticket without the document.")
class DeleteDocumentPayload(Payload):
    ticket: Ticket | None = strawberry.field(default=None, description="The ticket.")


@strawberry.type(description="The attached document.")
class AttachDocumentPayload(Payload):
    document: Document | None = strawberry.field(default=None, description="The document.")


# ---------------------------------------------------------------- root parts


@strawberry.type
class TicketsQuery:
    @strawberry.field(
        description="Your company's stages in their order.", permission_classes=[IsAuthenticated]
    )
    async def stages(self, info: Info) -> list[Stage]:
        return await stages.list_stages(info.context)  # type: ignore[return-value]

    @strawberry.field(
        description="Your company's tickets that match `filter`, newest first unless `order` "
        "says otherwise.",
        permission_classes=[IsAuthenticated],
    )
    async def tickets(
        self,
        info: Info,
        filter: TicketFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        order: TicketOrder = TicketOrder.NEWEST_FIRST,
    ) -> Connection[Ticket]:
        page = await listing.list_tickets(
            info.context,
            wanted=to_filter(info, filter),
            first=first,
            after=after,
            newest_first=order == TicketOrder.NEWEST_FIRST,
        )
        await preload(info, page)
        return Connection.of(page)  # type: ignore[no-any-return]

    @strawberry.field(
        description="The custom fields of your company's tickets: the ones in use, or with "
        "`includeArchived` the archived ones too.",
        permission_classes=[IsAuthenticated],
    )
    async def custom_fields(self, info: Info, include_archived: bool = False) -> list[CustomField]:
        return await fields.list_custom_fields(info.context, include_archived)  # type: ignore[return-value]


@strawberry.type
class TicketsMutation:
    @mutation(description="Add a stage at the end (OWNER, ADMIN).", permission_classes=[IsAdmin])
    async def create_stage(self, info: Info, input: CreateStageInput) -> CreateStagePayload:
        stage = await stages.create_stage(info.context, name=input.name, kind=input.kind)
        return CreateStagePayload(stage=stage)  # type: ignore[arg-type]

    @mutation(
        description="Rename a stage or change its kind (OWNER, ADMIN).",
        permission_classes=[IsAdmin],
    )
    async def update_stage(self, info: Info, input: UpdateStageInput) -> UpdateStagePayload:
        stage = await stages.update_stage(info.context, **given(input))
        return UpdateStagePayload(stage=stage)  # type: ignore[arg-type]

    @mutation(
        description="Put your stages in a new order (OWNER, ADMIN).", permission_classes=[IsAdmin]
    )
    async def reorder_stages(self, info: Info, input: ReorderStagesInput) -> ReorderStagesPayload:
        ordered = await stages.reorder_stages(info.context, stage_ids=input.stage_ids)
        return ReorderStagesPayload(stages=ordered)  # type: ignore[arg-type]

    @mutation(
        description="Delete a stage, moving its tickets to another one (OWNER, ADMIN).",
        permission_classes=[IsAdmin],
    )
    async def delete_stage(self, info: Info, input: DeleteStageInput) -> DeleteStagePayload:
        await stages.delete_stage(
            info.context, stage_id=input.stage_id, move_to_stage_id=input.move_to_stage_id
        )
        return DeleteStagePayload(stages=await stages.list_stages(info.context))  # type: ignore[arg-type]

    @mutation(description="Open a ticket.", permission_classes=[IsAuthenticated])
    async def create_ticket(self, info: Info, input: CreateTicketInput) -> CreateTicketPayload:
        ticket = await records.create_ticket(
            info.context,
            customer_id=input.customer_id,
            source=input.source,
            importance=input.importance,
            title=input.title,
            description=input.description,
            stage_id=input.stage_id,
            assignee_id=input.assignee_id,
            requester_id=input.requester_id,
            contact_ids=input.contact_ids,
            parameters=input.parameters,
        )
        return CreateTicketPayload(ticket=ticket)  # type: ignore[arg-type]

    @mutation(description="Change a ticket.", permission_classes=[IsAuthenticated])
    async def update_ticket(self, info: Info, input: UpdateTicketInput) -> UpdateTicketPayload:
        changes = records.TicketChanges(**given(input, "ticket_id"))
        ticket = await records.update_ticket(info.context, input.ticket_id, changes)
        return UpdateTicketPayload(ticket=ticket)  # type: ignore[arg-type]

    @mutation(
        description="Move a ticket to another stage: a CLOSED stage closes it, an OPEN one "
        "reopens it.",
        permission_classes=[IsAuthenticated],
    )
    async def move_ticket(self, info: Info, input: MoveTicketInput) -> MoveTicketPayload:
        ticket = await records.move_ticket(info.context, input.ticket_id, input.stage_id)
        return MoveTicketPayload(ticket=ticket)  # type: ignore[arg-type]

    @mutation(
        description="Give a ticket to a teammate, or to no one.",
        permission_classes=[IsAuthenticated],
    )
    async def assign_ticket(self, info: Info, input: AssignTicketInput) -> AssignTicketPayload:
        ticket = await records.assign_ticket(info.context, input.ticket_id, input.assignee_id)
        return AssignTicketPayload(ticket=ticket)  # type: ignore[arg-type]

    @mutation(
        description="Involve a contact person in a ticket.", permission_classes=[IsAuthenticated]
    )
    async def add_ticket_contact(
        self, info: Info, input: AddTicketContactInput
    ) -> AddTicketContactPayload:
        ticket = await records.add_ticket_contact(info.context, input.ticket_id, input.contact_id)
        return AddTicketContactPayload(ticket=ticket)  # type: ignore[arg-type]

    @mutation(
        description="Take a contact person off a ticket (he stays the customer's contact).",
        permission_classes=[IsAuthenticated],
    )
    async def remove_ticket_contact(
        self, info: Info, input: RemoveTicketContactInput
    ) -> RemoveTicketContactPayload:
        ticket = await records.remove_ticket_contact(
            info.context, input.ticket_id, input.contact_id
        )
        return RemoveTicketContactPayload(ticket=ticket)  # type: ignore[arg-type]

    @mutation(description="Add a task to an open ticket.", permission_classes=[IsAuthenticated])
    async def add_ticket_task(self, info: Info, input: AddTicketTaskInput) -> AddTicketTaskPayload:
        task, ticket = await items.add_ticket_task(
            info.context,
            ticket_id=input.ticket_id,
            title=input.title,
            assignee_id=input.assignee_id,
            due_at=input.due_at,
        )
        return AddTicketTaskPayload(task=task, ticket=ticket)  # type: ignore[arg-type]

    @mutation(description="Change a task of an open ticket.", permission_classes=[IsAuthenticated])
    async def update_ticket_task(
        self, info: Info, input: UpdateTicketTaskInput
    ) -> UpdateTicketTaskPayload:
        changes = items.TaskChanges(**given(input, "task_id"))
        task = await items.update_ticket_task(info.context, input.task_id, changes)
        return UpdateTicketTaskPayload(task=task)  # type: ignore[arg-type]

    @mutation(
        description="Delete a task of an open ticket (its log keeps what it was).",
        permission_classes=[IsAuthenticated],
    )
    async def delete_ticket_task(
        self, info: Info, input: DeleteTicketTaskInput
    ) -> DeleteTicketTaskPayload:
        ticket = await items.delete_ticket_task(info.context, input.task_id)
        return DeleteTicketTaskPayload(ticket=ticket)  # type: ignore[arg-type]

    @mutation(
        description="Link a ticket to another ticket, a chat or a web address.",
        permission_classes=[IsAuthenticated],
    )
    async def add_ticket_link(self, info: Info, input: AddTicketLinkInput) -> AddTicketLinkPayload:
        target_ticket_id = None
        if input.kind == models.LinkKind.TICKET:
            target_ticket_id = decode_id(info, input.target, Ticket, "target")
        link, ticket = await items.add_ticket_link(
            info.context,
            ticket_id=input.ticket_id,
            kind=input.kind,
            target=input.target,
            target_ticket_id=target_ticket_id,
            label=input.label,
        )
        return AddTicketLinkPayload(link=link, ticket=ticket)  # type: ignore[arg-type]

    @mutation(
        description="Remove a link from a ticket (its log keeps what it pointed to).",
        permission_classes=[IsAuthenticated],
    )
    async def remove_ticket_link(
        self, info: Info, input: RemoveTicketLinkInput
    ) -> RemoveTicketLinkPayload:
        ticket = await items.remove_ticket_link(info.context, input.link_id)
        return RemoveTicketLinkPayload(ticket=ticket)  # type: ignore[arg-type]

    @mutation(description="Add an internal note to a ticket.", permission_classes=[IsAuthenticated])
    async def add_ticket_note(self, info: Info, input: AddTicketNoteInput) -> AddTicketNotePayload:
        note, ticket = await items.add_ticket_note(
            info.context, ticket_id=input.ticket_id, body=input.body
        )
        return AddTicketNotePayload(note=note, ticket=ticket)  # type: ignore[arg-type]

    @mutation(
        description="Correct a note you wrote (its log keeps both versions).",
        permission_classes=[IsAuthenticated],
    )
    async def update_ticket_note(
        self, info: Info, input: UpdateTicketNoteInput
    ) -> UpdateTicketNotePayload:
        note, ticket = await items.update_ticket_note(info.context, input.note_id, input.body)
        return UpdateTicketNotePayload(note=note, ticket=ticket)  # type: ignore[arg-type]

    @mutation(
        description="Delete a note: your own, or as OWNER or ADMIN anyone's (its log keeps what "
        "it said).",
        permission_classes=[IsAuthenticated],
    )
    async def delete_ticket_note(
        self, info: Info, input: DeleteTicketNoteInput
    ) -> DeleteTicketNotePayload:
        ticket = await items.delete_ticket_note(info.context, input.note_id)
        return DeleteTicketNotePayload(ticket=ticket)  # type: ignore[arg-type]

    @mutation(
        description="Delete a ticket with its tasks, links, contacts, notes, parameters, "
        "documents and log; other tickets' links to it are removed (and logged there). Its "
        "number is not given again (OWNER, ADMIN).",
        permission_classes=[IsAdmin],
    )
    async def delete_ticket(self, info: Info, input: DeleteTicketInput) -> DeleteTicketPayload:
        ticket = await deletion.delete_ticket(info.context, input.ticket_id)
        return DeleteTicketPayload(deleted_ticket_id=global_id(Ticket, ticket.pk))

    @mutation(
        description="Replace a ticket's parameters (checked against the custom fields).",
        permission_classes=[IsAuthenticated],
    )
    async def set_ticket_parameters(
        self, info: Info, input: SetTicketParametersInput
    ) -> SetTicketParametersPayload:
        ticket = await records.set_ticket_parameters(
            info.context, input.ticket_id, input.parameters
        )
        return SetTicketParametersPayload(ticket=ticket)  # type: ignore[arg-type]

    @mutation(
        description="Define a custom field for tickets (OWNER, ADMIN).",
        permission_classes=[IsAdmin],
    )
    async def create_custom_field(
        self, info: Info, input: CreateCustomFieldInput
    ) -> CreateCustomFieldPayload:
        field = await fields.create_custom_field(
            info.context,
            key=input.key,
            label=input.label,
            kind=input.kind,
            required=input.required,
            choices=input.choices,
        )
        return CreateCustomFieldPayload(custom_field=field)  # type: ignore[arg-type]

    @mutation(
        description="Rename a custom field, make it required or not, or change a CHOICE field's "
        "choices: add new ones, leave out ones no ticket has (OWNER, ADMIN).",
        permission_classes=[IsAdmin],
    )
    async def update_custom_field(
        self, info: Info, input: UpdateCustomFieldInput
    ) -> UpdateCustomFieldPayload:
        field = await fields.update_custom_field(
            info.context, input.custom_field_id, **given(input, "custom_field_id")
        )
        return UpdateCustomFieldPayload(custom_field=field)  # type: ignore[arg-type]

    @mutation(
        description="Archive a custom field: forms no longer offer it, new and changed tickets "
        "no longer need it, tickets keep their values (OWNER, ADMIN).",
        permission_classes=[IsAdmin],
    )
    async def archive_custom_field(
        self, info: Info, input: ArchiveCustomFieldInput
    ) -> ArchiveCustomFieldPayload:
        field = await fields.archive_custom_field(info.context, input.custom_field_id)
        return ArchiveCustomFieldPayload(custom_field=field)  # type: ignore[arg-type]

    @mutation(
        description="Bring an archived custom field back into use (OWNER, ADMIN).",
        permission_classes=[IsAdmin],
    )
    async def restore_custom_field(
        self, info: Info, input: RestoreCustomFieldInput
    ) -> RestoreCustomFieldPayload:
        field = await fields.archive_custom_field(
            info.context, input.custom_field_id, archived=False
        )
        return RestoreCustomFieldPayload(custom_field=field)  # type: ignore[arg-type]

    @mutation(
        description="Attach a file to a ticket (send it as a GraphQL multipart request).",
        permission_classes=[IsAuthenticated],
    )
    async def attach_document(
        self, info: Info, input: AttachDocumentInput
    ) -> AttachDocumentPayload:
        upload: Any = input.file
        try:
            document = await documents.attach_document(
                info.context,
                ticket_id=input.ticket_id,
                filename=getattr(upload, "filename", None),
                file=upload,
            )
        finally:
            # strawberry leaves the request's uploaded files open: close this one's spool (a
            # part sent without a file name comes as text, with nothing to close).
            if hasattr(upload, "close"):
                await upload.close()
        return AttachDocumentPayload(document=document)  # type: ignore[arg-type]

    @mutation(
        description="Delete a document and its file (the ticket's log keeps its name).",
        permission_classes=[IsAuthenticated],
    )
    async def delete_document(
        self, info: Info, input: DeleteDocumentInput
    ) -> DeleteDocumentPayload:
        ticket = await documents.delete_document(info.context, input.document_id)
        return DeleteDocumentPayload(ticket=ticket)  # type: ignore[arg-type]


@strawberry.type(description="Something happened to a ticket.")
class TicketEvent:
    kind: TicketEventKind = strawberry.field(description="What happened.")
    ticket: Ticket = strawberry.field(
        description="The ticket as it is now; for DELETED as it was (nothing hangs on it any more)."
    )
    at: datetime = strawberry.field(description="When it happened.")
    actor_id: strawberry.Private[int | None]

    actor: Annotated[User, strawberry.lazy("schema.accounts")] | None = relation(
        One(UserRow, "actor_id"), description="Who did it."
    )


@strawberry.type
class TicketsSubscription:
    @strawberry.subscription(
        description="What happens to your company's tickets that match `filter` (checked when "
        "each event happens). Without a filter it follows your IN_APP notification settings: "
        "CREATED only with NEW_TICKET on, ASSIGNED to you only with TICKET_ASSIGNED_TO_ME on. "
        "DELETED reaches every stream, filtered or not.",
        permission_classes=[IsAuthenticated],
    )
    async def ticket_events(
        self, info: Info, filter: TicketFilter | None = None
    ) -> AsyncGenerator[TicketEvent, None]:
        # Not shared between subscribers (schema/fanout.py): a Document's url is signed for
        # each user, so the same selection gives each subscriber his own answer.
        ctx = info.context
        # In the stream, not before it: a bad ID in the filter ends it with an error (`next`
        # with errors, then `complete`), as it always has.
        wanted = to_filter(info, filter)

        async def answer(event: TicketChanged) -> TicketEvent | None:
            ticket = await event.ticket()
            if ticket is None or not await live.matches(ctx, event, wanted):
                return None
            viewer = ctx.actor
            assert viewer is not None  # stream() let the event through for him
            if filter is None and not await wanted_in_app(viewer, event, ticket):
                return None  # a stream he did not narrow follows his IN_APP settings
            return TicketEvent(
                kind=event.change,
                ticket=ticket,  # type: ignore[arg-type]
                at=datetime.fromisoformat(event.at),
                actor_id=event.actor_id,
            )

        async for ticket_event in stream(info, ticket_topic(ctx.company_id), answer, shared=False):
            yield ticket_event
