"""The Starlette application: /graphql (HTTP and WebSocket), /healthz, and the lifespan."""

from __future__ import annotations

import asyncio
import gc
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, RedirectResponse
from starlette.routing import Route, WebSocketRoute
from tortoise import connections
from tortoise.contrib.starlette import RegisterTortoise

from models import tortoise_config
from notifiers.dispatcher import Dispatcher, set_current_dispatcher
from resolvers import presence
from resolvers.tickets import documents
from schema import build_schema, debug
from schema.view import GraphQLView
from settings import Settings, get_settings
from subscriptions.bus import EventBus, set_current_bus
from subscriptions.connections import OpenSockets
from subscriptions.presence import (
    HEARTBEAT_INTERVAL,
    make_liveness,
    set_current_liveness,
)

logger = logging.getLogger("frontdesk")
SWEEP_INTERVAL = 1.0


class Realtime:
    """The process's live parts: the bus, connection liveness, open sockets, the notification
    dispatcher, and the loops that close revoked sessions' sockets and apply presence changes
    that time decides (and, with `start_dispatcher`, deliver the outbox)."""

    def __init__(self, settings: Settings) -> None:
        self.bus = EventBus(settings.broadcast_url)
        self.liveness = make_liveness(settings.broadcast_url)
        self.sockets = OpenSockets()
        self.dispatcher = Dispatcher(settings, bus=self.bus)
        self._tasks: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        await self.bus.connect()
        set_current_bus(self.bus)
        set_current_liveness(self.liveness)
        set_current_dispatcher(self.dispatcher)
        watching = asyncio.Event()
        self._tasks.append(asyncio.create_task(self.sockets.watch(self.bus, watching)))
        await watching.wait()
        self._tasks.append(asyncio.create_task(self._tend_presence()))

    def start_dispatcher(self) -> None:
        """Deliver the outbox in this process until stopped."""
        self._tasks.append(asyncio.create_task(self.dispatcher.run()))

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks.clear()
        await self.dispatcher.close()
        await self.bus.disconnect()
        await self.liveness.close()
        set_current_bus(None)
        set_current_liveness(None)
        set_current_dispatcher(None)

    async def _tend_presence(self) -> None:
        last_heartbeat = 0.0
        while True:
            try:
                # Renew this process's sockets every interval, and at once when Redis lost
                # them (a restart forgets everything).
                forgot = await self.liveness.forgot()
                if forgot or time.monotonic() - last_heartbeat >= HEARTBEAT_INTERVAL:
                    await self.liveness.heartbeat()
                    await presence.reassert(set(self.liveness.local.values()))
                    last_heartbeat = time.monotonic()
                await presence.sweep()
            except Exception:  # noqa: BLE001 - Redis or the database may be away; try again
                logger.exception("presence sweep failed; retrying")
            await asyncio.sleep(SWEEP_INTERVAL)


def tune_garbage_collector() -> None:
    """Fewer, cheaper collections for a server that holds thousands of sockets.

    With many subscriptions open the heap is large, and every full collection walks it: the
    fan-out benchmark saw the collector take half the CPU of delivering one event. What exists
    at start-up (modules, schema, ORM) lives as long as the process, so it is frozen out of
    the collector's sight; young collections run after 20,000 allocations instead of 700."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)


def create_app(settings: Settings | None = None) -> Starlette:
    """The frontdesk ASGI application for `settings` (default: the environment's)."""
    settings = settings or get_settings()
    if settings.debug:
        debug.install()
    realtime = Realtime(settings)
    view = GraphQLView(build_schema(settings), settings, realtime.sockets)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with RegisterTortoise(app, config=tortoise_config(settings.database_url)):
            await realtime.start()
            if settings.serve_dispatcher:
                realtime.start_dispatcher()
            tune_garbage_collector()
            try:
                yield
            finally:
                await realtime.stop()

    async def healthz(request: Request) -> JSONResponse:
        try:
            await connections.get("default").execute_query("SELECT 1")
            database = "ok"
        except Exception as exc:  # noqa: BLE001 - any failure means "not healthy"
            database = f"unavailable: {type(exc).__name__}"
        broadcast = await realtime.bus.health()
        healthy = database == "ok" and broadcast == "ok"
        return JSONResponse(
            {
                "status": "ok" if healthy else "degraded",
                "database": database,
                "broadcast": broadcast,
            },
            status_code=200 if healthy else 503,
        )

    async def download(request: Request) -> FileResponse | PlainTextResponse:
        # The signed link of Document.url: right signature, not expired, and its user still an
        # active member of the document's company; anything else is the same 404.
        query = request.query_params
        found = await documents.open_download(
            request.path_params["document_id"],
            query.get("user", ""),
            query.get("expires", ""),
            query.get("signature", ""),
        )
        if found is None:
            return PlainTextResponse("Not Found", status_code=404)
        return FileResponse(
            found.path,
            media_type=found.content_type,
            filename=found.filename,
            headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store"},
        )

    async def home(request: Request) -> RedirectResponse:
        return RedirectResponse("/graphql")

    routes = [
        Route("/healthz", healthz),
        Route("/documents/{document_id}", download, methods=["GET"]),
        Route("/graphql", view, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", view),
    ]
    if settings.graphiql_enabled:
        routes.append(Route("/", home))
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.settings = settings
    app.state.realtime = realtime
    return app
