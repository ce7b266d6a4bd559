# frozen_string_literal: true

require_relative "helper"

# Reason codes, disputes and the dispute report.
class TestDisputes < BookTest
  def test_the_catalog_is_seeded_and_editable
    codes = book.reason_codes.map(&:code)
    assert_includes codes, "PRICING"
    assert_equal codes.sort, codes
    added = book.reason_codes.add("PORTAL_DOWN", "Portal unavailable", category: "service",
                                                                       description: "The portal failed")
    assert_equal ["PORTAL_DOWN", "Portal unavailable", "service", true],
                 [added.code, added.label, added.category, added.active?]
    relabelled = book.reason_codes.update("PORTAL_DOWN", "Payment portal down", description: "")
    assert_equal ["Payment portal down", nil, "service"],
                 [relabelled.label, relabelled.description, relabelled.category]
    book.reason_codes.set_active("PORTAL_DOWN", false)
    refute book.reason_codes.get("PORTAL_DOWN").active?
    refute_includes book.reason_codes.map(&:code), "PORTAL_DOWN"
    assert_includes book.reason_codes.list(include_inactive: true).map(&:code), "PORTAL_DOWN"
    book.reason_codes.delete("PORTAL_DOWN")
    assert_raises(Arcollect::NotFoundError) { book.reason_codes.get("PORTAL_DOWN") }
  end

  def test_open_reads_back_every_field
    d = book.disputes.open(invoice, "QUANTITY", usd("200"), "dana", owner: "sam", due_date: "2025-05-01",
                                                                    description: "Billed 40 seats, use 32", lines: [1])
    assert_equal [invoice.id, invoice.customer_id, "USD", "QUANTITY", usd("200")],
                 [d.invoice_id, d.customer_id, d.currency, d.reason_code, d.amount]
    assert_equal [:open, :unresolved, 0, "dana", "sam"], [d.status, d.outcome, d.escalation_level, d.opened_by,
                                                          d.owner]
    assert_equal ["Billed 40 seats, use 32", Date.new(2025, 5, 1), NOW, [1]],
                 [d.description, d.due_date, d.opened_at, d.lines]
    assert_nil d.resolved_on
    assert_nil d.credit_memo_id
    assert_equal usd("200"), invoice.disputed_amount
    assert_equal usd("800"), invoice.customer.collectible_balance
  end

  def test_a_dispute_larger_than_the_balance_is_a_conflict
    assert_raises(Arcollect::ConflictError) { book.disputes.open(invoice, "PRICING", usd("1000.01"), "dana") }
  end

  def test_update_review_escalate
    d = book.disputes.open(invoice, "PRICING", usd("100"), "dana")
    d = d.update(amount: usd("120"), owner: "lee", reason_code: "DUPLICATE", description: "twice",
                 due_date: "2025-05-15")
    assert_equal [usd("120"), "lee", "DUPLICATE", Date.new(2025, 5, 15)], [d.amount, d.owner, d.reason_code,
                                                                            d.due_date]
    assert_equal :in_review, d.review("lee").status
    d = d.escalate("lee")
    assert_equal [:escalated, 1], [d.status, d.escalation_level]
    assert_raises(Arcollect::ConflictError) { d.review("lee") }
  end

  def test_resolving_as_credited_creates_and_applies_a_memo
    d = book.disputes.open(invoice, "SLA_CREDIT", usd("300"), "dana")
    r = d.resolve(:credited, "lee", amount: usd("250"), note: "4h outage", date: "2025-04-19")
    assert_equal [:resolved, :credited, usd("250"), "lee", "4h outage", Date.new(2025, 4, 19)],
                 [r.status, r.outcome, r.resolved_amount, r.resolved_by, r.resolution_note, r.resolved_on]
    assert_equal usd("250"), book.credit_memos.get(r.credit_memo_id).amount
    assert_equal usd("750"), invoice.refresh.balance
  end

  def test_rejected_disputes_reopen
    d = book.disputes.open(invoice, "PRICING", usd("100"), "dana").resolve(:rejected, "lee")
    reopened = d.reopen("dana", reason: "new evidence")
    assert_equal [:reopened, "new evidence"], [reopened.status, reopened.reopen_reason]
  end

  def test_written_off_disputes_write_off_the_invoice
    book.disputes.open(invoice, "PRICING", usd("1000"), "dana").resolve("written_off", "lee")
    assert_equal :written_off, invoice.refresh.status
  end

  def test_lists
    first = book.disputes.open(invoice, "PRICING", usd("10"), "dana")
    second = book.disputes.open(invoice, "DUPLICATE", usd("20"), "dana")
    second.review("dana")
    assert_equal [first.id, second.id], book.disputes.map(&:id)
    assert_equal [second.id], book.disputes.list(status: :in_review).map(&:id)
    assert_equal [first.id, second.id], invoice.disputes.map(&:id)
    assert_equal book.disputes.to_a, book.disputes.list(customer: customer).to_a
  end

  def test_the_report_ranks_reason_codes
    other = book.invoices.create(customer, [%w[Fee 500]], issue: true, issue_date: "2025-04-01")
    book.disputes.open(invoice, "PRICING", usd("100"), "dana")
    book.disputes.open(other, "PRICING", usd("50"), "dana")
    book.disputes.open(other, "DUPLICATE", usd("70"), "dana").resolve(:withdrawn, "lee", date: "2025-04-22")
    report = book.disputes.report
    assert_equal [:reason_code, "USD", 3, usd("220")], [report.grouping, report.currency, report.total_count,
                                                        report.total_amount]
    pricing, duplicate = report.rows
    assert_equal ["PRICING", "Pricing differs from contract", 2, usd("150"), BigDecimal("66.67"), 0],
                 [pricing.key, pricing.label, pricing.dispute_count, pricing.amount, pricing.share,
                  pricing.resolved_count]
    assert_nil pricing.mean_days
    assert_equal [1, BigDecimal("2"), BigDecimal("2")], [duplicate.resolved_count, duplicate.mean_days,
                                                         duplicate.median_days]
    assert_equal 1, duplicate.outcomes[:withdrawn]
    assert_equal 0, duplicate.outcomes[:unresolved]
  end

  def test_the_report_by_customer_and_month
    book.disputes.open(invoice, "PRICING", usd("100"), "dana")
    row = book.disputes.report(:customer).rows.first
    assert_equal [customer.id, customer.id.to_s], [row.customer_id, row.key]
    row = book.disputes.report(:month, from_date: "2025-04-01", to_date: "2025-04-30").rows.first
    assert_equal "2025-04", row.key
    assert_nil row.label
    assert_empty book.disputes.report(:month, to_date: "2025-03-31").rows
  end
end
