#!/usr/bin/python3
"""Bill customers from a CSV file, then follow up on what they owe.

Northwind Managed IT bills its clients for March 2025 from a CSV export of
its subscriptions (one row per invoice line; see customers.csv). Then it
logs a call and an email, opens the disputes that come back, applies the
payments that arrive, and prints the aging report and the top dispute codes.
The book's clock stands at 2025-04-20, so every run prints the same figures.

Usage: bill_from_csv.py CSV_FILE [BOOK_PATH]

Without a book path the book lives in a temporary directory that is removed
at the end; a path given is kept (it must not exist yet).
"""

import csv
import datetime
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import arcollect

UTC = datetime.timezone.utc
NOW = datetime.datetime(2025, 4, 20, 9, tzinfo=UTC)
MARCH_START = datetime.date(2025, 3, 1)
MARCH_END = datetime.date(2025, 3, 31)


def read_accounts(csv_path):
    """The accounts of the CSV file, each with its invoice lines, in file order."""
    accounts = {}
    with open(csv_path, newline="", encoding="utf-8") as csv_file:
        for row in csv.DictReader(csv_file):
            account = accounts.setdefault(row["reference"], {
                "name": row["name"], "billing_email": row["billing_email"],
                "currency": row["currency"], "terms_days": int(row["terms_days"]),
                "lines": []})
            account["lines"].append(arcollect.Line(
                row["description"], Decimal(row["unit_price"]), Decimal(row["quantity"]),
                tax_rate=row["tax_rate"] or None, item_code=row["item_code"],
                period_start=MARCH_START, period_end=MARCH_END))
    return accounts


def bill(book, accounts):
    """Create each customer and issue its March invoice; {reference: invoice}."""
    print("Billing March 2025")
    invoices = {}
    with book.transaction():
        for reference, account in accounts.items():
            customer = book.customers.create(
                reference, account["name"], account["currency"],
                billing_email=account["billing_email"],
                payment_terms_days=account["terms_days"], owner="dana.whitfield")
            invoice = book.invoices.create(customer, account["lines"], issue=True,
                                           issue_date=MARCH_START)
            invoices[reference] = invoice
            print(f"  {invoice.number}  {customer.name:<22} {str(invoice.total):>14}"
                  f"  due {invoice.due_date}")
    return invoices


def follow_up(book, invoices):
    """Calls, emails, disputes and payments of April."""
    print("\nFollowing up")
    contoso, fabrikam = invoices["C-1001"], invoices["C-1002"]
    tailspin, alpine = invoices["C-1003"], invoices["C-1004"]

    book.communications.record(
        contoso.customer_id, "call", "outbound", user="dana.whitfield",
        phone_number="+1 512 555 0142", call_duration=datetime.timedelta(minutes=6),
        call_outcome="promise_to_pay", body="Maria Chen promises payment by ACH this week.",
        invoices=[contoso], occurred_at=datetime.datetime(2025, 4, 14, 15, 30, tzinfo=UTC))
    print(f"  call     {contoso.number}: promise to pay")

    email = book.communications.record(
        fabrikam.customer_id, "email", "inbound", subject=f"Invoice {fabrikam.number}",
        body="We were billed for 97 Microsoft 365 seats but only use 91.",
        email_from="invoices@fabrikam-logistics.example", email_to="ar@northwind.example",
        message_id="<fab-2025-0412@fabrikam-logistics.example>", invoices=[fabrikam],
        occurred_at=datetime.datetime(2025, 4, 12, 8, 5, tzinfo=UTC))
    print(f"  email    {fabrikam.number}: {email.subject}")

    seats = book.disputes.open(fabrikam, "QUANTITY", Decimal("132.00"), "dana.whitfield",
                               description="6 of 97 seats not in use", lines=[2],
                               due_date=datetime.date(2025, 4, 30))
    pricing = book.disputes.open(tailspin, "PRICING", Decimal("36.00"), "dana.whitfield",
                                 description="Endpoints billed at 15.00, contract says 13.00")
    seat = book.disputes.open(tailspin, "QUANTITY", Decimal("22.00"), "dana.whitfield",
                              description="19 seats billed, 18 staff", lines=[2])
    outage = book.disputes.open(fabrikam, "SLA_CREDIT", Decimal("250.00"), "dana.whitfield",
                                description="Email outage on 2025-03-12")
    outage.resolve("credited", "lee.moreno", note="Four hours down; SLA credit agreed",
                   date=datetime.date(2025, 4, 18))
    for dispute in (seats, pricing, seat, outage):
        dispute = dispute.refresh()
        print(f"  dispute  {dispute.reason_code:<11} {str(dispute.amount):>14}"
              f"  {dispute.status.value}")

    paid = book.payments.record(contoso.customer_id, contoso.balance, method="ach",
                                received_on=datetime.date(2025, 4, 17),
                                reference="ACH 0417-118274")
    paid.apply(contoso, contoso.balance, applied_on=datetime.date(2025, 4, 17))
    wire = book.payments.record(alpine.customer_id, Decimal("600.00"), method="wire",
                                received_on=datetime.date(2025, 4, 15),
                                reference="SEPA AWG-2025-0415", auto_apply=True)
    print(f"  payment  {contoso.number}: {paid.amount} by ACH, "
          f"now {contoso.refresh().status.value}")
    print(f"  payment  {alpine.number}: {wire.applied} by wire, "
          f"{alpine.refresh().balance} still owed")


def print_aging(book):
    report = book.aging()
    names = {customer.id: customer.name for customer in book.customers}
    print(f"\nAging as of {report.as_of}")
    print(f"  {'customer':<22}" + "".join(f"{label:>11}" for label in report.buckets)
          + f"{'total':>12}")
    for row in report.rows:
        print(f"  {names[row.customer_id]:<22}"
              + "".join(f"{money.amount:>11}" for money in row.amounts)
              + f"{row.total.amount:>12} {row.currency}")
    for currency, total in sorted(report.totals.items()):
        print(f"  {'total ' + currency:<22}"
              + "".join(f"{money.amount:>11}" for money in total.amounts)
              + f"{total.total.amount:>12} {currency}")


def print_top_dispute_codes(book):
    report = book.disputes.report("reason_code", currency="USD")
    print(f"\nTop dispute codes ({report.total_count} disputes, {report.total_amount})")
    for row in report.rows:
        print(f"  {row.key:<11} {row.label:<38} {row.dispute_count:>2}  {row.share:>6}%"
              f"  {row.amount}")


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.split("\n\n")[2])
    accounts = read_accounts(sys.argv[1])
    with tempfile.TemporaryDirectory() as directory:
        path = sys.argv[2] if len(sys.argv) == 3 else Path(directory) / "northwind.arcbook"
        with arcollect.open(path, now=NOW) as book:
            book.set_numbering("invoice", "INV-2025-", next=301, width=4)
            events = []
            book.events.subscribe(events.append)
            invoices = bill(book, accounts)
            follow_up(book, invoices)
            print_aging(book)
            print_top_dispute_codes(book)
            print(f"\n{len(events)} events journaled, the last {events[-1].kind.value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
