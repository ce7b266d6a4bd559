# frozen_string_literal: true

module Arcollect
  # An invoice line to add: <tt>Line.new("Managed endpoints", BigDecimal("15.00"),
  # 42, tax_rate: "8.25")</tt>. +unit_price+ is a Money or an amount in the
  # invoice's currency; +quantity+ and +tax_rate+ (a percentage) are exact
  # decimals.
  class Line
    attr_reader :description, :unit_price, :quantity, :tax_rate, :item_code, :period_start, :period_end

    def initialize(description, unit_price, quantity = nil, tax_rate: nil, item_code: nil, period_start: nil,
                   period_end: nil)
      @description = description
      @unit_price = unit_price
      @quantity = quantity
      @tax_rate = tax_rate
      @item_code = item_code
      @period_start = period_start
      @period_end = period_end
    end

    # A Line from a Line, an Array of its arguments or a Hash of them.
    def self.from(line)
      case line
      when Line then line
      when Hash
        arguments = line.transform_keys(&:to_sym)
        new(arguments.delete(:description), arguments.delete(:unit_price), arguments.delete(:quantity),
            **arguments)
      else new(*line)
      end
    end

    # The arc_invoice_line_opts of this line in +currency+.
    def opts(currency)
      opts = Raw::ArcInvoiceLineOpts.new
      opts.description = @description
      opts.unit_price = Money.to_minor(@unit_price, currency, "unit_price")
      opts.quantity = Convert.decimal_text(@quantity, "quantity") unless @quantity.nil?
      opts.tax_rate = Convert.decimal_text(@tax_rate, "tax_rate") unless @tax_rate.nil?
      opts.item_code = @item_code unless @item_code.nil?
      opts.period_start = Convert.to_date(@period_start, "period_start") unless @period_start.nil?
      opts.period_end = Convert.to_date(@period_end, "period_end") unless @period_end.nil?
      opts
    end
  end

  # A line of an invoice as the book has it.
  class InvoiceLine < Record
    field :description, :arc_invoice_line_description
    field :quantity, :arc_invoice_line_quantity, :decimal
    field :unit_price, :arc_invoice_line_unit_price, :money
    field :tax_rate, :arc_invoice_line_tax_rate, :decimal
    field :item_code, :arc_invoice_line_item_code
    field :period_start, :arc_invoice_line_period_start, :date
    field :period_end, :arc_invoice_line_period_end, :date
    field :net, :arc_invoice_line_net, :money
    field :tax, :arc_invoice_line_tax, :money
  end

  # An invoice with its lines (+lines+ is empty for invoices of a list).
  class Invoice < Record
    field :id, :arc_invoice_id
    field :number, :arc_invoice_number
    field :customer_id, :arc_invoice_customer_id
    field :status, :arc_invoice_status_of, INVOICE_STATUS
    field :currency, :arc_invoice_currency
    field :issue_date, :arc_invoice_issue_date, :date
    field :due_date, :arc_invoice_due_date, :date
    field :memo, :arc_invoice_memo
    field :subtotal, :arc_invoice_subtotal, :money
    field :tax, :arc_invoice_tax, :money
    field :total, :arc_invoice_total, :money
    field :amount_paid, :arc_invoice_amount_paid, :money
    field :balance, :arc_invoice_balance, :money
    attr_reader :lines

    def refresh = book.invoices.get(id)
    def customer = book.customers.get(customer_id)
    def issue(issue_date = nil) = book.invoices.issue(self, issue_date)
    def void(date: nil, reason: nil) = book.invoices.void(self, date: date, reason: reason)
    def write_off(date: nil, reason: nil) = book.invoices.write_off(self, date: date, reason: reason)
    def applications = book.invoices.applications(self)
    def disputes = book.disputes.for_invoice(self)
    def disputed_amount = book.invoices.disputed_amount(self)

    private

    def complete(handle)
      @lines = Array.new(Raw.arc_invoice_line_count(handle)) do |index|
        InvoiceLine.read(book, Raw.arc_invoice_line_at(handle, index), currency)
      end.freeze
    end
  end

  # The invoices of a book (+book.invoices+); enumerating lists them all.
  class Invoices
    include Enumerable

    PAGE = %i[arc_invoice_page_count arc_invoice_page_at arc_invoice_page_free].freeze

    def initialize(book)
      @book = book
    end

    # Create an invoice, a draft unless +issue: true+, and return it. +lines+
    # are Line objects, or Arrays or Hashes of its arguments. Without a
    # +currency+ the customer's is used; without a +number+ the book's
    # numbering gives one.
    def create(customer, lines = [], number: nil, currency: nil, issue_date: nil, due_date: nil, memo: nil,
               issue: false)
      opts = invoice_opts(customer, lines, number: number, currency: currency, issue_date: issue_date,
                                           due_date: due_date, memo: memo, issue: issue)
      get(@book.call(:arc_invoice_create, opts))
    end

    # Create many invoices fast and return their ids, in order. +invoices+
    # yields Hashes of #create's arguments (with :customer and :lines). Unless a
    # transaction is already open, every +batch_size+ invoices are committed
    # together; a failure rolls back the batch it happened in.
    def create_many(invoices, batch_size: 10_000)
      own_transactions = !@book.in_transaction?
      ids = []
      batch = 0
      invoices.each do |invoice|
        @book.begin_transaction if own_transactions && batch.zero?
        arguments = invoice.transform_keys(&:to_sym)
        customer = arguments.delete(:customer)
        lines = arguments.delete(:lines) || []
        opts = invoice_opts(customer, lines, **arguments)
        ids << @book.call(:arc_invoice_create, opts)
        batch += 1
        next unless own_transactions && batch == batch_size

        @book.commit
        batch = 0
      end
      @book.commit if own_transactions && batch.positive?
      ids
    rescue Exception # rolled back, then raised again
      @book.rollback if own_transactions && !@book.closed? && @book.in_transaction?
      raise
    end

    # Add a line to a draft invoice; return the invoice.
    def add_line(invoice, line)
      invoice_id = Convert.id_of(invoice, "invoice")
      @book.call(:arc_invoice_add_line, invoice_id, Line.from(line).opts(get(invoice_id).currency))
      get(invoice_id)
    end

    # Issue a draft invoice; return it.
    def issue(invoice, issue_date = nil)
      invoice_id = Convert.id_of(invoice, "invoice")
      @book.call(:arc_invoice_issue, invoice_id, Convert.to_date(issue_date, "issue_date"))
      get(invoice_id)
    end

    # Delete a draft invoice.
    def delete(invoice)
      @book.call(:arc_invoice_delete, Convert.id_of(invoice, "invoice"))
      nil
    end

    # Void an issued invoice nothing was applied to; return it.
    def void(invoice, date: nil, reason: nil)
      invoice_id = Convert.id_of(invoice, "invoice")
      @book.call(:arc_invoice_void, invoice_id, Convert.to_date(date), reason)
      get(invoice_id)
    end

    # Write off the unpaid balance of an invoice; return it.
    def write_off(invoice, date: nil, reason: nil)
      invoice_id = Convert.id_of(invoice, "invoice")
      @book.call(:arc_invoice_write_off, invoice_id, Convert.to_date(date), reason)
      get(invoice_id)
    end

    # The invoice with this id, with its lines.
    def get(invoice_id)
      handle = @book.call(:arc_invoice_lookup, Convert.id_of(invoice_id, "invoice"))
      Pages.read_one(@book, handle, :arc_invoice_free, Invoice)
    end

    # The invoice with this number, with its lines.
    def by_number(number)
      handle = @book.call(:arc_invoice_lookup_number, number)
      Pages.read_one(@book, handle, :arc_invoice_free, Invoice)
    end

    # Invoices in id order (without lines), read a page at a time.
    def list(customer: nil, status: nil, page_size: nil)
      code = status.nil? ? -1 : INVOICE_STATUS.to_c(status, "status")
      Pages.by_id(@book, :arc_invoice_list, PAGE, Invoice, customer: Convert.id_of(customer, "customer"),
                                                            status: code, page_size: page_size)
    end

    def each(&block)
      list.each(&block)
    end

    # The amount of an invoice under open disputes, a Money.
    def disputed_amount(invoice)
      invoice = get(invoice) unless invoice.is_a?(Invoice)
      Money.from_minor(@book.call(:arc_invoice_disputed_amount, invoice.id), invoice.currency)
    end

    # Every application to an invoice, oldest first, reversed ones too.
    def applications(invoice)
      invoice = get(invoice) unless invoice.is_a?(Invoice)
      Applications.read(@book, :arc_invoice_applications, invoice.id, invoice.currency)
    end

    private

    def invoice_opts(customer, lines, number: nil, currency: nil, issue_date: nil, due_date: nil, memo: nil,
                     issue: false)
      customer_id = Convert.id_of(customer, "customer")
      currency ||= @book.customer_currency(customer_id)
      opts = Raw::ArcInvoiceOpts.new
      opts.customer_id = customer_id
      opts.currency = currency
      opts.number = number unless number.nil?
      opts.issue_date = Convert.to_date(issue_date, "issue_date") unless issue_date.nil?
      opts.due_date = Convert.to_date(due_date, "due_date") unless due_date.nil?
      opts.memo = memo unless memo.nil?
      opts.flags = Raw::ARC_INVOICE_CREATE_ISSUED if issue
      lines.each { |line| Errors.check(opts.add_line(Line.from(line).opts(currency))) }
      opts
    end
  end
end
