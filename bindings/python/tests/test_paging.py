"""Lists are iterators that read one page at a time."""

import arcollect
from arcollect import _raw


def test_lists_fetch_pages_lazily(book, monkeypatch):
    for number in range(7):
        book.customers.create(f"C-{number}", f"Customer {number}", "USD")
    calls = []
    real_list = _raw.arc_customer_list

    def counting(db, opts):
        calls.append(opts.after_id)
        return real_list(db, opts)

    monkeypatch.setattr(_raw, "arc_customer_list", counting)
    customers = book.customers.list(page_size=3)
    assert calls == []
    first = next(customers)
    assert first.reference == "C-0" and len(calls) == 1
    rest = list(customers)
    assert [c.reference for c in rest] == [f"C-{n}" for n in range(1, 7)]
    assert len(calls) == 3 and calls[1:] == [3, 6]


def test_a_list_stops_with_a_closed_error_if_its_book_closes(tmp_path):
    book = arcollect.open(tmp_path / "b.arcbook")
    for number in range(3):
        book.customers.create(f"C-{number}", "x", "USD")
    customers = book.customers.list(page_size=2)
    next(customers)
    next(customers)
    book.close()
    try:
        next(customers)
    except arcollect.ClosedError:
        pass
    else:
        raise AssertionError("a closed book gave another page")
