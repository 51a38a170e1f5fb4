"""Dashboard 销售仪表盘: the month's headline figures from the daily record."""

from PySide6.QtWidgets import QGridLayout

from app import metrics
from app.money import format_yuan, yuan_to_fen
from app.workdays import month_of
from ui.tabs.base import Tab
from ui.widgets import FigureCard, note_label, title_label


def _percent(value) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


class DashboardTab(Tab):
    def __init__(self, main_window):
        super().__init__(main_window)
        self.heading = title_label("")
        self.page.addWidget(self.heading)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.cards = {}
        captions = (
            ("revenue", self.tr("Revenue")),
            ("deals", self.tr("Deals")),
            ("average_order_value", self.tr("Average order value")),
            ("close_rate", self.tr("Close rate")),
            ("effective_visits", self.tr("Effective visits")),
            ("effective_leads", self.tr("Effective leads")),
            ("calls", self.tr("Calls")),
            ("new_customers", self.tr("New customers")),
            ("working_days", self.tr("Working days elapsed")),
        )
        for index, (key, caption) in enumerate(captions):
            card = FigureCard(caption)
            self.cards[key] = card
            grid.addWidget(card, index // 3, index % 3)
        self.page.addLayout(grid)
        self.page.addStretch(1)
        self.page.addWidget(note_label(self.tr(
            "Coming next on this tab: quick entry for today, comparison with target and last "
            "month, trend charts with anomaly points, channel ROI and the customer Pareto "
            "chart.")))
        self.refresh()

    def title(self) -> str:
        return self.tr("Dashboard")

    def refresh(self) -> None:
        as_of = self.main.as_of
        month = month_of(as_of)
        summary = metrics.month_summary(month, as_of)
        self.heading.setText(self.tr("{month} through {date}").format(
            month=month, date=as_of.isoformat()))
        actual = summary["actual"]
        self.cards["revenue"].set_value(format_yuan(yuan_to_fen(actual["revenue"])))
        for key in ("deals", "effective_visits", "effective_leads", "calls", "new_customers"):
            self.cards[key].set_value(f"{actual[key]:,}")
        average = summary["average_order_value"]
        self.cards["average_order_value"].set_value(
            "—" if average is None else format_yuan(round(average * 100)))
        self.cards["close_rate"].set_value(_percent(summary["close_rate"]))
        days = summary["working_days"]
        self.cards["working_days"].set_value(f"{days['elapsed']} / {days['month']}")
