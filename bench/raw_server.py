"""The RAW baseline of bench/fanout.py: the least a Starlette app can do to fan one event out.

  python bench/raw_server.py --port 8765

- WebSocket /ws: accepted (with the graphql-transport-ws subprotocol when offered), kept in a
  set, then only read until the client goes away.
- POST /publish, body {"status": "ONLINE"|"BUSY", ...}: builds ONE JSON text shaped like
  frontdesk's `next` message of `presenceChanged` (same keys, same kind of values, same size
  give or take a byte), encodes it once, and sends it to every connected socket with a plain
  sequential loop of `await websocket.send_text(text)` (no gather, no per-socket task), then
  answers {"sent": n}.
- GET /healthz: 200.

Served by uvicorn exactly as `frontdesk serve` serves frontdesk: ws="websockets-sansio",
ws_per_message_deflate=False, one process, log_level="info".
"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

SUBPROTOCOL = "graphql-transport-ws"
# What frontdesk puts in user.id: a relay global id, base64("User:<pk>").
DEFAULT_USER_ID = "VXNlcjox"

sockets: set[WebSocket] = set()
_previous = {"status": "OFFLINE"}


def next_message(status: str, previous: str, user_id: str, full_name: str) -> str:
    """The same shape as frontdesk's graphql-transport-ws `next` for presenceChanged."""
    return json.dumps(
        {
            "id": "1",
            "type": "next",
            "payload": {
                "data": {
                    "presenceChanged": {
                        "status": status,
                        "previous": previous,
                        "at": datetime.now(UTC).isoformat(),
                        "user": {"id": user_id, "fullName": full_name},
                    }
                }
            },
        },
        separators=(",", ":"),
    )


async def ws_endpoint(websocket: WebSocket) -> None:
    offered = websocket.scope.get("subprotocols") or []
    await websocket.accept(subprotocol=SUBPROTOCOL if SUBPROTOCOL in offered else None)
    sockets.add(websocket)
    try:
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                break
    except WebSocketDisconnect:
        pass
    finally:
        sockets.discard(websocket)


async def publish(request: Request) -> JSONResponse:
    body = await request.json()
    status = body.get("status", "ONLINE")
    text = next_message(
        status,
        _previous["status"],
        body.get("userId", DEFAULT_USER_ID),
        body.get("fullName", "Bench Owner"),
    )
    _previous["status"] = status
    sent = 0
    for websocket in list(sockets):  # a plain sequential loop: the cheapest fan-out there is
        try:
            await websocket.send_text(text)
            sent += 1
        except Exception:  # noqa: BLE001 - a socket closing meanwhile
            sockets.discard(websocket)
    return JSONResponse({"sent": sent, "bytes": len(text)})


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok", "sockets": len(sockets)})


app = Starlette(
    routes=[
        Route("/healthz", healthz),
        Route("/publish", publish, methods=["POST"]),
        WebSocketRoute("/ws", ws_endpoint),
    ]
)


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        ws="websockets-sansio",
        ws_per_message_deflate=False,
        log_level="info",
    )


if __name__ == "__main__":
    main()
