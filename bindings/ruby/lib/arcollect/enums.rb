# frozen_string_literal: true

module Arcollect
  # Enumerations as symbols, built from the library's own names so they never
  # drift: :partially_paid, :invoice_issued ("invoice.issued" with the dot made
  # an underscore). Calls accept the symbol or the library's name as a String.
  class Enum
    attr_reader :name, :symbols

    # An enumeration of the values 0, 1, ... that +name_function+ names.
    def self.from_names(name, name_function)
      names = []
      while (text = Raw.public_send(name_function, names.length))
        names << text
      end
      new(name, names.each_with_index.map { |text, number| [number, text] })
    end

    def initialize(name, pairs)
      @name = name
      @to_c = {}
      @from_c = {}
      pairs.each do |number, text|
        symbol = text.tr(".", "_").to_sym
        @to_c[symbol] = number
        @to_c[symbol.to_s] = number
        @to_c[text] = number
        @from_c[number] = symbol
      end
      @symbols = @from_c.values.freeze
      freeze
    end

    # The C value of a symbol or name; ArgumentError names the choices.
    def to_c(value, what = @name)
      key = value.is_a?(Symbol) ? value : value.to_s
      @to_c.fetch(key) do
        raise ArgumentError, "#{what}: #{value.inspect} is not one of #{@symbols.map(&:inspect).join(", ")}"
      end
    end

    # The symbol of a C value; a value newer than this binding stays a number.
    def from_c(number)
      @from_c.fetch(number, number)
    end
  end

  CUSTOMER_STATUS = Enum.from_names("customer status", :arc_customer_status_name)
  INVOICE_STATUS = Enum.from_names("invoice status", :arc_invoice_status_name)
  PAYMENT_METHOD = Enum.from_names("payment method", :arc_payment_method_name)
  APPLICATION_KIND = Enum.from_names("application kind", :arc_application_kind_name)
  DISPUTE_STATUS = Enum.from_names("dispute status", :arc_dispute_status_name)
  DISPUTE_OUTCOME = Enum.from_names("dispute outcome", :arc_dispute_outcome_name)
  CHANNEL = Enum.from_names("channel", :arc_communication_channel_name)
  DIRECTION = Enum.from_names("direction", :arc_communication_direction_name)
  CALL_OUTCOME = Enum.from_names("call outcome", :arc_call_outcome_name)
  EVENT_KIND = Enum.from_names("event kind", :arc_event_kind_name)

  # The C API has no name functions for these.
  TIMELINE_SOURCE = Enum.new("timeline source", [[Raw::ARC_TIMELINE_COMMUNICATION, "communication"],
                                                 [Raw::ARC_TIMELINE_EVENT, "event"]])
  DISPUTE_GROUPING = Enum.new("grouping", [[Raw::ARC_DISPUTE_GROUP_REASON_CODE, "reason_code"],
                                           [Raw::ARC_DISPUTE_GROUP_CUSTOMER, "customer"],
                                           [Raw::ARC_DISPUTE_GROUP_MONTH, "month"]])
  SEQUENCE = Enum.new("sequence", [[Raw::ARC_SEQUENCE_INVOICE, "invoice"],
                                   [Raw::ARC_SEQUENCE_CREDIT_MEMO, "credit_memo"]])
  RULE_ACTION = Enum.new("action", [[Raw::ARC_RULE_ESCALATE, "escalate"],
                                    [Raw::ARC_RULE_ALERT, "alert"],
                                    [Raw::ARC_RULE_REASSIGN, "reassign"],
                                    [Raw::ARC_RULE_SET_DUE_DATE, "set_due_date"]])
end
