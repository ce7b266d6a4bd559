# frozen_string_literal: true

require "bigdecimal"

module Arcollect
  # An amount of money: <tt>Money.new("1234.50", "USD")</tt>. +amount+ is a
  # BigDecimal, +currency+ the ISO 4217 code, +minor_units+ the integer the
  # library stores. Conversions are the library's own (arc_money_parse,
  # arc_money_format): exact, never through a Float, and extra precision is
  # refused rather than rounded. Amounts of different currencies never mix.
  class Money
    include Comparable

    attr_reader :minor_units, :currency

    @minor_digits = {}

    class << self
      # The number of minor digits of a currency: 2 for "USD", 0 for "JPY".
      def minor_digits(currency)
        @minor_digits[currency] ||= Errors.check(Raw.arc_currency_lookup(currency))
      end

      # The value of one minor unit of a currency: 0.01 for "USD", 1 for "JPY".
      def minor_unit(currency)
        (@minor_units ||= {})[currency] ||= BigDecimal("1e-#{minor_digits(currency)}")
      end

      # Every active ISO 4217 code the library knows, in alphabetical order.
      def currencies
        Array.new(Raw.arc_currency_count) { |index| Raw.arc_currency_code_at(index) }
      end

      # Minor units of +value+ (a Money, BigDecimal, Integer, Rational or
      # String) in +currency+.
      def to_minor(value, currency, what = "amount")
        if value.is_a?(Money)
          if currency && value.currency != currency
            raise ArgumentError, "#{what}: #{value} is not in #{currency}"
          end

          return value.minor_units
        end
        raise ArgumentError, "#{what}: give a Money, or a currency with the amount" unless currency

        Errors.check(Raw.arc_money_parse(decimal_text(value, what), currency))
      end

      # A Money for a number of minor units of a currency.
      def from_minor(units, currency)
        money = allocate
        money.instance_variable_set(:@minor_units, units)
        money.instance_variable_set(:@currency, -currency)
        money.freeze
      end

      # The Money that decimal +text+ such as "12.30" names in +currency+.
      def parse(text, currency)
        from_minor(to_minor(text.to_s, currency), currency)
      end

      # Plain decimal text: no exponent, no trailing fraction zeros.
      def decimal_text(value, what)
        case value
        when Integer, String then value.to_s
        when BigDecimal, Rational
          text = (value.is_a?(BigDecimal) ? value : BigDecimal(value, 40)).to_s("F")
          text.end_with?(".0") ? text.delete_suffix(".0") : text
        else
          raise TypeError, "#{what} must be a BigDecimal, Integer or String, not #{value.class}"
        end
      end
    end

    def initialize(amount, currency)
      raise TypeError, "currency must be an ISO 4217 code such as \"USD\"" unless currency.is_a?(String)

      @minor_units = Money.to_minor(amount, currency)
      @currency = -currency
      freeze
    end

    # The amount as a BigDecimal with the currency's minor digits.
    def amount
      BigDecimal(@minor_units) * Money.minor_unit(@currency)
    end

    def +(other)
      same_currency!(other, "add")
      Money.from_minor(Errors.check(Raw.arc_money_add(@minor_units, other.minor_units)), @currency)
    end

    def -(other)
      same_currency!(other, "subtract")
      self + -other
    end

    def -@
      Money.from_minor(-@minor_units, @currency)
    end

    def zero?
      @minor_units.zero?
    end

    def <=>(other)
      return nil unless other.is_a?(Money) && other.currency == @currency

      @minor_units <=> other.minor_units
    end

    def ==(other)
      other.is_a?(Money) && other.currency == @currency && other.minor_units == @minor_units
    end
    alias eql? ==

    def hash
      [@minor_units, @currency].hash
    end

    # The amount with exactly the currency's minor digits: "1234.50".
    def amount_text
      Errors.check(Raw.arc_money_format(@minor_units, @currency))
    end

    def to_s
      "#{amount_text} #{@currency}"
    end

    def inspect
      "#<Arcollect::Money #{self}>"
    end

    private

    def same_currency!(other, operation)
      raise TypeError, "cannot #{operation} #{other.class} to Money" unless other.is_a?(Money)
      return if other.currency == @currency

      raise ArgumentError, "cannot #{operation} #{@currency} and #{other.currency}"
    end
  end
end
