"""The `frontdesk` command: serve, the notification worker, admin tasks, migrations and the
schema export."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

from settings import Settings, SettingsError, get_settings

ROOT = Path(__file__).resolve().parent
MIGRATIONS = ROOT / "migrations"
T = TypeVar("T")


def _settings() -> Settings:
    try:
        return get_settings()
    except SettingsError as exc:
        sys.exit(f"frontdesk: {exc}")


async def _with_orm(database_url: str, job: Callable[[], Awaitable[T]]) -> T:
    from tortoise import Tortoise

    from models import tortoise_config

    await Tortoise.init(config=tortoise_config(database_url), _enable_global_fallback=True)
    try:
        return await job()
    finally:
        await Tortoise.close_connections()


async def apply_migrations(database_url: str) -> list[str]:
    """Bring the database up to the latest migration of its dialect; returns what ran."""
    from aerich import Command

    from models import dialect_of, tortoise_config

    location = str(MIGRATIONS / dialect_of(database_url))
    async with Command(tortoise_config(database_url), app="models", location=location) as command:
        await command.init()
        return await command.upgrade()


def _migration_in_subprocess(dialect: str, database_url: str, name: str, into: Path) -> str:
    """Run aerich for one dialect in a process of its own and return the file it wrote.

    aerich keeps its state on the Migrate class (dialect, DDL, queued operations): a second
    dialect in the same process gets the first one's SQL mixed into its migration."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "_migration", dialect, name, database_url]
        + [str(into)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(f"frontdesk: aerich failed for {dialect}:\n{result.stderr.strip()}")
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


async def _one_migration(dialect: str, name: str, database_url: str, into: Path) -> str:
    from aerich import Command

    from models import tortoise_config

    location = str(into / dialect)
    async with Command(tortoise_config(database_url), app="models", location=location) as command:
        if not (into / dialect / "models").exists():
            await command.init_migrations(safe=True)
            return "initial"
        await command.init(offline=True)
        return await command.migrate(name, no_input=True, offline=True) or ""


def _dialect_urls(postgres_url: str) -> dict[str, str]:
    return {"sqlite": "sqlite://:memory:", "postgres": postgres_url}


async def make_migrations(name: str, postgres_url: str) -> list[str]:
    """Write a migration for each dialect from the change of the models (aerich, offline)."""
    made = []
    for dialect, url in _dialect_urls(postgres_url).items():
        written = _migration_in_subprocess(dialect, url, name, MIGRATIONS)
        if written:
            made.append(f"{dialect}: {written}")
    return made


async def pending_model_changes(postgres_url: str) -> list[str]:
    """Per dialect, the migration that the models would need now (empty when none)."""
    pending = []
    with tempfile.TemporaryDirectory() as scratch:
        for dialect, url in _dialect_urls(postgres_url).items():
            shutil.copytree(MIGRATIONS / dialect, Path(scratch) / dialect)
            written = _migration_in_subprocess(dialect, url, "pending", Path(scratch))
            if written:
                pending.append(f"{dialect}: {written}")
    return pending


def cmd_serve(args: argparse.Namespace) -> None:
    import uvicorn

    settings = _settings()
    if not args.no_migrate:
        ran = asyncio.run(apply_migrations(settings.database_url))
        for name in ran:
            print(f"migrated: {name}")
    if args.demo:
        from resolvers.demo import seed_demo

        print(asyncio.run(_with_orm(settings.database_url, seed_demo)))
    if settings.graphiql_enabled:
        print(f"GraphiQL: http://{args.host}:{args.port}/graphql")
    uvicorn.run(
        "app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        ws="websockets-sansio",
        ws_per_message_deflate=False,
        proxy_headers=True,
        forwarded_allow_ips=args.forwarded_allow_ips,
        log_level="info",
    )


def cmd_worker(args: argparse.Namespace) -> None:
    settings = _settings()

    async def job() -> None:
        import signal

        from notifiers.dispatcher import Dispatcher, set_current_dispatcher
        from subscriptions.bus import EventBus

        bus = EventBus(settings.broadcast_url)  # notificationReceived goes out through it
        await bus.connect()
        dispatcher = Dispatcher(settings, bus=bus, name=args.name)
        set_current_dispatcher(dispatcher)
        try:
            if args.once:
                print(f"delivered or tried: {await dispatcher.deliver_due()}", flush=True)
                return
            running = asyncio.current_task()
            assert running is not None
            loop = asyncio.get_running_loop()
            for stop in (signal.SIGTERM, signal.SIGINT):
                loop.add_signal_handler(stop, running.cancel)
            print(f"frontdesk worker {dispatcher.name}: delivering", flush=True)
            try:
                await dispatcher.run()
            except asyncio.CancelledError:
                print(f"frontdesk worker {dispatcher.name}: stopped", flush=True)
        finally:
            await dispatcher.close()
            await bus.disconnect()

    asyncio.run(_with_orm(settings.database_url, job))


def cmd_migrate(args: argparse.Namespace) -> None:
    settings = _settings()
    ran = asyncio.run(apply_migrations(settings.database_url))
    print("\n".join(f"migrated: {name}" for name in ran) or "database is up to date")


def cmd_makemigrations(args: argparse.Namespace) -> None:
    made = asyncio.run(make_migrations(args.name, args.postgres_url))
    print("\n".join(made) or "no model changes")


def cmd_check_migrations(args: argparse.Namespace) -> None:
    pending = asyncio.run(pending_model_changes(args.postgres_url))
    if pending:
        sys.exit(
            "models changed without a migration; run `frontdesk makemigrations NAME`:\n  "
            + "\n  ".join(pending)
        )
    print("migrations match the models (sqlite and postgres)")


def cmd_seed_demo(args: argparse.Namespace) -> None:
    from resolvers.demo import seed_demo

    settings = _settings()
    asyncio.run(apply_migrations(settings.database_url))
    print(asyncio.run(_with_orm(settings.database_url, lambda: seed_demo(args.tickets))))


def cmd_create_user(args: argparse.Namespace) -> None:
    from resolvers.demo import create_user

    settings = _settings()
    password = args.password or getpass.getpass("Password: ")

    async def job() -> str:
        return await create_user(
            company_name=args.company,
            email=args.email,
            full_name=args.name,
            role=args.role,
            password=password,
        )

    asyncio.run(apply_migrations(settings.database_url))
    try:
        print(asyncio.run(_with_orm(settings.database_url, job)))
    except ValueError as exc:
        sys.exit(f"frontdesk: {exc}")


def cmd_export_schema(args: argparse.Namespace) -> None:
    from schema import schema

    sdl = schema.as_str() + "\n"
    if args.output == "-":
        sys.stdout.write(sdl)
    else:
        Path(args.output).write_text(sdl, encoding="utf-8")
        print(f"wrote {args.output}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="frontdesk", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the API (applies pending migrations)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--no-migrate", action="store_true", help="do not apply migrations")
    serve.add_argument("--demo", action="store_true", help="add the demo company if missing")
    serve.add_argument(
        "--forwarded-allow-ips",
        default="127.0.0.1",
        help="proxies whose X-Forwarded-For is trusted (the client address of rate limits)",
    )
    serve.set_defaults(run=cmd_serve)

    worker = commands.add_parser("worker", help="deliver notifications (the outbox) until stopped")
    worker.add_argument("--once", action="store_true", help="deliver what is due now, then exit")
    worker.add_argument("--name", help="how deliveries name this worker (default host:pid)")
    worker.set_defaults(run=cmd_worker)

    commands.add_parser("migrate", help="apply pending migrations").set_defaults(run=cmd_migrate)

    postgres_default = "postgres://postgres@127.0.0.1:5432/postgres"
    make = commands.add_parser("makemigrations", help="write migrations for model changes")
    make.add_argument("name")
    make.add_argument("--postgres-url", default=postgres_default)
    make.set_defaults(run=cmd_makemigrations)

    check = commands.add_parser("check-migrations", help="fail if a model change lacks one")
    check.add_argument("--postgres-url", default=postgres_default)
    check.set_defaults(run=cmd_check_migrations)

    seed = commands.add_parser("seed-demo", help="add the demo company and its support records")
    seed.add_argument(
        "--tickets", type=int, default=0, help="add this many more tickets (benchmark data)"
    )
    seed.set_defaults(run=cmd_seed_demo)

    create = commands.add_parser("create-user", help="add a user (and his company if new)")
    create.add_argument("--email", required=True)
    create.add_argument("--name", required=True)
    create.add_argument("--company", required=True, help="company name (created if missing)")
    create.add_argument("--role", default="OWNER", choices=["OWNER", "ADMIN", "AGENT"])
    create.add_argument("--password", help="asked for when left out")
    create.set_defaults(run=cmd_create_user)

    export = commands.add_parser("export-schema", help="write the GraphQL SDL")
    export.add_argument("--output", default=str(ROOT / "schema.graphql"))
    export.set_defaults(run=cmd_export_schema)

    one = commands.add_parser("_migration")  # internal: one dialect, in its own process
    one.add_argument("dialect")
    one.add_argument("name")
    one.add_argument("database_url")
    one.add_argument("into")
    one.set_defaults(
        run=lambda a: print(
            asyncio.run(_one_migration(a.dialect, a.name, a.database_url, Path(a.into)))
        )
    )

    args = parser.parse_args(argv)
    args.run(args)


if __name__ == "__main__":
    main()
