/*
 * A program outside the project, built by tests/api/consumer.sh against an
 * installed copy of libarcollect. It opens a book in the directory given,
 * prints the library version and checks it against the headers.
 */
#include <arcollect.h>

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    char book_path[4096];
    arc_db *db = NULL;
    FILE *book_file;
    int major = -1;
    int minor = -1;
    int patch = -1;
    int rc;

    if (argc != 2) {
        fprintf(stderr, "usage: %s DIRECTORY\n", argv[0]);
        return 2;
    }
    if (snprintf(book_path, sizeof(book_path), "%s/book.db", argv[1]) >=
        (int)sizeof(book_path)) {
        fprintf(stderr, "%s: directory name too long\n", argv[1]);
        return 2;
    }

    rc = arc_db_open(&db, book_path, NULL);
    if (rc != ARC_OK) {
        fprintf(stderr, "arc_db_open %s: %s: %s\n", book_path, arc_error_name(rc),
                arc_error_last());
        return 1;
    }
    printf("libarcollect %s opened %s\n", arc_version_string(), book_path);
    arc_db_close(db);

    book_file = fopen(book_path, "rb");
    if (book_file == NULL) {
        fprintf(stderr, "%s: no book file after arc_db_close\n", book_path);
        return 1;
    }
    fclose(book_file);

    if (strcmp(ARC_VERSION_STRING, arc_version_string()) != 0) {
        fprintf(stderr, "headers say %s, library says %s\n", ARC_VERSION_STRING,
                arc_version_string());
        return 1;
    }
    arc_version(&major, &minor, &patch);
    if (major != ARC_VERSION_MAJOR || minor != ARC_VERSION_MINOR ||
        patch != ARC_VERSION_PATCH) {
        fprintf(stderr, "arc_version() gives %d.%d.%d, headers say %s\n", major, minor,
                patch, ARC_VERSION_STRING);
        return 1;
    }
    return 0;
}
