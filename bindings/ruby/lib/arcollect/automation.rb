# frozen_string_literal: true

module Arcollect
  # A rule that acts on disputes that are not resolved. +statuses+ and
  # +actions+ are arrays of symbols; +min_amount+ is a Money or nil.
  class EscalationRule < Record
    RULE_STATUSES = %i[open in_review escalated reopened].freeze

    field :id, :arc_escalation_rule_id
    field :name, :arc_escalation_rule_name
    field :active, :arc_escalation_rule_active, :bool
    field :min_days_in_state, :arc_escalation_rule_min_days_in_state
    field :currency, :arc_escalation_rule_currency
    field :reason_code, :arc_escalation_rule_reason_code
    field :min_days_since_contact, :arc_escalation_rule_min_days_since_contact
    field :below_level, :arc_escalation_rule_below_level
    field :assign_to, :arc_escalation_rule_assign_to
    field :due_in_days, :arc_escalation_rule_due_in_days
    attr_reader :statuses, :actions, :min_amount

    alias active? active

    def update(**fields) = book.rules.update(self, **fields)
    def delete = book.rules.delete(self)

    def to_h
      super.merge(statuses: statuses, actions: actions, min_amount: min_amount)
    end

    private

    def complete(handle)
      status_bits = Raw.arc_escalation_rule_statuses(handle)
      @statuses = RULE_STATUSES.select { |status| status_bits.anybits?(1 << DISPUTE_STATUS.to_c(status)) }.freeze
      action_bits = Raw.arc_escalation_rule_actions(handle)
      @actions = RULE_ACTION.symbols.select { |action| action_bits.anybits?(RULE_ACTION.to_c(action)) }.freeze
      units = Raw.arc_escalation_rule_min_amount(handle)
      @min_amount = currency ? Money.from_minor(units, currency) : nil
    end
  end

  # What an automation run did.
  AutomationResult = Struct.new(:disputes_examined, :rules_fired, :escalations, :reassignments, :due_dates_set,
                                :alerts, :disputes_overdue, :invoices_overdue, keyword_init: true)

  # The escalation rules of a book (+book.rules+); enumerating lists the active
  # ones in the order a run applies them.
  class Rules
    include Enumerable

    PAGE = %i[arc_escalation_rule_page_count arc_escalation_rule_page_at arc_escalation_rule_page_free].freeze
    FIELDS = %i[name actions active statuses min_days_in_state min_amount reason_code min_days_since_contact
                below_level assign_to due_in_days].freeze

    def initialize(book)
      @book = book
    end

    # Add a rule and return it. +actions+ is one or several of :escalate,
    # :alert, :reassign, :set_due_date. Conditions and parameters are keywords:
    # statuses (the unresolved states it applies to; all four by default),
    # min_days_in_state, min_amount (a Money, or an amount with currency:),
    # reason_code, min_days_since_contact, below_level, assign_to, due_in_days,
    # active.
    def add(name, actions, **conditions)
      get(@book.call(:arc_escalation_rule_add, Rules.opts(name: name, actions: actions, **conditions)))
    end

    # Change some fields of a rule, keeping the others; return it.
    def update(rule, **changes)
      unknown = changes.keys - FIELDS - [:currency]
      raise ArgumentError, "update: unknown fields #{unknown.inspect}" unless unknown.empty?

      current = rule.is_a?(EscalationRule) ? rule : get(rule)
      fields = FIELDS.to_h { |name| [name, current.public_send(name)] }.merge(changes)
      @book.call(:arc_escalation_rule_update, current.id, Rules.opts(**fields))
      get(current.id)
    end

    # Delete a rule; what it did stays in the journal.
    def delete(rule)
      @book.call(:arc_escalation_rule_delete, Convert.id_of(rule, "rule"))
      nil
    end

    def get(rule_id)
      handle = @book.call(:arc_escalation_rule_lookup, Convert.id_of(rule_id, "rule"))
      Pages.read_one(@book, handle, :arc_escalation_rule_free, EscalationRule)
    end

    def by_name(name)
      handle = @book.call(:arc_escalation_rule_lookup_by_name, name)
      Pages.read_one(@book, handle, :arc_escalation_rule_free, EscalationRule)
    end

    # The rules in id order, the order a run applies them in.
    def list(include_inactive: false)
      Pages.read(@book, @book.call(:arc_escalation_rule_list, include_inactive ? 1 : 0), PAGE, EscalationRule)
    end

    def each(&block)
      list.each(&block)
    end

    # The arc_escalation_rule_opts of a rule's fields.
    def self.opts(name:, actions:, active: true, statuses: [], min_days_in_state: 0, min_amount: nil,
                  reason_code: nil, min_days_since_contact: 0, below_level: 0, assign_to: nil, due_in_days: 0,
                  currency: nil)
      opts = Raw::ArcEscalationRuleOpts.new
      opts.name = name
      opts.actions = Array(actions).reduce(0) { |bits, action| bits | RULE_ACTION.to_c(action, "actions") }
      opts.active = active ? 1 : 0
      opts.statuses = statuses.reduce(0) { |bits, status| bits | (1 << DISPUTE_STATUS.to_c(status, "statuses")) }
      opts.min_days_in_state = min_days_in_state
      unless min_amount.nil?
        currency = min_amount.currency if min_amount.is_a?(Money)
        opts.min_amount = Money.to_minor(min_amount, currency, "min_amount")
        opts.currency = currency
      end
      opts.reason_code = reason_code
      opts.min_days_since_contact = min_days_since_contact
      opts.below_level = below_level
      opts.assign_to = assign_to
      opts.due_in_days = due_in_days
      opts
    end
  end

  # The automation run.
  module Automation
    # Run the automation as of the book's clock; an AutomationResult.
    def self.run(book)
      raw_result = Raw::ArcAutomationResult.new
      book.call(->(db) { Raw.arc_automation_run(raw_result, db) })
      AutomationResult.new(**AutomationResult.members.to_h { |name| [name, raw_result.public_send(name)] })
    end
  end
end
