"""Escalation rules and the automation run."""

from . import _raw
from ._convert import id_of
from ._enums import DisputeStatus, RuleAction
from ._money import Money, from_minor, to_minor
from ._record import Record, read_one, read_page, slots

_RULE_STATUSES = (DisputeStatus.OPEN, DisputeStatus.IN_REVIEW, DisputeStatus.ESCALATED,
                  DisputeStatus.REOPENED)


def _status_bits(statuses):
    bits = 0
    for status in statuses:
        bits |= 1 << DisputeStatus._c_value(status, "statuses")
    return bits


def _action_bits(actions):
    if isinstance(actions, str):
        actions = (actions,)
    bits = 0
    for action in actions:
        bits |= RuleAction._c_value(action, "actions")
    return bits


def _bits_to(enum_class, bits, members):
    return frozenset(member for member in members
                     if bits & enum_class._c_value(member, "bits"))


class EscalationRule(Record):
    """A rule that acts on disputes that are not resolved.

    ``statuses`` and ``actions`` are frozensets of :class:`DisputeStatus`
    and :class:`RuleAction`; ``min_amount`` is a Money or None.
    """

    _fields = (
        ("id", _raw.arc_escalation_rule_id, "value"),
        ("name", _raw.arc_escalation_rule_name, "value"),
        ("active", _raw.arc_escalation_rule_active, "bool"),
        ("min_days_in_state", _raw.arc_escalation_rule_min_days_in_state, "value"),
        ("currency", _raw.arc_escalation_rule_currency, "value"),
        ("reason_code", _raw.arc_escalation_rule_reason_code, "value"),
        ("min_days_since_contact", _raw.arc_escalation_rule_min_days_since_contact,
         "value"),
        ("below_level", _raw.arc_escalation_rule_below_level, "value"),
        ("assign_to", _raw.arc_escalation_rule_assign_to, "value"),
        ("due_in_days", _raw.arc_escalation_rule_due_in_days, "value"),
    )
    __slots__ = slots(_fields) + ("statuses", "actions", "min_amount")

    def _complete(self, handle):
        set_field = object.__setattr__
        status_bits = _raw.arc_escalation_rule_statuses(handle)
        set_field(self, "statuses", frozenset(
            status for status in _RULE_STATUSES
            if status_bits & (1 << DisputeStatus._c_value(status, "status"))))
        set_field(self, "actions", _bits_to(RuleAction,
                                            _raw.arc_escalation_rule_actions(handle),
                                            RuleAction))
        units = _raw.arc_escalation_rule_min_amount(handle)
        set_field(self, "min_amount",
                  from_minor(units, self.currency) if self.currency else None)

    def update(self, **fields):
        """Change fields; see :meth:`Rules.update`."""
        return self.book.rules.update(self, **fields)

    def delete(self):
        """Delete the rule."""
        self.book.rules.delete(self)


class AutomationResult:
    """What an automation run did: counts of disputes examined, rules fired,
    escalations, reassignments, due dates set, alerts, and overdue disputes
    and invoices."""

    FIELDS = ("disputes_examined", "rules_fired", "escalations", "reassignments",
              "due_dates_set", "alerts", "disputes_overdue", "invoices_overdue")
    __slots__ = FIELDS

    def __init__(self, raw_result):
        for name in self.FIELDS:
            setattr(self, name, getattr(raw_result, name))

    def __eq__(self, other):
        return (isinstance(other, AutomationResult) and
                all(getattr(self, name) == getattr(other, name) for name in self.FIELDS))

    def __repr__(self):
        counts = " ".join(f"{name}={getattr(self, name)}" for name in self.FIELDS)
        return f"<AutomationResult {counts}>"


_PAGE = (_raw.arc_escalation_rule_page_count, _raw.arc_escalation_rule_page_at,
         _raw.arc_escalation_rule_page_free)
_FIELDS = ("name", "actions", "active", "statuses", "min_days_in_state", "min_amount",
           "reason_code", "min_days_since_contact", "below_level", "assign_to",
           "due_in_days")


def _opts(name, actions, active=True, statuses=(), min_days_in_state=0, min_amount=None,
          reason_code=None, min_days_since_contact=0, below_level=0, assign_to=None,
          due_in_days=0, currency=None):
    opts = _raw.arc_escalation_rule_opts()
    opts.name = name
    opts.actions = _action_bits(actions)
    opts.active = int(bool(active))
    opts.statuses = _status_bits(statuses)
    opts.min_days_in_state = min_days_in_state
    if min_amount is not None:
        currency = min_amount.currency if isinstance(min_amount, Money) else currency
        opts.min_amount = to_minor(min_amount, currency, "min_amount")
        opts.currency = currency
    opts.reason_code = reason_code
    opts.min_days_since_contact = min_days_since_contact
    opts.below_level = below_level
    opts.assign_to = assign_to
    opts.due_in_days = due_in_days
    return opts


class Rules:
    """The escalation rules of a book: ``book.rules``. Iterating lists the
    active ones in the order a run applies them."""

    def __init__(self, book):
        self._book = book

    def add(self, name, actions, **conditions):
        """Add a rule and return it.

        @actions is one or several of "escalate", "alert", "reassign",
        "set_due_date". Conditions and parameters are keyword arguments:
        statuses (the dispute states it applies to; all four unresolved ones
        by default), min_days_in_state, min_amount (a Money, or an amount with
        currency=...), reason_code, min_days_since_contact, below_level,
        assign_to, due_in_days, and active.
        """
        opts = _opts(name, actions, **conditions)
        return self.get(self._book._call(_raw.arc_escalation_rule_add, opts))

    def update(self, rule, **changes):
        """Change some fields of a rule, keeping the others; return it."""
        unknown = set(changes) - set(_FIELDS) - {"currency"}
        if unknown:
            raise TypeError(f"update: unknown fields {sorted(unknown)}")
        current = rule if isinstance(rule, EscalationRule) else self.get(rule)
        fields = {name: getattr(current, name) for name in _FIELDS}
        fields.update(changes)
        self._book._call(_raw.arc_escalation_rule_update, current.id, _opts(**fields))
        return self.get(current.id)

    def delete(self, rule):
        """Delete a rule; what it did stays in the journal."""
        self._book._call(_raw.arc_escalation_rule_delete, id_of(rule, "rule"))

    def get(self, rule_id):
        """The rule with this id."""
        handle = self._book._call(_raw.arc_escalation_rule_lookup, id_of(rule_id, "rule"))
        return read_one(self._book, handle, _raw.arc_escalation_rule_free, EscalationRule)

    def by_name(self, name):
        """The rule with this name."""
        handle = self._book._call(_raw.arc_escalation_rule_lookup_by_name, name)
        return read_one(self._book, handle, _raw.arc_escalation_rule_free, EscalationRule)

    def list(self, include_inactive=False):
        """The rules in id order, the order a run applies them in."""
        page = self._book._call(_raw.arc_escalation_rule_list, int(bool(include_inactive)))
        return read_page(self._book, page, *_PAGE, EscalationRule)

    def __iter__(self):
        return iter(self.list())


def run(book):
    """Run the automation as of the book's clock; an AutomationResult."""
    raw_result = _raw.arc_automation_result()
    book._call(lambda db: _raw.arc_automation_run(raw_result, db))
    return AutomationResult(raw_result)
