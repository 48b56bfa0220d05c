"""Money: amounts parsed exactly, refused when they are not money, rounded half-up once."""

from decimal import Decimal

import pytest

from models.money import (
    MAX_AMOUNT,
    InvalidMoney,
    Money,
    currency_decimals,
    parse_amount,
    parse_currency,
    round_money,
)
from resolvers.errors import DomainError
from resolvers.validation import clean_currency, clean_money


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("10", Decimal("10.00")),
        ("10.5", Decimal("10.50")),
        ("0.01", Decimal("0.01")),
        (" 7.25 ", Decimal("7.25")),
        ("1E+3", Decimal("1000.00")),
        (12, Decimal("12.00")),
        (Decimal("99.50"), Decimal("99.50")),
        ("0", Decimal("0.00")),
        (str(MAX_AMOUNT), MAX_AMOUNT),
    ],
)
def test_amounts_are_kept_exactly_with_the_currency_decimals(given, expected):
    amount = parse_amount(given)

    assert amount == expected
    assert amount.as_tuple().exponent == -2


@pytest.mark.parametrize(
    "given",
    [
        "1.001",  # three decimals where the currency has two
        "0.005",
        "-1",
        "abc",
        "",
        None,
        "NaN",
        "Infinity",
        "-Infinity",
        "sNaN",
        str(MAX_AMOUNT + Decimal("0.01")),
        "1e30",
        1.5,  # a float already lost the amount
        True,
    ],
)
def test_what_is_not_money_is_refused(given):
    with pytest.raises(InvalidMoney) as refused:
        parse_amount(given)

    assert refused.value.code == "INVALID_AMOUNT"


def test_negative_amounts_only_where_allowed_and_zero_not_where_positive():
    assert parse_amount("-12.5", signed=True) == Decimal("-12.50")
    assert parse_amount("0", signed=True) == Decimal("0.00")
    with pytest.raises(InvalidMoney):
        parse_amount("0", positive=True)
    with pytest.raises(InvalidMoney):
        parse_amount("-0.01", positive=True, signed=True)
    assert parse_amount("0.01", positive=True) == Decimal("0.01")


def test_currencies_have_their_iso_minor_units():
    assert currency_decimals("EUR") == 2
    assert currency_decimals("TRY") == 2
    assert currency_decimals("JPY") == 0
    assert currency_decimals("KWD") == 3

    assert parse_amount("1500", decimals=0) == Decimal("1500")
    with pytest.raises(InvalidMoney):
        parse_amount("1500.5", decimals=0)
    assert parse_amount("1.125", decimals=3) == Decimal("1.125")


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        ("0.005", "EUR", "0.01"),  # half-up, not to even
        ("0.015", "EUR", "0.02"),
        ("0.025", "EUR", "0.03"),  # banker's rounding would give 0.02
        ("0.0049", "EUR", "0.00"),
        ("-0.005", "EUR", "-0.01"),  # a half goes away from zero
        ("2.5", "JPY", "3"),
        ("0.0005", "KWD", "0.001"),
        ("10", "EUR", "10.00"),
    ],
)
def test_rounding_is_half_up_to_the_minor_unit(amount, currency, expected):
    rounded = round_money(Decimal(amount), currency)

    assert rounded == Decimal(expected)
    assert str(rounded) == expected


def test_a_computation_stays_exact_and_rounds_once_at_its_end():
    # given: three items of 0.335 each, a 1/3 share of 10.00
    item = Money(Decimal("0.335"), "EUR")
    share = Money(Decimal("10.00"), "EUR") / 3

    # when
    total = item * 3
    back = share * 3

    # then: rounding each item first would give 1.02, not 1.01
    assert total.rounded() == Money(Decimal("1.01"), "EUR")
    assert back.rounded() == Money(Decimal("10.00"), "EUR")
    assert (total - item + Money.zero("EUR")).amount == Decimal("0.670")
    assert (-item).amount == Decimal("-0.335")


def test_money_refuses_floats_and_mixed_currencies():
    euros = Money(Decimal("5"), "EUR")
    with pytest.raises(TypeError):
        Money(5.0, "EUR")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(Decimal("NaN"), "EUR")
    with pytest.raises(ValueError):
        Money(Decimal("5"), "euro")
    with pytest.raises(TypeError):
        euros * 1.1  # type: ignore[operator]
    with pytest.raises(ValueError):
        euros + Money(Decimal("5"), "TRY")


def test_currency_codes_are_three_letters_upper_cased():
    assert parse_currency(" eur ") == "EUR"
    for bad in ("EURO", "E1R", "", None, "€"):
        with pytest.raises(InvalidMoney) as refused:
            parse_currency(bad)
        assert refused.value.code == "INVALID_CURRENCY"


def test_cleaning_reports_the_field_with_the_code():
    assert clean_money("1000", "fee") == Decimal("1000.00")
    assert clean_money("1000", "fee", currency="JPY") == Decimal("1000")
    assert clean_currency("try") == "TRY"
    cases = [
        (lambda: clean_money("1.001", "fee"), "fee", "INVALID_AMOUNT"),
        (lambda: clean_money("1.5", "fee", currency="JPY"), "fee", "INVALID_AMOUNT"),
        (lambda: clean_money("0", "amount", positive=True), "amount", "INVALID_AMOUNT"),
        (lambda: clean_currency("EURO"), "currency", "INVALID_CURRENCY"),
    ]
    for clean, field, code in cases:
        with pytest.raises(DomainError) as refused:
            clean()
        assert (refused.value.field, refused.value.code) == (field, code)
