/*
 * The text of the workload's communications: subjects, bodies and chat lines
 * put together from sentences a collections team and its customers write,
 * drawn from the caller's seeded generator. In a sentence, {I} stands for an
 * invoice number, {A} for an amount, {M} for a month and {N} for a count.
 * A few rare sentences give searches words with only a handful of hits.
 */
#include <stdio.h>
#include <string.h>

#include "disputes.h"

#define COUNT_OF(array) (sizeof(array) / sizeof((array)[0]))

static const char *const customer_openers[] = {
    "Hi team,",  "Hello,",         "Good morning,", "Dear accounts receivable,",
    "Hi Maria,", "Hello billing,",
};

static const char *const our_openers[] = {
    "Dear customer,", "Hello,", "Hi,", "Good afternoon,", "Dear accounts payable team,",
};

static const char *const customer_sentences[] = {
    "We received invoice {I} but the amount does not match our contract.",
    "Our purchase order number is missing from invoice {I}, so payment is on hold.",
    "The seat count on {I} is higher than what we use; we removed {N} users in {M}.",
    "We were billed for managed endpoints after the cancellation date.",
    "The outage in {M} should qualify for an SLA credit on {I}.",
    "Please send a copy of the signed quote for the firewall upgrade.",
    "Payment of {A} was scheduled for next Friday by ACH.",
    "Could you issue a credit memo for the difference of {A}?",
    "Our remittance advice for {A} is attached.",
    "The support ticket about the backup restore is still open.",
    "We see a duplicate charge for the backup service on {I}.",
    "Sales tax was charged although we sent our exemption certificate.",
    "The invoice is addressed to our old legal entity; please reissue it.",
    "Our controller needs to approve anything above {A} before we pay.",
    "We paid {I} by wire transfer on {M} {N}; please check your bank statement.",
    "Can you split the invoice by department for our cost centers?",
    "The new ERP system rejected {I} because the vendor number changed.",
    "We never approved the add-on licences that appear on {I}.",
    "Please refund the overpayment of {A} or apply it to the next invoice.",
};

static const char *const our_sentences[] = {
    "This is a friendly reminder that invoice {I} for {A} is now overdue.",
    "Thank you for your payment of {A}; it has been applied to {I}.",
    "Please find attached the statement of account as of {M} {N}.",
    "We have escalated your dispute on {I} to the billing manager.",
    "A credit memo for {A} will be issued once the review is complete.",
    "Our records show that {I} remains open with a balance of {A}.",
    "Could you confirm the expected payment date for {I}?",
    "The SLA report for {M} shows {N} minutes of downtime, below the threshold.",
    "We corrected the seat count and will send a revised invoice.",
    "Your account is {N} days past due; please arrange payment to avoid a hold.",
    "The purchase order number has been added to {I} and the invoice resent.",
    "We can offer a payment plan of {N} monthly instalments.",
    "Late fees on {I} will be waived if payment arrives this week.",
    "The technician closed the ticket after the restore test passed.",
    "Left a voicemail asking for a call back about {I}.",
    "The customer refused to pay the late fee on {I} until the credit is issued.",
    "A refund of {A} was sent to the card on file.",
};

static const char *const customer_closers[] = {
    "Thanks, Accounts Payable",     "Kind regards, Finance",  "Best, the AP team",
    "Regards, Controller's office", "Thank you, Procurement",
};

static const char *const our_closers[] = {
    "Kind regards, Accounts Receivable",
    "Best regards, Billing team",
    "Thank you, Collections",
    "Regards, Customer Finance",
};

/* Sentences added rarely: one in 200, 2,000, 5,000 and 50,000 bodies. */
struct rare_sentence {
    unsigned int one_in;
    const char *text;
};

static const struct rare_sentence rare_sentences[] = {
    { 200, "The chargeback from our card issuer was filed by mistake." },
    { 2000, "Funds stay in escrow until the migration is signed off." },
    { 5000,
      "Our parent company filed for bankruptcy protection, so payments are frozen." },
    { 50000, "Legal received a subpoena asking for these billing records." },
};

static const char *const subjects[] = {
    "Invoice {I}",
    "Question about invoice {I}",
    "Overdue reminder: {I}",
    "Dispute on {I}",
    "Remittance advice for {I}",
    "Credit memo request for {I}",
    "Statement of account for {M}",
    "Payment plan proposal",
    "SLA credit for the {M} outage",
    "Purchase order for {I}",
};

static const char *const customer_chat[] = {
    "Hi, quick question about invoice {I}.",
    "We paid that one by ACH yesterday.",
    "The amount looks higher than last month.",
    "Can you resend the invoice with our PO number?",
    "Our AP clerk is out until {M} {N}.",
    "Is the late fee really necessary?",
    "Thanks, that helps.",
};

static const char *const our_chat[] = {
    "Let me check that for you.",
    "I can see a payment of {A} pending.",
    "The invoice {I} is {N} days overdue.",
    "I have added the PO number and resent it.",
    "I will ask the billing manager about a credit.",
    "Anything else I can help with today?",
};

static const char *const months[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December",
};

static const char *pick(uint64_t *rng, const char *const *list, size_t count)
{
    return list[bench_random(rng) % count];
}

/* Append @p text to @p buf at @p *used, truncating at @p size. */
static void append(char *buf, size_t size, size_t *used, const char *text)
{
    size_t length = strlen(text);

    if (*used + 1 >= size)
        return;
    if (length > size - 1 - *used)
        length = size - 1 - *used;
    memcpy(buf + *used, text, length);
    *used += length;
    buf[*used] = '\0';
}

/* Append a sentence, replacing its {I}, {A}, {M} and {N} slots. */
static void expand(char *buf, size_t size, size_t *used, const char *sentence,
                   uint64_t *rng, const char *invoice_number)
{
    char value[32], piece[2] = { 0, 0 };

    for (const char *c = sentence; *c != '\0'; c++) {
        if (c[0] != '{' || c[1] == '\0' || c[2] != '}') {
            piece[0] = *c;
            append(buf, size, used, piece);
            continue;
        }

        if (c[1] == 'I')
            snprintf(value, sizeof value, "%s", invoice_number);
        else if (c[1] == 'A')
            snprintf(value, sizeof value, "$%d.%02d",
                     (int)(100 + bench_random(rng) % 9900),
                     (int)(bench_random(rng) % 100));
        else if (c[1] == 'M')
            snprintf(value, sizeof value, "%s", pick(rng, months, COUNT_OF(months)));
        else
            snprintf(value, sizeof value, "%d", (int)(2 + bench_random(rng) % 27));
        append(buf, size, used, value);
        c += 2;
    }
}

void text_body(char *buf, size_t size, uint64_t *rng, const char *invoice_number,
               bool from_customer)
{
    const char *const *sentences = from_customer ? customer_sentences : our_sentences;
    size_t sentence_count =
        from_customer ? COUNT_OF(customer_sentences) : COUNT_OF(our_sentences);
    int count = 2 + (int)(bench_random(rng) % 4);
    size_t used = 0;

    buf[0] = '\0';
    expand(buf, size, &used,
           from_customer ? pick(rng, customer_openers, COUNT_OF(customer_openers))
                         : pick(rng, our_openers, COUNT_OF(our_openers)),
           rng, invoice_number);

    for (int i = 0; i < count; i++) {
        append(buf, size, &used, i == 0 ? "\n\n" : " ");
        expand(buf, size, &used, pick(rng, sentences, sentence_count), rng,
               invoice_number);
    }
    for (size_t i = 0; i < COUNT_OF(rare_sentences); i++) {
        if (bench_random(rng) % rare_sentences[i].one_in != 0)
            continue;
        append(buf, size, &used, " ");
        append(buf, size, &used, rare_sentences[i].text);
    }

    append(buf, size, &used, "\n\n");
    append(buf, size, &used,
           from_customer ? pick(rng, customer_closers, COUNT_OF(customer_closers))
                         : pick(rng, our_closers, COUNT_OF(our_closers)));
}

void text_subject(char *buf, size_t size, uint64_t *rng, const char *invoice_number)
{
    size_t used = 0;

    buf[0] = '\0';
    expand(buf, size, &used, pick(rng, subjects, COUNT_OF(subjects)), rng,
           invoice_number);
}

void text_chat_line(char *buf, size_t size, uint64_t *rng, const char *invoice_number,
                    bool from_customer)
{
    size_t used = 0;

    buf[0] = '\0';
    if (from_customer)
        expand(buf, size, &used, pick(rng, customer_chat, COUNT_OF(customer_chat)), rng,
               invoice_number);
    else
        expand(buf, size, &used, pick(rng, our_chat, COUNT_OF(our_chat)), rng,
               invoice_number);
}
