# frozen_string_literal: true

require_relative "helper"

# The aging report.
class TestAging < BookTest
  def test_default_buckets_age_by_days_past_due
    invoice
    book.invoices.create(customer, [%w[Fee 200]], issue: true, issue_date: "2025-04-15")
    report = book.aging
    assert_equal Date.new(2025, 4, 20), report.as_of
    assert_equal ["current", "1-30", "31-60", "61-90", "over 90"], report.buckets
    row = report.rows.first
    assert_equal [customer.id, "USD", 2, usd("1200")], [row.customer_id, row.currency, row.invoice_count, row.total]
    assert_equal [usd("200"), usd("1000"), usd("0"), usd("0"), usd("0")], row.amounts
    assert_nil row.disputed
    total = report.totals["USD"]
    assert_equal [row.amounts, usd("1200"), 2], [total.amounts, total.total, total.invoice_count]
  end

  def test_custom_buckets_as_of_a_date_and_totals_only
    invoice
    report = book.aging("2025-06-15", buckets: [45, 90], totals_only: true)
    assert_equal ["current", "1-45", "46-90", "over 90"], report.buckets
    assert_empty report.rows
    assert_equal [usd("0"), usd("0"), usd("1000"), usd("0")], report.totals["USD"].amounts
  end

  def test_the_disputed_part_is_split_out
    book.disputes.open(invoice, "PRICING", usd("150"), "dana")
    report = book.aging(split_disputed: true)
    assert_equal usd("150"), report.rows.first.disputed[1]
    assert_equal [usd("0"), usd("150"), usd("0"), usd("0"), usd("0")], report.totals["USD"].disputed
  end

  def test_filters_by_customer_and_currency
    invoice
    other = book.customers.create("C-EU", "Alpine", "EUR")
    book.invoices.create(other, [%w[Fee 10]], issue: true)
    assert_equal %w[EUR USD], book.aging.totals.keys.sort
    assert_equal ["EUR"], book.aging(currency: "EUR").totals.keys
    assert_equal [other.id], book.aging(customer: other).rows.map(&:customer_id)
  end
end
