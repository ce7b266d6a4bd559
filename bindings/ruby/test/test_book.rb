# frozen_string_literal: true

require_relative "helper"

# Books: opening with a block, closing, transactions, clock, numbering.
class TestBook < BookTest
  def test_open_with_a_block_yields_the_book_and_closes_it
    opened = nil
    value = Arcollect.open(File.join(@dir, "b.arcbook")) do |b|
      opened = b
      assert_equal 32, b.id.length
      assert_operator b.schema_version, :>=, 1
      :done
    end
    assert_equal :done, value
    assert opened.closed?
  end

  def test_create_false_refuses_a_missing_book
    assert_raises(Arcollect::NotFoundError) { Arcollect.open(File.join(@dir, "missing"), create: false) }
  end

  def test_a_closed_book_raises_closed_error_and_closing_twice_is_harmless
    b = Arcollect.open(File.join(@dir, "b.arcbook"))
    b.close
    b.close
    assert_raises(Arcollect::ClosedError) { b.customers.create("C-1", "x", "USD") }
    assert_raises(Arcollect::ClosedError) { b.customers.to_a }
    assert_raises(Arcollect::ClosedError) { b.now }
  end

  def test_records_keep_their_book_and_stay_readable_after_close
    b = Arcollect.open(File.join(@dir, "b.arcbook"))
    kept = b.customers.create("C-1", "Kept", "EUR")
    GC.start
    assert_equal "Kept", kept.refresh.name
    kept.book.close
    assert_equal "Kept", kept.name
    assert kept.frozen?
    assert_raises(Arcollect::ClosedError) { kept.refresh }
  end

  def test_the_fixed_clock_stands_still_until_it_is_set
    assert_equal NOW, book.now
    assert_equal Date.new(2025, 4, 20), book.today
    book.now = NOW + (10 * 86_400) + (20 * 3600)
    assert_equal Date.new(2025, 5, 1), book.today
  end

  def test_the_system_clock_cannot_be_set
    Arcollect.open(File.join(@dir, "b.arcbook")) do |b|
      assert_in_delta Time.now.to_i, b.now.to_i, 60
      assert_raises(Arcollect::Error) { b.now = NOW }
    end
  end

  def test_a_transaction_commits_when_the_block_returns
    book.transaction do
      assert book.in_transaction?
      book.customers.create("C-1", "One", "USD")
      book.customers.create("C-2", "Two", "USD")
    end
    refute book.in_transaction?
    assert_equal %w[C-1 C-2], book.customers.map(&:reference)
  end

  def test_a_transaction_rolls_back_when_the_block_raises
    assert_raises(RuntimeError) do
      book.transaction do
        book.customers.create("C-1", "One", "USD")
        raise "changed my mind"
      end
    end
    assert_empty book.customers.to_a
  end

  def test_transactions_do_not_nest
    book.transaction do
      assert_raises(Arcollect::ConflictError) { book.transaction { nil } }
    end
  end

  def test_begin_commit_and_rollback_by_hand
    book.begin_transaction
    book.customers.create("C-1", "One", "USD")
    book.rollback
    book.begin_transaction
    book.customers.create("C-2", "Two", "USD")
    book.commit
    assert_equal ["C-2"], book.customers.map(&:reference)
  end

  def test_numbering_gives_new_documents_their_numbers
    book.set_numbering(:invoice, "INV-2025-", next_number: 7, width: 4)
    assert_equal "INV-2025-0007", book.invoices.create(customer, [["Fee", "10.00"]]).number
    book.set_numbering("credit_memo", "CM-", width: 3)
    assert_equal "CM-001", book.credit_memos.create(customer, "5.00").number
    assert_raises(ArgumentError) { book.set_numbering(:payment, "P-") }
  end

  def test_tokens_are_32_hex_digits_and_differ
    first = Arcollect.new_token
    assert_match(/\A\h{32}\z/, first)
    refute_equal first, Arcollect.new_token
  end

  def test_the_library_version_is_exposed
    assert_equal Arcollect::VERSION, Arcollect::VERSION_INFO.join(".")
  end

  def test_delete_book_removes_a_closed_book
    path = File.join(@dir, "gone.arcbook")
    Arcollect.open(path).close
    Arcollect.delete_book(path)
    refute File.exist?(path)
    assert_raises(Arcollect::NotFoundError) { Arcollect.delete_book(path) }
  end
end
