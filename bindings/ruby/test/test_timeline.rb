# frozen_string_literal: true

require_relative "helper"

# Timelines merge communications with account events, newest first.
class TestTimeline < BookTest
  def test_a_customer_timeline_merges_and_pages
    invoice
    book.communications.record(customer, :call, :outbound, call_outcome: :no_answer, occurred_at: Time.utc(2025, 4, 10))
    book.now = Time.utc(2025, 4, 21, 9)
    book.payments.record(customer, "10")
    items = book.timeline(customer: customer, page_size: 1).to_a
    assert_equal %i[event event communication], items.map(&:source)
    assert_equal %i[payment_received invoice_issued], items.first(2).map { |item| item.event.kind }
    assert_equal :call, items.last.communication.channel
    assert_nil items.last.event
    assert_nil items.first.communication
    assert_equal Time.utc(2025, 4, 21, 9), items.first.occurred_at
  end

  def test_a_dispute_timeline_has_its_events_and_communications
    dispute = book.disputes.open(invoice, "PRICING", "10", "dana")
    book.communications.record(customer, :note, body: "about it", dispute: dispute)
    assert_equal %i[communication event], dispute.timeline.map(&:source).sort
    refute_empty book.timeline(invoice: invoice).to_a
  end
end
