# frozen_string_literal: true

module Arcollect
  # An open book: one connection to the receivables of one company. Open one
  # with Arcollect.open. Records read from it keep it alive. They are reached
  # through collections: +customers+, +invoices+, +payments+, +credit_memos+,
  # +reason_codes+, +disputes+, +communications+, +events+ and +rules+.
  class Book
    attr_reader :uri, :customers, :invoices, :payments, :credit_memos, :reason_codes, :disputes,
                :communications, :events, :rules, :callback_errors

    # Closes the handle of a book that was never closed, when it is collected.
    def self.finalizer(handle)
      proc { Raw.arc_db_close(handle[0]) if handle[0] }
    end

    def initialize(uri, create: true, now: nil, sync_normal: false, busy_timeout: nil)
      @uri = uri.to_s
      @depth = 0
      @subscriptions = {}
      @callback_errors = []
      @new_callback_errors = []
      @currencies = {}
      options = Book.options(busy_timeout)
      options.flags |= Raw::ARC_DB_NO_CREATE unless create
      options.flags |= Raw::ARC_DB_SYNC_NORMAL if sync_normal
      if now
        @clock = Raw::ArcbClock.new
        @clock.now = Convert.to_time(now, "now")
        options.use_clock(@clock)
      end
      @handle = [Errors.check(Raw.arc_db_open(@uri, options)), @clock]
      ObjectSpace.define_finalizer(self, Book.finalizer(@handle))
      attach
    end

    # Options for arc_db_open and arc_book_delete.
    def self.options(busy_timeout)
      options = Raw::ArcDbOptions.new
      options.busy_timeout_ms = [1, (busy_timeout * 1000).to_i].max if busy_timeout
      options
    end

    def closed?
      @handle[0].nil?
    end

    # Call a raw function (named by a Symbol, or a Proc) with this book's
    # handle first; raise its error. Event callbacks run during the call
    # (after its commit); what they raise is reported once the call is over.
    def call(function, *args)
      db = handle
      @depth += 1
      begin
        result = function.is_a?(Proc) ? function.call(db, *args) : Raw.public_send(function, db, *args)
      ensure
        @depth -= 1
      end
      report_callback_errors if @depth.zero? && !@new_callback_errors.empty?
      Errors.check(result)
    end

    # Close the book; a transaction still open is rolled back. Closing twice is
    # harmless; a book cannot be closed from one of its own event callbacks.
    def close
      return if closed?
      raise Error, "book #{@uri}: cannot close a book from inside one of its own calls (an event callback)" if @depth.positive?

      @subscriptions.each_key { |token| Events.forget(token) }
      @subscriptions.clear
      db = @handle[0]
      @handle[0] = nil
      Raw.arc_db_close(db)
      nil
    end

    # Group calls into one atomic change: commits when the block returns, rolls
    # back if it raises. Transactions do not nest (ConflictError).
    def transaction
      begin_transaction
      begin
        result = yield self
      rescue Exception # rolled back, then raised again
        rollback if !closed? && in_transaction?
        raise
      end
      commit if in_transaction?
      result
    end

    def begin_transaction
      call(:arc_tx_begin)
    end

    def commit
      call(:arc_tx_commit)
    end

    def rollback
      call(:arc_tx_rollback)
    end

    def in_transaction?
      Raw.arc_tx_active(handle) == 1
    end

    # The book's identifier: 32 hex digits chosen when it was created.
    def id
      Raw.arc_db_book_id(handle)
    end

    def schema_version
      Raw.arc_db_schema_version(handle)
    end

    # The current instant by the book's clock, a UTC Time.
    def now
      Convert.from_time(Raw.arc_db_now(handle))
    end

    # Move a clock that stands still (books opened with now:).
    def now=(time)
      handle
      raise Error, "book #{@uri}: its clock is the system's; open it with now: to set the time" unless @clock

      @clock.now = Convert.to_time(time, "now")
    end

    # Today's date (UTC) by the book's clock.
    def today
      Convert.from_date(Raw.arc_db_today(handle))
    end

    # Number new invoices or credit memos as prefix + zero-padded number:
    # <tt>book.set_numbering(:invoice, "INV-2025-", next_number: 1, width: 4)</tt>.
    def set_numbering(sequence, prefix, next_number: 1, width: 6)
      call(:arc_db_set_numbering, SEQUENCE.to_c(sequence), prefix, next_number, width)
    end

    # What is owed, by how long past due, as of a date (today by default).
    def aging(as_of = nil, buckets: nil, customer: nil, currency: nil, totals_only: false,
              split_disputed: false)
      Aging.compute(self, as_of, buckets, customer, currency, totals_only, split_disputed)
    end

    # The timeline of one customer, invoice or dispute, newest first, read lazily.
    def timeline(customer: nil, invoice: nil, dispute: nil, page_size: nil)
      Timeline.enumerate(self, customer, invoice, dispute, page_size)
    end

    # Run escalation rules and overdue checks as of the book's clock, in one
    # transaction; what the run did, an AutomationResult.
    def run_automation
      Automation.run(self)
    end

    def inspect
      "#<Arcollect::Book #{@uri.inspect} #{closed? ? "closed" : "open"}>"
    end

    # The currency of a customer; it never changes once set.
    def customer_currency(customer_id)
      @currencies[customer_id] ||= customers.get(customer_id).currency
    end

    # The raw handle; ClosedError once closed.
    def handle
      @handle[0] or raise ClosedError, "book #{@uri}: closed"
    end

    attr_reader :subscriptions, :new_callback_errors, :depth

    private

    def attach
      @customers = Customers.new(self)
      @invoices = Invoices.new(self)
      @payments = Payments.new(self)
      @credit_memos = CreditMemos.new(self)
      @reason_codes = ReasonCodes.new(self)
      @disputes = Disputes.new(self)
      @communications = Communications.new(self)
      @events = Events.new(self)
      @rules = Rules.new(self)
    end

    def report_callback_errors
      errors = @new_callback_errors.dup
      @new_callback_errors.clear
      errors.each do |error|
        raise error unless error.is_a?(StandardError)

        warn "arcollect: book #{@uri}: an event callback raised #{error.class}: #{error.message}"
      end
    end
  end
end
