from models.accounts import Company, User
from tests.graphql import ME, PASSWORD, SIGN_UP, gql, sign_up


def sign_up_input(**overrides):
    values = {
        "companyName": "Acme",
        "fullName": "Olivia Owner",
        "email": "owner@acme.example",
        "password": PASSWORD,
    }
    return {"input": {**values, **overrides}}


async def test_sign_up_makes_a_company_and_its_owner_signed_in(client):
    result = await gql(client, SIGN_UP, sign_up_input(email="  Owner@ACME.example "))

    payload = result["data"]["signUp"]
    assert payload["errors"] == []
    assert payload["user"]["email"] == "owner@acme.example"
    assert payload["user"]["role"] == "OWNER"
    assert payload["user"]["company"]["name"] == "Acme"
    me = await gql(client, ME, token=payload["accessToken"])
    assert me["data"]["me"]["email"] == "owner@acme.example"


async def test_sign_up_with_a_taken_email_changes_nothing(client):
    await sign_up(client, "owner@acme.example")

    result = await gql(
        client, SIGN_UP, sign_up_input(companyName="Other", email="OWNER@acme.example")
    )

    payload = result["data"]["signUp"]
    assert payload["accessToken"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("email", "EMAIL_TAKEN")]
    assert await Company.all().count() == 1


async def test_sign_up_bad_input_gets_typed_errors_and_creates_nothing(client):
    cases = [
        ({"email": "not-an-address"}, "email", "INVALID_EMAIL"),
        ({"companyName": "   "}, "companyName", "REQUIRED"),
        ({"fullName": "x" * 201}, "fullName", "TOO_LONG"),
        ({"password": "short"}, "password", "WEAK_PASSWORD"),
        ({"password": "password123"}, "password", "WEAK_PASSWORD"),
        ({"language": "xx"}, "language", "UNSUPPORTED_LANGUAGE"),
    ]
    for overrides, field, code in cases:
        result = await gql(client, SIGN_UP, sign_up_input(**overrides))
        errors = result["data"]["signUp"]["errors"]
        assert [(e["field"], e["code"]) for e in errors] == [(field, code)], overrides
    assert await Company.all().count() == 0
    assert await User.all().count() == 0


async def test_sign_up_in_turkish_answers_in_turkish(client):
    await sign_up(client, "owner@acme.example")

    result = await gql(client, SIGN_UP, sign_up_input(language="tr", password="kısa"))

    errors = result["data"]["signUp"]["errors"]
    assert errors[0]["code"] == "WEAK_PASSWORD"
    assert errors[0]["message"] == "Parola çok kısa: en az 10 karakter kullanın."


async def test_anonymous_errors_follow_the_accept_language_header(client):
    result = await gql(
        client,
        SIGN_UP,
        sign_up_input(email="nope"),
        headers={"Accept-Language": "de-DE;q=0.9, tr-TR, en;q=0.5"},
    )

    assert result["data"]["signUp"]["errors"][0]["message"] == (
        "Bu geçerli bir e-posta adresi değil."
    )
