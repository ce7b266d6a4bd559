# frozen_string_literal: true

module Arcollect
  # One message of a chat transcript; +sent_at+ is a Time, or nil for the
  # chat's own time.
  ChatMessage = Struct.new(:author, :text, :sent_at)

  # An email, chat, call, note, letter, SMS or portal message.
  # +call_duration+ is in seconds (nil for other channels); +invoice_ids+ the
  # invoices it is linked to; +chat+ the transcript as ChatMessage.
  class Communication < Record
    field :id, :arc_communication_id
    field :customer_id, :arc_communication_customer_id
    field :channel, :arc_communication_channel_of, CHANNEL
    field :direction, :arc_communication_direction_of, DIRECTION
    field :occurred_at, :arc_communication_occurred_at, :time
    field :created_at, :arc_communication_created_at, :time
    field :user, :arc_communication_user
    field :subject, :arc_communication_subject
    field :body, :arc_communication_body
    field :email_from, :arc_communication_email_from
    field :email_to, :arc_communication_email_to
    field :email_cc, :arc_communication_email_cc
    field :message_id, :arc_communication_message_id
    field :in_reply_to, :arc_communication_in_reply_to
    field :thread_id, :arc_communication_thread_id
    field :phone_number, :arc_communication_phone_number
    field :call_outcome, :arc_communication_call_outcome, CALL_OUTCOME
    field :dispute_id, :arc_communication_dispute_id, :ref
    attr_reader :call_duration, :invoice_ids, :chat

    def thread = book.communications.thread(self)

    private

    def complete(handle)
      @call_duration = channel == :call ? Raw.arc_communication_call_duration(handle) : nil
      @invoice_ids = Array.new(Raw.arc_communication_invoice_count(handle)) do |index|
        Raw.arc_communication_invoice_at(handle, index)
      end.freeze
      @chat = Array.new(Raw.arc_communication_chat_message_count(handle)) do |index|
        ChatMessage.new(Raw.arc_communication_chat_author_at(handle, index),
                        Raw.arc_communication_chat_text_at(handle, index),
                        Convert.from_time(Raw.arc_communication_chat_time_at(handle, index))).freeze
      end.freeze
    end
  end

  # One result of a full-text search; +snippet+ marks the matches.
  class SearchHit < Record
    field :id, :arc_communication_hit_id
    field :customer_id, :arc_communication_hit_customer_id
    field :channel, :arc_communication_hit_channel, CHANNEL
    field :occurred_at, :arc_communication_hit_occurred_at, :time
    field :snippet, :arc_communication_hit_snippet

    def communication = book.communications.get(id)
  end

  # The communication record of a book (+book.communications+); enumerating
  # lists it newest first.
  class Communications
    include Enumerable

    TEXTS = %i[user subject body email_from email_to email_cc message_id in_reply_to phone_number].freeze
    PAGE = %i[arc_communication_page_count arc_communication_page_at arc_communication_page_free].freeze
    HIT_PAGE = %i[arc_communication_hit_page_count arc_communication_hit_page_at
                  arc_communication_hit_page_free].freeze

    def initialize(book)
      @book = book
    end

    # Record a communication and return it. Text fields are keywords (user,
    # subject, body, email_from, email_to, email_cc, message_id, in_reply_to,
    # phone_number). A call needs a +call_outcome+; +call_duration+ is in
    # seconds. +chat+ is a transcript of ChatMessage or [author, text, sent_at]
    # arrays. A field the channel does not keep is refused.
    def record(customer, channel, direction = :inbound, occurred_at: nil, call_duration: nil, call_outcome: nil,
               invoices: [], dispute: nil, chat: [], **texts)
      unknown = texts.keys - TEXTS
      raise ArgumentError, "record: unknown fields #{unknown.inspect}" unless unknown.empty?

      opts = Raw::ArcCommunicationOpts.new
      opts.customer_id = Convert.id_of(customer, "customer")
      opts.channel = CHANNEL.to_c(channel, "channel")
      opts.direction = DIRECTION.to_c(direction, "direction")
      opts.occurred_at = Convert.to_time(occurred_at, "occurred_at")
      texts.each { |name, value| opts.public_send(:"#{name}=", value) }
      opts.call_duration = Integer(call_duration) unless call_duration.nil?
      opts.call_outcome = CALL_OUTCOME.to_c(call_outcome, "call_outcome") unless call_outcome.nil?
      invoices.each { |invoice| Errors.check(opts.add_invoice(Convert.id_of(invoice, "invoice"))) }
      opts.dispute_id = Convert.id_of(dispute, "dispute")
      chat.each do |message|
        author, text, sent_at = message.is_a?(ChatMessage) ? message.to_a : message
        Errors.check(opts.add_chat_message(author, Convert.to_time(sent_at, "sent_at"), text))
      end
      get(@book.call(:arc_communication_record, opts))
    end

    def get(communication_id)
      handle = @book.call(:arc_communication_lookup, Convert.id_of(communication_id, "communication"))
      Pages.read_one(@book, handle, :arc_communication_free, Communication)
    end

    # Communications newest first, read a page at a time: the book's, or those
    # of one customer, invoice or dispute.
    def list(customer: nil, invoice: nil, dispute: nil, channel: nil, page_size: nil)
      ids = [Convert.id_of(customer, "customer"), Convert.id_of(invoice, "invoice"), Convert.id_of(dispute, "dispute")]
      channel_code = channel.nil? ? -1 : CHANNEL.to_c(channel, "channel")
      Enumerator.new do |yielder|
        opts = list_opts(ids, channel_code, page_size)
        loop do
          records = Pages.read(@book, @book.call(:arc_communication_list, opts), PAGE, Communication)
          records.each { |record| yielder << record }
          break if records.length < opts.limit

          opts.before_occurred_at = Convert.to_time(records.last.occurred_at)
          opts.before_id = records.last.id
        end
      end
    end

    def each(&block)
      list.each(&block)
    end

    # Every email of an email's thread, oldest first.
    def thread(email)
      Pages.read(@book, @book.call(:arc_communication_thread, Convert.id_of(email, "email")), PAGE, Communication)
    end

    # Full-text search (FTS5 syntax), best match first, read lazily. Each
    # SearchHit has a snippet with matches between +mark_open+ and
    # +mark_close+ ("[" and "]" by default).
    def search(query, customer: nil, page_size: nil, mark_open: nil, mark_close: nil)
      customer_id = Convert.id_of(customer, "customer")
      Enumerator.new do |yielder|
        opts = Raw::ArcCommunicationSearchOpts.new
        opts.customer_id = customer_id
        opts.limit = page_size || Raw::ARC_LIST_DEFAULT_LIMIT
        opts.mark_open = mark_open
        opts.mark_close = mark_close
        loop do
          hits = Pages.read(@book, @book.call(:arc_communication_search, query, opts), HIT_PAGE, SearchHit)
          hits.each { |hit| yielder << hit }
          break if hits.length < opts.limit

          opts.offset += hits.length
        end
      end
    end

    private

    def list_opts(ids, channel_code, page_size)
      opts = Raw::ArcCommunicationListOpts.new
      opts.customer_id, opts.invoice_id, opts.dispute_id = ids
      opts.channel = channel_code
      opts.limit = page_size || Raw::ARC_LIST_DEFAULT_LIMIT
      opts
    end
  end
end
