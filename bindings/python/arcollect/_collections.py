"""The collections and reports a book offers, attached when it opens."""

from . import _aging, _automation, _timeline
from ._automation import Rules
from ._communications import Communications
from ._customers import Customers
from ._disputes import Disputes, ReasonCodes
from ._events import Events
from ._invoices import Invoices
from ._payments import CreditMemos, Payments


def attach(book):
    """Give @book its collections: book.customers, book.invoices..."""
    book.customers = Customers(book)
    book.invoices = Invoices(book)
    book.payments = Payments(book)
    book.credit_memos = CreditMemos(book)
    book.reason_codes = ReasonCodes(book)
    book.disputes = Disputes(book)
    book.communications = Communications(book)
    book.events = Events(book)
    book.rules = Rules(book)


def aging(book, as_of=None, *, buckets=None, customer=None, currency=None,
          totals_only=False, split_disputed=False):
    """What is owed, by how long past due, as of a date (today by default).

    @buckets are ascending day counts (30, 60, 90 by default). With
    ``totals_only=True`` only the per-currency totals are kept; with
    ``split_disputed=True`` each amount also has its disputed part.
    """
    return _aging.compute(book, as_of, buckets, customer, currency, totals_only,
                          split_disputed)


def timeline(book, *, customer=None, invoice=None, dispute=None, page_size=None):
    """The timeline of one customer, invoice or dispute, newest first, read
    lazily: communications merged with what happened on the account."""
    return _timeline.timeline(book, customer, invoice, dispute, page_size)


def run_automation(book):
    """Run escalation rules and overdue checks as of the book's clock, in one
    transaction; return what the run did (an AutomationResult)."""
    return _automation.run(book)
