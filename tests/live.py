"""A real uvicorn server in the test's event loop, and a small graphql-transport-ws client."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import uvicorn
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

TRANSPORT_WS = "graphql-transport-ws"


async def serve(app: Any) -> tuple[uvicorn.Server, asyncio.Task[None], str]:
    config = uvicorn.Config(
        app, host="127.0.0.1", port=0, lifespan="off", ws="websockets-sansio", log_level="warning"
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 - uvicorn offers no event for it
        await asyncio.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    return server, task, f"ws://127.0.0.1:{port}/graphql"


class Socket:
    """One signed-in graphql-transport-ws connection."""

    def __init__(self, connection: ClientConnection) -> None:
        self.connection = connection

    @classmethod
    async def open(cls, url: str, token: str) -> Socket:
        connection = await connect(url, subprotocols=[TRANSPORT_WS])
        await connection.send(
            json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}})
        )
        ack = json.loads(await asyncio.wait_for(connection.recv(), 5))
        assert ack["type"] == "connection_ack", ack
        return cls(connection)

    async def subscribe(self, query: str, operation_id: str = "1") -> None:
        await self.connection.send(
            json.dumps({"id": operation_id, "type": "subscribe", "payload": {"query": query}})
        )

    async def next(self, seconds: float = 5.0) -> dict[str, Any]:
        return (await self.next_message(seconds))["payload"]  # type: ignore[no-any-return]

    async def next_message(self, seconds: float = 5.0) -> dict[str, Any]:
        """The next `next` message, with its operation id."""
        message = json.loads(await asyncio.wait_for(self.connection.recv(), seconds))
        assert message["type"] == "next", message
        return message  # type: ignore[no-any-return]

    async def nothing_within(self, seconds: float) -> bool:
        try:
            message = await asyncio.wait_for(self.connection.recv(), seconds)
        except TimeoutError:
            return True
        except ConnectionClosed:
            return True
        raise AssertionError(f"unexpected message: {message}")

    async def closed_with(self, seconds: float = 5.0) -> int | None:
        try:
            while True:
                await asyncio.wait_for(self.connection.recv(), seconds)
        except ConnectionClosed as closed:
            return closed.rcvd.code if closed.rcvd else None

    async def close(self) -> None:
        await self.connection.close()
