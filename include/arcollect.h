/**
 * @file arcollect.h
 * @brief libarcollect: embeddable accounts receivable.
 *
 * Include this one header to use the whole public API. Start with
 * arc_db_open() in arcollect/db.h; arcollect/common.h states the conventions
 * (error codes, ownership, money) that every function follows.
 */
#ifndef ARCOLLECT_H
#define ARCOLLECT_H

#include "arcollect/version.h"
#include "arcollect/common.h"
#include "arcollect/date.h"
#include "arcollect/money.h"
#include "arcollect/db.h"
#include "arcollect/customer.h"
#include "arcollect/invoice.h"
#include "arcollect/payment.h"
#include "arcollect/credit_memo.h"
#include "arcollect/application.h"
#include "arcollect/aging.h"
#include "arcollect/reason_code.h"
#include "arcollect/dispute.h"
#include "arcollect/communication.h"
#include "arcollect/event.h"
#include "arcollect/dispute_report.h"
#include "arcollect/timeline.h"
#include "arcollect/automation.h"

#endif
