"""Money: a Decimal amount in an ISO 4217 currency, never a float.

Input is cleaned with `parse_amount` and `parse_currency` (a refusal is `InvalidMoney`, whose
`code` the resolvers report); a computation works on exact Decimals and rounds once, at its
end, half-up to the currency's minor unit (`round_money`, `Money.rounded`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# The largest amount a money column holds: DecimalField(max_digits=12, decimal_places=2).
MAX_AMOUNT = Decimal("9999999999.99")

# ISO 4217 minor units where they are not 2 (active codes; funds and metals left out).
_MINOR_UNITS = {
    **dict.fromkeys(
        "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF".split(), 0
    ),
    **dict.fromkeys("BHD IQD JOD KWD LYD OMR TND".split(), 3),
    **dict.fromkeys("CLF UYW".split(), 4),
}
_CURRENCY = re.compile(r"^[A-Z]{3}$")


class InvalidMoney(ValueError):
    """An amount or a currency code that cannot be money: INVALID_AMOUNT or INVALID_CURRENCY."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def currency_decimals(currency: str) -> int:
    """How many decimals amounts in `currency` have (ISO 4217's minor unit; 2 by default)."""
    return _MINOR_UNITS.get(currency, 2)


def parse_currency(value: str | None) -> str:
    """A currency code of three letters, upper-cased ('eur' -> 'EUR')."""
    text = (value or "").strip().upper()
    if not _CURRENCY.match(text):
        raise InvalidMoney("INVALID_CURRENCY")
    return text


def parse_amount(
    value: Decimal | str | int | None,
    *,
    decimals: int = 2,
    signed: bool = False,
    positive: bool = False,
    maximum: Decimal = MAX_AMOUNT,
) -> Decimal:
    """An exact amount with at most `decimals` decimals, given with that many; not above
    `maximum` in size, not negative unless `signed`, above 0 if `positive`."""
    # A float already lost the amount (0.1 is not 1/10): refused, as anything not a number.
    if isinstance(value, (float, bool)):
        raise InvalidMoney("INVALID_AMOUNT")
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise InvalidMoney("INVALID_AMOUNT") from None
    if not amount.is_finite() or abs(amount) > maximum or (amount < 0 and not signed):
        raise InvalidMoney("INVALID_AMOUNT")
    if positive and amount <= 0:
        raise InvalidMoney("INVALID_AMOUNT")
    exact = amount.quantize(_unit(decimals))
    if exact != amount:
        raise InvalidMoney("INVALID_AMOUNT")
    return exact


def round_money(amount: Decimal, currency: str) -> Decimal:
    """`amount` rounded half-up to the minor unit of `currency` (0.005 EUR -> 0.01)."""
    return amount.quantize(_unit(currency_decimals(currency)), rounding=ROUND_HALF_UP)


def _unit(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-decimals)


@dataclass(frozen=True, slots=True)
class Money:
    """An amount in a currency. Sums and products stay exact; `rounded()` ends a computation."""

    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal) or not self.amount.is_finite():
            raise TypeError(f"money is a finite Decimal, not {self.amount!r}")
        if not _CURRENCY.match(self.currency):
            raise ValueError(f"not a currency code: {self.currency!r}")

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(Decimal(0), currency)

    def rounded(self) -> Money:
        """The amount rounded half-up to the currency's minor unit."""
        return Money(round_money(self.amount, self.currency), self.currency)

    def __add__(self, other: Money) -> Money:
        return Money(self.amount + self._same_currency(other).amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        return Money(self.amount - self._same_currency(other).amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __mul__(self, factor: Decimal | int) -> Money:
        return Money(self.amount * _factor(factor), self.currency)

    __rmul__ = __mul__

    def __truediv__(self, divisor: Decimal | int) -> Money:
        return Money(self.amount / _factor(divisor), self.currency)

    def _same_currency(self, other: Money) -> Money:
        if not isinstance(other, Money):
            raise TypeError(f"cannot combine money with {other!r}")
        if other.currency != self.currency:
            raise ValueError(f"cannot combine {self.currency} with {other.currency}")
        return other


def _factor(value: Decimal | int) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise TypeError(f"money is multiplied by a Decimal or an int, not {value!r}")
    return Decimal(value)
