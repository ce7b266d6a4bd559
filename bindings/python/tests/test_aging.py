"""The aging report."""

import datetime

from arcollect import Money
from conftest import usd


def test_default_buckets_age_by_days_past_due(book, customer, invoice):
    book.invoices.create(customer, [("Fee", "200")], issue=True, issue_date="2025-04-15")
    report = book.aging()
    assert report.as_of == datetime.date(2025, 4, 20)
    assert report.buckets == ("current", "1-30", "31-60", "61-90", "over 90")
    (row,) = report.rows
    assert row.customer_id == customer.id and row.currency == "USD"
    assert row.amounts == (usd("200"), usd("1000"), usd("0"), usd("0"), usd("0"))
    assert row.total == usd("1200") and row.invoice_count == 2
    assert row.disputed is None
    total = report.totals["USD"]
    assert total.amounts == row.amounts and total.total == usd("1200")
    assert total.invoice_count == 2


def test_custom_buckets_as_of_a_date_and_totals_only(book, invoice):
    report = book.aging("2025-06-15", buckets=[45, 90], totals_only=True)
    assert report.buckets == ("current", "1-45", "46-90", "over 90")
    assert report.rows == []
    assert report.totals["USD"].amounts == (usd("0"), usd("0"), usd("1000"), usd("0"))


def test_the_disputed_part_is_split_out(book, invoice):
    book.disputes.open(invoice, "PRICING", usd("150"), "dana")
    report = book.aging(split_disputed=True)
    assert report.rows[0].disputed[1] == usd("150")
    assert report.totals["USD"].disputed == (usd("0"), usd("150"), usd("0"), usd("0"),
                                             usd("0"))


def test_filters_by_customer_and_currency(book, customer, invoice):
    other = book.customers.create("C-EU", "Alpine", "EUR")
    book.invoices.create(other, [("Fee", "10")], issue=True)
    assert sorted(book.aging().totals) == ["EUR", "USD"]
    assert list(book.aging(currency="EUR").totals) == ["EUR"]
    assert [r.customer_id for r in book.aging(customer=other).rows] == [other.id]
    assert book.aging(currency="EUR").totals["EUR"].total == Money("10", "EUR")
