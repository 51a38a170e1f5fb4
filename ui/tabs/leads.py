"""Leads & customers 线索/客户: tables filtered and sorted in SQL, the conversion workspace
of the selected lead, channels with ROI and referral rewards, and the persona win rates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import contacts, leads, lifecycle, names, persona
from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, message
from app.labels import label
from app.money import format_fen, format_percent, format_yuan, yuan_to_fen
from app.workdays import month_of
from ui import operations as changes
from ui.dialogs.contacts_editor import ContactsDialog
from ui.dialogs.customer_dialog import CustomerDialog
from ui.dialogs.lead_dialogs import NewLeadDialog, WonDialog
from ui.dialogs.objection_dialog import ObjectionDialog
from ui.operations import leads as ops
from ui.tabs.base import Tab
from ui.widgets import (
    Column,
    PagedTableModel,
    make_row,
    money_box,
    note_label,
    table_view,
    title_label,
)

if TYPE_CHECKING:  # the leads the tab shows are app/'s; only their type is named here
    from app.models import Lead

SEARCH_PAUSE_MS = 250
PERSONA_VIEW = 2  # the Channels & persona page of the tab
PERSONA_MARK = "★"  # before the name of an open lead matching a saved persona
LEAD_COLUMNS = (
    "name",
    "tier",
    "stage",
    "channel",
    "expected_amount",
    "last_contact",
    "due",
    "outcome",
)


class SortablePagedModel(PagedTableModel):
    """A paged model whose header click sorts in SQL (never in Python)."""

    def __init__(self, columns, fetch, sort_keys, parent=None):
        self.sort_keys = sort_keys
        self.sort_key, self.descending = None, False
        super().__init__(columns, fetch, parent)

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):
        key = self.sort_keys[column] if 0 <= column < len(self.sort_keys) else None
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending):
            return  # in that order already (Qt asks again when a view switches sorting on)
        self.sort_key, self.descending = key, descending
        self.reload()


class ChoicesOnOpen(QComboBox):
    """A filter box whose first choice ("All …") is there from the start and the others are
    read when the rep opens the list or moves into the box (reading them may scan every
    lead); after a change of the data they are read again at the next opening. The choice
    made stays in the list."""

    def __init__(self, everything: str, read):
        super().__init__()
        self.addItem(everything, None)
        self.read, self.stale = read, True

    def choices_changed(self) -> None:
        self.stale = True

    def fill(self) -> None:
        if not self.stale:
            return
        self.stale = False
        chosen = self.currentData()
        values = self.read()
        if chosen is not None and chosen not in values:
            values = sorted([*values, chosen])
        self.blockSignals(True)
        while self.count() > 1:
            self.removeItem(1)
        for value in values:
            self.addItem(value, value)
        self.setCurrentIndex(max(self.findData(chosen), 0))
        self.blockSignals(False)

    def showPopup(self) -> None:  # noqa: N802 - Qt's name
        self.fill()
        super().showPopup()

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.fill()
        super().focusInEvent(event)


class LeadsTab(Tab):
    watches = frozenset(
        (
            changes.LEADS,
            changes.CUSTOMERS,
            changes.ORDERS,
            changes.ACTIVITIES,
            changes.CHANNELS,
            changes.TOUCHPOINTS,
            changes.SETTINGS,
        )
    )

    def __init__(self, main_window):
        super().__init__(main_window)
        self.lead: Lead | None = None
        self.filter_bar = self._build_filters()
        self.page.addWidget(self.filter_bar)
        self.warning = note_label("")
        self.warning.setStyleSheet("background: #fdecea; border-color: #f5c2c0; color: #8e1c1c;")
        self.page.addWidget(self.warning)
        self._build_models()
        self.views = QTabWidget()
        splitter = QSplitter()
        self.lead_view = table_view(self.lead_model, "leads", sortable=True)
        self.lead_view.selectionModel().selectionChanged.connect(self._lead_selected)
        splitter.addWidget(self.lead_view)
        splitter.addWidget(self._build_detail())
        splitter.setSizes([800, 420])
        self.views.addTab(splitter, self.tr("Leads"))
        self.customer_view = table_view(self.customer_model, "customers")
        self.customer_view.doubleClicked.connect(
            lambda index: self.edit_customer(self.customer_model.rows[index.row()].record_id)
        )
        self.views.addTab(self._build_customers(), self.tr("Customers"))
        self.views.addTab(self._build_channels(), self.tr("Channels && persona"))
        # the Channels & persona page is worked out when shown (its win rates read every
        # closed lead): after a change while it is hidden, when it is next shown
        self.channels_stale = True
        self.page.addWidget(self.views, 1)
        self.views.currentChanged.connect(lambda _index: self._sub_tab_shown())
        self._show_filters()
        self._fill_channels_filter()
        self._count_leads()  # the tables read their first page when made, not again here
        self._refresh_beside_tables()

    def _build_filters(self) -> QWidget:
        """The search, the filters, the count of leads and the lead buttons."""
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, contact, phone or industry (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search"))
        # typing waits for a pause before the tables are asked again (a search scans 100,000
        # leads in about a tenth of a second: not once a keystroke)
        self.search_pause = QTimer(self)
        self.search_pause.setSingleShot(True)
        self.search_pause.setInterval(SEARCH_PAUSE_MS)
        self.search_pause.timeout.connect(self.reload_tables)
        self.search.textChanged.connect(self.search_pause.start)
        filters.addWidget(self.search, 2)
        self.tier = QComboBox()
        self.tier.addItem(self.tr("All tiers"), None)
        for tier in ("A", "B", "C"):
            self.tier.addItem(tier, tier)
        self.channel = QComboBox()
        self.outcome = QComboBox()
        self.outcome.addItem(self.tr("Any outcome"), None)
        for outcome in ("open", "won", "lost"):
            self.outcome.addItem(label("outcome", outcome), outcome)
        self.overdue_only = QCheckBox(self.tr("Overdue only"))
        self.tag = QComboBox()
        self.tag.addItem(self.tr("All tags"), None)
        for name in leads.tag_names():
            self.tag.addItem(name, name)
        # the stages the leads use: read when the list is opened (it reads every lead)
        self.stage = ChoicesOnOpen(self.tr("All stages"), leads.lead_stages)
        self.lifecycle_stage = QComboBox()
        self.lifecycle_stage.addItem(self.tr("Any lifecycle stage"), None)
        for stage in ("new", "growth", "mature", "declining"):
            self.lifecycle_stage.addItem(label("stage", stage), stage)
        for widget in (
            self.tier,
            self.stage,
            self.channel,
            self.outcome,
            self.tag,
            self.lifecycle_stage,
        ):
            widget.currentIndexChanged.connect(lambda _i: self.reload_tables())
            filters.addWidget(widget)
        self.overdue_only.toggled.connect(lambda _c: self.reload_tables())
        filters.addWidget(self.overdue_only)
        self.count_label = QLabel()  # how many leads the filters hold, and how many overdue
        self.count_label.setObjectName("cardTitle")
        filters.addWidget(self.count_label)
        self.lead_buttons = []
        for text, slot in (
            (self.tr("New lead…"), self.new_lead),
            (self.tr("Delete lead"), self.delete_lead),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            filters.addWidget(button)
            self.lead_buttons.append(button)
        bar = QWidget()
        bar.setLayout(filters)
        filters.setContentsMargins(0, 0, 0, 0)
        return bar

    def _build_models(self) -> None:
        """The leads' and the customers' paged models (a page read at a time, in SQL)."""
        self.lead_model = SortablePagedModel(
            [
                Column(self.tr("Lead")),
                Column(self.tr("Tier")),
                Column(self.tr("Stage")),
                Column(self.tr("Channel")),
                Column(self.tr("Expected amount"), numeric=True),
                Column(self.tr("Last contact")),
                Column(self.tr("Follow up by")),
                Column(self.tr("Outcome")),
            ],
            self._lead_rows,
            LEAD_COLUMNS,
        )
        self.customer_model = PagedTableModel(
            [
                Column(self.tr("Customer")),
                Column(self.tr("Contact")),
                Column(self.tr("Phone")),
                Column(self.tr("Industry")),
                Column(self.tr("Area")),
                Column(self.tr("Type")),
                Column(self.tr("Channel")),
                Column(self.tr("Lifecycle stage")),
            ],
            self._customer_rows,
        )

    def _sub_tab_shown(self) -> None:
        """A sub-tab brought to the front: its filters, and the Channels & persona page
        worked out if the data changed since it was last shown."""
        self._show_filters()
        if self.views.currentIndex() == PERSONA_VIEW and self.channels_stale:
            self._fill_channels_page()

    def _show_filters(self) -> None:
        """The filters (and buttons) of the sub-tab shown: the leads' on Leads, the search
        and lifecycle stage on Customers, none on Channels & persona."""
        sub = self.views.currentIndex()
        self.filter_bar.setVisible(sub in (0, 1))
        for widget in (
            self.tier,
            self.stage,
            self.channel,
            self.outcome,
            self.tag,
            self.overdue_only,
            self.count_label,
            *self.lead_buttons,
        ):
            widget.setVisible(sub == 0)
        self.lifecycle_stage.setVisible(sub == 1)

    # -- building ---------------------------------------------------------------------------
    def _build_detail(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QFrame()
        body.setObjectName("card")
        layout = QVBoxLayout(body)
        self.detail_title = title_label(self.tr("Select a lead"), "sectionTitle")
        layout.addWidget(self.detail_title)
        self.detail_facts = QLabel()
        self.detail_facts.setWordWrap(True)
        layout.addWidget(self.detail_facts)
        form = QFormLayout()
        self.detail_tier = QComboBox()
        for tier in ("A", "B", "C"):
            self.detail_tier.addItem(tier, tier)
        self.detail_stage = QLineEdit()
        self.detail_size = QLineEdit()
        self.detail_revenue = money_box(self.tr("not known"))
        self.detail_budget = money_box(self.tr("not known"))
        form.addRow(self.tr("Tier"), self.detail_tier)
        form.addRow(self.tr("Stage"), self.detail_stage)
        for caption, widget in (
            (self.tr("Size"), self.detail_size),
            (self.tr("Annual revenue"), self.detail_revenue),
            (self.tr("Budget"), self.detail_budget),
        ):
            widget.setAccessibleName(caption)
            form.addRow(caption, widget)
        layout.addLayout(form)
        self._build_conversion(layout)
        scroll.setWidget(body)
        self.detail = body
        return scroll

    def _build_conversion(self, layout: QVBoxLayout) -> None:
        """The conversion workspace: discovery questions, closing signals, objections and
        the lead's actions."""
        layout.addWidget(title_label(self.tr("The three discovery questions"), "sectionTitle"))
        self.discovery = {}
        for key, question in (
            ("discovery_efficiency", self.tr("How efficient is this part of your work today?")),
            ("discovery_hidden_costs", self.tr("What hidden costs does the problem bring?")),
            ("discovery_tried", self.tr("What have you tried, and how did it work?")),
        ):
            layout.addWidget(QLabel(question))
            edit = QPlainTextEdit()
            edit.setFixedHeight(44)
            edit.setAccessibleName(question)
            self.discovery[key] = edit
            layout.addWidget(edit)
        layout.addWidget(title_label(self.tr("Closing signals"), "sectionTitle"))
        self.signals = {}
        for key, caption in (
            ("signal_after_sales", self.tr("Asks about after-sales")),
            ("signal_contract", self.tr("Asks about contract details")),
            ("signal_competitor", self.tr("Compares with competitors")),
        ):
            box = QCheckBox(caption)
            self.signals[key] = box
            layout.addWidget(box)
        self.close_hint = QLabel()
        self.close_hint.setWordWrap(True)
        self.close_hint.setStyleSheet("color: #2e7d32;")
        layout.addWidget(self.close_hint)
        layout.addWidget(title_label(self.tr("Objections"), "sectionTitle"))
        self.objections = QListWidget()  # each objection whole, wrapped, never cut
        self.objections.setWordWrap(True)
        self.objections.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.objections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.objections.setFixedHeight(110)
        layout.addWidget(self.objections)
        buttons = QGridLayout()
        for index, (text, slot) in enumerate(
            (
                (self.tr("Save"), self.save_lead),
                (self.tr("Follow-up done today"), self.follow_up),
                (self.tr("Objection…"), self.add_objection),
                (self.tr("Contacts…"), lambda: self.edit_lead_contacts()),
                (self.tr("Won…"), self.win),
                (self.tr("Lost…"), self.lose),
            )
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            buttons.addWidget(button, index // 3, index % 3)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def _build_customers(self) -> QWidget:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 8, 0, 0)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("New customer…"), self.new_customer),
            (self.tr("Edit customer…"), self.edit_customer),
            (self.tr("Delete customer"), self.delete_customer),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.customer_view, 1)
        return widget

    def selected_customer(self) -> int | None:
        rows = self.customer_view.selectionModel().selectedRows()
        return self.customer_model.rows[rows[0].row()].record_id if rows else None

    def _build_channels(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        left = QVBoxLayout()
        left.addWidget(title_label(self.tr("Channels this month"), "sectionTitle"))
        self.channel_table = self._table(
            [
                self.tr("Channel"),
                self.tr("Cost"),
                self.tr("Leads"),
                self.tr("Won"),
                self.tr("Conversion"),
                self.tr("Deals"),
                self.tr("Revenue"),
                self.tr("Cost per deal"),
                self.tr("ROI"),
            ]
        )
        for column, tip in enumerate(
            (
                self.tr("The channel as the rep named it"),
                self.tr("What the channel cost this month"),
                self.tr("Leads from the channel created this month, through the day shown"),
                self.tr("Those of these leads won by the day shown"),
                self.tr("Won ÷ leads, of the leads the channel brought this month"),
                self.tr(
                    "Orders this month, through the day shown, of the channel's customers — "
                    "old and new, not only the leads above"
                ),
                self.tr("The amount of those orders"),
                self.tr("Cost ÷ deals"),
                self.tr("(Revenue − cost) ÷ cost"),
            )
        ):
            self.channel_table.horizontalHeaderItem(column).setToolTip(tip)
        left.addWidget(self.channel_table)
        left.addWidget(title_label(self.tr("Referral rewards owed"), "sectionTitle"))
        self.reward_table = self._table(
            [self.tr("Referrer"), self.tr("For"), self.tr("Owed since"), self.tr("Reward")]
        )
        left.addWidget(self.reward_table)
        paid = QPushButton(self.tr("Mark paid"))
        paid.clicked.connect(lambda _checked=False: self.mark_paid())
        left.addWidget(paid, 0, Qt.AlignmentFlag.AlignRight)
        right = QVBoxLayout()
        right.addWidget(title_label(self.tr("Win rate by persona (won ÷ closed)"), "sectionTitle"))
        self.win_table = self._table(
            [
                self.tr("Segment"),
                self.tr("Value"),
                self.tr("Won"),
                self.tr("Closed"),
                self.tr("Win rate"),
            ]
        )
        right.addWidget(self.win_table)
        right.addWidget(self._build_persona())
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        return page

    def _build_persona(self) -> QWidget:
        """The persona builder: conditions → closed / won / win rate beside every lead's,
        the open leads it finds, the combinations that closed best, the saved personas."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title_label(self.tr("Persona builder"), "sectionTitle"))
        self.persona_conditions = QLineEdit()
        self.persona_conditions.setPlaceholderText(
            "annual_revenue>=5000万;budget>=300万;tag=数字化转型"
        )
        self.persona_conditions.setAccessibleName(self.tr("Persona conditions"))
        self.persona_conditions.setToolTip(
            self.tr(
                "Terms separated by ; — industry=…, size=…, channel=…, tag=…, "
                "annual_revenue>=… or <=…, budget>=… or <=…, expected_amount>=… or <=… "
                "(amounts as 5000万, 300万 or 80000)"
            )
        )
        self.persona_conditions.returnPressed.connect(self.check_persona)
        check = QPushButton(self.tr("Check persona"))
        check.clicked.connect(lambda _checked=False: self.check_persona())
        row = QHBoxLayout()
        row.addWidget(self.persona_conditions, 1)
        row.addWidget(check)
        layout.addLayout(row)
        self.persona_result = QLabel()
        self.persona_result.setWordWrap(True)
        self.persona_result.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.persona_result)
        layout.addWidget(QLabel(self.tr("Combinations that closed best (at least 5 closed leads)")))
        self.suggestion_table = self._table(
            [self.tr("Conditions"), self.tr("Closed"), self.tr("Won"), self.tr("Win rate")]
        )
        self.suggestion_table.doubleClicked.connect(lambda _index: self.use_suggestion())
        layout.addWidget(self.suggestion_table)
        use = QPushButton(self.tr("Use this combination"))
        use.clicked.connect(lambda _checked=False: self.use_suggestion())
        layout.addWidget(use, 0, Qt.AlignmentFlag.AlignRight)
        save_row = QHBoxLayout()
        self.persona_name = QLineEdit()
        self.persona_name.setPlaceholderText(self.tr("Name, e.g. 数字化大客户"))
        self.persona_name.setAccessibleName(self.tr("Persona name"))
        save = QPushButton(self.tr("Save persona"))
        save.clicked.connect(lambda _checked=False: self.save_persona())
        save_row.addWidget(self.persona_name, 1)
        save_row.addWidget(save)
        layout.addLayout(save_row)
        self.saved_personas = QListWidget()
        self.saved_personas.setFixedHeight(70)
        self.saved_personas.itemDoubleClicked.connect(lambda _item: self.load_persona())
        layout.addWidget(self.saved_personas)
        remove = QPushButton(self.tr("Remove persona"))
        remove.clicked.connect(lambda _checked=False: self.remove_persona())
        layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignRight)
        return box

    def _table(self, headers) -> QTableWidget:
        widget = QTableWidget(0, len(headers))
        widget.setHorizontalHeaderLabels(headers)
        widget.verticalHeader().hide()
        widget.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        widget.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        widget.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return widget

    def _fill_channels_filter(self) -> None:
        self.channel.blockSignals(True)
        self.channel.clear()
        self.channel.addItem(self.tr("All channels"), None)
        for name in leads.channel_names():
            self.channel.addItem(name, name)
        self.channel.blockSignals(False)

    # -- showing ----------------------------------------------------------------------------
    def current_filter(self) -> leads.LeadFilter:
        return leads.LeadFilter(
            search=self.search.text().strip(),
            tier=self.tier.currentData(),
            channel=self.channel.currentData(),
            outcome=self.outcome.currentData(),
            overdue_only=self.overdue_only.isChecked(),
            tag=self.tag.currentData(),
            stage=self.stage.currentData(),
        )

    def _lead_rows(self, after, limit):
        model = getattr(self, "lead_model", None)  # None while the model is being made
        page = leads.lead_page(
            after,
            limit,
            self.main.as_of,
            where=self.current_filter(),
            sort=model.sort_key if model else None,
            descending=model.descending if model else False,
        )
        marked = persona.saved_matches(self.main.as_of, [row.id for row in page])
        rows = []
        for row in page:
            found = marked.get(row.id)
            made = make_row(
                [
                    f"{PERSONA_MARK} {row.name}" if found else row.name,
                    row.tier,
                    row.stage,
                    row.channel,
                    "" if row.expected_amount_fen is None else format_yuan(row.expected_amount_fen),
                    row.last_contact.isoformat() if row.last_contact else "",
                    row.due.isoformat() if row.outcome == "open" else "",
                    label("outcome", row.outcome),
                ],
                row.id,
                row.key,
                highlight=row.overdue,
            )
            if found:
                made.tips = {
                    0: self.tr("Matches the saved persona {names}").format(names="、".join(found))
                }
            rows.append(made)
        return rows

    def _customer_rows(self, after, limit):
        wanted = self.lifecycle_stage.currentData() if hasattr(self, "lifecycle_stage") else None
        ids = None
        if wanted:  # stages are derived: pick the customers of that stage first
            ids = [
                customer_id
                for customer_id, stage in lifecycle.stages(self.main.as_of).items()
                if stage == wanted
            ]
        page = leads.customer_page(after, limit, self.search.text().strip(), ids)
        stages = lifecycle.stages(self.main.as_of, [c.id for _key, c in page])
        return [
            make_row(
                [
                    c.name,
                    c.contact,
                    c.phone,
                    c.industry,
                    c.area,
                    c.customer_type,
                    getattr(c, "channel_name", None) or "",
                    label("stage", stages[c.id]) if stages.get(c.id) else "",
                ],
                c.id,
                key,
                highlight=stages.get(c.id) == "declining",
            )
            for key, c in page
        ]

    def reload_tables(self) -> None:
        """The two tables again, for the current search and filters (nothing else changed)."""
        if not hasattr(self, "lead_model"):
            return
        self.search_pause.stop()
        self.lead_model.reload()
        self.customer_model.reload()
        self._count_leads()

    def _count_leads(self) -> None:
        """ "84 leads · 84 overdue" for the current filters (two counts in SQL)."""
        count, overdue = leads.lead_counts(self.main.as_of, self.current_filter())
        self.count_label.setText(
            self.tr("{count} leads · {overdue} overdue").format(count=count, overdue=overdue)
        )

    def refresh(self) -> None:
        if not hasattr(self, "lead_model"):
            return
        self.reload_tables()
        self._refresh_beside_tables()

    def _refresh_beside_tables(self) -> None:
        """All but the two tables: the warning, the stage list, the Channels & persona page
        (now if shown, else when next shown) and the lead in the workspace."""
        neglected = leads.neglected_big_leads(self.main.as_of)
        self.warning.setVisible(bool(neglected))
        self.warning.setText(
            self.tr(
                "Picking up sesame, dropping the watermelon: small leads were worked this week "
                "while {count} big leads are overdue ({names})."
            ).format(count=len(neglected), names="、".join(neglected[:3]))
        )
        self.stage.choices_changed()
        self.channels_stale = True
        if self.views.currentIndex() == PERSONA_VIEW:
            self._fill_channels_page()
        self.show_lead(leads.lead_by_id(self.lead.id) if self.lead else None)

    def _fill_channels_page(self) -> None:
        """The Channels & persona page: channels, rewards, win rates, the persona builder."""
        self.channels_stale = False
        self._fill_channel_tables()
        self._fill_persona()

    def _fill_channel_tables(self) -> None:
        def fill(widget, rows):
            widget.setRowCount(len(rows))
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    item = QTableWidgetItem(str(value))
                    if c:
                        item.setTextAlignment(
                            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                        )
                    widget.setItem(r, c, item)

        fill(
            self.channel_table,
            [
                [
                    row.channel,
                    format_yuan(row.cost_fen),
                    row.leads,
                    row.won,
                    format_percent(row.conversion),
                    row.deals,
                    format_yuan(row.revenue_fen),
                    format_fen(row.cost_per_deal),
                    format_percent(row.roi),
                ]
                for row in leads.channels(month_of(self.main.as_of), self.main.as_of)
            ],
        )
        self.rewards = leads.rewards_owed()
        fill(
            self.reward_table,
            [
                [
                    r.referrer,
                    r.customer.name if r.customer_id else "",
                    r.owed_on.isoformat(),
                    self.tr("{hours} service hours").format(hours=r.service_hours.normalize())
                    if r.service_hours
                    else format_yuan(r.amount_fen),
                ]
                for r in self.rewards
            ],
        )
        segments = {
            "tag": self.tr("Tag"),
            "industry": self.tr("Industry"),
            "size": self.tr("Size"),
            "amount": self.tr("Expected amount"),
        }
        fill(
            self.win_table,
            [
                [
                    segments[r.segment],
                    r.value,
                    r.won,
                    r.closed,
                    self.tr("not enough data") if r.rate is None else format_percent(r.rate),
                ]
                for r in leads.win_rates(self.main.as_of)
            ],
        )

    def _fill_persona(self) -> None:
        """The builder's suggestions, saved personas and current check (worked out with its
        page, when shown: the suggestions read every closed lead, about 0.4 s at 75,000)."""
        self.suggestions = persona.suggestions(self.main.as_of)
        rows = [
            [r.conditions, r.closed, r.won, format_percent(r.win_rate)] for r in self.suggestions
        ]
        self.suggestion_table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(str(value))
                if c:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.suggestion_table.setItem(r, c, item)
        self.saved_personas.clear()
        for saved in persona.saved():
            self.saved_personas.addItem(f"{saved['name']}: {saved['conditions']}")
        self.check_persona()

    def _lead_selected(self, *_args) -> None:
        rows = self.lead_view.selectionModel().selectedRows()
        if rows:
            row = self.lead_model.rows[rows[0].row()]
            self.show_lead(leads.lead_by_id(row.record_id))

    def show_overdue(self, tier: str) -> None:
        """The tier's open, overdue leads (a roll-up card on the board opens this)."""
        for widget in (self.tier, self.outcome):
            widget.blockSignals(True)
        self.tier.setCurrentIndex(self.tier.findData(tier))
        self.outcome.setCurrentIndex(self.outcome.findData("open"))
        for widget in (self.tier, self.outcome):
            widget.blockSignals(False)
        self.views.setCurrentIndex(0)
        if self.overdue_only.isChecked():
            self.reload_tables()
        else:
            self.overdue_only.setChecked(True)  # reloads the tables

    def select_lead(self, lead_id: int) -> None:
        self.show_lead(leads.lead_by_id(lead_id))

    def show_lead(self, lead: Lead | None) -> None:
        self.lead = lead
        self.detail.setEnabled(lead is not None)
        if lead is None:
            self.detail_title.setText(self.tr("Select a lead"))
            self.detail_facts.setText("")
            return
        due = leads.follow_up_due(
            lead.tier, lead.last_contact, lead.created, snoozed_to=lead.next_follow_up
        )
        self.detail_title.setText(lead.name)
        self.detail_facts.setText(
            self.tr("{contact} {phone} · {outcome} · follow up by {due}").format(
                contact=lead.contact,
                phone=lead.phone,
                outcome=label("outcome", lead.outcome),
                due=due.isoformat(),
            )
            if lead.outcome == "open" or lead.closed is None
            else self.tr("{contact} {phone} · {outcome} on {closed}").format(
                contact=lead.contact,
                phone=lead.phone,
                outcome=label("outcome", lead.outcome),
                closed=lead.closed.isoformat(),
            )
        )
        self.detail_tier.setCurrentIndex(max(self.detail_tier.findData(lead.tier), 0))
        self.detail_stage.setText(lead.stage)
        self.detail_size.setText(lead.size)
        self.detail_revenue.setValue((lead.annual_revenue_fen or 0) / 100)
        self.detail_budget.setValue((lead.budget_fen or 0) / 100)
        for key, edit in self.discovery.items():
            edit.setPlainText(getattr(lead, key))
        for key, box in self.signals.items():
            box.setChecked(getattr(lead, key))
        self.close_hint.setText(
            message(leads.ASSUMPTIVE_CLOSE) if leads.has_closing_signal(lead) else ""
        )
        self.objections.clear()
        for item in lead.objections:
            self.objections.addItem(
                f"{item.raised_on.isoformat()} {item.objection} → "
                f"{item.empathise} / {item.decompose} / {item.verify}"
            )

    def check_persona(self) -> None:
        """The conditions' closed, won and win rate beside every lead's, and the open leads
        they find (nothing is changed)."""
        conditions = self.persona_conditions.text().strip()
        if not conditions:
            self.persona_result.setText(
                self.tr("Write conditions, or use a combination below, then Check persona.")
            )
            return
        try:
            found = persona.evaluate(conditions, self.main.as_of)
        except UserError as error:
            self.persona_result.setText(str(error))
            return
        everyone = persona.evaluate("", self.main.as_of)

        def rate(result) -> str:
            if result.win_rate is None:
                return self.tr("not enough data (under 5 closed)")
            return format_percent(result.win_rate)

        names = "、".join(lead.name for lead in found.open[:5])
        self.persona_result.setText(
            self.tr(
                "Closed {closed} · won {won} · win rate {rate} (all leads: {all_rate}, "
                "{all_won} of {all_closed}).\nOpen leads of this persona: {open} {names}"
            ).format(
                closed=found.closed,
                won=found.won,
                rate=rate(found),
                all_rate=rate(everyone),
                all_won=everyone.won,
                all_closed=everyone.closed,
                open=len(found.open),
                names=f"({names}{'…' if len(found.open) > 5 else ''})" if names else "",
            )
        )

    def use_suggestion(self) -> None:
        rows = self.suggestion_table.selectionModel().selectedRows()
        if not rows:
            return
        self.persona_conditions.setText(self.suggestions[rows[0].row()].conditions)
        self.check_persona()

    def load_persona(self) -> None:
        row = self.saved_personas.currentRow()
        saved = persona.saved()
        if 0 <= row < len(saved):
            self.persona_name.setText(saved[row]["name"])
            self.persona_conditions.setText(saved[row]["conditions"])
            self.check_persona()

    # -- changing ---------------------------------------------------------------------------
    def save_persona(self) -> None:
        self.main.perform(
            ops.save_persona(self.persona_name.text(), self.persona_conditions.text())
        )

    def remove_persona(self) -> None:
        row = self.saved_personas.currentRow()
        saved = persona.saved()
        if 0 <= row < len(saved):
            self.main.perform(ops.remove_persona(saved[row]["name"]))

    def _unique(self, refuse, title: str, name: str, other_than: int | None = None) -> bool:
        """False (and the rep told why) when another record has the same normalised name."""
        try:
            refuse(name, other_than)
        except UserError as error:
            QMessageBox.warning(self, title, str(error))
            return False
        return True

    def save_lead(self) -> None:
        if self.lead is None:
            return
        lead_id = self.lead.id
        values = {
            "tier": self.detail_tier.currentData(),
            "stage": self.detail_stage.text(),
            "size": self.detail_size.text().strip(),
            "annual_revenue_fen": yuan_to_fen(f"{self.detail_revenue.value():.2f}") or None,
            "budget_fen": yuan_to_fen(f"{self.detail_budget.value():.2f}") or None,
            **{key: edit.toPlainText() for key, edit in self.discovery.items()},
            **{key: box.isChecked() for key, box in self.signals.items()},
        }
        self.main.perform(ops.edit_lead(lead_id, values))

    def edit_lead_contacts(self, people: list[dict] | None = None) -> None:
        """The lead's people beyond its main contact (the decision chain); undoable."""
        if self.lead is None:
            return
        lead_id = self.lead.id
        if people is None:
            dialog = ContactsDialog(
                self,
                self.tr("Contacts of {name}").format(name=self.lead.name),
                self.lead.contact,
                contacts.contacts_of("leads", lead_id),
            )
            if not dialog.exec():
                return
            people = dialog.editor.contacts()
        self.main.perform(ops.set_contacts("leads", lead_id, people))

    def follow_up(self) -> None:
        if self.lead is None:
            return
        self.main.perform(ops.log_follow_up(self.lead.id, self.main.as_of))

    def add_objection(self, values: dict | None = None) -> None:
        if self.lead is None:
            return
        if values is None:
            dialog = ObjectionDialog(self)
            if not dialog.exec() or not dialog.objection.text().strip():
                return
            values = {
                "objection": dialog.objection.text(),
                "empathise": dialog.empathise.text(),
                "decompose": dialog.decompose.text(),
                "verify": dialog.verify.text(),
            }
        self.main.perform(ops.add_objection(self.lead.id, self.main.as_of, values))

    def win(self, amount_fen: int | None = None, product: str = "") -> None:
        """Won: a deliberate step that makes the lead a customer with its first order."""
        if self.lead is None:
            return
        if amount_fen is None:
            dialog = WonDialog(self, self.lead.expected_amount_fen)
            if not dialog.exec():
                return
            amount_fen, product = dialog.values()
        self.main.perform(ops.win(self.lead.id, self.main.as_of, amount_fen, product))

    def lose(self, reason: str | None = None) -> None:
        if self.lead is None:
            return
        if reason is None:
            reason, ok = QInputDialog.getText(self, self.tr("Lost"), self.tr("Why was it lost?"))
            if not ok:
                return
        self.main.perform(ops.lose(self.lead.id, reason, self.main.as_of))

    def new_lead(self, values: dict | None = None) -> None:
        if values is None:
            dialog = NewLeadDialog(self)
            if not dialog.exec() or not dialog.name.text().strip():
                return
            values = dialog.values()
        if not self._unique(names.refuse_same_lead, self.tr("New lead"), values["name"]):
            return
        lead_id = self.main.perform(ops.new_lead(values, self.main.as_of))
        if lead_id is not None:
            self.select_lead(lead_id)

    def delete_lead(self) -> None:
        if self.lead is None:
            return
        lead_id = self.lead.id
        self.show_lead(None)
        self.main.perform(ops.delete_lead(lead_id))

    def new_customer(self, values: dict | None = None) -> None:
        """A customer entered by hand (most arrive by import or by winning a lead)."""
        if values is None:
            dialog = CustomerDialog(self, leads.blank_customer())
            if not dialog.exec():
                return
            values = dialog.values()
        if not values.get("name", "").strip():
            QMessageBox.warning(
                self,
                self.tr("New customer"),
                message(QT_TRANSLATE_NOOP("Messages", "A customer needs a name.")),
            )
            return
        if not self._unique(names.refuse_same_customer, self.tr("New customer"), values["name"]):
            return
        self.main.perform(ops.new_customer(values, self.main.as_of))

    def edit_customer(self, customer_id: int | None = None, values: dict | None = None) -> None:
        """The customer's detail: contacts, persona, dates the lifecycle rules use, stage."""
        customer_id = customer_id or self.selected_customer()
        if customer_id is None:
            return
        if values is None:
            dialog = CustomerDialog(self, leads.customer_by_id(customer_id))
            if not dialog.exec():
                return
            values = dialog.values()
        if "name" in values and not self._unique(
            names.refuse_same_customer, self.tr("Edit customer"), values["name"], customer_id
        ):
            return
        self.main.perform(ops.edit_customer(customer_id, values, self.main.as_of))

    def delete_customer(self, customer_id: int | None = None, ask: bool = True) -> None:
        """Delete a customer with its orders, after saying what goes with it; undoable."""
        customer_id = customer_id or self.selected_customer()
        if customer_id is None:
            return
        if ask:
            count, total = leads.customer_orders(customer_id)
            answer = QMessageBox.question(
                self,
                self.tr("Delete customer"),
                self.tr(
                    "Delete {name}? Its {count} orders ({amount}) and touchpoint marks go with it "
                    "and leave your figures; Edit → Undo brings them back."
                ).format(
                    name=leads.customer_by_id(customer_id).name,
                    count=count,
                    amount=format_yuan(total),
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.main.perform(ops.delete_customer(customer_id))

    def mark_paid(self) -> None:
        rows = self.reward_table.selectionModel().selectedRows()
        if not rows:
            return
        reward_id = self.rewards[rows[0].row()].id
        self.main.perform(ops.mark_reward_paid(reward_id, self.main.as_of))
