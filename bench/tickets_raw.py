"""The RAW baseline of bench/tickets_list.py: a Starlette endpoint that runs the same SQL as
frontdesk's `tickets(first: 50)` with its nested fields, and returns the same JSON.

  python bench/tickets_raw.py --port 8766 --database-url postgres://...

GET or POST /tickets?first=50 with `Authorization: Bearer <access token>`:

1. the same sign-in as frontdesk (the access token's signature and claims, then ONE statement:
   the live session with its user and company);
2. the same eight statements frontdesk's DataLoaders run for the selection of QUERY in
   bench/tickets_list.py: the page of tickets (company, id descending, first + 1 rows), then
   by the ids found: customers, stages, users (assignees), contact persons (joined through
   ticket_contact), tasks, documents, and users again (representatives);
3. the same JSON (relay global IDs, ISO-8601 times), encoded with orjson.

It uses Tortoise's connection (asyncpg, the same pool settings as frontdesk) with hand-written
SQL: no models, no GraphQL. Served by uvicorn as `frontdesk serve` serves: one worker.
"""

from __future__ import annotations

import argparse
import base64
import sys
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jwt
import orjson
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from tortoise import connections
from tortoise.contrib.starlette import RegisterTortoise

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models import tortoise_config  # noqa: E402
from settings import get_settings  # noqa: E402

# Every column, as Tortoise selects them for frontdesk's model rows.
SESSION = (
    'SELECT s.*, u.*, c.* FROM "session" s LEFT OUTER JOIN "user" u ON u."id" = s."user_id" '
    'LEFT OUTER JOIN "company" c ON c."id" = u."company_id" '
    'WHERE s."id" = $1 AND s."revoked_at" IS NULL LIMIT $2'
)
TICKETS = 'SELECT * FROM "ticket" WHERE "company_id" = $1 ORDER BY "id" DESC LIMIT $2'
CUSTOMERS = 'SELECT * FROM "customer" WHERE "company_id" = $1 AND "id" IN ({})'
STAGES = 'SELECT * FROM "stage" WHERE "company_id" = $1 AND "id" IN ({})'
USERS = 'SELECT * FROM "user" WHERE "company_id" = $1 AND "id" IN ({})'
CONTACTS = (
    'SELECT tc.*, cp.* FROM "ticket_contact" tc '
    'LEFT OUTER JOIN "contact_person" cp ON cp."id" = tc."contact_id" '
    'WHERE tc."company_id" = $1 AND tc."ticket_id" IN ({}) ORDER BY tc."id"'
)
TASKS = (
    'SELECT * FROM "ticket_task" WHERE "company_id" = $1 AND "ticket_id" IN ({}) '
    'ORDER BY "created_at", "id"'
)
DOCUMENTS = (
    'SELECT * FROM "document" WHERE "company_id" = $1 AND "ticket_id" IN ({}) '
    'ORDER BY "created_at", "id"'
)


async def by_ids(db: Any, sql: str, company: int, ids: list[Any]) -> list[dict[str, Any]]:
    """`sql` for these ids, the list expanded into parameters as Tortoise does."""
    if not ids:
        return []  # a DataLoader with no keys runs nothing either
    markers = ",".join(f"${n}" for n in range(2, len(ids) + 2))
    return await db.execute_query_dict(sql.format(markers), [company, *ids])  # type: ignore[no-any-return]


def global_id(type_name: str, pk: Any) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def _grouped(rows: list[dict[str, Any]], ids: list[int], node: Any) -> dict[int, list[Any]]:
    grouped: dict[int, list[Any]] = {key: [] for key in ids}
    for row in rows:
        grouped[row["ticket_id"]].append(node(row))
    return grouped


async def tickets(request: Request) -> Response:
    db = connections.get("default")
    settings = get_settings()
    header = request.headers.get("authorization", "")
    try:
        claims = jwt.decode(
            header.removeprefix("Bearer "),
            settings.secret_key.get_secret_value(),
            algorithms=["HS256"],
            options={"require": ["exp", "sub", "sid", "typ"]},
        )
        session_id = uuid.UUID(claims["sid"])
    except (jwt.PyJWTError, ValueError, TypeError):
        return Response(b'{"errors":[{"message":"unauthenticated"}]}', status_code=401)
    found = await db.execute_query_dict(SESSION, [session_id, 2])
    if not found or not found[0]["is_active"] or found[0]["expires_at"] <= datetime.now(UTC):
        return Response(b'{"errors":[{"message":"unauthenticated"}]}', status_code=401)
    company = found[0]["company_id"]
    first = min(int(request.query_params.get("first", "50")), 100)

    rows = (await db.execute_query_dict(TICKETS, [company, first + 1]))[:first]
    ids = [row["id"] for row in rows]
    customer_ids = list(dict.fromkeys(row["customer_id"] for row in rows))
    customers = {r["id"]: r for r in await by_ids(db, CUSTOMERS, company, customer_ids)}
    stage_ids = list(dict.fromkeys(row["stage_id"] for row in rows))
    stages = {r["id"]: r for r in await by_ids(db, STAGES, company, stage_ids)}
    assignees = list(dict.fromkeys(row["assignee_id"] for row in rows if row["assignee_id"]))
    users = {r["id"]: r for r in await by_ids(db, USERS, company, assignees)}
    contacts = _grouped(
        await by_ids(db, CONTACTS, company, ids),
        ids,
        lambda r: {"id": global_id("ContactPerson", r["id"]), "name": r["name"]},
    )
    tasks = _grouped(
        await by_ids(db, TASKS, company, ids),
        ids,
        lambda r: {"id": global_id("TicketTask", r["id"]), "title": r["title"], "done": r["done"]},
    )
    documents = _grouped(
        await by_ids(db, DOCUMENTS, company, ids),
        ids,
        lambda r: {"id": global_id("Document", r["id"]), "filename": r["filename"]},
    )
    representatives = [
        pk
        for pk in dict.fromkeys(c["representative_id"] for c in customers.values())
        if pk is not None and pk not in users
    ]
    if representatives:
        for r in await by_ids(db, USERS, company, representatives):
            users[r["id"]] = r

    def user(pk: int | None) -> dict[str, Any] | None:
        if pk is None or pk not in users:
            return None
        return {"id": global_id("User", pk), "fullName": users[pk]["full_name"]}

    edges = []
    for row in rows:
        customer = customers[row["customer_id"]]
        stage = stages[row["stage_id"]]
        edges.append(
            {
                "node": {
                    "id": global_id("Ticket", row["id"]),
                    "number": row["number"],
                    "title": row["title"],
                    "importance": row["importance"],
                    "createdAt": row["created_at"].isoformat(),
                    "customer": {
                        "id": global_id("Customer", customer["id"]),
                        "name": customer["name"],
                        "representative": user(customer["representative_id"]),
                    },
                    "stage": {"id": global_id("Stage", stage["id"]), "name": stage["name"]},
                    "assignee": user(row["assignee_id"]),
                    "contacts": contacts[row["id"]],
                    "tasks": tasks[row["id"]],
                    "documents": documents[row["id"]],
                }
            }
        )
    body = orjson.dumps({"data": {"tickets": {"edges": edges}}})
    return Response(body, media_type="application/json")


async def healthz(request: Request) -> Response:
    return Response(b"ok")


def create_app(database_url: str) -> Starlette:
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with RegisterTortoise(app, config=tortoise_config(database_url)):
            yield

    routes = [
        Route("/tickets", tickets, methods=["GET", "POST"]),
        Route("/healthz", healthz),
    ]
    return Starlette(routes=routes, lifespan=lifespan)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--database-url", required=True)
    args = parser.parse_args()
    uvicorn.run(
        create_app(args.database_url),
        host="127.0.0.1",
        port=args.port,
        workers=1,
        log_level="info",  # as `frontdesk serve`: with the access log
    )


if __name__ == "__main__":
    main()
