# frozen_string_literal: true

require_relative "helper"

# Lists are Enumerators that read one page at a time.
class TestPaging < BookTest
  def test_lists_fetch_pages_lazily
    7.times { |number| book.customers.create("C-#{number}", "Customer #{number}", "USD") }
    calls = []
    counting = Module.new do
      define_method(:arc_customer_list) do |db, opts|
        calls << opts.after_id
        super(db, opts)
      end
    end
    Arcollect::Raw.singleton_class.prepend(counting)
    customers = book.customers.list(page_size: 3)
    assert_empty calls
    assert_equal "C-0", customers.first.reference
    assert_equal 1, calls.length
    calls.clear
    assert_equal (0..6).map { |n| "C-#{n}" }, customers.map(&:reference)
    assert_equal [0, 3, 6], calls
  ensure
    counting&.send(:remove_method, :arc_customer_list)
  end

  def test_a_list_stops_with_a_closed_error_if_its_book_closes
    b = Arcollect.open(File.join(@dir, "b.arcbook"))
    3.times { |number| b.customers.create("C-#{number}", "x", "USD") }
    customers = b.customers.list(page_size: 2)
    assert_raises(Arcollect::ClosedError) do
      customers.each_with_index { |_customer, index| b.close if index == 1 }
    end
  end
end
