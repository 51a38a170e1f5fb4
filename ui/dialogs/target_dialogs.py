"""The Targets tab's dialogs: a line of the cross plan, and a market slice with its pool."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
)

from app import planning
from app.money import format_percent
from ui.widgets import add_ok_cancel, fen_of, money_box

if TYPE_CHECKING:  # the rows the dialogs edit are app/'s; only their type is named here
    from app.models import MarketSlice, PlanLine


class PlanLineDialog(QDialog):
    def __init__(self, parent, line: PlanLine | None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Plan line"))
        form = QFormLayout(self)
        self.product = QLineEdit(line.product if line else "")
        self.customer_type = QLineEdit(line.customer_type if line else "")
        self.revenue = money_box()
        self.average = money_box()
        self.rate = QDoubleSpinBox()
        self.rate.setRange(0.1, 100)
        self.rate.setSuffix(" %")
        self.rate.setDecimals(1)
        self.high = QCheckBox(self.tr("High-ticket line"))
        if line:
            self.revenue.setValue(line.revenue_fen / 100)
            self.average.setValue(line.average_order_fen / 100)
            self.rate.setValue(float(line.close_rate) * 100)
            self.high.setChecked(line.high_ticket)
        for caption, widget in (
            (self.tr("Product"), self.product),
            (self.tr("Customer type"), self.customer_type),
            (self.tr("Revenue"), self.revenue),
            (self.tr("Average order"), self.average),
            (self.tr("Close rate"), self.rate),
            ("", self.high),
        ):
            form.addRow(caption, widget)
        add_ok_cancel(self, form)

    def values(self) -> dict | None:
        if not self.product.text().strip() or fen_of(self.average) <= 0:
            return None
        return {
            "product": self.product.text().strip(),
            "customer_type": self.customer_type.text().strip(),
            "revenue_fen": fen_of(self.revenue),
            "average_order_fen": fen_of(self.average),
            "close_rate": Decimal(f"{self.rate.value():.1f}") / 100,
            "high_ticket": self.high.isChecked(),
        }


class SliceDialog(QDialog):
    """A market slice: area/商圈, customer type, share of the target, stage, pool."""

    def __init__(self, parent, piece: MarketSlice | None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Market slice"))
        form = QFormLayout(self)
        self.area = QLineEdit(piece.area if piece else "")
        self.customer_type = QLineEdit(piece.customer_type if piece else "")
        self.share = QDoubleSpinBox()
        self.share.setRange(0, 100)
        self.share.setSuffix(" %")
        self.stage = QComboBox()
        self.stage.addItem(self.tr("new market (60% from new customers)"), "new")
        self.stage.addItem(self.tr("mature (50% from repeat and key accounts)"), "mature")
        self.new_share = QDoubleSpinBox()
        self.new_share.setRange(-1, 100)
        self.new_share.setSuffix(" %")
        self.new_share.setSpecialValueText(self.tr("as the stage says"))
        self.pool = QSpinBox()
        self.pool.setRange(0, 10_000_000)
        self.pool.setSpecialValueText(self.tr("unknown"))
        # or the pool estimated from its inputs (the guide: new sites, competitors' share)
        self.prospects = QSpinBox()
        self.prospects.setRange(0, 10_000_000)
        self.prospects.setSpecialValueText(self.tr("not estimated"))
        self.competitors = QDoubleSpinBox()
        self.competitors.setRange(0, 100)
        self.competitors.setSuffix(" %")
        self.reach = QDoubleSpinBox()
        self.reach.setRange(0, 100)
        self.reach.setSuffix(" %")
        self.reach.setValue(100)
        self.estimate = QLabel()
        if piece:
            self.share.setValue(float(piece.share) * 100)
            self.stage.setCurrentIndex(max(self.stage.findData(piece.market_stage), 0))
            self.new_share.setValue(
                -1 if piece.new_customer_share is None else float(piece.new_customer_share) * 100
            )
            self.pool.setValue(piece.reachable_pool or 0)
            self.prospects.setValue(piece.pool_prospects or 0)
            self.competitors.setValue(float(piece.pool_competitor_share or 0) * 100)
            if piece.pool_reachable_share is not None:
                self.reach.setValue(float(piece.pool_reachable_share) * 100)
        else:
            self.new_share.setValue(-1)
        for caption, widget in (
            (self.tr("Area / trading zone"), self.area),
            (self.tr("Customer type"), self.customer_type),
            (self.tr("Share of the target"), self.share),
            (self.tr("Market stage"), self.stage),
            (self.tr("From new customers"), self.new_share),
            (self.tr("Reachable customer pool"), self.pool),
            (self.tr("New sites or prospects in the area"), self.prospects),
            (self.tr("Competitors' share of them"), self.competitors),
            (self.tr("Part I can reach this month"), self.reach),
            (self.tr("Estimated pool"), self.estimate),
        ):
            widget.setAccessibleName(caption)
            form.addRow(caption, widget)
        for box in (self.prospects, self.competitors, self.reach):
            box.valueChanged.connect(lambda _value: self._show_estimate())
        self._show_estimate()
        add_ok_cancel(self, form)

    def _pool_inputs(self) -> dict:
        if not self.prospects.value():  # not estimated: nothing stored
            return dict.fromkeys(
                ("pool_prospects", "pool_competitor_share", "pool_reachable_share")
            )
        return {
            "pool_prospects": self.prospects.value() or None,
            "pool_competitor_share": Decimal(f"{self.competitors.value():.2f}") / 100,
            "pool_reachable_share": Decimal(f"{self.reach.value():.2f}") / 100,
        }

    def _show_estimate(self) -> None:
        """The pool the inputs give, as it is computed (it replaces the typed pool)."""
        inputs = self._pool_inputs()
        pool = planning.estimated_pool(*inputs.values())
        self.pool.setEnabled(pool is None)
        self.estimate.setText(
            self.tr("{prospects} × (1 − {held}) × {reach} = {pool} customers").format(
                prospects=self.prospects.value(),
                held=format_percent(inputs["pool_competitor_share"]),
                reach=format_percent(inputs["pool_reachable_share"]),
                pool=pool,
            )
            if pool is not None
            else self.tr("Give the prospects to estimate the pool instead of typing it.")
        )

    def values(self) -> dict | None:
        if not self.area.text().strip():
            return None
        new_share = self.new_share.value()
        return {
            "area": self.area.text().strip(),
            "customer_type": self.customer_type.text().strip(),
            "share": Decimal(f"{self.share.value():.2f}") / 100,
            "market_stage": self.stage.currentData(),
            "new_customer_share": None if new_share < 0 else Decimal(f"{new_share:.2f}") / 100,
            "reachable_pool": self.pool.value() or None,
            **self._pool_inputs(),
        }
