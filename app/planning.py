"""Targets and plan lines of a month."""

from app.models import PlanLine, Target
from app.workdays import month_bounds, working_days


def target_for(month: str) -> Target | None:
    return Target.get_or_none(Target.month == month)


def plan_lines(month: str) -> list[PlanLine]:
    return list(PlanLine.select().where(PlanLine.month == month).order_by(PlanLine.id))


def month_working_days(month: str) -> int:
    first, _ = month_bounds(month)
    return len(working_days(first.year, first.month))
