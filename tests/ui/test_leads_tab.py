"""The Leads & customers tab: SQL filters and sorting, the conversion workspace, channels."""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from app import leads
from app.models import Customer, Lead, Objection, Order
from app.money import format_yuan
from tests.conftest import AS_OF
from tests.ui.test_operations import answer_next_dialog, button


@pytest.fixture
def tab(make_window):
    return make_window().tab("leads")


def test_filters_and_header_sorting(tab, qtmodeltester):
    model = tab.lead_model
    assert model.rowCount() == 120
    tab.tier.setCurrentIndex(tab.tier.findData("A"))
    assert {row[1] for row in model.rows} == {"A"}
    tab.overdue_only.setChecked(True)
    assert model.rows and all(row.highlight for row in model.rows)
    tab.overdue_only.setChecked(False)
    tab.tier.setCurrentIndex(0)
    tab.lead_view.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # expected amount
    amounts = [Lead.get_by_id(row.record_id).expected_amount_fen for row in model.rows]
    assert amounts == sorted(amounts, reverse=True)
    qtmodeltester.check(model)


def _select(tab, name):
    lead = Lead.get(Lead.name == name)
    tab.select_lead(lead.id)
    return lead


def test_the_conversion_workspace(tab):
    lead = Lead.select().where((Lead.outcome == "open") & (Lead.tier == "C")).first()
    _select(tab, lead.name)
    assert tab.detail_title.text() == lead.name
    tab.discovery["discovery_hidden_costs"].setPlainText("每月返工损失2万元")
    tab.signals["signal_contract"].setChecked(True)
    tab.save_lead()
    saved = Lead.get_by_id(lead.id)
    assert saved.discovery_hidden_costs == "每月返工损失2万元"
    assert saved.tier == "A"  # a closing signal promotes the lead
    assert "assumptive close" in tab.close_hint.text()
    tab.main.undo_stack.undo()
    assert Lead.get_by_id(lead.id).tier == "C"


def test_objections_and_follow_ups(tab):
    lead = Lead.select().where(Lead.outcome == "open").first()
    _select(tab, lead.name)
    tab.add_objection(
        {
            "objection": "价格高",
            "empathise": "理解",
            "decompose": "价格还是效果？",
            "verify": "案例：成本降低18%",
        }
    )
    assert Objection.select().where(Objection.lead == lead.id).count() >= 1
    tab.follow_up()
    assert Lead.get_by_id(lead.id).last_contact == AS_OF


def test_winning_a_lead_through_its_button_and_undoing_it(tab, qtbot):
    lead = Lead.select().where((Lead.outcome == "open") & (Lead.referred_by == "")).first()
    _select(tab, lead.name)
    customers, orders = Customer.select().count(), Order.select().count()
    proposed = []

    def fill(dialog):
        proposed.append(dialog.amount.value())  # the lead's expected amount to start with
        dialog.amount.setValue(10_000.50)
        dialog.product.setText("产品A")
        dialog.accept()

    answer_next_dialog(qtbot, fill)
    qtbot.mouseClick(button(tab, "Won…"), Qt.MouseButton.LeftButton)
    assert proposed == [(lead.expected_amount_fen or 0) / 100]
    assert Lead.get_by_id(lead.id).outcome == "won"
    assert (Customer.select().count(), Order.select().count()) == (customers + 1, orders + 1)
    first = Order.select().order_by(Order.id.desc()).first()
    assert (first.amount_fen, first.product) == (1_000_050, "产品A")  # ¥10,000.50 = 1,000,050 fen
    tab.main.undo_stack.undo()
    assert Lead.get_by_id(lead.id).outcome == "open"
    assert (Customer.select().count(), Order.select().count()) == (customers, orders)


def test_losing_keeps_the_reason(tab):
    lead = Lead.select().where(Lead.outcome == "open").first()
    _select(tab, lead.name)
    tab.lose("预算冻结")
    assert (Lead.get_by_id(lead.id).outcome, Lead.get_by_id(lead.id).lost_reason) == (
        "lost",
        "预算冻结",
    )
    assert Lead.get_by_id(lead.id).closed == AS_OF  # lost on the window's day
    assert tab.detail_facts.text().endswith(f"Lost on {AS_OF.isoformat()}")
    tab.main.undo_stack.undo()
    assert (Lead.get_by_id(lead.id).outcome, Lead.get_by_id(lead.id).closed) == ("open", None)


def show_sub_tab(qtbot, tab, index: int) -> None:
    """Click the sub-tab (0 Leads, 1 Customers, 2 Channels & persona) in its tab bar."""
    bar = tab.views.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tab.views.currentIndex() == index


@pytest.fixture
def shown(make_window, qtbot):
    """The Leads tab on screen, in a shown window."""
    window = make_window()
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: window.painted)
    tab = window.show_tab("leads")
    qtbot.waitUntil(tab.isVisible)
    return tab


def test_channels_rewards_and_win_rates(shown, qtbot):
    tab = shown
    # the page's tables are worked out when it is first shown (win rates read every
    # closed lead), not with the tab
    assert tab.channel_table.rowCount() == 0 and tab.win_table.rowCount() == 0
    show_sub_tab(qtbot, tab, 2)
    assert tab.channel_table.rowCount() == 4
    headers = [
        tab.channel_table.horizontalHeaderItem(c).text()
        for c in range(tab.channel_table.columnCount())
    ]
    assert headers[2:7] == ["Leads", "Won", "Conversion", "Deals", "Revenue"]
    assert "won by the day shown" in tab.channel_table.horizontalHeaderItem(3).toolTip()
    assert "not only the leads above" in tab.channel_table.horizontalHeaderItem(5).toolTip()
    # each row as the month's figures count it through as-of: leads → won → conversion
    rows = {row.channel: row for row in leads.channels("2026-11", AS_OF)}
    for r in range(tab.channel_table.rowCount()):
        row = rows[tab.channel_table.item(r, 0).text()]
        shown = [tab.channel_table.item(r, c).text() for c in (2, 3, 5, 6)]
        assert shown == [str(row.leads), str(row.won), str(row.deals), format_yuan(row.revenue_fen)]
    # an order of a channel customer on as-of + 1 is in no figure of the table
    buyer = Customer.select().where(Customer.channel.is_null(False)).first()
    Order.create(customer=buyer, date=AS_OF + timedelta(days=1), amount_fen=99_999_00)
    before = [tab.channel_table.item(r, 6).text() for r in range(tab.channel_table.rowCount())]
    tab.main.refresh()
    assert [tab.channel_table.item(r, 6).text() for r in range(4)] == before
    assert tab.win_table.rowCount() > 0
    rates = [tab.win_table.item(r, 4).text() for r in range(tab.win_table.rowCount())]
    assert "not enough data" in rates
    owed = tab.reward_table.rowCount()
    assert owed > 0  # the demo's unpaid referral rewards
    tab.reward_table.selectRow(0)
    tab.mark_paid()
    assert tab.reward_table.rowCount() == owed - 1


def test_the_channels_page_shows_a_change_made_while_it_was_hidden(shown, qtbot):
    tab = shown
    show_sub_tab(qtbot, tab, 2)
    buyer = Customer.select().where(Customer.channel.is_null(False)).first()
    channel = buyer.channel.name
    row = next(
        r
        for r in range(tab.channel_table.rowCount())
        if tab.channel_table.item(r, 0).text() == channel
    )
    before = {r.channel: r for r in leads.channels("2026-11", AS_OF)}[channel]
    show_sub_tab(qtbot, tab, 0)
    Order.create(customer=buyer, date=AS_OF, amount_fen=1_000_00)
    tab.main.refresh()
    assert tab.channels_stale  # hidden: not worked out again yet
    show_sub_tab(qtbot, tab, 2)
    # one more deal of ¥1,000 for the buyer's channel this month
    assert tab.channel_table.item(row, 5).text() == str(before.deals + 1)
    assert tab.channel_table.item(row, 6).text() == format_yuan(before.revenue_fen + 1_000_00)


def test_adding_and_deleting_leads_with_undo(tab):
    tab.new_lead(
        {
            "name": "新线索",
            "contact": "王伟",
            "phone": "139",
            "tier": "A",
            "channel": "展会",
            "expected_amount_fen": 50000_00,
        }
    )
    created = Lead.get(Lead.name == "新线索")
    assert (created.tier, created.channel.name, created.created) == ("A", "展会", AS_OF)
    assert tab.detail_title.text() == "新线索"
    tab.add_objection({"objection": "价格高", "empathise": "", "decompose": "", "verify": ""})
    tab.delete_lead()
    assert Lead.get_or_none(Lead.name == "新线索") is None
    tab.main.undo_stack.undo()  # the deletion: the lead and its objection come back
    assert Lead.get(Lead.name == "新线索").objections.count() == 1
    tab.main.undo_stack.undo()
    tab.main.undo_stack.undo()  # the creation
    assert Lead.get_or_none(Lead.name == "新线索") is None


def test_the_tag_filter(tab):
    from app.models import LeadTag, Tag

    tag = Tag.get(Tag.name == "数字化转型")
    tab.tag.setCurrentIndex(tab.tag.findData("数字化转型"))
    tagged = {link.lead_id for link in LeadTag.select().where(LeadTag.tag == tag)}
    assert {row.record_id for row in tab.lead_model.rows} == tagged


def test_editing_a_customer_from_the_table(tab, qtbot):
    from ui.dialogs.customer_dialog import CustomerDialog

    customer = Customer.get(Customer.name == tab.customer_model.rows[0][0])
    dialog = CustomerDialog(tab, customer)
    qtbot.addWidget(dialog)
    values = dialog.values()
    assert values["name"] == customer.name and values["stage_override"] is None
    values.update(contact_left=True, contract_end=AS_OF.replace(year=2027))
    tab.edit_customer(customer.id, values)
    changed = Customer.get_by_id(customer.id)
    assert changed.contact_left and changed.contact_left_on == AS_OF
    assert tab.customer_model.rows[0][-1] == "Declining"
    tab.main.undo_stack.undo()
    assert not Customer.get_by_id(customer.id).contact_left


# the list's popup, offscreen, cannot be raised nor grab the keyboard: said, not a failure
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_stage_filters(shown, qtbot):
    tab = shown
    # the stages the leads use are read when the list is opened (they scan every lead)
    assert [tab.stage.itemText(i) for i in range(tab.stage.count())] == ["All stages"]
    qtbot.mouseClick(tab.stage, Qt.MouseButton.LeftButton)
    stages = sorted({lead.stage for lead in Lead.select() if lead.stage})
    assert [tab.stage.itemData(i) for i in range(1, tab.stage.count())] == stages
    tab.stage.hidePopup()
    tab.stage.setCurrentIndex(tab.stage.findData("商务谈判"))
    assert {Lead.get_by_id(row.record_id).stage for row in tab.lead_model.rows} == {"商务谈判"}
    tab.lifecycle_stage.setCurrentIndex(tab.lifecycle_stage.findData("declining"))
    assert tab.customer_model.rows and all(
        row[-1] == "Declining" for row in tab.customer_model.rows
    )
    # a stage first used after the list was read is there at its next opening; the one
    # chosen stays chosen
    Lead.create(name="新阶段线索", stage="签约", created=AS_OF)
    tab.main.refresh()
    qtbot.mouseClick(tab.stage, Qt.MouseButton.LeftButton)
    assert tab.stage.findData("签约") > 0 and tab.stage.currentData() == "商务谈判"
    tab.stage.hidePopup()


def test_adding_and_deleting_customers_with_undo(tab, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from app.models import Order

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    tab.new_customer({"name": "  "})
    assert warnings == ["A customer needs a name."] and tab.main.undo_stack.count() == 0

    tab.new_customer({"name": "手工客户", "contact": "韩梅梅"})
    assert Customer.get(Customer.name == "手工客户").contact == "韩梅梅"
    tab.main.undo_stack.undo()
    assert Customer.get_or_none(Customer.name == "手工客户") is None

    biggest = max(Customer.select(), key=lambda c: c.orders.count())
    orders = biggest.orders.count()
    total_orders = Order.select().count()
    tab.views.setCurrentIndex(1)
    row = next(i for i, r in enumerate(tab.customer_model.rows) if r.record_id == biggest.id)
    tab.customer_view.selectRow(row)
    questions = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *args: questions.append(args[2]) or QMessageBox.StandardButton.Yes,
    )
    tab.delete_customer()
    assert f"Its {orders} orders" in questions[0]
    assert Order.select().count() == total_orders - orders
    assert biggest.id not in {r.record_id for r in tab.customer_model.rows}
    tab.main.undo_stack.undo()
    assert Customer.get_by_id(biggest.id).orders.count() == orders
    assert Order.select().count() == total_orders


def test_the_table_says_how_many_leads_it_holds_and_how_many_are_overdue(make_window, tmp_path):
    from datetime import timedelta

    from app import db

    path = tmp_path / "count.sqlite3"
    db.open_database(path)
    Lead.create(name="A 逾期", tier="A", created=AS_OF - timedelta(days=4))  # due 11-19
    Lead.create(name="A 今天", tier="A", created=AS_OF - timedelta(days=3))  # due today
    Lead.create(name="B 逾期", tier="B", created=AS_OF - timedelta(days=8))  # due 11-19
    Lead.create(name="赢单", tier="B", created=AS_OF - timedelta(days=30), outcome="won")
    db.close_database()
    tab = make_window(path).tab("leads")
    assert tab.count_label.text() == "4 leads · 2 overdue"
    tab.tier.setCurrentIndex(tab.tier.findData("A"))
    assert tab.count_label.text() == "2 leads · 1 overdue"
    tab.overdue_only.setChecked(True)
    assert tab.count_label.text() == "1 leads · 1 overdue"


def test_the_tab_reads_each_table_once_and_no_win_rate_when_made(make_window, monkeypatch):
    """Made, the tab reads the first page of each table once (not again for its first
    refresh, nor when sorting is switched on) and none of the Channels & persona page."""
    calls = []
    for name in ("lead_page", "customer_page", "win_rates", "channels"):
        real = getattr(leads, name)
        monkeypatch.setattr(
            leads, name, lambda *a, real=real, name=name, **k: calls.append(name) or real(*a, **k)
        )
    make_window().tab("leads")
    assert sorted(calls) == ["customer_page", "lead_page"]
