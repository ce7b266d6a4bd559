# frozen_string_literal: true

require "weakref"

module Arcollect
  # One event of the journal. +kind+ is a symbol (:invoice_issued), or the raw
  # number of a kind newer than this binding, and +kind_name+ the library's
  # name ("invoice.issued"); +amount+ is a Money or nil; ids that do not apply
  # are nil.
  class Event < Record
    field :id, :arc_event_id
    field :kind, :arc_event_kind_of, EVENT_KIND
    field :occurred_at, :arc_event_occurred_at, :time
    field :actor, :arc_event_actor
    field :record_id, :arc_event_record_id, :ref
    field :customer_id, :arc_event_customer_id, :ref
    field :invoice_id, :arc_event_invoice_id, :ref
    field :dispute_id, :arc_event_dispute_id, :ref
    field :currency, :arc_event_currency
    field :detail, :arc_event_detail
    attr_reader :amount, :kind_name

    private

    def complete(handle)
      @kind_name = Raw.arc_event_kind_name(Raw.arc_event_kind_of(handle))
      units = Raw.arc_event_amount(handle)
      @amount = currency ? Money.from_minor(units, currency) : nil
    end
  end

  # A callback subscribed to a book's events.
  class Subscription
    attr_reader :token

    def initialize(events, token)
      @events = events
      @token = token
    end

    # True until cancelled or the book is closed.
    def active?
      Events.subscribed?(@token)
    end

    # Stop the callback; cancelling twice is harmless.
    def cancel
      @events.unsubscribe(self) if active?
      nil
    end
  end

  # The journal of a book (+book.events+): subscriptions with Ruby callbacks,
  # and reading from a cursor; enumerating reads it all.
  #
  # A subscription's block runs after each commit through its book, once per
  # event, in journal order, before the committing call returns. Whatever it
  # raises is rescued here (the C trampoline also runs it under rb_protect, so
  # that no exception unwinds through the library) and reported when the call
  # returns: appended to +book.callback_errors+ and printed with +warn+;
  # exceptions that are not StandardError (Interrupt, SystemExit) are raised
  # again there. The change that produced the event stays committed.
  class Events
    include Enumerable

    PAGE = %i[arc_event_page_count arc_event_page_at arc_event_page_free].freeze

    @subscribers = {}
    @next_token = 0

    class << self
      # Called by the C trampoline for each event delivered to a token.
      def dispatch(token, raw_event)
        book_ref, callback = @subscribers[token]
        book = book_ref&.weakref_alive? ? book_ref.__getobj__ : nil
        return unless book

        begin
          callback.call(Event.read(book, raw_event))
        rescue Exception => e # reported by the book
          book.callback_errors << e
          book.new_callback_errors << e
        end
        nil
      end

      def register(book, callback)
        token = (@next_token += 1)
        @subscribers[token] = [WeakRef.new(book), callback]
        token
      end

      def forget(token)
        @subscribers.delete(token)
      end

      def subscribed?(token)
        @subscribers.key?(token)
      end
    end

    def initialize(book)
      @book = book
    end

    # Call the block (or +callback+) with every event committed through this
    # book from now on; return a Subscription to cancel it.
    def subscribe(callback = nil, &block)
      callback ||= block
      raise ArgumentError, "subscribe: give a block or a callable" unless callback.respond_to?(:call)

      token = Events.register(@book, callback)
      begin
        number = @book.call(:arc_event_subscribe, token)
      rescue Exception # forgotten, then raised again
        Events.forget(token)
        raise
      end
      @book.subscriptions[token] = number
      Subscription.new(self, token)
    end

    # Stop a subscription.
    def unsubscribe(subscription)
      number = @book.subscriptions.fetch(subscription.token)
      @book.call(:arc_event_unsubscribe, number)
      @book.subscriptions.delete(subscription.token)
      Events.forget(subscription.token)
      nil
    end

    # Events after the cursor +after+ (an event id), oldest first, read a page
    # at a time. Keep the last id handled to resume later.
    def list(after: 0, page_size: nil)
      limit = page_size || Raw::ARC_LIST_DEFAULT_LIMIT
      Enumerator.new do |yielder|
        cursor = after
        loop do
          events = Pages.read(@book, @book.call(:arc_event_list, cursor, limit), PAGE, Event)
          events.each { |event| yielder << event }
          break if events.length < limit

          cursor = events.last.id
        end
      end
    end

    def each(&block)
      list.each(&block)
    end
  end
end
