# frozen_string_literal: true

module Arcollect
  # Base of every record: a frozen snapshot copied out of its C handle when it
  # is read, so it stays valid after the handle, the page or even the book is
  # gone. Each keeps its book (+record.book+) alive so that its methods can act
  # on it; once the book is closed they raise ClosedError.
  #
  # Subclasses list their fields with +field NAME, ACCESSOR, KIND+. Kinds are
  # :value (as the accessor returns it), :ref (an optional record id, nil for
  # 0), :bool, :date, :time, :decimal, :money (minor units in the record's
  # +currency+) or an Enum.
  class Record
    CONVERTERS = {
      ref: ->(value) { value.zero? ? nil : value },
      bool: ->(value) { value != 0 },
      date: Convert.method(:from_date),
      time: Convert.method(:from_time),
      decimal: Convert.method(:to_decimal)
    }.freeze

    attr_reader :book

    class << self
      def fields
        @fields ||= superclass.respond_to?(:fields) ? superclass.fields.dup : []
      end

      def field(name, accessor, kind = :value)
        fields << [name, accessor, kind]
        attr_reader name
      end

      # Read a record from a handle; +currency+ is the one of its amounts when
      # the record does not say.
      def read(book, handle, currency = nil)
        record = allocate
        record.instance_variable_set(:@book, book)
        plain, converted, money = readers
        plain.each { |ivar, accessor| record.instance_variable_set(ivar, Raw.public_send(accessor, handle)) }
        converted.each do |ivar, accessor, convert|
          record.instance_variable_set(ivar, convert.call(Raw.public_send(accessor, handle)))
        end
        unless money.empty?
          currency = record.instance_variable_get(:@currency) || currency
          money.each do |ivar, accessor|
            record.instance_variable_set(ivar, Money.from_minor(Raw.public_send(accessor, handle), currency))
          end
        end
        record.send(:complete, handle)
        record.freeze
      end

      private

      # The fields split by how they are read: [ivar, accessor(, converter)].
      def readers
        @readers ||= begin
          plain = []
          converted = []
          money = []
          fields.each do |name, accessor, kind|
            ivar = :"@#{name}"
            case kind
            when :value then plain << [ivar, accessor]
            when :money then money << [ivar, accessor]
            when Enum then converted << [ivar, accessor, kind.method(:from_c)]
            else converted << [ivar, accessor, CONVERTERS.fetch(kind)]
            end
          end
          [plain, converted, money].map(&:freeze).freeze
        end
      end
    end

    # The field values, in the order they were declared.
    def to_h
      self.class.fields.to_h { |name, _, _| [name, public_send(name)] }
    end

    def ==(other)
      other.instance_of?(self.class) && other.book.equal?(book) && other.to_h == to_h
    end
    alias eql? ==

    def hash
      [self.class, to_h].hash
    end

    def inspect
      shown = %i[id number reference name code status kind total amount balance channel]
              .filter_map { |name| (value = to_h[name]).nil? ? nil : "#{name}=#{value.inspect}" }
      "#<#{self.class.name} #{shown.join(" ")}>"
    end

    private

    # Read what does not fit in the field list (lines, transcripts...).
    def complete(_handle); end
  end

  # Reading whole pages and single handles, freeing them afterwards.
  module Pages
    module_function

    # Every item of a raw page as records; +functions+ are the page type's
    # count, at and free accessors.
    def read(book, page, functions, record_class, currency = nil)
      count, at, free = functions
      Array.new(Raw.public_send(count, page)) do |index|
        record_class.read(book, Raw.public_send(at, page, index), currency)
      end
    ensure
      Raw.public_send(free, page) if page
    end

    # A record from a handle that is freed afterwards.
    def read_one(book, handle, free, record_class)
      record_class.read(book, handle)
    ensure
      Raw.public_send(free, handle) if handle
    end

    # The arc_list_opts of a first page.
    def list_opts(customer = 0, status = -1, page_size = nil)
      Raw::ArcListOpts.new.tap do |opts|
        opts.customer_id = customer
        opts.status = status
        opts.limit = page_size || Raw::ARC_LIST_DEFAULT_LIMIT
      end
    end

    # Records of an id-ordered list, read a page at a time as the
    # enumeration goes; each enumeration starts from the first page.
    def by_id(book, list_function, functions, record_class, customer: 0, status: -1, page_size: nil)
      Enumerator.new do |yielder|
        opts = list_opts(customer, status, page_size)
        loop do
          page = book.call(list_function, opts)
          records = read(book, page, functions, record_class)
          records.each { |record| yielder << record }
          break if records.length < opts.limit

          opts.after_id = records.last.id
        end
      end
    end
  end
end
