# frozen_string_literal: true

module Arcollect
  # A code of the book's catalog, such as "SLA_CREDIT".
  class ReasonCode < Record
    field :code, :arc_reason_code_code
    field :label, :arc_reason_code_label
    field :category, :arc_reason_code_category
    field :description, :arc_reason_code_description
    field :active, :arc_reason_code_is_active, :bool

    alias active? active
  end

  # The catalog of reason codes (+book.reason_codes+); enumerating lists the
  # active ones.
  class ReasonCodes
    include Enumerable

    PAGE = %i[arc_reason_code_page_count arc_reason_code_page_at arc_reason_code_page_free].freeze

    def initialize(book)
      @book = book
    end

    # Add an active code and return it.
    def add(code, label, category: nil, description: nil)
      @book.call(:arc_reason_code_add, opts(code, label, category, description))
      get(code)
    end

    # Relabel a code; nil keeps the category or description, "" clears the
    # description. Returns the code.
    def update(code, label, category: nil, description: nil)
      @book.call(:arc_reason_code_update, code, opts(nil, label, category, description))
      get(code)
    end

    def set_active(code, active)
      @book.call(:arc_reason_code_set_active, code, active ? 1 : 0)
      nil
    end

    # Delete a code that no dispute uses.
    def delete(code)
      @book.call(:arc_reason_code_delete, code)
      nil
    end

    # The catalog in code order.
    def list(include_inactive: false)
      Pages.read(@book, @book.call(:arc_reason_code_list, include_inactive ? 1 : 0), PAGE, ReasonCode)
    end

    def each(&block)
      list.each(&block)
    end

    # One code, active or not (NotFoundError if the catalog lacks it).
    def get(code)
      page = @book.call(:arc_reason_code_list, 1)
      begin
        found = Raw.arc_reason_code_page_find(page, code)
        raise NotFoundError.new("reason code #{code}: not in the catalog", Raw::ARC_ENOTFOUND) unless found

        ReasonCode.read(@book, found)
      ensure
        Raw.arc_reason_code_page_free(page)
      end
    end

    private

    def opts(code, label, category, description)
      Raw::ArcReasonCodeOpts.new.tap do |opts|
        opts.code = code
        opts.label = label
        opts.category = category
        opts.description = description
      end
    end
  end

  # An invoice, or part of one, that the customer refuses to pay.
  class Dispute < Record
    field :id, :arc_dispute_id
    field :invoice_id, :arc_dispute_invoice_id
    field :customer_id, :arc_dispute_customer_id
    field :currency, :arc_dispute_currency
    field :reason_code, :arc_dispute_reason_code
    field :amount, :arc_dispute_amount, :money
    field :status, :arc_dispute_status_of, DISPUTE_STATUS
    field :outcome, :arc_dispute_outcome_of, DISPUTE_OUTCOME
    field :escalation_level, :arc_dispute_escalation_level
    field :opened_by, :arc_dispute_opened_by
    field :owner, :arc_dispute_owner
    field :description, :arc_dispute_description
    field :due_date, :arc_dispute_due_date, :date
    field :opened_at, :arc_dispute_opened_at, :time
    field :status_changed_at, :arc_dispute_status_changed_at, :time
    field :resolved_on, :arc_dispute_resolved_on, :date
    field :resolved_by, :arc_dispute_resolved_by
    field :resolved_amount, :arc_dispute_resolved_amount, :money
    field :resolution_note, :arc_dispute_resolution_note
    field :credit_memo_id, :arc_dispute_credit_memo_id, :ref
    field :reopen_reason, :arc_dispute_reopen_reason
    attr_reader :lines

    def refresh = book.disputes.get(id)
    def update(**fields) = book.disputes.update(self, **fields)
    def review(actor) = book.disputes.review(self, actor)
    def escalate(actor) = book.disputes.escalate(self, actor)
    def resolve(outcome, resolved_by, **fields) = book.disputes.resolve(self, outcome, resolved_by, **fields)
    def reopen(actor, reason: nil) = book.disputes.reopen(self, actor, reason: reason)
    def timeline = book.timeline(dispute: self)

    private

    def complete(handle)
      @lines = Array.new(Raw.arc_dispute_line_count(handle)) { |index| Raw.arc_dispute_line_at(handle, index) }.freeze
    end
  end

  # The disputes of a book (+book.disputes+); enumerating lists them all.
  class Disputes
    include Enumerable

    UPDATE_BITS = {
      owner: Raw::ARC_DISPUTE_FIELD_OWNER,
      due_date: Raw::ARC_DISPUTE_FIELD_DUE_DATE,
      amount: Raw::ARC_DISPUTE_FIELD_AMOUNT,
      reason_code: Raw::ARC_DISPUTE_FIELD_REASON_CODE,
      description: Raw::ARC_DISPUTE_FIELD_DESCRIPTION
    }.freeze
    PAGE = %i[arc_dispute_page_count arc_dispute_page_at arc_dispute_page_free].freeze

    def initialize(book)
      @book = book
    end

    # Open a dispute on an issued invoice and return it. +amount+ is a Money or
    # an amount in the invoice's currency; +lines+ are invoice line numbers,
    # from 1.
    def open(invoice, reason_code, amount, opened_by, owner: nil, due_date: nil, description: nil, lines: [])
      invoice = @book.invoices.get(invoice) unless invoice.is_a?(Invoice)
      opts = Raw::ArcDisputeOpts.new
      opts.invoice_id = invoice.id
      opts.reason_code = reason_code
      opts.amount = Money.to_minor(amount, invoice.currency)
      opts.opened_by = opened_by
      opts.owner = owner
      opts.due_date = Convert.to_date(due_date, "due_date")
      opts.description = description
      lines.each { |line| Errors.check(opts.add_line(line)) }
      get(@book.call(:arc_dispute_open, opts))
    end

    # Change the fields given (owner, due_date, amount, reason_code,
    # description) of a dispute that is not resolved; return it.
    def update(dispute, **fields)
      unknown = fields.keys - UPDATE_BITS.keys
      raise ArgumentError, "update: unknown fields #{unknown.inspect}" unless unknown.empty?

      dispute = get(dispute) unless dispute.is_a?(Dispute)
      opts = Raw::ArcDisputeOpts.new
      fields.each do |name, value|
        value = Money.to_minor(value, dispute.currency) if name == :amount
        value = Convert.to_date(value, "due_date") if name == :due_date
        opts.public_send(:"#{name}=", value)
      end
      @book.call(:arc_dispute_update, dispute.id, opts, fields.keys.reduce(0) { |all, name| all | UPDATE_BITS[name] })
      get(dispute.id)
    end

    def review(dispute, actor)
      @book.call(:arc_dispute_review, Convert.id_of(dispute, "dispute"), actor)
      get(dispute)
    end

    def escalate(dispute, actor)
      @book.call(:arc_dispute_escalate, Convert.id_of(dispute, "dispute"), actor)
      get(dispute)
    end

    # Resolve a dispute and return it: +outcome+ is :credited, :written_off,
    # :rejected or :withdrawn; +amount+ (credited or written off) defaults to
    # the whole disputed amount.
    def resolve(dispute, outcome, resolved_by, amount: nil, note: nil, date: nil)
      dispute = get(dispute) unless dispute.is_a?(Dispute)
      resolution = Raw::ArcDisputeResolution.new
      resolution.outcome = DISPUTE_OUTCOME.to_c(outcome, "outcome")
      resolution.amount = Money.to_minor(amount, dispute.currency) unless amount.nil?
      resolution.resolved_by = resolved_by
      resolution.note = note
      resolution.date = Convert.to_date(date, "date")
      @book.call(:arc_dispute_resolve, dispute.id, resolution)
      get(dispute.id)
    end

    # Reopen a dispute resolved as rejected or withdrawn; return it.
    def reopen(dispute, actor, reason: nil)
      @book.call(:arc_dispute_reopen, Convert.id_of(dispute, "dispute"), actor, reason)
      get(dispute)
    end

    def get(dispute_id)
      handle = @book.call(:arc_dispute_lookup, Convert.id_of(dispute_id, "dispute"))
      Pages.read_one(@book, handle, :arc_dispute_free, Dispute)
    end

    # Disputes in id order, a page at a time.
    def list(customer: nil, status: nil, page_size: nil)
      code = status.nil? ? -1 : DISPUTE_STATUS.to_c(status, "status")
      Pages.by_id(@book, :arc_dispute_list, PAGE, Dispute, customer: Convert.id_of(customer, "customer"),
                                                            status: code, page_size: page_size)
    end

    def each(&block)
      list.each(&block)
    end

    # Every dispute of an invoice, oldest first.
    def for_invoice(invoice)
      Pages.read(@book, @book.call(:arc_invoice_disputes, Convert.id_of(invoice, "invoice")), PAGE, Dispute)
    end

    # Count the disputes opened in a period by :reason_code, :customer or
    # :month of opening: a DisputeReport, most disputed first.
    def report(grouping = :reason_code, from_date: nil, to_date: nil, customer: nil, currency: nil)
      DisputeReports.compute(@book, grouping, from_date, to_date, customer, currency)
    end
  end
end
