/*
 * Random tokens from libsodium's generator, which reads the operating
 * system's secure source.
 */
#include <sodium.h>

#include "arcollect/db.h"
#include "error.h"

int arc_token_generate(char *buf, size_t size)
{
    unsigned char bytes[16];

    if (buf == NULL || size < ARC_TOKEN_BUFSIZE)
        return arc_fail(ARC_EINVAL, "token: buffer must hold %d bytes",
                        ARC_TOKEN_BUFSIZE);
    if (sodium_init() < 0)
        return arc_fail(ARC_ERROR,
                        "token: the random generator could not be initialised");

    randombytes_buf(bytes, sizeof(bytes));
    sodium_bin2hex(buf, size, bytes, sizeof(bytes));
    return ARC_OK;
}
