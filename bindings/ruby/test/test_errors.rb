# frozen_string_literal: true

require_relative "helper"

# Errors become exceptions under Arcollect::Error, carrying the library's message.
class TestErrors < BookTest
  def test_every_error_class_derives_from_the_base
    %i[InvalidInputError NotFoundError AlreadyExistsError ConflictError BusyError OutOfMemoryError StorageError
       NotABookError VersionError AmountOverflowError UnsupportedError ClosedError].each do |name|
      assert_operator Arcollect.const_get(name), :<, Arcollect::Error
    end
  end

  def test_a_duplicate_reference_raises_already_exists_with_the_library_message
    customer
    error = assert_raises(Arcollect::AlreadyExistsError) { book.customers.create("C-1001", "Another", "USD") }
    assert_equal 'customer: reference "C-1001" is already used', error.message
    assert_equal(-4, error.code)
    assert_equal "ARC_EEXISTS", error.code_name
  end

  def test_an_unknown_id_raises_not_found
    error = assert_raises(Arcollect::NotFoundError) { book.invoices.get(999) }
    assert_equal "ARC_ENOTFOUND", error.code_name
  end

  def test_invalid_input_names_the_field
    error = assert_raises(Arcollect::InvalidInputError) { book.customers.create("C-2", "Bad", "XXQ") }
    assert_match(/currency/, error.message)
  end

  def test_a_refused_transition_raises_conflict
    book.payments.record(invoice.customer_id, usd("10.00")).apply(invoice, usd("10.00"))
    assert_raises(Arcollect::ConflictError) { invoice.void }
  end

  def test_an_amount_that_overflows_raises_amount_overflow
    assert_raises(Arcollect::AmountOverflowError) { Arcollect::Money.new("99999999999999999999", "USD") }
  end

  def test_a_file_that_is_not_a_book_raises_not_a_book
    path = File.join(@dir, "notes.txt")
    File.write(path, "just some text, not a database\n" * 200)
    assert_raises(Arcollect::NotABookError) { Arcollect.open(path) }
  end

  def test_an_error_leaves_the_thread_error_cleared
    assert_raises(Arcollect::NotFoundError) { book.customers.get(42) }
    assert_equal "", Arcollect::Raw.arc_error_last
    assert_equal 0, Arcollect::Raw.arc_error_last_code
  end
end
