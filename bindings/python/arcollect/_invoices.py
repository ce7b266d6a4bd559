"""Invoices and their lines."""

from . import _convert, _paging, _raw
from ._convert import id_of
from ._enums import InvoiceStatus
from ._errors import check
from ._money import from_minor, to_minor
from ._record import Record, read_one, slots


class Line:
    """An invoice line to add: ``Line("Managed endpoints", Decimal("15.00"),
    quantity=42, tax_rate="8.25")``.

    ``unit_price`` is a Money or an amount in the invoice's currency;
    ``quantity`` and ``tax_rate`` (a percentage) are exact decimals.
    """

    __slots__ = ("description", "unit_price", "quantity", "tax_rate", "item_code",
                 "period_start", "period_end")

    def __init__(self, description, unit_price, quantity=None, *, tax_rate=None,
                 item_code=None, period_start=None, period_end=None):
        self.description = description
        self.unit_price = unit_price
        self.quantity = quantity
        self.tax_rate = tax_rate
        self.item_code = item_code
        self.period_start = period_start
        self.period_end = period_end

    def _opts(self, currency):
        opts = _raw.arc_invoice_line_opts()
        opts.description = self.description
        opts.unit_price = to_minor(self.unit_price, currency, "unit_price")
        if self.quantity is not None:
            opts.quantity = _convert.decimal_text(self.quantity, "quantity")
        if self.tax_rate is not None:
            opts.tax_rate = _convert.decimal_text(self.tax_rate, "tax_rate")
        if self.item_code is not None:
            opts.item_code = self.item_code
        if self.period_start is not None:
            opts.period_start = _convert.to_date(self.period_start, "period_start")
        if self.period_end is not None:
            opts.period_end = _convert.to_date(self.period_end, "period_end")
        return opts

    def __repr__(self):
        return (f"Line({self.description!r}, {self.unit_price!r}, "
                f"quantity={self.quantity!r}, tax_rate={self.tax_rate!r})")


def _as_line(line):
    if isinstance(line, Line):
        return line
    if isinstance(line, dict):
        return Line(**line)
    return Line(*line)


class InvoiceLine(Record):
    """A line of an invoice as the book has it."""

    _fields = (
        ("description", _raw.arc_invoice_line_description, "value"),
        ("quantity", _raw.arc_invoice_line_quantity, "decimal"),
        ("unit_price", _raw.arc_invoice_line_unit_price, "money"),
        ("tax_rate", _raw.arc_invoice_line_tax_rate, "decimal"),
        ("item_code", _raw.arc_invoice_line_item_code, "value"),
        ("period_start", _raw.arc_invoice_line_period_start, "date"),
        ("period_end", _raw.arc_invoice_line_period_end, "date"),
        ("net", _raw.arc_invoice_line_net, "money"),
        ("tax", _raw.arc_invoice_line_tax, "money"),
    )
    __slots__ = slots(_fields)


class Invoice(Record):
    """An invoice with its lines (``lines`` is empty for invoices of a list)."""

    _fields = (
        ("id", _raw.arc_invoice_id, "value"),
        ("number", _raw.arc_invoice_number, "value"),
        ("customer_id", _raw.arc_invoice_customer_id, "value"),
        ("status", _raw.arc_invoice_status_of, InvoiceStatus),
        ("currency", _raw.arc_invoice_currency, "value"),
        ("issue_date", _raw.arc_invoice_issue_date, "date"),
        ("due_date", _raw.arc_invoice_due_date, "date"),
        ("memo", _raw.arc_invoice_memo, "value"),
        ("subtotal", _raw.arc_invoice_subtotal, "money"),
        ("tax", _raw.arc_invoice_tax, "money"),
        ("total", _raw.arc_invoice_total, "money"),
        ("amount_paid", _raw.arc_invoice_amount_paid, "money"),
        ("balance", _raw.arc_invoice_balance, "money"),
    )
    __slots__ = slots(_fields) + ("lines",)

    def _complete(self, handle):
        count = _raw.arc_invoice_line_count(handle)
        lines = tuple(InvoiceLine._read(self.book, _raw.arc_invoice_line_at(handle, index),
                                        self.currency)
                      for index in range(count))
        object.__setattr__(self, "lines", lines)

    def refresh(self):
        """The invoice as the book has it now."""
        return self.book.invoices.get(self.id)

    def customer(self):
        """The customer billed."""
        return self.book.customers.get(self.customer_id)

    def issue(self, issue_date=None):
        """Issue this draft; return the issued invoice."""
        return self.book.invoices.issue(self, issue_date)

    def void(self, date=None, reason=None):
        """Void this invoice; return it."""
        return self.book.invoices.void(self, date, reason)

    def write_off(self, date=None, reason=None):
        """Write off this invoice's balance; return it."""
        return self.book.invoices.write_off(self, date, reason)

    def applications(self):
        """What settled this invoice, oldest first."""
        return self.book.invoices.applications(self)

    def disputes(self):
        """The disputes of this invoice, oldest first."""
        return self.book.disputes.for_invoice(self)

    def disputed_amount(self):
        """The amount under open disputes."""
        return self.book.invoices.disputed_amount(self)


_PAGE = (_raw.arc_invoice_page_count, _raw.arc_invoice_page_at, _raw.arc_invoice_page_free)


class Invoices:
    """The invoices of a book: ``book.invoices``. Iterating lists them all."""

    def __init__(self, book):
        self._book = book

    def _opts(self, customer, lines, number, currency, issue_date, due_date, memo, issue):
        customer_id = id_of(customer, "customer")
        currency = currency or self._book._customer_currency(customer_id)
        opts = _raw.arc_invoice_opts()
        opts.customer_id = customer_id
        opts.currency = currency
        if number is not None:
            opts.number = number
        if issue_date is not None:
            opts.issue_date = _convert.to_date(issue_date, "issue_date")
        if due_date is not None:
            opts.due_date = _convert.to_date(due_date, "due_date")
        if memo is not None:
            opts.memo = memo
        if issue:
            opts.flags = _raw.ARC_INVOICE_CREATE_ISSUED
        for line in lines:
            check(opts.add_line(_as_line(line)._opts(currency)))
        return opts

    def create(self, customer, lines=(), *, number=None, currency=None, issue_date=None,
               due_date=None, memo=None, issue=False):
        """Create an invoice, a draft unless ``issue=True``; return it.

        @lines are :class:`Line` objects, or tuples or dicts of its arguments.
        Without a @currency the customer's is used; without a @number the
        book's numbering gives one.
        """
        opts = self._opts(customer, lines, number, currency, issue_date, due_date, memo,
                          issue)
        return self.get(self._book._call(_raw.arc_invoice_create, opts))

    def create_many(self, invoices, *, batch_size=10000):
        """Create many invoices fast and return their ids, in order.

        @invoices yields dicts of :meth:`create`'s arguments. Unless a
        transaction is already open, every @batch_size invoices are committed
        together; a failure rolls back the batch it happened in.
        """
        book = self._book
        ids = []
        own_transactions = not book.in_transaction
        batch = 0
        try:
            for invoice in invoices:
                if own_transactions and batch == 0:
                    book.begin()
                opts = self._opts(invoice["customer"], invoice.get("lines", ()),
                                  invoice.get("number"), invoice.get("currency"),
                                  invoice.get("issue_date"), invoice.get("due_date"),
                                  invoice.get("memo"), invoice.get("issue", False))
                ids.append(book._call(_raw.arc_invoice_create, opts))
                batch += 1
                if own_transactions and batch == batch_size:
                    book.commit()
                    batch = 0
            if own_transactions and batch:
                book.commit()
        except BaseException:
            if own_transactions and not book.closed and book.in_transaction:
                book.rollback()
            raise
        return ids

    def add_line(self, invoice, line):
        """Add a line to a draft invoice; return the invoice."""
        invoice_id = id_of(invoice, "invoice")
        currency = self.get(invoice_id).currency
        self._book._call(_raw.arc_invoice_add_line, invoice_id,
                         _as_line(line)._opts(currency))
        return self.get(invoice_id)

    def issue(self, invoice, issue_date=None):
        """Issue a draft invoice; return it."""
        invoice_id = id_of(invoice, "invoice")
        self._book._call(_raw.arc_invoice_issue, invoice_id,
                         _convert.to_date(issue_date, "issue_date"))
        return self.get(invoice_id)

    def delete(self, invoice):
        """Delete a draft invoice."""
        self._book._call(_raw.arc_invoice_delete, id_of(invoice, "invoice"))

    def void(self, invoice, date=None, reason=None):
        """Void an issued invoice nothing was applied to; return it."""
        invoice_id = id_of(invoice, "invoice")
        self._book._call(_raw.arc_invoice_void, invoice_id, _convert.to_date(date), reason)
        return self.get(invoice_id)

    def write_off(self, invoice, date=None, reason=None):
        """Write off the unpaid balance of an invoice; return it."""
        invoice_id = id_of(invoice, "invoice")
        self._book._call(_raw.arc_invoice_write_off, invoice_id, _convert.to_date(date),
                         reason)
        return self.get(invoice_id)

    def get(self, invoice_id):
        """The invoice with this id, with its lines."""
        handle = self._book._call(_raw.arc_invoice_lookup, id_of(invoice_id))
        return read_one(self._book, handle, _raw.arc_invoice_free, Invoice)

    def by_number(self, number):
        """The invoice with this number, with its lines."""
        handle = self._book._call(_raw.arc_invoice_lookup_number, number)
        return read_one(self._book, handle, _raw.arc_invoice_free, Invoice)

    def list(self, customer=None, status=None, page_size=None):
        """Invoices in id order (without lines), read a page at a time."""
        code = -1 if status is None else InvoiceStatus._c_value(status, "status")
        opts = _paging.list_opts(id_of(customer, "customer"), code, page_size)
        return _paging.by_id(self._book, _raw.arc_invoice_list, opts, _PAGE, Invoice)

    def __iter__(self):
        return self.list()

    def disputed_amount(self, invoice):
        """The amount of an invoice under open disputes, a Money."""
        invoice = invoice if isinstance(invoice, Invoice) else self.get(invoice)
        units = self._book._call(_raw.arc_invoice_disputed_amount, invoice.id)
        return from_minor(units, invoice.currency)

    def applications(self, invoice):
        """Every application to an invoice, oldest first, reversed ones too."""
        from ._payments import applications
        invoice = invoice if isinstance(invoice, Invoice) else self.get(invoice)
        return applications(self._book, _raw.arc_invoice_applications, invoice.id,
                            invoice.currency)

