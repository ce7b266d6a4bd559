"""Event subscriptions with Python callbacks, and the journal cursor."""

import gc

import pytest

import arcollect
from arcollect import EventKind
from conftest import usd


def test_a_callback_sees_each_committed_event_in_order(book, customer):
    seen = []
    with book.events.subscribe(seen.append) as subscription:
        assert subscription.active
        invoice = book.invoices.create(customer, [("Fee", "100")], issue=True)
    assert not subscription.active
    assert [event.kind for event in seen] == [EventKind.INVOICE_ISSUED]
    issued = seen[0]
    assert issued.record_id == invoice.id and issued.invoice_id == invoice.id
    assert issued.customer_id == customer.id
    assert issued.amount == usd("100") and issued.currency == "USD"
    assert issued.dispute_id is None
    book.customers.create("C-2", "After", "USD")
    assert len(seen) == 1


def test_events_of_a_rolled_back_transaction_never_arrive(book):
    seen = []
    book.events.subscribe(seen.append)
    with pytest.raises(RuntimeError):
        with book.transaction():
            book.customers.create("C-9", "Gone", "USD")
            raise RuntimeError
    assert seen == []
    with book.transaction():
        book.customers.create("C-9", "Kept", "USD")
        assert seen == []
    assert [event.kind for event in seen] == [EventKind.CUSTOMER_CREATED]


def test_an_exception_in_a_callback_is_reported_and_the_change_stays(book):
    def broken(event):
        raise ValueError("webhook down")

    later = []
    book.events.subscribe(broken)
    book.events.subscribe(later.append)
    with pytest.warns(arcollect.CallbackWarning, match="webhook down"):
        customer = book.customers.create("C-1", "Still created", "USD")
    assert customer.refresh().name == "Still created"
    assert len(later) == 1
    assert [type(error) for error in book.callback_errors] == [ValueError]


def test_keyboard_interrupt_in_a_callback_is_raised_after_the_call(book):
    def interrupt(event):
        raise KeyboardInterrupt

    book.events.subscribe(interrupt)
    with pytest.raises(KeyboardInterrupt):
        book.customers.create("C-1", "Created anyway", "USD")
    assert book.customers.by_reference("C-1").name == "Created anyway"


def test_a_callback_may_read_and_write_the_book(book, customer):
    names = []

    def on_event(event):
        if event.kind is EventKind.CUSTOMER_UPDATED:
            names.append(book.customers.get(event.record_id).name)
        if event.kind is EventKind.INVOICE_ISSUED:
            book.communications.record(event.customer_id, "note", "internal",
                                       body=f"issued {event.record_id}")

    book.events.subscribe(on_event)
    customer.update(name="Renamed")
    book.invoices.create(customer, [("Fee", "1")], issue=True)
    assert names == ["Renamed"]
    assert [c.body for c in book.communications] == ["issued 1"]


def test_a_callback_cannot_close_its_book(book):
    errors = []

    def close_it(event):
        try:
            book.close()
        except arcollect.Error as error:
            errors.append(error)

    book.events.subscribe(close_it)
    book.customers.create("C-1", "x", "USD")
    assert not book.closed and len(errors) == 1


def test_subscriptions_end_with_their_book(tmp_path):
    seen = []
    book = arcollect.open(tmp_path / "b.arcbook")
    subscription = book.events.subscribe(seen.append)
    book.close()
    assert not subscription.active
    subscription.cancel()
    del book
    gc.collect()


def test_the_journal_reads_from_a_cursor_a_page_at_a_time(book, customer, invoice):
    book.customers.update(customer, name="Renamed")
    events = list(book.events.list(page_size=2))
    assert [e.kind for e in events] == [EventKind.CUSTOMER_CREATED,
                                        EventKind.INVOICE_ISSUED,
                                        EventKind.CUSTOMER_UPDATED]
    assert [e.id for e in book.events.list(after=events[0].id)] == [
        events[1].id, events[2].id]
    assert events[0].occurred_at == book.now


def test_dispute_events_carry_the_actor_and_detail(book, invoice):
    dispute = book.disputes.open(invoice, "PRICING", usd("5"), "dana")
    dispute.escalate("lee")
    escalated = list(book.events)[-1]
    assert escalated.kind is EventKind.DISPUTE_ESCALATED
    assert escalated.actor == "lee" and escalated.detail == "level 1"
    assert escalated.dispute_id == dispute.id
