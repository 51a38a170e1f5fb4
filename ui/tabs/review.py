"""Monthly review 月度复盘: the latest review, its PDCA items and the case journal."""

from html import escape

from PySide6.QtWidgets import QTextBrowser

from app import review
from app.labels import label
from app.workdays import month_of
from ui.tabs.base import Tab
from ui.widgets import note_label


class ReviewTab(Tab):
    def __init__(self, main_window):
        super().__init__(main_window)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.page.addWidget(self.text, 1)
        self.page.addWidget(note_label(self.tr(
            "Coming next on this tab: writing the review with automatic readings of the "
            "figures, carrying PDCA items into next month, PDF export and printing.")))
        self.refresh()

    def title(self) -> str:
        return self.tr("Monthly review")

    def refresh(self) -> None:
        as_of = self.main.as_of
        found = review.latest_review(month_of(as_of))
        parts = []
        if found is None:
            heading = self.tr("No monthly review yet")
            parts.append(f"<h2>{escape(heading)}</h2>")
        else:
            heading = self.tr("Review of {month}").format(month=found.month)
            parts.append(f"<h2>{escape(heading)}</h2>")
            for caption, text in (
                (self.tr("Results"), found.results),
                (self.tr("Process"), found.process),
                (self.tr("Ability"), found.ability),
                (self.tr("Improvement plan"), found.improvement_plan),
                (self.tr("Kept as method"), found.kept_methods),
                (self.tr("Dropped"), found.dropped_methods),
            ):
                if text:
                    parts.append(f"<h3>{escape(caption)}</h3><p>{escape(text)}</p>")
            items = review.pdca_items(found)
            if items:
                heading = self.tr("PDCA")
                parts.append(f"<h3>{escape(heading)}</h3><ul>")
                for item in items:
                    parts.append(f"<li><b>{escape(label('pdca', item.phase))}</b>: "
                                 f"{escape(item.text)} ({escape(label('item', item.status))})"
                                 "</li>")
                parts.append("</ul>")
        cases = review.recent_cases(as_of)
        if cases:
            heading = self.tr("Case journal")
            parts.append(f"<h3>{escape(heading)}</h3><ul>")
            for case in cases:
                who = f" — {escape(case.customer.name)}" if case.customer_id else ""
                parts.append(f"<li>{case.date.isoformat()} {escape(case.title)}{who}</li>")
            parts.append("</ul>")
        self.text.setHtml("".join(parts))
