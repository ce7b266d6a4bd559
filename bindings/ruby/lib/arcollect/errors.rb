# frozen_string_literal: true

module Arcollect
  # A libarcollect call failed. +code+ is the negative ARC_E... value (nil for
  # failures of the binding itself, such as a closed book), +code_name+ its
  # symbolic name; the message is the library's, naming the field or record at
  # fault.
  class Error < StandardError
    attr_reader :code, :code_name

    def initialize(message = nil, code = nil)
      super(message)
      @code = code
      @code_name = code && Raw.arc_error_name(code)
    end
  end

  # A field is missing, malformed or out of range (ARC_EINVAL).
  class InvalidInputError < Error; end
  # The record named does not exist (ARC_ENOTFOUND).
  class NotFoundError < Error; end
  # A record with that unique key already exists (ARC_EEXISTS).
  class AlreadyExistsError < Error; end
  # The record's state refuses the change (ARC_ECONFLICT).
  class ConflictError < Error; end
  # Another connection held the book's lock past the timeout (ARC_EBUSY).
  class BusyError < Error; end
  # The library ran out of memory (ARC_ENOMEM).
  class OutOfMemoryError < Error; end
  # The storage failed: I/O error, corruption, full disk (ARC_ESTORAGE).
  class StorageError < Error; end
  # The file is not a libarcollect book (ARC_ENOTBOOK).
  class NotABookError < Error; end
  # The book or a struct is newer than this library (ARC_EVERSION).
  class VersionError < Error; end
  # An amount or count does not fit in 64 bits (ARC_EOVERFLOW).
  class AmountOverflowError < Error; end
  # The operation is not supported here (ARC_EUNSUPPORTED).
  class UnsupportedError < Error; end
  # The book was closed; records read from it stay readable.
  class ClosedError < Error; end

  # Turns the C API's error codes into exceptions.
  module Errors
    BY_CODE = {
      Raw::ARC_EINVAL => InvalidInputError,
      Raw::ARC_ENOTFOUND => NotFoundError,
      Raw::ARC_EEXISTS => AlreadyExistsError,
      Raw::ARC_ECONFLICT => ConflictError,
      Raw::ARC_EBUSY => BusyError,
      Raw::ARC_ENOMEM => OutOfMemoryError,
      Raw::ARC_ESTORAGE => StorageError,
      Raw::ARC_ENOTBOOK => NotABookError,
      Raw::ARC_EVERSION => VersionError,
      Raw::ARC_EOVERFLOW => AmountOverflowError,
      Raw::ARC_EUNSUPPORTED => UnsupportedError
    }.freeze

    module_function

    # The exception for a failed call, with the thread's last message. The
    # message is taken only when the thread's last error is this code, so that
    # a stale message never describes another failure; the thread's error is
    # then cleared, since the exception carries it.
    def error_for(code)
      message = Raw.arc_error_last_code == code ? Raw.arc_error_last : ""
      Raw.arc_error_clear
      message = Raw.arc_error_name(code) if message.nil? || message.empty?
      BY_CODE.fetch(code, Error).new(message, code)
    end

    # The values of a raw call, or the exception its error code names. Raw
    # calls return an error code alone, or an array of the code and the values
    # written through out-parameters.
    def check(result)
      if result.is_a?(Array)
        code = result[0]
        raise error_for(code) if code.negative?

        result.length == 2 ? result[1] : result.drop(1)
      else
        raise error_for(result) if result.negative?

        nil
      end
    end
  end
end
