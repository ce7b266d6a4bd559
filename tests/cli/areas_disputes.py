"""Disputes, reason codes, communications, timelines, automation, events and
reports."""
import os

from clitest import Cli, expect, money, new_book


def dispute(exe, workdir):
    cli = new_book(exe, workdir)
    cli.run("invoice", "add", "--customer", "C-1", "--number", "INV-1", "--issue",
            "--issue-date", "2025-01-10", "--line", "Endpoints|4|100.00",
            "--line", "Backup|1|100.00")

    opened = cli.json("dispute", "open", "--invoice", "INV-1", "--reason", "PRICING",
                      "--amount", "120.00", "--description", "Rate differs from contract",
                      "--due-date", "2025-04-01", "--line", "1")
    expect((opened["id"], opened["status"], opened["amount"], opened["opened_by"],
            opened["owner"], opened["lines"], opened["opened_at"], opened["due_date"],
            opened["invoice"], opened["outcome"]),
           (1, "open", money("120.00"), "tester", "tester", [1], "2025-03-10T09:00:00Z",
            "2025-04-01", {"id": 1, "number": "INV-1"}, "unresolved"), "opened")
    expect(cli.json("invoice", "show", "INV-1")["disputed"], money("120.00"), "disputed")
    expect(cli.json("customer", "show", "C-1")["collectible_balance"], money("380.00"),
           "collectible: 500.00 less 120.00 under dispute")
    cli.fails(5, "dispute", "open", "--invoice", "INV-1", "--reason", "OTHER", "--amount",
              "400.00", message="INV-1")
    cli.fails(4, "dispute", "open", "--invoice", "INV-1", "--reason", "NO_SUCH_CODE",
              "--amount", "1.00", message="NO_SUCH_CODE")
    cli.fails(2, "dispute", "open", "--invoice", "INV-1", "--amount", "1.00",
              message="--reason")
    cli.fails(2, "dispute", "open", "--invoice", "INV-1", "--reason", "OTHER", "--amount",
              "1.00", env={"ARCOLLECT_USER": "", "USER": ""}, message="--by is required")

    updated = cli.json("dispute", "update", "1", "--amount", "150", "--owner", "alice",
                       "--due-date", "")
    expect((updated["amount"], updated["owner"], updated["due_date"]),
           (money("150.00"), "alice", None), "updated")
    cli.fails(2, "dispute", "update", "1", message="nothing to change")
    reviewed = cli.json("dispute", "review", "1", "--by", "alice", now="2025-03-11T09:00:00Z")
    expect((reviewed["status"], reviewed["status_changed_at"]),
           ("in_review", "2025-03-11T09:00:00Z"), "in review")
    cli.fails(5, "dispute", "review", "1")
    escalated = cli.json("dispute", "escalate", "1", now="2025-03-12T09:00:00Z")
    expect((escalated["status"], escalated["escalation_level"]), ("escalated", 1),
           "escalated")

    resolved = cli.json("dispute", "resolve", "1", "--outcome", "credited", "--amount",
                        "100.00", "--note", "agreed on the rate", "--by", "manager",
                        now="2025-03-15T09:00:00Z")
    expect((resolved["status"], resolved["outcome"], resolved["resolved_amount"],
            resolved["resolved_on"], resolved["resolved_by"], resolved["credit_memo_id"],
            resolved["resolution_note"]),
           ("resolved", "credited", money("100.00"), "2025-03-15", "manager", 1,
            "agreed on the rate"), "resolved with a credit")
    invoice = cli.json("invoice", "show", "INV-1")
    expect((invoice["balance"], invoice["disputed"], invoice["status"]),
           (money("400.00"), money("0.00"), "partially_paid"), "the credit settled 100.00")
    expect(cli.json("credit", "show", "1")["amount"], money("100.00"), "the credit memo")
    cli.fails(5, "dispute", "reopen", "1", message="1")

    cli.run("dispute", "open", "--invoice", "INV-1", "--reason", "OTHER", "--amount", "50")
    cli.run("dispute", "resolve", "2", "--outcome", "rejected")
    reopened = cli.json("dispute", "reopen", "2", "--reason", "new information")
    expect((reopened["status"], reopened["reopen_reason"], reopened["resolved_amount"]),
           ("reopened", "new information", None), "reopened")
    expect([d["id"] for d in cli.json("dispute", "list", "--status", "reopened")["disputes"]],
           [2], "reopened disputes")
    expect([d["id"] for d in cli.json("dispute", "list", "--customer", "C-1")["disputes"]],
           [1, 2], "a customer's disputes")
    text = cli.run("dispute", "show", "2").stdout
    expect("Reopened because:    new information" in text, True, "text of dispute show")
    row = cli.run("dispute", "list", "--status", "resolved").stdout.splitlines()[1].split()
    expect(row, ["1", "INV-1", "C-1", "PRICING", "USD", "150.00", "resolved", "1", "alice",
                 "2025-03-10", "-"], "dispute list row")

    cli.fails(4, "dispute", "resolve", "2", "--outcome", "unresolved",
              message="must be credited, written_off, rejected or withdrawn")
    cli.fails(4, "dispute", "resolve", "2", "--outcome", "maybe", message="--outcome")
    cli.fails(3, "dispute", "show", "99")
    written = cli.json("dispute", "resolve", "2", "--outcome", "written-off")
    expect((written["outcome"], written["resolved_amount"]),
           ("written_off", money("50.00")), "written off, '-' for '_'")
    expect(cli.json("invoice", "show", "INV-1")["balance"], money("350.00"), "after write-off")


def reason(exe, workdir):
    cli = new_book(exe, workdir)

    codes = cli.json("reason", "list")["reason_codes"]
    expect(len(codes), 12, "seeded reason codes")
    expect(codes[0], {"code": "AFTER_CANCEL", "label": "Billed after cancellation",
                      "category": "billing", "description": codes[0]["description"],
                      "active": True}, "first code in order")

    added = cli.json("reason", "add", "HW_FAULT", "--label", "Hardware fault",
                     "--category", "service")
    expect(added, {"code": "HW_FAULT", "label": "Hardware fault", "category": "service",
                   "description": None, "active": True}, "added")
    cli.fails(5, "reason", "add", "HW_FAULT", "--label", "Again")
    cli.fails(4, "reason", "add", "bad code", "--label", "Bad", message="bad code")
    cli.fails(2, "reason", "add", "NO_LABEL", message="--label is required")

    edited = cli.json("reason", "update", "HW_FAULT", "--description", "A device failed")
    expect((edited["label"], edited["description"]), ("Hardware fault", "A device failed"),
           "relabelled, label kept")
    expect(cli.json("reason", "update", "HW_FAULT", "--label", "Device fault")["label"],
           "Device fault", "new label")
    cli.fails(3, "reason", "update", "NOPE", "--label", "x", message="NOPE")

    expect(cli.json("reason", "deactivate", "HW_FAULT")["active"], False, "deactivated")
    expect("HW_FAULT" in [c["code"] for c in cli.json("reason", "list")["reason_codes"]],
           False, "inactive codes left out")
    expect(len(cli.json("reason", "list", "--all")["reason_codes"]), 13, "--all")

    cli.run("invoice", "add", "--customer", "C-1", "--number", "INV-1", "--issue",
            "--line", "Router|1|80.00")
    cli.fails(4, "dispute", "open", "--invoice", "INV-1", "--reason", "HW_FAULT",
              "--amount", "10", message="HW_FAULT")
    cli.run("reason", "activate", "HW_FAULT")
    cli.run("dispute", "open", "--invoice", "INV-1", "--reason", "HW_FAULT", "--amount", "10")
    cli.fails(5, "reason", "delete", "HW_FAULT")
    expect(cli.json("reason", "delete", "OTHER"), {"deleted": "OTHER"}, "deleted")
    expect(len(cli.json("reason", "list", "--all")["reason_codes"]), 12, "one fewer")
    cli.fails(3, "reason", "delete", "OTHER")
    table = cli.run("reason", "list").stdout.splitlines()
    expect(table[0].split(), ["CODE", "CATEGORY", "ACTIVE", "LABEL"], "table header")


def comm(exe, workdir):
    cli = new_book(exe, workdir)
    cli.run("invoice", "add", "--customer", "C-1", "--number", "INV-1", "--issue",
            "--line", "Seats|38|22.00")

    email = cli.json("comm", "log", "email", "--customer", "C-1", "--subject",
                     "Question about INV-1", "--body", "Why is the seat count 38?",
                     "--from", "ap@contoso.example", "--to", "billing@harbor.example",
                     "--message-id", "<m1@contoso.example>", "--invoice", "INV-1",
                     "--at", "2025-03-01T10:00:00Z")
    expect((email["id"], email["channel"], email["direction"], email["occurred_at"],
            email["created_at"], email["user"], email["invoices"], email["call"],
            email["chat"]),
           (1, "email", "inbound", "2025-03-01T10:00:00Z", "2025-03-10T09:00:00Z", "tester",
            [{"id": 1, "number": "INV-1"}], None, None), "email")
    expect(email["email"], {"from": "ap@contoso.example", "to": "billing@harbor.example",
                            "cc": None, "message_id": "<m1@contoso.example>",
                            "in_reply_to": None, "thread_id": "<m1@contoso.example>"},
           "email headers")
    reply = cli.json("comm", "log", "email", "--customer", "C-1", "--direction", "outbound",
                     "--subject", "Re: Question about INV-1", "--body", "We billed 38 seats.",
                     "--message-id", "<m2@harbor.example>", "--in-reply-to",
                     "<m1@contoso.example>", "--invoice", "INV-1", "--at", "2025-03-02")
    expect((reply["email"]["thread_id"], reply["occurred_at"]),
           ("<m1@contoso.example>", "2025-03-02T12:00:00Z"), "reply joins the thread")
    expect([c["id"] for c in cli.json("comm", "thread", "2")["communications"]], [1, 2],
           "thread, oldest first")
    cli.fails(5, "comm", "log", "email", "--customer", "C-1", "--body", "dup",
              "--message-id", "<m1@contoso.example>")

    call = cli.json("comm", "log", "call", "--customer", "C-1", "--phone", "+1 555 0100",
                    "--duration", "125", "--outcome", "promise_to_pay", "--body",
                    "Will pay on Friday")
    expect((call["direction"], call["call"]),
           ("outbound", {"phone_number": "+1 555 0100", "duration_seconds": 125,
                         "outcome": "promise_to_pay"}), "call")
    cli.fails(4, "comm", "log", "call", "--customer", "C-1", "--body", "no outcome",
              message="outcome")

    body = cli.write("note.txt", "Customer's AP moved to a new ERP.\nInvoices go to ap2@.\n")
    note = cli.json("comm", "log", "note", "--customer", "C-1", "--body-file", body)
    expect((note["direction"], note["body"]),
           ("internal", "Customer's AP moved to a new ERP.\nInvoices go to ap2@.\n"),
           "note from a file")
    piped = cli.json("comm", "log", "sms", "--customer", "C-1", "--body-file", "-",
                     stdin="Payment received, thanks")
    expect((piped["channel"], piped["body"]), ("sms", "Payment received, thanks"), "stdin")
    chat = cli.json("comm", "log", "chat", "--customer", "C-1", "--message",
                    "Dana: Hi, quick question", "--message", "tester: Sure: ask")
    expect([(m["author"], m["text"]) for m in chat["chat"]],
           [("Dana", "Hi, quick question"), ("tester", "Sure: ask")], "chat transcript")
    cli.fails(4, "comm", "log", "note", "--customer", "C-1", message="body")
    cli.fails(4, "comm", "log", "email", "--customer", "C-1", "--body", "x", "--phone", "1",
              message="phone")
    cli.fails(4, "comm", "log", "fax", "--customer", "C-1", message="CHANNEL")
    cli.fails(2, "comm", "log", "note", "--customer", "C-1", "--body", "x", "--body-file",
              body, message="exclude each other")

    listed = cli.json("comm", "list", "--customer", "C-1")
    expect([c["id"] for c in listed["communications"]], [6, 5, 4, 3, 2, 1],
           "newest first")
    expect(listed["next_before"], None, "one page")
    page = cli.json("comm", "list", "--limit", "4")
    expect([c["id"] for c in page["communications"]], [6, 5, 4, 3], "first page")
    rest = cli.json("comm", "list", "--limit", "4", "--before", page["next_before"])
    expect([c["id"] for c in rest["communications"]], [2, 1], "next page")
    expect([c["id"] for c in cli.json("comm", "list", "--channel", "call")["communications"]],
           [3], "by channel")
    expect([c["id"] for c in cli.json("comm", "list", "--invoice", "INV-1")["communications"]],
           [2, 1], "by invoice")
    cli.fails(2, "comm", "list", "--customer", "C-1", "--invoice", "INV-1",
              message="at most one")

    text = cli.run("comm", "show", "3").stdout
    expect("Outcome:             promise_to_pay" in text, True, "call shown")
    hits = cli.json("comm", "search", "seat")
    expect(([h["id"] for h in hits["hits"]], hits["query"]), ([1], "seat"), "search hits")
    expect("[seat]" in hits["hits"][0]["snippet"], True, "marked match")
    expect(sorted(h["id"] for h in cli.json("comm", "search", "seat*")["hits"]), [1, 2],
           "prefix search")
    expect(cli.json("comm", "search", "ERP", "--customer", "C-1")["hits"][0]["id"], 4,
           "search one customer")
    cli.fails(4, "comm", "search", "\"unclosed", message="query")


def timeline(exe, workdir):
    cli = new_book(exe, workdir, now="2025-01-01T12:00:00Z")
    cli.run("invoice", "add", "--customer", "C-1", "--number", "INV-1", "--issue",
            "--line", "Service|1|500.00", now="2025-01-10T08:00:00Z")
    cli.run("payment", "record", "--customer", "C-1", "--amount", "100", "--apply", "INV-1",
            now="2025-02-01T10:00:00Z")
    cli.run("comm", "log", "email", "--customer", "C-1", "--subject", "Remittance",
            "--body", "Paid part", "--invoice", "INV-1", now="2025-02-05T10:00:00Z")
    cli.run("dispute", "open", "--invoice", "INV-1", "--reason", "PRICING", "--amount",
            "50", now="2025-02-10T10:00:00Z")
    cli.run("comm", "log", "note", "--customer", "C-1", "--body", "Called about the "
            "dispute", "--dispute", "1", now="2025-02-11T10:00:00Z")

    def summary(items):
        return [(i["source"], i["occurred_at"][:10],
                 i["event"]["kind"] if i["source"] == "event" else i["communication"]["id"])
                for i in items]

    customer = cli.json("customer", "timeline", "C-1")
    expect(summary(customer["items"]),
           [("communication", "2025-02-11", 2), ("event", "2025-02-10", "dispute.opened"),
            ("communication", "2025-02-05", 1), ("event", "2025-02-01", "payment.received"),
            ("event", "2025-01-10", "invoice.issued")], "customer timeline")
    expect(customer["next_before"], None, "one page")
    invoice = cli.json("invoice", "timeline", "INV-1")
    expect(summary(invoice["items"]),
           [("event", "2025-02-10", "dispute.opened"), ("communication", "2025-02-05", 1),
            ("event", "2025-02-01", "payment.applied"),
            ("event", "2025-01-10", "invoice.issued")], "invoice timeline")
    expect(invoice["items"][2]["event"]["amount"], money("100.00"), "event amount")
    expect(summary(cli.json("dispute", "timeline", "1")["items"]),
           [("communication", "2025-02-11", 2), ("event", "2025-02-10", "dispute.opened")],
           "dispute timeline")

    page = cli.json("customer", "timeline", "C-1", "--limit", "2")
    expect(len(page["items"]), 2, "first page")
    rest = cli.json("customer", "timeline", "C-1", "--limit", "3", "--before",
                    page["next_before"])
    expect(summary(page["items"] + rest["items"]), summary(customer["items"]),
           "pages add up to the whole timeline")
    expect(len(cli.json("customer", "timeline", "C-1", "--all", "--limit", "1")["items"]),
           5, "--all")
    lines = cli.run("customer", "timeline", "C-1").stdout.splitlines()
    expect(lines[0].split(), ["WHEN", "WHO", "WHAT"], "header")
    expect(lines[2].split(), ["2025-02-10", "10:00", "tester", "dispute.opened", "INV-1",
                              "dispute", "1", "50.00", "USD", "(PRICING)"], "event row")
    expect(lines[1].split()[2:5], ["tester", "note", "internal:"], "note row")
    cli.fails(4, "customer", "timeline", "C-1", "--before", "yesterday",
              message="--before")
    cli.fails(3, "dispute", "timeline", "9")


def automation(exe, workdir):
    cli = new_book(exe, workdir, now="2025-01-01T09:00:00Z")
    stale = cli.json("rule", "add", "Escalate stale", "--statuses", "open,in_review",
                     "--days-in-state", "14", "--below-level", "2", "--actions", "escalate")
    expect(stale, {"id": 1, "name": "Escalate stale", "active": True,
                   "statuses": ["open", "in_review"], "min_days_in_state": 14,
                   "min_amount": None, "reason_code": None, "min_days_since_contact": 0,
                   "below_level": 2, "actions": ["escalate"], "assign_to": None,
                   "due_in_days": 0}, "rule added")
    big = cli.json("rule", "add", "Big", "--min-amount", "1000", "--currency", "USD",
                   "--actions", "alert,reassign", "--assign-to", "manager", "--inactive")
    expect((big["min_amount"], big["actions"], big["active"], big["statuses"]),
           (money("1000.00"), ["alert", "reassign"], False,
            ["open", "in_review", "escalated", "reopened"]), "second rule")
    cli.fails(2, "rule", "add", "No actions", message="--actions is required")
    cli.fails(4, "rule", "add", "Bad", "--actions", "shout", message="--actions")
    cli.fails(2, "rule", "add", "Bad", "--actions", "alert", "--min-amount", "5",
              message="--currency")
    cli.fails(5, "rule", "add", "Big", "--actions", "alert")
    expect([r["name"] for r in cli.json("rule", "list")["rules"]], ["Escalate stale"],
           "active rules")
    expect([r["name"] for r in cli.json("rule", "list", "--all")["rules"]],
           ["Escalate stale", "Big"], "all rules")
    expect(cli.json("rule", "show", "2")["name"], "Big", "rule by id")

    cli.run("invoice", "add", "--customer", "C-1", "--number", "INV-1", "--issue",
            "--line", "Project|1|1500.00")
    cli.run("dispute", "open", "--invoice", "INV-1", "--reason", "PRICING", "--amount",
            "1200", now="2025-02-01T09:00:00Z")

    first = cli.json("automation", "run", now="2025-02-20T09:00:00Z")
    expect(first, {"disputes_examined": 1, "rules_fired": 1, "escalations": 1,
                   "reassignments": 0, "due_dates_set": 0, "alerts": 0,
                   "disputes_overdue": 0, "invoices_overdue": 1}, "first run")
    again = cli.json("automation", "run", now="2025-02-20T09:00:00Z")
    expect((again["rules_fired"], again["escalations"], again["invoices_overdue"]), (0, 0, 0),
           "a second run at the same moment changes nothing")
    expect((cli.json("dispute", "show", "1")["status"],
            cli.json("dispute", "show", "1")["escalation_level"]), ("escalated", 1),
           "escalated by the rule")

    updated = cli.json("rule", "update", "Big", "--active", "--due-in-days", "7",
                       "--actions", "alert,reassign,set_due_date")
    expect((updated["active"], updated["due_in_days"], updated["assign_to"]),
           (True, 7, "manager"), "rule updated, other fields kept")
    second = cli.json("automation", "run", now="2025-02-21T09:00:00Z")
    expect((second["alerts"], second["reassignments"], second["due_dates_set"]), (1, 1, 1),
           "the big-dispute rule fired")
    shown = cli.json("dispute", "show", "1")
    expect((shown["owner"], shown["due_date"]), ("manager", "2025-02-28"), "reassigned")
    kinds = [e["kind"] for e in cli.json("event", "list", "--after", "0")["events"]]
    expect([k for k in kinds if k in ("dispute.alert", "invoice.overdue")],
           ["invoice.overdue", "dispute.alert"], "journal of the runs")

    cli.run("rule", "delete", "Big")
    cli.fails(3, "rule", "delete", "Big", message="Big")
    expect(len(cli.json("rule", "list", "--all")["rules"]), 1, "one rule left")
    text = cli.run("automation", "run", now="2025-02-22T09:00:00Z").stdout
    expect(text.splitlines()[0], "Disputes examined:   1", "text of automation run")


def event(exe, workdir):
    cli = new_book(exe, workdir)

    events = cli.json("event", "list")
    expect([(e["id"], e["kind"], e["customer"]) for e in events["events"]],
           [(1, "customer.created", {"id": 1, "reference": "C-1"})], "journal")
    expect(events["cursor"], 1, "cursor")
    expect(cli.json("event", "list", "--after", "1"), {"events": [], "cursor": 1},
           "nothing after the cursor")

    cursor = os.path.join(workdir, "cursor")
    expect(len(cli.json("event", "list", "--cursor-file", cursor)["events"]), 1, "first read")
    with open(cursor, encoding="utf-8") as file:
        expect(file.read(), "1\n", "cursor kept")
    expect(cli.json("event", "list", "--cursor-file", cursor)["events"], [],
           "nothing new")
    cli.run("customer", "add", "--reference", "C-2", "--name", "B", "--currency", "USD")
    cli.run("invoice", "add", "--customer", "C-2", "--issue", "--line", "x|1|10.00")
    fresh = cli.json("event", "list", "--cursor-file", cursor, "--limit", "1")
    expect([e["kind"] for e in fresh["events"]], ["customer.created"], "one at a time")
    fresh = cli.json("event", "list", "--cursor-file", cursor)
    expect([(e["kind"], e["amount"], e["invoice"]["number"]) for e in fresh["events"]],
           [("invoice.issued", money("10.00"), "INV-000001")], "the rest")
    with open(cursor, encoding="utf-8") as file:
        expect(file.read(), "3\n", "cursor moved")
    cli.write("bad-cursor", "three\n")
    cli.fails(4, "event", "list", "--cursor-file", os.path.join(workdir, "bad-cursor"),
              message="does not hold an event id")
    cli.fails(2, "event", "list", "--after", "1", "--cursor-file", cursor)
    expect(cli.run("event", "list", "--after", "2").stdout.splitlines()[-1], "cursor: 3",
           "text ends with the cursor")


def report(exe, workdir):
    cli = new_book(exe, workdir)
    cli.run("customer", "add", "--reference", "C-2", "--name", "Alpine", "--currency", "EUR")
    for number, issued, amount in (("INV-A", "2025-03-01", "100"), ("INV-B", "2025-01-20", "200"),
                                   ("INV-C", "2024-12-20", "300"), ("INV-D", "2024-11-15", "400"),
                                   ("INV-E", "2024-10-01", "500")):
        cli.run("invoice", "add", "--customer", "C-1", "--number", number, "--issue",
                "--issue-date", issued, "--line", f"Service|1|{amount}")
    cli.run("invoice", "add", "--customer", "C-2", "--number", "INV-F", "--issue",
            "--issue-date", "2025-02-01", "--line", "Dienst|1|250")
    cli.run("payment", "record", "--customer", "C-1", "--amount", "50", "--apply", "INV-E")
    cli.run("dispute", "open", "--invoice", "INV-C", "--reason", "PRICING", "--amount", "120",
            now="2025-03-05T09:00:00Z")

    def totals(document):
        return {t["currency"]: ([b["amount"]["amount"] for b in t["buckets"]],
                                t["total"]["amount"], t["invoice_count"])
                for t in document["totals"]}

    aging = cli.json("report", "aging", "--disputed")
    expect(aging["as_of"], "2025-03-10", "as of today")
    expect(aging["bucket_labels"], ["current", "1-30", "31-60", "61-90", "over 90"], "labels")
    expect(totals(aging), {"USD": (["100.00", "200.00", "300.00", "400.00", "450.00"],
                                   "1450.00", 5),
                           "EUR": (["0.00", "250.00", "0.00", "0.00", "0.00"], "250.00", 1)},
           "totals per currency")
    usd = aging["totals"][1]
    expect([b["disputed"]["amount"] for b in usd["buckets"]],
           ["0.00", "0.00", "120.00", "0.00", "0.00"], "disputed part")
    expect([(r["customer"]["reference"], r["currency"], r["total"]) for r in aging["rows"]],
           [("C-1", "USD", money("1450.00")), ("C-2", "EUR", money("250.00", "EUR"))], "rows")

    earlier = cli.json("report", "aging", "--as-of", "2025-02-01", "--currency", "USD")
    expect(totals(earlier), {"USD": (["200.00", "300.00", "400.00", "0.00", "500.00"],
                                     "1400.00", 4)}, "as of an earlier date")
    custom = cli.json("report", "aging", "--buckets", "15,45", "--totals")
    expect((custom["bucket_labels"], custom["rows"]),
           (["current", "1-15", "16-45", "over 45"], []), "custom buckets, totals only")
    expect([r["customer"]["reference"] for r in
            cli.json("report", "aging", "--customer", "C-2")["rows"]], ["C-2"], "one customer")
    cli.fails(4, "report", "aging", "--buckets", "60,30")
    table = cli.run("report", "aging", "--totals").stdout.splitlines()
    expect(table[0], "Aging as of 2025-03-10", "aging title")
    expect(table[2].split(), ["TOTAL", "EUR", "1", "0.00", "250.00", "0.00", "0.00", "0.00",
                              "250.00"], "aging total row")

    cli.run("dispute", "resolve", "1", "--outcome", "credited", now="2025-03-15T09:00:00Z")
    cli.run("dispute", "open", "--invoice", "INV-D", "--reason", "QUANTITY", "--amount", "80")
    by_reason = cli.json("report", "disputes")
    expect((by_reason["grouping"], by_reason["currency"], by_reason["total_count"],
            by_reason["total_amount"]), ("reason_code", "USD", 2, money("200.00")), "report")
    expect([(r["key"], r["disputes"], r["share_bp"], r["share_percent"], r["amount"],
             r["resolved"], r["mean_days_to_resolve"], r["median_days_to_resolve"],
             r["outcomes"]["credited"], r["outcomes"]["unresolved"])
            for r in by_reason["rows"]],
           [("PRICING", 1, 5000, "50.00", money("120.00"), 1, "10.00", "10.00", 1, 0),
            ("QUANTITY", 1, 5000, "50.00", money("80.00"), 0, None, None, 0, 1)],
           "rows by reason code")
    by_month = cli.json("report", "disputes", "--by", "month", "--from", "2025-03-01")
    expect([(r["key"], r["disputes"]) for r in by_month["rows"]], [("2025-03", 2)], "by month")
    by_customer = cli.json("report", "disputes", "--by", "customer")
    expect(by_customer["rows"][0]["customer"], {"id": 1, "reference": "C-1"}, "by customer")
    expect(len(cli.json("report", "disputes", "--top", "1")["rows"]), 1, "--top")

    cli.run("dispute", "open", "--invoice", "INV-F", "--reason", "OTHER", "--amount", "10")
    cli.fails(4, "report", "disputes", message="currency")
    expect(cli.json("report", "disputes", "--currency", "EUR")["total_amount"],
           money("10.00", "EUR"), "one currency")
    lines = cli.run("report", "disputes", "--currency", "USD").stdout.splitlines()
    expect(lines[0], "All disputes, by reason code: 2 disputes, 200.00 USD", "report title")


AREAS = {
    "dispute": dispute,
    "reason": reason,
    "comm": comm,
    "timeline": timeline,
    "automation": automation,
    "event": event,
    "report": report,
}
