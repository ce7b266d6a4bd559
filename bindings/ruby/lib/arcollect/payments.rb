# frozen_string_literal: true

module Arcollect
  # One reduction of an invoice's balance: part of a payment or credit memo, a
  # write-off or a void. +reversed_on+ is set once undone.
  class Application < Record
    field :id, :arc_application_id
    field :kind, :arc_application_kind_of, APPLICATION_KIND
    field :invoice_id, :arc_application_invoice_id
    field :source_id, :arc_application_source_id, :ref
    field :amount, :arc_application_amount, :money
    field :applied_on, :arc_application_applied_on, :date
    field :reversed_on, :arc_application_reversed_on, :date
  end

  # Reading pages of applications.
  module Applications
    PAGE = %i[arc_application_page_count arc_application_page_at arc_application_page_free].freeze

    # The applications a raw list function gives for one record.
    def self.read(book, function, record_id, currency)
      Pages.read(book, book.call(function, record_id), PAGE, Application, currency)
    end
  end

  # Money received from a customer.
  class Payment < Record
    field :id, :arc_payment_id
    field :customer_id, :arc_payment_customer_id
    field :currency, :arc_payment_currency
    field :amount, :arc_payment_amount, :money
    field :payment_method, :arc_payment_method_of, PAYMENT_METHOD
    field :received_on, :arc_payment_received_on, :date
    field :reference, :arc_payment_reference
    field :idempotency_key, :arc_payment_idempotency_key
    field :applied, :arc_payment_applied, :money
    field :unapplied, :arc_payment_unapplied, :money
    field :reversed, :arc_payment_is_reversed, :bool
    field :reversed_on, :arc_payment_reversed_on, :date
    field :reversal_reason, :arc_payment_reversal_reason

    alias reversed? reversed

    def refresh = book.payments.get(id)
    def apply(invoice, amount, applied_on: nil) = book.payments.apply(self, invoice, amount, applied_on: applied_on)
    def apply_auto = book.payments.apply_auto(self)
    def reverse(reversed_on: nil, reason: nil) = book.payments.reverse(self, reversed_on: reversed_on, reason: reason)
    def applications = book.payments.applications(self)
  end

  # An amount a customer no longer owes, applied to invoices.
  class CreditMemo < Record
    field :id, :arc_credit_memo_id
    field :number, :arc_credit_memo_number
    field :customer_id, :arc_credit_memo_customer_id
    field :currency, :arc_credit_memo_currency
    field :amount, :arc_credit_memo_amount, :money
    field :issue_date, :arc_credit_memo_issue_date, :date
    field :reason, :arc_credit_memo_reason
    field :applied, :arc_credit_memo_applied, :money
    field :unapplied, :arc_credit_memo_unapplied, :money
    field :void, :arc_credit_memo_is_void, :bool

    alias void? void

    def refresh = book.credit_memos.get(id)
    def apply(invoice, amount, applied_on: nil) = book.credit_memos.apply(self, invoice, amount, applied_on: applied_on)
    def apply_auto = book.credit_memos.apply_auto(self)
    def void_memo(void_date: nil, reason: nil) = book.credit_memos.void(self, void_date: void_date, reason: reason)
    def applications = book.credit_memos.applications(self)
  end

  # What payments and credit memos share: reading, applying and listing.
  class Settlements
    include Enumerable

    def initialize(book)
      @book = book
    end

    # The record with this id (NotFoundError if none).
    def get(record_id)
      handle = @book.call(self.class::LOOKUP, Convert.id_of(record_id))
      Pages.read_one(@book, handle, self.class::FREE, self.class::RECORD)
    end

    # Apply part of the unapplied amount to one invoice; return the record.
    # +amount+ is a Money or an amount in the record's currency.
    def apply(record, invoice, amount, applied_on: nil)
      record = get(record) unless record.is_a?(self.class::RECORD)
      @book.call(self.class::APPLY, record.id, Convert.id_of(invoice, "invoice"),
                 Money.to_minor(amount, record.currency), Convert.to_date(applied_on, "applied_on"))
      get(record.id)
    end

    # Apply the unapplied amount oldest due first; the Money applied.
    def apply_auto(record)
      record = get(record) unless record.is_a?(self.class::RECORD)
      Money.from_minor(@book.call(self.class::APPLY_AUTO, record.id), record.currency)
    end

    # Every application, oldest first, reversed ones included.
    def applications(record)
      record = get(record) unless record.is_a?(self.class::RECORD)
      Applications.read(@book, self.class::APPLICATIONS, record.id, record.currency)
    end

    def each(&block)
      list.each(&block)
    end

    private

    def currency_for(customer_id, amount, currency)
      currency || (amount.is_a?(Money) ? amount.currency : @book.customer_currency(customer_id))
    end

    def flag_status(flag)
      flag.nil? ? -1 : (flag ? 1 : 0)
    end
  end

  # The payments of a book (+book.payments+); enumerating lists them all.
  class Payments < Settlements
    LOOKUP = :arc_payment_lookup
    FREE = :arc_payment_free
    RECORD = Payment
    APPLY = :arc_payment_apply
    APPLY_AUTO = :arc_payment_apply_auto
    APPLICATIONS = :arc_payment_applications
    PAGE = %i[arc_payment_page_count arc_payment_page_at arc_payment_page_free].freeze

    # Record money received and return the payment. +amount+ is a Money, or an
    # amount in +currency+ (the customer's when nil). With an
    # +idempotency_key+, recording again returns the first payment.
    def record(customer, amount, currency: nil, method: nil, received_on: nil, reference: nil,
               idempotency_key: nil, auto_apply: false)
      customer_id = Convert.id_of(customer, "customer")
      currency = currency_for(customer_id, amount, currency)
      opts = Raw::ArcPaymentOpts.new
      opts.customer_id = customer_id
      opts.amount = Money.to_minor(amount, currency)
      opts.currency = currency
      opts.method = PAYMENT_METHOD.to_c(method, "method") unless method.nil?
      opts.received_on = Convert.to_date(received_on, "received_on")
      opts.reference = reference
      opts.idempotency_key = idempotency_key
      opts.flags = Raw::ARC_PAYMENT_AUTO_APPLY if auto_apply
      get(@book.call(:arc_payment_record, opts))
    end

    # Reverse a payment: every invoice it paid owes that again.
    def reverse(payment, reversed_on: nil, reason: nil)
      payment_id = Convert.id_of(payment, "payment")
      @book.call(:arc_payment_reverse, payment_id, Convert.to_date(reversed_on, "reversed_on"), reason)
      get(payment_id)
    end

    # Payments in id order, a page at a time; +reversed+ filters.
    def list(customer: nil, reversed: nil, page_size: nil)
      Pages.by_id(@book, :arc_payment_list, PAGE, Payment, customer: Convert.id_of(customer, "customer"),
                                                            status: flag_status(reversed), page_size: page_size)
    end
  end

  # The credit memos of a book (+book.credit_memos+).
  class CreditMemos < Settlements
    LOOKUP = :arc_credit_memo_lookup
    FREE = :arc_credit_memo_free
    RECORD = CreditMemo
    APPLY = :arc_credit_memo_apply
    APPLY_AUTO = :arc_credit_memo_apply_auto
    APPLICATIONS = :arc_credit_memo_applications
    PAGE = %i[arc_credit_memo_page_count arc_credit_memo_page_at arc_credit_memo_page_free].freeze

    # Create a credit memo and return it; with +invoice+, apply as much as
    # possible to it at once.
    def create(customer, amount, currency: nil, number: nil, issue_date: nil, reason: nil, invoice: nil)
      customer_id = Convert.id_of(customer, "customer")
      currency = currency_for(customer_id, amount, currency)
      opts = Raw::ArcCreditMemoOpts.new
      opts.customer_id = customer_id
      opts.amount = Money.to_minor(amount, currency)
      opts.currency = currency
      opts.number = number
      opts.issue_date = Convert.to_date(issue_date, "issue_date")
      opts.reason = reason
      opts.invoice_id = Convert.id_of(invoice, "invoice")
      get(@book.call(:arc_credit_memo_create, opts))
    end

    # Void a credit memo: its applications are undone.
    def void(memo, void_date: nil, reason: nil)
      memo_id = Convert.id_of(memo, "credit memo")
      @book.call(:arc_credit_memo_void, memo_id, Convert.to_date(void_date, "void_date"), reason)
      get(memo_id)
    end

    # Credit memos in id order, a page at a time; +void+ filters.
    def list(customer: nil, void: nil, page_size: nil)
      Pages.by_id(@book, :arc_credit_memo_list, PAGE, CreditMemo, customer: Convert.id_of(customer, "customer"),
                                                                   status: flag_status(void), page_size: page_size)
    end
  end
end
