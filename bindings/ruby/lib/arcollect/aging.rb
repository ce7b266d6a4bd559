# frozen_string_literal: true

module Arcollect
  # One customer's balances in one currency: +amounts+ (and +disputed+, with
  # split_disputed) are Money per bucket.
  AgingRow = Struct.new(:customer_id, :currency, :amounts, :total, :invoice_count, :disputed,
                        keyword_init: true)

  # The totals of one currency over every customer reported.
  AgingTotal = Struct.new(:currency, :amounts, :total, :invoice_count, :disputed, keyword_init: true)

  # An aging report: +buckets+ are the labels ("current", "1-30", ...,
  # "over 90"), +rows+ AgingRow, +totals+ a Hash of currency to AgingTotal.
  AgingReport = Struct.new(:book, :as_of, :buckets, :rows, :totals, keyword_init: true)

  # Computing and reading aging reports.
  module Aging
    module_function

    def compute(book, as_of, buckets, customer, currency, totals_only, split_disputed)
      opts = Raw::ArcAgingOpts.new
      opts.as_of = Convert.to_date(as_of, "as_of")
      (buckets || []).each { |edge| Errors.check(opts.add_bucket_edge(edge)) }
      opts.customer_id = Convert.id_of(customer, "customer")
      opts.currency = currency
      opts.flags |= Raw::ARC_AGING_TOTALS_ONLY if totals_only
      opts.flags |= Raw::ARC_AGING_SPLIT_DISPUTED if split_disputed
      aging = book.call(:arc_aging_compute, opts)
      begin
        read(book, aging, split_disputed)
      ensure
        Raw.arc_aging_free(aging)
      end
    end

    def read(book, aging, split)
      buckets = Array.new(Raw.arc_aging_bucket_count(aging)) { |bucket| Raw.arc_aging_bucket_label(aging, bucket) }
      AgingReport.new(book: book, as_of: Convert.from_date(Raw.arc_aging_as_of(aging)), buckets: buckets,
                      rows: Array.new(Raw.arc_aging_row_count(aging)) { |row| row(aging, row, buckets.length, split) },
                      totals: Array.new(Raw.arc_aging_currency_count(aging)) do |index|
                        total(aging, index, buckets.length, split)
                      end.to_h { |total| [total.currency, total] })
    end

    def per_bucket(function, aging, index, currency, bucket_count)
      Array.new(bucket_count) { |bucket| Money.from_minor(Raw.public_send(function, aging, index, bucket), currency) }
    end

    def row(aging, index, bucket_count, split)
      currency = Raw.arc_aging_row_currency(aging, index)
      AgingRow.new(customer_id: Raw.arc_aging_row_customer_id(aging, index), currency: currency,
                   amounts: per_bucket(:arc_aging_row_amount, aging, index, currency, bucket_count),
                   total: Money.from_minor(Raw.arc_aging_row_total(aging, index), currency),
                   invoice_count: Raw.arc_aging_row_invoice_count(aging, index),
                   disputed: split ? per_bucket(:arc_aging_row_disputed, aging, index, currency, bucket_count) : nil)
    end

    def total(aging, index, bucket_count, split)
      currency = Raw.arc_aging_currency_at(aging, index)
      AgingTotal.new(currency: currency,
                     amounts: per_bucket(:arc_aging_total_amount, aging, index, currency, bucket_count),
                     total: Money.from_minor(Raw.arc_aging_total(aging, index), currency),
                     invoice_count: Raw.arc_aging_total_invoice_count(aging, index),
                     disputed: split ? per_bucket(:arc_aging_total_disputed, aging, index, currency, bucket_count) : nil)
    end
  end
end
