"""Communications: emails, chats, calls and notes exchanged with customers."""

import datetime

from . import _convert, _raw
from ._convert import id_of
from ._enums import CallOutcome, Channel, Direction
from ._errors import check
from ._record import Record, read_one, read_page, slots


class ChatMessage:
    """One message of a chat transcript: ``ChatMessage("Maria", "Hello")``.

    ``sent_at`` is a timezone-aware datetime, or None for the chat's time.
    """

    __slots__ = ("author", "text", "sent_at")

    def __init__(self, author, text, sent_at=None):
        self.author = author
        self.text = text
        self.sent_at = sent_at

    def __eq__(self, other):
        return (isinstance(other, ChatMessage) and
                (self.author, self.text, self.sent_at) ==
                (other.author, other.text, other.sent_at))

    def __repr__(self):
        return f"ChatMessage({self.author!r}, {self.text!r}, sent_at={self.sent_at!r})"


class Communication(Record):
    """An email, chat, call, note, letter, SMS or portal message.

    ``call_duration`` is a timedelta; ``invoice_ids`` the invoices it is
    linked to; ``chat`` the transcript as :class:`ChatMessage` objects.
    """

    _fields = (
        ("id", _raw.arc_communication_id, "value"),
        ("customer_id", _raw.arc_communication_customer_id, "value"),
        ("channel", _raw.arc_communication_channel_of, Channel),
        ("direction", _raw.arc_communication_direction_of, Direction),
        ("occurred_at", _raw.arc_communication_occurred_at, "time"),
        ("created_at", _raw.arc_communication_created_at, "time"),
        ("user", _raw.arc_communication_user, "value"),
        ("subject", _raw.arc_communication_subject, "value"),
        ("body", _raw.arc_communication_body, "value"),
        ("email_from", _raw.arc_communication_email_from, "value"),
        ("email_to", _raw.arc_communication_email_to, "value"),
        ("email_cc", _raw.arc_communication_email_cc, "value"),
        ("message_id", _raw.arc_communication_message_id, "value"),
        ("in_reply_to", _raw.arc_communication_in_reply_to, "value"),
        ("thread_id", _raw.arc_communication_thread_id, "value"),
        ("phone_number", _raw.arc_communication_phone_number, "value"),
        ("call_outcome", _raw.arc_communication_call_outcome, CallOutcome),
        ("dispute_id", _raw.arc_communication_dispute_id, "ref"),
    )
    __slots__ = slots(_fields) + ("call_duration", "invoice_ids", "chat")

    def _complete(self, handle):
        set_field = object.__setattr__
        seconds = _raw.arc_communication_call_duration(handle)
        set_field(self, "call_duration", datetime.timedelta(seconds=seconds)
                  if self.channel == Channel.CALL else None)
        set_field(self, "invoice_ids", tuple(
            _raw.arc_communication_invoice_at(handle, index)
            for index in range(_raw.arc_communication_invoice_count(handle))))
        set_field(self, "chat", tuple(
            ChatMessage(_raw.arc_communication_chat_author_at(handle, index),
                        _raw.arc_communication_chat_text_at(handle, index),
                        _convert.from_time(_raw.arc_communication_chat_time_at(handle,
                                                                               index)))
            for index in range(_raw.arc_communication_chat_message_count(handle))))

    def thread(self):
        """The whole email thread this email belongs to, oldest first."""
        return self.book.communications.thread(self)


class SearchHit(Record):
    """One result of a full-text search; ``snippet`` marks the matches."""

    _fields = (
        ("id", _raw.arc_communication_hit_id, "value"),
        ("customer_id", _raw.arc_communication_hit_customer_id, "value"),
        ("channel", _raw.arc_communication_hit_channel, Channel),
        ("occurred_at", _raw.arc_communication_hit_occurred_at, "time"),
        ("snippet", _raw.arc_communication_hit_snippet, "value"),
    )
    __slots__ = slots(_fields)

    def communication(self):
        """The communication found, read whole."""
        return self.book.communications.get(self.id)


_PAGE = (_raw.arc_communication_page_count, _raw.arc_communication_page_at,
         _raw.arc_communication_page_free)
_HIT_PAGE = (_raw.arc_communication_hit_page_count, _raw.arc_communication_hit_page_at,
             _raw.arc_communication_hit_page_free)


def _as_chat_message(message):
    if isinstance(message, ChatMessage):
        return message
    if isinstance(message, dict):
        return ChatMessage(**message)
    return ChatMessage(*message)


def _seconds(duration):
    if isinstance(duration, datetime.timedelta):
        return int(duration.total_seconds())
    return int(duration)


class Communications:
    """The communication record of a book: ``book.communications``."""

    _STRINGS = ("user", "subject", "body", "email_from", "email_to", "email_cc",
                "message_id", "in_reply_to", "phone_number")

    def __init__(self, book):
        self._book = book

    def record(self, customer, channel, direction="inbound", *, occurred_at=None,
               call_duration=None, call_outcome=None, invoices=(), dispute=None, chat=(),
               **texts):
        """Record a communication and return it.

        Text fields are keyword arguments: user, subject, body, email_from,
        email_to, email_cc, message_id, in_reply_to, phone_number. A call
        needs a @call_outcome; @call_duration is a timedelta or seconds.
        @chat is a transcript of :class:`ChatMessage` objects or (author,
        text[, sent_at]) tuples. A field the channel does not keep is refused.
        """
        unknown = set(texts) - set(self._STRINGS)
        if unknown:
            raise TypeError(f"record: unknown fields {sorted(unknown)}")
        opts = _raw.arc_communication_opts()
        opts.customer_id = id_of(customer, "customer")
        opts.channel = Channel._c_value(channel, "channel")
        opts.direction = Direction._c_value(direction, "direction")
        opts.occurred_at = _convert.to_time(occurred_at, "occurred_at")
        for name, value in texts.items():
            setattr(opts, name, value)
        if call_duration is not None:
            opts.call_duration = _seconds(call_duration)
        if call_outcome is not None:
            opts.call_outcome = CallOutcome._c_value(call_outcome, "call_outcome")
        for invoice in invoices:
            check(opts.add_invoice(id_of(invoice, "invoice")))
        opts.dispute_id = id_of(dispute, "dispute")
        for message in chat:
            message = _as_chat_message(message)
            check(opts.add_chat_message(message.author,
                                        _convert.to_time(message.sent_at, "sent_at"),
                                        message.text))
        return self.get(self._book._call(_raw.arc_communication_record, opts))

    def get(self, communication_id):
        """The communication with this id, with its links and transcript."""
        handle = self._book._call(_raw.arc_communication_lookup,
                                  id_of(communication_id, "communication"))
        return read_one(self._book, handle, _raw.arc_communication_free, Communication)

    def list(self, *, customer=None, invoice=None, dispute=None, channel=None,
             page_size=None):
        """Communications newest first, read a page at a time: the book's, or
        those of one customer, invoice or dispute."""
        opts = _raw.arc_communication_list_opts()
        opts.customer_id = id_of(customer, "customer")
        opts.invoice_id = id_of(invoice, "invoice")
        opts.dispute_id = id_of(dispute, "dispute")
        if channel is not None:
            opts.channel = Channel._c_value(channel, "channel")
        opts.limit = page_size or _raw.ARC_LIST_DEFAULT_LIMIT
        return self._pages(opts)

    def _pages(self, opts):
        while True:
            page = self._book._call(_raw.arc_communication_list, opts)
            records = read_page(self._book, page, *_PAGE, Communication)
            yield from records
            if len(records) < opts.limit:
                return
            last = records[-1]
            opts.before_occurred_at = _convert.to_time(last.occurred_at)
            opts.before_id = last.id

    def __iter__(self):
        return self.list()

    def thread(self, email):
        """Every email of an email's thread, oldest first."""
        page = self._book._call(_raw.arc_communication_thread, id_of(email, "email"))
        return read_page(self._book, page, *_PAGE, Communication)

    def search(self, query, *, customer=None, page_size=None, mark_open=None,
               mark_close=None):
        """Full-text search (FTS5 syntax), best match first, read lazily.

        Each :class:`SearchHit` has a snippet with matches between
        @mark_open and @mark_close ("[" and "]" by default).
        """
        opts = _raw.arc_communication_search_opts()
        opts.customer_id = id_of(customer, "customer")
        opts.limit = page_size or _raw.ARC_LIST_DEFAULT_LIMIT
        opts.mark_open = mark_open
        opts.mark_close = mark_close
        return self._hits(query, opts)

    def _hits(self, query, opts):
        while True:
            page = self._book._call(_raw.arc_communication_search, query, opts)
            hits = read_page(self._book, page, *_HIT_PAGE, SearchHit)
            yield from hits
            if len(hits) < opts.limit:
                return
            opts.offset += len(hits)
