"""Escalation rules and the automation run."""

import datetime

import pytest

import arcollect
from arcollect import DisputeStatus, EventKind, RuleAction
from conftest import NOW, usd


def test_a_rule_reads_back_its_fields(book):
    rule = book.rules.add("big pricing disputes", ["reassign", "set_due_date"],
                          statuses=["open", DisputeStatus.REOPENED], min_days_in_state=3,
                          min_amount=usd("500"), reason_code="PRICING",
                          min_days_since_contact=7, below_level=2, assign_to="lead",
                          due_in_days=5)
    assert rule.name == "big pricing disputes" and rule.active
    assert rule.actions == {RuleAction.REASSIGN, RuleAction.SET_DUE_DATE}
    assert rule.statuses == {DisputeStatus.OPEN, DisputeStatus.REOPENED}
    assert rule.min_days_in_state == 3 and rule.min_amount == usd("500")
    assert rule.currency == "USD" and rule.reason_code == "PRICING"
    assert rule.min_days_since_contact == 7 and rule.below_level == 2
    assert rule.assign_to == "lead" and rule.due_in_days == 5
    assert book.rules.by_name("big pricing disputes") == rule


def test_rules_are_updated_listed_and_deleted(book):
    rule = book.rules.add("nudge", "alert", min_days_in_state=1)
    assert rule.statuses == {DisputeStatus.OPEN, DisputeStatus.IN_REVIEW,
                             DisputeStatus.ESCALATED, DisputeStatus.REOPENED}
    assert rule.min_amount is None
    idle = rule.update(active=False, min_days_in_state=4)
    assert not idle.active and idle.min_days_in_state == 4 and idle.name == "nudge"
    assert list(book.rules) == []
    assert book.rules.list(include_inactive=True) == [idle]
    idle.delete()
    with pytest.raises(arcollect.NotFoundError):
        book.rules.get(rule.id)


def test_a_rule_without_an_action_is_refused(book):
    with pytest.raises(arcollect.InvalidInputError):
        book.rules.add("nothing", ())
    with pytest.raises(ValueError):
        book.rules.add("typo", "escalte")


def test_the_run_escalates_alerts_and_marks_overdue(book, invoice):
    dispute = book.disputes.open(invoice, "PRICING", usd("100"), "dana",
                                 due_date="2025-04-22")
    book.rules.add("escalate after 2 days", ["escalate", "alert"], min_days_in_state=2,
                   below_level=1)
    alerts = []
    book.events.subscribe(lambda event: alerts.append(event)
                          if event.kind is EventKind.DISPUTE_ALERT else None)

    assert book.run_automation().escalations == 0
    book.now = NOW + datetime.timedelta(days=3)
    result = book.run_automation()
    assert result.escalations == 1 and result.alerts == 1
    assert result.disputes_overdue == 1
    assert result.disputes_examined == 1 and result.rules_fired == 1
    assert dispute.refresh().escalation_level == 1
    assert alerts[0].detail == "escalate after 2 days"
    assert book.run_automation().escalations == 0
