/*
 * Runs a fuzz target as an ordinary program: every file in the directories
 * named on the command line (and any file named directly) is passed once to
 * LLVMFuzzerTestOneInput(), in name order. A directory with no inputs is an
 * error, so a corpus that went missing cannot pass unnoticed. A broken
 * property aborts inside the target, which names it.
 *
 *   fuzz_money corpus/money [more directories or files...]
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz_common.h"

/*
 * Read a whole file into a malloc'd buffer of exactly its size, so that a
 * target reading past its input is caught; 0, or -1 with a message.
 */
static int read_input(const char *path, uint8_t **data, size_t *size)
{
    FILE *file = fopen(path, "rb");
    uint8_t *buffer = NULL;
    uint8_t *exact;
    size_t length = 0;
    size_t capacity = 0;
    size_t got;
    int rc = -1;

    if (file == NULL) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return -1;
    }

    for (;;) {
        if (length == capacity) {
            size_t grown = capacity == 0 ? 4096 : capacity * 2;
            uint8_t *larger = realloc(buffer, grown);

            if (larger == NULL) {
                fprintf(stderr, "%s: out of memory\n", path);
                goto out;
            }
            buffer = larger;
            capacity = grown;
        }

        got = fread(buffer + length, 1, capacity - length, file);

        length += got;
        if (got == 0)
            break;
    }
    if (ferror(file)) {
        fprintf(stderr, "%s: read error\n", path);
        goto out;
    }

    exact = realloc(buffer, length > 0 ? length : 1);
    if (exact == NULL) {
        fprintf(stderr, "%s: out of memory\n", path);
        goto out;
    }
    *data = exact;
    *size = length;
    buffer = NULL;
    rc = 0;

out:
    free(buffer);
    fclose(file);
    return rc;
}

static int run_input(const char *path)
{
    uint8_t *data = NULL;
    size_t size = 0;

    if (read_input(path, &data, &size) != 0)
        return -1;

    LLVMFuzzerTestOneInput(data, size);
    free(data);
    return 0;
}

static int skip_hidden(const struct dirent *entry)
{
    return entry->d_name[0] != '.';
}

/* Run every regular file in @p dir; the number run, or -1. */
static long run_directory(const char *dir)
{
    struct dirent **entries = NULL;
    long inputs = 0;
    int count = scandir(dir, &entries, skip_hidden, alphasort);

    if (count < 0) {
        fprintf(stderr, "%s: %s\n", dir, strerror(errno));
        return -1;
    }

    for (int i = 0; i < count; i++) {
        size_t length = strlen(dir) + strlen(entries[i]->d_name) + 2;
        char *path = malloc(length);
        struct stat info;

        if (path == NULL) {
            fprintf(stderr, "%s: out of memory\n", dir);
            inputs = -1;
            break;
        }
        snprintf(path, length, "%s/%s", dir, entries[i]->d_name);

        if (stat(path, &info) == 0 && S_ISREG(info.st_mode)) {
            if (run_input(path) != 0)
                inputs = -1;
            else if (inputs >= 0)
                inputs++;
        }
        free(path);
    }

    for (int i = 0; i < count; i++)
        free(entries[i]);
    free(entries);

    if (inputs == 0) {
        fprintf(stderr, "%s: no inputs\n", dir);
        return -1;
    }
    return inputs;
}

int main(int argc, char **argv)
{
    long total = 0;
    int failed = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: %s DIRECTORY_OR_FILE...\n", argv[0]);
        return 2;
    }

    for (int i = 1; i < argc; i++) {
        struct stat info;
        long inputs;

        if (stat(argv[i], &info) != 0) {
            fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
            failed = 1;
            continue;
        }

        if (S_ISDIR(info.st_mode))
            inputs = run_directory(argv[i]);
        else
            inputs = run_input(argv[i]) == 0 ? 1 : -1;

        if (inputs < 0) {
            failed = 1;
            continue;
        }
        printf("%s: %ld inputs\n", argv[i], inputs);
        total += inputs;
    }

    if (failed)
        return 1;
    printf("%ld inputs, every property held\n", total);
    return 0;
}
