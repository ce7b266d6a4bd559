/* The automation phases. (Being written.) */
#include "disputes.h"

int disputes_automation(struct dispute_book *book)
{
    (void)book;
    return ARC_OK;
}
