"""Targets 目标: the SMART target, the attainable calculator, the cross decomposition into
daily actions, SWOT calibration, market slices, and the 10th/20th checkpoints.

Every figure comes from app.planning; every change goes through the undo stack.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import figures, planning
from app.labels import label
from app.money import format_fen, format_percent, format_yuan
from app.workdays import month_of
from ui import operations as changes
from ui.dialogs.target_dialogs import PlanLineDialog, SliceDialog
from ui.operations import targets as ops
from ui.tabs.base import Tab
from ui.widgets import PACE_COLOURS, button_row, fen_of, money_box, title_label

if TYPE_CHECKING:  # the rows the tab shows are app/'s; only their type is named here
    from app.models import MarketSlice, PlanLine

NO_TARGET = "#8a94a0"  # a month without a revenue target: grey, never a pace colour


def card(title: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(14, 10, 14, 12)
    layout.addWidget(title_label(title, "sectionTitle"))
    return frame, layout


def table(headers: list[str]) -> QTableWidget:
    widget = QTableWidget(0, len(headers))
    widget.setHorizontalHeaderLabels(headers)
    widget.verticalHeader().hide()
    widget.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    widget.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    widget.setAlternatingRowColors(True)
    return widget


def fill(
    widget: QTableWidget,
    rows: list[list],
    numeric_from: int = 2,
    colours: dict[int, str] | None = None,
) -> None:
    """Rows of text; columns from `numeric_from` right-aligned; `colours` per row."""
    widget.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(str(value))
            if c >= numeric_from:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if colours and r in colours and c == len(row) - 1:
                item.setForeground(Qt.GlobalColor.white)
                item.setBackground(QColor(colours[r]))
            widget.setItem(r, c, item)
    height = (
        widget.horizontalHeader().height() + 4 + sum(widget.rowHeight(r) for r in range(len(rows)))
    )
    widget.setFixedHeight(max(height, widget.horizontalHeader().height() + 30))


class TargetsTab(Tab):
    watches = frozenset(
        (
            changes.TARGETS,
            changes.CUSTOMERS,
            changes.ORDERS,
            changes.ACTIVITIES,
            changes.SETTINGS,
        )
    )

    def __init__(self, main_window):
        super().__init__(main_window)
        self.month = month_of(main_window.as_of)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("page")
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(0, 0, 8, 0)
        self.body.setSpacing(12)
        scroll.setWidget(body)
        self.page.addWidget(scroll)

        head = QHBoxLayout()
        self.heading = title_label("")
        self.pace = QLabel()
        self.pace.setObjectName("cardValue")
        head.addWidget(self.heading)
        head.addStretch(1)
        head.addWidget(self.pace)
        self.body.addLayout(head)

        top = QGridLayout()
        top.setSpacing(12)
        top.addWidget(self._build_form(), 0, 0, 2, 1)
        top.addWidget(self._build_calculator(), 0, 1)
        top.addWidget(self._build_time(), 1, 1)
        top.setColumnStretch(0, 1)
        top.setColumnStretch(1, 1)
        self.body.addLayout(top)
        self.body.addWidget(self._build_plan())
        bottom = QGridLayout()
        bottom.setSpacing(12)
        bottom.addWidget(self._build_swot(), 0, 0)
        # the slices' eight columns across the page: no area cut to "西…", no side scrolling
        bottom.addWidget(self._build_slices(), 1, 0)
        self.body.addLayout(bottom)
        self.body.addStretch(1)
        self.refresh()

    # -- building ---------------------------------------------------------------------------
    def _build_form(self) -> QFrame:
        frame, layout = card(self.tr("SMART target"))
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(4)
        self.statement = QLineEdit()
        self.statement.setPlaceholderText(
            self.tr("e.g. win 10 manufacturers buying over ¥500,000 a year; 5 orders of product A")
        )
        self.revenue = money_box()
        self.floor = money_box()
        self.floor.setSpecialValueText(self.tr("not set"))
        self.stretch = money_box()
        self.stretch.setSpecialValueText(self.tr("target × challenge coefficient"))
        self.visits = QSpinBox()
        self.visits.setRange(0, 100000)
        self.new_customers = QSpinBox()
        self.new_customers.setRange(-1, 100000)
        self.new_customers.setSpecialValueText(self.tr("calculated"))
        self.long_term = QSpinBox()
        self.long_term.setRange(0, 100000)
        self.uplift = QDoubleSpinBox()
        self.uplift.setRange(-100, 1000)
        self.uplift.setSuffix(" %")
        self.coefficient = QDoubleSpinBox()
        self.coefficient.setRange(0.5, 3)
        self.coefficient.setSingleStep(0.05)
        self.rate = QDoubleSpinBox()
        self.rate.setRange(0, 100)
        self.rate.setSuffix(" %")
        self.rate.setSpecialValueText(self.tr("from my records"))
        self.key_visits = QSpinBox()
        self.key_visits.setRange(0, 1000)
        self.relevance = QLineEdit()
        for caption, widget in (
            (self.tr("Specific"), self.statement),
            (self.tr("Revenue target"), self.revenue),
            (self.tr("Floor"), self.floor),
            (self.tr("Stretch"), self.stretch),
            (self.tr("Effective visits this month"), self.visits),
            (self.tr("New customers"), self.new_customers),
            (self.tr("New long-term customers"), self.long_term),
            (self.tr("Average order uplift"), self.uplift),
            (self.tr("Challenge coefficient"), self.coefficient),
            (self.tr("Close rate without history"), self.rate),
            (self.tr("Executive visits to key accounts"), self.key_visits),
            (self.tr("Relevance"), self.relevance),
        ):
            widget.setAccessibleName(caption)
            form.addRow(caption, widget)
        layout.addLayout(form)
        save = QPushButton(self.tr("Save target"))
        save.clicked.connect(lambda _checked=False: self.save_target())
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(save)
        layout.addLayout(row)
        return frame

    def _build_calculator(self) -> QFrame:
        frame, layout = card(self.tr("Attainable and challenging"))
        self.tier_lines = QLabel()
        self.tier_lines.setObjectName("tierLines")
        self.tier_lines.setWordWrap(True)
        layout.addWidget(self.tier_lines)
        self.calc_lines = QLabel()
        self.calc_lines.setWordWrap(True)
        self.calc_lines.setTextFormat(Qt.TextFormat.RichText)
        self.calc_lines.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.calc_lines)
        return frame

    def _build_plan(self) -> QFrame:
        frame, layout = card(
            self.tr("Cross decomposition: product × customer type → daily actions")
        )
        self.plan = table(
            [
                self.tr("Product"),
                self.tr("Customer type"),
                self.tr("Revenue"),
                self.tr("Average order"),
                self.tr("Close rate"),
                self.tr("Orders"),
                self.tr("Daily actions"),
            ]
        )
        self.plan.doubleClicked.connect(lambda _index: self.edit_line())
        layout.addWidget(self.plan)
        self.plan_total = QLabel()
        layout.addWidget(self.plan_total)
        buttons = button_row(
            (self.tr("Add line…"), self.add_line),
            (self.tr("Edit…"), self.edit_line),
            (self.tr("Delete"), self.delete_line),
        )
        send = QPushButton(self.tr("Send today's actions to the board"))
        send.clicked.connect(lambda _checked=False: self.send_to_board())
        buttons.addWidget(send)
        layout.addLayout(buttons)
        return frame

    def _build_time(self) -> QFrame:
        frame, layout = card(self.tr("Checkpoints on the 10th and 20th"))
        self.xun = table(
            [
                self.tr("Period"),
                self.tr("Working days"),
                self.tr("Expected"),
                self.tr("Expected so far"),
                self.tr("Actual"),
                self.tr("Status"),
            ]
        )
        layout.addWidget(self.xun)
        self.checkpoint_text = QLabel()
        self.checkpoint_text.setWordWrap(True)
        layout.addWidget(self.checkpoint_text)
        return frame

    def _build_swot(self) -> QFrame:
        frame, layout = card(self.tr("SWOT self-calibration"))
        grid = QGridLayout()
        self.swot_edits = {}
        for index, (kind, caption) in enumerate(
            (
                ("strength", self.tr("Strengths")),
                ("weakness", self.tr("Weaknesses")),
                ("opportunity", self.tr("Opportunities")),
                ("threat", self.tr("Threats")),
            )
        ):
            edit = QPlainTextEdit()
            edit.setPlaceholderText(self.tr("one per line"))
            edit.setFixedHeight(54)
            edit.setAccessibleName(caption)
            self.swot_edits[kind] = edit
            # a title that stays once the box is filled: "S · Strengths", "S 优势"
            title = QLabel(f"<b>{kind[0].upper()}</b> · {caption}")
            title.setBuddy(edit)
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(title)
            box.addWidget(edit)
            grid.addLayout(box, index // 2, index % 2)
        layout.addLayout(grid)
        self.negotiation = QCheckBox(self.tr("Negotiation is one of my weaknesses"))
        layout.addWidget(self.negotiation)
        save = QPushButton(self.tr("Save SWOT"))
        save.clicked.connect(lambda _checked=False: self.save_swot())
        self.proposal = QLabel()
        self.proposal.setWordWrap(True)
        self.shift_percent = QSpinBox()
        self.shift_percent.setRange(0, 100)
        self.shift_percent.setValue(int(planning.NEGOTIATION_SHIFT * 100))
        self.shift_percent.setSuffix(" %")
        self.shift_percent.valueChanged.connect(lambda _value: self._show_proposal())
        self.apply_shift = QPushButton(self.tr("Apply to the plan"))
        self.apply_shift.clicked.connect(lambda _checked=False: self.apply_negotiation_shift())
        row = QHBoxLayout()
        row.addWidget(save)
        row.addStretch(1)
        row.addWidget(self.shift_percent)
        row.addWidget(self.apply_shift)
        layout.addWidget(self.proposal)
        layout.addLayout(row)
        return frame

    def _build_slices(self) -> QFrame:
        frame, layout = card(self.tr("Market slices (area × customer type)"))
        self.slices = table(
            [
                self.tr("Area"),
                self.tr("Customer type"),
                self.tr("Share"),
                self.tr("Revenue"),
                self.tr("Stage"),
                self.tr("From new customers"),
                self.tr("Reachable pool"),
                self.tr("Customers won"),
            ]
        )
        header = self.slices.horizontalHeader()  # the area as wide as its names
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.slices)
        self.slices.doubleClicked.connect(lambda _index: self.edit_slice())
        self.slice_notes = QLabel()
        self.slice_notes.setWordWrap(True)
        layout.addWidget(self.slice_notes)
        layout.addLayout(
            button_row(
                (self.tr("Add slice…"), self.add_slice),
                (self.tr("Edit…"), self.edit_slice),
                (self.tr("Delete"), self.delete_slice),
            )
        )
        season = QHBoxLayout()
        self.base_target = money_box()
        self.base_target.setAccessibleName(self.tr("Base monthly target"))
        self.season_factor = QDoubleSpinBox()
        self.season_factor.setRange(0, 5)
        self.season_factor.setSingleStep(0.05)
        self.season_factor.setSpecialValueText(self.tr("none"))
        self.season_factor.setAccessibleName(self.tr("Season factor"))
        save = QPushButton(self.tr("Save"))
        save.clicked.connect(lambda _checked=False: self.save_season())
        season.addWidget(QLabel(self.tr("Base monthly target")))
        season.addWidget(self.base_target, 1)
        season.addWidget(QLabel(self.tr("× season factor")))
        season.addWidget(self.season_factor)
        season.addWidget(save)
        layout.addLayout(season)
        return frame

    # -- showing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        self.month = month_of(self.main.as_of)
        as_of = self.main.as_of
        target = planning.target_for(self.month)
        self.heading.setText(self.tr("Target for {month}").format(month=self.month))
        self._fill_form(target)
        numbers = figures.build(self.month, as_of)
        revenue = numbers.target_fen
        actual = numbers.actual.revenue_fen
        self.pace.setText(
            self.tr("{actual} of {expected} expected by today").format(
                actual=format_yuan(actual), expected=format_fen(numbers.expected_fen)
            )
            if numbers.has_target
            else self.tr(
                "{actual} so far · no target: set the revenue target to see the pace"
            ).format(actual=format_yuan(actual))
        )
        self.pace.setStyleSheet(f"color: {PACE_COLOURS.get(numbers.pace_status, NO_TARGET)};")
        self._fill_tiers(numbers)
        self._fill_calculator(target)
        self._fill_plan()
        self._fill_time(revenue, numbers.checkpoints)
        self._fill_swot()
        self._fill_slices()

    def _fill_form(self, target) -> None:
        self.statement.setText(target.statement if target else "")
        self.statement.setCursorPosition(0)
        self.revenue.setValue(target.revenue_fen / 100 if target else 0)
        self.floor.setValue((target.floor_fen or 0) / 100 if target else 0)
        self.stretch.setValue((target.stretch_fen or 0) / 100 if target else 0)
        self.visits.setValue(target.effective_visits or 0 if target else 0)
        self.new_customers.setValue(
            -1 if not target or target.new_customers is None else target.new_customers
        )
        self.long_term.setValue(target.new_long_term_customers or 0 if target else 0)
        self.uplift.setValue(float(target.average_order_uplift or 0) * 100 if target else 0)
        self.coefficient.setValue(
            float(target.challenge_coefficient if target else planning.DEFAULT_COEFFICIENT)
        )
        self.rate.setValue(float(target.manual_close_rate or 0) * 100 if target else 0)
        self.key_visits.setValue(target.key_account_executive_visits or 0 if target else 0)
        self.relevance.setText(target.relevance if target else "")
        self.relevance.setCursorPosition(0)

    def _fill_tiers(self, numbers) -> None:
        """保底 / 目标 / 冲刺: each line's amount and how much of it is done."""
        names = (self.tr("Floor"), self.tr("Target"), self.tr("Stretch"))
        self.tier_lines.setText(
            " · ".join(
                self.tr("{name} {amount} ({done} done)").format(
                    name=name, amount=format_yuan(tier), done=format_percent(done)
                )
                for name, tier, done in zip(
                    names, numbers.tiers, numbers.completion_tiers, strict=True
                )
                if tier
            )
            or self.tr("No revenue target: no floor, target or stretch line.")
        )

    def _fill_calculator(self, target) -> None:
        """The attainable calculator, the process ladder and the key accounts, as lines."""
        if target is None:
            lines = [self.tr("No target for this month yet: fill in the form and save.")]
        else:
            lines = self._calculator_lines(target) + self._process_lines(target)
        lines += self._key_account_lines(target)
        self.calc_lines.setText("<br>".join(lines))

    def _calculator_lines(self, target) -> list[str]:
        """Visits × close rate × the challenge coefficient → new customers (the guide's
        60 × 12% × 1.1 → 8), with where the close rate comes from."""
        calc = planning.calculator(target)
        months = planning.history_months(self.month)
        if calc.close_rate is None:
            return [
                self.tr(
                    "No effective visits in {first} – {last}: type the close rate you expect."
                ).format(first=months[0], last=months[-1])
            ]
        source = (
            self.tr("your records, {first} – {last}").format(first=months[0], last=months[-1])
            if calc.rate_from_history
            else self.tr("typed by you")
        )
        raw = calc.visits * calc.close_rate * planning.exact(calc.coefficient)
        lines = [
            self.tr("Close rate {rate} ({source})").format(
                rate=format_percent(calc.close_rate), source=source
            ),
            self.tr(
                "<b>{visits} visits × {rate} × {coefficient} = {raw} → {result} new customers</b>"
            ).format(
                visits=calc.visits,
                rate=format_percent(calc.close_rate),
                coefficient=calc.coefficient,
                raw=f"{float(raw):.2f}",
                result=calc.new_customers,
            ),
        ]
        if calc.stored is not None:
            lines.append(self.tr("You set {count} new customers.").format(count=calc.stored))
        return lines

    def _process_lines(self, target) -> list[str]:
        """The process ladder (a day → a week → a month), the average order's goal and the
        new long-term customers so far."""
        days = planning.month_working_days(self.month)
        ladder = planning.process_ladder(target.effective_visits or 0, days)
        lines = [
            self.tr(
                "Process: {day} a day → {week} a week → {month} a month ({days} working days)"
            ).format(day=ladder.per_day, week=ladder.per_week, month=ladder.per_month, days=days)
        ]
        before = planning.average_order_before(self.month)
        if before is not None and target.average_order_uplift is not None:
            goal = before * (1 + planning.exact(target.average_order_uplift))
            lines.append(
                self.tr("Average order: {before} over the last 3 months → goal {goal}").format(
                    before=format_fen(before), goal=format_fen(goal)
                )
            )
        lines.append(
            self.tr("New long-term customers so far: {count} of {goal}").format(
                count=planning.new_long_term_customers(self.month, self.main.as_of),
                goal=target.new_long_term_customers or 0,
            )
        )
        return lines

    def _key_account_lines(self, target) -> list[str]:
        accounts = planning.key_accounts(self.main.as_of)
        lines = [
            self.tr(
                "Key accounts: {count} customers bring {share} of the last 12 months' revenue"
            ).format(count=len(accounts.customers), share=format_percent(accounts.share))
        ]
        if target is not None:
            lines.append(
                self.tr("Executive visits to key accounts: {done} of {goal}").format(
                    done=planning.key_account_executive_visits(
                        self.month, self.main.as_of, accounts
                    ),
                    goal=target.key_account_executive_visits or 0,
                )
            )
        return lines

    def _fill_plan(self) -> None:
        self.rows = planning.decomposition(self.month)
        fill(
            self.plan,
            [
                [
                    row.line.product + (" ★" if row.line.high_ticket else ""),
                    row.line.customer_type,
                    format_yuan(row.line.revenue_fen),
                    format_yuan(row.line.average_order_fen),
                    format_percent(row.line.close_rate),
                    row.orders,
                    row.daily_actions,
                ]
                for row in self.rows
            ],
        )
        total = sum(row.line.revenue_fen for row in self.rows)
        summary = ", ".join(f"{row.daily_actions} × {row.line.product}" for row in self.rows)
        self.plan_total.setText(
            self.tr("Plan total {total} · every working day: {actions}").format(
                total=format_yuan(total), actions=summary or "—"
            )
        )

    def _fill_time(self, revenue: int, points: list) -> None:
        """The 旬 table (each 旬's revenue through as-of against what its working days so far
        expect) and the checkpoints."""
        periods = planning.periods(self.month, revenue, by="xun", as_of=self.main.as_of)
        names = [self.tr("1st–10th"), self.tr("11th–20th"), self.tr("21st–end")]
        rows, colours = [], {}
        for index, period in enumerate(periods):
            if period.status in PACE_COLOURS:
                colours[index] = PACE_COLOURS[period.status]
            rows.append(
                [
                    names[index],
                    period.working_days,
                    format_yuan(period.expected_fen),
                    format_yuan(period.expected_to_date_fen),
                    format_yuan(period.actual_fen),
                    label("pace", period.status),
                ]
            )
        fill(self.xun, rows, numeric_from=1, colours=colours)
        texts = [
            self.tr("{day}: {actual} of {expected} expected").format(
                day=point.day.isoformat(),
                actual=format_yuan(point.actual_fen),
                expected=format_fen(point.expected_fen),
            )
            if revenue
            else self.tr("{day}: {actual}").format(
                day=point.day.isoformat(), actual=format_yuan(point.actual_fen)
            )
            for point in points
        ]
        self.checkpoint_text.setText(
            "  ·  ".join(texts) or self.tr("The first checkpoint is on the 10th.")
        )

    def _fill_swot(self) -> None:
        notes = planning.swot(self.month)
        for kind, edit in self.swot_edits.items():
            edit.setPlainText("\n".join(notes.get(kind, [])))
        self.negotiation.setChecked(planning.has_negotiation_weakness(self.month))
        self._show_proposal()

    def _show_proposal(self) -> None:
        shift = (
            planning.negotiation_shift(self.month, Decimal(self.shift_percent.value()) / 100)
            if planning.has_negotiation_weakness(self.month)
            else None
        )
        self.apply_shift.setEnabled(bool(shift and shift.moved_fen))
        if shift is None:
            self.proposal.setText(
                self.tr(
                    "Tick a negotiation weakness to see how much of the "
                    "high-ticket (★) plan to move to volume lines."
                )
            )
        else:
            self.proposal.setText(
                self.tr(
                    "Weak at negotiation: move {percent}% ({amount}) of "
                    "the high-ticket lines' revenue to the volume lines?"
                ).format(percent=self.shift_percent.value(), amount=format_yuan(shift.moved_fen))
            )

    def _fill_slices(self) -> None:
        rows = self.slice_rows = planning.slices(self.month)
        base, factor = planning.season(self.month)
        self.base_target.setValue((base or 0) / 100)
        self.season_factor.setValue(float(factor or 0))
        stage = {"new": self.tr("new market"), "mature": self.tr("mature")}
        fill(
            self.slices,
            [
                [
                    row.slice.area,
                    row.slice.customer_type,
                    format_percent(row.slice.share),
                    format_yuan(row.revenue_fen),
                    stage.get(row.slice.market_stage, row.slice.market_stage),
                    format_percent(row.new_share),
                    "—"
                    if not row.pool
                    else self.tr("{pool} (estimated)").format(pool=row.pool)
                    if row.pool_estimated
                    else row.pool,
                    row.won,
                ]
                for row in rows
            ],
        )
        warnings = [
            self.tr(
                "{area}: new-customer development is saturated here: shift to "
                "repeat purchase and key accounts"
            ).format(area=row.slice.area)
            for row in rows
            if row.saturated
        ]
        seasonal = planning.seasonal_target(self.month)
        if seasonal is not None:
            warnings.append(
                self.tr("Base target × season factor for this month: {amount}").format(
                    amount=format_yuan(seasonal)
                )
            )
        self.slice_notes.setText(
            "\n".join(warnings)
            if warnings
            else (
                self.tr("No slices for this month yet (import them or add them later).")
                if not rows
                else ""
            )
        )
        self.slice_notes.setStyleSheet("color: #b26a00;" if any(r.saturated for r in rows) else "")

    # -- changing --------------------------------------------------------------------------
    def form_values(self) -> dict:
        rate = self.rate.value()
        return {
            "statement": self.statement.text().strip(),
            "revenue_fen": fen_of(self.revenue),
            "floor_fen": fen_of(self.floor) or None,
            "stretch_fen": fen_of(self.stretch) or None,
            "effective_visits": self.visits.value(),
            "new_customers": None if self.new_customers.value() < 0 else self.new_customers.value(),
            "new_long_term_customers": self.long_term.value(),
            "average_order_uplift": Decimal(f"{self.uplift.value():.2f}") / 100,
            "challenge_coefficient": Decimal(f"{self.coefficient.value():.2f}"),
            "manual_close_rate": None if rate == 0 else Decimal(f"{rate:.2f}") / 100,
            "key_account_executive_visits": self.key_visits.value(),
            "relevance": self.relevance.text().strip(),
        }

    def save_target(self) -> None:
        self.main.perform(ops.save_target(self.month, self.form_values()))

    def save_swot(self) -> None:
        notes = {kind: edit.toPlainText().splitlines() for kind, edit in self.swot_edits.items()}
        self.main.perform(ops.save_swot(self.month, notes, self.negotiation.isChecked()))

    def apply_negotiation_shift(self) -> None:
        share = Decimal(self.shift_percent.value()) / 100
        self.main.perform(ops.apply_negotiation_shift(self.month, share))

    def _selected_line(self) -> PlanLine | None:
        rows = self.plan.selectionModel().selectedRows()
        return self.rows[rows[0].row()].line if rows else None

    def add_line(self) -> None:
        self._line_dialog(None)

    def edit_line(self) -> None:
        line = self._selected_line()
        if line is not None:
            self._line_dialog(line)

    def _line_dialog(self, line: PlanLine | None) -> None:
        dialog = PlanLineDialog(self, line)
        if dialog.exec():
            values = dialog.values()
            if values is None:
                QMessageBox.warning(
                    self,
                    self.tr("Plan line"),
                    self.tr("A plan line needs a product and an average order above zero."),
                )
                return
            self.save_line(line.id if line else None, values)

    def save_line(self, line_id: int | None, values: dict) -> None:
        self.main.perform(ops.save_plan_line(line_id, self.month, values))

    def delete_line(self) -> None:
        line = self._selected_line()
        if line is not None:
            self.main.perform(ops.delete_plan_line(line.id))

    def _selected_slice(self) -> MarketSlice | None:
        rows = self.slices.selectionModel().selectedRows()
        return self.slice_rows[rows[0].row()].slice if rows else None

    def add_slice(self) -> None:
        self._slice_dialog(None)

    def edit_slice(self) -> None:
        piece = self._selected_slice()
        if piece is not None:
            self._slice_dialog(piece)

    def delete_slice(self) -> None:
        piece = self._selected_slice()
        if piece is not None:
            self.main.perform(ops.delete_slice(piece.id))

    def _slice_dialog(self, piece: MarketSlice | None) -> None:
        dialog = SliceDialog(self, piece)
        if dialog.exec():
            values = dialog.values()
            if values is None:
                QMessageBox.warning(
                    self, self.tr("Market slice"), self.tr("A market slice needs an area.")
                )
                return
            self.save_slice(piece.id if piece else None, values)

    def save_slice(self, slice_id: int | None, values: dict) -> None:
        self.main.perform(ops.save_slice(slice_id, self.month, values))

    def save_season(self) -> None:
        month = self.month
        base = fen_of(self.base_target) or None
        factor = (
            Decimal(f"{self.season_factor.value():.2f}") if self.season_factor.value() > 0 else None
        )
        self.main.perform(ops.save_season(month, base, factor))

    def send_to_board(self) -> int:
        added = self.main.board.sync(self.main.as_of)
        if added:
            self.main.announce(frozenset({changes.TASKS}))
        self.main.statusBar().showMessage(
            self.tr("{count} tasks sent to the four-quadrant board.").format(count=added), 8000
        )
        return added
