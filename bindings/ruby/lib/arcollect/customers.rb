# frozen_string_literal: true

module Arcollect
  # A customer account.
  class Customer < Record
    field :id, :arc_customer_id
    field :reference, :arc_customer_reference
    field :name, :arc_customer_name
    field :billing_email, :arc_customer_billing_email
    field :phone, :arc_customer_phone
    field :currency, :arc_customer_currency
    field :payment_terms_days, :arc_customer_payment_terms_days
    field :credit_limit, :arc_customer_credit_limit, :money
    field :owner, :arc_customer_owner
    field :status, :arc_customer_status_of, CUSTOMER_STATUS
    field :created_at, :arc_customer_created_at, :time

    def refresh = book.customers.get(id)
    def update(**fields) = book.customers.update(self, **fields)
    def balance(currency = nil) = book.customers.balance(self, currency)
    def unapplied_credit(currency = nil) = book.customers.unapplied_credit(self, currency)
    def collectible_balance(currency = nil) = book.customers.collectible_balance(self, currency)
    def contacts = book.customers.contacts(self)
    def add_contact(name, **fields) = book.customers.add_contact(self, name, **fields)
    def invoices(status: nil) = book.invoices.list(customer: self, status: status)
  end

  # A contact person of a customer.
  class Contact < Record
    field :id, :arc_contact_id
    field :customer_id, :arc_contact_customer_id
    field :name, :arc_contact_name
    field :role, :arc_contact_role
    field :email, :arc_contact_email
    field :phone, :arc_contact_phone

    def remove = book.customers.remove_contact(self)
  end

  # The customers of a book (+book.customers+); enumerating lists them all.
  class Customers
    include Enumerable

    UPDATE_BITS = {
      reference: Raw::ARC_CUSTOMER_FIELD_REFERENCE,
      name: Raw::ARC_CUSTOMER_FIELD_NAME,
      billing_email: Raw::ARC_CUSTOMER_FIELD_BILLING_EMAIL,
      phone: Raw::ARC_CUSTOMER_FIELD_PHONE,
      payment_terms_days: Raw::ARC_CUSTOMER_FIELD_PAYMENT_TERMS,
      credit_limit: Raw::ARC_CUSTOMER_FIELD_CREDIT_LIMIT,
      owner: Raw::ARC_CUSTOMER_FIELD_OWNER,
      status: Raw::ARC_CUSTOMER_FIELD_STATUS
    }.freeze
    PAGE = %i[arc_customer_page_count arc_customer_page_at arc_customer_page_free].freeze

    def initialize(book)
      @book = book
    end

    # Create a customer and return it; +credit_limit+ is a Money or an amount
    # in +currency+.
    def create(reference, name, currency, billing_email: nil, phone: nil, payment_terms_days: nil,
               credit_limit: nil, owner: nil, status: nil)
      opts = Raw::ArcCustomerOpts.new
      opts.reference = reference
      opts.name = name
      opts.currency = currency
      fill(opts, currency, billing_email: billing_email, phone: phone, payment_terms_days: payment_terms_days,
                           credit_limit: credit_limit, owner: owner, status: status)
      get(@book.call(:arc_customer_create, opts))
    end

    # Change the fields given; nil clears billing_email, phone or owner.
    def update(customer, **fields)
      unknown = fields.keys - UPDATE_BITS.keys
      raise ArgumentError, "update: unknown fields #{unknown.inspect}" unless unknown.empty?

      customer_id = Convert.id_of(customer, "customer")
      currency = fields.key?(:credit_limit) ? @book.customer_currency(customer_id) : nil
      opts = Raw::ArcCustomerOpts.new
      fill(opts, currency, **fields)
      bits = fields.keys.reduce(0) { |all, name| all | UPDATE_BITS[name] }
      @book.call(:arc_customer_update, customer_id, opts, bits)
      get(customer_id)
    end

    def get(customer_id)
      handle = @book.call(:arc_customer_lookup, Convert.id_of(customer_id, "customer"))
      Pages.read_one(@book, handle, :arc_customer_free, Customer)
    end

    def by_reference(reference)
      handle = @book.call(:arc_customer_lookup_reference, reference)
      Pages.read_one(@book, handle, :arc_customer_free, Customer)
    end

    # Customers in id order, read a page at a time.
    def list(status: nil, page_size: nil)
      code = status.nil? ? -1 : CUSTOMER_STATUS.to_c(status, "status")
      Pages.by_id(@book, :arc_customer_list, PAGE, Customer, status: code, page_size: page_size)
    end

    def each(&block)
      list.each(&block)
    end

    # A customer's open balance, a Money.
    def balance(customer, currency = nil) = amount(:arc_customer_balance, customer, currency)

    # A customer's credit not yet applied, a Money.
    def unapplied_credit(customer, currency = nil) = amount(:arc_customer_unapplied_credit, customer, currency)

    # A customer's open balance less the amounts under open disputes.
    def collectible_balance(customer, currency = nil)
      amount(:arc_customer_collectible_balance, customer, currency)
    end

    # Add a contact to a customer and return it.
    def add_contact(customer, name, role: nil, email: nil, phone: nil)
      opts = Raw::ArcContactOpts.new
      opts.name = name
      opts.role = role
      opts.email = email
      opts.phone = phone
      customer_id = Convert.id_of(customer, "customer")
      contact_id = @book.call(:arc_contact_add, customer_id, opts)
      contacts(customer_id).find { |contact| contact.id == contact_id }
    end

    def remove_contact(contact)
      @book.call(:arc_contact_remove, Convert.id_of(contact, "contact"))
      nil
    end

    # Every contact of a customer, oldest first.
    def contacts(customer)
      page = @book.call(:arc_contact_list, Convert.id_of(customer, "customer"))
      Pages.read(@book, page, %i[arc_contact_page_count arc_contact_page_at arc_contact_page_free], Contact)
    end

    private

    def fill(opts, currency, **fields)
      fields.each do |name, value|
        next if value.nil? && !%i[billing_email phone owner].include?(name)

        value = Money.to_minor(value, currency, "credit_limit") if name == :credit_limit
        value = CUSTOMER_STATUS.to_c(value, "status") if name == :status
        opts.public_send(:"#{name}=", value)
      end
    end

    def amount(function, customer, currency)
      customer_id = Convert.id_of(customer, "customer")
      Money.from_minor(@book.call(function, customer_id, currency),
                       currency || @book.customer_currency(customer_id))
    end
  end
end
