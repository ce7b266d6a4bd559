/*
 * The demo's world: the generator, the billing months, and Harborline's
 * customers with what they subscribe to and how they pay.
 */
#include <ctype.h>

#include "demo.h"

#define COUNT_OF(array) (sizeof(array) / sizeof((array)[0]))

const char *const demo_reason_codes[DEMO_REASON_CODES] = {
    "PRICING",       "QUANTITY",   "SLA_CREDIT",      "OPEN_TICKET",
    "NOT_DELIVERED", "UNAPPROVED", "DUPLICATE",       "PO_MISSING",
    "AFTER_CANCEL",  "TAX_ERROR",  "BILLING_DETAILS", "OTHER",
};

const char *const demo_collectors[DEMO_COLLECTORS] = {
    "dana.reyes", "omar.khalil", "grace.park", "lukas.meyer", "nina.osei",
};

static const char *const name_places[] = {
    "Bayside",   "Cedar",     "Summit",     "Riverbend",   "Northgate", "Lakeview",
    "Granite",   "Harbor",    "Oakridge",   "Pinecrest",   "Redwood",   "Silverline",
    "Westfield", "Brookside", "Clearwater", "Eastport",    "Foxhill",   "Greenleaf",
    "Highland",  "Ironwood",  "Juniper",    "Keystone",    "Maple",     "Meridian",
    "Old Mill",  "Prairie",   "Quarry",     "Stonebridge", "Tidewater", "Valley",
};

static const char *const name_trades[] = {
    "Dental Group",
    "Family Practice",
    "Law Offices",
    "Accounting",
    "Logistics",
    "Veterinary Clinic",
    "Realty",
    "Architects",
    "Insurance Agency",
    "Engineering",
    "Physical Therapy",
    "Credit Union",
    "Construction",
    "Orthodontics",
    "Wealth Advisors",
    "Title Company",
    "Manufacturing",
    "Pediatrics",
    "Property Management",
    "Marketing",
    "School District",
    "Eye Care",
    "Auto Group",
    "Hospitality",
    "Foundation",
};

static const char *const name_suffixes[] = { "LLC", "Inc.", "", "PC", "Co.", "" };

static const char *const first_names[] = {
    "Alicia", "Ben",   "Carmen", "David", "Elena", "Farid",  "Gwen", "Hector",
    "Irene",  "Jonah", "Keiko",  "Liam",  "Marta", "Nikhil", "Olga", "Pavel",
};

static const char *const last_names[] = {
    "Alvarez", "Brooks", "Chen",     "Duarte", "Evans",  "Fischer",  "Garcia", "Hughes",
    "Ito",     "Jensen", "Kowalski", "Lopez",  "Morgan", "Nakamura", "Okafor", "Patel",
};

static const char *const contact_roles[] = {
    "Accounts payable", "Office manager", "Controller", "Practice manager", "CFO",
};

static const char *const tax_rates[] = { "8.25", "6.5", "7", "6" };

uint64_t demo_next(struct demo_rng *rng)
{
    uint64_t z = (rng->state += UINT64_C(0x9e3779b97f4a7c15));

    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

/* A number from 0 to @p bound - 1; the bias of the modulo is far below what
 * a sample book can show. */
uint32_t demo_below(struct demo_rng *rng, uint32_t bound)
{
    return bound == 0 ? 0 : (uint32_t)(demo_next(rng) % bound);
}

bool demo_chance(struct demo_rng *rng, uint32_t percent)
{
    return demo_below(rng, 100) < percent;
}

arc_date demo_month_start(const struct demo *demo, int month)
{
    int year = 0, month_of_year = 0, index;
    arc_date date = ARC_DATE_NONE;

    arc_date_to_ymd(&year, &month_of_year, NULL, demo->today);
    index = year * 12 + (month_of_year - 1) - (DEMO_MONTHS - 1) + month;
    arc_date_from_ymd(&date, index / 12, index % 12 + 1, 1);
    return date;
}

arc_date demo_month_end(const struct demo *demo, int month)
{
    return demo_month_start(demo, month + 1) - 1;
}

/* "bayside-dental-group.example" */
static void make_domain(char *buf, size_t size, const char *name)
{
    size_t used = 0;
    bool dash = false;

    for (const char *c = name; *c != '\0' && used + 10 < size; c++) {
        if (isalnum((unsigned char)*c)) {
            if (dash && used > 0)
                buf[used++] = '-';
            buf[used++] = (char)tolower((unsigned char)*c);
            dash = false;
        } else {
            dash = true;
        }
    }
    snprintf(buf + used, size - used, ".example");
}

static void make_name(struct demo_customer *customer, size_t index, size_t offset)
{
    size_t places = COUNT_OF(name_places), trades = COUNT_OF(name_trades);
    size_t combinations = places * trades;
    size_t pick = (index * 7 + offset) % combinations;
    const char *suffix = name_suffixes[index % COUNT_OF(name_suffixes)];
    const char *place = name_places[pick % places];
    const char *trade = name_trades[(pick / places + pick) % trades];

    if (index < combinations)
        snprintf(customer->name, sizeof customer->name, "%s %s%s%s", place, trade,
                 suffix[0] ? " " : "", suffix);
    else
        snprintf(customer->name, sizeof customer->name, "%s %s %zu", place, trade,
                 index / combinations + 1);
    make_domain(customer->domain, sizeof customer->domain, customer->name);
}

static enum demo_payer pick_payer(struct demo_rng *rng)
{
    uint32_t roll = demo_below(rng, 100);

    return roll < 50   ? PAYER_PROMPT
           : roll < 80 ? PAYER_LATE
           : roll < 92 ? PAYER_PARTIAL
                       : PAYER_DELINQUENT;
}

static arc_payment_method pick_method(struct demo_rng *rng)
{
    uint32_t roll = demo_below(rng, 100);

    return roll < 45   ? ARC_PAYMENT_ACH
           : roll < 70 ? ARC_PAYMENT_CARD
           : roll < 90 ? ARC_PAYMENT_CHECK
                       : ARC_PAYMENT_WIRE;
}

static void make_customer(struct demo *demo, struct demo_customer *customer, size_t index,
                          size_t name_offset)
{
    struct demo_rng *rng = &demo->rng;
    uint32_t terms_roll = demo_below(rng, 100);

    snprintf(customer->reference, sizeof customer->reference, "C-%04zu", index + 1001);
    make_name(customer, index, name_offset);
    snprintf(customer->contact_first, sizeof customer->contact_first, "%s",
             first_names[demo_below(rng, COUNT_OF(first_names))]);
    snprintf(customer->contact_last, sizeof customer->contact_last, "%s",
             last_names[demo_below(rng, COUNT_OF(last_names))]);
    customer->contact_role = contact_roles[demo_below(rng, COUNT_OF(contact_roles))];
    snprintf(customer->phone, sizeof customer->phone, "+1-555-%04u",
             1000 + demo_below(rng, 9000));

    customer->terms_days = terms_roll < 70 ? 30 : terms_roll < 85 ? 15 : 45;
    customer->tax_rate =
        demo_chance(rng, 45) ? tax_rates[demo_below(rng, COUNT_OF(tax_rates))] : NULL;
    customer->owner = demo_collectors[demo_below(rng, DEMO_COLLECTORS)];
    customer->method = pick_method(rng);
    customer->payer = pick_payer(rng);
    customer->stops_paying = customer->payer == PAYER_DELINQUENT
                                 ? DEMO_MONTHS - 3 - (int)demo_below(rng, 4)
                                 : DEMO_MONTHS;

    customer->tier = (int)demo_below(rng, 3);
    /* One generator call per statement: C leaves the order of calls within an
     * expression open, and the book must not depend on the compiler. */
    customer->endpoints = 5 + (int)demo_below(rng, 20);
    customer->endpoints += (int)demo_below(rng, 60);
    if (demo_chance(rng, 15))
        customer->endpoints += 60 + (int)demo_below(rng, 120);
    customer->seats = customer->endpoints - 2 + (int)demo_below(rng, 8);
    customer->backup_tb = demo_chance(rng, 55) ? 1 + (int)demo_below(rng, 8) : 0;
    customer->security = demo_chance(rng, 35);
}

void demo_make_customers(struct demo *demo)
{
    size_t name_offset = demo_below(&demo->rng, 7919);

    demo->customers =
        cli_alloc(demo->cli, demo->customer_count * sizeof *demo->customers);
    demo->slots =
        cli_alloc(demo->cli, demo->customer_count * DEMO_MONTHS * sizeof *demo->slots);
    for (size_t c = 0; c < demo->customer_count; c++)
        make_customer(demo, &demo->customers[c], c, name_offset);

    for (size_t s = 0; s < demo->customer_count * DEMO_MONTHS; s++) {
        int month = (int)(s % DEMO_MONTHS);
        const struct demo_customer *customer = &demo->customers[s / DEMO_MONTHS];

        demo->slots[s].dispute = -1;
        demo->slots[s].issued = demo_month_start(demo, month);
        demo->slots[s].due = demo->slots[s].issued + customer->terms_days;
    }
}
