import httpx
import pytest
from graphql.error import GraphQLError
from strawberry.types import ExecutionContext

from app import create_app
from schema.errors import ErrorPolicy
from settings import DEVELOPMENT_SECRET_KEY, Settings, SettingsError, load_settings
from tests.graphql import sign_up

PRODUCTION_SECRET = "p" * 48


def production_settings(**overrides):
    return Settings(env="production", secret_key=PRODUCTION_SECRET, **overrides)


@pytest.fixture
async def production_client():
    app = create_app(production_settings())
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://frontdesk.test") as client:
        yield client


async def test_queries_work_over_get_and_mutations_do_not(client):
    query = await client.get("/graphql", params={"query": "{ languages { code } }"})
    mutation = await client.get(
        "/graphql", params={"query": "mutation { logout { errors { code } } }"}
    )

    assert query.json()["data"]["languages"][0] == {"code": "en"}
    assert mutation.status_code == 405


async def test_graphiql_is_served_in_development(client):
    response = await client.get("/graphql", headers={"Accept": "text/html"})

    assert response.status_code == 200
    assert "graphiql" in response.text.lower()


async def test_a_query_deeper_than_the_limit_is_refused_before_it_runs():
    app = create_app(Settings(max_query_depth=2))
    transport = httpx.ASGITransport(app=app)
    deep = "{ users { edges { node { company { name } } } } }"
    shallow = "{ users { totalCount } }"
    async with httpx.AsyncClient(transport=transport, base_url="http://frontdesk.test") as client:
        refused = (await client.post("/graphql", json={"query": deep})).json()
        allowed = (await client.post("/graphql", json={"query": shallow})).json()

    assert refused.get("data") is None
    assert "exceeds maximum operation depth" in refused["errors"][0]["message"]
    assert allowed["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_huge_queries_are_refused_by_token_count(client):
    query = "{ " + " ".join("languages { code }" for _ in range(1000)) + " }"

    body = (await client.post("/graphql", json={"query": query})).json()

    assert body.get("data") is None
    assert "token" in body["errors"][0]["message"].lower()


async def test_healthz_reports_the_database_and_the_broadcast_backend(app):
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://frontdesk.test") as c:
        response = await c.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broadcast": "ok"}


async def test_every_response_counts_its_sql_statements_in_debug_mode(client):
    owner = await sign_up(client)

    response = await client.post(
        "/graphql",
        json={"query": "{ me { email company { name } } }"},
        headers={"Authorization": f"Bearer {owner.token}"},
    )

    assert response.json()["extensions"]["debug"] == {"sqlStatements": 2}


async def test_production_hides_introspection_suggestions_and_graphiql(production_client):
    introspection = await production_client.post(
        "/graphql", json={"query": "{ __schema { types { name } } }"}
    )
    typo = await production_client.post("/graphql", json={"query": "{ languagez { code } }"})
    graphiql = await production_client.get("/graphql", headers={"Accept": "text/html"})

    assert introspection.json()["data"] is None
    assert "introspection" in introspection.json()["errors"][0]["message"].lower()
    assert "Did you mean" not in typo.json()["errors"][0]["message"]
    assert "languagez" in typo.json()["errors"][0]["message"]
    assert graphiql.status_code == 404


async def test_production_still_answers_validation_errors_readably(production_client):
    response = await production_client.post("/graphql", json={"query": "{ me { nope } }"})

    assert "Cannot query field 'nope'" in response.json()["errors"][0]["message"]


def _policy_result(mask: bool, language: str = "en"):
    from resolvers.context import Context

    policy = ErrorPolicy(mask_unexpected=mask)
    context = Context(language=language, request_id="req-123")
    error = GraphQLError("boom: SELECT secret FROM users", original_error=RuntimeError("boom"))
    policy.execution_context = ExecutionContext(
        query="{ me { id } }", schema=None, allowed_operations=frozenset(), context=context
    )
    return policy._process_errors([error])[0]


def test_unexpected_errors_are_masked_behind_a_request_id_in_production():
    masked = _policy_result(mask=True, language="tr")

    assert "SELECT" not in masked.message
    assert "req-123" in masked.message
    assert masked.extensions == {"code": "INTERNAL_ERROR", "requestId": "req-123"}


def test_unexpected_errors_keep_their_message_in_development():
    shown = _policy_result(mask=False)

    assert shown.message.startswith("boom")
    assert shown.extensions["requestId"] == "req-123"


def test_production_refuses_to_start_without_a_real_secret(monkeypatch):
    monkeypatch.setenv("FRONTDESK_ENV", "production")
    for secret in (None, DEVELOPMENT_SECRET_KEY, "short"):
        if secret is None:
            monkeypatch.delenv("FRONTDESK_SECRET_KEY", raising=False)
        else:
            monkeypatch.setenv("FRONTDESK_SECRET_KEY", secret)
        with pytest.raises(SettingsError, match="FRONTDESK_SECRET_KEY"):
            load_settings()


def test_bad_settings_name_the_variable(monkeypatch):
    monkeypatch.setenv("FRONTDESK_ACCESS_TOKEN_TTL", "soon")
    monkeypatch.setenv("FRONTDESK_BROADCAST_URL", "kafka://x")
    monkeypatch.setenv("FRONTDESK_LOGIN_LIMIT_PER_ACCOUNT", "lots")

    with pytest.raises(SettingsError) as raised:
        load_settings()

    message = str(raised.value)
    for name in (
        "FRONTDESK_ACCESS_TOKEN_TTL",
        "FRONTDESK_BROADCAST_URL",
        "FRONTDESK_LOGIN_LIMIT_PER_ACCOUNT",
    ):
        assert name in message
