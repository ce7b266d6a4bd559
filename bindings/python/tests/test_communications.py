"""Communications: channels, links, threads, search."""

import datetime

import pytest

import arcollect
from arcollect import CallOutcome, Channel, ChatMessage, Direction

UTC = datetime.timezone.utc


def test_a_call_keeps_its_number_duration_and_outcome(book, customer, invoice):
    call = book.communications.record(
        customer, "call", "outbound", user="dana", phone_number="+1 512 555 0142",
        call_duration=datetime.timedelta(minutes=4), call_outcome="promise_to_pay",
        body="Will pay Friday", invoices=[invoice],
        occurred_at=datetime.datetime(2025, 4, 18, 15, tzinfo=UTC))
    assert call.channel is Channel.CALL and call.direction is Direction.OUTBOUND
    assert call.user == "dana" and call.phone_number == "+1 512 555 0142"
    assert call.call_duration == datetime.timedelta(minutes=4)
    assert call.call_outcome is CallOutcome.PROMISE_TO_PAY
    assert call.body == "Will pay Friday"
    assert call.invoice_ids == (invoice.id,)
    assert call.occurred_at == datetime.datetime(2025, 4, 18, 15, tzinfo=UTC)
    assert call.created_at == datetime.datetime(2025, 4, 20, 9, tzinfo=UTC)
    assert call.email_from is None and call.dispute_id is None


def test_fields_a_channel_does_not_keep_are_refused(book, customer):
    with pytest.raises(arcollect.InvalidInputError):
        book.communications.record(customer, "note", body="x", phone_number="+1 555")
    with pytest.raises(TypeError):
        book.communications.record(customer, "note", body="x", colour="red")


def test_emails_thread_by_in_reply_to(book, customer):
    first = book.communications.record(customer, "email", "outbound",
                                       subject="Invoice INV-1 overdue",
                                       body="Please pay.", email_from="ar@us.example",
                                       email_to="ap@contoso.example",
                                       message_id="<a@us.example>")
    reply = book.communications.record(customer, "email", subject="Re: Invoice INV-1",
                                       body="Paying today.", email_cc="cfo@contoso",
                                       message_id="<b@contoso>",
                                       in_reply_to="<a@us.example>")
    assert reply.thread_id == "<a@us.example>" and reply.email_cc == "cfo@contoso"
    assert [m.id for m in reply.thread()] == [first.id, reply.id]


def test_a_chat_keeps_its_transcript(book, customer):
    at = datetime.datetime(2025, 4, 19, 10, tzinfo=UTC)
    chat = book.communications.record(customer, "chat", occurred_at=at, chat=[
        ChatMessage("Maria", "Is the March invoice right?"),
        ("Dana", "Checking now", at + datetime.timedelta(minutes=1)),
    ])
    assert chat.chat == (
        ChatMessage("Maria", "Is the March invoice right?", at),
        ChatMessage("Dana", "Checking now", at + datetime.timedelta(minutes=1)))


def test_a_communication_links_to_a_dispute(book, customer, invoice):
    dispute = book.disputes.open(invoice, "PRICING", "10", "dana")
    note = book.communications.record(customer, "note", "internal", body="Check contract",
                                      dispute=dispute)
    assert note.dispute_id == dispute.id
    assert [c.id for c in book.communications.list(dispute=dispute)] == [note.id]


def test_lists_run_newest_first_and_filter(book, customer, invoice):
    older = book.communications.record(
        customer, "note", body="older", occurred_at=datetime.datetime(2025, 4, 1, tzinfo=UTC))
    newer = book.communications.record(customer, "sms", "outbound", body="newer",
                                       invoices=[invoice])
    assert [c.id for c in book.communications] == [newer.id, older.id]
    assert [c.id for c in book.communications.list(channel="note")] == [older.id]
    assert [c.id for c in book.communications.list(invoice=invoice)] == [newer.id]
    assert [c.id for c in book.communications.list(customer=customer, page_size=1)] == [
        newer.id, older.id]


def test_search_finds_and_marks_matches(book, customer):
    email = book.communications.record(customer, "email", subject="Chargeback notice",
                                       body="The card chargeback arrived.")
    book.communications.record(customer, "note", body="Nothing to see")
    (hit,) = book.communications.search("chargeback", mark_open="<b>", mark_close="</b>")
    assert hit.id == email.id and hit.customer_id == customer.id
    assert hit.channel is Channel.EMAIL
    assert "<b>" in hit.snippet
    assert hit.communication().subject == "Chargeback notice"
    assert list(book.communications.search("escrow")) == []
    with pytest.raises(arcollect.InvalidInputError):
        list(book.communications.search('"unbalanced'))
