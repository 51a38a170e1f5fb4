"""Display names of the guide's vocabulary, shared by the window, the command line and the PDF."""

from app.i18n import QT_TRANSLATE_NOOP, translate

_LABELS = {
    "quadrant": {
        1: QT_TRANSLATE_NOOP("Labels", "Important & urgent"),
        2: QT_TRANSLATE_NOOP("Labels", "Important & not urgent"),
        3: QT_TRANSLATE_NOOP("Labels", "Urgent & not important"),
        4: QT_TRANSLATE_NOOP("Labels", "Neither"),
    },
    "event": {
        "first_order_callback": QT_TRANSLATE_NOOP("Labels", "First-order callback"),
        "quarterly_callback": QT_TRANSLATE_NOOP("Labels", "Quarterly callback"),
        "annual_review": QT_TRANSLATE_NOOP("Labels", "Annual review"),
        "renewal_demo": QT_TRANSLATE_NOOP("Labels", "Renewal demo"),
        "birthday": QT_TRANSLATE_NOOP("Labels", "Birthday greeting"),
        "anniversary": QT_TRANSLATE_NOOP("Labels", "Company anniversary"),
        "holiday_greeting": QT_TRANSLATE_NOOP("Labels", "Holiday greeting"),
        "send_content": QT_TRANSLATE_NOOP("Labels", "Send content"),
        "win_back": QT_TRANSLATE_NOOP("Labels", "Win-back"),
    },
    "stage": {
        "new": QT_TRANSLATE_NOOP("Labels", "New"),
        "growth": QT_TRANSLATE_NOOP("Labels", "Growth"),
        "mature": QT_TRANSLATE_NOOP("Labels", "Mature"),
        "declining": QT_TRANSLATE_NOOP("Labels", "Declining"),
    },
    "status": {
        "due": QT_TRANSLATE_NOOP("Labels", "Due"),
        "done": QT_TRANSLATE_NOOP("Labels", "Done"),
        "snoozed": QT_TRANSLATE_NOOP("Labels", "Snoozed"),
        "skipped": QT_TRANSLATE_NOOP("Labels", "Skipped"),
    },
    "role": {  # a contact's part in the decision chain (决策链)
        "decision_maker": QT_TRANSLATE_NOOP("Labels", "Decision maker"),
        "influencer": QT_TRANSLATE_NOOP("Labels", "Influencer"),
        "user": QT_TRANSLATE_NOOP("Labels", "User"),
    },
    "outcome": {
        "open": QT_TRANSLATE_NOOP("Labels", "Open"),
        "won": QT_TRANSLATE_NOOP("Labels", "Won"),
        "lost": QT_TRANSLATE_NOOP("Labels", "Lost"),
    },
    "item": {
        "open": QT_TRANSLATE_NOOP("Labels", "open"),
        "done": QT_TRANSLATE_NOOP("Labels", "done"),
        "dropped": QT_TRANSLATE_NOOP("Labels", "dropped"),
    },
    "kind": {
        "customers": QT_TRANSLATE_NOOP("Labels", "Customers"),
        "leads": QT_TRANSLATE_NOOP("Labels", "Leads"),
        "orders": QT_TRANSLATE_NOOP("Labels", "Orders"),
        "activities": QT_TRANSLATE_NOOP("Labels", "Daily activity"),
        "channels": QT_TRANSLATE_NOOP("Labels", "Channel costs"),
        "targets": QT_TRANSLATE_NOOP("Labels", "Targets"),
        "plan_lines": QT_TRANSLATE_NOOP("Labels", "Plan lines"),
        "tasks": QT_TRANSLATE_NOOP("Labels", "Tasks"),
    },
    "pace": {  # a pace status (app.planning.pace_status); None: the month has no revenue target
        "green": QT_TRANSLATE_NOOP("Labels", "on pace"),
        "amber": QT_TRANSLATE_NOOP("Labels", "slightly behind"),
        "red": QT_TRANSLATE_NOOP("Labels", "behind"),
        "upcoming": QT_TRANSLATE_NOOP("Labels", "not started"),
        None: QT_TRANSLATE_NOOP("Labels", "no target"),
    },
    "pdca": {
        "plan": QT_TRANSLATE_NOOP("Labels", "Plan"),
        "do": QT_TRANSLATE_NOOP("Labels", "Do"),
        "check": QT_TRANSLATE_NOOP("Labels", "Check"),
        "act": QT_TRANSLATE_NOOP("Labels", "Act"),
    },
}


def label(group: str, key) -> str:
    """The translated display name of `key` in `group` (the key itself when unknown)."""
    source = _LABELS[group].get(key)
    return translate("Labels", source) if source else str(key)


WEEK = QT_TRANSLATE_NOOP("Labels", "W{week}")  # an ISO week's short name (第{week}周)


def week_caption(label_: str) -> str:
    """An ISO week named like `2026-W46` as the interface shows it: W46, 第46周."""
    return translate("Labels", WEEK, week=int(label_.rsplit("W", 1)[1]))
