# frozen_string_literal: true

require_relative "helper"

# Payments, credit memos and their applications.
class TestPayments < BookTest
  def test_record_reads_back_every_field
    pay = book.payments.record(customer, usd("250.00"), method: :ach, received_on: Date.new(2025, 4, 2),
                                                        reference: "ACH 0402-1", idempotency_key: "key-1")
    assert_equal [customer.id, usd("250.00"), "USD", :ach], [pay.customer_id, pay.amount, pay.currency,
                                                              pay.payment_method]
    assert_equal [Date.new(2025, 4, 2), "ACH 0402-1", "key-1"], [pay.received_on, pay.reference, pay.idempotency_key]
    assert_equal [usd("0"), usd("250.00")], [pay.applied, pay.unapplied]
    refute pay.reversed?
    assert_nil pay.reversed_on
  end

  def test_an_amount_without_money_takes_the_customer_currency
    assert_equal usd("12.50"), book.payments.record(customer, "12.5").amount
  end

  def test_the_same_idempotency_key_returns_the_first_payment
    key = Arcollect.new_token
    first = book.payments.record(customer, usd("10"), idempotency_key: key)
    assert_equal first.id, book.payments.record(customer, usd("10"), idempotency_key: key).id
    assert_equal 1, book.payments.count
    assert_raises(Arcollect::ConflictError) { book.payments.record(customer, usd("11"), idempotency_key: key) }
  end

  def test_apply_settles_part_of_an_invoice
    pay = book.payments.record(invoice.customer_id, usd("400"), method: "card", received_on: "2025-04-05")
    pay = pay.apply(invoice, usd("300"), applied_on: "2025-04-05")
    assert_equal [usd("300.00"), usd("100.00")], [pay.applied, pay.unapplied]
    refreshed = invoice.refresh
    assert_equal [:partially_paid, usd("300"), usd("700")], [refreshed.status, refreshed.amount_paid,
                                                             refreshed.balance]
    application = refreshed.applications.first
    assert_equal [:payment, pay.id, usd("300"), Date.new(2025, 4, 5)],
                 [application.kind, application.source_id, application.amount, application.applied_on]
    assert_nil application.reversed_on
    assert_equal [application], pay.applications
  end

  def test_over_application_is_a_conflict
    pay = book.payments.record(invoice.customer_id, usd("50"))
    assert_raises(Arcollect::ConflictError) { pay.apply(invoice, usd("60")) }
  end

  def test_auto_apply_pays_oldest_due_first
    invoice
    later = book.invoices.create(customer, [%w[Fee 100]], issue: true, issue_date: "2025-04-01")
    pay = book.payments.record(customer, usd("1050"), auto_apply: true)
    assert_equal usd("1050"), pay.applied
    assert_equal :paid, invoice.refresh.status
    assert_equal usd("50"), later.refresh.balance
    assert_equal usd("50"), book.payments.record(customer, usd("80")).apply_auto
  end

  def test_reversal_reopens_what_the_payment_paid
    pay = book.payments.record(invoice.customer_id, usd("1000"), auto_apply: true, received_on: "2025-04-02")
    reversed = pay.reverse(reason: "R01 insufficient funds")
    assert reversed.reversed?
    assert_equal [Date.new(2025, 4, 20), "R01 insufficient funds"], [reversed.reversed_on, reversed.reversal_reason]
    assert_equal usd("1000"), invoice.refresh.balance
    assert_equal Date.new(2025, 4, 20), invoice.applications.first.reversed_on
    assert_equal [pay.id], book.payments.list(reversed: true).map(&:id)
    assert_empty book.payments.list(reversed: false).to_a
  end

  def test_credit_memo_applied_at_creation
    memo = book.credit_memos.create(invoice.customer_id, usd("250"), invoice: invoice, reason: "SLA credit",
                                                                     issue_date: "2025-04-03")
    assert_match(/\ACM-/, memo.number)
    assert_equal [usd("250"), usd("0"), "SLA credit", Date.new(2025, 4, 3)],
                 [memo.applied, memo.unapplied, memo.reason, memo.issue_date]
    refute memo.void?
    assert_equal [:credit_memo], memo.applications.map(&:kind)
    assert_equal usd("750"), invoice.refresh.balance
  end

  def test_credit_memo_apply_auto_and_void
    invoice
    memo = book.credit_memos.create(customer, usd("100"))
    assert_equal usd("100"), customer.unapplied_credit
    memo = memo.apply(invoice, usd("40"))
    assert_equal usd("60"), memo.unapplied
    assert_equal usd("60"), memo.apply_auto
    voided = memo.void_memo(reason: "issued by mistake")
    assert voided.void?
    assert_equal usd("0"), voided.applied
    assert_equal usd("1000"), invoice.refresh.balance
    assert_equal [memo.id], book.credit_memos.list(void: true).map(&:id)
  end

  def test_balances_follow_payments
    book.payments.record(customer, usd("1200")).apply(invoice, usd("900"))
    assert_equal usd("100"), customer.balance
    assert_equal usd("300"), customer.unapplied_credit
  end
end
