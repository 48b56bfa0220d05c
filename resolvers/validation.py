"""Cleaning of free-form input: each function returns the clean value or raises DomainError."""

from __future__ import annotations

import functools
import re
import zoneinfo
from decimal import Decimal

from email_validator import EmailNotValidError, validate_email

from models.money import InvalidMoney, currency_decimals, parse_amount, parse_currency
from resolvers.errors import DomainError
from resolvers.i18n import SUPPORTED_LANGUAGES

# Every integer key is a serial column (32 bits on PostgreSQL): a number beyond it names no row,
# and must not reach the database, which refuses it with an error.
MAX_KEY = 2**31 - 1
# C0 and C1 control characters but tab, line feed and carriage return, and lone surrogates
# (no UTF-8 for them): PostgreSQL refuses NUL in text, and none of them belongs in a name.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_PHONE = re.compile(r"^\+[1-9][0-9]{6,14}$")
_PHONE_SEPARATORS = re.compile(r"[\s\-().]")


def clean_text(value: str | None, field: str, *, max_length: int, required: bool = True) -> str:
    """Trimmed text within `max_length`; REQUIRED when blank and required."""
    text = (value or "").strip()
    if not text:
        if required:
            raise DomainError("REQUIRED", field)
        return ""
    if len(text) > max_length:
        raise DomainError("TOO_LONG", field, max=max_length)
    return text


def check_characters(value: str, field: str | None) -> None:
    """INVALID_CHARACTERS on `field` when the text holds a control character."""
    if _CONTROL.search(value):
        raise DomainError("INVALID_CHARACTERS", field)


def in_range(key: object) -> bool:
    """Whether a parsed key can name a row: any UUID, an integer of a serial column."""
    return not isinstance(key, int) or 0 < key <= MAX_KEY


def clean_email(value: str, field: str = "email") -> str:
    """A syntactically valid e-mail address, lower-cased (no DNS look-up)."""
    text = (value or "").strip()
    if not text:
        raise DomainError("REQUIRED", field)
    if len(text) > 254:
        raise DomainError("TOO_LONG", field, max=254)
    try:
        checked = validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        raise DomainError("INVALID_EMAIL", field) from None
    return checked.normalized.lower()


def clean_phone(value: str | None, field: str = "phone") -> str | None:
    """An E.164 phone number ('+902125550101'); blank clears it."""
    text = _PHONE_SEPARATORS.sub("", value or "")
    if not text:
        return None
    if not _PHONE.match(text):
        raise DomainError("INVALID_PHONE", field)
    return text


def clean_money(
    value: Decimal | str | None,
    field: str,
    *,
    currency: str | None = None,
    positive: bool = False,
) -> Decimal:
    """A non-negative amount (above 0 if `positive`) with at most the decimals of `currency`
    (two without one); INVALID_AMOUNT otherwise. models/money.py holds the rules."""
    decimals = 2 if currency is None else currency_decimals(currency)
    try:
        return parse_amount(value, decimals=decimals, positive=positive)
    except InvalidMoney as error:
        raise DomainError(error.code, field) from None


def clean_currency(value: str | None, field: str = "currency") -> str:
    """A currency code such as 'EUR' (upper-cased); INVALID_CURRENCY otherwise."""
    try:
        return parse_currency(value)
    except InvalidMoney as error:
        raise DomainError(error.code, field) from None


def clean_timezone(value: str | None, field: str = "timezone") -> str:
    """A time zone name of the IANA database ('Europe/Istanbul')."""
    text = (value or "").strip()
    if not text:
        raise DomainError("REQUIRED", field)
    if text not in _timezones():
        raise DomainError("INVALID_TIMEZONE", field)
    return text


def clean_language(value: str | None, field: str = "language") -> str:
    """A language code the catalogues support."""
    text = (value or "").strip().lower()
    if text not in SUPPORTED_LANGUAGES:
        raise DomainError("UNSUPPORTED_LANGUAGE", field, supported=", ".join(SUPPORTED_LANGUAGES))
    return text


@functools.cache
def _timezones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())
