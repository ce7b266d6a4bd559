# frozen_string_literal: true

require "minitest/autorun"
require "tmpdir"
require "arcollect"

# A fresh book per test, its clock standing at 2025-04-20 09:00 UTC.
class BookTest < Minitest::Test
  NOW = Time.utc(2025, 4, 20, 9)

  def setup
    @dir = Dir.mktmpdir("arcollect-test")
    @book = Arcollect.open(File.join(@dir, "book.arcbook"), now: NOW)
  end

  def teardown
    @book.close
    FileUtils.remove_entry(@dir)
  end

  attr_reader :book

  def usd(text)
    Arcollect::Money.new(text, "USD")
  end

  def customer
    @customer ||= book.customers.create("C-1001", "Contoso Dental Group", "USD",
                                        billing_email: "ap@contoso.example", payment_terms_days: 30)
  end

  # An issued invoice of 1,000.00 USD, dated 2025-03-01 and due 2025-03-31.
  def invoice
    @invoice ||= book.invoices.create(customer, [Arcollect::Line.new("Managed endpoints", BigDecimal("25.00"), 40)],
                                      issue: true, issue_date: Date.new(2025, 3, 1))
  end
end
