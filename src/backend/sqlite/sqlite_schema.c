/*
 * The book's schema and its forward migrations.
 *
 * A book is a SQLite database whose application_id is "ARCB" and whose
 * user_version is its schema version. Opening a book created by an older
 * library runs every migration after its version, in order, in one
 * transaction; a book from a newer library is refused.
 */
#include <sodium.h>
#include <stdio.h>

#include "error.h"
#include "sqlite_internal.h"

/* Version 1: the receivables records. Amounts are integer minor units of
 * the row's currency; dates are 'YYYY-MM-DD'; instants are UTC ISO 8601.
 * Enumerations are checked with OR chains rather than IN lists, which SQLite
 * would turn into a temporary table on every insert. */
static const char SCHEMA_V1[] =
    "CREATE TABLE book ("
    "  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),"
    "  book_id TEXT NOT NULL,"
    "  created_at TEXT NOT NULL"
    ");"
    "CREATE TABLE sequences ("
    "  kind TEXT PRIMARY KEY CHECK (kind = 'invoice' OR kind = 'credit_memo'),"
    "  prefix TEXT NOT NULL,"
    "  next_number INTEGER NOT NULL CHECK (next_number >= 1),"
    "  width INTEGER NOT NULL CHECK (width BETWEEN 1 AND 18)"
    ");"
    "INSERT INTO sequences VALUES ('invoice', 'INV-', 1, 6), ('credit_memo', 'CM-', 1, "
    "6);"
    "CREATE TABLE customers ("
    "  id INTEGER PRIMARY KEY,"
    "  reference TEXT NOT NULL UNIQUE,"
    "  name TEXT NOT NULL,"
    "  billing_email TEXT,"
    "  phone TEXT,"
    "  currency TEXT NOT NULL CHECK (length(currency) = 3),"
    "  payment_terms_days INTEGER NOT NULL CHECK (payment_terms_days >= 0),"
    "  credit_limit INTEGER NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),"
    "  owner TEXT,"
    "  status TEXT NOT NULL"
    "    CHECK (status = 'active' OR status = 'on_hold' OR status = 'closed'),"
    "  created_at TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL"
    ");"
    "CREATE TABLE contacts ("
    "  id INTEGER PRIMARY KEY,"
    "  customer_id INTEGER NOT NULL REFERENCES customers (id),"
    "  name TEXT NOT NULL,"
    "  role TEXT,"
    "  email TEXT,"
    "  phone TEXT,"
    "  created_at TEXT NOT NULL"
    ");"
    "CREATE INDEX contacts_by_customer ON contacts (customer_id);"
    "CREATE TABLE invoices ("
    "  id INTEGER PRIMARY KEY,"
    "  number TEXT NOT NULL UNIQUE,"
    "  customer_id INTEGER NOT NULL REFERENCES customers (id),"
    "  status TEXT NOT NULL"
    "    CHECK (status = 'draft' OR status = 'open' OR status = 'partially_paid'"
    "           OR status = 'paid' OR status = 'void' OR status = 'written_off'),"
    "  currency TEXT NOT NULL CHECK (length(currency) = 3),"
    "  issue_date TEXT,"
    "  due_date TEXT,"
    "  due_date_given INTEGER NOT NULL DEFAULT 0,"
    "  memo TEXT,"
    "  subtotal INTEGER NOT NULL,"
    "  tax INTEGER NOT NULL,"
    "  total INTEGER NOT NULL,"
    "  paid INTEGER NOT NULL DEFAULT 0,"
    "  balance INTEGER NOT NULL DEFAULT 0 CHECK (balance >= 0),"
    "  closed_on TEXT,"
    "  close_reason TEXT,"
    "  created_at TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL"
    ");"
    "CREATE INDEX invoices_by_customer ON invoices (customer_id, id);"
    "CREATE INDEX invoices_open ON invoices (id, customer_id, currency, issue_date, "
    "due_date,"
    "                                        balance) WHERE balance > 0;"
    "CREATE TABLE invoice_lines ("
    "  invoice_id INTEGER NOT NULL REFERENCES invoices (id),"
    "  line_no INTEGER NOT NULL,"
    "  description TEXT NOT NULL,"
    "  quantity TEXT NOT NULL,"
    "  unit_price INTEGER NOT NULL CHECK (unit_price >= 0),"
    "  tax_rate TEXT NOT NULL,"
    "  item_code TEXT,"
    "  period_start TEXT,"
    "  period_end TEXT,"
    "  net INTEGER NOT NULL,"
    "  tax INTEGER NOT NULL,"
    "  PRIMARY KEY (invoice_id, line_no)"
    ") WITHOUT ROWID;"
    "CREATE TABLE payments ("
    "  id INTEGER PRIMARY KEY,"
    "  customer_id INTEGER NOT NULL REFERENCES customers (id),"
    "  amount INTEGER NOT NULL CHECK (amount > 0),"
    "  currency TEXT NOT NULL CHECK (length(currency) = 3),"
    "  method TEXT NOT NULL"
    "    CHECK (method = 'ach' OR method = 'card' OR method = 'check' OR method = 'wire'"
    "           OR method = 'cash' OR method = 'other'),"
    "  received_on TEXT NOT NULL,"
    "  reference TEXT,"
    "  idempotency_key TEXT UNIQUE,"
    "  applied INTEGER NOT NULL DEFAULT 0 CHECK (applied >= 0 AND applied <= amount),"
    "  reversed_on TEXT,"
    "  reversal_reason TEXT,"
    "  created_at TEXT NOT NULL"
    ");"
    "CREATE INDEX payments_by_customer ON payments (customer_id, id);"
    "CREATE TABLE credit_memos ("
    "  id INTEGER PRIMARY KEY,"
    "  number TEXT NOT NULL UNIQUE,"
    "  customer_id INTEGER NOT NULL REFERENCES customers (id),"
    "  amount INTEGER NOT NULL CHECK (amount > 0),"
    "  currency TEXT NOT NULL CHECK (length(currency) = 3),"
    "  issue_date TEXT NOT NULL,"
    "  reason TEXT,"
    "  applied INTEGER NOT NULL DEFAULT 0 CHECK (applied >= 0 AND applied <= amount),"
    "  voided_on TEXT,"
    "  void_reason TEXT,"
    "  created_at TEXT NOT NULL"
    ");"
    "CREATE INDEX credit_memos_by_customer ON credit_memos (customer_id, id);"
    "CREATE TABLE applications ("
    "  id INTEGER PRIMARY KEY,"
    "  invoice_id INTEGER NOT NULL REFERENCES invoices (id),"
    "  kind TEXT NOT NULL"
    "    CHECK (kind = 'payment' OR kind = 'credit_memo' OR kind = 'write_off'"
    "           OR kind = 'void'),"
    "  payment_id INTEGER REFERENCES payments (id),"
    "  credit_memo_id INTEGER REFERENCES credit_memos (id),"
    "  amount INTEGER NOT NULL CHECK (amount > 0),"
    "  applied_on TEXT NOT NULL,"
    "  reversed_on TEXT,"
    "  created_at TEXT NOT NULL,"
    "  CHECK ((kind = 'payment') = (payment_id IS NOT NULL)),"
    "  CHECK ((kind = 'credit_memo') = (credit_memo_id IS NOT NULL))"
    ");"
    "CREATE INDEX applications_by_invoice ON applications (invoice_id);"
    "CREATE INDEX applications_by_payment ON applications (payment_id)"
    "  WHERE payment_id IS NOT NULL;"
    "CREATE INDEX applications_by_credit_memo ON applications (credit_memo_id)"
    "  WHERE credit_memo_id IS NOT NULL;"
    "CREATE INDEX applications_by_applied_on ON applications (applied_on);"
    "CREATE INDEX applications_by_reversed_on ON applications (reversed_on)"
    "  WHERE reversed_on IS NOT NULL;";

/* Version 2: disputes and the catalog of their reason codes, which the core
 * seeds, and the append-only event journal. */
static const char SCHEMA_V2[] =
    "CREATE TABLE reason_codes ("
    "  code TEXT PRIMARY KEY,"
    "  label TEXT NOT NULL,"
    "  category TEXT NOT NULL,"
    "  description TEXT,"
    "  active INTEGER NOT NULL DEFAULT 1 CHECK (active = 0 OR active = 1),"
    "  created_at TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL"
    ") WITHOUT ROWID;"
    "CREATE TABLE disputes ("
    "  id INTEGER PRIMARY KEY,"
    "  invoice_id INTEGER NOT NULL REFERENCES invoices (id),"
    "  customer_id INTEGER NOT NULL REFERENCES customers (id),"
    "  currency TEXT NOT NULL CHECK (length(currency) = 3),"
    "  reason_code TEXT NOT NULL REFERENCES reason_codes (code),"
    "  amount INTEGER NOT NULL CHECK (amount > 0),"
    "  status TEXT NOT NULL"
    "    CHECK (status = 'open' OR status = 'in_review' OR status = 'escalated'"
    "           OR status = 'resolved' OR status = 'reopened'),"
    "  outcome TEXT NOT NULL"
    "    CHECK (outcome = 'unresolved' OR outcome = 'credited' OR outcome = 'written_off'"
    "           OR outcome = 'rejected' OR outcome = 'withdrawn'),"
    "  escalation_level INTEGER NOT NULL DEFAULT 0 CHECK (escalation_level >= 0),"
    "  opened_by TEXT NOT NULL,"
    "  owner TEXT NOT NULL,"
    "  description TEXT,"
    "  due_date TEXT,"
    "  opened_at TEXT NOT NULL,"
    "  status_changed_at TEXT NOT NULL,"
    "  resolved_on TEXT,"
    "  resolved_by TEXT,"
    "  resolved_amount INTEGER NOT NULL DEFAULT 0 CHECK (resolved_amount >= 0),"
    "  resolution_note TEXT,"
    "  credit_memo_id INTEGER REFERENCES credit_memos (id),"
    "  reopen_reason TEXT,"
    "  updated_at TEXT NOT NULL"
    ");"
    "CREATE INDEX disputes_by_invoice ON disputes (invoice_id);"
    "CREATE INDEX disputes_by_customer ON disputes (customer_id, id);"
    "CREATE INDEX disputes_by_reason ON disputes (reason_code);"
    "CREATE TABLE events ("
    "  id INTEGER PRIMARY KEY,"
    "  kind TEXT NOT NULL,"
    "  occurred_at TEXT NOT NULL,"
    "  actor TEXT,"
    "  record_id INTEGER NOT NULL,"
    "  customer_id INTEGER,"
    "  invoice_id INTEGER,"
    "  dispute_id INTEGER,"
    "  amount INTEGER,"
    "  currency TEXT,"
    "  detail TEXT"
    ");"
    "CREATE TRIGGER events_are_not_updated BEFORE UPDATE ON events"
    "  BEGIN SELECT RAISE(ABORT, 'the event journal is append-only'); END;"
    "CREATE TRIGGER events_are_not_deleted BEFORE DELETE ON events"
    "  BEGIN SELECT RAISE(ABORT, 'the event journal is append-only'); END;"
    "CREATE TABLE dispute_lines ("
    "  dispute_id INTEGER NOT NULL REFERENCES disputes (id),"
    "  line_no INTEGER NOT NULL CHECK (line_no >= 1),"
    "  PRIMARY KEY (dispute_id, line_no)"
    ") WITHOUT ROWID;";

/* Version 3: communications with customers, their links to invoices, chat
 * transcripts, and their full-text index. The index reads its text through
 * the communication_documents view (external content), so that bodies are
 * stored once; the backend adds each communication to it when inserting. */
static const char SCHEMA_V3[] =
    "CREATE TABLE communications ("
    "  id INTEGER PRIMARY KEY,"
    "  customer_id INTEGER NOT NULL REFERENCES customers (id),"
    "  channel TEXT NOT NULL"
    "    CHECK (channel = 'email' OR channel = 'chat' OR channel = 'call'"
    "           OR channel = 'note' OR channel = 'letter' OR channel = 'sms'"
    "           OR channel = 'portal'),"
    "  direction TEXT NOT NULL"
    "    CHECK (direction = 'inbound' OR direction = 'outbound'"
    "           OR direction = 'internal'),"
    "  occurred_at TEXT NOT NULL,"
    "  user_name TEXT,"
    "  subject TEXT,"
    "  body TEXT,"
    "  email_from TEXT,"
    "  email_to TEXT,"
    "  email_cc TEXT,"
    "  message_id TEXT,"
    "  in_reply_to TEXT,"
    "  thread_id TEXT,"
    "  phone_number TEXT,"
    "  call_duration INTEGER CHECK (call_duration IS NULL OR call_duration >= 0),"
    "  call_outcome TEXT"
    "    CHECK (call_outcome IS NULL OR call_outcome = 'reached'"
    "           OR call_outcome = 'voicemail' OR call_outcome = 'no_answer'"
    "           OR call_outcome = 'promise_to_pay' OR call_outcome = 'refused'),"
    "  dispute_id INTEGER REFERENCES disputes (id),"
    "  created_at TEXT NOT NULL"
    ");"
    "CREATE INDEX communications_by_time ON communications (occurred_at, id);"
    "CREATE INDEX communications_by_customer"
    "  ON communications (customer_id, occurred_at, id);"
    "CREATE INDEX communications_by_dispute"
    "  ON communications (dispute_id, occurred_at, id)"
    "  WHERE dispute_id IS NOT NULL;"
    "CREATE INDEX communications_by_thread"
    "  ON communications (customer_id, thread_id, occurred_at, id)"
    "  WHERE thread_id IS NOT NULL;"
    "CREATE UNIQUE INDEX communications_by_message_id ON communications (message_id)"
    "  WHERE message_id IS NOT NULL;"
    "CREATE TABLE communication_invoices ("
    "  communication_id INTEGER NOT NULL REFERENCES communications (id),"
    "  invoice_id INTEGER NOT NULL REFERENCES invoices (id),"
    "  PRIMARY KEY (communication_id, invoice_id)"
    ") WITHOUT ROWID;"
    "CREATE INDEX communication_invoices_by_invoice"
    "  ON communication_invoices (invoice_id, communication_id);"
    "CREATE TABLE chat_messages ("
    "  id INTEGER PRIMARY KEY,"
    "  communication_id INTEGER NOT NULL REFERENCES communications (id),"
    "  seq INTEGER NOT NULL CHECK (seq >= 1),"
    "  author TEXT NOT NULL,"
    "  sent_at TEXT NOT NULL,"
    "  text TEXT NOT NULL,"
    "  UNIQUE (communication_id, seq)"
    ");"
    "CREATE VIEW communication_documents (id, subject, body, participants, scope) AS"
    "  SELECT c.id, c.subject,"
    "    CASE WHEN c.channel = 'chat' THEN"
    "      coalesce(c.body || char(10), '') || coalesce((SELECT group_concat(t, char(10))"
    "        FROM (SELECT m.text AS t FROM chat_messages m"
    "              WHERE m.communication_id = c.id ORDER BY m.seq)), '')"
    "    ELSE c.body END,"
    "    coalesce(c.user_name, '') || ' ' || coalesce(c.email_from, '') || ' '"
    "      || coalesce(c.email_to, '') || ' ' || coalesce(c.email_cc, '') || ' '"
    "      || coalesce(c.phone_number, '') || ' '"
    "      || coalesce((SELECT group_concat(a, ' ') FROM (SELECT m.author AS a"
    "           FROM chat_messages m WHERE m.communication_id = c.id"
    "           GROUP BY m.author ORDER BY min(m.seq))), '')"
    "    , 'c' || c.customer_id"
    "  FROM communications c;"
    "CREATE VIRTUAL TABLE communications_fts USING fts5 ("
    "  subject, body, participants, scope, content = 'communication_documents',"
    "  content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'"
    ");";

/* Version 4: the timeline's indexes over the event journal, escalation rules
 * and the record of their firings (by the number of the state a dispute
 * is in, which grows with every change of state), and the marks that keep overdue alerts
 * from repeating. An event reaches a customer's timeline when its kind is
 * one of those listed in events_by_customer (sqlite_timeline.c repeats the
 * list so that the planner uses the index). */
static const char SCHEMA_V4[] =
    "CREATE INDEX events_by_customer ON events (customer_id, occurred_at, id)"
    "  WHERE customer_id IS NOT NULL AND (kind = 'invoice.issued'"
    "    OR kind = 'invoice.voided' OR kind = 'invoice.written_off'"
    "    OR kind = 'invoice.overdue' OR kind = 'payment.received'"
    "    OR kind = 'payment.reversed' OR kind = 'credit_memo.created'"
    "    OR kind = 'credit_memo.voided' OR kind = 'dispute.opened'"
    "    OR kind = 'dispute.escalated' OR kind = 'dispute.resolved'"
    "    OR kind = 'dispute.reopened' OR kind = 'dispute.overdue'"
    "    OR kind = 'dispute.alert');"
    "CREATE INDEX events_by_invoice ON events (invoice_id, occurred_at, id)"
    "  WHERE invoice_id IS NOT NULL;"
    "CREATE INDEX events_by_dispute ON events (dispute_id, occurred_at, id)"
    "  WHERE dispute_id IS NOT NULL;"
    "CREATE TABLE escalation_rules ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE,"
    "  active INTEGER NOT NULL DEFAULT 1 CHECK (active = 0 OR active = 1),"
    "  statuses INTEGER NOT NULL CHECK (statuses >= 0),"
    "  min_days_in_state INTEGER NOT NULL CHECK (min_days_in_state >= 0),"
    "  min_amount INTEGER NOT NULL CHECK (min_amount >= 0),"
    "  currency TEXT CHECK (currency IS NULL OR length(currency) = 3),"
    "  reason_code TEXT REFERENCES reason_codes (code),"
    "  min_days_since_contact INTEGER NOT NULL CHECK (min_days_since_contact >= 0),"
    "  below_level INTEGER NOT NULL CHECK (below_level >= 0),"
    "  actions INTEGER NOT NULL CHECK (actions >= 0),"
    "  assign_to TEXT,"
    "  due_in_days INTEGER NOT NULL CHECK (due_in_days >= 0),"
    "  created_at TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL"
    ");"
    "CREATE TABLE rule_firings ("
    "  dispute_id INTEGER NOT NULL REFERENCES disputes (id),"
    "  rule_id INTEGER NOT NULL REFERENCES escalation_rules (id),"
    "  state_seq INTEGER NOT NULL,"
    "  fired_at TEXT NOT NULL,"
    "  PRIMARY KEY (dispute_id, rule_id, state_seq)"
    ") WITHOUT ROWID;"
    "CREATE INDEX rule_firings_by_rule ON rule_firings (rule_id);"
    "ALTER TABLE invoices ADD COLUMN overdue_alerted INTEGER NOT NULL DEFAULT 0"
    "  CHECK (overdue_alerted = 0 OR overdue_alerted = 1);"
    "CREATE INDEX invoices_overdue ON invoices (due_date, id)"
    "  WHERE balance > 0 AND overdue_alerted = 0;"
    "ALTER TABLE disputes ADD COLUMN overdue_alerted_for TEXT;"
    "ALTER TABLE disputes ADD COLUMN state_seq INTEGER NOT NULL DEFAULT 0"
    "  CHECK (state_seq >= 0);";

/* Migration i brings a book from schema version i to i + 1. */
static const char *const MIGRATIONS[ARC_SQLITE_SCHEMA_VERSION] = {
    SCHEMA_V1,
    SCHEMA_V2,
    SCHEMA_V3,
    SCHEMA_V4,
};

/* The version whose migration creates the reason code catalog. */
#define REASON_CODES_VERSION 2

static int read_pragma_int(arc_store *store, const char *sql, int *out)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(store->conn, sql, -1, &stmt, NULL);

    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        *out = sqlite3_column_int(stmt, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    if (rc == SQLITE_NOTADB)
        return arc_fail(ARC_ENOTBOOK, "book %s: not a libarcollect book (not a database)",
                        store->path);
    if (rc != SQLITE_OK) {
        char what[600];

        snprintf(what, sizeof(what), "book %s: reading its schema", store->path);
        return arc_sqlite_fail(store, sqlite3_extended_errcode(store->conn), what);
    }
    return ARC_OK;
}

static int insert_book_row(arc_store *store, arc_time now)
{
    unsigned char random[16];
    char book_id[33];
    sqlite3_stmt *stmt;
    int rc;

    if (sodium_init() < 0)
        return arc_fail(ARC_ERROR, "book: the random generator could not be initialised");
    randombytes_buf(random, sizeof(random));
    sodium_bin2hex(book_id, sizeof(book_id), random, sizeof(random));

    stmt = arc_sqlite_stmt(store, "INSERT INTO book (singleton, book_id, created_at)"
                                  " VALUES (1, ?1, ?2)");
    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_text(stmt, 1, book_id, -1, SQLITE_TRANSIENT);
    arc_sqlite_bind_time(stmt, 2, now);
    rc = arc_sqlite_exec_stmt(store, stmt, "book: creating");
    return rc;
}

/* A book that gains the reason code catalog gets the core's seed codes. */
static int seed_reason_codes(arc_store *store, int from_version,
                             const struct arc_store_config *cfg)
{
    int rc = ARC_OK;

    for (size_t i = 0; from_version < REASON_CODES_VERSION && i < cfg->reason_seed_count;
         i++) {
        struct arc_reason_code seed = cfg->reason_seeds[i];

        seed.created_at = seed.updated_at = cfg->now;
        rc = arc_sqlite_reason_code_insert(store, &seed);
        if (rc != ARC_OK)
            break;
    }
    return rc;
}

static int migrate(arc_store *store, int from_version, const struct arc_store_config *cfg)
{
    char pragma[64];
    int rc;

    for (int version = from_version; version < ARC_SQLITE_SCHEMA_VERSION; version++) {
        rc = arc_sqlite_exec(store, MIGRATIONS[version], "book: migrating the schema");
        if (rc != ARC_OK)
            return rc;
    }

    if (from_version == 0) {
        rc = insert_book_row(store, cfg->now);
        if (rc != ARC_OK)
            return rc;
    }
    rc = seed_reason_codes(store, from_version, cfg);
    if (rc != ARC_OK)
        return rc;

    snprintf(pragma, sizeof(pragma),
             "PRAGMA application_id = %d; PRAGMA user_version = %d",
             ARC_SQLITE_APPLICATION_ID, ARC_SQLITE_SCHEMA_VERSION);
    return arc_sqlite_exec(store, pragma, "book: migrating the schema");
}

static int check_book(arc_store *store, int *version)
{
    int application_id, object_count;
    int rc;

    rc = read_pragma_int(store, "PRAGMA application_id", &application_id);
    if (rc == ARC_OK)
        rc = read_pragma_int(store, "PRAGMA user_version", version);
    if (rc == ARC_OK)
        rc = read_pragma_int(store, "SELECT count(*) FROM sqlite_schema", &object_count);
    if (rc != ARC_OK)
        return rc;

    if (application_id == 0 && object_count == 0) {
        *version = 0;
        return ARC_OK;
    }
    if (application_id != ARC_SQLITE_APPLICATION_ID)
        return arc_fail(ARC_ENOTBOOK, "book %s: not a libarcollect book", store->path);
    if (*version > ARC_SQLITE_SCHEMA_VERSION)
        return arc_fail(ARC_EVERSION,
                        "book %s: schema version %d is newer than this library's (%d)",
                        store->path, *version, ARC_SQLITE_SCHEMA_VERSION);
    if (*version < 1)
        return arc_fail(ARC_ENOTBOOK, "book %s: schema version %d is not valid",
                        store->path, *version);
    return ARC_OK;
}

int arc_sqlite_schema_check(arc_store *store, const struct arc_store_config *cfg)
{
    int version = 0;
    int rc = check_book(store, &version);

    if (rc == ARC_OK && version == 0 && (cfg->flags & ARC_DB_NO_CREATE))
        return arc_fail(ARC_ENOTFOUND, "book %s: does not exist (the file is empty)",
                        store->path);
    return rc;
}

int arc_sqlite_schema_prepare(arc_store *store, const struct arc_store_config *cfg)
{
    int version = 0;
    int rc;

    rc = check_book(store, &version);
    if (rc != ARC_OK || version == ARC_SQLITE_SCHEMA_VERSION)
        return rc;

    /* Migrate under the write lock, then look again: another process may
     * have created or migrated the book meanwhile. */
    rc = arc_sqlite_exec(store, "BEGIN IMMEDIATE", "book: locking to migrate");
    if (rc != ARC_OK)
        return rc;
    rc = check_book(store, &version);
    if (rc == ARC_OK && version < ARC_SQLITE_SCHEMA_VERSION)
        rc = migrate(store, version, cfg);
    if (rc == ARC_OK)
        return arc_sqlite_exec(store, "COMMIT", "book: committing the migration");

    sqlite3_exec(store->conn, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}
