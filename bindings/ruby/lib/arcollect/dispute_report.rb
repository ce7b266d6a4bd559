# frozen_string_literal: true

module Arcollect
  # One group of a dispute report. +share+ is the percentage of the report's
  # disputes (BigDecimal, two places: 42.86); +mean_days+ and +median_days+ are
  # BigDecimal days to resolve, nil when nothing in the row is resolved;
  # +outcomes+ maps each outcome symbol to its count.
  DisputeReportRow = Struct.new(:key, :label, :customer_id, :dispute_count, :amount, :share, :resolved_count,
                                :mean_days, :median_days, :outcomes, keyword_init: true)

  # A dispute report: rows rank the most disputed groups first.
  DisputeReport = Struct.new(:book, :grouping, :currency, :total_count, :total_amount, :rows,
                             keyword_init: true)

  # Computing and reading dispute reports.
  module DisputeReports
    HUNDRED = BigDecimal(100)

    module_function

    def compute(book, grouping, from_date, to_date, customer, currency)
      opts = Raw::ArcDisputeReportOpts.new
      opts.grouping = DISPUTE_GROUPING.to_c(grouping, "grouping")
      opts.from_date = Convert.to_date(from_date, "from_date")
      opts.to_date = Convert.to_date(to_date, "to_date")
      opts.customer_id = Convert.id_of(customer, "customer")
      opts.currency = currency
      report = book.call(:arc_dispute_report_compute, opts)
      begin
        read(book, report, DISPUTE_GROUPING.from_c(opts.grouping))
      ensure
        Raw.arc_dispute_report_free(report)
      end
    end

    def read(book, report, grouping)
      currency = Raw.arc_dispute_report_currency(report)
      total = Raw.arc_dispute_report_total_amount(report)
      DisputeReport.new(book: book, grouping: grouping, currency: currency,
                        total_count: Raw.arc_dispute_report_total_count(report),
                        total_amount: currency && Money.from_minor(total, currency),
                        rows: Array.new(Raw.arc_dispute_report_row_count(report)) { |index| row(report, index, currency) })
    end

    def days(hundredths)
      hundredths.negative? ? nil : BigDecimal(hundredths) / HUNDRED
    end

    def row(report, index, currency)
      customer_id = Raw.arc_dispute_report_row_customer_id(report, index)
      DisputeReportRow.new(
        key: Raw.arc_dispute_report_row_key(report, index),
        label: Raw.arc_dispute_report_row_label(report, index),
        customer_id: customer_id.zero? ? nil : customer_id,
        dispute_count: Raw.arc_dispute_report_row_dispute_count(report, index),
        amount: Money.from_minor(Raw.arc_dispute_report_row_amount(report, index), currency),
        share: BigDecimal(Raw.arc_dispute_report_row_share_bp(report, index)) / HUNDRED,
        resolved_count: Raw.arc_dispute_report_row_resolved_count(report, index),
        mean_days: days(Raw.arc_dispute_report_row_mean_days(report, index)),
        median_days: days(Raw.arc_dispute_report_row_median_days(report, index)),
        outcomes: DISPUTE_OUTCOME.symbols.to_h do |outcome|
          [outcome, Raw.arc_dispute_report_row_outcome_count(report, index, DISPUTE_OUTCOME.to_c(outcome))]
        end
      )
    end
  end
end
