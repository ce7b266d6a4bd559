"""Books: opening, closing, context managers, transactions, clock, numbering."""

import datetime
import gc

import pytest

import arcollect
from conftest import NOW


def test_a_book_is_a_context_manager_that_closes_on_exit(tmp_path):
    with arcollect.open(tmp_path / "b.arcbook") as book:
        assert not book.closed
        assert len(book.id) == 32
        assert book.schema_version >= 1
    assert book.closed


def test_create_false_refuses_a_missing_book(tmp_path):
    with pytest.raises(arcollect.NotFoundError):
        arcollect.open(tmp_path / "missing.arcbook", create=False)


def test_a_closed_book_raises_closed_error_and_closing_twice_is_harmless(tmp_path):
    book = arcollect.open(tmp_path / "b.arcbook")
    book.close()
    book.close()
    with pytest.raises(arcollect.ClosedError):
        book.customers.create("C-1", "x", "USD")
    with pytest.raises(arcollect.ClosedError):
        list(book.customers)
    with pytest.raises(arcollect.ClosedError):
        book.now


def test_records_keep_their_book_alive_and_stay_readable_after_close(tmp_path):
    book = arcollect.open(tmp_path / "b.arcbook")
    customer = book.customers.create("C-1", "Kept", "EUR")
    del book
    gc.collect()
    assert not customer.book.closed
    assert customer.refresh().name == "Kept"
    customer.book.close()
    assert customer.name == "Kept"
    with pytest.raises(arcollect.ClosedError):
        customer.refresh()


def test_the_fixed_clock_stands_still_until_it_is_set(book):
    assert book.now == NOW
    assert book.today == datetime.date(2025, 4, 20)
    book.now = NOW + datetime.timedelta(days=10, hours=20)
    assert book.today == datetime.date(2025, 5, 1)


def test_the_clock_refuses_naive_datetimes(book):
    with pytest.raises(ValueError):
        book.now = datetime.datetime(2025, 1, 1)


def test_the_system_clock_cannot_be_set(tmp_path):
    with arcollect.open(tmp_path / "b.arcbook") as book:
        assert abs(book.now - datetime.datetime.now(datetime.timezone.utc)).total_seconds() < 60
        with pytest.raises(arcollect.Error):
            book.now = NOW


def test_a_transaction_commits_on_exit(book):
    with book.transaction():
        assert book.in_transaction
        book.customers.create("C-1", "One", "USD")
        book.customers.create("C-2", "Two", "USD")
    assert not book.in_transaction
    assert [c.reference for c in book.customers] == ["C-1", "C-2"]


def test_a_transaction_rolls_back_when_the_block_raises(book):
    with pytest.raises(RuntimeError):
        with book.transaction():
            book.customers.create("C-1", "One", "USD")
            raise RuntimeError("changed my mind")
    assert list(book.customers) == []


def test_transactions_do_not_nest(book):
    with book.transaction():
        with pytest.raises(arcollect.ConflictError):
            with book.transaction():
                pass


def test_begin_commit_and_rollback_by_hand(book):
    book.begin()
    book.customers.create("C-1", "One", "USD")
    book.rollback()
    book.begin()
    book.customers.create("C-2", "Two", "USD")
    book.commit()
    assert [c.reference for c in book.customers] == ["C-2"]


def test_numbering_gives_new_invoices_their_numbers(book, customer):
    book.set_numbering("invoice", "INV-2025-", next=7, width=4)
    invoice = book.invoices.create(customer, [("Fee", "10.00")])
    assert invoice.number == "INV-2025-0007"
    book.set_numbering(arcollect.Sequence.CREDIT_MEMO, "CM-", 1, 3)
    memo = book.credit_memos.create(customer, "5.00")
    assert memo.number == "CM-001"


def test_numbering_refuses_an_unknown_sequence(book):
    with pytest.raises(ValueError):
        book.set_numbering("payment", "P-")


def test_tokens_are_32_hex_digits_and_differ(book):
    first, second = arcollect.new_token(), arcollect.new_token()
    assert len(first) == 32 and int(first, 16) >= 0
    assert first != second


def test_the_library_version_is_exposed():
    assert arcollect.__version__ == ".".join(map(str, arcollect.version_info))


def test_delete_book_removes_a_closed_book(tmp_path):
    path = tmp_path / "gone.arcbook"
    arcollect.open(path).close()
    arcollect.delete_book(path)
    assert not path.exists()
    with pytest.raises(arcollect.NotFoundError):
        arcollect.delete_book(path)
