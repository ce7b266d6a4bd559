"""Timelines: a customer's, invoice's or dispute's communications merged with
what happened on the account, newest first."""

from . import _convert, _raw
from ._communications import Communication
from ._convert import id_of
from ._enums import TimelineSource
from ._events import Event


class TimelineItem:
    """One item of a timeline: ``source`` says whether ``communication`` or
    ``event`` is set."""

    __slots__ = ("source", "occurred_at", "communication", "event")

    def __repr__(self):
        what = self.communication if self.event is None else self.event
        return f"<TimelineItem {self.occurred_at.isoformat()} {what!r}>"


def _item(book, handle):
    item = TimelineItem()
    item.source = TimelineSource._from_c(_raw.arc_timeline_item_source(handle))
    item.occurred_at = _convert.from_time(_raw.arc_timeline_item_occurred_at(handle))
    communication = _raw.arc_timeline_item_communication(handle)
    event = _raw.arc_timeline_item_event(handle)
    item.communication = (Communication._read(book, communication)
                          if communication is not None else None)
    item.event = Event._read(book, event) if event is not None else None
    return item


def _pages(book, opts):
    while True:
        page = book._call(_raw.arc_timeline, opts)
        try:
            items = [_item(book, _raw.arc_timeline_page_at(page, index))
                     for index in range(_raw.arc_timeline_page_count(page))]
            more = len(items) == opts.limit and _raw.arc_timeline_page_next(page, opts)
        finally:
            _raw.arc_timeline_page_free(page)
        yield from items
        if not more:
            return


def timeline(book, customer=None, invoice=None, dispute=None, page_size=None):
    """The timeline of exactly one customer, invoice or dispute, read lazily."""
    opts = _raw.arc_timeline_opts()
    opts.customer_id = id_of(customer, "customer")
    opts.invoice_id = id_of(invoice, "invoice")
    opts.dispute_id = id_of(dispute, "dispute")
    opts.limit = page_size or 50
    return _pages(book, opts)
