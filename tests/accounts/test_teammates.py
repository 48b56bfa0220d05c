from models.accounts import Company, User
from tests.graphql import ME, gql, invite, login, sign_up

USERS = """
query Users($first: Int, $after: String) {
  users(first: $first, after: $after) {
    totalCount
    edges { cursor node { email role company { name } } }
    pageInfo { hasNextPage endCursor }
  }
}
"""
DEACTIVATE = """
mutation D($id: ID!) {
  deactivateUser(input: {userId: $id}) { user { isActive } errors { field code } }
}
"""
REACTIVATE = """
mutation R($id: ID!) {
  reactivateUser(input: {userId: $id}) { user { isActive } errors { field code } }
}
"""
CHANGE_ROLE = """
mutation C($id: ID!, $role: Role!) {
  changeUserRole(input: {userId: $id, role: $role}) { user { role } errors { field code } }
}
"""


async def add_teammates(owner_company_id: int, count: int) -> None:
    await User.bulk_create(
        [
            User(company_id=owner_company_id, email=f"agent{i}@acme.example", full_name=f"A {i}")
            for i in range(count)
        ]
    )


async def test_users_pages_through_the_company_with_a_cursor(client):
    owner = await sign_up(client)
    company = await Company.get(name="Acme")
    await add_teammates(company.pk, 4)

    first_page = (await gql(client, USERS, {"first": 3}, token=owner.token))["data"]["users"]
    rest = (
        await gql(
            client,
            USERS,
            {"first": 3, "after": first_page["pageInfo"]["endCursor"]},
            token=owner.token,
        )
    )["data"]["users"]

    assert first_page["totalCount"] == 5
    assert [e["node"]["email"] for e in first_page["edges"]] == [
        "owner@acme.example",
        "agent0@acme.example",
        "agent1@acme.example",
    ]
    assert first_page["pageInfo"]["hasNextPage"] is True
    assert [e["node"]["email"] for e in rest["edges"]] == [
        "agent2@acme.example",
        "agent3@acme.example",
    ]
    assert rest["pageInfo"]["hasNextPage"] is False


async def test_a_page_holds_at_most_100_users(client):
    owner = await sign_up(client)
    await add_teammates((await Company.get(name="Acme")).pk, 120)

    page = (await gql(client, USERS, {"first": 500}, token=owner.token))["data"]["users"]

    assert len(page["edges"]) == 100
    assert page["totalCount"] == 121
    assert page["pageInfo"]["hasNextPage"] is True


async def test_bad_page_arguments_are_errors(client):
    owner = await sign_up(client)

    negative = await gql(client, USERS, {"first": -1}, token=owner.token)
    bad_cursor = await gql(client, USERS, {"after": "bm9wZQ=="}, token=owner.token)

    assert negative["errors"][0]["extensions"]["code"] == "INVALID_PAGE_SIZE"
    assert bad_cursor["errors"][0]["extensions"]["code"] == "INVALID_CURSOR"


async def test_the_user_list_costs_the_same_statements_for_any_page_size(client):
    owner = await sign_up(client)
    await add_teammates((await Company.get(name="Acme")).pk, 60)

    counts = []
    for size in (5, 20, 60):
        response = await client.post(
            "/graphql",
            json={"query": USERS, "variables": {"first": size}},
            headers={"Authorization": f"Bearer {owner.token}"},
        )
        counts.append(response.json()["extensions"]["debug"]["sqlStatements"])

    # session check, page, company loader, count
    assert counts == [4, 4, 4]


async def test_a_deactivated_user_is_signed_out_and_cannot_sign_in(client):
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")

    result = await gql(client, DEACTIVATE, {"id": agent.id}, token=owner.token)

    assert result["data"]["deactivateUser"] == {"user": {"isActive": False}, "errors": []}
    assert (await gql(client, ME, token=agent.token))["errors"][0]["extensions"]["code"] == (
        "UNAUTHENTICATED"
    )
    assert (await login(client, agent.email))["errors"][0]["code"] == "INVALID_CREDENTIALS"

    back = await gql(client, REACTIVATE, {"id": agent.id}, token=owner.token)
    assert back["data"]["reactivateUser"]["user"] == {"isActive": True}
    assert (await login(client, agent.email))["errors"] == []


async def test_nobody_deactivates_himself_or_the_owner_and_agents_nobody(client):
    owner = await sign_up(client)
    admin = await invite(client, owner, "admin@acme.example", role="ADMIN")
    agent = await invite(client, owner, "agent@acme.example")

    on_self = await gql(client, DEACTIVATE, {"id": admin.id}, token=admin.token)
    on_owner = await gql(client, DEACTIVATE, {"id": owner.id}, token=admin.token)
    by_agent = await gql(client, DEACTIVATE, {"id": admin.id}, token=agent.token)

    assert on_self["data"]["deactivateUser"]["errors"][0]["code"] == "CANNOT_CHANGE_SELF"
    assert on_owner["data"]["deactivateUser"]["errors"][0]["code"] == "CANNOT_CHANGE_OWNER"
    assert by_agent["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert await User.filter(is_active=True).count() == 3


async def test_a_role_change_takes_effect_and_renews_sessions(client):
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")

    result = await gql(client, CHANGE_ROLE, {"id": agent.id, "role": "ADMIN"}, token=owner.token)
    refused = await gql(client, CHANGE_ROLE, {"id": owner.id, "role": "AGENT"}, token=owner.token)

    assert result["data"]["changeUserRole"] == {"user": {"role": "ADMIN"}, "errors": []}
    assert refused["data"]["changeUserRole"]["errors"][0]["code"] == "CANNOT_CHANGE_SELF"
    assert "errors" in await gql(client, ME, token=agent.token)
    again = await login(client, agent.email)
    assert (await gql(client, ME, token=again["accessToken"]))["data"]["me"]["role"] == "ADMIN"


async def test_ids_of_the_wrong_type_are_not_found(client):
    owner = await sign_up(client)

    result = await gql(client, DEACTIVATE, {"id": owner.company_id}, token=owner.token)
    garbage = await gql(client, DEACTIVATE, {"id": "!!!"}, token=owner.token)

    assert result["data"]["deactivateUser"]["errors"] == [{"field": "userId", "code": "NOT_FOUND"}]
    assert garbage["data"]["deactivateUser"]["errors"] == [{"field": "userId", "code": "NOT_FOUND"}]


async def test_nobody_is_made_owner_by_a_role_change(client):
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")

    result = await gql(client, CHANGE_ROLE, {"id": agent.id, "role": "OWNER"}, token=owner.token)

    assert result["data"]["changeUserRole"] == {
        "user": None,
        "errors": [{"field": "role", "code": "ROLE_NOT_ALLOWED"}],
    }
    assert (await User.get(email=agent.email)).role == "AGENT"
