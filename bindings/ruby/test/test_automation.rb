# frozen_string_literal: true

require_relative "helper"

# Escalation rules and the automation run.
class TestAutomation < BookTest
  def test_a_rule_reads_back_its_fields
    rule = book.rules.add("big pricing disputes", %i[reassign set_due_date], statuses: [:open, "reopened"],
                                                                            min_days_in_state: 3, min_amount: usd("500"),
                                                                            reason_code: "PRICING",
                                                                            min_days_since_contact: 7, below_level: 2,
                                                                            assign_to: "lead", due_in_days: 5)
    assert_equal ["big pricing disputes", true, %i[reassign set_due_date], %i[open reopened]],
                 [rule.name, rule.active?, rule.actions, rule.statuses]
    assert_equal [3, usd("500"), "USD", "PRICING", 7, 2, "lead", 5],
                 [rule.min_days_in_state, rule.min_amount, rule.currency, rule.reason_code,
                  rule.min_days_since_contact, rule.below_level, rule.assign_to, rule.due_in_days]
    assert_equal rule, book.rules.by_name("big pricing disputes")
  end

  def test_rules_are_updated_listed_and_deleted
    rule = book.rules.add("nudge", :alert, min_days_in_state: 1)
    assert_equal %i[open in_review escalated reopened], rule.statuses
    assert_nil rule.min_amount
    idle = rule.update(active: false, min_days_in_state: 4)
    assert_equal [false, 4, "nudge"], [idle.active?, idle.min_days_in_state, idle.name]
    assert_empty book.rules.to_a
    assert_equal [idle], book.rules.list(include_inactive: true)
    idle.delete
    assert_raises(Arcollect::NotFoundError) { book.rules.get(rule.id) }
  end

  def test_a_rule_without_an_action_is_refused
    assert_raises(Arcollect::InvalidInputError) { book.rules.add("nothing", []) }
    assert_raises(ArgumentError) { book.rules.add("typo", :escalte) }
  end

  def test_the_run_escalates_alerts_and_marks_overdue
    dispute = book.disputes.open(invoice, "PRICING", usd("100"), "dana", due_date: "2025-04-22")
    book.rules.add("escalate after 2 days", %i[escalate alert], min_days_in_state: 2, below_level: 1)
    alerts = []
    book.events.subscribe { |event| alerts << event if event.kind == :dispute_alert }
    assert_equal 0, book.run_automation.escalations
    book.now = NOW + (3 * 86_400)
    result = book.run_automation
    assert_equal [1, 1, 1, 1, 1], [result.escalations, result.alerts, result.disputes_overdue,
                                   result.disputes_examined, result.rules_fired]
    assert_equal 1, dispute.refresh.escalation_level
    assert_equal "escalate after 2 days", alerts.first.detail
    assert_equal 0, book.run_automation.escalations
  end
end
