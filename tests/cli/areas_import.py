"""CSV imports: whole or not at all, every bad row reported with its row and
column, and a second import of the same file changing nothing."""
from clitest import Cli, Failure, expect, money

CUSTOMERS = (
    "reference,name,currency,billing_email,phone,payment_terms_days,credit_limit,owner,status\n"
    "C-10,Bayside Dental,USD,ap@bayside.example,+1 555 0110,30,5000.00,dana,active\n"
    "C-11,\"Cedar Law, LLP\",USD,,,15,,omar,\n"
    "C-12,Alpine AG,EUR,buchhaltung@alpine.example,,45,1000,,on_hold\n")

INVOICES = (
    "number,customer,issue_date,description,quantity,unit_price,tax_rate,item_code,"
    "period_start,period_end,memo\n"
    "INV-1,C-10,2025-01-01,Managed endpoints,42,15.00,8.25,MEP,2025-01-01,2025-01-31,January\n"
    "INV-1,C-10,,Microsoft 365 seats,38,22.00,8.25,M365,2025-01-01,2025-01-31,\n"
    "INV-2,C-11,2025-01-05,\"Project work, phase 1\",1.5,165.00,,,,,\n")

PAYMENTS = (
    "key,customer,amount,received_on,method,reference,invoice,apply\n"
    "tx-1,C-10,1000.00,2025-02-01,ach,ACH 1,INV-1,\n"
    "tx-2,C-10,600.00,2025-02-10,check,Check 1001,,auto\n"
    "tx-3,C-11,300.00,2025-02-11,card,,INV-2,\n")


def problems(stderr):
    """The row problems of an import's stderr, without the command's prefix."""
    lines = [line.split(": ", 1)[1] for line in stderr.splitlines()]
    return [line for line in lines if ": row " in line]


def event_count(cli):
    return len(cli.json("event", "list", "--limit", "10000")["events"])


def customers(cli):
    path = cli.write("customers.csv", CUSTOMERS)
    result = cli.json("customer", "import", path)
    expect((result["rows"], result["created"], result["updated"], result["unchanged"]),
           (3, 3, 0, 0), "first import")
    cedar = cli.json("customer", "show", "C-11")
    expect((cedar["name"], cedar["payment_terms_days"], cedar["credit_limit"],
            cedar["billing_email"], cedar["owner"], cedar["status"]),
           ("Cedar Law, LLP", 15, money("0.00"), None, "omar", "active"), "quoted field")
    alpine = cli.json("customer", "show", "C-12")
    expect((alpine["credit_limit"], alpine["status"]), (money("1000.00", "EUR"), "on_hold"),
           "EUR customer")

    events = event_count(cli)
    again = cli.json("customer", "import", path)
    expect((again["created"], again["updated"], again["unchanged"]), (0, 0, 3),
           "re-import changes nothing")
    expect(event_count(cli), events, "no event from a re-import")
    process = cli.run("customer", "import", path)
    expect(process.stdout, f"{path}: 3 rows: 0 customers created, 0 updated, 3 unchanged\n",
           "text summary")
    expect(process.stderr, "", "no progress when stderr is not a terminal")

    changed = cli.write("customers-changed.csv", CUSTOMERS.replace("Cedar Law, LLP",
                                                                   "Cedar Law LLP"))
    result = cli.json("customer", "import", changed)
    expect((result["created"], result["updated"], result["unchanged"]), (0, 1, 2),
           "a changed row updates its customer")
    expect(cli.json("customer", "show", "C-11")["name"], "Cedar Law LLP", "updated name")

    bad = cli.write("customers-bad.csv",
                    "reference,name,currency,payment_terms_days,status,billing_email\n"
                    "C-20,Good One,USD,30,active,\n"
                    "C-21,,USD,30,active,\n"
                    "C-22,Bad Currency,XYZ,30,active,\n"
                    "C-23,Bad Terms,USD,soon,active,\n"
                    "C-24,Bad Status,USD,30,gone,\n"
                    "C-20,Duplicate,USD,30,active,\n"
                    "C-25,Bad Email,USD,30,active,not-an-address\n")
    stderr = cli.fails(4, "customer", "import", bad)
    expect(problems(stderr), [
        f"{bad}: row 3: column name: required",
        f"{bad}: row 4: column currency: \"XYZ\" is not a currency code",
        f"{bad}: row 5: column payment_terms_days: \"soon\" is not a number of days from 0 "
        "to 3650",
        f"{bad}: row 6: column status: \"gone\" is not one of active, on_hold, closed",
        f"{bad}: row 7: column reference: \"C-20\" is already in row 2",
        f"{bad}: row 8: column billing_email: customer: billing_email: \"not-an-address\" is "
        "not an address",
    ], "every bad row, in row order, with its column")
    expect(stderr.splitlines()[-1].endswith(f"{bad}: 6 bad rows; nothing was imported"), True,
           "summary of bad rows")
    cli.fails(3, "customer", "show", "C-20", message="C-20")

    currency = cli.write("customers-currency.csv", "reference,name,currency\nC-10,Bayside,EUR\n")
    cli.fails(5, "customer", "import", currency,
              message="row 2: column currency: customer C-10 has currency USD, which "
              "cannot change")

    dry = cli.write("customers-new.csv", "reference,name,currency\nC-30,New,USD\n")
    text = cli.run("customer", "import", dry, "--dry-run").stdout
    expect(text, f"{dry}: 1 rows: 1 customers to create, 0 to update, 0 unchanged "
           "(dry run: nothing was written)\n", "dry run")
    cli.fails(3, "customer", "show", "C-30")

    crlf = cli.write("customers-crlf.csv",
                     "\ufeffreference,name,currency\r\nC-31,\"Windows \"\"Export\"\"\",USD\r\n"
                     "\r\n")
    expect(cli.json("customer", "import", crlf)["created"], 1, "BOM, CRLF, blank line")
    expect(cli.json("customer", "show", "C-31")["name"], "Windows \"Export\"", "quotes")


def csv_and_header_errors(cli):
    unknown = cli.write("unknown.csv", "reference,name,currency,colour\nC-40,A,USD,red\n")
    cli.fails(4, "customer", "import", unknown,
              message="row 1: column \"colour\": not a column of a customers file")
    missing = cli.write("missing.csv", "reference,name\nC-40,A\n")
    cli.fails(4, "customer", "import", missing,
              message="row 1: column \"currency\": required but missing")
    unclosed = cli.write("unclosed.csv", "reference,name,currency\nC-40,A,USD\nC-41,\"B,USD\n")
    cli.fails(4, "customer", "import", unclosed, message="row 3: a quoted field is not closed")
    short = cli.write("short.csv", "reference,name,currency\nC-40,A\n")
    cli.fails(4, "customer", "import", short, message="row 2: has 2 fields, the header has 3")
    cli.fails(3, "customer", "import", "no-such-file.csv", message="no-such-file.csv")
    cli.fails(3, "customer", "show", "C-40")


def invoices(cli):
    path = cli.write("invoices.csv", INVOICES)
    result = cli.json("invoice", "import", path)
    expect((result["rows"], result["created"], result["unchanged"]), (3, 2, 0), "invoices")
    first = cli.json("invoice", "show", "INV-1")
    expect((first["status"], first["issue_date"], first["due_date"], first["memo"],
            first["total"], len(first["lines"]), first["lines"][1]["item_code"]),
           ("open", "2025-01-01", "2025-01-31", "January", money("1586.95"), 2, "M365"),
           "an invoice of two rows")
    second = cli.json("invoice", "show", "INV-2")
    expect((second["total"], second["due_date"], second["lines"][0]["description"]),
           (money("247.50"), "2025-01-20", "Project work, phase 1"), "net 15 customer")

    events = event_count(cli)
    again = cli.json("invoice", "import", path)
    expect((again["created"], again["unchanged"]), (0, 2), "re-import changes nothing")
    expect(event_count(cli), events, "no event from a re-import")
    same = cli.write("invoices-same.csv", INVOICES.replace(",42,15.00,", ",42.000,15,"))
    expect(cli.json("invoice", "import", same)["unchanged"], 2, "same decimals, other text")

    conflict = cli.write("invoices-conflict.csv", INVOICES.replace(",38,22.00,", ",38,23.00,"))
    cli.fails(5, "invoice", "import", conflict,
              message="row 3: column unit_price: invoice INV-1 is already in the book with "
              "unit_price \"22.00\"")

    bad = cli.write("invoices-bad.csv",
                    "number,customer,description,unit_price,issue_date,quantity\n"
                    "INV-5,C-10,Good,10.00,2025-02-01,1\n"
                    "INV-6,C-99,Unknown customer,10.00,2025-02-01,1\n"
                    "INV-7,C-10,Bad price,ten,2025-02-01,1\n"
                    "INV-8,C-10,Bad date,10.00,2025-02-30,1\n"
                    "INV-5,C-10,Second line,5.00,2025-02-02,1\n"
                    ",C-10,No number,1.00,,1\n"
                    "INV-9,C-10,Fine line,1.00,,1\n"
                    "INV-9,C-10,Negative line,1.00,,-2\n")
    stderr = cli.fails(3, "invoice", "import", bad)
    expect(problems(stderr), [
        f"{bad}: row 3: column customer: customer \"C-99\": not found",
        f"{bad}: row 4: column unit_price: \"ten\" is not an amount in USD",
        f"{bad}: row 5: column issue_date: \"2025-02-30\" is not a date (YYYY-MM-DD)",
        f"{bad}: row 6: column issue_date: \"2025-02-02\" differs from \"2025-02-01\" in row "
        "2 of invoice INV-5",
        f"{bad}: row 7: column number: required",
        f"{bad}: row 9: column quantity: " + problems(stderr)[5].split("column quantity: ")[1],
    ], "every bad row")
    expect("line 2" in problems(stderr)[5], True, "a library message about line 2 on its row")
    cli.fails(3, "invoice", "show", "INV-5")

    draft = cli.write("invoices-draft.csv",
                      "number,customer,description,unit_price,status\n"
                      "INV-D,C-10,Quote,99.00,draft\n")
    cli.run("invoice", "import", draft)
    expect(cli.json("invoice", "show", "INV-D")["status"], "draft", "draft import")
    expect(cli.json("invoice", "import", draft)["unchanged"], 1, "draft re-import")


def payments(cli):
    path = cli.write("payments.csv", PAYMENTS)
    result = cli.json("payment", "import", path)
    expect((result["created"], result["unchanged"]), (3, 0), "payments")
    expect(cli.json("invoice", "show", "INV-1")["status"], "paid", "INV-1 paid by tx-1, tx-2")
    expect(cli.json("invoice", "show", "INV-2")["status"], "paid", "INV-2 paid by tx-3")
    expect(cli.json("customer", "show", "C-10")["unapplied_credit"], money("13.05"),
           "1600.00 less 1586.95")
    expect(cli.json("customer", "show", "C-11")["unapplied_credit"], money("52.50"),
           "300.00 less 247.50")
    listed = cli.json("payment", "list")["payments"]
    expect([(p["idempotency_key"], p["method"], p["received_on"]) for p in listed],
           [("tx-1", "ach", "2025-02-01"), ("tx-2", "check", "2025-02-10"),
            ("tx-3", "card", "2025-02-11")], "keys, methods, dates")
    applications = cli.json("payment", "show", "1")["applications"]
    expect([(a["invoice"]["number"], a["amount"], a["applied_on"]) for a in applications],
           [("INV-1", money("1000.00"), "2025-02-01")], "applied on the day received")

    events = event_count(cli)
    again = cli.json("payment", "import", path)
    expect((again["created"], again["unchanged"]), (0, 3), "re-import changes nothing")
    expect(event_count(cli), events, "no event from a re-import")
    expect(len(cli.json("payment", "list")["payments"]), 3, "still three payments")

    changed = cli.write("payments-changed.csv", PAYMENTS.replace("1000.00", "1001.00"))
    cli.fails(5, "payment", "import", changed,
              message="row 2: column amount: key \"tx-1\" was imported before as payment 1 "
              "of 1000.00 USD")

    bad = cli.write("payments-bad.csv",
                    "key,customer,amount,method,invoice,apply\n"
                    "tx-10,C-10,10.00,ach,,\n"
                    ",C-10,10.00,ach,,\n"
                    "tx-11,C-10,ten,ach,,\n"
                    "tx-12,C-10,10.00,barter,,\n"
                    "tx-13,C-10,10.00,ach,INV-404,\n"
                    "tx-10,C-10,10.00,ach,,\n"
                    "tx-14,C-10,10.00,ach,,maybe\n"
                    "tx-15,C-10,10.00,ach,INV-1,\n")
    stderr = cli.fails(4, "payment", "import", bad)
    expect(problems(stderr), [
        f"{bad}: row 3: column key: required",
        f"{bad}: row 4: column amount: \"ten\" is not an amount in USD",
        f"{bad}: row 5: column method: \"barter\" is not one of ach, card, check, wire, cash, "
        "other",
        f"{bad}: row 6: column invoice: invoice INV-404: not found",
        f"{bad}: row 7: column key: \"tx-10\" is already in row 2",
        f"{bad}: row 8: column apply: \"maybe\" is not auto or none",
        f"{bad}: row 9: column invoice: invoice INV-1: nothing is owed on it",
    ], "every bad row")
    expect(len(cli.json("payment", "list")["payments"]), 3, "nothing was imported")


def import_area(exe, workdir):
    cli = Cli(exe, workdir)
    cli.run("book", "create")
    for part in (customers, csv_and_header_errors, invoices, payments):
        try:
            part(cli)
        except Failure as failure:
            raise Failure(f"{part.__name__}: {failure}") from failure


AREAS = {"import": import_area}
