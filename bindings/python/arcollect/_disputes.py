"""Disputes and the catalog of reason codes."""

from . import _convert, _paging, _raw
from ._convert import id_of
from ._enums import DisputeOutcome, DisputeStatus
from ._errors import NotFoundError, check
from ._money import to_minor
from ._record import Record, read_one, read_page, slots


class ReasonCode(Record):
    """A code of the book's catalog, such as "SLA_CREDIT"."""

    _fields = (
        ("code", _raw.arc_reason_code_code, "value"),
        ("label", _raw.arc_reason_code_label, "value"),
        ("category", _raw.arc_reason_code_category, "value"),
        ("description", _raw.arc_reason_code_description, "value"),
        ("active", _raw.arc_reason_code_is_active, "bool"),
    )
    __slots__ = slots(_fields)


class ReasonCodes:
    """The catalog of reason codes: ``book.reason_codes``. Iterating lists the
    active ones."""

    def __init__(self, book):
        self._book = book

    def add(self, code, label, *, category=None, description=None):
        """Add an active code and return it."""
        opts = _raw.arc_reason_code_opts()
        opts.code = code
        opts.label = label
        opts.category = category
        opts.description = description
        self._book._call(_raw.arc_reason_code_add, opts)
        return self.get(code)

    def update(self, code, label, *, category=None, description=None):
        """Relabel a code; None keeps the category or description, "" clears
        the description. Returns the code."""
        opts = _raw.arc_reason_code_opts()
        opts.label = label
        opts.category = category
        opts.description = description
        self._book._call(_raw.arc_reason_code_update, code, opts)
        return self.get(code)

    def set_active(self, code, active):
        """Activate or deactivate a code."""
        self._book._call(_raw.arc_reason_code_set_active, code, int(bool(active)))

    def delete(self, code):
        """Delete a code that no dispute uses."""
        self._book._call(_raw.arc_reason_code_delete, code)

    def list(self, include_inactive=False):
        """The catalog in code order."""
        page = self._book._call(_raw.arc_reason_code_list, int(bool(include_inactive)))
        return read_page(self._book, page, _raw.arc_reason_code_page_count,
                         _raw.arc_reason_code_page_at, _raw.arc_reason_code_page_free,
                         ReasonCode)

    def __iter__(self):
        return iter(self.list())

    def get(self, code):
        """One code, active or not (NotFoundError if the catalog lacks it)."""
        page = self._book._call(_raw.arc_reason_code_list, 1)
        try:
            found = _raw.arc_reason_code_page_find(page, code)
            if found is None:
                raise NotFoundError(f"reason code {code}: not in the catalog",
                                    _raw.ARC_ENOTFOUND)
            return ReasonCode._read(self._book, found)
        finally:
            _raw.arc_reason_code_page_free(page)


class Dispute(Record):
    """An invoice, or part of one, that the customer refuses to pay."""

    _fields = (
        ("id", _raw.arc_dispute_id, "value"),
        ("invoice_id", _raw.arc_dispute_invoice_id, "value"),
        ("customer_id", _raw.arc_dispute_customer_id, "value"),
        ("currency", _raw.arc_dispute_currency, "value"),
        ("reason_code", _raw.arc_dispute_reason_code, "value"),
        ("amount", _raw.arc_dispute_amount, "money"),
        ("status", _raw.arc_dispute_status_of, DisputeStatus),
        ("outcome", _raw.arc_dispute_outcome_of, DisputeOutcome),
        ("escalation_level", _raw.arc_dispute_escalation_level, "value"),
        ("opened_by", _raw.arc_dispute_opened_by, "value"),
        ("owner", _raw.arc_dispute_owner, "value"),
        ("description", _raw.arc_dispute_description, "value"),
        ("due_date", _raw.arc_dispute_due_date, "date"),
        ("opened_at", _raw.arc_dispute_opened_at, "time"),
        ("status_changed_at", _raw.arc_dispute_status_changed_at, "time"),
        ("resolved_on", _raw.arc_dispute_resolved_on, "date"),
        ("resolved_by", _raw.arc_dispute_resolved_by, "value"),
        ("resolved_amount", _raw.arc_dispute_resolved_amount, "money"),
        ("resolution_note", _raw.arc_dispute_resolution_note, "value"),
        ("credit_memo_id", _raw.arc_dispute_credit_memo_id, "ref"),
        ("reopen_reason", _raw.arc_dispute_reopen_reason, "value"),
    )
    __slots__ = slots(_fields) + ("lines",)

    def _complete(self, handle):
        count = _raw.arc_dispute_line_count(handle)
        object.__setattr__(self, "lines", tuple(_raw.arc_dispute_line_at(handle, index)
                                                for index in range(count)))

    def refresh(self):
        """The dispute as the book has it now."""
        return self.book.disputes.get(self.id)

    def update(self, **fields):
        """Change fields; see :meth:`Disputes.update`."""
        return self.book.disputes.update(self, **fields)

    def review(self, actor):
        """Start reviewing; return the dispute."""
        return self.book.disputes.review(self, actor)

    def escalate(self, actor):
        """Raise the escalation level; return the dispute."""
        return self.book.disputes.escalate(self, actor)

    def resolve(self, outcome, resolved_by, **fields):
        """Resolve; see :meth:`Disputes.resolve`."""
        return self.book.disputes.resolve(self, outcome, resolved_by, **fields)

    def reopen(self, actor, reason=None):
        """Reopen a rejected or withdrawn dispute; return it."""
        return self.book.disputes.reopen(self, actor, reason)

    def timeline(self):
        """Communications and events about this dispute, newest first."""
        return self.book.timeline(dispute=self)


_UPDATE_BITS = {
    "owner": _raw.ARC_DISPUTE_FIELD_OWNER,
    "due_date": _raw.ARC_DISPUTE_FIELD_DUE_DATE,
    "amount": _raw.ARC_DISPUTE_FIELD_AMOUNT,
    "reason_code": _raw.ARC_DISPUTE_FIELD_REASON_CODE,
    "description": _raw.ARC_DISPUTE_FIELD_DESCRIPTION,
}

_PAGE = (_raw.arc_dispute_page_count, _raw.arc_dispute_page_at, _raw.arc_dispute_page_free)


class Disputes:
    """The disputes of a book: ``book.disputes``. Iterating lists them all."""

    def __init__(self, book):
        self._book = book

    def open(self, invoice, reason_code, amount, opened_by, *, owner=None, due_date=None,
             description=None, lines=()):
        """Open a dispute on an issued invoice and return it.

        @amount is a Money or an amount in the invoice's currency; @lines are
        invoice line numbers, from 1.
        """
        invoice = (invoice if hasattr(invoice, "currency")
                   else self._book.invoices.get(invoice))
        opts = _raw.arc_dispute_opts()
        opts.invoice_id = invoice.id
        opts.reason_code = reason_code
        opts.amount = to_minor(amount, invoice.currency)
        opts.opened_by = opened_by
        opts.owner = owner
        opts.due_date = _convert.to_date(due_date, "due_date")
        opts.description = description
        for line in lines:
            check(opts.add_line(line))
        return self.get(self._book._call(_raw.arc_dispute_open, opts))

    def update(self, dispute, **fields):
        """Change the fields given (owner, due_date, amount, reason_code,
        description) of a dispute that is not resolved; return it."""
        unknown = set(fields) - set(_UPDATE_BITS)
        if unknown:
            raise TypeError(f"update: unknown fields {sorted(unknown)}")
        dispute = dispute if isinstance(dispute, Dispute) else self.get(dispute)
        opts = _raw.arc_dispute_opts()
        bits = 0
        for name, value in fields.items():
            bits |= _UPDATE_BITS[name]
            if name == "amount":
                value = to_minor(value, dispute.currency)
            elif name == "due_date":
                value = _convert.to_date(value, "due_date")
            setattr(opts, name, value)
        self._book._call(_raw.arc_dispute_update, dispute.id, opts, bits)
        return self.get(dispute.id)

    def review(self, dispute, actor):
        """Start reviewing an open or reopened dispute; return it."""
        self._book._call(_raw.arc_dispute_review, id_of(dispute, "dispute"), actor)
        return self.get(dispute)

    def escalate(self, dispute, actor):
        """Raise a dispute's escalation level by one; return it."""
        self._book._call(_raw.arc_dispute_escalate, id_of(dispute, "dispute"), actor)
        return self.get(dispute)

    def resolve(self, dispute, outcome, resolved_by, *, amount=None, note=None,
                date=None):
        """Resolve a dispute and return it.

        @outcome is "credited", "written_off", "rejected" or "withdrawn";
        @amount (credited or written off) defaults to the whole disputed amount.
        """
        dispute = dispute if isinstance(dispute, Dispute) else self.get(dispute)
        resolution = _raw.arc_dispute_resolution()
        resolution.outcome = DisputeOutcome._c_value(outcome, "outcome")
        if amount is not None:
            resolution.amount = to_minor(amount, dispute.currency)
        resolution.resolved_by = resolved_by
        resolution.note = note
        resolution.date = _convert.to_date(date, "date")
        self._book._call(_raw.arc_dispute_resolve, dispute.id, resolution)
        return self.get(dispute.id)

    def reopen(self, dispute, actor, reason=None):
        """Reopen a dispute resolved as rejected or withdrawn; return it."""
        self._book._call(_raw.arc_dispute_reopen, id_of(dispute, "dispute"), actor, reason)
        return self.get(dispute)

    def get(self, dispute_id):
        """The dispute with this id."""
        handle = self._book._call(_raw.arc_dispute_lookup, id_of(dispute_id, "dispute"))
        return read_one(self._book, handle, _raw.arc_dispute_free, Dispute)

    def list(self, customer=None, status=None, page_size=None):
        """Disputes in id order, a page at a time."""
        code = -1 if status is None else DisputeStatus._c_value(status, "status")
        opts = _paging.list_opts(id_of(customer, "customer"), code, page_size)
        return _paging.by_id(self._book, _raw.arc_dispute_list, opts, _PAGE, Dispute)

    def __iter__(self):
        return self.list()

    def for_invoice(self, invoice):
        """Every dispute of an invoice, oldest first."""
        page = self._book._call(_raw.arc_invoice_disputes, id_of(invoice, "invoice"))
        return read_page(self._book, page, *_PAGE, Dispute)

    def report(self, grouping="reason_code", *, from_date=None, to_date=None,
               customer=None, currency=None):
        """Count the disputes opened in a period by "reason_code", "customer"
        or "month" of opening: a :class:`DisputeReport`, most disputed first.

        Without @currency, every dispute covered must share one currency.
        """
        from ._dispute_report import compute
        return compute(self._book, grouping, from_date=from_date, to_date=to_date,
                       customer=customer, currency=currency)
