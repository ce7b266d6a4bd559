/*
 * The PostgreSQL schema, its forward migrations, and opening or creating a
 * book in it.
 *
 * One schema, arcollect, holds every book of the database. Each table's
 * primary key starts with the book, and its foreign keys name the book too,
 * so a book is the unit a distributed PostgreSQL can shard on (Citus:
 * distribute every table by "book"). The model is the SQLite book's, schema
 * version 4, with PostgreSQL types: date, timestamptz, bigint, boolean.
 * Keys and codes compare byte by byte (COLLATE "C"), as SQLite does, so
 * that lists sort the same on both backends.
 *
 * arcollect.schema_info holds the schema version. Opening a database whose
 * schema is older runs the missing migrations in one transaction, under an
 * advisory lock so that processes starting at once do not race; a schema
 * newer than this library's is refused.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "pg_internal.h"

/* pg_advisory_xact_lock key of schema changes ("ARCB"). */
#define SCHEMA_LOCK_KEY "1095910210"

/*
 * Version 1. A book's row in books is also its write lock (see
 * pg_internal.h); write_seq counts its committed write transactions, and
 * the next_*_id columns are its id counters. A program that changes a
 * book's rows with plain SQL should add 1 to write_seq in the same
 * transaction, so that open connections drop what they cached.
 *
 * The search column of communications is the document of full-text search:
 * subject (weight A), participants (B) and body with chat texts (C), with
 * ASCII punctuation read as spaces so that words split as in the SQLite
 * book's tokenizer ("dana@acme.example" is three words).
 */
static const char SCHEMA_V1[] =
    "CREATE TABLE arcollect.books ("
    "  book text COLLATE \"C\" PRIMARY KEY,"
    "  book_id text NOT NULL,"
    "  created_at timestamptz NOT NULL,"
    "  write_seq bigint NOT NULL DEFAULT 0,"
    "  next_customer_id bigint NOT NULL DEFAULT 1,"
    "  next_contact_id bigint NOT NULL DEFAULT 1,"
    "  next_invoice_id bigint NOT NULL DEFAULT 1,"
    "  next_payment_id bigint NOT NULL DEFAULT 1,"
    "  next_credit_memo_id bigint NOT NULL DEFAULT 1,"
    "  next_application_id bigint NOT NULL DEFAULT 1,"
    "  next_dispute_id bigint NOT NULL DEFAULT 1,"
    "  next_event_id bigint NOT NULL DEFAULT 1,"
    "  next_communication_id bigint NOT NULL DEFAULT 1,"
    "  next_rule_id bigint NOT NULL DEFAULT 1"
    ");"
    "CREATE TABLE arcollect.sequences ("
    "  book text COLLATE \"C\" NOT NULL REFERENCES arcollect.books (book),"
    "  kind text NOT NULL CHECK (kind IN ('invoice', 'credit_memo')),"
    "  prefix text NOT NULL,"
    "  next_number bigint NOT NULL CHECK (next_number >= 1),"
    "  width int NOT NULL CHECK (width BETWEEN 1 AND 18),"
    "  PRIMARY KEY (book, kind)"
    ");"
    "CREATE TABLE arcollect.customers ("
    "  book text COLLATE \"C\" NOT NULL REFERENCES arcollect.books (book),"
    "  id bigint NOT NULL,"
    "  reference text COLLATE \"C\" NOT NULL,"
    "  name text NOT NULL,"
    "  billing_email text,"
    "  phone text,"
    "  currency text COLLATE \"C\" NOT NULL CHECK (length(currency) = 3),"
    "  payment_terms_days int NOT NULL CHECK (payment_terms_days >= 0),"
    "  credit_limit bigint NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),"
    "  owner text,"
    "  status text NOT NULL CHECK (status IN ('active', 'on_hold', 'closed')),"
    "  created_at timestamptz NOT NULL,"
    "  updated_at timestamptz NOT NULL,"
    "  PRIMARY KEY (book, id),"
    "  UNIQUE (book, reference)"
    ");"
    "CREATE TABLE arcollect.contacts ("
    "  book text COLLATE \"C\" NOT NULL,"
    "  id bigint NOT NULL,"
    "  customer_id bigint NOT NULL,"
    "  name text NOT NULL,"
    "  role text,"
    "  email text,"
    "  phone text,"
    "  created_at timestamptz NOT NULL,"
    "  PRIMARY KEY (book, id),"
    "  FOREIGN KEY (book, customer_id) REFERENCES arcollect.customers (book, id)"
    ");"
    "CREATE INDEX contacts_by_customer ON arcollect.contacts (book, customer_id);"
    "CREATE TABLE arcollect.invoices ("
    "  book text COLLATE \"C\" NOT NULL,"
    "  id bigint NOT NULL,"
    "  number text COLLATE \"C\" NOT NULL,"
    "  customer_id bigint NOT NULL,"
    "  status text NOT NULL CHECK (status IN ('draft', 'open', 'partially_paid', 'paid',"
    "    'void', 'written_off')),"
    "  currency text COLLATE \"C\" NOT NULL CHECK (length(currency) = 3),"
    "  issue_date date,"
    "  due_date date,"
    "  due_date_given boolean NOT NULL DEFAULT false,"
    "  memo text,"
    "  subtotal bigint NOT NULL,"
    "  tax bigint NOT NULL,"
    "  total bigint NOT NULL,"
    "  paid bigint NOT NULL DEFAULT 0,"
    "  balance bigint NOT NULL DEFAULT 0 CHECK (balance >= 0),"
    "  closed_on date,"
    "  close_reason text,"
    "  created_at timestamptz NOT NULL,"
    "  updated_at timestamptz NOT NULL,"
    "  overdue_alerted boolean NOT NULL DEFAULT false,"
    "  PRIMARY KEY (book, id),"
    "  UNIQUE (book, number),"
    "  FOREIGN KEY (book, customer_id) REFERENCES arcollect.customers (book, id)"
    ");"
    "CREATE INDEX invoices_by_customer ON arcollect.invoices (book, customer_id, id);"
    "CREATE INDEX invoices_open ON arcollect.invoices (book, customer_id, currency)"
    "  WHERE balance > 0;"
    "CREATE INDEX invoices_overdue ON arcollect.invoices (book, due_date, id)"
    "  WHERE balance > 0 AND NOT overdue_alerted;"
    "CREATE TABLE arcollect.invoice_lines ("
    "  book text COLLATE \"C\" NOT NULL,"
    "  invoice_id bigint NOT NULL,"
    "  line_no int NOT NULL,"
    "  description text NOT NULL,"
    "  quantity text NOT NULL,"
    "  unit_price bigint NOT NULL CHECK (unit_price >= 0),"
    "  tax_rate text NOT NULL,"
    "  item_code text,"
    "  period_start date,"
    "  period_end date,"
    "  net bigint NOT NULL,"
    "  tax bigint NOT NULL,"
    "  PRIMARY KEY (book, invoice_id, line_no),"
    "  FOREIGN KEY (book, invoice_id) REFERENCES arcollect.invoices (book, id)"
    ");"
    "CREATE TABLE arcollect.payments ("
    "  book text COLLATE \"C\" NOT NULL,"
    "  id bigint NOT NULL,"
    "  customer_id bigint NOT NULL,"
    "  amount bigint NOT NULL CHECK (amount > 0),"
    "  currency text COLLATE \"C\" NOT NULL CHECK (length(currency) = 3),"
    "  method text NOT NULL CHECK (method IN ('ach', 'card', 'check', 'wire', 'cash',"
    "    'other')),"
    "  received_on date NOT NULL,"
    "  reference text,"
    "  idempotency_key text COLLATE \"C\","
    "  applied bigint NOT NULL DEFAULT 0 CHECK (applied >= 0 AND applied <= amount),"
    "  reversed_on date,"
    "  reversal_reason text,"
    "  created_at timestamptz NOT NULL,"
    "  PRIMARY KEY (book, id),"
    "  UNIQUE (book, idempotency_key),"
    "  FOREIGN KEY (book, customer_id) REFERENCES arcollect.customers (book, id)"
    ");"
    "CREATE INDEX payments_by_customer ON arcollect.payments (book, customer_id, id);"
    "CREATE TABLE arcollect.credit_memos ("
    "  book text COLLATE \"C\" NOT NULL,"
    "  id bigint NOT NULL,"
    "  number text COLLATE \"C\" NOT NULL,"
    "  customer_id bigint NOT NULL,"
    "  amount bigint NOT NULL CHECK (amount > 0),"
    "  currency text COLLATE \"C\" NOT NULL CHECK (length(currency) = 3),"
    "  issue_date date NOT NULL,"
    "  reason text,"
    "  applied bigint NOT NULL DEFAULT 0 CHECK (applied >= 0 AND applied <= amount),"
    "  voided_on date,"
    "  void_reason text,"
    "  created_at timestamptz NOT NULL,"
    "  PRIMARY KEY (book, id),"
    "  UNIQUE (book, number),"
    "  FOREIGN KEY (book, customer_id) REFERENCES arcollect.customers (book, id)"
    ");"
    "CREATE INDEX credit_memos_by_customer ON arcollect.credit_memos"
    "  (book, customer_id, id);"
    "CREATE TABLE arcollect.applications ("
    "  book text COLLATE \"C\" NOT NULL,"
    "  id bigint NOT NULL,"
    "  invoice_id bigint NOT NULL,"
    "  kind text NOT NULL CHECK (kind IN ('payment', 'credit_memo', 'write_off', "
    "'void')),"
    "  payment_id bigint,"
    "  credit_memo_id bigint,"
    "  amount bigint NOT NULL CHECK (amount > 0),"
    "  applied_on date NOT NULL,"
    "  reversed_on date,"
    "  created_at timestamptz NOT NULL,"
    "  PRIMARY KEY (book, id),"
    "  FOREIGN KEY (book, invoice_id) REFERENCES arcollect.invoices (book, id),"
    "  FOREIGN KEY (book, payment_id) REFERENCES arcollect.payments (book, id),"
    "  FOREIGN KEY (book, credit_memo_id) REFERENCES arcollect.credit_memos (book, id),"
    "  CHECK ((kind = 'payment') = (payment_id IS NOT NULL)),"
    "  CHECK ((kind = 'credit_memo') = (credit_memo_id IS NOT NULL))"
    ");"
    "CREATE INDEX applications_by_invoice ON arcollect.applications (book, invoice_id);"
    "CREATE INDEX applications_by_payment ON arcollect.applications (book, payment_id)"
    "  WHERE payment_id IS NOT NULL;"
    "CREATE INDEX applications_by_credit_memo ON arcollect.applications"
    "  (book, credit_memo_id) WHERE credit_memo_id IS NOT NULL;"
    "CREATE INDEX applications_by_applied_on ON arcollect.applications"
    "  (book, applied_on);"
    "CREATE INDEX applications_by_reversed_on ON arcollect.applications"
    "  (book, reversed_on) WHERE reversed_on IS NOT NULL;"
    "CREATE TABLE arcollect.reason_codes ("
    "  book text COLLATE \"C\" NOT NULL REFERENCES arcollect.books (book),"
    "  code text COLLATE \"C\" NOT NULL,"
    "  label text NOT NULL,"
    "  category text NOT NULL,"
    "  description text,"
    "  active boolean NOT NULL DEFAULT true,"
    "  created_at timestamptz NOT NULL,"
    "  updated_at timestamptz NOT NULL,"
    "  PRIMARY KEY (book, code)"
    ");"
    "CREATE TABLE arcollect.disputes ("
    "  book text COLLATE \"C\" NOT NULL,"
    "  id bigint NOT NULL,"
    "  invoice_id bigint NOT NULL,"
    "  customer_id bigint NOT NULL,"
    "  currency text COLLATE \"C\" NOT NULL CHECK (length(currency) = 3),"
    "  reason_code text COLLATE \"C\" NOT NULL,"
    "  amount bigint NOT NULL CHECK (amount > 0),"
    "  status text NOT NULL CHECK (status IN ('open', 'in_review', 'escalated',"
    "    'resolved', 'reopened')),"
    "  outcome text NOT NULL CHECK (outcome IN ('unresolved', 'credited', 'written_off',"
    "    'rejected', 'withdrawn')),"
    "  escalation_level int NOT NULL DEFAULT 0 CHECK (escalation_level >= 0),"
    "  opened_by text NOT NULL,"
    "  owner text NOT NULL,"
    "  description text,"
    "  due_date date,"
    "  opened_at timestamptz NOT NULL,"
    "  status_changed_at timestamptz NOT NULL,"
    "  resolved_on date,"
    "  resolved_by text,"
    "  resolved_amount bigint NOT NULL DEFAULT 0 CHECK (resolved_amount >= 0),"
    "  resolution_note text,"
    "  credit_memo_id bigint,"
    "  reopen_reason text,"
    "  updated_at timestamptz NOT NULL,"
    "  overdue_alerted_for date,"
    "  state_seq bigint NOT NULL DEFAULT 0 CHECK (state_seq >= 0),"
    "  PRIMARY KEY (book, id),"
    "  FOREIGN KEY (book, invoice_id) REFERENCES arcollect.invoices (book, id),"
    "  FOREIGN KEY (book, customer_id) REFERENCES arcollect.customers (book, id),"
    "  FOREIGN KEY (book, reason_code) REFERENCES arcollect.reason_codes (book, code),"
    "  FOREIGN KEY (book, credit_memo_id) REFERENCES arcollect.credit_memos (book, id)"
    ");"
    "CREATE INDEX disputes_by_invoice ON arcollect.disputes (book, invoice_id);"
    "CREATE INDEX disputes_by_customer ON arcollect.disputes (book, customer_id, id);"
    "CREATE INDEX disputes_by_reason ON arcollect.disputes (book, reason_code);"
    "CREATE INDEX disputes_unresolved ON arcollect.disputes (book, id)"
    "  WHERE status <> 'resolved';"
    "CREATE TABLE arcollect.dispute_lines ("
    "  book text COLLATE \"C\" NOT NULL,"
    "  dispute_id bigint NOT NULL,"
    "  line_no int NOT NULL CHECK (line_no >= 1),"
    "  PRIMARY KEY (book, dispute_id, line_no),"
    "  FOREIGN KEY (book, dispute_id) REFERENCES arcollect.disputes (book, id)"
    ");"
    "CREATE TABLE arcollect.events ("
    "  book text COLLATE \"C\" NOT NULL,"
    "  id bigint NOT NULL,"
    "  kind text COLLATE \"C\" NOT NULL,"
    "  occurred_at timestamptz NOT NULL,"
    "  actor text,"
    "  record_id bigint NOT NULL,"
    "  customer_id bigint,"
    "  invoice_id bigint,"
    "  dispute_id bigint,"
    "  amount bigint,"
    "  currency text COLLATE \"C\","
    "  detail text,"
    "  PRIMARY KEY (book, id)"
    ");"
    "CREATE INDEX events_by_customer ON arcollect.events"
    "  (book, customer_id, occurred_at, id)"
    "  WHERE customer_id IS NOT NULL AND kind IN ('invoice.issued', 'invoice.voided',"
    "    'invoice.written_off', 'invoice.overdue', 'payment.received',"
    "    'payment.reversed', 'credit_memo.created', 'credit_memo.voided',"
    "    'dispute.opened', 'dispute.escalated', 'dispute.resolved', 'dispute.reopened',"
    "    'dispute.overdue', 'dispute.alert');"
    "CREATE INDEX events_by_invoice ON arcollect.events (book, invoice_id, occurred_at, "
    "id)"
    "  WHERE invoice_id IS NOT NULL;"
    "CREATE INDEX events_by_dispute ON arcollect.events (book, dispute_id, occurred_at, "
    "id)"
    "  WHERE dispute_id IS NOT NULL;"
    "CREATE FUNCTION arcollect.events_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$"
    "BEGIN"
    "  IF TG_OP = 'DELETE' AND OLD.book ="
    "      current_setting('arcollect.deleting_book', true) THEN"
    "    RETURN OLD;"
    "  END IF;"
    "  RAISE EXCEPTION 'the event journal is append-only';"
    "END $$;"
    "CREATE TRIGGER events_are_append_only BEFORE UPDATE OR DELETE ON arcollect.events"
    "  FOR EACH ROW EXECUTE FUNCTION arcollect.events_append_only();"
    "CREATE FUNCTION arcollect.search_words(text) RETURNS text"
    "  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS"
    "  $$ SELECT translate($1, '!\"#$%&''()*+,-./:;<=>?@[\\]^_`{|}~',"
    "                         '                                ') $$;"
    "CREATE TABLE arcollect.communications ("
    "  book text COLLATE \"C\" NOT NULL,"
    "  id bigint NOT NULL,"
    "  customer_id bigint NOT NULL,"
    "  channel text NOT NULL CHECK (channel IN ('email', 'chat', 'call', 'note', "
    "'letter',"
    "    'sms', 'portal')),"
    "  direction text NOT NULL CHECK (direction IN ('inbound', 'outbound', 'internal')),"
    "  occurred_at timestamptz NOT NULL,"
    "  user_name text,"
    "  subject text,"
    "  body text,"
    "  email_from text,"
    "  email_to text,"
    "  email_cc text,"
    "  message_id text COLLATE \"C\","
    "  in_reply_to text,"
    "  thread_id text COLLATE \"C\","
    "  phone_number text,"
    "  call_duration bigint CHECK (call_duration IS NULL OR call_duration >= 0),"
    "  call_outcome text CHECK (call_outcome IS NULL OR call_outcome IN ('reached',"
    "    'voicemail', 'no_answer', 'promise_to_pay', 'refused')),"
    "  dispute_id bigint,"
    "  created_at timestamptz NOT NULL,"
    "  search tsvector NOT NULL,"
    "  PRIMARY KEY (book, id),"
    "  FOREIGN KEY (book, customer_id) REFERENCES arcollect.customers (book, id),"
    "  FOREIGN KEY (book, dispute_id) REFERENCES arcollect.disputes (book, id)"
    ");"
    "CREATE INDEX communications_by_time ON arcollect.communications"
    "  (book, occurred_at, id);"
    "CREATE INDEX communications_by_customer ON arcollect.communications"
    "  (book, customer_id, occurred_at, id);"
    "CREATE INDEX communications_by_dispute ON arcollect.communications"
    "  (book, dispute_id, occurred_at, id) WHERE dispute_id IS NOT NULL;"
    "CREATE INDEX communications_by_thread ON arcollect.communications"
    "  (book, customer_id, thread_id, occurred_at, id) WHERE thread_id IS NOT NULL;"
    "CREATE UNIQUE INDEX communications_by_message_id ON arcollect.communications"
    "  (book, message_id) WHERE message_id IS NOT NULL;"
    "CREATE INDEX communications_search ON arcollect.communications USING gin (search);"
    "CREATE TABLE arcollect.communication_invoices ("
    "  book text COLLATE \"C\" NOT NULL,"
    "  communication_id bigint NOT NULL,"
    "  invoice_id bigint NOT NULL,"
    "  PRIMARY KEY (book, communication_id, invoice_id),"
    "  FOREIGN KEY (book, communication_id)"
    "    REFERENCES arcollect.communications (book, id),"
    "  FOREIGN KEY (book, invoice_id) REFERENCES arcollect.invoices (book, id)"
    ");"
    "CREATE INDEX communication_invoices_by_invoice ON arcollect.communication_invoices"
    "  (book, invoice_id, communication_id);"
    "CREATE TABLE arcollect.chat_messages ("
    "  book text COLLATE \"C\" NOT NULL,"
    "  communication_id bigint NOT NULL,"
    "  seq int NOT NULL CHECK (seq >= 1),"
    "  author text NOT NULL,"
    "  sent_at timestamptz NOT NULL,"
    "  text text NOT NULL,"
    "  PRIMARY KEY (book, communication_id, seq),"
    "  FOREIGN KEY (book, communication_id)"
    "    REFERENCES arcollect.communications (book, id)"
    ");"
    "CREATE TABLE arcollect.escalation_rules ("
    "  book text COLLATE \"C\" NOT NULL REFERENCES arcollect.books (book),"
    "  id bigint NOT NULL,"
    "  name text COLLATE \"C\" NOT NULL,"
    "  active boolean NOT NULL DEFAULT true,"
    "  statuses int NOT NULL CHECK (statuses >= 0),"
    "  min_days_in_state int NOT NULL CHECK (min_days_in_state >= 0),"
    "  min_amount bigint NOT NULL CHECK (min_amount >= 0),"
    "  currency text COLLATE \"C\" CHECK (currency IS NULL OR length(currency) = 3),"
    "  reason_code text COLLATE \"C\","
    "  min_days_since_contact int NOT NULL CHECK (min_days_since_contact >= 0),"
    "  below_level int NOT NULL CHECK (below_level >= 0),"
    "  actions int NOT NULL CHECK (actions >= 0),"
    "  assign_to text,"
    "  due_in_days int NOT NULL CHECK (due_in_days >= 0),"
    "  created_at timestamptz NOT NULL,"
    "  updated_at timestamptz NOT NULL,"
    "  PRIMARY KEY (book, id),"
    "  UNIQUE (book, name),"
    "  FOREIGN KEY (book, reason_code) REFERENCES arcollect.reason_codes (book, code)"
    ");"
    "CREATE TABLE arcollect.rule_firings ("
    "  book text COLLATE \"C\" NOT NULL,"
    "  dispute_id bigint NOT NULL,"
    "  rule_id bigint NOT NULL,"
    "  state_seq bigint NOT NULL,"
    "  fired_at timestamptz NOT NULL,"
    "  PRIMARY KEY (book, dispute_id, rule_id, state_seq),"
    "  FOREIGN KEY (book, dispute_id) REFERENCES arcollect.disputes (book, id),"
    "  FOREIGN KEY (book, rule_id) REFERENCES arcollect.escalation_rules (book, id)"
    ");"
    "CREATE INDEX rule_firings_by_rule ON arcollect.rule_firings (book, rule_id);";

/* Migration i brings the schema from version i to i + 1. */
static const char *const MIGRATIONS[ARC_PG_SCHEMA_VERSION] = {
    SCHEMA_V1,
};

const char *const arc_pg_book_tables[] = {
    "rule_firings",
    "escalation_rules",
    "chat_messages",
    "communication_invoices",
    "communications",
    "dispute_lines",
    "disputes",
    "applications",
    "invoice_lines",
    "invoices",
    "payments",
    "credit_memos",
    "contacts",
    "customers",
    "reason_codes",
    "events",
    "sequences",
    "books",
    NULL,
};

/* The schema version in the database; 0 when there is no schema yet. The
 * table is looked up first, so that a transaction is not aborted by reading
 * a table that does not exist. */
static int read_version(arc_store *store, int *version)
{
    PGresult *res =
        PQexec(store->conn, "SELECT to_regclass('arcollect.schema_info') IS NOT NULL");
    bool exists = res && PQresultStatus(res) == PGRES_TUPLES_OK && arc_pg_bool(res, 0, 0);
    int rc = ARC_OK;

    *version = 0;
    if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK)
        rc = arc_pg_fail_result(store, res, NULL,
                                "postgresql: reading the schema version");
    PQclear(res);
    if (rc != ARC_OK || !exists)
        return rc;

    res = PQexec(store->conn, "SELECT max(version) FROM arcollect.schema_info");
    if (res != NULL && PQresultStatus(res) == PGRES_TUPLES_OK)
        *version = (int)arc_pg_int(res, 0, 0);
    else
        rc = arc_pg_fail_result(store, res, NULL,
                                "postgresql: reading the schema version");
    PQclear(res);
    return rc;
}

static int check_version(const arc_store *store, int version)
{
    if (version > ARC_PG_SCHEMA_VERSION)
        return arc_fail(ARC_EVERSION,
                        "book %s: the database's arcollect schema is version %d, newer"
                        " than this library's (%d); upgrade the library",
                        store->book, version, ARC_PG_SCHEMA_VERSION);
    return ARC_OK;
}

static int migrate(arc_store *store, int from_version)
{
    char sql[128];
    int rc = ARC_OK;

    if (from_version == 0)
        rc = arc_pg_exec(store,
                         "CREATE SCHEMA IF NOT EXISTS arcollect;"
                         " CREATE TABLE arcollect.schema_info (version int NOT NULL);"
                         " INSERT INTO arcollect.schema_info VALUES (0)",
                         "postgresql: creating the schema");
    for (int version = from_version; version < ARC_PG_SCHEMA_VERSION && rc == ARC_OK;
         version++)
        rc = arc_pg_exec(store, MIGRATIONS[version], "postgresql: migrating the schema");
    if (rc != ARC_OK)
        return rc;
    snprintf(sql, sizeof(sql), "UPDATE arcollect.schema_info SET version = %d",
             ARC_PG_SCHEMA_VERSION);
    return arc_pg_exec(store, sql, "postgresql: migrating the schema");
}

int arc_pg_schema_prepare(arc_store *store, const struct arc_store_config *cfg)
{
    int version = 0;
    int rc;

    (void)cfg;
    rc = read_version(store, &version);
    if (rc != ARC_OK || version == ARC_PG_SCHEMA_VERSION)
        return rc;
    rc = check_version(store, version);
    if (rc != ARC_OK)
        return rc;

    /* Migrate under the lock, then look again: another process may have
     * done it meanwhile. */
    rc = arc_pg_exec(store, "BEGIN; SELECT pg_advisory_xact_lock(" SCHEMA_LOCK_KEY ")",
                     "postgresql: locking the schema");
    if (rc == ARC_OK)
        rc = read_version(store, &version);
    if (rc == ARC_OK)
        rc = check_version(store, version);
    if (rc == ARC_OK && version < ARC_PG_SCHEMA_VERSION)
        rc = migrate(store, version);
    if (rc == ARC_OK)
        return arc_pg_exec(store, "COMMIT", "postgresql: committing the migration");
    PQclear(PQexec(store->conn, "ROLLBACK"));
    return rc;
}

/* A new book gets the core's seed reason codes and its numbering. */
static int seed_book(arc_store *store, const struct arc_store_config *cfg)
{
    static const char SEQUENCES[] =
        "INSERT INTO arcollect.sequences (book, kind, prefix, next_number, width)"
        " VALUES ($1, 'invoice', 'INV-', 1, 6), ($1, 'credit_memo', 'CM-', 1, 6)";
    struct arc_pg_params params;
    int rc;

    arc_pg_params_init(&params, store);
    rc = arc_pg_command(store, SEQUENCES, &params, "book: creating", NULL);
    for (size_t i = 0; i < cfg->reason_seed_count && rc == ARC_OK; i++) {
        struct arc_reason_code seed = cfg->reason_seeds[i];

        seed.created_at = seed.updated_at = cfg->now;
        rc = arc_pg_reason_code_insert(store, &seed);
    }
    return rc;
}

static int insert_book_row(arc_store *store, const struct arc_store_config *cfg,
                           bool *created)
{
    static const char SQL[] = "INSERT INTO arcollect.books (book, book_id, created_at)"
                              " VALUES ($1, $2, $3) ON CONFLICT (book) DO NOTHING";
    unsigned char random[16];
    char book_id[33];
    struct arc_pg_params params;
    int64_t inserted = 0;
    int rc;

    if (sodium_init() < 0)
        return arc_fail(ARC_ERROR, "book: the random generator could not be initialised");
    randombytes_buf(random, sizeof(random));
    sodium_bin2hex(book_id, sizeof(book_id), random, sizeof(random));

    arc_pg_params_init(&params, store);
    arc_pg_param_text(&params, book_id);
    arc_pg_param_time(&params, cfg->now);
    rc = arc_pg_command(store, SQL, &params, "book: creating", &inserted);
    *created = inserted == 1;
    return rc;
}

static int book_exists(arc_store *store, bool *exists)
{
    static const char SQL[] = "SELECT count(*) FROM arcollect.books WHERE book = $1";
    struct arc_pg_params params;
    int64_t count = 0;
    int rc;

    arc_pg_params_init(&params, store);
    rc = arc_pg_sum_one(store, SQL, &params, &count, "book");
    *exists = count > 0;
    return rc;
}

/*
 * Create the book unless it exists. Two processes creating it at once both
 * insert; the second waits for the first and then inserts nothing.
 */
int arc_pg_book_open(arc_store *store, const struct arc_store_config *cfg)
{
    bool exists = false, created = false;
    int rc = book_exists(store, &exists);

    if (rc != ARC_OK || exists)
        return rc;
    if (cfg->flags & ARC_DB_NO_CREATE)
        return arc_fail(ARC_ENOTFOUND, "book %s: not found", store->book);

    rc = arc_pg_exec(store, "BEGIN", "book: creating");
    if (rc != ARC_OK)
        return rc;
    store->depth = 1; /* so that a failure inside counts as inside a transaction */
    rc = insert_book_row(store, cfg, &created);
    if (rc == ARC_OK && created)
        rc = seed_book(store, cfg);
    store->depth = 0;
    store->aborted = false;
    if (rc == ARC_OK)
        return arc_pg_exec(store, "COMMIT", "book: creating");
    PQclear(PQexec(store->conn, "ROLLBACK"));
    return rc;
}
