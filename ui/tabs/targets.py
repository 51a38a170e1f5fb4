"""Targets 目标: the month's target and its plan lines as stored."""

from PySide6.QtWidgets import QFormLayout, QLabel

from app import planning
from app.money import format_yuan
from app.workdays import month_of
from ui.tabs.base import Tab
from ui.widgets import Column, PagedTableModel, make_row, note_label, table_view, title_label


class TargetsTab(Tab):
    def __init__(self, main_window):
        super().__init__(main_window)
        self.heading = title_label("")
        self.page.addWidget(self.heading)
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(24)
        self.fields = {}
        for key, caption in (
            ("statement", self.tr("Target statement")),
            ("revenue", self.tr("Revenue target")),
            ("visits", self.tr("Effective visits target")),
            ("new_customers", self.tr("New customers target")),
            ("coefficient", self.tr("Challenge coefficient")),
            ("working_days", self.tr("Working days this month")),
            ("relevance", self.tr("Relevance")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            self.fields[key] = value
            self.form.addRow(caption, value)
        self.page.addLayout(self.form)
        self.page.addWidget(title_label(self.tr("Plan lines (product × customer type)"),
                                        "sectionTitle"))
        self.plan_model = PagedTableModel(
            [Column(self.tr("Product")), Column(self.tr("Customer type")),
             Column(self.tr("Revenue"), numeric=True),
             Column(self.tr("Average order"), numeric=True),
             Column(self.tr("Close rate"), numeric=True)],
            self._plan_rows,
        )
        self.plan = table_view(self.plan_model)
        self.page.addWidget(self.plan, 1)
        self.page.addWidget(note_label(self.tr(
            "Coming next on this tab: the attainable calculator, the process ladder, market "
            "slicing, SWOT calibration, the cross decomposition into daily actions, and the "
            "10th/20th checkpoints.")))
        self.refresh()

    def title(self) -> str:
        return self.tr("Targets")

    def _plan_rows(self, offset, limit):
        month = month_of(self.main.as_of)
        return [
            make_row([line.product, line.customer_type, format_yuan(line.revenue_fen),
                      format_yuan(line.average_order_fen), f"{line.close_rate * 100:.1f}%"])
            for line in planning.plan_lines(month)[offset:offset + limit]
        ]

    def refresh(self) -> None:
        month = month_of(self.main.as_of)
        self.heading.setText(self.tr("Target for {month}").format(month=month))
        target = planning.target_for(month)
        days = planning.month_working_days(month)
        blank = self.tr("not set")
        self.fields["working_days"].setText(str(days))
        if target is None:
            for key in ("statement", "revenue", "visits", "new_customers", "coefficient",
                        "relevance"):
                self.fields[key].setText(blank)
        else:
            self.fields["statement"].setText(target.statement or blank)
            self.fields["revenue"].setText(format_yuan(target.revenue_fen))
            self.fields["visits"].setText(
                blank if target.effective_visits is None else str(target.effective_visits))
            self.fields["new_customers"].setText(
                self.tr("computed by the attainable calculator") if target.new_customers is None
                else str(target.new_customers))
            self.fields["coefficient"].setText(str(target.challenge_coefficient))
            self.fields["relevance"].setText(target.relevance or blank)
        self.plan_model.reload()
