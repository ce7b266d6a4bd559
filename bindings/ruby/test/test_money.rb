# frozen_string_literal: true

require_relative "helper"

# Money crosses the boundary as BigDecimal plus currency code, never as Float.
class TestMoney < BookTest
  Money = Arcollect::Money

  def test_money_keeps_exactly_the_currency_minor_digits
    assert_equal BigDecimal("12.30"), Money.new("12.3", "USD").amount
    assert_equal "12.30", Money.new("12.3", "USD").amount_text
    assert_equal "1234", Money.new(1234, "JPY").amount_text
    assert_equal "0.005", Money.new("0.005", "KWD").amount_text
    assert_equal 1230, Money.new(BigDecimal("12.300"), "USD").minor_units
    assert_equal 500, Money.new(Rational(5, 1), "USD").minor_units
  end

  def test_extra_precision_is_refused_not_rounded
    assert_raises(Arcollect::InvalidInputError) { Money.new("12.345", "USD") }
    assert_raises(Arcollect::InvalidInputError) { Money.new(BigDecimal("1.5"), "JPY") }
  end

  def test_floats_are_refused
    assert_raises(TypeError) { Money.new(12.30, "USD") }
  end

  def test_unknown_currencies_are_refused
    assert_raises(Arcollect::InvalidInputError) { Money.new("1", "ABC") }
  end

  def test_addition_is_exact_and_checks_overflow
    assert_equal Money.new("0.30", "USD"), Money.new("0.10", "USD") + Money.new("0.20", "USD")
    assert_equal Money.new("-1.50", "USD"), Money.new("1.00", "USD") - Money.new("2.50", "USD")
    biggest = Money.from_minor((2**63) - 1, "USD")
    assert_raises(Arcollect::AmountOverflowError) { biggest + Money.new("0.01", "USD") }
  end

  def test_currencies_never_mix
    assert_raises(ArgumentError) { Money.new("1", "USD") + Money.new("1", "EUR") }
    assert_nil(Money.new("1", "USD") <=> Money.new("1", "EUR"))
    refute_equal Money.new("1", "USD"), Money.new("1", "EUR")
  end

  def test_money_orders_and_formats
    assert_operator Money.new("1", "USD"), :<, Money.new("1.01", "USD")
    assert_equal "-1234.50 USD", Money.new("-1234.5", "USD").to_s
    assert_equal Money.new("7.10", "EUR"), Money.parse("7.1", "EUR")
    assert Money.new("0", "USD").zero?
    assert Money.new("1", "USD").frozen?
  end

  def test_the_currency_table_is_the_library_s
    codes = Arcollect.currencies
    assert_includes codes, "USD"
    assert_equal codes.sort, codes
    assert_equal 3, Arcollect.minor_digits("KWD")
    assert_equal 0, Arcollect.minor_digits("JPY")
  end

  def test_amounts_in_calls_take_the_record_s_currency
    tokyo = book.customers.create("C-JP", "Tokyo KK", "JPY", credit_limit: 500_000)
    assert_equal Money.new(500_000, "JPY"), tokyo.credit_limit
    assert_raises(ArgumentError) { book.customers.update(tokyo, credit_limit: Money.new("10", "USD")) }
  end
end
