"""Exceptions: one class per libarcollect error code, all under Error."""

from . import _raw


class Error(Exception):
    """A libarcollect call failed.

    ``code`` is the negative ARC_E... value (None for failures of the binding
    itself, such as a closed book), ``code_name`` its symbolic name, and the
    message is the library's own, naming the field or record at fault.
    """

    def __init__(self, message, code=None):
        super().__init__(message)
        self.code = code
        self.code_name = _raw.arc_error_name(code) if code is not None else None


class InvalidInputError(Error, ValueError):
    """A field is missing, malformed or out of range (ARC_EINVAL)."""


class NotFoundError(Error, LookupError):
    """The record named does not exist (ARC_ENOTFOUND)."""


class AlreadyExistsError(Error):
    """A record with that unique key already exists (ARC_EEXISTS)."""


class ConflictError(Error):
    """The record's state refuses the change (ARC_ECONFLICT)."""


class BusyError(Error):
    """Another connection held the book's lock past the timeout (ARC_EBUSY)."""


class OutOfMemoryError(Error, MemoryError):
    """The library ran out of memory (ARC_ENOMEM)."""


class StorageError(Error):
    """The storage failed: I/O error, corruption, full disk (ARC_ESTORAGE)."""


class NotABookError(Error):
    """The file is not a libarcollect book (ARC_ENOTBOOK)."""


class VersionError(Error):
    """The book or a struct is newer than this library (ARC_EVERSION)."""


class AmountOverflowError(Error, OverflowError):
    """An amount or count does not fit in 64 bits (ARC_EOVERFLOW)."""


class UnsupportedError(Error):
    """The operation is not supported here (ARC_EUNSUPPORTED)."""


class ClosedError(Error):
    """The book was closed; records read from it stay readable."""


class CallbackWarning(UserWarning):
    """An event callback raised; the book is intact and the change committed."""


_BY_CODE = {
    _raw.ARC_EINVAL: InvalidInputError,
    _raw.ARC_ENOTFOUND: NotFoundError,
    _raw.ARC_EEXISTS: AlreadyExistsError,
    _raw.ARC_ECONFLICT: ConflictError,
    _raw.ARC_EBUSY: BusyError,
    _raw.ARC_ENOMEM: OutOfMemoryError,
    _raw.ARC_ESTORAGE: StorageError,
    _raw.ARC_ENOTBOOK: NotABookError,
    _raw.ARC_EVERSION: VersionError,
    _raw.ARC_EOVERFLOW: AmountOverflowError,
    _raw.ARC_EUNSUPPORTED: UnsupportedError,
}


def error_for(code):
    """The exception for a failed call, with the thread's last message.

    The message is taken only when the thread's last error is this code, so
    that a stale message never describes another failure; then the thread's
    error is cleared, since the exception now carries it.
    """
    if _raw.arc_error_last_code() == code:
        message = _raw.arc_error_last()
    else:
        message = ""
    _raw.arc_error_clear()
    if not message:
        message = _raw.arc_error_name(code)
    return _BY_CODE.get(code, Error)(message, code)


def check(result):
    """The values of a raw call, or the exception its error code names.

    Raw calls return an error code alone, or a list of the code and the
    values written through out-parameters.
    """
    if result.__class__ is list:
        code = result[0]
        if code < 0:
            raise error_for(code)
        return result[1] if len(result) == 2 else tuple(result[1:])
    if result < 0:
        raise error_for(result)
    return None
