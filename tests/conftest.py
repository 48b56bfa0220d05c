"""Test setup: a real database (a temp SQLite file, or FRONTDESK_DATABASE_URL's PostgreSQL),
migrated with the project's migrations, emptied before each test; the app over ASGI."""

from __future__ import annotations

import os
import tempfile
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
import tortoise.timezone
from aerich.models import Aerich
from tortoise import Tortoise
from tortoise.contrib.test import truncate_all_models

_scratch = tempfile.mkdtemp(prefix="frontdesk-tests-")
if not os.environ.get("FRONTDESK_DATABASE_URL", "").startswith(("postgres", "asyncpg")):
    os.environ["FRONTDESK_DATABASE_URL"] = f"sqlite://{_scratch}/test.sqlite3"
os.environ.setdefault("FRONTDESK_BROADCAST_URL", "memory://")
os.environ["FRONTDESK_ENV"] = "development"
os.environ["FRONTDESK_DEBUG"] = "1"
os.environ["FRONTDESK_PRESENCE_GRACE_PERIOD"] = "1"
os.environ["FRONTDESK_STORAGE_DIR"] = f"{_scratch}/storage"
from tests.mail import MAILBOX  # noqa: E402

# Mails go to the session's aiosmtpd (tests/mail.py); retries come due after milliseconds.
os.environ["FRONTDESK_SMTP_URL"] = f"smtp://127.0.0.1:{MAILBOX.port}"
os.environ["FRONTDESK_DELIVERY_BACKOFF"] = "0.05"

from app import create_app  # noqa: E402
from cli import apply_migrations  # noqa: E402
from models import clock as project_clock  # noqa: E402
from models import tortoise_config  # noqa: E402
from resolvers import ratelimit  # noqa: E402
from settings import get_settings  # noqa: E402
from tests.live import serve  # noqa: E402


@pytest.fixture(scope="session")
async def database() -> AsyncIterator[None]:
    settings = get_settings()
    await apply_migrations(settings.database_url)
    await Tortoise.init(config=tortoise_config(settings.database_url), _enable_global_fallback=True)
    yield
    await Tortoise.close_connections()


@pytest.fixture(scope="session", autouse=True)
def smtp_server() -> Any:
    """The real SMTP server every mail of the session goes to."""
    MAILBOX.start()
    yield MAILBOX
    MAILBOX.stop()


@pytest.fixture(scope="session")
async def app(database: None) -> AsyncIterator[Any]:
    """The app with its realtime parts running (the ORM is the session's own)."""
    app = create_app()
    await app.state.realtime.start()
    yield app
    await app.state.realtime.stop()


async def empty_tables() -> None:
    """Empty the tables of every model but aerich's migration history: a later session on the
    same PostgreSQL database must find its migrations applied, not run them again."""
    models = [m for m in Tortoise.apps.get_models_iterable() if m is not Aerich]
    db = models[0]._meta.db
    if db.capabilities.dialect == "postgres":
        tables = ", ".join(f'"{model._meta.db_table}"' for model in models)
        await db.execute_script(f"TRUNCATE {tables} CASCADE")
    else:  # SQLite: a new file each session, its history goes with it
        await truncate_all_models()


@pytest.fixture(autouse=True)
async def clean_state(app: Any) -> AsyncIterator[None]:
    await empty_tables()
    await ratelimit.login_limiter().reset()
    await app.state.realtime.liveness.reset()
    yield


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[project_clock.FrozenClock]:
    """The project's clock stopped at the real time of the test's start, for the test to move
    (`clock.advance(timedelta(days=31))`, `clock.set(...)`): time passes without sleeping."""
    with project_clock.frozen_clock() as frozen:
        # The created_at / updated_at columns Tortoise fills itself follow the same clock.
        monkeypatch.setattr(tortoise.timezone, "now", project_clock.now)
        yield frozen


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://frontdesk.test") as client:
        yield client


@pytest.fixture
async def ws_url(app: Any) -> AsyncIterator[str]:
    """The app behind a real uvicorn server on a free port: its WebSocket URL."""
    server, task, url = await serve(app)
    yield url
    server.should_exit = True
    await task
