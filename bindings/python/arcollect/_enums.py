"""Enumerations, built from the library's own names so they never drift.

Each member is a str whose value is the library's name ("partially_paid",
"invoice.issued"), so ``InvoiceStatus.PAID == "paid"``; calls accept a
member or its value.
"""

import enum

from . import _raw


class _CEnum(str, enum.Enum):
    """A str enumeration that maps to and from the C enum's integers."""

    @classmethod
    def _c_value(cls, value, what):
        try:
            return cls._to_c[cls(value)]
        except ValueError:
            names = ", ".join(repr(member.value) for member in cls)
            raise ValueError(f"{what}: {value!r} is not one of {names}") from None

    @classmethod
    def _from_c(cls, number):
        member = cls._from_c_map.get(number)
        return member if member is not None else number


def _from_names(class_name, name_of, doc):
    """An enumeration of the values 0, 1, ... that @name_of knows."""
    names = []
    while (name := name_of(len(names))) is not None:
        names.append(name)
    return _from_pairs(class_name, list(enumerate(names)), doc)


def _from_pairs(class_name, pairs, doc):
    members = [(name.upper().replace(".", "_"), name) for _, name in pairs]
    cls = _CEnum(class_name, members, module=__name__)
    cls.__doc__ = doc
    cls._to_c = {cls(name): number for number, name in pairs}
    cls._from_c_map = {number: cls(name) for number, name in pairs}
    return cls


CustomerStatus = _from_names("CustomerStatus", _raw.arc_customer_status_name,
                             "A customer account's status.")
InvoiceStatus = _from_names("InvoiceStatus", _raw.arc_invoice_status_name,
                            "Where an invoice is in its lifecycle.")
PaymentMethod = _from_names("PaymentMethod", _raw.arc_payment_method_name,
                            "How a payment was made.")
ApplicationKind = _from_names("ApplicationKind", _raw.arc_application_kind_name,
                              "What reduced an invoice's balance.")
DisputeStatus = _from_names("DisputeStatus", _raw.arc_dispute_status_name,
                            "Where a dispute is in its lifecycle.")
DisputeOutcome = _from_names("DisputeOutcome", _raw.arc_dispute_outcome_name,
                             "How a dispute was resolved.")
Channel = _from_names("Channel", _raw.arc_communication_channel_name,
                      "How a communication was exchanged.")
Direction = _from_names("Direction", _raw.arc_communication_direction_name,
                        "Which way a communication went.")
CallOutcome = _from_names("CallOutcome", _raw.arc_call_outcome_name,
                          "How a call ended.")
EventKind = _from_names("EventKind", _raw.arc_event_kind_name,
                        "What an event of the journal records.")

# The C API has no name functions for these three.
TimelineSource = _from_pairs("TimelineSource", [
    (_raw.ARC_TIMELINE_COMMUNICATION, "communication"),
    (_raw.ARC_TIMELINE_EVENT, "event"),
], "Whether a timeline item is a communication or an event.")
DisputeGrouping = _from_pairs("DisputeGrouping", [
    (_raw.ARC_DISPUTE_GROUP_REASON_CODE, "reason_code"),
    (_raw.ARC_DISPUTE_GROUP_CUSTOMER, "customer"),
    (_raw.ARC_DISPUTE_GROUP_MONTH, "month"),
], "What the rows of a dispute report are.")
Sequence = _from_pairs("Sequence", [
    (_raw.ARC_SEQUENCE_INVOICE, "invoice"),
    (_raw.ARC_SEQUENCE_CREDIT_MEMO, "credit_memo"),
], "The kinds of document numbered from a book-wide sequence.")
RuleAction = _from_pairs("RuleAction", [
    (_raw.ARC_RULE_ESCALATE, "escalate"),
    (_raw.ARC_RULE_ALERT, "alert"),
    (_raw.ARC_RULE_REASSIGN, "reassign"),
    (_raw.ARC_RULE_SET_DUE_DATE, "set_due_date"),
], "What an escalation rule does when it fires (bits of its actions).")
