#!/usr/bin/python3
"""Invoice ingest through the Python binding, to compare with arc_bench.

The workload is arc_bench's (bench/workload.c): customers CUST-000001...,
then issued invoices INV-0000001... with two lines each (managed endpoints,
5 to 64 at 15.00 taxed 8.25%; Microsoft 365 seats, 1 to 40 at 22.00), issue
dates over the twelve months before 2025-06-30, 10,000 invoices per
transaction, in a fresh book with the library's default synchronous=FULL.

Usage: ingest.py [--invoices N] [--customers N] [--dir PATH] [--records]

It prints, like arc_bench (seconds, then invoices per second):

    BENCH python_ingest <seconds> <invoices_per_second>

The timed phase is books.invoices.create_many(), which returns ids. With
--records, a second fresh book is filled with invoices.create(), which reads
each invoice back as a record, and a second line is printed:

    BENCH python_ingest_records <seconds> <invoices_per_second>

Compare with the `BENCH invoices` line of
`arc_bench --invoices 100000 --runs 3`. It asserts nothing.
"""

import argparse
import datetime
import os
import sys
import tempfile
import time
from decimal import Decimal

import arcollect

TODAY = datetime.date(2025, 6, 30)
NOW = datetime.datetime(2025, 6, 30, 12, tzinfo=datetime.timezone.utc)
BATCH = 10000
TERMS = (30, 30, 15, 45, 60)
STEMS = ("Northwind", "Contoso", "Fabrikam", "Tailspin", "Wingtip", "Litware", "Adatum",
         "Proseware")
ENDPOINT_PRICE = Decimal("15.00")
SEAT_PRICE = Decimal("22.00")


def add_customers(book, count):
    ids = []
    with book.transaction():
        for index in range(count):
            customer = book.customers.create(
                f"CUST-{index + 1:06d}", f"{STEMS[index % 8]} Services {index + 1:05d}",
                "USD", billing_email=f"ap@client{index + 1:06d}.example",
                payment_terms_days=TERMS[index % 5])
            ids.append(customer.id)
    return ids


def invoices(customer_ids, count):
    """arc_bench's invoices, as arguments of books.invoices.create()."""
    for index in range(count):
        yield {
            "customer": customer_ids[index % len(customer_ids)],
            "number": f"INV-{index + 1:07d}",
            "currency": "USD",
            "issue_date": TODAY - datetime.timedelta(days=(index * 7919) % 365),
            "issue": True,
            "lines": (
                arcollect.Line("Managed endpoints", ENDPOINT_PRICE, 5 + index % 60,
                               tax_rate="8.25", item_code="MSP-ENDPOINT"),
                arcollect.Line("Microsoft 365 Business Premium", SEAT_PRICE,
                               1 + index % 40, item_code="M365-BP"),
            ),
        }


def ingest_many(book, customer_ids, count):
    start = time.perf_counter()
    ids = book.invoices.create_many(invoices(customer_ids, count), batch_size=BATCH)
    seconds = time.perf_counter() - start
    assert len(ids) == count
    return seconds


def ingest_records(book, customer_ids, count):
    start = time.perf_counter()
    batch = 0
    for invoice in invoices(customer_ids, count):
        if batch == 0:
            book.begin()
        book.invoices.create(**invoice)
        batch += 1
        if batch == BATCH:
            book.commit()
            batch = 0
    if batch:
        book.commit()
    return time.perf_counter() - start


def run(path, phase, customer_count, invoice_count):
    with arcollect.open(path, now=NOW) as book:
        customer_ids = add_customers(book, customer_count)
        return phase(book, customer_ids, invoice_count)


def report(name, seconds, count):
    print(f"BENCH {name} {seconds:.3f} {int(count / seconds) if seconds else 0}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--invoices", type=int, default=100000)
    parser.add_argument("--customers", type=int, default=10000)
    parser.add_argument("--dir", help="where the books are written (a temporary "
                        "directory by default)")
    parser.add_argument("--records", action="store_true",
                        help="also time invoices.create(), which returns records")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(dir=args.dir) as directory:
        seconds = run(os.path.join(directory, "many.arcbook"), ingest_many,
                      args.customers, args.invoices)
        report("python_ingest", seconds, args.invoices)
        if args.records:
            seconds = run(os.path.join(directory, "records.arcbook"), ingest_records,
                          args.customers, args.invoices)
            report("python_ingest_records", seconds, args.invoices)
    return 0


if __name__ == "__main__":
    sys.exit(main())
