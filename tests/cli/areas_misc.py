"""Exit statuses, help, JSON escaping and the demo."""
import os
import re
import sqlite3

from clitest import Cli, expect, money, new_book


def exit_codes(exe, workdir):
    cli = new_book(exe, workdir)

    # 2: usage errors, with a pointer to the help.
    cli.fails(2, db=None, message="Usage: arcollect")
    cli.fails(2, "frobnicate", message="frobnicate: no such command")
    cli.fails(2, "invoice", message="Usage: arcollect invoice VERB")
    cli.fails(2, "invoice", "frobnicate", message="invoice frobnicate: no such command")
    cli.fails(2, "invoice", "list", "--colour", message="--colour: unknown option; see "
              "'arcollect invoice list --help'")
    cli.fails(2, "invoice", "show", message="expects 1 argument, got 0")
    cli.fails(2, "invoice", "show", "INV-1", "INV-2", message="unexpected argument \"INV-2\"")
    cli.fails(2, "invoice", "list", "--limit", message="--limit: needs a value")
    cli.fails(2, "book", "show", "--all=yes", message="--all")
    cli.fails(2, "customer", "list", "--all=yes", message="--all: takes no value")

    # 3: the book or a record does not exist.
    cli.fails(3, "customer", "show", "C-404", message="C-404")
    cli.fails(3, "invoice", "list", db=os.path.join(workdir, "missing.db"),
              message="missing.db: does not exist")

    # 4: a value is malformed or out of range.
    cli.fails(4, "invoice", "list", "--limit", "0", message="--limit: \"0\" is not a whole "
              "number from 1 to 10000")
    cli.fails(4, "report", "aging", "--as-of", "2025-13-01",
              message="--as-of: \"2025-13-01\" is not a date (YYYY-MM-DD)")

    # 5: already exists, or refused by a record's state.
    cli.fails(5, "customer", "add", "--reference", "C-1", "--name", "X", "--currency", "USD")
    cli.run("invoice", "add", "--customer", "C-1", "--number", "INV-1", "--line", "x|1|1.00")
    cli.fails(5, "invoice", "void", "INV-1", message="INV-1")

    # 6: another writer holds the book past the busy timeout.
    connection = sqlite3.connect(cli.db, isolation_level=None)
    try:
        connection.execute("BEGIN EXCLUSIVE")
        cli.fails(6, "--busy-timeout", "100", "customer", "add", "--reference", "C-2",
                  "--name", "X", "--currency", "USD")
    finally:
        connection.execute("ROLLBACK")
        connection.close()
    cli.run("customer", "add", "--reference", "C-2", "--name", "X", "--currency", "USD")

    # 7: the file is not a book.
    garbage = cli.write("garbage.db", "this is not a database, " * 200)
    cli.fails(7, "customer", "list", db=garbage)

    # Nothing is half-written: a payment whose application fails is not recorded.
    cli.run("invoice", "add", "--customer", "C-2", "--number", "INV-2", "--issue",
            "--line", "x|1|50.00")
    cli.fails(4, "payment", "record", "--customer", "C-1", "--amount", "50",
              "--apply", "INV-2")
    expect(cli.json("payment", "list")["payments"], [], "no payment recorded")

    expect(cli.run("--version", db=None).stdout.startswith("arcollect 0."), True, "version")


def help_area(exe, workdir):
    cli = Cli(exe, workdir)
    main = cli.run("--help", db=None).stdout
    commands = re.findall(r"^  ([a-z]+(?: [a-z-]+)?)  +\S", main.split("Commands:\n")[1],
                          re.MULTILINE)
    expect(len(commands) >= 60, True, f"commands listed ({len(commands)})")
    for command in commands:
        words = command.split()
        text = cli.run(*words, "--help", db=None).stdout
        expect(text.startswith(f"Usage: arcollect"), True, f"{command} --help")
        expect(f" {command}" in text.splitlines()[0] or command == "demo", True,
               f"{command} --help names the command")
        expect(cli.run("help", *words, db=None).stdout, text, f"help {command}")
    noun_help = cli.run("invoice", "--help", db=None).stdout
    expect("invoice show" in noun_help and "invoice import" in noun_help, True,
           "a noun's commands")


def json_area(exe, workdir):
    cli = new_book(exe, workdir)
    tricky = "Quote \" backslash \\ tab\t newline\n bell\x07 é 日本 \U0001F600"
    added = cli.json("customer", "add", "--reference", "C-2", "--name", tricky, "--currency",
                     "JPY", "--credit-limit", "1500000")
    expect(added["name"], tricky, "a name with quotes, control characters and UTF-8")
    expect(added["credit_limit"], money("1500000", "JPY"), "no decimals in JPY")
    raw = cli.run("customer", "show", "C-2", "--json").stdout
    expect("\\u0007" in raw and "\\t" in raw and "\\n" in raw and "日本" in raw, True,
           "escapes and UTF-8 in the raw text")

    cli.run("customer", "add", "--reference", "C-3", "--name", "Kuwait", "--currency", "KWD")
    cli.run("invoice", "add", "--customer", "C-3", "--number", "K-1", "--issue",
            "--line", "Fils|3|0.125")
    expect(cli.json("invoice", "show", "K-1")["total"], money("0.375", "KWD"),
           "three decimals in KWD")
    cli.fails(4, "invoice", "add", "--customer", "C-2", "--line", "Yen|1|1.5",
              message="not an amount in JPY")

    documents = [("book", "show"), ("customer", "list"), ("customer", "show", "C-1"),
                 ("contact", "list", "C-1"), ("invoice", "list"), ("payment", "list"),
                 ("credit", "list"), ("dispute", "list"), ("reason", "list"),
                 ("comm", "list"), ("event", "list"), ("report", "aging"), ("rule", "list"),
                 ("customer", "timeline", "C-1"), ("automation", "run")]
    for args in documents:
        document = cli.json(*args)
        expect(isinstance(document, dict), True, f"{' '.join(args)} --json is an object")
    table = cli.run("customer", "show", "C-2").stdout
    expect("\t" not in table and "\x07" not in table, True, "tables show no control characters")


DEMO_TODAY = "2025-06-30"


def demo(exe, workdir):
    first = Cli(exe, workdir, now=None, book="first.db")
    second = Cli(exe, workdir, now=None, book="second.db")
    other = Cli(exe, workdir, now=None, book="other.db")

    summary = first.json("demo", "--seed", "1")
    expect(summary == second.json("demo", "--seed", "1"), True, "same seed, same summary")
    expect((summary["seed"], summary["today"], summary["customers"], summary["invoices"],
            summary["disputes"]), (1, DEMO_TODAY, 300, 3604, 240),
           "the counts the demo promises: 300, 12 x 300 + 300 / 100 + 1, 4 x 300 / 5")
    expect(summary["communications"] > 1000 and summary["payments"] > 3000, True,
           "communications and payments")
    expect(len(summary["top_reason_codes"]["rows"]), 5, "the most common codes")
    expect(summary["timeline"]["items"] != [], True, "a timeline")

    reports = [("report", "aging", "--disputed"), ("report", "disputes"),
               ("report", "disputes", "--by", "month"), ("invoice", "list", "--all"),
               ("dispute", "list", "--all"), ("payment", "list", "--all")]
    for args in reports:
        expect(first.json(*args, now=DEMO_TODAY) == second.json(*args, now=DEMO_TODAY), True,
               f"same seed, same {' '.join(args)}")
    expect(len(first.json("customer", "list", "--all")["customers"]), 300, "customers")
    expect(len(first.json("invoice", "list", "--all")["invoices"]), 3604, "invoices")
    expect(len(first.json("dispute", "list", "--all")["disputes"]), 240, "disputes")
    expect(first.sql("SELECT count(*) FROM customers")[0][0], 300, "customers by SQL")
    codes = {r["key"] for r in first.json("report", "disputes")["rows"]}
    expect(len(codes), 12, "disputes over every reason code")
    statuses = {d["status"] for d in first.json("dispute", "list", "--all")["disputes"]}
    expect(statuses >= {"resolved", "escalated"}, True, "some escalated, some resolved")

    totals = first.json("report", "aging", now=DEMO_TODAY)["totals"]
    other.run("demo", "--seed", "2")
    expect(other.json("report", "aging", now=DEMO_TODAY)["totals"] != totals, True,
           "another seed, another book")
    first.fails(5, "demo", message="already has customers")

    small = Cli(exe, workdir, now=None, book="small.db").json("demo", "--customers", "50",
                                                                "--today", "2024-02-29")
    expect((small["customers"], small["invoices"], small["disputes"], small["today"]),
           (50, 601, 40, "2024-02-29"), "a small book on another day")
    process = Cli(exe, workdir, now=None, book="text.db").run("demo", "--customers", "20")
    expect(process.stderr, "", "no progress when stderr is not a terminal")
    text = process.stdout
    expect(text.splitlines()[0], f"Harborline Managed IT: a sample book in "
           f"{os.path.join(workdir, 'text.db')} (seed 1, today {DEMO_TODAY})", "first line")
    for heading in ("Aging as of 2025-06-30", "Most common dispute codes", "Timeline of C-"):
        expect(heading in text, True, f"demo prints {heading!r}")


AREAS = {
    "exit_codes": exit_codes,
    "help": help_area,
    "json": json_area,
    "demo": demo,
}
