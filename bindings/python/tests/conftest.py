"""Fixtures: a fresh book per test, its clock standing at 2025-04-20 09:00 UTC."""

import datetime
from decimal import Decimal

import pytest

import arcollect

NOW = datetime.datetime(2025, 4, 20, 9, 0, tzinfo=datetime.timezone.utc)


@pytest.fixture
def book(tmp_path):
    with arcollect.open(tmp_path / "book.arcbook", now=NOW) as opened:
        yield opened


@pytest.fixture
def customer(book):
    return book.customers.create("C-1001", "Contoso Dental Group", "USD",
                                 billing_email="ap@contoso.example", payment_terms_days=30)


@pytest.fixture
def invoice(book, customer):
    """An issued invoice of 1,000.00 USD, dated 2025-03-01 and due 2025-03-31."""
    return book.invoices.create(customer, [arcollect.Line("Managed endpoints",
                                                          Decimal("25.00"), 40)],
                                issue=True, issue_date=datetime.date(2025, 3, 1))


def usd(text):
    return arcollect.Money(text, "USD")
