"""`frontdesk worker` processes: what they deliver, and that two of them on PostgreSQL share
the outbox without delivering anything twice."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path

import pytest
from tortoise.transactions import in_transaction

from models.accounts import User
from models.notifications import Delivery, Notification, NotificationEvent
from notifiers.email import DELIVERY_HEADER
from resolvers.notifications import Subject, notify
from settings import get_settings
from tests.graphql import INVITE, gql, sign_up
from tests.mail import MAILBOX
from tests.notifications.producing import pk_of

ROOT = Path(__file__).resolve().parents[2]
FRONTDESK = Path(sys.executable).parent / "frontdesk"
QUEUED = 1000
USERS = 10


def on_postgres() -> bool:
    return get_settings().database_url.startswith(("postgres", "asyncpg"))


class Worker:
    """`frontdesk worker` in a process of its own, on the test session's database."""

    def __init__(self, name: str, log_dir: Path, *extra: str) -> None:
        self.name = name
        self.log_path = log_dir / f"{name}.log"
        self.extra = extra
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        env = {
            **os.environ,
            "FRONTDESK_DATABASE_URL": get_settings().database_url,
            "FRONTDESK_DISPATCHER_POLL_INTERVAL": "0.2",
        }
        with self.log_path.open("wb") as log:
            self.process = await asyncio.create_subprocess_exec(
                *[str(FRONTDESK), "worker", "--name", self.name, *self.extra],
                cwd=ROOT,
                env=env,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=log,
                stderr=asyncio.subprocess.STDOUT,
            )

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:]

    async def wait_until_delivering(self) -> None:
        deadline = time.monotonic() + 30
        while "delivering" not in self.log():  # noqa: ASYNC110 - a log file has no event
            assert time.monotonic() < deadline, self.log()
            assert self.process is not None and self.process.returncode is None, self.log()
            await asyncio.sleep(0.05)

    async def finish(self) -> int:
        assert self.process is not None
        return await asyncio.wait_for(self.process.wait(), 60)

    async def stop(self) -> int:
        assert self.process is not None
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
        return await asyncio.wait_for(self.process.wait(), 30)


async def test_a_worker_delivers_what_the_api_queued(client, tmp_path):
    MAILBOX.clear()
    owner = await sign_up(client)
    invitation = {"email": "ali@acme.example", "fullName": "Ali", "role": "AGENT"}
    await gql(client, INVITE, {"input": invitation}, token=owner.token)

    worker = Worker("once", tmp_path, "--once")
    await worker.start()
    returncode = await worker.finish()

    assert returncode == 0, worker.log()
    assert len(MAILBOX.to("ali@acme.example")) == 1
    assert await Delivery.get(kind="INVITATION").values_list("delivered_by", flat=True) == "once"


@pytest.mark.skipif(
    not on_postgres(),
    reason="needs PostgreSQL (FRONTDESK_DATABASE_URL=postgres://...): several dispatcher "
    "processes claim with SELECT ... FOR UPDATE SKIP LOCKED, which SQLite does not have",
)
async def test_two_workers_deliver_a_thousand_notifications_exactly_once(client, tmp_path):
    # given ten users, and two workers waiting for work
    MAILBOX.clear()
    owner = await sign_up(client)
    company_id = (await User.get(id=pk_of(owner))).company_id
    await User.bulk_create(
        [
            User(company_id=company_id, email=f"user{n}@acme.example", full_name=f"User {n}")
            for n in range(USERS - 1)
        ]
    )
    users = await User.filter(company_id=company_id)
    workers = [Worker("worker-a", tmp_path), Worker("worker-b", tmp_path)]
    for worker in workers:
        await worker.start()
    try:
        for worker in workers:
            await worker.wait_until_delivering()

        # when a hundred invoices are notified to each of them in one transaction: a thousand
        # notifications, each a mail and an in-app entry
        async with in_transaction():
            for number in range(QUEUED // USERS):
                await notify(
                    None,
                    NotificationEvent.INVOICE_ISSUED,
                    Subject(str(number), {"number": number, "amount": "10.00 EUR"}),
                    users,
                    company_id=company_id,
                )
        deadline = time.monotonic() + 120
        while await Delivery.filter(status__in=["PENDING", "SENDING"]).exists():
            assert time.monotonic() < deadline, [w.log() for w in workers]
            await asyncio.sleep(0.2)
        await MAILBOX.wait_for_count(QUEUED, seconds=5)
    finally:
        codes = [await worker.stop() for worker in workers]

    # then each was delivered once, by one of the two
    assert codes == [0, 0], [w.log() for w in workers]
    assert await Delivery.filter(status="DELIVERED").count() == 2 * QUEUED
    mails = MAILBOX.messages
    assert len(mails) == QUEUED
    assert len({mail[DELIVERY_HEADER] for mail in mails}) == QUEUED
    assert {mail["To"] for mail in mails} == {user.email for user in users}
    assert await Notification.all().count() == QUEUED
    entries = await Notification.all().values_list("user_id", "subject_id")
    assert len(set(entries)) == QUEUED
    by_worker = set(await Delivery.all().values_list("delivered_by", flat=True))
    assert by_worker == {"worker-a", "worker-b"}
