"""Invoices: lines, totals, lifecycle, lists."""

import datetime
from decimal import Decimal

import pytest

import arcollect
from arcollect import InvoiceStatus, Line, Money
from conftest import usd


def test_create_computes_totals_with_the_documented_rounding(book, customer):
    invoice = book.invoices.create(customer, [
        Line("Managed endpoints", Decimal("15.00"), 42, tax_rate="8.25",
             item_code="MSP-ENDPOINT", period_start=datetime.date(2025, 4, 1),
             period_end=datetime.date(2025, 4, 30)),
        Line("After-hours support", usd("165.00"), Decimal("1.5")),
    ], issue=True, issue_date="2025-04-01", memo="April")
    assert invoice.status is InvoiceStatus.OPEN
    assert invoice.subtotal == usd("877.50")
    assert invoice.tax == usd("51.98")
    assert invoice.total == usd("929.48")
    assert invoice.balance == invoice.total
    assert invoice.amount_paid == usd("0")
    assert invoice.issue_date == datetime.date(2025, 4, 1)
    assert invoice.due_date == datetime.date(2025, 5, 1)
    assert invoice.memo == "April"
    first, second = invoice.lines
    assert first.description == "Managed endpoints"
    assert first.quantity == Decimal("42") and first.tax_rate == Decimal("8.25")
    assert first.unit_price == usd("15.00")
    assert first.item_code == "MSP-ENDPOINT"
    assert (first.period_start, first.period_end) == (datetime.date(2025, 4, 1),
                                                      datetime.date(2025, 4, 30))
    assert (first.net, first.tax) == (usd("630.00"), usd("51.98"))
    assert second.quantity == Decimal("1.5") and second.net == usd("247.50")
    assert second.tax_rate == Decimal("0") and second.period_start is None


def test_lines_may_be_tuples_or_dicts(book, customer):
    invoice = book.invoices.create(customer, [("Fee", "10.00", 2),
                                              {"description": "Setup", "unit_price": 5}])
    assert [line.net for line in invoice.lines] == [usd("20"), usd("5")]


def test_a_draft_gains_lines_then_is_issued(book, customer):
    draft = book.invoices.create(customer, number="Q-1")
    assert draft.status is InvoiceStatus.DRAFT and draft.balance == usd("0")
    assert draft.issue_date is None
    draft = book.invoices.add_line(draft, Line("Consulting", "120.00", 3))
    assert draft.total == usd("360.00")
    issued = draft.issue(datetime.date(2025, 4, 10))
    assert issued.status is InvoiceStatus.OPEN
    assert issued.due_date == datetime.date(2025, 5, 10)
    assert book.invoices.by_number("Q-1") == issued


def test_issuing_without_lines_is_a_conflict(book, customer):
    draft = book.invoices.create(customer)
    with pytest.raises(arcollect.ConflictError):
        draft.issue()


def test_a_draft_can_be_deleted(book, customer):
    draft = book.invoices.create(customer, [("Fee", "1")])
    book.invoices.delete(draft)
    with pytest.raises(arcollect.NotFoundError):
        draft.refresh()


def test_void_and_write_off(book, invoice, customer):
    voided = invoice.void(reason="billed twice")
    assert voided.status is InvoiceStatus.VOID and voided.balance == usd("0")
    other = book.invoices.create(customer, [("Fee", "50.00")], issue=True,
                                 issue_date="2025-01-10")
    written_off = other.write_off(date="2025-04-01", reason="client went bust")
    assert written_off.status is InvoiceStatus.WRITTEN_OFF
    kinds = [application.kind for application in written_off.applications()]
    assert kinds == [arcollect.ApplicationKind.WRITE_OFF]


def test_a_line_price_with_too_many_digits_is_refused(book, customer):
    with pytest.raises(arcollect.InvalidInputError):
        book.invoices.create(customer, [("Fee", "1.001")])


def test_floats_are_refused_for_quantities(book, customer):
    with pytest.raises(TypeError):
        book.invoices.create(customer, [Line("Fee", "1", 1.5)])


def test_list_filters_by_customer_and_status(book, customer, invoice):
    other = book.customers.create("C-2", "Other", "USD")
    book.invoices.create(other, [("Fee", "1")])
    assert [i.id for i in book.invoices.list(customer=customer)] == [invoice.id]
    assert [i.status for i in book.invoices.list(status="draft")] == ["draft"]
    listed = next(iter(book.invoices))
    assert listed.lines == ()
    assert list(customer.invoices()) == [listed]


def test_create_many_returns_ids_and_commits_in_batches(book, customer):
    ids = book.invoices.create_many(
        ({"customer": customer, "lines": [("Fee", str(n))], "issue": True}
         for n in range(1, 8)), batch_size=3)
    assert len(ids) == 7
    assert [book.invoices.get(i).total for i in ids] == [usd(str(n)) for n in range(1, 8)]
    assert not book.in_transaction


def test_create_many_rolls_back_the_failing_batch(book, customer):
    invoices = [{"customer": customer, "lines": [("Fee", "1")], "number": "N-1"},
                {"customer": customer, "lines": [("Fee", "1")], "number": "N-2"},
                {"customer": customer, "lines": [("Fee", "1")], "number": "N-1"}]
    with pytest.raises(arcollect.AlreadyExistsError):
        book.invoices.create_many(invoices, batch_size=2)
    assert [i.number for i in book.invoices] == ["N-1", "N-2"]
    assert not book.in_transaction


def test_an_invoice_in_another_currency(book, customer):
    invoice = book.invoices.create(customer, [("Licence", Money("1000", "JPY"))],
                                   currency="JPY", issue=True)
    assert invoice.total == Money(1000, "JPY")
