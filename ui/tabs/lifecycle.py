"""Lifecycle calendar 客户生命周期: the month's touchpoints as an agenda."""

from datetime import timedelta

from app import lifecycle
from app.labels import label
from ui.tabs.base import Tab
from ui.widgets import Column, PagedTableModel, make_row, note_label, table_view, title_label


class LifecycleTab(Tab):
    def __init__(self, main_window):
        super().__init__(main_window)
        self.heading = title_label("")
        self.page.addWidget(self.heading)
        self.model = PagedTableModel(
            [Column(self.tr("Date")), Column(self.tr("Customer")), Column(self.tr("Touchpoint")),
             Column(self.tr("Status"))],
            self._rows,
        )
        self.view = table_view(self.model, stretch_column=1)
        self.page.addWidget(self.view, 1)
        self.page.addWidget(note_label(self.tr(
            "Coming next on this tab: touchpoints generated from the rules (callbacks, reviews, "
            "renewals, birthdays, holidays, content), churn warnings, the month grid, and "
            "done / snooze / skip.")))
        self.refresh()

    def title(self) -> str:
        return self.tr("Lifecycle calendar")

    def _rows(self, offset, limit):
        as_of = self.main.as_of
        events = lifecycle.agenda(as_of.replace(day=1), as_of)[offset:offset + limit]
        return [
            make_row([event.due.isoformat(), event.customer.name, label("event", event.kind),
                      label("status", event.status)],
                     highlight=event.status == "due" and event.due < as_of)
            for event in events
        ]

    def refresh(self) -> None:
        self.heading.setText(self.tr("Touchpoints from {start} to {end}").format(
            start=self.main.as_of.replace(day=1).isoformat(),
            end=(self.main.as_of + timedelta(days=lifecycle.AGENDA_DAYS)).isoformat()))
        self.model.reload()
