"""The book, customers and contacts, invoices, payments and credit memos."""
import os
import re

from clitest import Cli, expect, money, new_book


def book(exe, workdir):
    cli = Cli(exe, workdir)

    cli.fails(3, "book", "show", message="does not exist; create it with 'arcollect book create'")
    cli.fails(3, "customer", "list", message="does not exist")
    expect(os.path.exists(cli.db), False, "a failed command creates no book")

    created = cli.json("book", "create")
    expect(re.fullmatch(r"[0-9a-f]{32}", created["book_id"]) is not None, True, "book id")
    expect(created["schema_version"] >= 1, True, "schema version")
    expect(created["today"], "2025-03-10", "today by ARCOLLECT_NOW")
    cli.fails(5, "book", "create", message="already exists")

    expect(cli.json("book", "show", now="2024-02-29")["today"], "2024-02-29", "today by --now")
    expect(cli.json("--now", "2024-12-31T23:59:59Z", "book", "show")["today"], "2024-12-31",
           "--now before the command")
    cli.fails(4, "book", "show", now="2024-02-30", message="--now")

    # The book defaults to $ARCOLLECT_DB, else ./arcollect.db.
    other = os.path.join(workdir, "other.db")
    cli.run("book", "create", db=None, env={"ARCOLLECT_DB": other})
    expect(os.path.exists(other), True, "book created at $ARCOLLECT_DB")
    cli.run("book", "create", db=None)
    expect(os.path.exists(os.path.join(workdir, "arcollect.db")), True, "./arcollect.db")

    numbering = cli.json("book", "numbering", "invoice", "--prefix", "INV-2025-", "--next", "7",
                         "--width", "4")
    expect(numbering, {"kind": "invoice", "prefix": "INV-2025-", "next": 7, "width": 4},
           "numbering")
    cli.fails(4, "book", "numbering", "quote", "--prefix", "Q-", "--next", "1",
              message="\"quote\" is not one of invoice, credit-memo")
    cli.fails(2, "book", "numbering", "invoice", "--next", "1", message="--prefix")
    cli.run("customer", "add", "--reference", "C-1", "--name", "A", "--currency", "USD")
    draft = cli.json("invoice", "add", "--customer", "C-1")
    expect(draft["number"], "INV-2025-0007", "number from the book's numbering")


def customer(exe, workdir):
    cli = Cli(exe, workdir)
    cli.run("book", "create")

    added = cli.json("customer", "add", "--reference", "C-2", "--name", "Alpine Werkzeug GmbH",
                     "--currency", "EUR", "--email", "ap@alpine.example", "--phone",
                     "+49 89 1234", "--terms", "15", "--credit-limit", "5000", "--owner",
                     "dana", "--status", "on_hold")
    expect(added, {"id": 1, "reference": "C-2", "name": "Alpine Werkzeug GmbH",
                   "billing_email": "ap@alpine.example", "phone": "+49 89 1234",
                   "currency": "EUR", "payment_terms_days": 15,
                   "credit_limit": money("5000.00", "EUR"), "owner": "dana",
                   "status": "on_hold", "created_at": "2025-03-10T09:00:00Z"}, "added")
    text = cli.run("customer", "add", "--reference", "C-3", "--name", "Tailspin",
                   "--currency", "USD").stdout
    expect(text, "added customer C-3 (id 2)\n", "confirmation line")

    cli.fails(5, "customer", "add", "--reference", "C-2", "--name", "Again", "--currency",
              "EUR", message="C-2")
    cli.fails(4, "customer", "add", "--reference", "C-4", "--name", "X", "--currency", "XYZ",
              message="currency")
    cli.fails(2, "customer", "add", "--reference", "C-4", "--currency", "USD",
              message="--reference, --name and --currency are required")
    cli.fails(4, "customer", "add", "--reference", "C-4", "--name", "X", "--currency", "USD",
              "--terms", "soon", message="--terms: \"soon\" is not a whole number")
    cli.fails(4, "customer", "add", "--reference", "C-4", "--name", "X", "--currency", "EUR",
              "--credit-limit", "1.005", message="--credit-limit")
    cli.fails(4, "customer", "add", "--reference", "C-4", "--name", "X", "--currency", "USD",
              "--status", "gone", message="not one of active, on_hold, closed")
    cli.fails(2, "customer", "add", "--reference", "C-4", "--bogus", message="--bogus")

    shown = cli.json("customer", "show", "C-2")
    expect(shown["balance"], money("0.00", "EUR"), "balance")
    expect(shown["collectible_balance"], money("0.00", "EUR"), "collectible balance")
    expect(shown["unapplied_credit"], money("0.00", "EUR"), "unapplied credit")
    expect(shown["contacts"], [], "no contacts yet")
    expect(cli.json("customer", "show", "#2")["reference"], "C-3", "a customer by #ID")
    cli.fails(3, "customer", "show", "C-404", message="C-404")
    cli.fails(3, "customer", "show", "#99")

    updated = cli.json("customer", "update", "C-2", "--name", "Alpine AG", "--email", "",
                       "--terms", "45", "--status", "active")
    expect((updated["name"], updated["billing_email"], updated["payment_terms_days"],
            updated["status"], updated["phone"]),
           ("Alpine AG", None, 45, "active", "+49 89 1234"), "updated fields")
    expect(cli.json("customer", "update", "C-3", "--reference", "C-3A")["reference"], "C-3A",
           "renamed")
    cli.fails(2, "customer", "update", "C-2", message="nothing to change")
    cli.fails(5, "customer", "update", "C-2", "--reference", "C-3A")
    cli.run("customer", "update", "C-3A", "--status", "closed")

    listed = cli.json("customer", "list")
    expect([c["reference"] for c in listed["customers"]], ["C-2", "C-3A"], "list")
    expect(listed["next_after"], None, "no next page")
    page = cli.json("customer", "list", "--limit", "1")
    expect(([c["id"] for c in page["customers"]], page["next_after"]), ([1], 1), "first page")
    page = cli.json("customer", "list", "--limit", "1", "--after", "1")
    expect([c["reference"] for c in page["customers"]], ["C-3A"], "second page")
    closed = cli.json("customer", "list", "--status", "closed")["customers"]
    expect([c["reference"] for c in closed], ["C-3A"], "closed customers")
    expect(len(cli.json("customer", "list", "--all")["customers"]), 2, "--all")
    table = cli.run("customer", "list").stdout.splitlines()
    expect(table[0].split(), ["ID", "REFERENCE", "NAME", "CUR", "TERMS", "STATUS", "OWNER"],
           "table header")
    expect(table[1].split(), ["1", "C-2", "Alpine", "AG", "EUR", "45", "active", "dana"],
           "table row")
    expect(len({line.index("REFERENCE") if i == 0 else line.index("C-") for i, line in
                enumerate(table)}), 1, "aligned column")

    contact = cli.json("contact", "add", "C-2", "--name", "Maria Chen", "--role", "AP",
                       "--email", "maria@alpine.example")
    expect((contact["id"], contact["name"], contact["phone"]), (1, "Maria Chen", None),
           "contact")
    cli.run("contact", "add", "C-2", "--name", "Luis Ortega")
    contacts = cli.json("contact", "list", "C-2")["contacts"]
    expect([c["name"] for c in contacts], ["Maria Chen", "Luis Ortega"], "contacts in order")
    expect([c["name"] for c in cli.json("customer", "show", "C-2")["contacts"]],
           ["Maria Chen", "Luis Ortega"], "contacts in customer show")
    cli.run("contact", "remove", "1")
    expect(len(cli.json("contact", "list", "C-2")["contacts"]), 1, "contact removed")
    cli.fails(3, "contact", "remove", "1")
    cli.fails(2, "contact", "add", "C-2", message="--name is required")


def invoice(exe, workdir):
    cli = new_book(exe, workdir)

    issued = cli.json("invoice", "add", "--customer", "C-1", "--number", "INV-100",
                      "--issue-date", "2025-01-15", "--issue",
                      "--line", "Managed endpoints|42|15.00|8.25|MEP",
                      "--line", "Microsoft 365 seats|38|22.00|8.25")
    expect((issued["status"], issued["issue_date"], issued["due_date"]),
           ("open", "2025-01-15", "2025-02-14"), "issued invoice")
    expect((issued["subtotal"], issued["tax"], issued["total"], issued["paid"],
            issued["balance"]),
           (money("1466.00"), money("120.95"), money("1586.95"), money("0.00"),
            money("1586.95")), "totals: 630.00 + 836.00, tax 51.98 + 68.97")
    expect(issued["customer"], {"id": 1, "reference": "C-1"}, "customer reference")

    shown = cli.json("invoice", "show", "INV-100")
    first = shown["lines"][0]
    expect((first["line"], first["quantity"], first["unit_price"], first["tax_rate"],
            first["item_code"], first["net"], first["tax"]),
           (1, "42", money("15.00"), "8.25", "MEP", money("630.00"), money("51.98")),
           "first line")
    expect((shown["lines"][1]["net"], shown["lines"][1]["tax"]),
           (money("836.00"), money("68.97")), "second line")
    expect((shown["applications"], shown["disputes"], shown["disputed"]),
           ([], [], money("0.00")), "nothing applied or disputed")
    expect(cli.json("invoice", "show", "#1")["number"], "INV-100", "an invoice by #ID")

    draft = cli.json("invoice", "add", "--customer", "C-1", "--memo", "Backup storage")
    expect((draft["number"], draft["status"], draft["issue_date"], draft["balance"]),
           ("INV-000001", "draft", None, money("0.00")), "a draft")
    cli.fails(5, "invoice", "issue", "INV-000001", message="INV-000001")
    line = cli.json("invoice", "add-line", "INV-000001", "--description", "Backup, per TB",
                    "--quantity", "1.5", "--price", "49.99", "--period-start", "2025-02-01",
                    "--period-end", "2025-02-28")
    expect((line["subtotal"], line["total"]), (money("74.99"), money("74.99")),
           "1.5 x 49.99 = 74.985, rounded half away from zero")
    issued = cli.json("invoice", "issue", "INV-000001", "--date", "2025-02-01")
    expect((issued["status"], issued["issue_date"], issued["due_date"]),
           ("open", "2025-02-01", "2025-03-03"), "issued draft")
    period = cli.json("invoice", "show", "INV-000001")["lines"][0]
    expect((period["period_start"], period["period_end"], period["quantity"]),
           ("2025-02-01", "2025-02-28", "1.5"), "period and quantity")
    cli.fails(5, "invoice", "add-line", "INV-000001", "--description", "Late", "--price", "1")

    cli.run("invoice", "add", "--customer", "C-1", "--line", "Scratch|1|5.00")
    cli.json("invoice", "delete", "INV-000002")
    cli.fails(3, "invoice", "show", "INV-000002")
    cli.fails(5, "invoice", "delete", "INV-100")

    cli.run("invoice", "add", "--customer", "C-1", "--number", "INV-200", "--issue",
            "--issue-date", "2025-02-10", "--line", "Wrong entity|1|99.00")
    voided = cli.json("invoice", "void", "INV-200", "--reason", "wrong entity")
    expect((voided["status"], voided["balance"]), ("void", money("0.00")), "voided")
    cli.fails(5, "invoice", "void", "INV-200")
    written = cli.json("invoice", "write-off", "INV-000001", "--reason", "uncollectible")
    expect((written["status"], written["balance"]), ("written_off", money("0.00")),
           "written off")
    applications = cli.json("invoice", "show", "INV-000001")["applications"]
    expect([(a["kind"], a["amount"], a["applied_on"]) for a in applications],
           [("write_off", money("74.99"), "2025-03-10")], "write-off application")

    listed = cli.json("invoice", "list")["invoices"]
    expect([(i["number"], i["status"]) for i in listed],
           [("INV-100", "open"), ("INV-000001", "written_off"), ("INV-200", "void")],
           "invoice list")
    expect([i["number"] for i in cli.json("invoice", "list", "--status", "open")["invoices"]],
           ["INV-100"], "open invoices")
    expect(len(cli.json("invoice", "list", "--customer", "C-1")["invoices"]), 3,
           "a customer's invoices")
    cli.fails(4, "invoice", "list", "--status", "settled", message="--status")
    table = cli.run("invoice", "list", "--status", "void").stdout.splitlines()
    expect(table[1].split(), ["INV-200", "C-1", "void", "2025-02-10", "2025-03-12", "USD",
                              "99.00", "0.00"], "invoice list row")

    cli.fails(4, "invoice", "add", "--customer", "C-1", "--line", "no price",
              message="--line")
    cli.fails(4, "invoice", "add", "--customer", "C-1", "--line", "Thing|1|1.005",
              message="not an amount in USD")
    cli.fails(4, "invoice", "add", "--customer", "C-1", "--line", "Thing|-1|1.00",
              message="quantity")
    cli.fails(3, "invoice", "add", "--customer", "C-9", "--line", "Thing|1|1.00")
    cli.fails(5, "invoice", "add", "--customer", "C-1", "--number", "INV-100",
              "--line", "Thing|1|1.00", message="INV-100")
    cli.fails(3, "invoice", "show", "INV-404", message="INV-404")
    expect(len(cli.json("invoice", "list", "--all")["invoices"]), 3,
           "failed commands wrote nothing")


def payment(exe, workdir):
    cli = new_book(exe, workdir)
    cli.run("invoice", "add", "--customer", "C-1", "--number", "INV-1", "--issue",
            "--issue-date", "2025-01-01", "--line", "January|1|100.00")
    cli.run("invoice", "add", "--customer", "C-1", "--number", "INV-2", "--issue",
            "--issue-date", "2025-02-01", "--line", "February|1|200.00")

    first = cli.json("payment", "record", "--customer", "C-1", "--amount", "150.00",
                     "--method", "ach", "--date", "2025-03-01", "--reference", "ACH 1",
                     "--apply", "INV-1")
    expect((first["id"], first["amount"], first["applied"], first["unapplied"],
            first["method"], first["received_on"], first["reference"], first["created"]),
           (1, money("150.00"), money("100.00"), money("50.00"), "ach", "2025-03-01",
            "ACH 1", True), "recorded and applied")
    expect(cli.json("invoice", "show", "INV-1")["status"], "paid", "INV-1 paid")

    applied = cli.json("payment", "apply", "1", "--invoice", "INV-2")
    expect((applied["applied"], applied["unapplied"], "created" in applied),
           (money("150.00"), money("0.00"), False), "the rest applied")
    second_invoice = cli.json("invoice", "show", "INV-2")
    expect((second_invoice["status"], second_invoice["balance"]),
           ("partially_paid", money("150.00")), "INV-2 partly paid")

    auto = cli.json("payment", "record", "--customer", "C-1", "--amount", "200", "--auto")
    expect((auto["applied"], auto["unapplied"]), (money("150.00"), money("50.00")),
           "applied oldest first")
    expect(cli.json("customer", "show", "C-1")["unapplied_credit"], money("50.00"),
           "unapplied credit")

    keyed = cli.json("payment", "record", "--customer", "C-1", "--amount", "25.00",
                     "--key", "bank-tx-77", "--method", "wire")
    again = cli.json("payment", "record", "--customer", "C-1", "--amount", "25.00",
                     "--key", "bank-tx-77", "--method", "wire")
    expect((again["id"], keyed["created"], again["created"]), (keyed["id"], True, False),
           "a retry with the same key records nothing")
    expect(len(cli.json("payment", "list")["payments"]), 3, "three payments")
    cli.fails(5, "payment", "record", "--customer", "C-1", "--amount", "26.00", "--key",
              "bank-tx-77")

    reversed_payment = cli.json("payment", "reverse", "1", "--reason", "R01 NSF")
    expect((reversed_payment["reversed"], reversed_payment["reversal_reason"],
            reversed_payment["applied"], reversed_payment["reversed_on"]),
           (True, "R01 NSF", money("0.00"), "2025-03-10"), "reversed")
    expect(cli.json("invoice", "show", "INV-1")["balance"], money("100.00"),
           "INV-1 owes again")
    expect(cli.json("invoice", "show", "INV-2")["balance"], money("50.00"),
           "INV-2 owes again what payment 1 paid")
    cli.fails(5, "payment", "reverse", "1", message="1")

    shown = cli.json("payment", "show", "1")
    expect([(a["invoice"]["number"], a["amount"], a["reversed_on"])
            for a in shown["applications"]],
           [("INV-1", money("100.00"), "2025-03-10"), ("INV-2", money("50.00"), "2025-03-10")],
           "applications of a reversed payment")
    expect([p["id"] for p in cli.json("payment", "list", "--reversed")["payments"]], [1],
           "reversed payments")
    expect([p["id"] for p in cli.json("payment", "list", "--in-force")["payments"]], [2, 3],
           "payments in force")
    expect([p["id"] for p in cli.json("payment", "list", "--customer", "C-1",
                                      "--limit", "2")["payments"]], [1, 2], "a page")
    cli.fails(2, "payment", "list", "--reversed", "--in-force",
              message="--reversed and --in-force exclude each other")
    cli.fails(3, "payment", "list", "--customer", "C-404", message="C-404")

    cli.fails(4, "payment", "record", "--customer", "C-1", "--amount", "5", "--method",
              "barter", message="--method")
    cli.fails(4, "payment", "record", "--customer", "C-1", "--amount", "0",
              message="amount")
    cli.fails(2, "payment", "apply", "2", message="either --invoice or --auto")
    cli.fails(3, "payment", "show", "99")
    cli.fails(4, "payment", "show", "nine", message="PAYMENT")
    text = cli.run("payment", "list", "--reversed").stdout.splitlines()
    expect(text[1].split(), ["1", "C-1", "2025-03-01", "ach", "USD", "150.00", "0.00",
                             "reversed", "ACH", "1"], "payment row")


def credit(exe, workdir):
    cli = new_book(exe, workdir)
    cli.run("invoice", "add", "--customer", "C-1", "--number", "INV-1", "--issue",
            "--issue-date", "2025-01-10", "--line", "Service|3|100.00")

    applied = cli.json("credit", "add", "--customer", "C-1", "--amount", "50.00",
                       "--invoice", "INV-1", "--reason", "SLA credit")
    expect((applied["number"], applied["amount"], applied["applied"], applied["unapplied"],
            applied["reason"], applied["void"], applied["issue_date"]),
           ("CM-000001", money("50.00"), money("50.00"), money("0.00"), "SLA credit", False,
            "2025-03-10"), "credit applied at once")
    expect(cli.json("invoice", "show", "INV-1")["balance"], money("250.00"), "balance")

    on_account = cli.json("credit", "add", "--customer", "C-1", "--amount", "20")
    expect((on_account["number"], on_account["unapplied"]), ("CM-000002", money("20.00")),
           "credit on account")
    partly = cli.json("credit", "apply", "CM-000002", "--invoice", "INV-1", "--amount", "5")
    expect((partly["applied"], partly["unapplied"]), (money("5.00"), money("15.00")),
           "part applied")
    expect(cli.json("invoice", "show", "INV-1")["balance"], money("245.00"), "balance")
    expect(cli.json("credit", "apply", "2", "--auto")["unapplied"], money("0.00"),
           "the rest applied by id")

    listed = cli.json("credit", "list")["credit_memos"]
    expect([(c["number"], c["applied"]) for c in listed],
           [("CM-000001", money("50.00")), ("CM-000002", money("20.00"))], "credit list")
    shown = cli.json("credit", "show", "CM-000001")
    expect([(a["invoice"]["number"], a["amount"]) for a in shown["applications"]],
           [("INV-1", money("50.00"))], "where it went")

    voided = cli.json("credit", "void", "CM-000001", "--reason", "issued in error")
    expect((voided["void"], voided["applied"]), (True, money("0.00")), "voided")
    expect(cli.json("invoice", "show", "INV-1")["balance"], money("280.00"),
           "the invoice owes the voided credit again")
    expect([c["number"] for c in cli.json("credit", "list", "--void")["credit_memos"]],
           ["CM-000001"], "void memos")
    in_force = cli.json("credit", "list", "--in-force")["credit_memos"]
    expect([c["number"] for c in in_force], ["CM-000002"], "memos in force")
    cli.fails(2, "credit", "list", "--void", "--in-force",
              message="--void and --in-force exclude each other")
    cli.fails(5, "credit", "void", "CM-000001")
    cli.fails(3, "credit", "show", "CM-999", message="CM-999")
    cli.fails(2, "credit", "add", "--customer", "C-1", message="--amount")


AREAS = {
    "book": book,
    "customer": customer,
    "invoice": invoice,
    "payment": payment,
    "credit": credit,
}
