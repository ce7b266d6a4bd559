"""Timelines merge communications with account events, newest first."""

import datetime

from arcollect import EventKind, TimelineSource

UTC = datetime.timezone.utc


def test_a_customer_timeline_merges_and_pages(book, customer, invoice):
    book.communications.record(customer, "call", "outbound", call_outcome="no_answer",
                               occurred_at=datetime.datetime(2025, 4, 10, tzinfo=UTC))
    book.now = datetime.datetime(2025, 4, 21, 9, tzinfo=UTC)
    book.payments.record(customer, "10")
    items = list(book.timeline(customer=customer, page_size=1))
    sources = [item.source for item in items]
    assert sources == [TimelineSource.EVENT, TimelineSource.EVENT,
                       TimelineSource.COMMUNICATION]
    assert items[0].event.kind is EventKind.PAYMENT_RECEIVED
    assert items[1].event.kind is EventKind.INVOICE_ISSUED
    assert items[2].communication.channel == "call"
    assert items[2].event is None and items[0].communication is None
    assert items[0].occurred_at == datetime.datetime(2025, 4, 21, 9, tzinfo=UTC)


def test_a_dispute_timeline_has_its_events_and_communications(book, customer, invoice):
    dispute = book.disputes.open(invoice, "PRICING", "10", "dana")
    book.communications.record(customer, "note", body="about it", dispute=dispute)
    kinds = [item.source for item in dispute.timeline()]
    assert sorted(kinds) == [TimelineSource.COMMUNICATION, TimelineSource.EVENT]
    assert list(book.timeline(invoice=invoice))
