#!/usr/bin/ruby
# frozen_string_literal: true

# Bill customers from a CSV file, then follow up on what they owe.
#
# Northwind Managed IT bills its clients for March 2025 from a CSV export of
# its subscriptions (one row per invoice line; see customers.csv). Then it
# logs a call and an email, opens the disputes that come back, applies the
# payments that arrive, and prints the aging report and the top dispute codes.
# The book's clock stands at 2025-04-20, so every run prints the same figures.
#
# Usage: bill_from_csv.rb CSV_FILE [BOOK_PATH]
#
# Without a book path the book lives in a temporary directory that is removed
# at the end; a path given is kept (it must not exist yet).

require "bigdecimal"
require "csv"
require "date"
require "tmpdir"

require "arcollect"

NOW = Time.utc(2025, 4, 20, 9)
MARCH_START = Date.new(2025, 3, 1)
MARCH_END = Date.new(2025, 3, 31)

# The accounts of the CSV file, each with its invoice lines, in file order.
def read_accounts(csv_path)
  accounts = {}
  CSV.foreach(csv_path, headers: true) do |row|
    account = accounts[row["reference"]] ||= { name: row["name"], billing_email: row["billing_email"],
                                                currency: row["currency"], terms_days: Integer(row["terms_days"]),
                                                lines: [] }
    account[:lines] << Arcollect::Line.new(row["description"], BigDecimal(row["unit_price"]),
                                           BigDecimal(row["quantity"]), tax_rate: row["tax_rate"],
                                                                        item_code: row["item_code"],
                                                                        period_start: MARCH_START,
                                                                        period_end: MARCH_END)
  end
  accounts
end

# Create each customer and issue its March invoice; { reference => invoice }.
def bill(book, accounts)
  puts "Billing March 2025"
  book.transaction do
    accounts.to_h do |reference, account|
      customer = book.customers.create(reference, account[:name], account[:currency],
                                       billing_email: account[:billing_email],
                                       payment_terms_days: account[:terms_days], owner: "dana.whitfield")
      invoice = book.invoices.create(customer, account[:lines], issue: true, issue_date: MARCH_START)
      puts format("  %s  %-22s %14s  due %s", invoice.number, customer.name, invoice.total, invoice.due_date)
      [reference, invoice]
    end
  end
end

def log_contacts(book, contoso, fabrikam)
  book.communications.record(contoso.customer_id, :call, :outbound,
                             user: "dana.whitfield", phone_number: "+1 512 555 0142", call_duration: 360,
                             call_outcome: :promise_to_pay, body: "Maria Chen promises payment by ACH this week.",
                             invoices: [contoso], occurred_at: Time.utc(2025, 4, 14, 15, 30))
  puts "  call     #{contoso.number}: promise to pay"

  email = book.communications.record(fabrikam.customer_id, :email, :inbound,
                                     subject: "Invoice #{fabrikam.number}",
                                     body: "We were billed for 97 Microsoft 365 seats but only use 91.",
                                     email_from: "invoices@fabrikam-logistics.example",
                                     email_to: "ar@northwind.example",
                                     message_id: "<fab-2025-0412@fabrikam-logistics.example>",
                                     invoices: [fabrikam], occurred_at: Time.utc(2025, 4, 12, 8, 5))
  puts "  email    #{fabrikam.number}: #{email.subject}"
end

def open_disputes(book, fabrikam, tailspin)
  disputes = [
    book.disputes.open(fabrikam, "QUANTITY", BigDecimal("132.00"), "dana.whitfield",
                       description: "6 of 97 seats not in use", lines: [2], due_date: Date.new(2025, 4, 30)),
    book.disputes.open(tailspin, "PRICING", BigDecimal("36.00"), "dana.whitfield",
                       description: "Endpoints billed at 15.00, contract says 13.00"),
    book.disputes.open(tailspin, "QUANTITY", BigDecimal("22.00"), "dana.whitfield",
                       description: "19 seats billed, 18 staff", lines: [2]),
    book.disputes.open(fabrikam, "SLA_CREDIT", BigDecimal("250.00"), "dana.whitfield",
                       description: "Email outage on 2025-03-12")
  ]
  disputes.last.resolve(:credited, "lee.moreno", note: "Four hours down; SLA credit agreed",
                                                 date: Date.new(2025, 4, 18))
  disputes.map(&:refresh).each do |dispute|
    puts format("  dispute  %-11s %14s  %s", dispute.reason_code, dispute.amount, dispute.status)
  end
end

def receive_payments(book, contoso, alpine)
  paid = book.payments.record(contoso.customer_id, contoso.balance, method: :ach,
                                                                    received_on: Date.new(2025, 4, 17),
                                                                    reference: "ACH 0417-118274")
  paid.apply(contoso, contoso.balance, applied_on: Date.new(2025, 4, 17))
  wire = book.payments.record(alpine.customer_id, BigDecimal("600.00"), method: :wire,
                                                                        received_on: Date.new(2025, 4, 15),
                                                                        reference: "SEPA AWG-2025-0415",
                                                                        auto_apply: true)
  puts "  payment  #{contoso.number}: #{paid.amount} by ACH, now #{contoso.refresh.status}"
  puts "  payment  #{alpine.number}: #{wire.applied} by wire, #{alpine.refresh.balance} still owed"
end

# Calls, emails, disputes and payments of April.
def follow_up(book, invoices)
  puts "\nFollowing up"
  contoso, fabrikam, tailspin, alpine = invoices.values_at("C-1001", "C-1002", "C-1003", "C-1004")
  log_contacts(book, contoso, fabrikam)
  open_disputes(book, fabrikam, tailspin)
  receive_payments(book, contoso, alpine)
end

def amounts(moneys)
  moneys.map { |money| format("%11s", money.amount_text) }.join
end

def print_aging(book)
  report = book.aging
  names = book.customers.to_h { |customer| [customer.id, customer.name] }
  puts "\nAging as of #{report.as_of}"
  puts format("  %-22s", "customer") + report.buckets.map { |label| format("%11s", label) }.join +
       format("%12s", "total")
  report.rows.each do |row|
    puts format("  %-22s", names[row.customer_id]) + amounts(row.amounts) +
         format("%12s %s", row.total.amount_text, row.currency)
  end
  report.totals.sort.each do |currency, total|
    puts format("  %-22s", "total #{currency}") + amounts(total.amounts) +
         format("%12s %s", total.total.amount_text, currency)
  end
end

# A percentage with two decimals, written exactly: "33.33", "50.00".
def percent(share)
  whole, fraction = share.round(2).to_s("F").split(".")
  "#{whole}.#{fraction.to_s.ljust(2, "0")}"
end

def print_top_dispute_codes(book)
  report = book.disputes.report(:reason_code, currency: "USD")
  puts "\nTop dispute codes (#{report.total_count} disputes, #{report.total_amount})"
  report.rows.each do |row|
    puts format("  %-11s %-38s %2d  %6s%%  %s", row.key, row.label, row.dispute_count, percent(row.share),
                row.amount)
  end
end

abort "usage: bill_from_csv.rb CSV_FILE [BOOK_PATH]" unless [1, 2].include?(ARGV.length)

accounts = read_accounts(ARGV[0])
Dir.mktmpdir("northwind") do |directory|
  path = ARGV[1] || File.join(directory, "northwind.arcbook")
  Arcollect.open(path, now: NOW) do |book|
    book.set_numbering(:invoice, "INV-2025-", next_number: 301, width: 4)
    events = []
    book.events.subscribe { |event| events << event }
    invoices = bill(book, accounts)
    follow_up(book, invoices)
    print_aging(book)
    print_top_dispute_codes(book)
    puts "\n#{events.length} events journaled, the last #{events.last.kind_name}"
  end
end
