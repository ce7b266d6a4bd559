"""Records: read-only snapshots of what a book holds.

A record is copied out of its C handle when it is read, so it stays valid
after the handle, the page or even the book is gone. Each keeps its book
(``record.book``) alive so that its methods can act on it; once the book is
closed they raise ClosedError.
"""

from . import _convert
from ._money import from_minor

_CONVERTERS = {
    "ref": lambda value: value or None,
    "bool": bool,
    "date": _convert.from_date,
    "time": _convert.from_time,
    "decimal": _convert.to_decimal,
}


class Record:
    """Base of every record type: the fields listed in ``_fields``.

    ``_fields`` holds (attribute, C accessor, kind) triples. Kinds are
    "value" (as the accessor returns it), "ref" (an optional record id,
    None for 0), "bool", "date", "time", "decimal", "money" (minor units in
    the record's ``currency``) or an enumeration class.
    """

    __slots__ = ("book",)
    _fields = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._plain = [(name, accessor) for name, accessor, kind in cls._fields
                      if kind == "value"]
        cls._converted = [(name, accessor, _CONVERTERS.get(kind) or kind._from_c)
                          for name, accessor, kind in cls._fields
                          if kind not in ("value", "money")]
        cls._money = [(name, accessor) for name, accessor, kind in cls._fields
                      if kind == "money"]

    @classmethod
    def _read(cls, book, handle, currency=None):
        record = cls.__new__(cls)
        set_field = object.__setattr__
        set_field(record, "book", book)
        for name, accessor in cls._plain:
            set_field(record, name, accessor(handle))
        for name, accessor, convert in cls._converted:
            set_field(record, name, convert(accessor(handle)))
        if cls._money:
            currency = getattr(record, "currency", None) or currency
            for name, accessor in cls._money:
                set_field(record, name, from_minor(accessor(handle), currency))
        record._complete(handle)
        return record

    def _complete(self, handle):
        """Read what does not fit in ``_fields`` (lines, lists...)."""

    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} records are read-only")

    def _values(self):
        return tuple(getattr(self, name) for name in self._field_names())

    @classmethod
    def _field_names(cls):
        return [name for klass in reversed(cls.__mro__)
                for name in getattr(klass, "__slots__", ()) if name != "book"]

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self.book is other.book and self._values() == other._values()

    def __hash__(self):
        return hash((type(self), self._values()))

    def __repr__(self):
        shown = []
        for name in self._field_names():
            value = getattr(self, name)
            if value is not None and name in ("id", "number", "reference", "name",
                                              "code", "description", "status", "kind",
                                              "total", "amount", "net", "balance",
                                              "channel"):
                shown.append(f"{name}={value!r}")
        return f"<{type(self).__name__} {' '.join(shown)}>"


def slots(fields):
    """The attribute names of a ``_fields`` table, for ``__slots__``."""
    return tuple(name for name, _, _ in fields)


def read_page(book, page, count_of, at, free, record_class, currency=None):
    """Every record of a raw page as records; the page is freed."""
    try:
        return [record_class._read(book, at(page, index), currency)
                for index in range(count_of(page))]
    finally:
        free(page)


def read_one(book, handle, free, record_class):
    """A record from a handle that is freed afterwards."""
    try:
        return record_class._read(book, handle)
    finally:
        free(handle)
