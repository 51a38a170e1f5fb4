"""The month's target, plan lines, SWOT, market slices and season factor."""

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from app import planning
from ui.operations import TARGETS, TASKS, UNCHANGED, operation


def save_target(month: str, values: dict):
    def undo(before):
        if before is None:
            planning.delete_target(month)
        else:
            planning.save_target(month, **before)

    return operation(
        QCoreApplication.translate("Operations", "Save target"),
        lambda: planning.save_target(month, **values),
        undo,
        {TARGETS, TASKS},
    )


def save_swot(month: str, notes: dict[str, list[str]], negotiation_weak: bool):
    def do():
        before = (planning.swot(month), planning.has_negotiation_weakness(month))
        planning.save_swot(month, notes, negotiation_weak)
        return before

    return operation(
        QCoreApplication.translate("Operations", "Save SWOT"),
        do,
        lambda before: planning.save_swot(month, *before),
        {TARGETS},
    )


def apply_negotiation_shift(month: str, share: Decimal):
    def do():
        shift = planning.negotiation_shift(month, share)
        return planning.apply_revenues(shift.revenue) if shift else UNCHANGED

    return operation(
        QCoreApplication.translate("Operations", "Move high-ticket revenue to volume lines"),
        do,
        planning.apply_revenues,
        {TARGETS, TASKS},
    )


def save_row(model, row_id: int | None, month: str, values: dict, text: str):
    """A plan line or a market slice, new (`row_id` None) or changed."""

    def do():
        before = planning.row_snapshot(model, row_id) if row_id else None
        return before, planning.save_row(model, row_id, month, **values)

    def undo(done):
        before, saved_id = done
        if before is None:
            planning.delete_row(model, saved_id)
        else:
            planning.restore_row(model, before)

    return operation(text, do, undo, {TARGETS, TASKS})


def save_plan_line(line_id: int | None, month: str, values: dict):
    return save_row(
        planning.PlanLine,
        line_id,
        month,
        values,
        QCoreApplication.translate("Operations", "Save plan line"),
    )


def save_slice(slice_id: int | None, month: str, values: dict):
    return save_row(
        planning.MarketSlice,
        slice_id,
        month,
        values,
        QCoreApplication.translate("Operations", "Save market slice"),
    )


def delete_row(model, row_id: int, text: str):
    return operation(
        text,
        lambda: planning.delete_row(model, row_id),
        lambda snapshot: planning.restore_row(model, snapshot),
        {TARGETS, TASKS},
    )


def delete_plan_line(line_id: int):
    return delete_row(
        planning.PlanLine, line_id, QCoreApplication.translate("Operations", "Delete plan line")
    )


def delete_slice(slice_id: int):
    return delete_row(
        planning.MarketSlice,
        slice_id,
        QCoreApplication.translate("Operations", "Delete market slice"),
    )


def save_season(month: str, base_fen: int | None, factor: Decimal | None):
    def do():
        before = planning.season(month)
        planning.set_season(base_fen, month, factor)
        return before

    return operation(
        QCoreApplication.translate("Operations", "Save season factor"),
        do,
        lambda before: planning.set_season(before[0], month, before[1]),
        {TARGETS},
    )
