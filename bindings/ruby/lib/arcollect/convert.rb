# frozen_string_literal: true

require "date"
require "time"

module Arcollect
  # Conversions between Ruby values and the C API's dates, instants, decimals
  # and record ids.
  module Convert
    DATE_NONE = Raw::ARC_DATE_NONE

    module_function

    # Dates converted either way, kept for reuse: dates repeat (issue dates,
    # due dates) and converting them is a call into the library. Each cache
    # is emptied when it reaches DATES_KEPT entries.
    DATES = {}
    DATE_CODES = {}
    DATES_KEPT = 4096

    # An arc_date for a Date, an ISO "YYYY-MM-DD" String or nil.
    def to_date(value, what = "date")
      case value
      when nil then DATE_NONE
      when String then Errors.check(Raw.arc_date_parse(value))
      when Date
        raise TypeError, "#{what} must be a Date, not a DateTime" if value.is_a?(DateTime)

        DATE_CODES.fetch(value) do
          DATE_CODES.clear if DATE_CODES.size >= DATES_KEPT
          DATE_CODES[value] = Errors.check(Raw.arc_date_from_ymd(value.year, value.month, value.day))
        end
      else
        raise TypeError, "#{what} must be a Date, not #{value.class}"
      end
    end

    # The Date of an arc_date, or nil for ARC_DATE_NONE.
    def from_date(value)
      return nil if value == DATE_NONE

      DATES.fetch(value) do
        DATES.clear if DATES.size >= DATES_KEPT
        DATES[value] = Date.new(*Errors.check(Raw.arc_date_to_ymd(value))).freeze
      end
    end

    # Whole UTC seconds of a Time (or DateTime); 0 for nil.
    def to_time(value, what = "instant")
      case value
      when nil then 0
      when Time then value.to_i
      when DateTime then value.to_time.to_i
      else raise TypeError, "#{what} must be a Time, not #{value.class}"
      end
    end

    # A UTC Time for whole seconds since the epoch.
    def from_time(value)
      Time.at(value).utc
    end

    # Plain decimal text of a quantity or rate; nil stays nil.
    def decimal_text(value, what)
      value.nil? ? nil : Money.decimal_text(value, what)
    end

    # A BigDecimal for the library's canonical decimal text; nil stays nil.
    def to_decimal(text)
      text && BigDecimal(text)
    end

    # The id of a record, or the id itself; 0 for nil.
    def id_of(value, what = "record")
      case value
      when nil then 0
      when Integer then value
      else
        record_id = value.respond_to?(:id) ? value.id : nil
        raise TypeError, "#{what} must be a record or an id, not #{value.class}" unless record_id.is_a?(Integer)

        record_id
      end
    end
  end
end
