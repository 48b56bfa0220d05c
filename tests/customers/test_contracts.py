from models.customers import Contract, ContractPayment, ServicePackage
from tests.graphql import gql, invite, sign_up
from tests.tickets.factories import make_customer

PACKAGE = """
mutation P($input: CreateServicePackageInput!) {
  createServicePackage(input: $input) {
    servicePackage { id name monthlyFee { amount currency } annualFee { amount } transactionQuota }
    errors { field code }
  }
}
"""
CONTRACT = """
mutation C($input: CreateContractInput!) {
  createContract(input: $input) {
    contract { id status fee { amount currency } package { name } customer { name } }
    errors { field code }
  }
}
"""
PAYMENT = """
mutation R($input: RecordContractPaymentInput!) {
  recordContractPayment(input: $input) {
    payment { amount { amount } } contract { lastPaymentAt } errors { field code }
  }
}
"""
SUMMARY = """
query S($id: ID!) {
  node(id: $id) { ... on Customer { name representative { email } contacts { name }
    contractSummary {
      packageName startsOn endsOn fee { amount currency } billingPeriod status features
      lastPaymentAt
    } } }
}
"""
GOLD = {
    "name": "Gold",
    "monthlyFee": "100.00",
    "annualFee": "1000",
    "currency": "EUR",
    "transactionQuota": 50,
    "features": ["Phone support", "4h response"],
}


async def test_a_customers_contract_summary(client):
    # given
    owner = await sign_up(client)
    customer = await make_customer(client, owner, representativeId=owner.id)
    package = (await gql(client, PACKAGE, {"input": GOLD}, token=owner.token))["data"][
        "createServicePackage"
    ]
    contract = await gql(
        client,
        CONTRACT,
        {
            "input": {
                "customerId": customer,
                "packageId": package["servicePackage"]["id"],
                "startsOn": "2020-01-01",
                "endsOn": "2099-12-31",
                "billingPeriod": "ANNUAL",
            }
        },
        token=owner.token,
    )
    expired = await gql(
        client,
        CONTRACT,
        {
            "input": {
                "customerId": customer,
                "startsOn": "2019-01-01",
                "endsOn": "2019-12-31",
                "billingPeriod": "MONTHLY",
                "fee": "80",
                "currency": "eur",
            }
        },
        token=owner.token,
    )
    contract_id = contract["data"]["createContract"]["contract"]["id"]

    # when
    paid = await gql(
        client,
        PAYMENT,
        {"input": {"contractId": contract_id, "amount": "1000", "paidAt": "2026-01-05T09:00:00Z"}},
        token=owner.token,
    )
    summary = (await gql(client, SUMMARY, {"id": customer}, token=owner.token))["data"]["node"]

    # then
    assert package["servicePackage"]["monthlyFee"] == {"amount": "100.00", "currency": "EUR"}
    assert contract["data"]["createContract"]["contract"]["status"] == "ACTIVE"
    assert contract["data"]["createContract"]["contract"]["fee"] == {
        "amount": "1000.00",
        "currency": "EUR",
    }
    assert expired["data"]["createContract"]["contract"]["status"] == "EXPIRED"
    assert paid["data"]["recordContractPayment"]["errors"] == []
    assert summary["representative"] == {"email": owner.email}
    assert summary["contractSummary"] == [
        {
            "packageName": "Gold",
            "startsOn": "2020-01-01",
            "endsOn": "2099-12-31",
            "fee": {"amount": "1000.00", "currency": "EUR"},
            "billingPeriod": "ANNUAL",
            "status": "ACTIVE",
            "features": ["Phone support", "4h response"],
            "lastPaymentAt": "2026-01-05T09:00:00+00:00",
        },
        {
            "packageName": None,
            "startsOn": "2019-01-01",
            "endsOn": "2019-12-31",
            "fee": {"amount": "80.00", "currency": "EUR"},
            "billingPeriod": "MONTHLY",
            "status": "EXPIRED",
            "features": [],
            "lastPaymentAt": None,
        },
    ]


async def test_contract_bad_input_changes_nothing(client):
    owner = await sign_up(client)
    customer = await make_customer(client, owner)
    base = {
        "customerId": customer,
        "startsOn": "2026-01-01",
        "endsOn": "2026-12-31",
        "billingPeriod": "MONTHLY",
        "fee": "10",
        "currency": "EUR",
    }
    cases = [
        ({"endsOn": "2025-12-31"}, "endsOn", "INVALID_PERIOD"),
        ({"fee": "-1"}, "fee", "INVALID_AMOUNT"),
        ({"fee": "1.001"}, "fee", "INVALID_AMOUNT"),
        ({"currency": "EURO"}, "currency", "INVALID_CURRENCY"),
        ({"fee": None}, "fee", "REQUIRED"),
    ]
    for change, field, code in cases:
        result = await gql(client, CONTRACT, {"input": {**base, **change}}, token=owner.token)
        assert result["data"]["createContract"]["errors"] == [{"field": field, "code": code}], (
            change
        )
    bad_package = await gql(
        client, PACKAGE, {"input": {**GOLD, "monthlyFee": "abc"}}, token=owner.token
    )
    assert "errors" in bad_package or bad_package["data"]["createServicePackage"]["errors"]
    assert await Contract.all().count() == 0
    assert await ServicePackage.all().count() == 0
    assert await ContractPayment.all().count() == 0


async def test_agents_may_not_sell_packages_or_make_contracts(client):
    owner = await sign_up(client)
    agent = await invite(client, owner, "agent@acme.example")

    result = await gql(client, PACKAGE, {"input": GOLD}, token=agent.token)

    assert result["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert await ServicePackage.all().count() == 0
