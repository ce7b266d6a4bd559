"""Payments, credit memos and their applications."""

import datetime

import pytest

import arcollect
from arcollect import ApplicationKind, InvoiceStatus, Money, PaymentMethod
from conftest import usd


def test_record_reads_back_every_field(book, customer):
    payment = book.payments.record(customer, usd("250.00"), method="ach",
                                   received_on=datetime.date(2025, 4, 2),
                                   reference="ACH 0402-1", idempotency_key="key-1")
    assert payment.customer_id == customer.id
    assert payment.amount == usd("250.00") and payment.currency == "USD"
    assert payment.method is PaymentMethod.ACH
    assert payment.received_on == datetime.date(2025, 4, 2)
    assert payment.reference == "ACH 0402-1"
    assert payment.idempotency_key == "key-1"
    assert (payment.applied, payment.unapplied) == (usd("0"), usd("250.00"))
    assert not payment.reversed and payment.reversed_on is None


def test_an_amount_without_money_takes_the_customer_currency(book, customer):
    assert book.payments.record(customer, "12.5").amount == usd("12.50")


def test_the_same_idempotency_key_returns_the_first_payment(book, customer):
    key = arcollect.new_token()
    first = book.payments.record(customer, usd("10"), idempotency_key=key)
    again = book.payments.record(customer, usd("10"), idempotency_key=key)
    assert again.id == first.id
    assert len(list(book.payments)) == 1
    with pytest.raises(arcollect.ConflictError):
        book.payments.record(customer, usd("11"), idempotency_key=key)


def test_apply_settles_part_of_an_invoice(book, invoice):
    payment = book.payments.record(invoice.customer_id, usd("400"), method="card",
                                   received_on="2025-04-05")
    payment = payment.apply(invoice, usd("300"), applied_on="2025-04-05")
    assert payment.applied == usd("300.00") and payment.unapplied == usd("100.00")
    invoice = invoice.refresh()
    assert invoice.status is InvoiceStatus.PARTIALLY_PAID
    assert invoice.amount_paid == usd("300") and invoice.balance == usd("700")
    (application,) = invoice.applications()
    assert application.kind is ApplicationKind.PAYMENT
    assert application.source_id == payment.id
    assert application.amount == usd("300")
    assert application.applied_on == datetime.date(2025, 4, 5)
    assert application.reversed_on is None
    assert payment.applications() == [application]


def test_over_application_is_a_conflict(book, invoice):
    payment = book.payments.record(invoice.customer_id, usd("50"))
    with pytest.raises(arcollect.ConflictError):
        payment.apply(invoice, usd("60"))


def test_auto_apply_pays_oldest_due_first(book, customer, invoice):
    later = book.invoices.create(customer, [("Fee", "100")], issue=True,
                                 issue_date="2025-04-01")
    payment = book.payments.record(customer, usd("1050"), auto_apply=True)
    assert payment.applied == usd("1050")
    assert invoice.refresh().status is InvoiceStatus.PAID
    assert later.refresh().balance == usd("50")
    second = book.payments.record(customer, usd("80"))
    assert second.apply_auto() == usd("50")


def test_reversal_reopens_what_the_payment_paid(book, invoice):
    payment = book.payments.record(invoice.customer_id, usd("1000"), auto_apply=True,
                                   received_on="2025-04-02")
    reversed_payment = payment.reverse(reason="R01 insufficient funds")
    assert reversed_payment.reversed
    assert reversed_payment.reversed_on == datetime.date(2025, 4, 20)
    assert reversed_payment.reversal_reason == "R01 insufficient funds"
    assert invoice.refresh().balance == usd("1000")
    (application,) = invoice.refresh().applications()
    assert application.reversed_on == datetime.date(2025, 4, 20)
    assert [p.id for p in book.payments.list(reversed=True)] == [payment.id]
    assert list(book.payments.list(reversed=False)) == []


def test_credit_memo_applied_at_creation(book, invoice):
    memo = book.credit_memos.create(invoice.customer_id, usd("250"), invoice=invoice,
                                    reason="SLA credit", issue_date="2025-04-03")
    assert memo.number.startswith("CM-")
    assert memo.applied == usd("250") and memo.unapplied == usd("0")
    assert memo.reason == "SLA credit" and memo.issue_date == datetime.date(2025, 4, 3)
    assert not memo.void
    (application,) = memo.applications()
    assert application.kind is ApplicationKind.CREDIT_MEMO
    assert invoice.refresh().balance == usd("750")


def test_credit_memo_apply_auto_and_void(book, customer, invoice):
    memo = book.credit_memos.create(customer, usd("100"))
    assert customer.unapplied_credit() == usd("100")
    memo = memo.apply(invoice, usd("40"))
    assert memo.unapplied == usd("60")
    assert memo.apply_auto() == usd("60")
    voided = memo.void_memo(reason="issued by mistake")
    assert voided.void and voided.applied == usd("0")
    assert invoice.refresh().balance == usd("1000")
    assert [m.id for m in book.credit_memos.list(void=True)] == [memo.id]


def test_balances_follow_payments(book, customer, invoice):
    book.payments.record(customer, usd("1200")).apply(invoice, usd("900"))
    assert customer.balance() == usd("100")
    assert customer.unapplied_credit() == usd("300")


def test_payments_in_another_currency_take_a_money(book, customer):
    payment = book.payments.record(customer, Money("5", "EUR"))
    assert payment.amount == Money("5.00", "EUR")
