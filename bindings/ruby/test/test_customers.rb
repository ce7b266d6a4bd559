# frozen_string_literal: true

require_relative "helper"

# Customers, contacts and balances.
class TestCustomers < BookTest
  def test_create_reads_back_every_field
    c = book.customers.create("C-7", "Fabrikam Logistics", "USD", billing_email: "ap@fabrikam.example",
                                                                  phone: "+1 512 555 0100", payment_terms_days: 15,
                                                                  credit_limit: "2500", owner: "dana.whitfield",
                                                                  status: :on_hold)
    assert_operator c.id, :>, 0
    assert_equal ["C-7", "Fabrikam Logistics", "ap@fabrikam.example", "+1 512 555 0100", "USD", 15],
                 [c.reference, c.name, c.billing_email, c.phone, c.currency, c.payment_terms_days]
    assert_equal usd("2500.00"), c.credit_limit
    assert_equal "dana.whitfield", c.owner
    assert_equal :on_hold, c.status
    assert_equal NOW, c.created_at
  end

  def test_optional_fields_default_and_read_as_nil
    c = book.customers.create("C-8", "Tailspin", "EUR")
    assert_nil c.billing_email
    assert_nil c.owner
    assert_equal 30, c.payment_terms_days
    assert_equal Arcollect::Money.new("0", "EUR"), c.credit_limit
    assert_equal :active, c.status
  end

  def test_records_are_frozen_snapshots
    assert_raises(FrozenError) { customer.instance_variable_set(:@name, "changed") }
  end

  def test_update_changes_only_the_fields_given
    updated = customer.update(name: "Contoso Dental", credit_limit: usd("100"), owner: nil, status: "closed")
    assert_equal "Contoso Dental", updated.name
    assert_equal usd("100"), updated.credit_limit
    assert_nil updated.owner
    assert_equal :closed, updated.status
    assert_equal customer.billing_email, updated.billing_email
    assert_equal "Contoso Dental Group", customer.name
    assert_raises(ArgumentError) { customer.update(currency: "EUR") }
  end

  def test_lookup_by_reference
    assert_equal customer, book.customers.by_reference("C-1001")
    assert_raises(Arcollect::NotFoundError) { book.customers.by_reference("nobody") }
  end

  def test_list_filters_by_status
    customer
    book.customers.create("C-2", "Held", "USD", status: :on_hold)
    assert_equal ["C-2"], book.customers.list(status: :on_hold).map(&:reference)
    assert_equal 2, book.customers.count
    assert_raises(ArgumentError) { book.customers.list(status: :asleep) }
  end

  def test_contacts_are_added_listed_and_removed
    maria = customer.add_contact("Maria Chen", role: "accounts payable", email: "maria@contoso.example",
                                               phone: "+1 512 555 0142")
    assert_equal ["Maria Chen", "accounts payable", "maria@contoso.example", "+1 512 555 0142", customer.id],
                 [maria.name, maria.role, maria.email, maria.phone, maria.customer_id]
    book.customers.add_contact(customer.id, "Sam Ortiz")
    assert_equal ["Maria Chen", "Sam Ortiz"], customer.contacts.map(&:name)
    maria.remove
    assert_equal ["Sam Ortiz"], customer.contacts.map(&:name)
  end

  def test_balances_of_a_customer_without_invoices_are_zero
    assert_equal usd("0"), customer.balance
    assert_equal usd("0"), customer.unapplied_credit
    assert_equal usd("0"), customer.collectible_balance
    assert_equal Arcollect::Money.new("0", "EUR"), book.customers.balance(customer, "EUR")
  end
end
