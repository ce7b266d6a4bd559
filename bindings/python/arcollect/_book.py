"""Books: opening, closing, transactions, the clock and numbering."""

import contextlib
import os
import warnings

from . import _collections, _convert, _raw
from ._enums import Sequence
from ._errors import CallbackWarning, ClosedError, Error, check


class Book:
    """An open book: one connection to the receivables of one company.

    Open one with :func:`arcollect.open`. A book is a context manager that
    closes it on exit; records read from it keep it alive. The records are
    reached through collections: ``book.customers``, ``book.invoices``,
    ``book.payments``, ``book.credit_memos``, ``book.reason_codes``,
    ``book.disputes``, ``book.communications``, ``book.events`` and
    ``book.rules``.
    """

    def __init__(self, uri, *, create=True, now=None, sync_normal=False,
                 busy_timeout=None):
        self._db = None
        self._depth = 0
        self._clock = None
        self._subscriptions = {}
        self._new_callback_errors = []
        self._currencies = {}
        self.callback_errors = []
        """Exceptions raised by event callbacks, oldest first."""

        options = _raw.arc_db_options()
        if not create:
            options.flags |= _raw.ARC_DB_NO_CREATE
        if sync_normal:
            options.flags |= _raw.ARC_DB_SYNC_NORMAL
        if busy_timeout is not None:
            options.busy_timeout_ms = max(1, int(busy_timeout * 1000))
        if now is not None:
            self._clock = _raw.arcb_clock()
            self._clock.now = _convert.to_time(now, "now")
            options.use_clock(self._clock)

        self._db = check(_raw.arc_db_open(os.fspath(uri), options))
        self.uri = os.fspath(uri)
        _collections.attach(self)

    # -- the handle and every call through it --------------------------------

    @property
    def closed(self):
        """True once the book is closed."""
        return self._db is None

    def _handle(self):
        if self._db is None:
            raise ClosedError(f"book {self.uri}: closed")
        return self._db

    def _call(self, function, *args):
        """Call a raw function with this book's handle first; raise its error.

        Event callbacks run during the call (after its commit); what they
        raise is reported once the call is over.
        """
        db = self._handle()
        self._depth += 1
        try:
            result = function(db, *args)
        finally:
            self._depth -= 1
        if self._new_callback_errors and self._depth == 0:
            self._report_callback_errors()
        return check(result)

    def _report_callback_errors(self):
        errors, self._new_callback_errors = self._new_callback_errors, []
        for error in errors:
            if not isinstance(error, Exception):
                raise error
            warnings.warn(CallbackWarning(
                f"book {self.uri}: an event callback raised "
                f"{type(error).__name__}: {error}"), stacklevel=4)

    def close(self):
        """Close the book; a transaction still open is rolled back.

        Closing twice is harmless. A book cannot be closed from inside one of
        its own calls, that is from an event callback.
        """
        if self._db is None:
            return
        if self._depth:
            raise Error(f"book {self.uri}: cannot close a book from inside "
                        "one of its own calls (an event callback)")
        for token in list(self._subscriptions):
            self.events._forget(token)
        db, self._db = self._db, None
        _raw.arc_db_close(db)

    def __enter__(self):
        self._handle()
        return self

    def __exit__(self, *exc_info):
        self.close()

    def __del__(self):
        if getattr(self, "_db", None) is not None and not self._depth:
            self.close()

    def __repr__(self):
        state = "closed" if self._db is None else "open"
        return f"<arcollect.Book {self.uri!r} {state}>"

    # -- transactions ---------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self):
        """Group calls into one atomic change: ``with book.transaction():``.

        The block commits on exit and rolls back if it raises. Transactions
        do not nest (ConflictError).
        """
        self._call(_raw.arc_tx_begin)
        try:
            yield self
        except BaseException:
            if self._db is not None and _raw.arc_tx_active(self._db):
                self._call(_raw.arc_tx_rollback)
            raise
        if _raw.arc_tx_active(self._handle()):
            self._call(_raw.arc_tx_commit)

    def begin(self):
        """Begin a transaction by hand; prefer ``with book.transaction()``."""
        self._call(_raw.arc_tx_begin)

    def commit(self):
        """Commit the transaction begun with :meth:`begin`."""
        self._call(_raw.arc_tx_commit)

    def rollback(self):
        """Roll back the transaction begun with :meth:`begin`."""
        self._call(_raw.arc_tx_rollback)

    @property
    def in_transaction(self):
        """True while a transaction is open."""
        return bool(_raw.arc_tx_active(self._handle()))

    # -- the book itself ------------------------------------------------------

    @property
    def id(self):
        """The book's identifier: 32 hex digits chosen when it was created."""
        return _raw.arc_db_book_id(self._handle())

    @property
    def schema_version(self):
        """The schema version of the open book."""
        return _raw.arc_db_schema_version(self._handle())

    @property
    def now(self):
        """The current instant by the book's clock, a UTC datetime.

        Books opened with ``now=`` have a clock that stands still; assign a
        timezone-aware datetime to move it.
        """
        return _convert.from_time(_raw.arc_db_now(self._handle()))

    @now.setter
    def now(self, value):
        self._handle()
        if self._clock is None:
            raise Error(f"book {self.uri}: its clock is the system's; "
                        "open it with now=... to set the time")
        self._clock.now = _convert.to_time(value, "now")

    @property
    def today(self):
        """Today's date (UTC) by the book's clock."""
        return _convert.from_date(_raw.arc_db_today(self._handle()))

    def set_numbering(self, sequence, prefix, next=1, width=6):
        """Number new invoices or credit memos as prefix + zero-padded number.

        ``book.set_numbering("invoice", "INV-2025-", next=1, width=4)``
        """
        code = Sequence._c_value(sequence, "sequence")
        self._call(_raw.arc_db_set_numbering, code, prefix, next, width)

    aging = _collections.aging
    timeline = _collections.timeline
    run_automation = _collections.run_automation

    def _customer_currency(self, customer_id):
        """The currency of a customer; it never changes once set."""
        currency = self._currencies.get(customer_id)
        if currency is None:
            currency = self.customers.get(customer_id).currency
            self._currencies[customer_id] = currency
        return currency


def delete_book(uri, *, busy_timeout=None):
    """Delete a book for good, with the files SQLite keeps beside it.

    Close every handle on it first. NotFoundError when there is no such book;
    a file that is not a book is left alone (NotABookError).
    """
    options = _raw.arc_db_options()
    if busy_timeout is not None:
        options.busy_timeout_ms = max(1, int(busy_timeout * 1000))
    check(_raw.arc_book_delete(os.fspath(uri), options))


def new_token():
    """A random 32-hex-digit token, suitable as an idempotency key."""
    return check(_raw.arc_token_generate())
