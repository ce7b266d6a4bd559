"""Dispute analytics: which reason codes, customers and months disputes come
from, and how they were settled."""

from decimal import Decimal

from . import _convert, _raw
from ._convert import id_of
from ._enums import DisputeGrouping, DisputeOutcome
from ._money import from_minor


class DisputeReportRow:
    """One group of a dispute report.

    ``share`` is the row's share of the report's disputes in percent
    (Decimal, two places: 42.86); ``mean_days`` and ``median_days`` are
    Decimal days to resolve, None when nothing in the row is resolved;
    ``outcomes`` maps each :class:`DisputeOutcome` to its count.
    """

    __slots__ = ("key", "label", "customer_id", "dispute_count", "amount", "share",
                 "resolved_count", "mean_days", "median_days", "outcomes")

    def __repr__(self):
        return (f"<DisputeReportRow {self.key} disputes={self.dispute_count} "
                f"amount={self.amount!r}>")


class DisputeReport:
    """A dispute report: ``book.disputes.report()``; rows rank the most
    disputed groups first."""

    __slots__ = ("book", "grouping", "currency", "total_count", "total_amount", "rows")

    def __repr__(self):
        return (f"<DisputeReport by {self.grouping.value} disputes={self.total_count} "
                f"rows={len(self.rows)}>")


def _days(hundredths):
    return None if hundredths < 0 else Decimal(hundredths).scaleb(-2)


def _row(report, index, currency):
    row = DisputeReportRow()
    row.key = _raw.arc_dispute_report_row_key(report, index)
    row.label = _raw.arc_dispute_report_row_label(report, index)
    row.customer_id = _raw.arc_dispute_report_row_customer_id(report, index) or None
    row.dispute_count = _raw.arc_dispute_report_row_dispute_count(report, index)
    row.amount = from_minor(_raw.arc_dispute_report_row_amount(report, index), currency)
    row.share = Decimal(_raw.arc_dispute_report_row_share_bp(report, index)).scaleb(-2)
    row.resolved_count = _raw.arc_dispute_report_row_resolved_count(report, index)
    row.mean_days = _days(_raw.arc_dispute_report_row_mean_days(report, index))
    row.median_days = _days(_raw.arc_dispute_report_row_median_days(report, index))
    row.outcomes = {
        outcome: _raw.arc_dispute_report_row_outcome_count(
            report, index, DisputeOutcome._c_value(outcome, "outcome"))
        for outcome in DisputeOutcome
    }
    return row


def compute(book, grouping="reason_code", *, from_date=None, to_date=None,
            customer=None, currency=None):
    """Compute a dispute report; see :meth:`Disputes.report`."""
    opts = _raw.arc_dispute_report_opts()
    opts.grouping = DisputeGrouping._c_value(grouping, "grouping")
    opts.from_date = _convert.to_date(from_date, "from_date")
    opts.to_date = _convert.to_date(to_date, "to_date")
    opts.customer_id = id_of(customer, "customer")
    opts.currency = currency

    handle = book._call(_raw.arc_dispute_report_compute, opts)
    try:
        result = DisputeReport()
        result.book = book
        result.grouping = DisputeGrouping(grouping)
        result.currency = _raw.arc_dispute_report_currency(handle)
        result.total_count = _raw.arc_dispute_report_total_count(handle)
        amount = _raw.arc_dispute_report_total_amount(handle)
        result.total_amount = from_minor(amount, result.currency) if result.currency else None
        result.rows = [_row(handle, index, result.currency)
                       for index in range(_raw.arc_dispute_report_row_count(handle))]
        return result
    finally:
        _raw.arc_dispute_report_free(handle)
