"""Notifications as a domain produces them: `notify` inside a transaction, then delivery."""

from __future__ import annotations

from typing import Any

from strawberry import relay
from tortoise.transactions import in_transaction

from models.accounts import User
from models.notifications import Delivery, NotificationEvent
from resolvers.notifications import Subject, notify
from tests.graphql import Member


def pk_of(member: Member) -> int:
    return int(relay.GlobalID.from_id(member.id).node_id)


async def produce(
    event: NotificationEvent | str,
    members: list[Member],
    subject_id: str | None = None,
    **values: Any,
) -> list[Delivery]:
    """What a domain does: `notify` in the transaction of its change (nothing delivered yet)."""
    users = [await User.get(id=pk_of(member)) for member in members]
    async with in_transaction():
        return await notify(
            None,
            NotificationEvent(event),
            Subject(subject_id, values),
            users,
            company_id=users[0].company_id,
        )
