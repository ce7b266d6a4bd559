# frozen_string_literal: true

require_relative "helper"

# Communications: channels, links, threads, search.
class TestCommunications < BookTest
  ChatMessage = Arcollect::ChatMessage

  def test_a_call_keeps_its_number_duration_and_outcome
    call = book.communications.record(customer, :call, :outbound, user: "dana", phone_number: "+1 512 555 0142",
                                                                  call_duration: 240, call_outcome: :promise_to_pay,
                                                                  body: "Will pay Friday", invoices: [invoice],
                                                                  occurred_at: Time.utc(2025, 4, 18, 15))
    assert_equal [:call, :outbound, "dana", "+1 512 555 0142", 240, :promise_to_pay],
                 [call.channel, call.direction, call.user, call.phone_number, call.call_duration, call.call_outcome]
    assert_equal ["Will pay Friday", [invoice.id], Time.utc(2025, 4, 18, 15), NOW],
                 [call.body, call.invoice_ids, call.occurred_at, call.created_at]
    assert_nil call.email_from
    assert_nil call.dispute_id
  end

  def test_fields_a_channel_does_not_keep_are_refused
    assert_raises(Arcollect::InvalidInputError) do
      book.communications.record(customer, :note, body: "x", phone_number: "+1 555")
    end
    assert_raises(ArgumentError) { book.communications.record(customer, :note, body: "x", colour: "red") }
  end

  def test_emails_thread_by_in_reply_to
    first = book.communications.record(customer, :email, :outbound, subject: "Invoice INV-1 overdue",
                                                                     body: "Please pay.", email_from: "ar@us.example",
                                                                     email_to: "ap@contoso.example",
                                                                     message_id: "<a@us.example>")
    reply = book.communications.record(customer, :email, subject: "Re: Invoice INV-1", body: "Paying today.",
                                                         email_cc: "cfo@contoso", message_id: "<b@contoso>",
                                                         in_reply_to: "<a@us.example>")
    assert_equal ["<a@us.example>", "cfo@contoso"], [reply.thread_id, reply.email_cc]
    assert_equal [first.id, reply.id], reply.thread.map(&:id)
  end

  def test_a_chat_keeps_its_transcript
    at = Time.utc(2025, 4, 19, 10)
    chat = book.communications.record(customer, :chat, occurred_at: at,
                                                       chat: [ChatMessage.new("Maria", "Is March right?"),
                                                              ["Dana", "Checking now", at + 60]])
    assert_equal [ChatMessage.new("Maria", "Is March right?", at), ChatMessage.new("Dana", "Checking now", at + 60)],
                 chat.chat
  end

  def test_a_communication_links_to_a_dispute
    dispute = book.disputes.open(invoice, "PRICING", "10", "dana")
    note = book.communications.record(customer, :note, :internal, body: "Check contract", dispute: dispute)
    assert_equal dispute.id, note.dispute_id
    assert_equal [note.id], book.communications.list(dispute: dispute).map(&:id)
  end

  def test_lists_run_newest_first_and_filter
    older = book.communications.record(customer, :note, body: "older", occurred_at: Time.utc(2025, 4, 1))
    newer = book.communications.record(customer, :sms, :outbound, body: "newer", invoices: [invoice])
    assert_equal [newer.id, older.id], book.communications.map(&:id)
    assert_equal [older.id], book.communications.list(channel: :note).map(&:id)
    assert_equal [newer.id], book.communications.list(invoice: invoice).map(&:id)
    paged = book.communications.list(customer: customer, page_size: 1)
    assert_equal [newer.id, older.id], paged.map(&:id)
    assert_equal [newer.id, older.id], paged.map(&:id), "an enumerator restarts from the first page"
  end

  def test_search_finds_and_marks_matches
    email = book.communications.record(customer, :email, subject: "Chargeback notice",
                                                         body: "The card chargeback arrived.")
    book.communications.record(customer, :note, body: "Nothing to see")
    hits = book.communications.search("chargeback", mark_open: "<b>", mark_close: "</b>").to_a
    assert_equal [[email.id, customer.id, :email]], hits.map { |hit| [hit.id, hit.customer_id, hit.channel] }
    assert_includes hits.first.snippet, "<b>"
    assert_equal "Chargeback notice", hits.first.communication.subject
    assert_empty book.communications.search("escrow").to_a
    assert_raises(Arcollect::InvalidInputError) { book.communications.search('"unbalanced').to_a }
  end
end
