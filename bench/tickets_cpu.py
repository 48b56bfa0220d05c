"""CPU time per request of bench/tickets_list.py's query, in one process and without the
network: frontdesk's ASGI app and the raw endpoint (bench/tickets_raw.py) called directly,
one request after the other, on the same database and Tortoise pool.

  python bench/tickets_cpu.py --database-url postgres://postgres@127.0.0.1:5432/frontdesk_bench
  py-spy record --format raw -o cpu.txt -- python bench/tickets_cpu.py --database-url ...

A diagnostic, steadier than tickets_list.py on a shared machine (process CPU time, the best
of several runs of each, interleaved): it leaves out what both servers pay alike (uvicorn,
the sockets, the load generator) and the effects of concurrency, so its ratio is higher than
tickets_list.py's.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import secrets
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]


async def call(app: Any, path: str, body: bytes, token: str | None = None) -> bytes:
    """One POST through the ASGI app; the response body."""
    headers = [(b"content-type", b"application/json"), (b"host", b"127.0.0.1")]
    if token:
        headers.append((b"authorization", f"Bearer {token}".encode()))
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 40000),
        "server": ("127.0.0.1", 80),
        "state": {},
    }
    messages = [{"type": "http.request", "body": body, "more_body": False}]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        if messages:
            return messages.pop()
        await asyncio.Event().wait()  # no disconnect while the answer goes out
        raise AssertionError

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    return b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


async def measure(database_url: str, requests: int, rounds: int) -> None:
    from tickets_list import LOGIN, QUERY
    from tickets_raw import create_app as create_raw_app

    from app import create_app

    ours, raw = create_app(), create_raw_app(database_url)
    figures: dict[str, float] = {}
    async with ours.router.lifespan_context(ours):  # Tortoise for both
        signed_in = await call(ours, "/graphql", json.dumps({"query": LOGIN}).encode())
        token = json.loads(signed_in)["data"]["login"]["accessToken"]
        body = json.dumps({"query": QUERY}).encode()
        answers = [
            await call(app, path, body, token)
            for app, path in ((ours, "/graphql"), (raw, "/tickets"))
        ]
        if json.loads(answers[0]) != json.loads(answers[1]):
            raise SystemExit("the two answers differ (see tickets_list.py)")
        servers = (("ours", ours, "/graphql"), ("raw", raw, "/tickets"))
        for _, app, path in servers:
            for _ in range(30):  # warm-up: caches, prepared statements, pool
                await call(app, path, body, token)
        runs: dict[str, list[float]] = {name: [] for name, _, _ in servers}
        for _ in range(rounds):  # interleaved, so that both see the same machine
            for name, app, path in servers:
                started = time.process_time()
                for _ in range(requests):
                    await call(app, path, body, token)
                runs[name].append((time.process_time() - started) / requests * 1000)
        for name, figures_of_runs in runs.items():
            figures[name] = min(figures_of_runs)
            shown = ", ".join(f"{run:.2f}" for run in sorted(figures_of_runs))
            print(f"{name:4} {figures[name]:6.2f} ms CPU per request (runs, sorted: {shown})")
    print(f"raw/ours: {figures['raw'] / figures['ours']:.0%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--requests", type=int, default=100, help="per run")
    parser.add_argument("--rounds", type=int, default=9, help="runs of each, interleaved")
    args = parser.parse_args()
    os.environ.update(
        FRONTDESK_ENV="production",
        FRONTDESK_SECRET_KEY=secrets.token_urlsafe(48),
        FRONTDESK_DATABASE_URL=args.database_url,
        FRONTDESK_BROADCAST_URL="memory://",
        FRONTDESK_LOGIN_LIMIT_PER_ACCOUNT="100000/minute",
        FRONTDESK_LOGIN_LIMIT_PER_ADDRESS="100000/minute",
        FRONTDESK_DEBUG="0",
    )
    logging.disable(logging.CRITICAL)  # no access log here: neither server writes one
    try:
        import uvloop

        uvloop.install()  # as uvicorn runs both servers
    except ImportError:
        pass
    asyncio.run(measure(args.database_url, args.requests, args.rounds))


if __name__ == "__main__":
    main()
