"""The month's figures, as CONTRACT.md defines them, computed with SQL aggregates."""

from datetime import date, timedelta
from fractions import Fraction

import peewee as pw

from app.models import EFFECTIVE_VISIT_KINDS, Activity, Order
from app.money import FEN_PER_YUAN, fen_to_json
from app.workdays import month_bounds, working_days, working_days_through


def _ratio(numerator, denominator) -> float | None:
    """An unrounded fraction as a JSON number; None (null) for a zero denominator."""
    if not denominator:
        return None
    return float(Fraction(numerator) / Fraction(denominator))


ACTUAL_KEYS = (
    "revenue_fen",
    "deals",
    "new_customers",
    "effective_visits",
    "effective_leads",
    "calls",
)


def period_actuals(start: date, end: date) -> dict:
    """Revenue (fen), deals, new customers and activity counts for start..end inclusive."""
    revenue_fen, deals = order_totals(start, end)
    effective_visits, effective_leads, calls = activity_totals(start, end)
    return {
        "revenue_fen": revenue_fen,
        "deals": deals,
        "new_customers": new_customers(start, end),
        "effective_visits": effective_visits,
        "effective_leads": effective_leads,
        "calls": calls,
    }


def order_totals(start: date, end: date) -> tuple[int, int]:
    """Revenue (fen) and deals (orders) in start..end."""
    return (
        Order.select(pw.fn.COALESCE(pw.fn.SUM(Order.amount_fen), 0), pw.fn.COUNT(Order.id))
        .where(Order.date.between(start, end))
        .scalar(as_tuple=True)
    )


def new_customers(start: date, end: date) -> int:
    """Customers with an order in start..end and none before it: their first order is in it."""
    earlier = Order.alias()
    return (
        Order.select(pw.fn.COUNT(Order.customer.distinct()))
        .where(
            Order.date.between(start, end)
            & ~pw.fn.EXISTS(
                earlier.select(pw.SQL("1")).where(
                    (earlier.customer == Order.customer) & (earlier.date < start)
                )
            )
        )
        .scalar()
    )


def activity_totals(start: date, end: date) -> tuple[int, int, int]:
    """Effective visits, effective leads and calls in start..end."""
    return (
        Activity.select(
            pw.fn.COALESCE(
                pw.fn.SUM(
                    pw.Case(
                        None,
                        [
                            (
                                Activity.kind.in_(EFFECTIVE_VISIT_KINDS) & Activity.effective,
                                Activity.count,
                            )
                        ],
                        0,
                    )
                ),
                0,
            ),
            pw.fn.COALESCE(pw.fn.SUM(Activity.effective_leads), 0),
            pw.fn.COALESCE(
                pw.fn.SUM(pw.Case(None, [(Activity.kind == "call", Activity.count)], 0)), 0
            ),
        )
        .where(Activity.date.between(start, end))
        .scalar(as_tuple=True)
    )


def month_summary(month: str, as_of: date, country: str = "CN") -> dict:
    """The `summary --json` object for `month` (YYYY-MM) as it stands on `as_of`.

    Actual figures cover the month from its first day through as-of (the whole month once
    as-of is past its end).
    """
    first, _ = month_bounds(month)
    progress = month_progress(month, as_of)
    figures = _month_figures(month, as_of)
    return {
        "month": month,
        "as_of": as_of.isoformat(),
        "working_days": {
            "month": len(working_days(first.year, first.month, country)),
            "elapsed": working_days_through(first.year, first.month, as_of, country),
        },
        "target": figures.pop("target"),
        "actual": progress["actual"],
        "plan": figures.pop("plan"),
        "completion": progress["completion"],
        "close_rate": progress["close_rate"],
        "average_order_value": progress["average_order_value"],
        "pace": progress["pace"],
        **figures,
    }


def month_progress(month: str, as_of: date) -> dict:
    """The month's actuals through as-of with completion, close rate, average order value
    and pace, as in `summary --json` (the dashboard's cards: no touchpoints, leads or key
    accounts worked out for them)."""
    from app import planning

    first, last = month_bounds(month)
    through = min(as_of, last)
    if through >= first:
        actual = period_actuals(first, through)
    else:  # a month that has not started on as-of has no actuals yet
        actual = dict.fromkeys(ACTUAL_KEYS, 0)
    target = planning.target_for(month)
    revenue_target = target.revenue_fen if target else 0
    expected = planning.expected_revenue(revenue_target, month, as_of)
    return {
        "actual": {
            "revenue": fen_to_json(actual["revenue_fen"]),
            "deals": actual["deals"],
            "new_customers": actual["new_customers"],
            "effective_visits": actual["effective_visits"],
            "effective_leads": actual["effective_leads"],
            "calls": actual["calls"],
        },
        "completion": _ratio(actual["revenue_fen"], revenue_target),
        "close_rate": _ratio(actual["deals"], actual["effective_visits"]),
        "average_order_value": _ratio(actual["revenue_fen"], FEN_PER_YUAN * actual["deals"]),
        "pace": {
            "expected_revenue": _yuan(expected),
            "status": planning.status(actual["revenue_fen"], expected),
        },
    }


def _yuan(fen) -> float:
    """Fen (int or exact Fraction) as a JSON number of yuan, to the fen."""
    from app.planning import round_fen

    return fen_to_json(round_fen(Fraction(fen)))


def _month_figures(month: str, as_of: date) -> dict:
    """target, plan, checkpoints, leads, touchpoints and key accounts (CONTRACT.md)."""
    from app import dashboard, leads, lifecycle, planning

    target = planning.target_for(month)
    revenue_target = target.revenue_fen if target else 0
    calculator = planning.calculator(target) if target else None
    accounts = planning.key_accounts(as_of)
    customers = lifecycle.facts(as_of)  # once, for the churn warnings and the touchpoints
    return {
        "target": {
            "revenue": fen_to_json(revenue_target),
            "new_customers": (calculator.target or 0) if calculator else 0,
            "effective_visits": (target.effective_visits or 0) if target else 0,
        },
        "plan": [
            {
                "product": row.line.product,
                "customer_type": row.line.customer_type,
                "revenue": fen_to_json(row.line.revenue_fen),
                "orders": row.orders,
                "daily_actions": row.daily_actions,
            }
            for row in planning.decomposition(month)
        ],
        "checkpoints": [
            {
                "date": point.day.isoformat(),
                "expected_revenue": _yuan(point.expected_fen),
                "actual_revenue": fen_to_json(point.actual_fen),
                "status": point.status,
            }
            for point in planning.checkpoints(month, as_of, revenue_target)
        ],
        "leads": {
            **leads.open_by_tier(),
            "overdue": [{"lead": name, "due": due} for name, due in leads.overdue(as_of)],
        },
        "churn_warnings": [
            {"customer": customer.name, "reasons": reasons}
            for customer, reasons in lifecycle.churn_warnings(as_of, customers)
        ],
        "lifecycle_due": [
            {"date": event.date.isoformat(), "customer": event.customer, "kind": event.kind}
            for event in lifecycle.due_events(
                as_of,
                month_bounds(month)[0],
                as_of + timedelta(days=lifecycle.AGENDA_DAYS),
                customers,
            )
        ],
        "anomalies": [
            {
                "week": found.week,
                "metric": "close_rate",
                "value": float(found.value),
                "baseline": float(found.baseline),
            }
            for found in dashboard.anomalies(month, as_of)
        ],
        "channels": [
            {
                "channel": row.channel,
                "cost": fen_to_json(row.cost_fen),
                "leads": row.leads,
                "deals": row.deals,
                "revenue": fen_to_json(row.revenue_fen),
                "conversion": None if row.conversion is None else float(row.conversion),
                "roi": None if row.roi is None else float(row.roi),
            }
            for row in leads.channels(month)
        ],
        "key_accounts": {
            "customers": [customer.name for customer in accounts.customers],
            "revenue_share": None if accounts.share is None else float(accounts.share),
        },
    }
