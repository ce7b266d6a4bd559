"""Money crosses the boundary as Decimal plus currency code, never as float."""

from decimal import Decimal

import pytest

import arcollect
from arcollect import Money


def test_money_keeps_exactly_the_currency_minor_digits():
    assert Money("12.3", "USD").amount == Decimal("12.30")
    assert str(Money("12.3", "USD").amount) == "12.30"
    assert str(Money(1234, "JPY").amount) == "1234"
    assert str(Money("0.005", "KWD").amount) == "0.005"
    assert Money(Decimal("12.300"), "USD").minor_units == 1230


def test_extra_precision_is_refused_not_rounded():
    with pytest.raises(arcollect.InvalidInputError):
        Money("12.345", "USD")
    with pytest.raises(arcollect.InvalidInputError):
        Money("1.5", "JPY")


def test_floats_are_refused():
    with pytest.raises(TypeError):
        Money(12.30, "USD")


def test_unknown_currencies_are_refused():
    with pytest.raises(arcollect.InvalidInputError):
        Money("1", "ABC")


def test_addition_is_exact_and_checks_overflow():
    assert Money("0.10", "USD") + Money("0.20", "USD") == Money("0.30", "USD")
    assert Money("1.00", "USD") - Money("2.50", "USD") == Money("-1.50", "USD")
    biggest = arcollect._money.from_minor(2**63 - 1, "USD")
    with pytest.raises(arcollect.AmountOverflowError):
        biggest + Money("0.01", "USD")


def test_currencies_never_mix():
    with pytest.raises(ValueError):
        Money("1", "USD") + Money("1", "EUR")
    with pytest.raises(ValueError):
        Money("1", "USD") < Money("1", "EUR")
    assert Money("1", "USD") != Money("1", "EUR")


def test_money_orders_and_formats():
    assert Money("1", "USD") < Money("1.01", "USD")
    assert str(Money("-1234.5", "USD")) == "-1234.50 USD"
    assert repr(Money("3", "EUR")) == "Money('3.00', 'EUR')"
    assert Money.parse("7.1", "EUR") == Money("7.10", "EUR")
    assert not Money("0", "USD")


def test_the_currency_table_is_the_library_s():
    codes = arcollect.currencies()
    assert "USD" in codes and "JPY" in codes and codes == sorted(codes)
    assert arcollect.minor_digits("KWD") == 3
    assert arcollect.minor_digits("JPY") == 0


def test_amounts_in_calls_take_the_record_s_currency(book):
    customer = book.customers.create("C-JP", "Tokyo KK", "JPY", credit_limit=500000)
    assert customer.credit_limit == Money(500000, "JPY")
    with pytest.raises(ValueError):
        book.customers.update(customer, credit_limit=Money("10", "USD"))


def test_amount_text_is_the_library_s_formatting():
    assert Money("1234.5", "USD").amount_text == "1234.50"
    assert arcollect._money.from_minor(-5, "KWD").amount_text == "-0.005"
