"""Customers, contacts and balances."""

import datetime

import pytest

import arcollect
from arcollect import CustomerStatus, Money


def test_create_reads_back_every_field(book):
    customer = book.customers.create(
        "C-7", "Fabrikam Logistics", "USD", billing_email="ap@fabrikam.example",
        phone="+1 512 555 0100", payment_terms_days=15, credit_limit="2500",
        owner="dana.whitfield", status="on_hold")
    assert customer.id > 0
    assert customer.reference == "C-7"
    assert customer.name == "Fabrikam Logistics"
    assert customer.billing_email == "ap@fabrikam.example"
    assert customer.phone == "+1 512 555 0100"
    assert customer.currency == "USD"
    assert customer.payment_terms_days == 15
    assert customer.credit_limit == Money("2500.00", "USD")
    assert customer.owner == "dana.whitfield"
    assert customer.status is CustomerStatus.ON_HOLD
    assert customer.created_at == datetime.datetime(2025, 4, 20, 9,
                                                    tzinfo=datetime.timezone.utc)


def test_optional_fields_default_and_read_as_none(book):
    customer = book.customers.create("C-8", "Tailspin", "EUR")
    assert customer.billing_email is None and customer.owner is None
    assert customer.payment_terms_days == 30
    assert customer.credit_limit == Money("0", "EUR")
    assert customer.status == "active"


def test_records_are_read_only_snapshots(book, customer):
    with pytest.raises(AttributeError):
        customer.name = "changed"


def test_update_changes_only_the_fields_given(book, customer):
    updated = customer.update(name="Contoso Dental", credit_limit=Money("100", "USD"),
                              owner=None, status=CustomerStatus.CLOSED)
    assert updated.name == "Contoso Dental"
    assert updated.credit_limit == Money("100", "USD")
    assert updated.owner is None
    assert updated.status is CustomerStatus.CLOSED
    assert updated.billing_email == customer.billing_email
    assert customer.name == "Contoso Dental Group"


def test_update_refuses_unknown_fields(book, customer):
    with pytest.raises(TypeError):
        customer.update(currency="EUR")


def test_lookup_by_reference(book, customer):
    assert book.customers.by_reference("C-1001") == customer
    with pytest.raises(arcollect.NotFoundError):
        book.customers.by_reference("nobody")


def test_list_filters_by_status(book, customer):
    book.customers.create("C-2", "Held", "USD", status="on_hold")
    assert [c.reference for c in book.customers.list(status="on_hold")] == ["C-2"]
    assert len(list(book.customers)) == 2
    with pytest.raises(ValueError):
        book.customers.list(status="asleep")


def test_contacts_are_added_listed_and_removed(book, customer):
    maria = customer.add_contact("Maria Chen", role="accounts payable",
                                 email="maria@contoso.example", phone="+1 512 555 0142")
    assert (maria.name, maria.role, maria.email, maria.phone) == (
        "Maria Chen", "accounts payable", "maria@contoso.example", "+1 512 555 0142")
    assert maria.customer_id == customer.id
    book.customers.add_contact(customer.id, "Sam Ortiz")
    assert [c.name for c in customer.contacts()] == ["Maria Chen", "Sam Ortiz"]
    maria.remove()
    assert [c.name for c in customer.contacts()] == ["Sam Ortiz"]


def test_balances_of_a_customer_without_invoices_are_zero(book, customer):
    zero = Money("0", "USD")
    assert customer.balance() == zero
    assert customer.unapplied_credit() == zero
    assert customer.collectible_balance() == zero
    assert book.customers.balance(customer, "EUR") == Money("0", "EUR")
