"""Edit → Preferences: the rep's values change what the tabs show; one undo puts them back."""

from datetime import date
from unittest import mock

from app import preferences
from app.models import Customer, Order
from ui.dialogs.preferences_dialog import PreferencesDialog


def test_the_dialog_shows_the_defaults(make_window):
    dialog = PreferencesDialog(make_window())
    assert dialog.spins["planning.history_months"].value() == 3
    assert dialog.spins["planning.first_checkpoint"].value() == 10
    assert dialog.spins["planning.second_checkpoint"].value() == 20
    assert dialog.spins["dashboard.anomaly_percent"].value() == 60
    assert dialog.reward.value() == 500.0
    assert dialog.values() == preferences.current()


def test_a_changed_share_shows_in_the_targets_tab_and_undo_puts_it_back(make_window):
    window = make_window(demo=False)
    for name, yuan in (("A", 500), ("B", 300), ("C", 100), ("D", 50)):
        Order.create(
            customer=Customer.create(name=name, created=date(2026, 1, 1)),
            date=date(2026, 6, 1),
            amount_fen=yuan * 100,
        )
    tab = window.tab("targets")
    tab.refresh()
    assert "Key accounts: 1 customers" in tab.calc_lines.text()  # ⌈4 × 20%⌉ = 1

    def set_half(dialog):
        dialog.spins["planning.key_account_percent"].setValue(50)
        dialog.reward.setValue(800)
        return True

    with mock.patch.object(PreferencesDialog, "exec", set_half):
        window.show_preferences()
    assert "Key accounts: 2 customers" in tab.calc_lines.text()  # ⌈4 × 50%⌉ = 2
    assert preferences.get("leads.referral_reward_fen") == 800_00
    window.undo_stack.undo()
    assert "Key accounts: 1 customers" in tab.calc_lines.text()
    assert preferences.current() == {key: p.default for key, p in preferences.PREFERENCES.items()}


def test_checkpoints_out_of_order_are_refused_with_a_message(make_window):
    window = make_window()

    def swap(dialog):
        dialog.spins["planning.first_checkpoint"].setValue(25)
        return True

    with (
        mock.patch.object(PreferencesDialog, "exec", swap),
        mock.patch("PySide6.QtWidgets.QMessageBox.warning") as warned,
    ):
        window.show_preferences()
    assert "first checkpoint must come before the second" in warned.call_args.args[2]
    assert preferences.get("planning.first_checkpoint") == 10
    assert window.undo_stack.count() == 0


def test_referral_rewards_in_service_hours_show_in_the_leads_tab(make_window, qtbot):
    from PySide6.QtCore import Qt

    from app.models import Lead
    from tests.ui.test_leads_tab import show_sub_tab
    from tests.ui.test_operations import button

    window = make_window()

    def hours(dialog):
        dialog.spins["leads.referral_reward_hours"].setValue(6)
        return True

    with mock.patch.object(PreferencesDialog, "exec", hours):
        window.show_preferences()
    assert preferences.get("leads.referral_reward_hours") == 6
    tab = window.tab("leads")
    lead = Lead.create(name="转介绍新客", referred_by="老客户甲", created=date(2026, 11, 1))
    tab.refresh()
    tab.select_lead(lead.id)

    def won(dialog):
        dialog.accept()

    from tests.ui.test_operations import answer_next_dialog

    answer_next_dialog(qtbot, won)
    qtbot.mouseClick(button(tab.detail, "Won…"), Qt.MouseButton.LeftButton)
    window.show()
    window.show_tab("leads")
    show_sub_tab(qtbot, tab, 2)  # Channels & persona, where the rewards owed are
    rows = [
        [tab.reward_table.item(r, c).text() for c in range(4)]
        for r in range(tab.reward_table.rowCount())
    ]
    assert ["老客户甲", "转介绍新客", "2026-11-20", "6 service hours"] in rows
