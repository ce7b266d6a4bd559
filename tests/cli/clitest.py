"""What the CLI tests share: running the command on a book and checking what
it printed. Only the Python standard library is used."""
import json
import os
import sqlite3
import subprocess


class Failure(Exception):
    """A check that did not hold."""


CHECKS = [0]


def expect(actual, expected, what):
    """Check that ACTUAL is EXPECTED; WHAT names the figure in the failure."""
    CHECKS[0] += 1
    if actual != expected:
        raise Failure(f"{what}: got {actual!r}, expected {expected!r}")


def money(amount, currency="USD"):
    """An amount as --json prints it."""
    return {"amount": amount, "currency": currency}


class Cli:
    """Runs the command on one book, with a fixed clock (ARCOLLECT_NOW) and
    user (ARCOLLECT_USER), from a directory of its own."""

    def __init__(self, exe, workdir, now="2025-03-10T09:00:00Z", book="book.db"):
        self.exe = exe
        self.dir = workdir
        self.db = os.path.join(workdir, book)
        self.now = now

    def _environment(self, now, extra):
        env = {k: v for k, v in os.environ.items() if not k.startswith("ARCOLLECT_")}
        env["ARCOLLECT_USER"] = "tester"
        if now is not None:
            env["ARCOLLECT_NOW"] = now
        env.update(extra or {})
        return env

    def run(self, *args, status=0, now="", stdin=None, db="", env=None):
        """Run with ARGS and check the exit status. now=None uses the system
        clock, db=None gives no --db. Returns the finished process."""
        book = self.db if db == "" else db
        command = [self.exe] + (["--db", book] if book else []) + [str(a) for a in args]
        process = subprocess.run(command, capture_output=True, text=True, input=stdin,
                                 cwd=self.dir, timeout=120,
                                 env=self._environment(self.now if now == "" else now, env))
        CHECKS[0] += 1
        if process.returncode != status:
            raise Failure(f"arcollect {' '.join(command[1:])}: exit status "
                          f"{process.returncode}, expected {status}\n"
                          f"stdout: {process.stdout}\nstderr: {process.stderr}")
        if status != 0 and process.stderr.strip() == "":
            raise Failure(f"arcollect {' '.join(command[1:])}: failed, nothing on stderr")
        return process

    def json(self, *args, **kwargs):
        """Run with ARGS and --json; return the parsed document."""
        process = self.run(*args, "--json", **kwargs)
        try:
            return json.loads(process.stdout)
        except json.JSONDecodeError as error:
            raise Failure(f"arcollect {' '.join(map(str, args))} --json: not JSON "
                          f"({error}):\n{process.stdout}") from error

    def fails(self, status, *args, message=None, **kwargs):
        """Run ARGS expecting exit STATUS, an empty stdout and MESSAGE on
        stderr; return stderr."""
        process = self.run(*args, status=status, **kwargs)
        if message is not None and message not in process.stderr:
            raise Failure(f"arcollect {' '.join(map(str, args))}: stderr lacks "
                          f"{message!r}:\n{process.stderr}")
        return process.stderr

    def write(self, name, text):
        """Write a file in the test's directory; return its path."""
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        return path

    def sql(self, query, *params):
        """Read the book with plain SQL."""
        connection = sqlite3.connect(self.db)
        try:
            return connection.execute(query, params).fetchall()
        finally:
            connection.close()


def new_book(exe, workdir, **kwargs):
    """A new book with one USD customer, C-1, on net 30."""
    cli = Cli(exe, workdir, **kwargs)
    cli.run("book", "create")
    cli.run("customer", "add", "--reference", "C-1", "--name", "Contoso Dental",
            "--currency", "USD")
    return cli
