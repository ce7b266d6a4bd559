"""arcollect: accounts receivable for Python, on libarcollect.

    import arcollect
    from decimal import Decimal

    with arcollect.open("book.db") as book:
        customer = book.customers.create("C-1001", "Contoso Dental", "USD")
        invoice = book.invoices.create(
            customer, [arcollect.Line("Managed endpoints", Decimal("15.00"), 42)],
            issue=True)
        print(invoice.number, invoice.total)

Errors are exceptions under :class:`arcollect.Error`; money is
:class:`arcollect.Money` (a Decimal amount and an ISO 4217 code); dates are
``datetime.date`` and instants timezone-aware ``datetime``; enumerations are
str enums such as :class:`arcollect.InvoiceStatus`; lists are lazy iterators.
"""

from . import _raw
from ._aging import AgingReport, AgingRow, AgingTotal
from ._automation import AutomationResult, EscalationRule
from ._book import Book, delete_book, new_token
from ._communications import ChatMessage, Communication, SearchHit
from ._customers import Contact, Customer
from ._dispute_report import DisputeReport, DisputeReportRow
from ._disputes import Dispute, ReasonCode
from ._enums import (ApplicationKind, CallOutcome, Channel, CustomerStatus, Direction,
                     DisputeGrouping, DisputeOutcome, DisputeStatus, EventKind,
                     InvoiceStatus, PaymentMethod, RuleAction, Sequence, TimelineSource)
from ._errors import (AlreadyExistsError, AmountOverflowError, BusyError,
                      CallbackWarning, ClosedError, ConflictError, Error,
                      InvalidInputError, NotABookError, NotFoundError, OutOfMemoryError,
                      StorageError, UnsupportedError, VersionError)
from ._events import Event, Subscription
from ._invoices import Invoice, InvoiceLine, Line
from ._money import Money, currencies, minor_digits
from ._payments import Application, CreditMemo, Payment
from ._timeline import TimelineItem

__version__ = _raw.arc_version_string()
version_info = tuple(_raw.arc_version())


def open(uri, *, create=True, now=None, sync_normal=False, busy_timeout=None):
    """Open a book, creating it unless ``create=False``.

    @uri is a file path or a ``sqlite:`` URI. With @now (a timezone-aware
    datetime) the book's clock stands still at that instant until
    ``book.now`` is set again, so scripts and tests are deterministic.
    ``sync_normal=True`` trades the last commits on power loss for speed;
    @busy_timeout is in seconds.
    """
    return Book(uri, create=create, now=now, sync_normal=sync_normal,
                busy_timeout=busy_timeout)


__all__ = [name for name in dir() if not name.startswith("_")]
