"""Money: an exact decimal amount with its ISO 4217 currency code.

Amounts cross into the library as integer minor units. The conversion is
the library's own (arc_money_parse and arc_money_format), so the number of
minor digits per currency and the refusal of extra precision are exactly the
C API's; no float is ever involved.
"""

from decimal import Decimal

from . import _raw
from ._convert import decimal_text
from ._errors import check

_minor_digits = {}


def minor_digits(currency):
    """The number of minor digits of a currency: 2 for "USD", 0 for "JPY"."""
    digits = _minor_digits.get(currency)
    if digits is None:
        digits = check(_raw.arc_currency_lookup(currency))
        _minor_digits[currency] = digits
    return digits


def currencies():
    """Every active ISO 4217 code the library knows, in alphabetical order."""
    count = _raw.arc_currency_count()
    return [_raw.arc_currency_code_at(index) for index in range(count)]


def to_minor(value, currency, what="amount"):
    """Minor units of @value (a Money, Decimal, int or str) in @currency."""
    if isinstance(value, Money):
        if currency is not None and value.currency != currency:
            raise ValueError(
                f"{what}: {value} is not in {currency}")
        return value.minor_units
    if currency is None:
        raise ValueError(f"{what}: give a Money, or a currency with the amount")
    return check(_raw.arc_money_parse(decimal_text(value, what), currency))


def from_minor(units, currency):
    """A Money for a number of minor units of a currency."""
    money = _new_money(Money)
    money._units = units
    money.currency = currency
    return money


_new_money = object.__new__


class Money:
    """An amount of money: ``Money("1234.50", "USD")``.

    ``amount`` is a Decimal with exactly the currency's minor digits
    (``amount_text`` the same as text), ``currency`` the ISO 4217 code and
    ``minor_units`` the integer the library stores. Amounts of different
    currencies never mix: adding or comparing them raises ValueError.
    """

    __slots__ = ("currency", "_units")

    def __init__(self, amount, currency):
        if not isinstance(currency, str):
            raise TypeError("currency must be an ISO 4217 code such as 'USD'")
        self._units = to_minor(amount, currency)
        self.currency = currency

    @property
    def amount(self):
        """The amount as a Decimal with exactly the currency's minor digits."""
        return Decimal(self._units).scaleb(-minor_digits(self.currency))

    @property
    def amount_text(self):
        """The amount as arc_money_format() writes it: "1234.50"."""
        return check(_raw.arc_money_format(self._units, self.currency))

    @classmethod
    def parse(cls, text, currency):
        """The Money that decimal @text such as "12.30" names in @currency."""
        return from_minor(to_minor(str(text), currency), currency)

    @property
    def minor_units(self):
        """The amount as an integer count of the currency's minor unit."""
        return self._units

    def _same_currency(self, other, operation):
        if not isinstance(other, Money):
            return False
        if other.currency != self.currency:
            raise ValueError(
                f"cannot {operation} {self.currency} and {other.currency}")
        return True

    def __add__(self, other):
        if not self._same_currency(other, "add"):
            return NotImplemented
        return from_minor(check(_raw.arc_money_add(self._units, other._units)),
                          self.currency)

    def __sub__(self, other):
        if not self._same_currency(other, "subtract"):
            return NotImplemented
        return self + (-other)

    def __neg__(self):
        return from_minor(-self._units, self.currency)

    def __abs__(self):
        return -self if self._units < 0 else self

    def __bool__(self):
        return self._units != 0

    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self._units == other._units and self.currency == other.currency

    def __lt__(self, other):
        if not self._same_currency(other, "compare"):
            return NotImplemented
        return self._units < other._units

    def __le__(self, other):
        return self == other or self < other

    def __gt__(self, other):
        if not self._same_currency(other, "compare"):
            return NotImplemented
        return self._units > other._units

    def __ge__(self, other):
        return self == other or self > other

    def __hash__(self):
        return hash((self._units, self.currency))

    def __repr__(self):
        return f"Money('{self.amount_text}', '{self.currency}')"

    def __str__(self):
        return f"{self.amount_text} {self.currency}"
