"""A company's ticket stages: the default set, create, rename, reorder, delete."""

from __future__ import annotations

from collections.abc import Sequence

from tortoise.backends.base.client import BaseDBAsyncClient

from models.actors import ADMINS
from models.clock import now
from models.tickets import Stage, StageKind, Ticket, TicketCounter, TicketLogEntry
from resolvers import sql
from resolvers.audit import change, entry
from resolvers.changes import KEEP, Change
from resolvers.context import Context
from resolvers.errors import DomainError
from resolvers.tenancy import company_scope, get_in_company
from resolvers.tickets.events import queue_event
from resolvers.unit_of_work import unit_of_work
from resolvers.validation import clean_text

NAME_MAX = 100
DEFAULT_STAGES = [
    ("New", StageKind.OPEN),
    ("In progress", StageKind.OPEN),
    ("Waiting for customer", StageKind.OPEN),
    ("Resolved", StageKind.CLOSED),
]


async def ensure_ticket_setup(ctx: Context) -> None:
    """Give the acting company its ticket counter and default stages, once (safe when
    concurrent)."""
    company_id = ctx.company_id
    async with unit_of_work(ctx) as connection:
        # Whoever inserts the counter row sets the company up; the others find it there.
        created = await sql.insert_company_row(connection, TicketCounter, company_id, last_number=0)
        if created:
            await Stage.bulk_create(
                [
                    Stage(company_id=company_id, name=name, position=position, kind=kind)
                    for position, (name, kind) in enumerate(DEFAULT_STAGES)
                ]
            )


async def next_ticket_number(connection: BaseDBAsyncClient, company_id: int) -> int:
    """The next ticket number of a company, without gaps or duplicates (in `connection`'s
    transaction, which must also insert the ticket)."""
    # One atomic UPDATE ... RETURNING on the counter row, not MAX()+1: it locks the row until
    # the transaction ends (on SQLite the write lock does), so concurrent creates queue up,
    # and a rollback gives the number back.
    return await sql.increment_company_row(connection, TicketCounter, company_id, "last_number")


async def list_stages(ctx: Context) -> list[Stage]:
    """The company's stages in their order."""
    ctx.require_user()
    await ensure_ticket_setup(ctx)
    return list(await company_scope(ctx, Stage).order_by("position", "id"))


async def _name_taken(ctx: Context, name: str, except_id: int | None = None) -> bool:
    stages = await company_scope(ctx, Stage).all()
    return any(s.name.casefold() == name.casefold() and s.pk != except_id for s in stages)


async def create_stage(ctx: Context, *, name: str, kind: StageKind) -> Stage:
    """A new stage at the end of the company's list (OWNER, ADMIN)."""
    ctx.require_role(ADMINS)
    name = clean_text(name, "name", max_length=NAME_MAX)
    await ensure_ticket_setup(ctx)
    async with unit_of_work(ctx):
        if await _name_taken(ctx, name):
            raise DomainError("NAME_TAKEN", "name")
        last = await company_scope(ctx, Stage).order_by("-position").first()
        return await Stage.create(
            company_id=ctx.company_id,
            name=name,
            kind=kind,
            position=(last.position + 1) if last else 0,
        )


async def update_stage(
    ctx: Context, *, stage_id: int, name: Change[str] = KEEP, kind: Change[StageKind] = KEEP
) -> Stage:
    """Rename a stage, or change its kind while it holds no tickets (OWNER, ADMIN)."""
    ctx.require_role(ADMINS)
    stage = await get_in_company(ctx, Stage, stage_id, "stageId")
    async with unit_of_work(ctx):
        if name is not KEEP:
            clean = clean_text(name, "name", max_length=NAME_MAX)
            if await _name_taken(ctx, clean, except_id=stage.pk):
                raise DomainError("NAME_TAKEN", "name")
            stage.name = clean
        if kind is not KEEP and kind != stage.kind:
            if await company_scope(ctx, Ticket).filter(stage_id=stage.pk).exists():
                raise DomainError("STAGE_NOT_EMPTY", "kind")
            stage.kind = kind
        await stage.save()
    return stage


async def reorder_stages(ctx: Context, *, stage_ids: Sequence[int]) -> list[Stage]:
    """Put all of the company's stages in the given order (OWNER, ADMIN)."""
    ctx.require_role(ADMINS)
    async with unit_of_work(ctx):
        stages = {s.pk: s for s in await company_scope(ctx, Stage).all()}
        if any(stage_id not in stages for stage_id in stage_ids):
            raise DomainError("NOT_FOUND", "stageIds")
        if len(stage_ids) != len(set(stage_ids)) or set(stage_ids) != set(stages):
            raise DomainError("INVALID_ORDER", "stageIds")
        for position, stage_id in enumerate(stage_ids):
            stage = stages[stage_id]
            if stage.position != position:
                stage.position = position
                await stage.save(update_fields=["position"])
    return [stages[stage_id] for stage_id in stage_ids]


async def delete_stage(ctx: Context, *, stage_id: int, move_to_stage_id: int | None) -> None:
    """Delete a stage; its tickets, if any, move to `move_to_stage_id` (OWNER, ADMIN)."""
    ctx.require_role(ADMINS)
    stage = await get_in_company(ctx, Stage, stage_id, "stageId")
    target = None
    if move_to_stage_id is not None:
        target = await get_in_company(ctx, Stage, move_to_stage_id, "moveToStageId")
        if target.pk == stage.pk:
            raise DomainError("SAME_STAGE", "moveToStageId")
    async with unit_of_work(ctx):
        if await company_scope(ctx, Stage).count() <= 1:
            raise DomainError("LAST_STAGE", "stageId")
        tickets = await company_scope(ctx, Ticket).filter(stage_id=stage.pk).all()
        if tickets and target is None:
            raise DomainError("STAGE_NOT_EMPTY", "moveToStageId")
        if tickets and target is not None:
            await _move_all(ctx, tickets, stage, target)
        await stage.delete()
        for ticket in tickets:
            queue_event(ctx, ticket, "STAGE_CHANGED")


async def _move_all(ctx: Context, tickets: list[Ticket], stage: Stage, target: Stage) -> None:
    at = now()
    closing = target.kind == StageKind.CLOSED
    entries = []
    for ticket in tickets:
        changes = {"stage": change(stage.name, target.name)}
        closed_at = ticket.closed_at
        if closing and closed_at is None:
            closed_at = at
        elif not closing:
            closed_at = None
        if closed_at != ticket.closed_at:
            changes["closedAt"] = change(ticket.closed_at, closed_at)
        await Ticket.filter(id=ticket.pk).update(
            stage_id=target.pk, closed_at=closed_at, updated_at=at
        )
        entries.append(entry(ctx, TicketLogEntry, ticket, "STAGE_CHANGED", changes, at=at))
    await TicketLogEntry.bulk_create(entries)
