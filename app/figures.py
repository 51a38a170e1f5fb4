"""The month's figures (docs/reference.md, "Definitions the figures use"), built once.

`build(month, as_of)` gives a `MonthFigures`: money in integer fen, ratios as exact
`Fraction`s, every figure counted from the month's first day through as-of (the whole month
once as-of is past it). `summary --json`, the dashboard, the review and its PDF all read
this one value; only `to_json()` turns it into floats. The parts the dashboard does not
show (leads, lifecycle, key accounts, anomalies) are worked out when first read.
"""

from dataclasses import dataclass, fields
from datetime import date, timedelta
from fractions import Fraction
from functools import cached_property

from app import dashboard, db, leads, lifecycle, planning
from app.metrics import order_totals, period_actuals
from app.money import fen_to_json, round_fen
from app.workdays import month_bounds, working_days, working_days_through


@dataclass(frozen=True)
class Actuals:
    """What happened in a period: revenue (fen), deals, new customers and activity."""

    revenue_fen: int = 0
    deals: int = 0
    new_customers: int = 0
    effective_visits: int = 0
    effective_leads: int = 0
    calls: int = 0

    @property
    def close_rate(self) -> Fraction | None:
        """Deals ÷ effective visits (None without visits)."""
        return Fraction(self.deals, self.effective_visits) if self.effective_visits else None

    @property
    def average_order_fen(self) -> Fraction | None:
        """Revenue ÷ deals, in fen, exact (None without deals)."""
        return Fraction(self.revenue_fen, self.deals) if self.deals else None


def _ratio(numerator, denominator) -> Fraction | None:
    return Fraction(numerator, denominator) if denominator else None


def _float(value: Fraction | None) -> float | None:
    """An unrounded ratio as a JSON number; None (null) stays None."""
    return None if value is None else float(value)


def _yuan(fen: Fraction | int) -> float:
    """Fen (int or exact Fraction) as a JSON number of yuan, to the fen."""
    return fen_to_json(round_fen(fen))


@dataclass(frozen=True)
class MonthFigures:
    month: str
    as_of: date
    through: date | None  # the last day counted (None: the month has not begun on as-of)
    working_days: int
    elapsed: int  # working days through as-of
    target: object | None  # the month's Target row, if any
    expected_fen: Fraction  # revenue expected by as-of (pace)
    checkpoints: list
    plan: list

    # -- the target and pace ---------------------------------------------------------------
    @property
    def target_fen(self) -> int:
        """The month's revenue target (0: none)."""
        return self.target.revenue_fen if self.target else 0

    @property
    def has_target(self) -> bool:
        return bool(self.target_fen)

    @property
    def target_effective_visits(self) -> int:
        return (self.target.effective_visits or 0) if self.target else 0

    @cached_property
    def calculator(self) -> planning.Calculator | None:
        return planning.calculator(self.target) if self.target else None

    @property
    def target_new_customers(self) -> int | None:
        """The new-customer target (set, or computed by the attainable calculator)."""
        return self.calculator.target if self.calculator else None

    @property
    def completion(self) -> Fraction | None:
        return _ratio(self.actual.revenue_fen, self.target_fen)

    @property
    def tiers(self) -> planning.Tiers:
        """保底 / 目标 / 冲刺 in fen (None where not set)."""
        return planning.tiers(self.target)

    @property
    def completion_tiers(self) -> planning.Tiers:
        """Revenue ÷ each tier (None where the tier is not set or zero)."""
        return planning.Tiers(*(_ratio(self.actual.revenue_fen, tier or 0) for tier in self.tiers))

    @property
    def gap_fen(self) -> int:
        return max(self.target_fen - self.actual.revenue_fen, 0)

    @property
    def pace_status(self) -> str | None:
        """green / amber / red; None without a revenue target."""
        return planning.pace_status(self.revenue_fen, self.expected_fen, self.target_fen)

    @property
    def close_rate(self) -> Fraction | None:
        return self.actual.close_rate

    @property
    def average_order_fen(self) -> Fraction | None:
        return self.actual.average_order_fen

    # -- read when first needed ------------------------------------------------------------
    @cached_property
    def actual(self) -> Actuals:
        """What happened from the month's first day through as-of."""
        return actuals(self.month, self.as_of)

    @cached_property
    def revenue_fen(self) -> int:
        """The revenue from the month's first day through as-of (the pace reads it alone:
        the Today tab and `today --json` need none of the activity counts)."""
        if "actual" in self.__dict__ or self.through is None:
            return self.actual.revenue_fen
        return order_totals(month_bounds(self.month)[0], self.through)[0]

    @cached_property
    def channels(self) -> list:
        """leads.ChannelFigures of each channel, through as-of (the Today tab and `today
        --json` read the pace alone)."""
        return leads.channels(self.month, self.as_of)

    @cached_property
    def open_leads(self) -> dict[str, int]:
        return leads.open_by_tier(self.as_of)

    @cached_property
    def overdue_leads(self) -> list[tuple[str, str]]:
        return leads.overdue(self.as_of)

    @cached_property
    def churn_warnings(self) -> list[tuple]:
        return lifecycle.churn_warnings(self.as_of)

    @cached_property
    def lifecycle_due(self) -> list:
        first, _ = month_bounds(self.month)
        end = self.as_of + timedelta(days=lifecycle.AGENDA_DAYS)
        return lifecycle.due_events(self.as_of, first, end)

    @cached_property
    def key_accounts(self) -> planning.KeyAccounts:
        return planning.key_accounts(self.as_of)

    @cached_property
    def anomalies(self) -> list[dashboard.Anomaly]:
        return dashboard.anomalies(self.month, self.as_of)

    # -- summary --json ----------------------------------------------------------------------
    def pace_json(self) -> dict:
        """`summary --json`'s "pace" (`today --json` shows it too)."""
        return {"expected_revenue": _yuan(self.expected_fen), "status": self.pace_status}

    def to_json(self) -> dict:
        """The `summary --json` object: money in yuan, rates as unrounded fractions."""
        return {
            "month": self.month,
            "as_of": self.as_of.isoformat(),
            "working_days": {"month": self.working_days, "elapsed": self.elapsed},
            "target": {
                "revenue": fen_to_json(self.target_fen),
                "new_customers": self.target_new_customers or 0,
                "effective_visits": self.target_effective_visits,
                "tiers": {
                    name: None if value is None else fen_to_json(value)
                    for name, value in self.tiers._asdict().items()
                },
            },
            "actual": _actual_json(self.actual),
            "plan": [_plan_json(row) for row in self.plan],
            "completion": _float(self.completion),
            "completion_tiers": {
                name: _float(value) for name, value in self.completion_tiers._asdict().items()
            },
            "close_rate": _float(self.close_rate),
            "average_order_value": _float(
                None if self.average_order_fen is None else self.average_order_fen / 100
            ),
            "pace": self.pace_json(),
            "checkpoints": [_checkpoint_json(point) for point in self.checkpoints],
            "leads": {
                **self.open_leads,
                "overdue": [{"lead": name, "due": due} for name, due in self.overdue_leads],
            },
            "churn_warnings": [
                {"customer": customer.name, "reasons": reasons}
                for customer, reasons in self.churn_warnings
            ],
            "lifecycle_due": [
                {"date": event.date.isoformat(), "customer": event.customer, "kind": event.kind}
                for event in self.lifecycle_due
            ],
            "key_accounts": {
                "customers": [customer.name for customer in self.key_accounts.customers],
                "revenue_share": _float(self.key_accounts.share),
            },
            "channels": [_channel_json(row) for row in self.channels],
            "anomalies": [_anomaly_json(found) for found in self.anomalies],
        }


def _actual_json(actual: Actuals) -> dict:
    return {
        "revenue": fen_to_json(actual.revenue_fen),
        **{
            field.name: getattr(actual, field.name)
            for field in fields(Actuals)
            if field.name != "revenue_fen"
        },
    }


def _plan_json(row: planning.PlanRow) -> dict:
    return {
        "product": row.line.product,
        "customer_type": row.line.customer_type,
        "revenue": fen_to_json(row.line.revenue_fen),
        "orders": row.orders,
        "daily_actions": row.daily_actions,
    }


def _checkpoint_json(point: planning.Checkpoint) -> dict:
    return {
        "date": point.day.isoformat(),
        "expected_revenue": _yuan(point.expected_fen),
        "actual_revenue": fen_to_json(point.actual_fen),
        "status": point.status,
    }


def _channel_json(row: leads.ChannelFigures) -> dict:
    return {
        "channel": row.channel,
        "cost": fen_to_json(row.cost_fen),
        "leads": row.leads,
        "won": row.won,
        "deals": row.deals,
        "revenue": fen_to_json(row.revenue_fen),
        "conversion": _float(row.conversion),
        "roi": _float(row.roi),
    }


def _anomaly_json(found: dashboard.Anomaly) -> dict:
    return {
        "week": found.week,
        "metric": "close_rate",
        "value": float(found.value),
        "baseline": float(found.baseline),
    }


def actuals(month: str, as_of: date) -> Actuals:
    """What happened in the month from its first day through as-of (the whole month once
    as-of is past it; nothing before it begins): the month's `actual`, alone (the dashboard
    compares with last month's through the same day)."""
    first, last = month_bounds(month)
    through = min(as_of, last) if as_of >= first else None
    return Actuals(**period_actuals(first, through)) if through else Actuals()


@db.per_change
def build(month: str, as_of: date, country: str = "CN") -> MonthFigures:
    """The month's figures as they stand on as-of; worked out once per change of the data
    (the Today, Targets and Dashboard tabs each read the month's), so callers must not
    change it."""
    first, last = month_bounds(month)
    through = min(as_of, last) if as_of >= first else None
    target = planning.target_for(month)
    target_fen = target.revenue_fen if target else 0
    return MonthFigures(
        month=month,
        as_of=as_of,
        through=through,
        working_days=len(working_days(first.year, first.month, country)),
        elapsed=working_days_through(first.year, first.month, as_of, country),
        target=target,
        expected_fen=planning.expected_revenue(target_fen, month, as_of),
        checkpoints=planning.checkpoints(month, as_of, target_fen),
        plan=planning.decomposition(month),
    )


def month_summary(month: str, as_of: date, country: str = "CN") -> dict:
    """The `summary --json` object for `month` (YYYY-MM) as it stands on `as_of`."""
    return build(month, as_of, country).to_json()
