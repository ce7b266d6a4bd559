/* The timeline phase. (Being written.) */
#include "disputes.h"

int disputes_timeline(struct dispute_book *book)
{
    (void)book;
    return ARC_OK;
}
