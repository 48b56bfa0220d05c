"""GraphQL over HTTP at its edges: bodies that are no request, documents that name no operation."""

import pytest

TWO_OPERATIONS = "query A { languages { code } } query B { languages { name } }"
GRAPHQL_RESPONSE = "application/graphql-response+json"


@pytest.mark.parametrize("body", ['"{ languages { code } }"', "42", "null", "true", "[1, 2]"])
async def test_a_json_body_that_is_no_request_object_is_400_with_a_graphql_error(client, body):
    response = await client.post(
        "/graphql", content=body, headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/json")
    errors = response.json()["errors"]
    assert len(errors) == 1 and errors[0]["message"]
    assert "data" not in response.json()


async def test_an_array_is_no_batch_here(client):
    response = await client.post("/graphql", json=[{"query": "{ languages { code } }"}])

    assert response.status_code == 400
    assert response.json()["errors"][0]["message"]


@pytest.mark.parametrize("accept", ["application/json", GRAPHQL_RESPONSE])
async def test_several_operations_without_an_operation_name_are_refused(client, accept):
    response = await client.post(
        "/graphql", json={"query": TWO_OPERATIONS}, headers={"Accept": accept}
    )

    body = response.json()
    assert response.status_code == (200 if accept == "application/json" else 400)
    assert body.get("data") is None
    assert "operation name" in body["errors"][0]["message"].lower()


async def test_an_operation_name_picks_one_of_several(client):
    response = await client.post("/graphql", json={"query": TWO_OPERATIONS, "operationName": "B"})

    assert response.status_code == 200
    assert response.json()["data"]["languages"][0]["name"] == "English"


async def test_several_operations_over_get_without_a_name_are_refused(client):
    response = await client.get("/graphql", params={"query": TWO_OPERATIONS})

    assert response.json().get("data") is None
    assert "operation name" in response.json()["errors"][0]["message"].lower()
