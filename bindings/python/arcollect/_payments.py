"""Payments, credit memos and their applications to invoices."""

from . import _convert, _paging, _raw
from ._convert import id_of
from ._enums import ApplicationKind, PaymentMethod
from ._money import from_minor, to_minor
from ._record import Record, read_one, read_page, slots


class Application(Record):
    """One reduction of an invoice's balance: part of a payment or credit
    memo, a write-off or a void. ``reversed_on`` is set once undone."""

    _fields = (
        ("id", _raw.arc_application_id, "value"),
        ("kind", _raw.arc_application_kind_of, ApplicationKind),
        ("invoice_id", _raw.arc_application_invoice_id, "value"),
        ("source_id", _raw.arc_application_source_id, "ref"),
        ("amount", _raw.arc_application_amount, "money"),
        ("applied_on", _raw.arc_application_applied_on, "date"),
        ("reversed_on", _raw.arc_application_reversed_on, "date"),
    )
    __slots__ = slots(_fields)


def applications(book, function, record_id, currency):
    """The applications a raw list function gives for one record."""
    page = book._call(function, record_id)
    return read_page(book, page, _raw.arc_application_page_count,
                     _raw.arc_application_page_at, _raw.arc_application_page_free,
                     Application, currency)


class Payment(Record):
    """Money received from a customer."""

    _fields = (
        ("id", _raw.arc_payment_id, "value"),
        ("customer_id", _raw.arc_payment_customer_id, "value"),
        ("currency", _raw.arc_payment_currency, "value"),
        ("amount", _raw.arc_payment_amount, "money"),
        ("method", _raw.arc_payment_method_of, PaymentMethod),
        ("received_on", _raw.arc_payment_received_on, "date"),
        ("reference", _raw.arc_payment_reference, "value"),
        ("idempotency_key", _raw.arc_payment_idempotency_key, "value"),
        ("applied", _raw.arc_payment_applied, "money"),
        ("unapplied", _raw.arc_payment_unapplied, "money"),
        ("reversed", _raw.arc_payment_is_reversed, "bool"),
        ("reversed_on", _raw.arc_payment_reversed_on, "date"),
        ("reversal_reason", _raw.arc_payment_reversal_reason, "value"),
    )
    __slots__ = slots(_fields)

    def refresh(self):
        """The payment as the book has it now."""
        return self.book.payments.get(self.id)

    def apply(self, invoice, amount, applied_on=None):
        """Apply part of this payment to an invoice; return the payment."""
        return self.book.payments.apply(self, invoice, amount, applied_on)

    def apply_auto(self):
        """Apply what is left, oldest due first; return the amount applied."""
        return self.book.payments.apply_auto(self)

    def reverse(self, reversed_on=None, reason=None):
        """Reverse this payment; return it."""
        return self.book.payments.reverse(self, reversed_on, reason)

    def applications(self):
        """Where this payment went, oldest first."""
        return self.book.payments.applications(self)


class CreditMemo(Record):
    """An amount a customer no longer owes, applied to invoices."""

    _fields = (
        ("id", _raw.arc_credit_memo_id, "value"),
        ("number", _raw.arc_credit_memo_number, "value"),
        ("customer_id", _raw.arc_credit_memo_customer_id, "value"),
        ("currency", _raw.arc_credit_memo_currency, "value"),
        ("amount", _raw.arc_credit_memo_amount, "money"),
        ("issue_date", _raw.arc_credit_memo_issue_date, "date"),
        ("reason", _raw.arc_credit_memo_reason, "value"),
        ("applied", _raw.arc_credit_memo_applied, "money"),
        ("unapplied", _raw.arc_credit_memo_unapplied, "money"),
        ("void", _raw.arc_credit_memo_is_void, "bool"),
    )
    __slots__ = slots(_fields)

    def refresh(self):
        """The credit memo as the book has it now."""
        return self.book.credit_memos.get(self.id)

    def apply(self, invoice, amount, applied_on=None):
        """Apply part of this memo to an invoice; return the memo."""
        return self.book.credit_memos.apply(self, invoice, amount, applied_on)

    def apply_auto(self):
        """Apply what is left, oldest due first; return the amount applied."""
        return self.book.credit_memos.apply_auto(self)

    def void_memo(self, void_date=None, reason=None):
        """Void this memo; return it."""
        return self.book.credit_memos.void(self, void_date, reason)

    def applications(self):
        """Where this memo went, oldest first."""
        return self.book.credit_memos.applications(self)


_PAYMENT_PAGE = (_raw.arc_payment_page_count, _raw.arc_payment_page_at,
                 _raw.arc_payment_page_free)
_MEMO_PAGE = (_raw.arc_credit_memo_page_count, _raw.arc_credit_memo_page_at,
              _raw.arc_credit_memo_page_free)


def _flag_status(flag):
    """The list status of a yes/no filter: -1 for either."""
    return -1 if flag is None else int(bool(flag))


class _Settlements:
    """What payments and credit memos share: applying and listing."""

    _lookup = _free = _record = _apply = _apply_auto = _applications = None

    def __init__(self, book):
        self._book = book

    def get(self, record_id):
        """The record with this id (NotFoundError if none)."""
        handle = self._book._call(self._lookup, id_of(record_id))
        return read_one(self._book, handle, self._free, self._record)

    def _currency_of(self, record):
        if isinstance(record, self._record):
            return record
        return self.get(record)

    def apply(self, record, invoice, amount, applied_on=None):
        """Apply part of the unapplied amount to one invoice; return the record.

        @amount is a Money or an amount in the record's currency.
        """
        record = self._currency_of(record)
        units = to_minor(amount, record.currency)
        self._book._call(self._apply, record.id, id_of(invoice, "invoice"), units,
                         _convert.to_date(applied_on, "applied_on"))
        return self.get(record.id)

    def apply_auto(self, record):
        """Apply the unapplied amount oldest due first; the Money applied."""
        record = self._currency_of(record)
        return from_minor(self._book._call(self._apply_auto, record.id), record.currency)

    def applications(self, record):
        """Every application, oldest first, reversed ones included."""
        record = self._currency_of(record)
        return applications(self._book, self._applications, record.id, record.currency)


class Payments(_Settlements):
    """The payments of a book: ``book.payments``. Iterating lists them all."""

    _lookup = staticmethod(_raw.arc_payment_lookup)
    _free = staticmethod(_raw.arc_payment_free)
    _record = Payment
    _apply = staticmethod(_raw.arc_payment_apply)
    _apply_auto = staticmethod(_raw.arc_payment_apply_auto)
    _applications = staticmethod(_raw.arc_payment_applications)

    def record(self, customer, amount, *, currency=None, method=None, received_on=None,
               reference=None, idempotency_key=None, auto_apply=False):
        """Record money received and return the payment.

        @amount is a Money, or an amount in @currency (the customer's when
        None). With an @idempotency_key, recording again returns the first
        payment. ``auto_apply=True`` applies it oldest due first.
        """
        customer_id = id_of(customer, "customer")
        if currency is None:
            currency = (amount.currency if hasattr(amount, "currency")
                        else self._book._customer_currency(customer_id))
        opts = _raw.arc_payment_opts()
        opts.customer_id = customer_id
        opts.amount = to_minor(amount, currency)
        opts.currency = currency
        if method is not None:
            opts.method = PaymentMethod._c_value(method, "method")
        opts.received_on = _convert.to_date(received_on, "received_on")
        opts.reference = reference
        opts.idempotency_key = idempotency_key
        if auto_apply:
            opts.flags = _raw.ARC_PAYMENT_AUTO_APPLY
        return self.get(self._book._call(_raw.arc_payment_record, opts))

    def reverse(self, payment, reversed_on=None, reason=None):
        """Reverse a payment: every invoice it paid owes that again."""
        payment_id = id_of(payment, "payment")
        self._book._call(_raw.arc_payment_reverse, payment_id,
                         _convert.to_date(reversed_on, "reversed_on"), reason)
        return self.get(payment_id)

    def list(self, customer=None, reversed=None, page_size=None):
        """Payments in id order, a page at a time; @reversed filters."""
        opts = _paging.list_opts(id_of(customer, "customer"), _flag_status(reversed),
                                 page_size)
        return _paging.by_id(self._book, _raw.arc_payment_list, opts, _PAYMENT_PAGE,
                             Payment)

    def __iter__(self):
        return self.list()


class CreditMemos(_Settlements):
    """The credit memos of a book: ``book.credit_memos``."""

    _lookup = staticmethod(_raw.arc_credit_memo_lookup)
    _free = staticmethod(_raw.arc_credit_memo_free)
    _record = CreditMemo
    _apply = staticmethod(_raw.arc_credit_memo_apply)
    _apply_auto = staticmethod(_raw.arc_credit_memo_apply_auto)
    _applications = staticmethod(_raw.arc_credit_memo_applications)

    def create(self, customer, amount, *, currency=None, number=None, issue_date=None,
               reason=None, invoice=None):
        """Create a credit memo and return it; with @invoice, apply as much
        as possible to it at once."""
        customer_id = id_of(customer, "customer")
        if currency is None:
            currency = (amount.currency if hasattr(amount, "currency")
                        else self._book._customer_currency(customer_id))
        opts = _raw.arc_credit_memo_opts()
        opts.customer_id = customer_id
        opts.amount = to_minor(amount, currency)
        opts.currency = currency
        opts.number = number
        opts.issue_date = _convert.to_date(issue_date, "issue_date")
        opts.reason = reason
        opts.invoice_id = id_of(invoice, "invoice")
        return self.get(self._book._call(_raw.arc_credit_memo_create, opts))

    def void(self, memo, void_date=None, reason=None):
        """Void a credit memo: its applications are undone."""
        memo_id = id_of(memo, "credit memo")
        self._book._call(_raw.arc_credit_memo_void, memo_id,
                         _convert.to_date(void_date, "void_date"), reason)
        return self.get(memo_id)

    def list(self, customer=None, void=None, page_size=None):
        """Credit memos in id order, a page at a time; @void filters."""
        opts = _paging.list_opts(id_of(customer, "customer"), _flag_status(void),
                                 page_size)
        return _paging.by_id(self._book, _raw.arc_credit_memo_list, opts, _MEMO_PAGE,
                             CreditMemo)

    def __iter__(self):
        return self.list()
