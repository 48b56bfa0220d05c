"""The Starlette application: /graphql (HTTP and WebSocket), /healthz, and the lifespan."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse
from starlette.routing import Route, WebSocketRoute
from tortoise import connections
from tortoise.contrib.starlette import RegisterTortoise

from models import tortoise_config
from schema import build_schema, debug
from schema.view import GraphQLView
from settings import Settings, get_settings
from subscriptions.bus import EventBus

logger = logging.getLogger("frontdesk")


def create_app(settings: Settings | None = None) -> Starlette:
    """The frontdesk ASGI application for `settings` (default: the environment's)."""
    settings = settings or get_settings()
    if settings.debug:
        debug.install()
    bus = EventBus(settings.broadcast_url)
    view = GraphQLView(build_schema(settings), settings)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with RegisterTortoise(app, config=tortoise_config(settings.database_url)):
            await bus.connect()
            try:
                yield
            finally:
                await bus.disconnect()

    async def healthz(request: Request) -> JSONResponse:
        try:
            await connections.get("default").execute_query("SELECT 1")
            database = "ok"
        except Exception as exc:  # noqa: BLE001 - any failure means "not healthy"
            database = f"unavailable: {type(exc).__name__}"
        broadcast = await bus.health()
        healthy = database == "ok" and broadcast == "ok"
        return JSONResponse(
            {
                "status": "ok" if healthy else "degraded",
                "database": database,
                "broadcast": broadcast,
            },
            status_code=200 if healthy else 503,
        )

    async def home(request: Request) -> RedirectResponse:
        return RedirectResponse("/graphql")

    routes = [
        Route("/healthz", healthz),
        Route("/graphql", view, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", view),
    ]
    if settings.graphiql_enabled:
        routes.append(Route("/", home))
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.settings = settings
    app.state.bus = bus
    return app
