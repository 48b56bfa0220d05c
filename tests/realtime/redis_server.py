"""A private redis-server for tests that stop and restart Redis (never the shared one)."""

from __future__ import annotations

import asyncio
import shutil
import socket
import tempfile

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class RedisServer:
    def __init__(self) -> None:
        if shutil.which("redis-server") is None:
            pytest.fail("redis-server is not installed (apt-get install -y redis-server)")
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="frontdesk-redis-")
        self.process: asyncio.subprocess.Process | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    async def start(self) -> None:
        self.process = await asyncio.create_subprocess_exec(
            *["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"],
            *["--save", "", "--appendonly", "no", "--dir", self.dir],
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        for _ in range(200):
            try:
                _, writer = await asyncio.open_connection("127.0.0.1", self.port)
                writer.close()
                await writer.wait_closed()
                return
            except OSError:
                await asyncio.sleep(0.02)
        raise RuntimeError("redis-server did not start")

    async def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            await self.process.wait()
            self.process = None
