"""Lazy iteration over the C API's paged lists."""

from . import _raw
from ._record import read_page

DEFAULT_PAGE_SIZE = _raw.ARC_LIST_DEFAULT_LIMIT


def list_opts(customer=0, status=-1, page_size=None):
    """An arc_list_opts for the first page."""
    opts = _raw.arc_list_opts()
    opts.customer_id = customer
    opts.status = status
    opts.limit = page_size or DEFAULT_PAGE_SIZE
    return opts


def by_id(book, list_function, opts, page_functions, record_class):
    """Records of an id-ordered list, one page fetched at a time.

    @page_functions is (count, at, free) of the page type.
    """
    count_of, at, free = page_functions
    while True:
        page = book._call(list_function, opts)
        records = read_page(book, page, count_of, at, free, record_class)
        yield from records
        if len(records) < opts.limit:
            return
        opts.after_id = records[-1].id
