# frozen_string_literal: true

require_relative "helper"

# Event subscriptions with Ruby callbacks, and the journal cursor.
class TestEvents < BookTest
  def test_a_block_sees_each_committed_event_in_order
    customer
    seen = []
    subscription = book.events.subscribe { |event| seen << event }
    assert subscription.active?
    inv = book.invoices.create(customer, [%w[Fee 100]], issue: true)
    subscription.cancel
    refute subscription.active?
    assert_equal [:invoice_issued], seen.map(&:kind)
    issued = seen.first
    assert_equal [inv.id, inv.id, customer.id, usd("100"), "USD"],
                 [issued.record_id, issued.invoice_id, issued.customer_id, issued.amount, issued.currency]
    assert_nil issued.dispute_id
    book.customers.create("C-2", "After", "USD")
    assert_equal 1, seen.length
  end

  def test_events_of_a_rolled_back_transaction_never_arrive
    seen = []
    book.events.subscribe(seen.method(:push))
    assert_raises(RuntimeError) do
      book.transaction do
        book.customers.create("C-9", "Gone", "USD")
        raise "no"
      end
    end
    assert_empty seen
    book.transaction do
      book.customers.create("C-9", "Kept", "USD")
      assert_empty seen
    end
    assert_equal [:customer_created], seen.map(&:kind)
  end

  def test_an_exception_in_a_callback_is_reported_and_the_change_stays
    later = []
    book.events.subscribe { |_event| raise ArgumentError, "webhook down" }
    book.events.subscribe { |event| later << event }
    created = nil
    _, err = capture_io { created = book.customers.create("C-1", "Still created", "USD") }
    assert_match(/webhook down/, err)
    assert_equal "Still created", created.refresh.name
    assert_equal 1, later.length
    assert_equal [ArgumentError], book.callback_errors.map(&:class)
  end

  def test_interrupt_in_a_callback_is_raised_after_the_call
    book.events.subscribe { |_event| raise Interrupt }
    assert_raises(Interrupt) { book.customers.create("C-1", "Created anyway", "USD") }
    assert_equal "Created anyway", book.customers.by_reference("C-1").name
  end

  def test_throw_from_a_callback_never_crosses_the_library
    book.events.subscribe { |_event| throw :away }
    _, err = capture_io { book.customers.create("C-1", "Thrown", "USD") }
    assert_equal "Thrown", book.customers.by_reference("C-1").name
    assert_equal [UncaughtThrowError], book.callback_errors.map(&:class)
    assert_match(/UncaughtThrowError/, err)
  end

  def test_a_callback_may_read_and_write_the_book
    names = []
    book.events.subscribe do |event|
      names << book.customers.get(event.record_id).name if event.kind == :customer_updated
      if event.kind == :invoice_issued
        book.communications.record(event.customer_id, :note, :internal, body: "issued #{event.record_id}")
      end
    end
    customer.update(name: "Renamed")
    book.invoices.create(customer, [%w[Fee 1]], issue: true)
    assert_equal ["Renamed"], names
    assert_equal ["issued 1"], book.communications.map(&:body)
  end

  def test_a_callback_cannot_close_its_book
    errors = []
    book.events.subscribe do |_event|
      book.close
    rescue Arcollect::Error => e
      errors << e
    end
    book.customers.create("C-1", "x", "USD")
    refute book.closed?
    assert_equal 1, errors.length
  end

  def test_subscriptions_end_with_their_book
    b = Arcollect.open(File.join(@dir, "b.arcbook"))
    subscription = b.events.subscribe { |_event| nil }
    b.close
    refute subscription.active?
    subscription.cancel
  end

  def test_the_journal_reads_from_a_cursor_a_page_at_a_time
    invoice
    customer.update(name: "Renamed")
    events = book.events.list(page_size: 2).to_a
    assert_equal %i[customer_created invoice_issued customer_updated], events.map(&:kind)
    assert_equal events.drop(1).map(&:id), book.events.list(after: events.first.id).map(&:id)
    assert_equal NOW, events.first.occurred_at
  end

  def test_dispute_events_carry_the_actor_and_detail
    dispute = book.disputes.open(invoice, "PRICING", usd("5"), "dana")
    dispute.escalate("lee")
    escalated = book.events.to_a.last
    assert_equal [:dispute_escalated, "lee", "level 1", dispute.id],
                 [escalated.kind, escalated.actor, escalated.detail, escalated.dispute_id]
  end
end
