"""Two real `frontdesk serve` processes on one (private) Redis: events and session ends cross
processes, and keep doing so after Redis restarts, with neither process restarted."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from settings import get_settings
from tests.graphql import gql, login, sign_up
from tests.live import Socket
from tests.realtime.redis_server import RedisServer, free_port

ROOT = Path(__file__).resolve().parents[2]
FRONTDESK = Path(sys.executable).parent / "frontdesk"

SET_PRESENCE = """
mutation Set($status: PresenceStatus!) {
  setPresence(input: {status: $status}) { presence { status since } errors { code message } }
}
"""
PRESENCE_CHANGED = "subscription { presenceChanged { user { email } status previous at } }"
LOGOUT = "mutation { logout { errors { code } } }"


class ServerProcess:
    """`frontdesk serve --no-migrate` in a process of its own, on the test session's database."""

    def __init__(self, name: str, broadcast_url: str, log_dir: str) -> None:
        self.name = name
        self.broadcast_url = broadcast_url
        self.port = free_port()
        self.log_path = Path(log_dir) / f"{name}.log"
        self.process: asyncio.subprocess.Process | None = None
        self.http = httpx.AsyncClient(base_url=f"http://127.0.0.1:{self.port}", timeout=10)

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/graphql"

    async def start(self) -> None:
        env = {
            **os.environ,
            "FRONTDESK_DATABASE_URL": get_settings().database_url,
            "FRONTDESK_BROADCAST_URL": self.broadcast_url,
            "FRONTDESK_PRESENCE_GRACE_PERIOD": "1",
            "FRONTDESK_LOGIN_LIMIT_PER_ADDRESS": "10000/minute",
            "FRONTDESK_LOGIN_LIMIT_PER_ACCOUNT": "1000/minute",
        }
        log = os.open(self.log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            self.process = await asyncio.create_subprocess_exec(
                *[str(FRONTDESK), "serve", "--host", "127.0.0.1", "--port", str(self.port)],
                "--no-migrate",
                cwd=ROOT,
                env=env,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=log,
                stderr=asyncio.subprocess.STDOUT,
            )
        finally:
            os.close(log)

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-4000:]
        except OSError:
            return ""

    async def health(self) -> tuple[int, Any]:
        response = await self.http.get("/healthz")
        return response.status_code, response.json()

    async def wait_healthy(self, seconds: float) -> None:
        """Until /healthz answers 200, or fail with the server's log."""
        deadline = time.monotonic() + seconds
        last: Any = None
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.returncode is not None:
                code = self.process.returncode
                pytest.fail(f"process {self.name} exited ({code}):\n{self.log()}")
            try:
                status, body = await self.health()
                if status == 200:
                    return
                last = (status, body)
            except (httpx.TransportError, ValueError) as exc:
                last = exc
            await asyncio.sleep(0.05)
        pytest.fail(f"{self.name}: /healthz not 200 in {seconds}s ({last!r}):\n{self.log()}")

    async def stop(self) -> None:
        await self.http.aclose()
        if self.process is None or self.process.returncode is not None:
            return
        self.process.terminate()
        try:
            await asyncio.wait_for(self.process.wait(), 5)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()


@pytest.fixture
async def processes(redis_server: RedisServer) -> AsyncIterator[tuple[ServerProcess, ...]]:
    """Processes A and B, both healthy, on the private Redis and the session's database."""
    log_dir = tempfile.mkdtemp(prefix="frontdesk-processes-")
    a = ServerProcess("A", redis_server.url, log_dir)
    b = ServerProcess("B", redis_server.url, log_dir)
    try:
        await asyncio.gather(a.start(), b.start())
        await asyncio.gather(a.wait_healthy(20), b.wait_healthy(20))
        yield a, b
    finally:
        await asyncio.gather(a.stop(), b.stop())
        shutil.rmtree(log_dir, ignore_errors=True)


async def set_presence(process: ServerProcess, token: str, status: str) -> datetime:
    """Set the status through `process`; the moment of the change (the event's `at`)."""
    return (await set_status(process, token, status))[1]


async def set_status(process: ServerProcess, token: str, status: str) -> tuple[str, datetime]:
    """Set the status through `process`; (status shown, since when)."""
    result = await gql(process.http, SET_PRESENCE, {"status": status}, token=token)
    payload = result.get("data") and result["data"]["setPresence"]
    assert payload and payload["errors"] == [], (result, process.log())
    assert payload["presence"]["status"] == status, payload
    return status, datetime.fromisoformat(payload["presence"]["since"])


async def open_socket(process: ServerProcess, token: str) -> Socket:
    return await Socket.open(process.ws_url, token)


async def event_at(socket: Socket, at: datetime, seconds: float = 5.0) -> dict[str, Any]:
    """The presenceChanged event of the change made at `at`, skipping others before it (earlier
    changes, and OFFLINEs that the presence sweep decides on its own)."""
    deadline = time.monotonic() + seconds
    while True:
        remaining = deadline - time.monotonic()
        assert remaining > 0, f"no event of the change at {at.isoformat()}"
        event = (await socket.next(remaining))["data"]["presenceChanged"]
        if datetime.fromisoformat(event["at"]) == at:
            return event  # type: ignore[no-any-return]


async def heard_by_all(
    a: ServerProcess,
    token: str,
    sockets: list[Socket],
    *,
    seconds: float = 10.0,
) -> str:
    """Change the status through `a` (ONLINE, BE_RIGHT_BACK, ONLINE, ...) until each socket
    heard one of the changes; then all their subscriptions are live. Changes made before a
    subscriber's SUBSCRIBE reached Redis (or while Redis was down) are lost: pub/sub.
    Once each socket has caught up to the last change, returns the status set last."""
    statuses = ["ONLINE", "BE_RIGHT_BACK"]
    attempts = 0
    changes: list[datetime] = []
    heard: list[datetime | None] = [None] * len(sockets)  # the change each one heard
    deadline = time.monotonic() + seconds
    while not all(heard):
        assert time.monotonic() < deadline, f"heard: {heard}\nA:\n{a.log()}"
        changes.append(await set_presence(a, token, statuses[attempts % 2]))
        attempts += 1
        for n, socket in enumerate(sockets):
            if heard[n] is not None:
                continue
            try:
                event = (await socket.next(0.3))["data"]["presenceChanged"]
            except TimeoutError:
                continue
            at = datetime.fromisoformat(event["at"])
            heard[n] = at if at in changes else None
    # Each one was subscribed before the last change was published, so each gets it.
    for socket, at in zip(sockets, heard, strict=True):
        if at != changes[-1]:
            await event_at(socket, changes[-1])
    return statuses[(attempts - 1) % 2]


async def test_a_change_through_one_process_reaches_the_other_and_survives_a_redis_restart(
    processes, redis_server
):
    a, b = processes
    owner = await sign_up(a.http)
    phone = await login(a.http, owner.email)  # a second session, to end after the restart
    assert phone["errors"] == [], phone
    old = await open_socket(b, owner.token)
    await old.subscribe(PRESENCE_CHANGED)
    last = await heard_by_all(a, owner.token, [old])

    # a change made through A reaches the subscriber connected to B
    busy_at = await set_presence(a, owner.token, "BUSY")
    event = await event_at(old, busy_at, seconds=2)
    assert (event["user"]["email"], event["status"], event["previous"]) == (
        owner.email,
        "BUSY",
        last,
    )

    # Redis restarts, after a second down; neither process does
    await redis_server.stop()
    await asyncio.sleep(1.0)
    await redis_server.start()

    # B's old subscriber hears changes again (those published while B was resubscribing
    # are lost), and both processes report healthy again
    await heard_by_all(a, owner.token, [old])
    await asyncio.gather(a.wait_healthy(10), b.wait_healthy(10))

    # new subscribers on B and on A, and the old one, all hear the next change
    new_b = await open_socket(b, owner.token)
    new_a = await open_socket(a, owner.token)
    for socket in (new_b, new_a):
        await socket.subscribe(PRESENCE_CHANGED)
    last = await heard_by_all(a, owner.token, [old, new_b, new_a])
    status = "BUSY" if last != "BUSY" else "ONLINE"
    at = await set_presence(a, owner.token, status)
    for socket in (old, new_b, new_a):
        event = await event_at(socket, at, seconds=2)
        assert (event["user"]["email"], event["status"]) == (owner.email, status)

    # a session ended through A after the restart still closes its socket on B at once
    phone_socket = await open_socket(b, phone["accessToken"])
    started = time.monotonic()
    result = await gql(a.http, LOGOUT, token=phone["accessToken"])
    assert result["data"]["logout"]["errors"] == [], result
    assert await phone_socket.closed_with(seconds=2) == 4403
    assert time.monotonic() - started < 1.0

    for socket in (old, new_b, new_a):
        await socket.close()


async def test_a_session_ended_through_one_process_closes_its_sockets_in_every_process(
    processes,
):
    a, b = processes
    owner = await sign_up(a.http)
    phone = await login(a.http, owner.email)
    assert phone["errors"] == [], phone
    phone_on_b = await Socket.open(b.ws_url, phone["accessToken"])
    phone_on_a = await Socket.open(a.ws_url, phone["accessToken"])
    laptop_on_b = await Socket.open(b.ws_url, owner.token)
    await laptop_on_b.subscribe(PRESENCE_CHANGED)

    started = time.monotonic()
    result = await gql(a.http, LOGOUT, token=phone["accessToken"])
    assert result["data"]["logout"]["errors"] == [], result

    codes = await asyncio.gather(phone_on_b.closed_with(2), phone_on_a.closed_with(2))
    assert codes == [4403, 4403]
    assert time.monotonic() - started < 1.0
    # the owner's other session goes on, in B, and still hears changes made through A
    await heard_by_all(a, owner.token, [laptop_on_b])
    await laptop_on_b.close()


async def test_the_first_calls_after_a_redis_restart_succeed(processes, redis_server):
    a, b = processes
    owner = await sign_up(a.http)
    watcher = await open_socket(b, owner.token)
    await watcher.subscribe(PRESENCE_CHANGED)
    last = await heard_by_all(a, owner.token, [watcher])
    status = "BUSY" if last != "BUSY" else "ONLINE"

    await redis_server.stop()
    await redis_server.start()

    # a new socket is acknowledged, a status change succeeds, and its event is heard
    newcomer = await open_socket(b, owner.token)
    at = await set_presence(a, owner.token, status)
    event = await event_at(watcher, at, seconds=5)
    assert event["status"] == status
    for socket in (watcher, newcomer):
        await socket.close()


async def test_a_connected_user_stays_connected_and_visible_across_a_redis_restart(
    processes, redis_server
):
    a, b = processes
    owner = await sign_up(a.http)
    socket = await open_socket(b, owner.token)  # stays open all along
    await set_status(a, owner.token, "BUSY")

    await redis_server.stop()
    await redis_server.start()
    await set_status(a, owner.token, "ONLINE")
    await asyncio.sleep(2.5)  # past the 1 s grace period and a sweep of each process

    result = await gql(
        a.http, "{ me { presence { status chosenStatus connected } } }", token=owner.token
    )
    assert result["data"]["me"]["presence"] == {
        "status": "ONLINE",
        "chosenStatus": "ONLINE",
        "connected": True,
    }
    await socket.close()
