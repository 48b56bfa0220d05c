from tests.graphql import ME, gql, sign_up

UPDATE_PROFILE = """
mutation Update($input: UpdateProfileInput!) {
  updateProfile(input: $input) {
    user { fullName phone timezone }
    errors { field code message }
  }
}
"""
SET_LANGUAGE = """
mutation Set($language: String!) {
  setLanguage(input: {language: $language}) { user { language } errors { field code message } }
}
"""


async def test_profile_changes_only_what_is_given(client):
    owner = await sign_up(client)

    result = await gql(
        client,
        UPDATE_PROFILE,
        {"input": {"phone": "+90 (212) 555-01-01", "timezone": "Europe/Istanbul"}},
        token=owner.token,
    )

    assert result["data"]["updateProfile"] == {
        "user": {
            "fullName": "Olivia Owner",
            "phone": "+902125550101",
            "timezone": "Europe/Istanbul",
        },
        "errors": [],
    }
    me = (await gql(client, ME, token=owner.token))["data"]["me"]
    assert (me["phone"], me["timezone"]) == ("+902125550101", "Europe/Istanbul")


async def test_null_phone_clears_it(client):
    owner = await sign_up(client)
    await gql(client, UPDATE_PROFILE, {"input": {"phone": "+14155550100"}}, token=owner.token)

    result = await gql(client, UPDATE_PROFILE, {"input": {"phone": None}}, token=owner.token)

    assert result["data"]["updateProfile"]["user"]["phone"] is None


async def test_bad_profile_input_changes_nothing(client):
    owner = await sign_up(client)
    cases = [
        ({"timezone": "Mars/Olympus_Mons"}, "timezone", "INVALID_TIMEZONE"),
        ({"timezone": "Europe/Istanbul", "phone": "call me maybe"}, "phone", "INVALID_PHONE"),
        ({"fullName": ""}, "fullName", "REQUIRED"),
        ({"fullName": "Ann", "timezone": "UTC+3"}, "timezone", "INVALID_TIMEZONE"),
    ]
    for values, field, code in cases:
        result = await gql(client, UPDATE_PROFILE, {"input": values}, token=owner.token)
        payload = result["data"]["updateProfile"]
        assert payload["user"] is None
        assert [(e["field"], e["code"]) for e in payload["errors"]] == [(field, code)]

    me = (await gql(client, ME, token=owner.token))["data"]["me"]
    assert (me["fullName"], me["phone"], me["timezone"]) == ("Olivia Owner", None, "UTC")


async def test_switching_to_turkish_turns_messages_turkish(client):
    owner = await sign_up(client)

    switched = await gql(client, SET_LANGUAGE, {"language": "TR"}, token=owner.token)
    failed = await gql(client, UPDATE_PROFILE, {"input": {"timezone": "x"}}, token=owner.token)

    assert switched["data"]["setLanguage"] == {"user": {"language": "tr"}, "errors": []}
    assert failed["data"]["updateProfile"]["errors"][0]["message"] == (
        "Bilinmeyen saat dilimi: Europe/Istanbul gibi bir ad kullanın."
    )


async def test_unsupported_language_is_refused(client):
    owner = await sign_up(client)

    result = await gql(client, SET_LANGUAGE, {"language": "klingon"}, token=owner.token)

    errors = result["data"]["setLanguage"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("language", "UNSUPPORTED_LANGUAGE")]
    assert "en, tr" in errors[0]["message"]
    me = (await gql(client, ME, token=owner.token))["data"]["me"]
    assert me["language"] == "en"


async def test_languages_lists_english_and_turkish_by_their_own_names(client):
    result = await gql(client, "{ languages { code name } }")

    assert result["data"]["languages"] == [
        {"code": "en", "name": "English"},
        {"code": "tr", "name": "Türkçe"},
    ]


async def test_profile_needs_a_signed_in_user(client):
    result = await gql(client, UPDATE_PROFILE, {"input": {"fullName": "X"}})

    assert result["data"] is None
    assert result["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
