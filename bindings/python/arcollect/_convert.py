"""Conversions between Python values and the C API's dates, instants,
decimals and record ids."""

import datetime
import functools
from decimal import Decimal

from . import _raw
from ._errors import check

DATE_NONE = _raw.ARC_DATE_NONE
_UTC = datetime.timezone.utc
_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=_UTC)


@functools.lru_cache(maxsize=4096)
def to_date(value, what="date"):
    """An arc_date for a datetime.date, an ISO "YYYY-MM-DD" string or None.
    Dates repeat (issue dates, due dates), so recent conversions are kept."""
    if value is None:
        return DATE_NONE
    if isinstance(value, str):
        return check(_raw.arc_date_parse(value))
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise TypeError(f"{what} must be a datetime.date, not {type(value).__name__}")
    return check(_raw.arc_date_from_ymd(value.year, value.month, value.day))


@functools.lru_cache(maxsize=4096)
def from_date(value):
    """The datetime.date of an arc_date, or None for ARC_DATE_NONE; recent
    conversions are kept (dates are immutable)."""
    if value == DATE_NONE:
        return None
    year, month, day = check(_raw.arc_date_to_ymd(value))
    return datetime.date(year, month, day)


def to_time(value, what="instant"):
    """Whole UTC seconds of a timezone-aware datetime; 0 for None."""
    if value is None:
        return 0
    if not isinstance(value, datetime.datetime):
        raise TypeError(f"{what} must be a datetime, not {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, such as "
                         "datetime(..., tzinfo=timezone.utc)")
    since_epoch = value - _EPOCH
    return since_epoch.days * 86400 + since_epoch.seconds


def from_time(value):
    """A UTC datetime for whole seconds since the epoch."""
    return datetime.datetime.fromtimestamp(value, _UTC)


def decimal_text(value, what):
    """Plain decimal text of an amount, quantity or rate (a Decimal, int or
    str; floats are refused), without exponent or trailing fraction zeros;
    None stays None."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise TypeError(f"{what} must be a Decimal, int or str, not {type(value).__name__}")
    return str(value)


def to_decimal(text):
    """A Decimal for the library's canonical decimal text; None stays None."""
    return None if text is None else Decimal(text)


def id_of(value, what="record"):
    """The id of a record object, or the id itself."""
    if value is None:
        return 0
    if isinstance(value, bool):
        raise TypeError(f"{what} must be a record or an id")
    if isinstance(value, int):
        return value
    record_id = getattr(value, "id", None)
    if not isinstance(record_id, int):
        raise TypeError(f"{what} must be a record or an id, not {type(value).__name__}")
    return record_id
