# frozen_string_literal: true

module Arcollect
  # One item of a timeline: +source+ (:communication or :event) says whether
  # +communication+ or +event+ is set.
  TimelineItem = Struct.new(:source, :occurred_at, :communication, :event, keyword_init: true)

  # Timelines: a customer's, invoice's or dispute's communications merged with
  # what happened on the account, newest first.
  module Timeline
    DEFAULT_PAGE_SIZE = 50

    module_function

    def enumerate(book, customer, invoice, dispute, page_size)
      ids = [Convert.id_of(customer, "customer"), Convert.id_of(invoice, "invoice"), Convert.id_of(dispute, "dispute")]
      Enumerator.new do |yielder|
        opts = Raw::ArcTimelineOpts.new
        opts.customer_id, opts.invoice_id, opts.dispute_id = ids
        opts.limit = page_size || DEFAULT_PAGE_SIZE
        loop do
          items, more = page(book, opts)
          items.each { |item| yielder << item }
          break unless more
        end
      end
    end

    # The items of one page, and whether another may follow (the cursor of
    # +opts+ then points past this page).
    def page(book, opts)
      page = book.call(:arc_timeline, opts)
      items = Array.new(Raw.arc_timeline_page_count(page)) { |index| item(book, Raw.arc_timeline_page_at(page, index)) }
      [items, items.length == opts.limit && Raw.arc_timeline_page_next(page, opts) == 1]
    ensure
      Raw.arc_timeline_page_free(page) if page
    end

    def item(book, handle)
      communication = Raw.arc_timeline_item_communication(handle)
      event = Raw.arc_timeline_item_event(handle)
      TimelineItem.new(source: TIMELINE_SOURCE.from_c(Raw.arc_timeline_item_source(handle)),
                       occurred_at: Convert.from_time(Raw.arc_timeline_item_occurred_at(handle)),
                       communication: communication && Communication.read(book, communication),
                       event: event && Event.read(book, event))
    end
  end
end
