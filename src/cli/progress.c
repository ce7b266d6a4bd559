/*
 * Progress on long work (imports, the demo, automation), drawn on stderr and
 * only when stderr is a terminal, so that scripts and logs never see it.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

#define REDRAW_SECONDS 0.1

double progress_seconds(void)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

void progress_start(struct progress *progress, const char *label, size_t total)
{
    progress->enabled = isatty(STDERR_FILENO) == 1;
    progress->label = label;
    progress->total = total;
    progress->started = progress_seconds();
    progress->last_drawn = 0;
}

void progress_update(struct progress *progress, size_t done)
{
    double now;

    if (!progress->enabled)
        return;
    now = progress_seconds();
    if (now - progress->last_drawn < REDRAW_SECONDS && done < progress->total)
        return;
    progress->last_drawn = now;

    if (progress->total > 0)
        fprintf(stderr, "\r%s: %zu of %zu (%zu%%)", progress->label, done,
                progress->total, done * 100 / progress->total);
    else
        fprintf(stderr, "\r%s: %zu", progress->label, done);
    fflush(stderr);
}

void progress_end(struct progress *progress)
{
    if (!progress->enabled)
        return;
    fputs("\r\033[K", stderr);
    fflush(stderr);
}

struct spinner {
    const char *label;
    double started;
    atomic_bool done;
};

static void *spin(void *data)
{
    struct spinner *spinner = data;
    const struct timespec pause = { 0, 200 * 1000 * 1000 };

    while (!atomic_load(&spinner->done)) {
        fprintf(stderr, "\r%s: %.0f s", spinner->label,
                progress_seconds() - spinner->started);
        fflush(stderr);
        nanosleep(&pause, NULL);
    }
    return NULL;
}

/* Run @p work while a thread shows the time it has taken so far: for one long
 * library call, whose progress cannot be counted. */
int progress_run_spinner(const char *label, int (*work)(void *data), void *data)
{
    struct spinner spinner;
    pthread_t thread;
    int status;

    if (isatty(STDERR_FILENO) != 1)
        return work(data);

    spinner.label = label;
    spinner.started = progress_seconds();
    atomic_init(&spinner.done, false);
    if (pthread_create(&thread, NULL, spin, &spinner) != 0)
        return work(data);

    status = work(data);
    atomic_store(&spinner.done, true);
    pthread_join(thread, NULL);
    fputs("\r\033[K", stderr);
    fflush(stderr);
    return status;
}
