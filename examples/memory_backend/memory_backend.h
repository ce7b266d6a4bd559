/*
 * An example storage backend that keeps books in memory, written against
 * the public headers alone (arcollect/sys/backend.h): it shows what a host
 * writes to plug in storage of its own.
 *
 * Register it once, then open books by name:
 *
 *     arc_example_memory_register();
 *     arc_db_open(&db, "memory:acme", &opts);
 *
 * Books live in the process: every handle that opens the same name shares
 * one book, which lasts until arc_book_delete("memory:acme", NULL) (or the
 * end of the process). See README.md beside this header for its limits.
 */
#ifndef ARC_EXAMPLE_MEMORY_BACKEND_H
#define ARC_EXAMPLE_MEMORY_BACKEND_H

#include "arcollect/sys/backend.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Register the backend under the name "memory", so that arc_db_open() opens
 * `memory:NAME` URIs with it.
 *
 * @return #ARC_OK, also when a backend called "memory" is registered
 *         already; otherwise what arc_backend_register() returns.
 */
int arc_example_memory_register(void);

/**
 * The backend's table of functions, for a host that registers it itself
 * (under the same name).
 *
 * @return A pointer to a static, constant table.
 */
const arc_backend *arc_example_memory_backend(void);

#ifdef __cplusplus
}
#endif

#endif
