"""Dashboard 销售仪表盘: quick entry for the day, the month against target and last month,
trend charts with anomaly points, revenue against the pace line, channel ROI, Pareto.

pyqtgraph is imported the first time the tab is shown, so start-up does not pay for it.
"""

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import dashboard, figures, planning
from app.labels import label, week_caption
from app.money import format_fen, format_percent, format_yuan
from app.workdays import add_months, month_bounds, month_of
from ui import operations as changes
from ui.dialogs.order_dialog import OrderDialog
from ui.operations import dashboard as ops
from ui.tabs.base import Tab
from ui.widgets import PACE_COLOURS, FigureCard, title_label

BLUE, GREY, RED, AMBER = "#1f4e8c", "#8a94a0", "#c62828", "#b26a00"
RANGES = {"day": 31, "week": 16, "month": 6}
TEN_THOUSAND = 10_000  # 万: the money axes count in it


def money_unit() -> str:
    """The money axes' unit: 万元 (¥ 10k in English)."""
    return QCoreApplication.translate("DashboardTab", "¥ 10k")


def channel_tip() -> str:
    return QCoreApplication.translate(
        "DashboardTab",
        "Leads: the channel's leads created this month through the day shown; won: those of "
        "them won by then; conversion = won ÷ leads. Deals and revenue: the orders this month "
        "of the channel's customers, old and new; ROI = (revenue − cost) ÷ cost.",
    )


def _change(now, before, money=False, rate=False) -> str:
    """`▲ 12.0%` against last month (points for rates), `—` without a comparison."""
    if now is None or before is None:
        return "—"
    if rate:
        points = (float(now) - float(before)) * 100
        return f"{'▲' if points >= 0 else '▼'} {abs(points):.1f} pt"
    if not before:
        return "—"
    change = (float(now) - float(before)) / float(before) * 100
    return f"{'▲' if change >= 0 else '▼'} {abs(change):.1f}%"


ROI_NOTE_HEIGHT = 34  # the channel lines under the ROI chart (two in view, the rest scroll)
CHART_MINIMUM = (200, 128)  # a chart's and its placeholder's least size (width, height)


class DashboardTab(Tab):
    watches = frozenset(
        (
            changes.TARGETS,
            changes.LEADS,
            changes.CUSTOMERS,
            changes.ORDERS,
            changes.ACTIVITIES,
            changes.CHANNELS,
            changes.SETTINGS,
        )
    )

    def __init__(self, main_window):
        super().__init__(main_window)
        self.charts_built = False
        head = QHBoxLayout()
        self.heading = title_label("")
        head.addWidget(self.heading)
        head.addStretch(1)
        head.addWidget(QLabel(self.tr("Daily record")))
        self.day = QDateEdit(QDate(main_window.as_of))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.dateChanged.connect(lambda _d: self._load_record())
        head.addWidget(self.day)
        self.entry = {}
        for key, caption in (
            ("effective_visits", self.tr("Effective visits")),
            ("calls", self.tr("Calls")),
            ("effective_leads", self.tr("Effective leads")),
        ):
            spin = QSpinBox()
            spin.setRange(0, 10000)
            spin.setAccessibleName(caption)
            head.addWidget(QLabel(caption))
            head.addWidget(spin)
            self.entry[key] = spin
        save = QPushButton(self.tr("Save day"))
        save.clicked.connect(lambda _checked=False: self.save_record())
        order = QPushButton(self.tr("Add order…"))
        order.clicked.connect(lambda _checked=False: self.add_order())
        head.addWidget(save)
        head.addWidget(order)
        self.page.addLayout(head)

        cards = QGridLayout()
        cards.setSpacing(10)
        self.cards = {}
        for index, (key, caption) in enumerate(
            (
                ("revenue", self.tr("Revenue")),
                ("pace", self.tr("Pace")),
                ("effective_visits", self.tr("Effective visits")),
                ("effective_leads", self.tr("Effective leads")),
                ("deals", self.tr("Deals")),
                ("close_rate", self.tr("Close rate")),
                ("average_order_value", self.tr("Average order value")),
                ("new_customers", self.tr("New customers")),
            )
        ):
            card = FigureCard(caption)
            card.change = QLabel()
            card.change.setObjectName("cardTitle")
            card.layout().addWidget(card.change)
            card.layout().setContentsMargins(12, 6, 12, 8)
            self.cards[key] = card
            cards.addWidget(card, index // 4, index % 4)
        self.page.addLayout(cards)

        self.chart_grid = QGridLayout()
        self.chart_grid.setSpacing(10)
        self.page.addLayout(self.chart_grid, 1)
        self._build_chart_boxes()
        self.refresh()

    # -- figures -----------------------------------------------------------------------------
    def refresh(self) -> None:
        as_of = self.main.as_of
        month = month_of(as_of)
        self.heading.setText(
            self.tr("{month} through {date}").format(month=month, date=as_of.isoformat())
        )
        now = figures.build(month, as_of)
        self.figures = now  # the charts read the same figures
        # last month through the same day: its actuals alone (what the cards compare)
        was = figures.actuals(*dashboard.same_period_last_month(month, as_of))
        actual = now.actual
        self.cards["revenue"].set_value(format_yuan(actual.revenue_fen))
        self.cards["revenue"].change.setText(
            self.tr("{completion} of target · {change} vs last month").format(
                completion=format_percent(now.completion),
                change=_change(actual.revenue_fen, was.revenue_fen),
            )
            if now.has_target
            else self.tr("no target · {change} vs last month").format(
                change=_change(actual.revenue_fen, was.revenue_fen)
            )
        )
        for key in ("effective_visits", "effective_leads", "deals", "new_customers"):
            self.cards[key].set_value(f"{getattr(actual, key):,}")
            self.cards[key].change.setText(
                self.tr("{change} vs last month").format(
                    change=_change(getattr(actual, key), getattr(was, key))
                )
            )
        self.cards["close_rate"].set_value(format_percent(now.close_rate))
        self.cards["close_rate"].change.setText(
            self.tr("{change} vs last month").format(
                change=_change(now.close_rate, was.close_rate, rate=True)
            )
        )
        self.cards["average_order_value"].set_value(format_fen(now.average_order_fen))
        self.cards["average_order_value"].change.setText(
            self.tr("{change} vs last month").format(
                change=_change(now.average_order_fen, was.average_order_fen)
            )
        )
        status = now.pace_status
        self.cards["pace"].set_value(label("pace", status), PACE_COLOURS.get(status, GREY))
        self.cards["pace"].change.setText(
            self.tr("expected by today: {amount}").format(amount=format_fen(now.expected_fen))
            if now.has_target
            else self.tr("Set the month's revenue target on the Targets tab.")
        )
        self._load_record()
        if self.charts_built:
            self.draw_charts()

    def _load_record(self) -> None:
        figures = dashboard.record(self.day.date().toPython())
        for key, spin in self.entry.items():
            spin.setValue(getattr(figures, key))

    def save_record(self) -> None:
        day = self.day.date().toPython()
        wanted = dashboard.Record(**{key: spin.value() for key, spin in self.entry.items()})
        try:
            before = dashboard.record(day)
            dashboard.set_record(day, wanted)
            dashboard.set_record(day, before)  # checked: now do it through the undo stack
        except ValueError:
            QMessageBox.warning(
                self,
                self.tr("Daily record"),
                self.tr(
                    "The day already has more recorded elsewhere (imported or linked to a "
                    "customer); change those records instead."
                ),
            )
            self._load_record()
            return
        self.main.perform(ops.set_record(day, wanted))

    def add_order(self, values: dict | None = None) -> bool:
        if values is None:
            dialog = OrderDialog(self, self.main.as_of)
            if not dialog.exec():
                return False
            values = dialog.values()
            if values is None:
                QMessageBox.warning(
                    self, self.tr("Add an order"), self.tr("Choose a customer from the list.")
                )
                return False
        return self.main.perform(ops.add_order(values)) is not None

    # -- charts ------------------------------------------------------------------------------
    def showEvent(self, event):  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.ensure_charts()

    def _build_chart_boxes(self) -> None:
        """The four chart boxes at their final place and size, each holding a placeholder
        until its plot is made (pyqtgraph is loaded on first show): the tab does not jump."""
        trend_box = QFrame()
        trend_box.setObjectName("card")
        trend = QVBoxLayout(trend_box)
        controls = QHBoxLayout()
        controls.addWidget(title_label(self.tr("Trend"), "sectionTitle"))
        controls.addStretch(1)
        self.metric = QComboBox()
        for key, caption in (
            ("effective_visits", self.tr("Effective visits")),
            ("effective_leads", self.tr("Effective leads")),
            ("close_rate", self.tr("Close rate")),
            ("average_order", self.tr("Average order value")),
        ):
            self.metric.addItem(caption, key)
        self.metric.setCurrentIndex(2)
        self.period = QComboBox()
        for key, caption in (
            ("day", self.tr("Daily")),
            ("week", self.tr("Weekly")),
            ("month", self.tr("Monthly")),
        ):
            self.period.addItem(caption, key)
        self.period.setCurrentIndex(1)
        self.metric.currentIndexChanged.connect(lambda _i: self.draw_trend())
        self.period.currentIndexChanged.connect(lambda _i: self.draw_trend())
        controls.addWidget(self.metric)
        controls.addWidget(self.period)
        trend.addLayout(controls)
        self.slots = {"trend": (trend, self._placeholder())}
        trend.addWidget(self.slots["trend"][1], 1)
        self.hint = QLabel()
        self.hint.setStyleSheet(f"color: {RED};")
        trend.addWidget(self.hint)
        self.chart_grid.addWidget(trend_box, 0, 0)
        self.chart_boxes = [trend_box]
        for name, caption, row, column in (
            ("pace", self.tr("Revenue against the target pace"), 0, 1),
            ("roi", self.tr("Channel ROI this month"), 1, 0),
            ("pareto", self.tr("Customer Pareto: cumulative share of 12-month revenue"), 1, 1),
        ):
            box = QFrame()
            box.setObjectName("card")
            layout = QVBoxLayout(box)
            layout.addWidget(title_label(caption, "sectionTitle"))
            self.slots[name] = (layout, self._placeholder())
            layout.addWidget(self.slots[name][1], 1)
            if name == "pareto":  # the chart in words, under it
                self.pareto_note = QLabel()
                self.pareto_note.setObjectName("cardTitle")
                self.pareto_note.setWordWrap(True)
                layout.addWidget(self.pareto_note)
            if name == "roi":  # the channels' figures in words, under their chart
                self.roi_note = QLabel()
                self.roi_note.setObjectName("cardTitle")
                self.roi_note.setWordWrap(True)
                self.roi_note.setToolTip(channel_tip())
                lines = QScrollArea()  # a line per channel, in the room the chart leaves
                lines.setWidget(self.roi_note)
                lines.setWidgetResizable(True)
                lines.setFrameShape(QFrame.Shape.NoFrame)
                lines.setMaximumHeight(ROI_NOTE_HEIGHT)
                layout.addWidget(lines)
            self.chart_grid.addWidget(box, row, column)
            self.chart_boxes.append(box)
        for index in range(2):  # the two rows and columns share the space alike
            self.chart_grid.setRowStretch(index, 1)
            self.chart_grid.setColumnStretch(index, 1)

    @staticmethod
    def _placeholder() -> QWidget:
        widget = QWidget()
        widget.setMinimumSize(*CHART_MINIMUM)
        widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        return widget

    def ensure_charts(self) -> None:
        """The plots, made in their boxes' places (pyqtgraph loaded now, on first show)."""
        if self.charts_built:
            return
        import pyqtgraph as pg  # noqa: F401 - loaded here, on first show

        pg.setConfigOptions(antialias=True, background="w", foreground="#1d2733")
        self.pg = pg
        plots = {}
        for name, (layout, placeholder) in self.slots.items():
            plot = pg.PlotWidget()
            plot.setMinimumSize(*CHART_MINIMUM)
            plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            layout.replaceWidget(placeholder, plot)
            placeholder.deleteLater()
            plots[name] = plot
        self.trend_plot, self.pace_plot = plots["trend"], plots["pace"]
        self.roi_plot, self.pareto_plot = plots["roi"], plots["pareto"]
        self.charts_built = True
        self.draw_charts()

    def draw_charts(self) -> None:
        self.draw_trend()
        self.draw_pace(self.trend_days)  # the month's days are among those the trend read
        self.draw_roi()
        self.draw_pareto()

    def _categories(self, plot, labels: list[str], every: int = 1) -> None:
        plot.getAxis("bottom").setTicks(
            [[(i, text) for i, text in enumerate(labels) if i % every == 0 or i == len(labels) - 1]]
        )

    def _hover_points(self, plot, xs, ys, labels, colour=BLUE, size=7, tip=None):
        points = self.pg.ScatterPlotItem(
            x=xs,
            y=ys,
            data=labels,
            size=size,
            brush=colour,
            pen=None,
            hoverable=True,
            hoverSize=size + 4,
            tip=tip or (lambda x, y, data: f"{data}: {y:,.2f}"),
        )
        plot.addItem(points)
        return points

    def trend_series(self) -> tuple[list[str], list[float | None], list]:
        """Labels, values and the anomalies of the chosen metric and period."""
        as_of = self.main.as_of
        by = self.period.currentData()
        if by == "day":
            start = as_of - timedelta(days=RANGES["day"] - 1)
        elif by == "week":
            start = as_of - timedelta(days=7 * RANGES["week"] - 1)
            start -= timedelta(days=start.weekday())
        else:
            start = add_months(as_of.replace(day=1), -(RANGES["month"] - 1))
        days = self.trend_days = dashboard.daily(start, as_of)
        periods = dashboard.grouped(days, by)
        key = self.metric.currentData()
        values = []
        for period in periods:
            value = getattr(period, key)
            if value is not None and key in ("average_order", "close_rate"):
                value = value * 100 if key == "close_rate" else value / 100  # %, yuan
                # (a period without effective visits has no close rate: a gap in the line)
            values.append(None if value is None else float(value))
        found = (
            dashboard.anomalies(month_of(as_of), as_of, days)  # from the days read above
            if key == "close_rate" and by == "week"
            else []
        )
        names = {"day": lambda p: p.label[5:], "week": lambda p: week_caption(p.label)}
        return [names.get(by, lambda p: p.label)(p) for p in periods], values, found

    def draw_trend(self) -> None:
        plot = self.trend_plot
        plot.clear()
        labels, values, found = self.trend_series()
        xs = [i for i, v in enumerate(values) if v is not None]
        ys = [values[i] for i in xs]
        if ys:
            # NaN where a period has no value, drawn as a gap (never as 0 or joined across)
            plot.plot(
                list(range(len(values))),
                [float("nan") if v is None else v for v in values],
                pen=self.pg.mkPen(BLUE, width=2),
                connect="finite",
            )
            self._hover_points(plot, xs, ys, [labels[i] for i in xs])
        captions = {week_caption(a.week): a for a in found}
        marked = [i for i, text in enumerate(labels) if text in captions]
        if marked:
            self._hover_points(
                plot,
                marked,
                [values[i] for i in marked],
                [labels[i] for i in marked],
                colour=RED,
                size=14,
            )
        self.hint.setText(
            self.tr(
                "Close rate well below its recent level in {weeks}: check the pitch or the product."
            ).format(weeks=", ".join(week_caption(a.week) for a in found))
            if found
            else ""
        )
        self._categories(plot, labels, every=max(1, len(labels) // 8))
        units = {"close_rate": "%", "average_order": "¥"}
        plot.setLabel("left", units.get(self.metric.currentData(), ""))
        plot.showGrid(y=True, alpha=0.2)

    def draw_pace(self, read: list | None = None) -> None:
        """Revenue through as-of against the target's pace line, on a ¥ 万 axis; `read`: days
        already read (`dashboard.daily`), used when they cover the month through as-of."""
        plot = self.pace_plot
        plot.clear()
        as_of = self.main.as_of
        month = month_of(as_of)
        first, last = month_bounds(month)
        target = planning.target_for(month)
        end = min(last, max(as_of, first))
        if read and read[0].start <= first and read[-1].start >= end:
            days = [day for day in read if first <= day.start <= end]
        else:
            days = dashboard.daily(first, end)
        scale = TEN_THOUSAND * 100  # fen in 万
        total, cumulative = 0, []
        for day in days:
            total += day.revenue_fen
            cumulative.append(total / scale)
        xs = list(range(1, len(days) + 1))
        upto = min(as_of, last).day if as_of >= first else 0
        plot.addLegend(offset=(10, 5))
        tiers = planning.tiers(target)
        styles = (
            (tiers.floor, self.tr("Floor pace"), Qt.PenStyle.DotLine),
            (tiers.target, self.tr("Target pace"), Qt.PenStyle.DashLine),
            (tiers.stretch, self.tr("Stretch pace"), Qt.PenStyle.DashDotLine),
        )
        for tier_fen, name, style in styles:
            if tier_fen:
                plot.plot(
                    list(range(1, last.day + 1)),
                    [float(fen) / scale for fen in planning.pace_line(tier_fen, month)],
                    pen=self.pg.mkPen(GREY, width=2, style=style),
                    name=name,
                )
        plot.plot(
            xs[:upto], cumulative[:upto], pen=self.pg.mkPen(BLUE, width=3), name=self.tr("Revenue")
        )
        self._hover_points(
            plot,
            xs[:upto],
            cumulative[:upto],
            [d.start.isoformat() for d in days[:upto]],
            tip=lambda x, y, data: f"{data}: {format_yuan(round(y * scale))}",
        )
        plot.getAxis("bottom").setTicks([[(d, str(d)) for d in (1, 5, 10, 15, 20, 25, last.day)]])
        plot.setLabel("left", money_unit())
        plot.showGrid(y=True, alpha=0.2)

    def draw_roi(self) -> None:
        """Each channel's ROI this month (through as-of); the note beside it shows its leads →
        won → conversion apart from its customers' deals and revenue."""
        plot = self.roi_plot
        plot.clear()
        found = self.figures.channels
        rows = [row for row in found if row.roi is not None]
        values = [float(row.roi) * 100 for row in rows]
        brushes = [BLUE if v >= 0 else RED for v in values]
        if rows:
            plot.addItem(
                self.pg.BarGraphItem(
                    x=list(range(len(rows))), height=values, width=0.6, brushes=brushes
                )
            )
            self._hover_points(
                plot,
                list(range(len(rows))),
                values,
                [self.channel_line(row) for row in rows],
                colour="#00000000",
                size=18,
                tip=lambda x, y, data: data,
            )
        self._categories(plot, [row.channel for row in rows])
        plot.setLabel("left", "ROI %")
        plot.showGrid(y=True, alpha=0.2)
        self.roi_note.setText("<br>".join(self.channel_line(row) for row in found) or "—")

    def channel_line(self, row) -> str:
        return self.tr(
            "{channel}: leads {leads} → won {won} ({conversion}) · deals {deals}, revenue "
            "{revenue} · ROI {roi}"
        ).format(
            channel=row.channel,
            leads=row.leads,
            won=row.won,
            conversion=format_percent(row.conversion),
            deals=row.deals,
            revenue=format_yuan(row.revenue_fen),
            roi=format_percent(row.roi),
        )

    def draw_pareto(self) -> None:
        """The largest customers of the last 12 months, a bar each (amber: in the top fifth
        of the customers), the others as one bar, and the cumulative share as a line: which
        few customers make most of the revenue. The note says it in words."""
        plot = self.pareto_plot
        plot.clear()
        found = dashboard.pareto(self.main.as_of)
        self.pareto_note.setText(self.pareto_line(found))
        if not found.total_fen:
            return
        bars = [(name, revenue) for name, revenue in found.top]
        names = [name for name, _revenue in bars]
        if found.rest_customers:
            bars.append((self.tr("the rest"), found.rest_fen))
            names.append(self.tr("the other {count} customers").format(count=found.rest_customers))
        heights = [float(found.share(revenue)) * 100 for _name, revenue in bars]
        xs = list(range(len(bars)))  # the largest customer at 0, "the rest" last
        amber = min(found.top_fifth, len(found.top))  # named customers in the top fifth
        for colour, part in ((AMBER, slice(0, amber)), (GREY, slice(amber, None))):
            if xs[part]:
                plot.addItem(
                    self.pg.BarGraphItem(x=xs[part], height=heights[part], width=0.7, brush=colour)
                )
        running, shares = 0, []
        for _name, revenue in bars:
            running += revenue
            shares.append(float(found.share(running)) * 100)
        plot.plot(xs, shares, pen=self.pg.mkPen(BLUE, width=2))
        self._hover_points(
            plot,
            xs,
            heights,
            [
                self.tr("{name}: {revenue} ({share}; cumulative {cumulative})").format(
                    name=name,
                    revenue=format_yuan(revenue),
                    share=format_percent(found.share(revenue)),
                    cumulative=f"{cumulative:.1f}%",
                )
                for name, (_caption, revenue), cumulative in zip(names, bars, shares, strict=True)
            ],
            colour="#00000000",
            size=18,
            tip=lambda x, y, data: data,
        )
        self._categories(
            plot,
            [str(rank) for rank in range(1, len(found.top) + 1)]
            + [name for name, _revenue in bars[len(found.top) :]],
        )
        plot.setYRange(0, 100, padding=0.05)
        plot.setLabel("left", self.tr("% of revenue"))
        plot.setLabel("bottom", self.tr("customers, largest first"))
        plot.showGrid(y=True, alpha=0.2)

    def pareto_line(self, found) -> str:
        """The Pareto chart in words: the named customers' share, the top fifth's."""
        if not found.total_fen:
            return self.tr("No orders in the last 12 months.")
        return self.tr(
            "Top {named} of {customers} customers: {named_share} of the revenue · the top "
            "20% ({fifth} customers): {fifth_share}"
        ).format(
            named=len(found.top),
            customers=found.customers,
            named_share=format_percent(found.share(found.total_fen - found.rest_fen)),
            fifth=found.top_fifth,
            fifth_share=format_percent(found.share(found.top_fifth_fen)),
        )
