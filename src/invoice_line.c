/*
 * Invoice lines: checking them and computing their amounts with the
 * documented rounding rule (see arcollect/invoice.h).
 */
#include <stdio.h>
#include <string.h>

#include "decimal.h"
#include "error.h"
#include "invoice_internal.h"
#include "util.h"

#define DESCRIPTION_MAX 2000
#define ITEM_CODE_MAX   64

static int check_period(const char *label, int line_no, const arc_invoice_line_opts *opts)
{
    arc_date start = opts->period_start, end = opts->period_end;

    if (start != ARC_DATE_NONE && arc_date_to_ymd(NULL, NULL, NULL, start) != ARC_OK)
        return arc_fail(ARC_EINVAL, "%s: line %d: period_start: not a valid date", label,
                        line_no);
    if (end != ARC_DATE_NONE && arc_date_to_ymd(NULL, NULL, NULL, end) != ARC_OK)
        return arc_fail(ARC_EINVAL, "%s: line %d: period_end: not a valid date", label,
                        line_no);
    if (start != ARC_DATE_NONE && end != ARC_DATE_NONE && end < start)
        return arc_fail(ARC_EINVAL, "%s: line %d: period_end: before period_start", label,
                        line_no);
    return ARC_OK;
}

static int parse_quantity(arc_decimal *out, const char *label, int line_no,
                          const char *text)
{
    int rc;

    if (text == NULL) {
        out->coefficient = 1;
        out->scale = 0;
        return ARC_OK;
    }
    rc = arc_decimal_parse(out, text, ARC_QUANTITY_MAX_SCALE);
    if (rc == ARC_EOVERFLOW)
        return arc_fail(ARC_EOVERFLOW, "%s: line %d: quantity: \"%s\" is too large",
                        label, line_no, text);
    if (rc != ARC_OK)
        return arc_fail(ARC_EINVAL,
                        "%s: line %d: quantity: \"%s\" is not a decimal with at most %d"
                        " places",
                        label, line_no, text, ARC_QUANTITY_MAX_SCALE);
    if (arc_decimal_sign(*out) <= 0)
        return arc_fail(ARC_EINVAL, "%s: line %d: quantity: must be positive, not %s",
                        label, line_no, text);
    return ARC_OK;
}

static int parse_tax_rate(arc_decimal *out, const char *label, int line_no,
                          const char *text)
{
    const arc_decimal hundred = { 100, 0 };
    int rc;

    if (text == NULL) {
        out->coefficient = 0;
        out->scale = 0;
        return ARC_OK;
    }
    rc = arc_decimal_parse(out, text, ARC_TAX_RATE_MAX_SCALE);
    if (rc != ARC_OK)
        return arc_fail(
            ARC_EINVAL,
            "%s: line %d: tax_rate: \"%s\" is not a percentage with at most %d"
            " places",
            label, line_no, text, ARC_TAX_RATE_MAX_SCALE);
    if (arc_decimal_sign(*out) < 0 || arc_decimal_cmp(*out, hundred) > 0)
        return arc_fail(ARC_EINVAL, "%s: line %d: tax_rate: must be 0 to 100, not %s",
                        label, line_no, text);
    return ARC_OK;
}

static int check_texts(const char *label, int line_no, const arc_invoice_line_opts *opts)
{
    char what[96];
    int rc;

    snprintf(what, sizeof(what), "%s: line %d", label, line_no);
    rc = arc_check_text(what, "description", opts->description, DESCRIPTION_MAX, true);
    if (rc == ARC_OK)
        rc = arc_check_text(what, "item_code", opts->item_code, ITEM_CODE_MAX, false);
    return rc;
}

int arc_invoice_line_build(struct arc_invoice_line *line, struct arc_line_texts *texts,
                           const arc_invoice_line_opts *opts, int line_no,
                           const char *label)
{
    arc_decimal quantity, tax_rate;
    int rc;

    if (opts->version != ARC_INVOICE_LINE_OPTS_VERSION)
        return arc_fail(ARC_EVERSION, "%s: line %d: options version %u is not supported",
                        label, line_no, opts->version);
    rc = check_texts(label, line_no, opts);
    if (rc == ARC_OK)
        rc = parse_quantity(&quantity, label, line_no, opts->quantity);
    if (rc == ARC_OK)
        rc = parse_tax_rate(&tax_rate, label, line_no, opts->tax_rate);
    if (rc == ARC_OK && opts->unit_price < 0)
        rc = arc_fail(ARC_EINVAL, "%s: line %d: unit_price: must not be negative", label,
                      line_no);
    if (rc == ARC_OK)
        rc = check_period(label, line_no, opts);
    if (rc != ARC_OK)
        return rc;

    memset(line, 0, sizeof(*line));
    line->line_no = line_no;
    if (arc_decimal_mul_round(&line->net, opts->unit_price, quantity) != ARC_OK ||
        arc_decimal_percent_round(&line->tax, line->net, tax_rate) != ARC_OK)
        return arc_fail(ARC_EOVERFLOW, "%s: line %d: amount: too large", label, line_no);

    arc_decimal_format(texts->quantity, quantity);
    arc_decimal_format(texts->tax_rate, tax_rate);
    line->description = (char *)opts->description;
    line->item_code = (char *)opts->item_code;
    line->quantity = texts->quantity;
    line->tax_rate = texts->tax_rate;
    line->unit_price = opts->unit_price;
    line->period_start = opts->period_start;
    line->period_end = opts->period_end;
    return ARC_OK;
}

int arc_invoice_add_to_totals(struct arc_invoice *invoice,
                              const struct arc_invoice_line *line, const char *label)
{
    int64_t subtotal, tax, total;

    if (!arc_add_i64(&subtotal, invoice->subtotal, line->net) ||
        !arc_add_i64(&tax, invoice->tax, line->tax) ||
        !arc_add_i64(&total, subtotal, tax))
        return arc_fail(ARC_EOVERFLOW, "%s: total: too large", label);
    invoice->subtotal = subtotal;
    invoice->tax = tax;
    invoice->total = total;
    return ARC_OK;
}
