"""Reason codes, disputes and the dispute report."""

import datetime
from decimal import Decimal

import pytest

import arcollect
from arcollect import DisputeOutcome, DisputeStatus, InvoiceStatus
from conftest import usd


def test_the_catalog_is_seeded_and_editable(book):
    codes = [reason.code for reason in book.reason_codes]
    assert "PRICING" in codes and "SLA_CREDIT" in codes and codes == sorted(codes)
    added = book.reason_codes.add("PORTAL_DOWN", "Portal unavailable", category="service",
                                  description="The portal failed at checkout")
    assert (added.code, added.label, added.category, added.active) == (
        "PORTAL_DOWN", "Portal unavailable", "service", True)
    relabelled = book.reason_codes.update("PORTAL_DOWN", "Payment portal down",
                                          description="")
    assert relabelled.label == "Payment portal down" and relabelled.description is None
    assert relabelled.category == "service"
    book.reason_codes.set_active("PORTAL_DOWN", False)
    assert not book.reason_codes.get("PORTAL_DOWN").active
    assert "PORTAL_DOWN" not in [r.code for r in book.reason_codes.list()]
    assert "PORTAL_DOWN" in [r.code for r in book.reason_codes.list(include_inactive=True)]
    book.reason_codes.delete("PORTAL_DOWN")
    with pytest.raises(arcollect.NotFoundError):
        book.reason_codes.get("PORTAL_DOWN")


def test_open_reads_back_every_field(book, invoice):
    dispute = book.disputes.open(invoice, "QUANTITY", usd("200"), "dana",
                                 owner="sam", due_date="2025-05-01",
                                 description="Billed 40 seats, use 32", lines=[1])
    assert dispute.invoice_id == invoice.id and dispute.customer_id == invoice.customer_id
    assert dispute.currency == "USD" and dispute.reason_code == "QUANTITY"
    assert dispute.amount == usd("200")
    assert dispute.status is DisputeStatus.OPEN
    assert dispute.outcome is DisputeOutcome.UNRESOLVED
    assert dispute.escalation_level == 0
    assert (dispute.opened_by, dispute.owner) == ("dana", "sam")
    assert dispute.description == "Billed 40 seats, use 32"
    assert dispute.due_date == datetime.date(2025, 5, 1)
    assert dispute.opened_at == datetime.datetime(2025, 4, 20, 9,
                                                  tzinfo=datetime.timezone.utc)
    assert dispute.lines == (1,)
    assert dispute.resolved_on is None and dispute.credit_memo_id is None
    assert invoice.disputed_amount() == usd("200")
    assert invoice.customer().collectible_balance() == usd("800")


def test_a_dispute_larger_than_the_balance_is_a_conflict(book, invoice):
    with pytest.raises(arcollect.ConflictError):
        book.disputes.open(invoice, "PRICING", usd("1000.01"), "dana")


def test_update_review_escalate(book, invoice):
    dispute = book.disputes.open(invoice, "PRICING", usd("100"), "dana")
    dispute = dispute.update(amount=usd("120"), owner="lee", reason_code="DUPLICATE",
                             description="charged twice", due_date="2025-05-15")
    assert dispute.amount == usd("120") and dispute.owner == "lee"
    assert dispute.reason_code == "DUPLICATE" and dispute.due_date == datetime.date(2025, 5, 15)
    dispute = dispute.review("lee")
    assert dispute.status is DisputeStatus.IN_REVIEW
    dispute = dispute.escalate("lee")
    assert dispute.status is DisputeStatus.ESCALATED and dispute.escalation_level == 1
    with pytest.raises(arcollect.ConflictError):
        dispute.review("lee")


def test_resolving_as_credited_creates_and_applies_a_memo(book, invoice):
    dispute = book.disputes.open(invoice, "SLA_CREDIT", usd("300"), "dana")
    resolved = dispute.resolve("credited", "lee", amount=usd("250"), note="4h outage",
                               date="2025-04-19")
    assert resolved.status is DisputeStatus.RESOLVED
    assert resolved.outcome is DisputeOutcome.CREDITED
    assert resolved.resolved_amount == usd("250") and resolved.resolved_by == "lee"
    assert resolved.resolution_note == "4h outage"
    assert resolved.resolved_on == datetime.date(2025, 4, 19)
    memo = book.credit_memos.get(resolved.credit_memo_id)
    assert memo.amount == usd("250")
    assert invoice.refresh().balance == usd("750")


def test_rejected_disputes_reopen(book, invoice):
    dispute = book.disputes.open(invoice, "PRICING", usd("100"), "dana")
    dispute = dispute.resolve(DisputeOutcome.REJECTED, "lee")
    reopened = dispute.reopen("dana", reason="new evidence")
    assert reopened.status is DisputeStatus.REOPENED
    assert reopened.reopen_reason == "new evidence"


def test_written_off_disputes_write_off_the_invoice(book, invoice):
    dispute = book.disputes.open(invoice, "PRICING", usd("1000"), "dana")
    dispute.resolve("written_off", "lee")
    assert invoice.refresh().status is InvoiceStatus.WRITTEN_OFF


def test_lists(book, customer, invoice):
    first = book.disputes.open(invoice, "PRICING", usd("10"), "dana")
    second = book.disputes.open(invoice, "DUPLICATE", usd("20"), "dana")
    second.review("dana")
    assert [d.id for d in book.disputes] == [first.id, second.id]
    assert [d.id for d in book.disputes.list(status="in_review")] == [second.id]
    assert [d.id for d in invoice.disputes()] == [first.id, second.id]
    assert list(book.disputes.list(customer=customer)) == list(book.disputes)


def test_the_report_ranks_reason_codes(book, customer, invoice):
    other = book.invoices.create(customer, [("Fee", "500")], issue=True,
                                 issue_date="2025-04-01")
    book.disputes.open(invoice, "PRICING", usd("100"), "dana")
    book.disputes.open(other, "PRICING", usd("50"), "dana")
    book.disputes.open(other, "DUPLICATE", usd("70"), "dana").resolve(
        "withdrawn", "lee", date="2025-04-22")
    report = book.disputes.report()
    assert report.grouping is arcollect.DisputeGrouping.REASON_CODE
    assert report.currency == "USD"
    assert report.total_count == 3 and report.total_amount == usd("220")
    pricing, duplicate = report.rows
    assert (pricing.key, pricing.label) == ("PRICING", "Pricing differs from contract")
    assert pricing.dispute_count == 2 and pricing.amount == usd("150")
    assert pricing.share == Decimal("66.67")
    assert pricing.resolved_count == 0 and pricing.mean_days is None
    assert duplicate.resolved_count == 1
    assert duplicate.mean_days == Decimal("2") and duplicate.median_days == Decimal("2")
    assert duplicate.outcomes[DisputeOutcome.WITHDRAWN] == 1
    assert duplicate.outcomes[DisputeOutcome.UNRESOLVED] == 0


def test_the_report_by_customer_and_month(book, customer, invoice):
    book.disputes.open(invoice, "PRICING", usd("100"), "dana")
    (row,) = book.disputes.report("customer").rows
    assert row.customer_id == customer.id and row.key == str(customer.id)
    (row,) = book.disputes.report("month", from_date="2025-04-01",
                                  to_date="2025-04-30").rows
    assert row.key == "2025-04" and row.label is None
    assert book.disputes.report("month", to_date="2025-03-31").rows == []
