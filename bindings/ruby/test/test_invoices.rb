# frozen_string_literal: true

require_relative "helper"

# Invoices: lines, totals, lifecycle, lists.
class TestInvoices < BookTest
  Line = Arcollect::Line

  def test_create_computes_totals_with_the_documented_rounding
    inv = book.invoices.create(customer, [
                                 Line.new("Managed endpoints", BigDecimal("15.00"), 42, tax_rate: "8.25",
                                                                                       item_code: "MSP-ENDPOINT",
                                                                                       period_start: Date.new(2025, 4, 1),
                                                                                       period_end: Date.new(2025, 4, 30)),
                                 Line.new("After-hours support", usd("165.00"), BigDecimal("1.5"))
                               ], issue: true, issue_date: "2025-04-01", memo: "April")
    assert_equal :open, inv.status
    assert_equal [usd("877.50"), usd("51.98"), usd("929.48")], [inv.subtotal, inv.tax, inv.total]
    assert_equal inv.total, inv.balance
    assert_equal usd("0"), inv.amount_paid
    assert_equal [Date.new(2025, 4, 1), Date.new(2025, 5, 1)], [inv.issue_date, inv.due_date]
    assert_equal "April", inv.memo
    first, second = inv.lines
    assert_equal ["Managed endpoints", BigDecimal("42"), BigDecimal("8.25"), usd("15.00"), "MSP-ENDPOINT"],
                 [first.description, first.quantity, first.tax_rate, first.unit_price, first.item_code]
    assert_equal [Date.new(2025, 4, 1), Date.new(2025, 4, 30)], [first.period_start, first.period_end]
    assert_equal [usd("630.00"), usd("51.98")], [first.net, first.tax]
    assert_equal [BigDecimal("1.5"), usd("247.50"), BigDecimal("0")], [second.quantity, second.net, second.tax_rate]
    assert_nil second.period_start
  end

  def test_lines_may_be_arrays_or_hashes
    inv = book.invoices.create(customer, [["Fee", "10.00", 2], { description: "Setup", unit_price: 5 }])
    assert_equal [usd("20"), usd("5")], inv.lines.map(&:net)
  end

  def test_a_draft_gains_lines_then_is_issued
    draft = book.invoices.create(customer, number: "Q-1")
    assert_equal :draft, draft.status
    assert_nil draft.issue_date
    draft = book.invoices.add_line(draft, Line.new("Consulting", "120.00", 3))
    assert_equal usd("360.00"), draft.total
    issued = draft.issue(Date.new(2025, 4, 10))
    assert_equal [:open, Date.new(2025, 5, 10)], [issued.status, issued.due_date]
    assert_equal issued, book.invoices.by_number("Q-1")
  end

  def test_issuing_without_lines_is_a_conflict
    assert_raises(Arcollect::ConflictError) { book.invoices.create(customer).issue }
  end

  def test_a_draft_can_be_deleted
    draft = book.invoices.create(customer, [%w[Fee 1]])
    book.invoices.delete(draft)
    assert_raises(Arcollect::NotFoundError) { draft.refresh }
  end

  def test_void_and_write_off
    voided = invoice.void(reason: "billed twice")
    assert_equal [:void, usd("0")], [voided.status, voided.balance]
    other = book.invoices.create(customer, [["Fee", "50.00"]], issue: true, issue_date: "2025-01-10")
    written_off = other.write_off(date: "2025-04-01", reason: "client went bust")
    assert_equal :written_off, written_off.status
    assert_equal [:write_off], written_off.applications.map(&:kind)
  end

  def test_bad_amounts_are_refused
    assert_raises(Arcollect::InvalidInputError) { book.invoices.create(customer, [["Fee", "1.001"]]) }
    assert_raises(TypeError) { book.invoices.create(customer, [Line.new("Fee", "1", 1.5)]) }
  end

  def test_list_filters_by_customer_and_status
    invoice
    other = book.customers.create("C-2", "Other", "USD")
    book.invoices.create(other, [%w[Fee 1]])
    assert_equal [invoice.id], book.invoices.list(customer: customer).map(&:id)
    assert_equal [:draft], book.invoices.list(status: :draft).map(&:status)
    listed = book.invoices.first
    assert_empty listed.lines
    assert_equal [listed], customer.invoices.to_a
  end

  def test_create_many_returns_ids_and_commits_in_batches
    ids = book.invoices.create_many((1..7).map { |n| { customer: customer, lines: [["Fee", n.to_s]], issue: true } },
                                    batch_size: 3)
    assert_equal 7, ids.length
    assert_equal (1..7).map { |n| usd(n.to_s) }, ids.map { |id| book.invoices.get(id).total }
    refute book.in_transaction?
  end

  def test_create_many_rolls_back_the_failing_batch
    invoices = %w[N-1 N-2 N-1].map { |number| { customer: customer, lines: [%w[Fee 1]], number: number } }
    assert_raises(Arcollect::AlreadyExistsError) { book.invoices.create_many(invoices, batch_size: 2) }
    assert_equal %w[N-1 N-2], book.invoices.map(&:number)
    refute book.in_transaction?
  end

  def test_an_invoice_in_another_currency
    inv = book.invoices.create(customer, [["Licence", Arcollect::Money.new("1000", "JPY")]], currency: "JPY",
                                                                                           issue: true)
    assert_equal Arcollect::Money.new(1000, "JPY"), inv.total
  end
end
