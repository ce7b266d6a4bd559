"""Errors become exceptions under arcollect.Error, carrying the library's message."""

import pytest

import arcollect
from conftest import usd


def test_every_error_class_derives_from_the_base():
    for name in ("InvalidInputError", "NotFoundError", "AlreadyExistsError",
                 "ConflictError", "BusyError", "OutOfMemoryError", "StorageError",
                 "NotABookError", "VersionError", "AmountOverflowError",
                 "UnsupportedError", "ClosedError"):
        assert issubclass(getattr(arcollect, name), arcollect.Error)


def test_a_duplicate_reference_raises_already_exists_with_the_library_message(
        book, customer):
    with pytest.raises(arcollect.AlreadyExistsError) as caught:
        book.customers.create("C-1001", "Another", "USD")
    assert str(caught.value) == 'customer: reference "C-1001" is already used'
    assert caught.value.code == -4
    assert caught.value.code_name == "ARC_EEXISTS"


def test_an_unknown_id_raises_not_found_which_is_a_lookup_error(book):
    with pytest.raises(arcollect.NotFoundError) as caught:
        book.invoices.get(999)
    assert isinstance(caught.value, LookupError)
    assert caught.value.code_name == "ARC_ENOTFOUND"


def test_invalid_input_names_the_field_and_is_a_value_error(book):
    with pytest.raises(arcollect.InvalidInputError) as caught:
        book.customers.create("C-2", "Bad currency", "XXQ")
    assert isinstance(caught.value, ValueError)
    assert "currency" in str(caught.value)


def test_a_refused_transition_raises_conflict(book, invoice):
    book.payments.record(invoice.customer_id, usd("10.00")).apply(invoice, usd("10.00"))
    with pytest.raises(arcollect.ConflictError):
        invoice.void()


def test_an_amount_that_overflows_raises_amount_overflow(book, customer):
    with pytest.raises(arcollect.AmountOverflowError) as caught:
        arcollect.Money("99999999999999999999", "USD")
    assert isinstance(caught.value, OverflowError)


def test_a_file_that_is_not_a_book_raises_not_a_book(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_bytes(b"just some text, not a database\n" * 200)
    with pytest.raises(arcollect.NotABookError):
        arcollect.open(path)


def test_an_error_leaves_the_thread_error_cleared(book):
    with pytest.raises(arcollect.NotFoundError):
        book.customers.get(42)
    assert arcollect._raw.arc_error_last() == ""
    assert arcollect._raw.arc_error_last_code() == 0
