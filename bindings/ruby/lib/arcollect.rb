# frozen_string_literal: true

# Arcollect: accounts receivable for Ruby, on libarcollect.
#
#   require "arcollect"
#
#   Arcollect.open("book.db") do |book|
#     customer = book.customers.create("C-1001", "Contoso Dental", "USD")
#     invoice = book.invoices.create(customer, [Arcollect::Line.new("Managed endpoints", "15.00", 42)],
#                                    issue: true)
#     puts invoice.number, invoice.total
#   end
#
# Errors are exceptions under Arcollect::Error; money is Arcollect::Money (a
# BigDecimal amount and an ISO 4217 code); dates are Date and instants Time;
# enumerations are symbols; lists are lazy Enumerators.
require "bigdecimal"
require "date"

require "arcollect/raw"
require "arcollect/errors"
require "arcollect/money"
require "arcollect/convert"
require "arcollect/enums"
require "arcollect/record"
require "arcollect/customers"
require "arcollect/invoices"
require "arcollect/payments"
require "arcollect/aging"
require "arcollect/disputes"
require "arcollect/dispute_report"
require "arcollect/communications"
require "arcollect/events"
require "arcollect/timeline"
require "arcollect/automation"
require "arcollect/book"

module Arcollect
  # The version of the library that is running, "MAJOR.MINOR.PATCH".
  VERSION = Raw.arc_version_string
  # The same, as [major, minor, patch].
  VERSION_INFO = Raw.arc_version.freeze

  module_function

  # Open a book, creating it unless +create: false+. +uri+ is a file path or a
  # "sqlite:" URI. With +now+ (a Time) the book's clock stands still at that
  # instant until +book.now=+ moves it. +sync_normal: true+ trades the last
  # commits on power loss for speed; +busy_timeout+ is in seconds. With a
  # block, the book is yielded and closed when the block ends, and the block's
  # value is returned.
  def open(uri, create: true, now: nil, sync_normal: false, busy_timeout: nil)
    book = Book.new(uri, create: create, now: now, sync_normal: sync_normal, busy_timeout: busy_timeout)
    return book unless block_given?

    begin
      yield book
    ensure
      book.close
    end
  end

  # Delete a book for good, with the files SQLite keeps beside it. Close every
  # handle on it first.
  def delete_book(uri, busy_timeout: nil)
    Errors.check(Raw.arc_book_delete(uri.to_s, Book.options(busy_timeout)))
    nil
  end

  # A random 32-hex-digit token, suitable as an idempotency key.
  def new_token
    Errors.check(Raw.arc_token_generate)
  end

  # Every active ISO 4217 code the library knows.
  def currencies
    Money.currencies
  end

  # The number of minor digits of a currency.
  def minor_digits(currency)
    Money.minor_digits(currency)
  end
end
