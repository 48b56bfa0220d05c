"""Fan-out of one presence event to N WebSocket subscribers: frontdesk vs a raw Starlette app.

  /work/venv/bin/python bench/fanout.py                    # N=1000: raw, ours(memory), ours(redis)
  /work/venv/bin/python bench/fanout.py --clients 10000    # 10,000 sockets, clients in 4 processes

Every server runs in a process of its own (never in this event loop, which runs the clients):

- RAW:  bench/raw_server.py under uvicorn (ws="websockets-sansio", no per-message deflate);
        POST /publish sends one `next`-shaped JSON text to every socket in a plain loop.
- OURS: `frontdesk serve --host 127.0.0.1 --port P` on a temporary SQLite file, with
        FRONTDESK_BROADCAST_URL=memory:// or redis://127.0.0.1:6379/15.

For each server: N clients (the `websockets` library, which offers permessage-deflate like a
browser; the servers decline it) connect with at most --concurrency handshakes at a time; for
frontdesk they speak graphql-transport-ws (connection_init with the owner's bearer token,
connection_ack, subscribe to presenceChanged). Then --warmup events that must reach all N,
then --events measured events: t0 is taken just before the HTTP request that causes the event
(setPresence ONLINE/BUSY alternating, or POST /publish), and the figure of an event is the time
until the LAST of the N clients has received it (time.time() of the machine, shared by the
client processes). Memory per subscription: VmRSS of the server after all N are subscribed and
the warm-up events went out, minus VmRSS before the first client connected, over N.

Only 127.0.0.1 is used. Everything started here is stopped at the end (and on Ctrl-C).
The machine is shared and noisy: read the ratios, not the absolute figures.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import multiprocessing
import os
import re
import resource
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
HOST = "127.0.0.1"
REDIS_URL = "redis://127.0.0.1:6379/15"

SIGN_UP = (
    'mutation { signUp(input:{companyName:"Bench", fullName:"Bench Owner", '
    'email:"owner@bench.example", password:"bench-password-2026"}) '
    "{ accessToken user { id } errors { code } } }"
)
SET_PRESENCE = "mutation { setPresence(input:{status: %s}) { errors { code } } }"
SUBSCRIPTION = "subscription { presenceChanged { status previous at user { id fullName } } }"
STATUSES = ("ONLINE", "BUSY")

TARGETS = {"median": 2.0, "p99": 3.0, "memory": 1.5, "redis": 1.1, "p99_10k_ms": 1000.0}


# ----------------------------------------------------------------------------------------------
# Clients: one group per process (or one group in this process); the coordinator steers groups.
# ----------------------------------------------------------------------------------------------


class QueueChannel:
    """One end of an in-process channel (a pair of asyncio queues)."""

    def __init__(self, inbox: asyncio.Queue[Any], outbox: asyncio.Queue[Any]) -> None:
        self._inbox, self._outbox = inbox, outbox

    def send(self, message: Any) -> None:
        self._outbox.put_nowait(message)

    async def recv(self) -> Any:
        return await self._inbox.get()

    def close(self) -> None:
        pass


class PipeChannel:
    """One end of a multiprocessing Pipe, read through the event loop."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn
        self._inbox: asyncio.Queue[Any] = asyncio.Queue()
        self._loop = asyncio.get_running_loop()
        self._loop.add_reader(conn.fileno(), self._readable)

    def _readable(self) -> None:
        try:
            while self._conn.poll():
                self._inbox.put_nowait(self._conn.recv())
        except (EOFError, OSError):
            self._loop.remove_reader(self._conn.fileno())
            self._inbox.put_nowait(("eof",))

    def send(self, message: Any) -> None:
        self._conn.send(message)

    async def recv(self) -> Any:
        return await self._inbox.get()

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._loop.remove_reader(self._conn.fileno())


@dataclass
class GroupConfig:
    index: int
    clients: int
    url: str
    mode: str  # "ours" (graphql-transport-ws) or "raw"
    token: str
    concurrency: int
    open_timeout: float


class ClientGroup:
    """N WebSocket clients; marks, per armed round, when each received the round's event."""

    def __init__(self, config: GroupConfig, channel: Any) -> None:
        self.config = config
        self.channel = channel
        self.sockets: list[Any] = []
        self.round = -1
        self.expected = ""
        self.got = 0
        self.first = 0.0
        self.last = 0.0
        self.sample = ""
        self.seen: list[int] = [-1] * config.clients
        self.reported = -1
        self.closing = False
        self.unexpected: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()

    async def run(self) -> None:
        from websockets.asyncio.client import connect

        cfg = self.config
        semaphore = asyncio.Semaphore(cfg.concurrency)
        ready = asyncio.Semaphore(0)

        async def one(i: int) -> None:
            try:
                async with semaphore:
                    ws = await connect(
                        cfg.url,
                        subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
                        open_timeout=cfg.open_timeout,
                        ping_interval=None,
                        close_timeout=2,
                        max_queue=None,
                        # compression: left at the default "deflate" (offered, like a browser)
                    )
                    if cfg.mode == "ours":
                        await ws.send(
                            json.dumps(
                                {
                                    "type": "connection_init",
                                    "payload": {"Authorization": f"Bearer {cfg.token}"},
                                }
                            )
                        )
                        ack = json.loads(await asyncio.wait_for(ws.recv(), cfg.open_timeout))
                        if ack.get("type") != "connection_ack":
                            raise RuntimeError(f"no connection_ack: {ack}")
                        await ws.send(
                            json.dumps(
                                {
                                    "id": "1",
                                    "type": "subscribe",
                                    "payload": {"query": SUBSCRIPTION},
                                }
                            )
                        )
                    self.sockets.append(ws)
            except Exception as exc:  # noqa: BLE001 - counted and reported
                self.errors[f"{type(exc).__name__}: {str(exc)[:120]}"] += 1
                ready.release()
                return
            ready.release()
            await self.listen(i, ws)

        tasks = [asyncio.create_task(one(i)) for i in range(cfg.clients)]
        for _ in range(cfg.clients):
            await ready.acquire()
        self.channel.send(("ready", cfg.index, len(self.sockets), dict(self.errors)))
        try:
            while True:
                command = await self.channel.recv()
                if command[0] == "arm":
                    _, self.round, self.expected = command
                    self.got, self.first, self.last = 0, 0.0, 0.0
                    if not self.sockets:
                        self._report()
                    self.channel.send(("armed", cfg.index, self.round))
                elif command[0] == "finish":  # the coordinator gave up waiting for this round
                    if command[1] == self.round:
                        self._report()
                elif command[0] == "close":
                    break
                elif command[0] == "eof":
                    break
        finally:
            await self.close_all()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            self.channel.send(("closed", cfg.index, dict(self.unexpected), self.sample))

    async def listen(self, i: int, ws: Any) -> None:
        ours = self.config.mode == "ours"
        try:
            async for text in ws:
                message = json.loads(text)
                if ours and message.get("type") != "next":
                    self.unexpected[str(message.get("type"))] += 1
                    continue
                try:
                    status = message["payload"]["data"]["presenceChanged"]["status"]
                except (KeyError, TypeError):
                    self.unexpected["next without data"] += 1
                    continue
                if status != self.expected or self.seen[i] == self.round:
                    self.unexpected[f"stray {status}"] += 1
                    continue
                self.seen[i] = self.round
                now = time.time()
                if now > self.last:
                    self.last = now
                if not self.first or now < self.first:
                    self.first = now
                if not self.sample:
                    self.sample = text if isinstance(text, str) else text.decode()
                self.got += 1
                if self.got == len(self.sockets):
                    self._report()
        except Exception as exc:  # noqa: BLE001 - a socket closed under us: counted
            if not self.closing:
                self.unexpected[f"closed early: {type(exc).__name__}"] += 1

    def _report(self) -> None:
        if self.reported == self.round:
            return
        self.reported = self.round
        self.channel.send(("round", self.config.index, self.round, self.got, self.last, self.first))

    async def close_all(self) -> None:
        self.closing = True

        async def close(ws: Any) -> None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(ws.close(), 3)

        for start in range(0, len(self.sockets), 500):
            await asyncio.gather(*(close(ws) for ws in self.sockets[start : start + 500]))


def _use_uvloop() -> None:
    with contextlib.suppress(ImportError):
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())


def _group_process(config: GroupConfig, conn: Any, uvloop: bool) -> None:
    """Entry point of a client process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the coordinator decides when we stop
    _raise_nofile()
    if uvloop:
        _use_uvloop()

    async def main() -> None:
        channel = PipeChannel(conn)
        try:
            await ClientGroup(config, channel).run()
        finally:
            channel.close()

    asyncio.run(main())


class Groups:
    """The coordinator's side: start groups, arm a round, collect per-group last receive."""

    def __init__(self, args: argparse.Namespace, url: str, mode: str, token: str) -> None:
        self.args, self.url, self.mode, self.token = args, url, mode, token
        self.channels: list[Any] = []
        self.processes: list[Any] = []
        self.tasks: list[asyncio.Task[None]] = []
        self.connected = 0
        self.connect_errors: Counter[str] = Counter()
        self.unexpected: Counter[str] = Counter()
        self.sample = ""

    def _configs(self) -> list[GroupConfig]:
        n, procs = self.args.clients, max(1, self.args.procs)
        sizes = [n // procs + (1 if i < n % procs else 0) for i in range(procs)]
        concurrency = max(1, self.args.concurrency // procs)
        return [
            GroupConfig(
                i, size, self.url, self.mode, self.token, concurrency, self.args.open_timeout
            )
            for i, size in enumerate(sizes)
        ]

    async def start(self) -> None:
        configs = self._configs()
        if self.args.procs == 0:  # the clients run in this event loop
            to_group: asyncio.Queue[Any] = asyncio.Queue()
            from_group: asyncio.Queue[Any] = asyncio.Queue()
            group = ClientGroup(configs[0], QueueChannel(to_group, from_group))
            self.channels = [QueueChannel(from_group, to_group)]
            self.tasks.append(asyncio.create_task(group.run()))
        else:
            context = multiprocessing.get_context("spawn")
            for config in configs:
                ours, theirs = context.Pipe()
                process = context.Process(
                    target=_group_process, args=(config, theirs, self.args.uvloop), daemon=True
                )
                process.start()
                theirs.close()
                self.processes.append(process)
                self.channels.append(PipeChannel(ours))
        deadline = self.args.connect_timeout
        replies = await asyncio.wait_for(
            asyncio.gather(*(self._expect(ch, "ready") for ch in self.channels)), deadline
        )
        for _, _, connected, errors in replies:
            self.connected += connected
            self.connect_errors.update(errors)

    @staticmethod
    async def _expect(channel: Any, kind: str, k: int | None = None) -> Any:
        while True:
            message = await channel.recv()
            if message[0] == kind and (k is None or message[2] == k):
                return message
            if message[0] == "eof":
                raise RuntimeError("a client process died")

    async def round(self, k: int, status: str, trigger: Any, wait_s: float) -> dict[str, Any]:
        """Arm round k, call trigger() (which takes t0), wait until every client has it."""
        for channel in self.channels:
            channel.send(("arm", k, status))
        await asyncio.gather(*(self._expect(ch, "armed", k) for ch in self.channels))
        waiting = [asyncio.ensure_future(self._expect(ch, "round", k)) for ch in self.channels]
        t0, response = await trigger()
        answered = time.time()
        done, pending = await asyncio.wait(waiting, timeout=wait_s)
        if pending:
            for channel in self.channels:
                channel.send(("finish", k))
            await asyncio.wait(pending, timeout=5)
        reports = [task.result() for task in waiting if task.done() and not task.cancelled()]
        for task in waiting:
            task.cancel()
        got = sum(report[3] for report in reports)
        last = max((report[4] for report in reports), default=0.0)
        first = min((report[5] for report in reports if report[5]), default=0.0)
        return {
            "answered": answered - t0,
            "first": (first - t0) if first else math.inf,
            "k": k,
            "got": got,
            "complete": got == self.connected and not pending,
            "latency": (last - t0) if last else math.inf,
            "response": response,
        }

    async def close(self) -> None:
        for channel in self.channels:
            with contextlib.suppress(Exception):
                channel.send(("close",))
        with contextlib.suppress(Exception):
            replies = await asyncio.wait_for(
                asyncio.gather(*(self._expect(ch, "closed") for ch in self.channels)), 60
            )
            for reply in replies:
                self.unexpected.update(reply[2])
                self.sample = self.sample or reply[3]
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        for channel in self.channels:
            channel.close()
        for process in self.processes:
            process.join(5)
            if process.is_alive():
                process.kill()
                process.join(2)


# ----------------------------------------------------------------------------------------------
# Servers
# ----------------------------------------------------------------------------------------------


def _raise_nofile(want: int = 65536) -> int:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    for limit in ((want, max(hard, want)), (min(want, hard), hard)):
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, limit)
            return limit[0]
        except (ValueError, OSError):
            continue
    return soft


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def start_py_spy(pid: int, out: Path, native: bool) -> subprocess.Popen[bytes]:
    """py-spy record (blocking sampling: accurate stacks) until SIGINT; collapsed stacks."""
    command = [str(Path(sys.executable).parent / "py-spy"), "record", "--pid", str(pid)]
    command += ["--rate", "250", "--format", "raw", "-o", str(out)]
    command += ["--native"] if native else []
    return subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )


def rss_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for {pid}")


class Server:
    """A server in its own process group: started, awaited on /healthz, stopped for sure."""

    running: list[Server] = []

    def __init__(self, name: str, argv: list[str], env: dict[str, str], workdir: Path) -> None:
        self.name, self.argv, self.env, self.workdir = name, argv, env, workdir
        self.port = _free_port()
        self.log_path = workdir / f"{name}.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def _spawn(self) -> subprocess.Popen[bytes]:
        argv = [part.replace("{port}", str(self.port)) for part in self.argv]
        # exec keeps the pid: the bash -c wrapper raises the open-files limit of the server.
        limit = 'ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$@"'
        with open(self.log_path, "wb") as log:
            return subprocess.Popen(
                ["bash", "-c", limit, "server", *argv],
                env=self.env,
                cwd=self.workdir,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )

    async def start(self, http: Any, wait_s: float = 60) -> None:
        self.process = self._spawn()
        Server.running.append(self)
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited at start:\n{self.log_tail()}")
            try:
                response = await http.get(f"{self.base}/healthz", timeout=2)
                if response.status_code == 200:
                    return
            except Exception:  # noqa: BLE001 - not listening yet
                pass
            await asyncio.sleep(0.2)
        raise RuntimeError(f"{self.name}: /healthz not 200 after {wait_s}s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)
        # anything the server itself started in its group goes too
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)
        if self in Server.running:
            Server.running.remove(self)

    @classmethod
    def stop_all(cls) -> None:
        for server in list(cls.running):
            server.stop()


def _frontdesk_argv() -> list[str]:
    exe = Path(sys.executable).parent / "frontdesk"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("frontdesk")
    if found:
        return [found]
    return [sys.executable, str(ROOT / "cli.py")]


def ours_server(
    backend: str,
    workdir: Path,
    env_kind: str,
    gc_spec: str | None,
    traced: Path | None,
    redis_url: str = REDIS_URL,
) -> Server:
    env = dict(os.environ)
    env.update(
        FRONTDESK_DATABASE_URL=f"sqlite://{workdir / f'bench-{backend}.sqlite3'}",
        FRONTDESK_BROADCAST_URL="memory://" if backend == "memory" else redis_url,
        FRONTDESK_LOGIN_LIMIT_PER_ADDRESS="100000/minute",
        FRONTDESK_LOGIN_LIMIT_PER_ACCOUNT="100000/minute",
        FRONTDESK_STORAGE_DIR=str(workdir / "storage"),
        FRONTDESK_ENV=env_kind,
    )
    if env_kind == "production":
        env["FRONTDESK_SECRET_KEY"] = secrets.token_urlsafe(48)
    env.pop("FRONTDESK_DEBUG", None)
    command = _frontdesk_argv()
    if gc_spec or traced:  # diagnostic only: other GC settings, or tracemalloc
        command = [sys.executable, str(BENCH / "ours_diag.py")]
        command += ["--gc", gc_spec] if gc_spec else []
        command += ["--tracemalloc", str(traced)] if traced else []
    argv = [*command, "serve", "--port", "{port}", "--host", HOST]
    return Server(f"ours-{backend}", argv, env, workdir)


def raw_server(workdir: Path) -> Server:
    argv = [sys.executable, str(BENCH / "raw_server.py"), "--port", "{port}", "--host", HOST]
    return Server("raw", argv, dict(os.environ), workdir)


async def _clean_redis(redis_url: str) -> None:
    """Forget frontdesk's presence keys in the bench's Redis database (15) only."""
    import redis.asyncio as redis

    client = redis.Redis.from_url(redis_url)
    try:
        keys = [key async for key in client.scan_iter("frontdesk:*")]
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()


# ----------------------------------------------------------------------------------------------
# One measurement: a server, its N subscribers, warm-up and measured events
# ----------------------------------------------------------------------------------------------


@dataclass
class Result:
    name: str
    latencies_ms: list[float] = field(default_factory=list)
    first_ms: list[float] = field(default_factory=list)
    answered_ms: list[float] = field(default_factory=list)
    incomplete: int = 0
    rss_before_kb: int = 0
    rss_after_kb: int = 0
    connected: int = 0
    message_bytes: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.latencies_ms) if self.latencies_ms else math.nan

    @property
    def p99(self) -> float:
        return percentile(self.latencies_ms, 99)

    @property
    def kb_per_connection(self) -> float:
        if not self.connected:
            return math.nan
        return (self.rss_after_kb - self.rss_before_kb) / self.connected


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (with 20 events, p99 is the slowest event)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


async def measure(name: str, args: argparse.Namespace, workdir: Path) -> Result:
    import httpx

    result = Result(name)
    backend = name.split("-", 1)[1] if name.startswith("ours") else "raw"
    if backend == "redis":
        await _clean_redis(args.redis_url)
    traced = workdir / f"tracemalloc-{name}.txt" if args.ours_tracemalloc else None
    server = (
        raw_server(workdir)
        if backend == "raw"
        else ours_server(backend, workdir, args.env, args.ours_gc, traced, args.redis_url)
    )
    profiler: subprocess.Popen[bytes] | None = None
    groups: Groups | None = None
    limits = httpx.Limits(max_connections=4, max_keepalive_connections=4)
    client = httpx.AsyncClient(limits=limits, timeout=args.event_timeout, trust_env=False)
    async with client as http:
        try:
            await server.start(http)
            status = {"current": "OFFLINE"}
            headers: dict[str, str] = {}
            if backend == "raw":
                url = f"ws://{HOST}:{server.port}/ws"
                mode, token = "raw", ""

                async def trigger(new: str) -> tuple[float, Any]:
                    t0 = time.time()
                    response = await http.post(f"{server.base}/publish", json={"status": new})
                    return t0, response.json()

            else:
                url = f"ws://{HOST}:{server.port}/graphql"
                mode = "ours"
                answer = (await http.post(f"{server.base}/graphql", json={"query": SIGN_UP})).json()
                payload = answer["data"]["signUp"]
                if payload["errors"] or not payload["accessToken"]:
                    raise RuntimeError(f"signUp failed: {answer}")
                token = payload["accessToken"]
                headers = {"Authorization": f"Bearer {token}"}

                async def trigger(new: str) -> tuple[float, Any]:
                    body = {"query": SET_PRESENCE % new}
                    t0 = time.time()
                    response = await http.post(f"{server.base}/graphql", json=body, headers=headers)
                    answer = response.json()
                    errors = answer.get("errors") or answer["data"]["setPresence"]["errors"]
                    if errors:
                        raise RuntimeError(f"setPresence {new} failed: {answer}")
                    return t0, answer

            # Warm the HTTP path (no subscriber yet), so its one-off allocations are not
            # counted as the subscriptions' memory.
            for _ in range(2):
                new = STATUSES[0] if status["current"] != STATUSES[0] else STATUSES[1]
                await trigger(new)
                status["current"] = new
            await asyncio.sleep(0.5)
            result.rss_before_kb = rss_kb(server.pid)
            if traced is not None:
                os.kill(server.pid, signal.SIGUSR1)
                await asyncio.sleep(3)

            groups = Groups(args, url, mode, token)
            opened = time.monotonic()
            await groups.start()
            result.connected = groups.connected
            opened = time.monotonic() - opened
            if groups.connect_errors:
                result.notes.append(f"connect errors: {dict(groups.connect_errors)}")
            if groups.connected < args.clients:
                raise RuntimeError(
                    f"only {groups.connected}/{args.clients} clients connected: "
                    f"{dict(groups.connect_errors)}"
                )
            result.notes.append(f"{groups.connected} clients connected in {opened:.1f}s")
            await asyncio.sleep(args.settle)

            async def one_round(k: int) -> dict[str, Any]:
                new = STATUSES[0] if status["current"] != STATUSES[0] else STATUSES[1]
                status["current"] = new
                outcome = await groups.round(k, new, lambda: trigger(new), args.event_timeout)
                await asyncio.sleep(args.gap)
                return outcome

            k = 0
            warm = 0
            for _ in range(args.warmup + 5):  # warm-up events must reach every client
                k += 1
                outcome = await one_round(k)
                warm = warm + 1 if outcome["complete"] else 0
                if warm >= args.warmup:
                    break
            else:
                raise RuntimeError(
                    f"warm-up events did not reach all clients (last: {outcome['got']}/"
                    f"{groups.connected}); subscriptions not all live?"
                )
            await asyncio.sleep(0.5)
            result.rss_after_kb = rss_kb(server.pid)
            if traced is not None:
                os.kill(server.pid, signal.SIGUSR1)
                for _ in range(120):
                    await asyncio.sleep(0.5)
                    if traced.exists():
                        break
                await asyncio.sleep(0.5)
                if traced.exists():
                    result.notes.append("tracemalloc (diagnostic):\n" + traced.read_text())

            if args.py_spy and backend != "raw":
                out = Path(args.py_spy) / f"profile-{name}-{args.clients}.txt"
                out.parent.mkdir(parents=True, exist_ok=True)
                profiler = start_py_spy(server.pid, out, args.py_spy_native)
                result.notes.append(f"py-spy profile (measured events only): {out}")
                await asyncio.sleep(1.0)

            for _ in range(args.events):
                k += 1
                outcome = await one_round(k)
                if outcome["complete"]:
                    result.latencies_ms.append(outcome["latency"] * 1000)
                    result.first_ms.append(outcome["first"] * 1000)
                    result.answered_ms.append(outcome["answered"] * 1000)
                else:
                    result.incomplete += 1
                    result.notes.append(
                        f"event {k}: only {outcome['got']}/{groups.connected} within "
                        f"{args.event_timeout}s"
                    )
        finally:
            if profiler is not None:
                profiler.send_signal(signal.SIGINT)
                try:
                    profiler.wait(20)
                except subprocess.TimeoutExpired:
                    os.killpg(profiler.pid, signal.SIGKILL)
                    profiler.wait(5)
            if groups is not None:
                await groups.close()
                if groups.unexpected:
                    result.notes.append(f"other messages: {dict(groups.unexpected)}")
                if groups.sample:
                    result.message_bytes = len(groups.sample.encode())
                    result.notes.append(f"a message as received: {groups.sample}")
            server.stop()
            if backend == "redis":
                with contextlib.suppress(Exception):
                    await _clean_redis(args.redis_url)
    return result


# ----------------------------------------------------------------------------------------------
# Report
# ----------------------------------------------------------------------------------------------


def _ratio(a: float, b: float) -> float:
    return a / b if b and not math.isnan(a) and not math.isnan(b) else math.nan


def _verdict(ratio: float, target: float) -> str:
    if math.isnan(ratio):
        return "n/a"
    return "ok" if ratio <= target else "MISS"


def report(results: dict[str, Result], args: argparse.Namespace) -> str:
    raw, memory, redis = (results.get(k) for k in ("raw", "ours-memory", "ours-redis"))
    lines = [
        f"fan-out of one presence event to N={args.clients} WebSocket subscribers "
        f"({args.events} events, client processes: {args.procs or 'this one'}, "
        f"server env: {args.env}"
        + (f", DIAGNOSTIC our GC: {args.ours_gc}" if args.ours_gc else "")
        + (", DIAGNOSTIC tracemalloc" if args.ours_tracemalloc else "")
        + ")",
        "",
        f"{'server':<14}{'median ms':>11}{'p99 ms':>10}{'KB/conn':>10}"
        f"{'median/raw':>12}{'p99/raw':>9}{'KB/raw':>8}{'vs memory':>11}",
    ]
    for name in ("raw", "ours-memory", "ours-redis"):
        res = results.get(name)
        if res is None:
            continue
        row = f"{name:<14}{res.median:>11.1f}{res.p99:>10.1f}{res.kb_per_connection:>10.1f}"
        if raw is not None and res is not raw:
            row += (
                f"{_ratio(res.median, raw.median):>11.2f}x{_ratio(res.p99, raw.p99):>8.2f}x"
                f"{_ratio(res.kb_per_connection, raw.kb_per_connection):>7.2f}x"
            )
        else:
            row += f"{'':>12}{'':>9}{'':>8}"
        if name == "ours-redis" and memory is not None:
            row += f"{_ratio(res.median, memory.median):>7.2f}x med"
        lines.append(row)
    lines += ["", "targets:"]
    for name, res in (("ours-memory", memory), ("ours-redis", redis)):
        if res is None or raw is None:
            continue
        med = _ratio(res.median, raw.median)
        p99 = _ratio(res.p99, raw.p99)
        mem = _ratio(res.kb_per_connection, raw.kb_per_connection)
        lines.append(
            f"  {name:<12} last-client median {med:5.2f}x raw (<= {TARGETS['median']}x) "
            f"{_verdict(med, TARGETS['median'])}; p99 {p99:5.2f}x raw (<= {TARGETS['p99']}x) "
            f"{_verdict(p99, TARGETS['p99'])}; KB/subscription {mem:5.2f}x raw "
            f"(<= {TARGETS['memory']}x) {_verdict(mem, TARGETS['memory'])}"
        )
    if redis is not None and memory is not None:
        med = _ratio(redis.median, memory.median)
        p99 = _ratio(redis.p99, memory.p99)
        lines.append(
            f"  {'redis':<12} median {med:5.2f}x memory (<= {TARGETS['redis']}x) "
            f"{_verdict(med, TARGETS['redis'])}; p99 {p99:5.2f}x memory (for information)"
        )
    if args.clients >= 5000:
        for name, res in (("ours-memory", memory), ("ours-redis", redis)):
            if res is not None:
                ok = "ok" if res.p99 < TARGETS["p99_10k_ms"] else "MISS"
                lines.append(
                    f"  {name:<12} p99 {res.p99:.0f} ms at N={args.clients} "
                    f"(< {TARGETS['p99_10k_ms']:.0f} ms) {ok}"
                )
    lines += ["", "details:"]
    for name, res in results.items():
        lines.append(
            f"  {name}: RSS {res.rss_before_kb} -> {res.rss_after_kb} KB with "
            f"{res.connected} subscribers; per-event ms (sorted): "
            + " ".join(f"{v:.0f}" for v in sorted(res.latencies_ms))
        )
        if res.incomplete:
            lines.append(f"    {res.incomplete} event(s) did not reach every client in time")
        if res.latencies_ms:
            lines.append(
                f"    medians: HTTP trigger answered after {statistics.median(res.answered_ms):.1f}"
                f" ms, first client got it after {statistics.median(res.first_ms):.1f} ms, "
                f"last after {res.median:.1f} ms; message {res.message_bytes} bytes"
            )
        for note in res.notes:
            lines.append(f"    {note}")
    return "\n".join(lines)


def summarize_profile(path: Path, top: int = 25) -> str:
    """Top functions of a py-spy raw (collapsed) profile: inclusive and self, in % of the
    samples in which the server was on the CPU (py-spy leaves idle samples out)."""
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for line in path.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        n = int(count)
        total += n
        # per function, not per line: "name (file.py:123)" -> "name (file.py)"
        frames = [re.sub(r":\d+\)$", ")", frame) for frame in stack.split(";")]
        for frame in set(frames):
            inclusive[frame] += n
        own[frames[-1]] += n
    if not total:
        return f"{path}: no samples"
    out = [f"{path}: {total} samples", "  inclusive:"]
    out += [f"    {100 * n / total:5.1f}%  {frame}" for frame, n in inclusive.most_common(top)]
    out.append("  self:")
    out += [f"    {100 * n / total:5.1f}%  {frame}" for frame, n in own.most_common(top)]
    return "\n".join(out)


# ----------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/fanout.py",
        description="Fan-out of one presence event to N WebSocket subscribers, vs raw Starlette.",
    )
    parser.add_argument("--clients", type=int, default=1000, help="N subscribers (1000)")
    parser.add_argument("--events", type=int, default=20, help="measured events (20)")
    parser.add_argument("--warmup", type=int, default=2, help="warm-up events first (2)")
    parser.add_argument(
        "--backends",
        default="raw,memory,redis",
        help="comma-separated, run in this order: raw, memory, redis (default: all three)",
    )
    parser.add_argument(
        "--procs",
        type=int,
        default=None,
        help="client processes; 0 = the clients run in this process "
        "(default: 0 up to 2000 clients, else 4)",
    )
    parser.add_argument("--concurrency", type=int, default=100, help="handshakes at a time")
    parser.add_argument(
        "--event-timeout", type=float, default=None, help="s per event (5; 30 above 2000 clients)"
    )
    parser.add_argument("--open-timeout", type=float, default=20.0, help="s per handshake")
    parser.add_argument("--connect-timeout", type=float, default=300.0, help="s for all N")
    parser.add_argument("--settle", type=float, default=1.5, help="s after all subscribed")
    parser.add_argument("--gap", type=float, default=0.2, help="s between events")
    parser.add_argument(
        "--env",
        choices=["production", "development"],
        default="production",
        help="FRONTDESK_ENV of our server (production, with a random secret key)",
    )
    parser.add_argument(
        "--no-uvloop", dest="uvloop", action="store_false", help="clients on asyncio's own loop"
    )
    parser.add_argument(
        "--py-spy",
        metavar="DIR",
        help="record a py-spy profile of our server during the measured events into DIR "
        "(py-spy must be installed; the figures of such a run are perturbed)",
    )
    parser.add_argument(
        "--py-spy-native",
        action="store_true",
        help="with --py-spy: sample C frames too (shows the garbage collector, json, etc.)",
    )
    parser.add_argument(
        "--ours-gc",
        metavar="SPEC",
        help="diagnostic, not production: run our server through bench/ours_diag.py with these "
        "garbage-collector settings: off, or thresholds such as 50000,20,100, optionally "
        "+freeze (gc.freeze() every second)",
    )
    parser.add_argument(
        "--ours-tracemalloc",
        action="store_true",
        help="diagnostic: run our server with tracemalloc and print what the N subscriptions "
        "allocated, by line and file (slow; its latency and RSS figures are not comparable)",
    )
    parser.add_argument(
        "--redis-url",
        default=REDIS_URL,
        help=f"the Redis of the redis backend ({REDIS_URL}); only its frontdesk:* keys are deleted",
    )
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    if args.procs is None:
        args.procs = 0 if args.clients <= 2000 else 4
    if args.event_timeout is None:
        args.event_timeout = 5.0 if args.clients <= 2000 else 30.0
    known = {"raw": "raw", "memory": "ours-memory", "redis": "ours-redis"}
    args.runs = []
    for part in args.backends.split(","):
        if part.strip() not in known:
            parser.error(f"unknown backend {part!r} (raw, memory, redis)")
        args.runs.append(known[part.strip()])
    return args


def write_outputs(results: dict[str, Result], args: argparse.Namespace) -> None:
    if args.py_spy:
        for path in sorted(Path(args.py_spy).glob(f"profile-*-{args.clients}.txt")):
            print()
            print(summarize_profile(path))
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {
                    name: {
                        "median_ms": r.median,
                        "p99_ms": r.p99,
                        "kb_per_connection": r.kb_per_connection,
                        "latencies_ms": r.latencies_ms,
                        "rss_before_kb": r.rss_before_kb,
                        "rss_after_kb": r.rss_after_kb,
                        "connected": r.connected,
                        "incomplete": r.incomplete,
                    }
                    for name, r in results.items()
                },
                indent=2,
            )
        )


async def amain(args: argparse.Namespace) -> int:
    workdir = Path(tempfile.mkdtemp(prefix="frontdesk-fanout-"))
    results: dict[str, Result] = {}
    failed = False
    try:
        for name in args.runs:
            print(f"[{time.strftime('%H:%M:%S')}] {name}: N={args.clients} ...", flush=True)
            try:
                results[name] = await measure(name, args, workdir)
            except Exception as exc:  # noqa: BLE001 - reported, the other runs go on
                failed = True
                print(f"  {name} failed: {type(exc).__name__}: {exc}", flush=True)
                log = workdir / f"{name}.log"
                if log.exists():
                    print(
                        "  server log tail:\n    "
                        + "\n    ".join(log.read_text(errors="replace").splitlines()[-15:]),
                        flush=True,
                    )
                continue
            res = results[name]
            print(
                f"  median {res.median:.1f} ms, p99 {res.p99:.1f} ms, "
                f"{res.kb_per_connection:.1f} KB/conn",
                flush=True,
            )
    finally:
        Server.stop_all()
        shutil.rmtree(workdir, ignore_errors=True)
    print()
    print(report(results, args))
    write_outputs(results, args)
    return 1 if failed or any(r.incomplete for r in results.values()) else 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    _raise_nofile()
    if args.uvloop:
        _use_uvloop()

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        return asyncio.run(amain(args))
    except KeyboardInterrupt:
        Server.stop_all()
        print("interrupted; servers stopped", file=sys.stderr)
        return 130
    finally:
        Server.stop_all()


if __name__ == "__main__":
    sys.exit(main())
