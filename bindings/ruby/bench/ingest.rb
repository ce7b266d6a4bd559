# frozen_string_literal: true

# Invoice ingest through the Ruby binding, to compare with arc_bench.
#
# The workload is arc_bench's (bench/workload.c): customers CUST-000001...,
# then issued invoices INV-0000001... with two lines each (managed endpoints,
# 5 to 64 at 15.00 taxed 8.25%; Microsoft 365 seats, 1 to 40 at 22.00), issue
# dates over the twelve months before 2025-06-30, 10,000 invoices per
# transaction, in a fresh book with the library's default synchronous=FULL.
#
# Usage: ruby -I<lib> -I<build lib> ingest.rb [--invoices N] [--customers N] [--dir PATH] [--records]
#
# It prints, like arc_bench (seconds, then invoices per second):
#
#   BENCH ruby_ingest <seconds> <invoices_per_second>
#
# The timed phase is book.invoices.create_many, which returns ids. With
# --records, a second fresh book is filled with invoices.create, which reads
# each invoice back as a record, and a second line is printed:
#
#   BENCH ruby_ingest_records <seconds> <invoices_per_second>
#
# Compare with the "BENCH invoices" line of arc_bench --invoices 100000
# --runs 3. It asserts nothing.

require "bigdecimal"
require "date"
require "optparse"
require "tmpdir"

require "arcollect"

TODAY = Date.new(2025, 6, 30)
NOW = Time.utc(2025, 6, 30, 12)
BATCH = 10_000
TERMS = [30, 30, 15, 45, 60].freeze
STEMS = %w[Northwind Contoso Fabrikam Tailspin Wingtip Litware Adatum Proseware].freeze
ENDPOINT_PRICE = BigDecimal("15.00")
SEAT_PRICE = BigDecimal("22.00")

def add_customers(book, count)
  book.transaction do
    Array.new(count) do |index|
      book.customers.create(format("CUST-%06d", index + 1), format("%s Services %05d", STEMS[index % 8], index + 1),
                            "USD", billing_email: format("ap@client%06d.example", index + 1),
                                   payment_terms_days: TERMS[index % 5]).id
    end
  end
end

# arc_bench's invoices, as arguments of book.invoices.create.
def invoices(customer_ids, count)
  Enumerator.new do |yielder|
    count.times do |index|
      yielder << {
        customer: customer_ids[index % customer_ids.length], number: format("INV-%07d", index + 1),
        currency: "USD", issue_date: TODAY - ((index * 7919) % 365), issue: true,
        lines: [Arcollect::Line.new("Managed endpoints", ENDPOINT_PRICE, 5 + (index % 60), tax_rate: "8.25",
                                                                                            item_code: "MSP-ENDPOINT"),
                Arcollect::Line.new("Microsoft 365 Business Premium", SEAT_PRICE, 1 + (index % 40),
                                    item_code: "M365-BP")]
      }
    end
  end
end

def ingest_many(book, customer_ids, count)
  start = Process.clock_gettime(Process::CLOCK_MONOTONIC)
  ids = book.invoices.create_many(invoices(customer_ids, count), batch_size: BATCH)
  seconds = Process.clock_gettime(Process::CLOCK_MONOTONIC) - start
  raise "created #{ids.length} invoices, not #{count}" unless ids.length == count

  seconds
end

def ingest_records(book, customer_ids, count)
  start = Process.clock_gettime(Process::CLOCK_MONOTONIC)
  invoices(customer_ids, count).each_slice(BATCH) do |slice|
    book.transaction do
      slice.each { |invoice| book.invoices.create(invoice.delete(:customer), invoice.delete(:lines), **invoice) }
    end
  end
  Process.clock_gettime(Process::CLOCK_MONOTONIC) - start
end

def run(path, phase, customers, count)
  Arcollect.open(path, now: NOW) { |book| send(phase, book, add_customers(book, customers), count) }
end

def report(name, seconds, count)
  puts format("BENCH %s %.3f %d", name, seconds, seconds.positive? ? count / seconds : 0)
end

options = { invoices: 100_000, customers: 10_000, dir: nil, records: false }
OptionParser.new do |parser|
  parser.on("--invoices N", Integer) { |value| options[:invoices] = value }
  parser.on("--customers N", Integer) { |value| options[:customers] = value }
  parser.on("--dir PATH") { |value| options[:dir] = value }
  parser.on("--records") { options[:records] = true }
end.parse!

Dir.mktmpdir("arcollect-bench", options[:dir]) do |directory|
  seconds = run(File.join(directory, "many.arcbook"), :ingest_many, options[:customers], options[:invoices])
  report("ruby_ingest", seconds, options[:invoices])
  if options[:records]
    seconds = run(File.join(directory, "records.arcbook"), :ingest_records, options[:customers], options[:invoices])
    report("ruby_ingest_records", seconds, options[:invoices])
  end
end
