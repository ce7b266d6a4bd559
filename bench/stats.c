/*
 * Measuring: a monotonic timer, medians, resident memory, a seeded random
 * generator, and the books' fixed clock.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "bench.h"

double bench_now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

static int compare_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;

    return (x > y) - (x < y);
}

/* The median, sorting @p values in place: the middle value, or the mean of
 * the two middle ones. */
double bench_median(double *values, size_t count)
{
    if (count == 0)
        return 0.0;

    qsort(values, count, sizeof *values, compare_double);
    if (count % 2 == 1)
        return values[count / 2];
    return (values[count / 2 - 1] + values[count / 2]) / 2.0;
}

/* The lower median, sorting @p values in place. */
long bench_median_long(long *values, size_t count)
{
    if (count == 0)
        return 0;

    qsort(values, count, sizeof *values, compare_long);
    return values[(count - 1) / 2];
}

/* VmRSS from /proc/self/status, in kB; -1 when it cannot be read. */
long bench_rss_kb(void)
{
    char line[256];
    long kb = -1;
    FILE *status = fopen("/proc/self/status", "r");

    if (status == NULL)
        return -1;

    while (fgets(line, sizeof line, status) != NULL) {
        if (sscanf(line, "VmRSS: %ld kB", &kb) == 1)
            break;
    }
    fclose(status);
    return kb;
}

/* The peak resident set of the process so far, in kB (Linux reports kB). */
long bench_peak_rss_kb(void)
{
    struct rusage usage;

    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return -1;
    return usage.ru_maxrss;
}

/* xorshift64*: good enough to pick customers, and the same on every run. */
uint64_t bench_random(uint64_t *state)
{
    uint64_t x = *state;

    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * UINT64_C(2685821657736338717);
}

arc_time bench_clock(void *clock_data)
{
    return *(const arc_time *)clock_data;
}

int bench_today(arc_date *out)
{
    return arc_date_parse(out, BENCH_TODAY);
}
