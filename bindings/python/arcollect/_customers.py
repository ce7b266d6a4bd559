"""Customers, their contacts and their balances."""

from . import _paging, _raw
from ._convert import id_of
from ._enums import CustomerStatus
from ._money import from_minor, to_minor
from ._record import Record, read_one, read_page, slots


class Customer(Record):
    """A customer account: ``book.customers.create(...)``."""

    _fields = (
        ("id", _raw.arc_customer_id, "value"),
        ("reference", _raw.arc_customer_reference, "value"),
        ("name", _raw.arc_customer_name, "value"),
        ("billing_email", _raw.arc_customer_billing_email, "value"),
        ("phone", _raw.arc_customer_phone, "value"),
        ("currency", _raw.arc_customer_currency, "value"),
        ("payment_terms_days", _raw.arc_customer_payment_terms_days, "value"),
        ("credit_limit", _raw.arc_customer_credit_limit, "money"),
        ("owner", _raw.arc_customer_owner, "value"),
        ("status", _raw.arc_customer_status_of, CustomerStatus),
        ("created_at", _raw.arc_customer_created_at, "time"),
    )
    __slots__ = slots(_fields)

    def refresh(self):
        """The customer as the book has it now."""
        return self.book.customers.get(self.id)

    def update(self, **fields):
        """Change fields; see :meth:`Customers.update`."""
        return self.book.customers.update(self, **fields)

    def balance(self, currency=None):
        """The open balance: unpaid balances of issued invoices."""
        return self.book.customers.balance(self, currency)

    def unapplied_credit(self, currency=None):
        """Payments and credit memos not yet applied to invoices."""
        return self.book.customers.unapplied_credit(self, currency)

    def collectible_balance(self, currency=None):
        """The open balance less what is under open disputes."""
        return self.book.customers.collectible_balance(self, currency)

    def contacts(self):
        """The customer's contacts, oldest first."""
        return self.book.customers.contacts(self)

    def add_contact(self, name, **fields):
        """Add a contact; see :meth:`Customers.add_contact`."""
        return self.book.customers.add_contact(self, name, **fields)

    def invoices(self, status=None):
        """The customer's invoices, lazily."""
        return self.book.invoices.list(customer=self, status=status)


class Contact(Record):
    """A contact person of a customer."""

    _fields = (
        ("id", _raw.arc_contact_id, "value"),
        ("customer_id", _raw.arc_contact_customer_id, "value"),
        ("name", _raw.arc_contact_name, "value"),
        ("role", _raw.arc_contact_role, "value"),
        ("email", _raw.arc_contact_email, "value"),
        ("phone", _raw.arc_contact_phone, "value"),
    )
    __slots__ = slots(_fields)

    def remove(self):
        """Remove the contact from its customer."""
        self.book.customers.remove_contact(self)


_UPDATE_BITS = {
    "reference": _raw.ARC_CUSTOMER_FIELD_REFERENCE,
    "name": _raw.ARC_CUSTOMER_FIELD_NAME,
    "billing_email": _raw.ARC_CUSTOMER_FIELD_BILLING_EMAIL,
    "phone": _raw.ARC_CUSTOMER_FIELD_PHONE,
    "payment_terms_days": _raw.ARC_CUSTOMER_FIELD_PAYMENT_TERMS,
    "credit_limit": _raw.ARC_CUSTOMER_FIELD_CREDIT_LIMIT,
    "owner": _raw.ARC_CUSTOMER_FIELD_OWNER,
    "status": _raw.ARC_CUSTOMER_FIELD_STATUS,
}

_PAGE = (_raw.arc_customer_page_count, _raw.arc_customer_page_at,
         _raw.arc_customer_page_free)


class Customers:
    """The customers of a book: ``book.customers``. Iterating lists them all."""

    def __init__(self, book):
        self._book = book

    def create(self, reference, name, currency, *, billing_email=None, phone=None,
               payment_terms_days=None, credit_limit=None, owner=None, status=None):
        """Create a customer and return it.

        ``credit_limit`` is a Money or an amount in @currency.
        """
        opts = _raw.arc_customer_opts()
        opts.reference = reference
        opts.name = name
        opts.currency = currency
        self._fill(opts, currency, billing_email=billing_email, phone=phone,
                   payment_terms_days=payment_terms_days, credit_limit=credit_limit,
                   owner=owner, status=status)
        return self.get(self._book._call(_raw.arc_customer_create, opts))

    @staticmethod
    def _fill(opts, currency, **fields):
        for name, value in fields.items():
            if value is None and name not in ("billing_email", "phone", "owner"):
                continue
            if name == "credit_limit":
                value = to_minor(value, currency, "credit_limit")
            elif name == "status":
                value = CustomerStatus._c_value(value, "status")
            setattr(opts, name, value)

    def update(self, customer, **fields):
        """Change the fields given (reference, name, billing_email, phone,
        payment_terms_days, credit_limit, owner, status); return the customer.

        Giving None clears billing_email, phone or owner.
        """
        unknown = set(fields) - set(_UPDATE_BITS)
        if unknown:
            raise TypeError(f"update: unknown fields {sorted(unknown)}")
        customer_id = id_of(customer, "customer")
        opts = _raw.arc_customer_opts()
        currency = None
        if "credit_limit" in fields:
            currency = self._book._customer_currency(customer_id)
        self._fill(opts, currency, **fields)
        bits = 0
        for name in fields:
            bits |= _UPDATE_BITS[name]
        self._book._call(_raw.arc_customer_update, customer_id, opts, bits)
        return self.get(customer_id)

    def get(self, customer_id):
        """The customer with this id (NotFoundError if none)."""
        handle = self._book._call(_raw.arc_customer_lookup, id_of(customer_id))
        return read_one(self._book, handle, _raw.arc_customer_free, Customer)

    def by_reference(self, reference):
        """The customer with this reference (NotFoundError if none)."""
        handle = self._book._call(_raw.arc_customer_lookup_reference, reference)
        return read_one(self._book, handle, _raw.arc_customer_free, Customer)

    def list(self, status=None, page_size=None):
        """Customers in id order, read a page at a time."""
        code = -1 if status is None else CustomerStatus._c_value(status, "status")
        opts = _paging.list_opts(status=code, page_size=page_size)
        return _paging.by_id(self._book, _raw.arc_customer_list, opts, _PAGE, Customer)

    def __iter__(self):
        return self.list()

    def _amount(self, function, customer, currency):
        customer_id = id_of(customer, "customer")
        units = self._book._call(function, customer_id, currency)
        return from_minor(units, currency or self._book._customer_currency(customer_id))

    def balance(self, customer, currency=None):
        """A customer's open balance, a Money."""
        return self._amount(_raw.arc_customer_balance, customer, currency)

    def unapplied_credit(self, customer, currency=None):
        """A customer's credit not yet applied, a Money."""
        return self._amount(_raw.arc_customer_unapplied_credit, customer, currency)

    def collectible_balance(self, customer, currency=None):
        """A customer's open balance less the amounts under open disputes."""
        return self._amount(_raw.arc_customer_collectible_balance, customer, currency)

    def add_contact(self, customer, name, *, role=None, email=None, phone=None):
        """Add a contact to a customer and return it."""
        opts = _raw.arc_contact_opts()
        opts.name = name
        opts.role = role
        opts.email = email
        opts.phone = phone
        customer_id = id_of(customer, "customer")
        contact_id = self._book._call(_raw.arc_contact_add, customer_id, opts)
        for contact in self.contacts(customer_id):
            if contact.id == contact_id:
                return contact
        raise AssertionError("a contact just added is missing")

    def remove_contact(self, contact):
        """Remove a contact."""
        self._book._call(_raw.arc_contact_remove, id_of(contact, "contact"))

    def contacts(self, customer):
        """Every contact of a customer, oldest first."""
        page = self._book._call(_raw.arc_contact_list, id_of(customer, "customer"))
        return read_page(self._book, page, _raw.arc_contact_page_count,
                         _raw.arc_contact_page_at, _raw.arc_contact_page_free, Contact)
