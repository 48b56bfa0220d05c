"""Throughput of `tickets(first: 50)` with nested fields: frontdesk against a raw Starlette
endpoint that runs the same SQL and returns the same JSON (bench/tickets_raw.py), measured
in the same run, one uvicorn worker each, on PostgreSQL with the large demo set.

  frontdesk seed-demo --tickets 100000            # once, with FRONTDESK_DATABASE_URL set
  python bench/tickets_list.py --database-url postgres://postgres@127.0.0.1:5432/frontdesk_bench
  python bench/tickets_list.py ... --profile ours.svg   # py-spy flame graphs (needs py-spy)

Servers run one after the other (never at the same time), in rounds (raw, ours, raw, ours,
...); each round is a warm-up then `--seconds` of load from `--connections` keep-alive
connections of a small asyncio HTTP/1.1 client in its own process. Before measuring, the two
answers are checked to be the same JSON. It prints requests per second per round, the median
per server, and ours/raw.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
QUERY = (
    "{ tickets(first: 50) { edges { node { id number title importance createdAt "
    "customer { id name representative { id fullName } } stage { id name } "
    "assignee { id fullName } contacts { id name } tasks { id title done } "
    "documents { id filename } } } } }"
)
LOGIN = (
    'mutation { login(input: {email: "agent1@demo.frontdesk.example", '
    'password: "frontdesk-demo-2026"}) { accessToken errors { code } } }'
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_healthy(port: int, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"server on port {port} did not become healthy")


def post(port: int, path: str, body: dict[str, Any], token: str | None = None) -> Any:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", data=json.dumps(body).encode(), headers=headers
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


class Server:
    """A server process in its own process group, killed with its children at the end."""

    def __init__(self, name: str, command: list[str], env: dict[str, str], port: int) -> None:
        self.name, self.port = name, port
        self.process = subprocess.Popen(
            command,
            env=env,
            start_new_session=True,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_healthy(port)

    def stop(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.process.pid, signal.SIGKILL)


def environment(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        FRONTDESK_ENV="production",
        FRONTDESK_SECRET_KEY=os.environ.get("BENCH_SECRET", secrets.token_urlsafe(48)),
        FRONTDESK_DATABASE_URL=database_url,
        FRONTDESK_BROADCAST_URL="memory://",
        FRONTDESK_LOGIN_LIMIT_PER_ACCOUNT="100000/minute",
        FRONTDESK_LOGIN_LIMIT_PER_ADDRESS="100000/minute",
        FRONTDESK_DEBUG="0",
    )
    return env


# ---------------------------------------------------------------- the load generator


async def _connection(request: bytes, port: int, stop_at: float, counts: list[int]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.monotonic() < stop_at:
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            status = head[9:12]
            length = 0
            for line in head.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            await reader.readexactly(length)
            if status != b"200":
                raise SystemExit(f"HTTP {status.decode()} from port {port}")
            counts[0] += 1
    finally:
        writer.close()


async def _load(port: int, path: str, token: str, connections: int, seconds: float) -> float:
    body = json.dumps({"query": QUERY}).encode()
    request = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
        f"Authorization: Bearer {token}\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    counts = [0]
    started = time.monotonic()
    await asyncio.gather(
        *(_connection(request, port, started + seconds, counts) for _ in range(connections))
    )
    return counts[0] / (time.monotonic() - started)


def load(port: int, path: str, token: str, connections: int, seconds: float) -> float:
    """Requests per second, from a client process of its own."""
    result = subprocess.run(
        [PYTHON, __file__, "_load", str(port), path, token, str(connections), str(seconds)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(result.stdout.strip())


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux: /proc/PID/stat)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# ---------------------------------------------------------------- the run


def same_answer(ours: Any, raw: Any) -> None:
    if ours != raw:
        a = json.dumps(ours, sort_keys=True, indent=1).splitlines()
        b = json.dumps(raw, sort_keys=True, indent=1).splitlines()
        diff = [f"{x!r} != {y!r}" for x, y in zip(a, b, strict=False) if x != y][:5]
        raise SystemExit("the two answers differ:\n  " + "\n  ".join(diff))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--profile",
        help="py-spy of both servers in the last round: ours to this file, raw to NAME.raw.EXT; "
        "a flame graph, or collapsed stacks if the name ends in .txt",
    )
    args = parser.parse_args()
    env = environment(args.database_url)
    ours_port, raw_port = free_port(), free_port()
    ours_command = [
        PYTHON,
        str(ROOT / "cli.py"),
        "serve",
        "--no-migrate",
        "--host",
        "127.0.0.1",
        "--port",
        str(ours_port),
    ]
    raw_command = [
        PYTHON,
        str(ROOT / "bench" / "tickets_raw.py"),
        "--port",
        str(raw_port),
        "--database-url",
        args.database_url,
    ]

    # The token and the two answers, with each server alone.
    ours = Server("ours", ours_command, env, ours_port)
    try:
        signed_in = post(ours_port, "/graphql", {"query": LOGIN})["data"]["login"]
        token = signed_in["accessToken"]
        ours_answer = post(ours_port, "/graphql", {"query": QUERY}, token)
    finally:
        ours.stop()
    raw = Server("raw", raw_command, env, raw_port)
    try:
        raw_answer = post(raw_port, "/tickets", {"query": QUERY}, token)
    finally:
        raw.stop()
    same_answer(ours_answer, raw_answer)
    edges = len(ours_answer["data"]["tickets"]["edges"])
    print(f"same answer from both: {edges} tickets, {len(json.dumps(ours_answer))} bytes")

    figures: dict[str, list[float]] = {"raw": [], "ours": []}
    cpu_figures: dict[str, list[float]] = {"raw": [], "ours": []}
    for round_number in range(1, args.rounds + 1):
        for name, command, port, path in (
            ("raw", raw_command, raw_port, "/tickets"),
            ("ours", ours_command, ours_port, "/graphql"),
        ):
            server = Server(name, command, env, port)
            try:
                load(port, path, token, args.connections, args.warmup)
                profiler = None
                if args.profile and round_number == args.rounds:
                    # ours.svg -> ours.svg and ours.raw.svg; a .txt name: collapsed stacks
                    stem, dot, suffix = args.profile.rpartition(".")
                    output = args.profile if name == "ours" else f"{stem}.raw{dot}{suffix}"
                    form = ["--format", "raw"] if suffix == "txt" else []
                    profiler = subprocess.Popen(
                        [
                            "py-spy",
                            "record",
                            *form,
                            "--pid",
                            str(server.process.pid),
                            "--output",
                            output,
                            "--duration",
                            str(int(args.seconds)),
                            "--rate",
                            "250",
                            "--nonblocking",
                        ]  # fmt: skip
                    )
                cpu_before = cpu_seconds(server.process.pid)
                rate = load(port, path, token, args.connections, args.seconds)
                cpu = cpu_seconds(server.process.pid) - cpu_before
                if profiler is not None:
                    profiler.wait()
            finally:
                server.stop()
            figures[name].append(rate)
            per_request = cpu / (rate * args.seconds) * 1000
            cpu_figures[name].append(per_request)
            print(
                f"round {round_number} {name:5} {rate:8.1f} req/s"
                f"  server CPU {per_request:5.2f} ms/request",
                flush=True,
            )

    raw_median = statistics.median(figures["raw"])
    ours_median = statistics.median(figures["ours"])
    print(f"\nmedian: raw {raw_median:.1f} req/s, ours {ours_median:.1f} req/s")
    raw_cpu, ours_cpu = (statistics.median(cpu_figures[name]) for name in ("raw", "ours"))
    print(f"server CPU per request: raw {raw_cpu:.2f} ms, ours {ours_cpu:.2f} ms")
    print(f"raw/ours CPU per request: {raw_cpu / ours_cpu:.0%}")
    print(f"ours/raw: {ours_median / raw_median:.0%} (target 60%)")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_load":
        port, path, token, connections, seconds = sys.argv[2:7]
        try:
            import uvloop

            uvloop.install()
        except ImportError:
            pass
        rate = asyncio.run(_load(int(port), path, token, int(connections), float(seconds)))
        print(f"{rate:.2f}")
    else:
        main()
