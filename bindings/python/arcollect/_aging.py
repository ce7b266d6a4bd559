"""The aging report: what is owed, by how long past due, as of a date."""

from . import _convert, _raw
from ._convert import id_of
from ._errors import check
from ._money import from_minor


class AgingRow:
    """One customer's balances in one currency, per bucket."""

    __slots__ = ("customer_id", "currency", "amounts", "total", "invoice_count",
                 "disputed")

    def __repr__(self):
        return (f"<AgingRow customer_id={self.customer_id} total={self.total!r} "
                f"invoices={self.invoice_count}>")


class AgingTotal:
    """The totals of one currency, per bucket, over every customer reported."""

    __slots__ = ("currency", "amounts", "total", "invoice_count", "disputed")

    def __repr__(self):
        return f"<AgingTotal {self.total!r} invoices={self.invoice_count}>"


class AgingReport:
    """An aging report: ``book.aging()``.

    ``buckets`` are the labels ("current", "1-30", ..., "over 90"); each
    row's and total's ``amounts`` and ``disputed`` are Money per bucket, in
    that order (``disputed`` only with ``split_disputed=True``). ``totals``
    maps each currency to its :class:`AgingTotal`.
    """

    __slots__ = ("book", "as_of", "buckets", "rows", "totals")

    def __repr__(self):
        return (f"<AgingReport as_of={self.as_of} rows={len(self.rows)} "
                f"currencies={sorted(self.totals)}>")


def _bucket_values(function, aging, index, currency, bucket_count):
    return tuple(from_minor(function(aging, index, bucket), currency)
                 for bucket in range(bucket_count))


def _read(book, aging, split):
    report = AgingReport()
    report.book = book
    report.as_of = _convert.from_date(_raw.arc_aging_as_of(aging))
    bucket_count = _raw.arc_aging_bucket_count(aging)
    report.buckets = tuple(_raw.arc_aging_bucket_label(aging, bucket)
                           for bucket in range(bucket_count))

    report.rows = []
    for index in range(_raw.arc_aging_row_count(aging)):
        row = AgingRow()
        row.customer_id = _raw.arc_aging_row_customer_id(aging, index)
        row.currency = _raw.arc_aging_row_currency(aging, index)
        row.amounts = _bucket_values(_raw.arc_aging_row_amount, aging, index,
                                     row.currency, bucket_count)
        row.total = from_minor(_raw.arc_aging_row_total(aging, index), row.currency)
        row.invoice_count = _raw.arc_aging_row_invoice_count(aging, index)
        row.disputed = (_bucket_values(_raw.arc_aging_row_disputed, aging, index,
                                       row.currency, bucket_count) if split else None)
        report.rows.append(row)

    report.totals = {}
    for index in range(_raw.arc_aging_currency_count(aging)):
        total = AgingTotal()
        total.currency = _raw.arc_aging_currency_at(aging, index)
        total.amounts = _bucket_values(_raw.arc_aging_total_amount, aging, index,
                                       total.currency, bucket_count)
        total.total = from_minor(_raw.arc_aging_total(aging, index), total.currency)
        total.invoice_count = _raw.arc_aging_total_invoice_count(aging, index)
        total.disputed = (_bucket_values(_raw.arc_aging_total_disputed, aging, index,
                                         total.currency, bucket_count) if split else None)
        report.totals[total.currency] = total
    return report


def compute(book, as_of=None, buckets=None, customer=None, currency=None,
            totals_only=False, split_disputed=False):
    """Compute an aging report; see :meth:`arcollect.Book.aging`."""
    opts = _raw.arc_aging_opts()
    opts.as_of = _convert.to_date(as_of, "as_of")
    for edge in buckets or ():
        check(opts.add_bucket_edge(edge))
    opts.customer_id = id_of(customer, "customer")
    opts.currency = currency
    if totals_only:
        opts.flags |= _raw.ARC_AGING_TOTALS_ONLY
    if split_disputed:
        opts.flags |= _raw.ARC_AGING_SPLIT_DISPUTED

    aging = book._call(_raw.arc_aging_compute, opts)
    try:
        return _read(book, aging, split_disputed)
    finally:
        _raw.arc_aging_free(aging)
