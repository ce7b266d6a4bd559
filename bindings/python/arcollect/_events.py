"""The event journal: subscriptions with Python callbacks, and reading the
journal from a cursor.

A subscription's callback runs after each commit through its book, once per
event, in journal order, before the committing call returns. Whatever it
raises is caught here, never crosses the C library, and is reported when
the call returns: appended to ``book.callback_errors`` and warned about as a
CallbackWarning (KeyboardInterrupt and SystemExit are raised again there).
The change that produced the event stays committed.
"""

import itertools
import weakref

from . import _raw
from ._enums import EventKind
from ._money import from_minor
from ._record import Record, read_page, slots

# token -> (weak reference to the book, callback)
_subscribers = {}
_tokens = itertools.count(1)


class Event(Record):
    """One event of the journal. ``kind`` is an :class:`EventKind`, or the
    raw number of a kind newer than this binding; ``amount`` is a Money or
    None; ids that do not apply are None."""

    _fields = (
        ("id", _raw.arc_event_id, "value"),
        ("kind", _raw.arc_event_kind_of, EventKind),
        ("occurred_at", _raw.arc_event_occurred_at, "time"),
        ("actor", _raw.arc_event_actor, "value"),
        ("record_id", _raw.arc_event_record_id, "ref"),
        ("customer_id", _raw.arc_event_customer_id, "ref"),
        ("invoice_id", _raw.arc_event_invoice_id, "ref"),
        ("dispute_id", _raw.arc_event_dispute_id, "ref"),
        ("currency", _raw.arc_event_currency, "value"),
        ("detail", _raw.arc_event_detail, "value"),
    )
    __slots__ = slots(_fields) + ("amount",)

    def _complete(self, handle):
        units = _raw.arc_event_amount(handle)
        amount = from_minor(units, self.currency) if self.currency else None
        object.__setattr__(self, "amount", amount)


def dispatch(token, raw_event):
    """Called by the C trampoline for each event delivered to a token."""
    entry = _subscribers.get(token)
    if entry is None:
        return
    book = entry[0]()
    if book is None:
        return
    try:
        entry[1](Event._read(book, raw_event))
    except BaseException as error:  # reported by the book once its call returns
        book.callback_errors.append(error)
        book._new_callback_errors.append(error)


class Subscription:
    """A callback subscribed to a book's events; ``cancel()`` it, or use it
    as a context manager to cancel on exit."""

    def __init__(self, events, token, callback):
        self._events = events
        self.token = token
        self.callback = callback

    @property
    def active(self):
        """True until cancelled or the book is closed."""
        return self.token in _subscribers

    def cancel(self):
        """Stop the callback; cancelling twice is harmless."""
        if self.active:
            self._events.unsubscribe(self)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.cancel()


_PAGE = (_raw.arc_event_page_count, _raw.arc_event_page_at, _raw.arc_event_page_free)


class Events:
    """The journal of a book: ``book.events``. Iterating reads it all."""

    def __init__(self, book):
        self._book = book

    def subscribe(self, callback):
        """Call ``callback(event)`` for every event committed through this
        book from now on; return a :class:`Subscription`."""
        if not callable(callback):
            raise TypeError("subscribe: the callback must be callable")
        token = next(_tokens)
        _subscribers[token] = (weakref.ref(self._book), callback)
        try:
            number = self._book._call(_raw.arc_event_subscribe, token)
        except BaseException:
            del _subscribers[token]
            raise
        self._book._subscriptions[token] = number
        return Subscription(self, token, callback)

    def unsubscribe(self, subscription):
        """Stop a subscription."""
        number = self._book._subscriptions[subscription.token]
        self._book._call(_raw.arc_event_unsubscribe, number)
        self._forget(subscription.token)

    def _forget(self, token):
        self._book._subscriptions.pop(token, None)
        _subscribers.pop(token, None)

    def list(self, after=0, page_size=None):
        """Events after the cursor @after (an event id), oldest first, read a
        page at a time. Keep the last id handled to resume later."""
        limit = page_size or _raw.ARC_LIST_DEFAULT_LIMIT
        return self._pages(after, limit)

    def _pages(self, after, limit):
        while True:
            page = self._book._call(_raw.arc_event_list, after, limit)
            events = read_page(self._book, page, *_PAGE, Event)
            yield from events
            if len(events) < limit:
                return
            after = events[-1].id

    def __iter__(self):
        return self.list()
