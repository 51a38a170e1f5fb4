"""Leads & customers 线索/客户: searchable tables; overdue follow-ups in red."""

from PySide6.QtWidgets import QLineEdit, QTabWidget

from app import leads, lifecycle
from app.labels import label
from app.money import format_yuan
from ui.tabs.base import Tab
from ui.widgets import Column, PagedTableModel, make_row, note_label, table_view


class LeadsTab(Tab):
    def __init__(self, main_window):
        super().__init__(main_window)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, contact, phone or industry (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search"))
        self.search.textChanged.connect(self.refresh)
        self.page.addWidget(self.search)
        self.lead_model = PagedTableModel(
            [Column(self.tr("Lead")), Column(self.tr("Tier")), Column(self.tr("Stage")),
             Column(self.tr("Channel")), Column(self.tr("Expected amount"), numeric=True),
             Column(self.tr("Last contact")), Column(self.tr("Follow up by")),
             Column(self.tr("Outcome"))],
            self._lead_rows,
        )
        self.customer_model = PagedTableModel(
            [Column(self.tr("Customer")), Column(self.tr("Contact")), Column(self.tr("Phone")),
             Column(self.tr("Industry")), Column(self.tr("Area")), Column(self.tr("Type")),
             Column(self.tr("Channel")), Column(self.tr("Lifecycle stage"))],
            self._customer_rows,
        )
        self.views = QTabWidget()
        self.views.addTab(table_view(self.lead_model), self.tr("Leads"))
        self.views.addTab(table_view(self.customer_model), self.tr("Customers"))
        self.page.addWidget(self.views, 1)
        self.page.addWidget(note_label(self.tr(
            "Coming next on this tab: the detail pane with editing, filters, the conversion "
            "workspace, channel ROI, referral rewards and persona win rates.")))

    def title(self) -> str:
        return self.tr("Leads && customers")

    def _lead_rows(self, offset, limit):
        rows = []
        for row in leads.lead_page(offset, limit, self.main.as_of, self.search.text().strip()):
            lead = row.lead
            rows.append(make_row([
                lead.name, lead.tier, lead.stage, row.channel,
                "" if lead.expected_amount_fen is None else format_yuan(lead.expected_amount_fen),
                lead.last_contact.isoformat() if lead.last_contact else "",
                row.due.isoformat() if lead.outcome == "open" else "",
                label("outcome", lead.outcome),
            ], highlight=row.overdue))
        return rows

    def _customer_rows(self, offset, limit):
        page = leads.customer_page(offset, limit, self.search.text().strip())
        stages = lifecycle.stages(self.main.as_of, [c.id for c in page])
        return [
            make_row([c.name, c.contact, c.phone, c.industry, c.area, c.customer_type,
                      getattr(c, "channel_name", None) or "",
                      label("stage", stages[c.id]) if stages.get(c.id) else ""],
                     highlight=stages.get(c.id) == "declining")
            for c in page
        ]

    def refresh(self) -> None:
        self.lead_model.reload()
        self.customer_model.reload()
