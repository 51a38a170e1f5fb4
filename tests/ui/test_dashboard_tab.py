"""The dashboard: quick entry, headline figures against last month, charts, anomalies."""

from datetime import date, timedelta
from fractions import Fraction
from unittest import mock

import pytest
from PySide6.QtWidgets import QMessageBox

from app import dashboard, figures
from app.models import Activity, Customer, Order, Target
from app.money import format_yuan
from tests.conftest import AS_OF
from ui.main_window import TAB_NAMES


@pytest.fixture
def tab(make_window):
    window = make_window()
    tab = window.tab("dashboard")
    tab.ensure_charts()
    return tab


def test_headline_figures_against_last_month(tab):
    numbers = figures.build("2026-11", AS_OF)
    assert tab.cards["revenue"].value.text() == format_yuan(numbers.actual.revenue_fen)
    assert "of target" in tab.cards["revenue"].change.text()
    assert "vs last month" in tab.cards["deals"].change.text()
    assert tab.cards["pace"].value.text() in ("on pace", "slightly behind", "behind")
    # the average order to the fen: revenue ÷ deals, rounded half up
    average = numbers.actual.revenue_fen / numbers.actual.deals
    assert tab.cards["average_order_value"].value.text() == format_yuan(int(average + 0.5))


def test_an_order_after_as_of_is_in_no_figure_and_no_target_says_so(tab):
    shown = {key: card.value.text() for key, card in tab.cards.items()}
    roi = tab.roi_note.text()
    buyer = Customer.select().where(Customer.channel.is_null(False)).first()
    Order.create(customer=buyer, date=AS_OF + timedelta(days=1), amount_fen=50_000_00)
    tab.main.refresh()
    assert {key: card.value.text() for key, card in tab.cards.items()} == shown
    assert tab.roi_note.text() == roi
    assert "→ won" in roi  # leads → won → conversion, apart from deals and revenue
    Target.delete().execute()
    tab.main.refresh()
    assert tab.cards["pace"].value.text() == "no target"
    assert "no target" in tab.cards["revenue"].change.text()


def test_a_week_without_visits_is_a_gap_in_the_close_rate(tab):
    Activity.delete().where(Activity.date.between(date(2026, 11, 9), date(2026, 11, 15))).execute()
    tab.metric.setCurrentIndex(tab.metric.findData("close_rate"))
    tab.period.setCurrentIndex(tab.period.findData("week"))
    labels, values, _ = tab.trend_series()
    assert values[labels.index("W46")] is None  # no visits in W46: no close rate, not 0


def test_the_quick_entry_stores_activities_and_undo_restores(tab):
    day = date(2026, 11, 21)  # a Saturday with nothing recorded
    tab.day.setDate(day)
    assert [spin.value() for spin in tab.entry.values()] == [0, 0, 0]
    tab.entry["effective_visits"].setValue(4)
    tab.entry["calls"].setValue(6)
    tab.entry["effective_leads"].setValue(2)
    tab.save_record()
    assert dashboard.record(day) == dashboard.Record(4, 6, 2)
    tab.main.undo_stack.undo()
    assert dashboard.record(day) == dashboard.Record(0, 0, 0)
    assert Activity.select().where(Activity.date == day).count() == 0


def test_the_quick_entry_refuses_less_than_recorded_elsewhere(tab):
    day = date(2026, 11, 21)
    Activity.create(date=day, kind="visit", count=3)
    tab.day.setDate(day)
    tab.entry["effective_visits"].setValue(1)
    with mock.patch.object(QMessageBox, "warning") as warned:
        tab.save_record()
    assert warned.called
    assert dashboard.record(day).effective_visits == 3
    assert tab.entry["effective_visits"].value() == 3


def test_adding_an_order_from_the_dashboard(tab):
    customer = Customer.select().first()
    before = Order.select().count()
    assert tab.add_order(
        {"customer_id": customer.id, "day": AS_OF, "amount_fen": 123456, "product": "产品B"}
    )
    assert Order.select().count() == before + 1
    tab.main.undo_stack.undo()
    assert Order.select().count() == before


def test_the_trend_switches_metric_and_period(tab):
    tab.metric.setCurrentIndex(tab.metric.findData("effective_visits"))
    tab.period.setCurrentIndex(tab.period.findData("day"))
    labels, values, found = tab.trend_series()
    assert len(labels) == 31 and labels[-1] == "11-20" and found == []
    tab.period.setCurrentIndex(tab.period.findData("month"))
    labels, _, _ = tab.trend_series()
    assert labels == ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]


def test_anomaly_weeks_are_marked_with_a_hint(tab):
    tab.metric.setCurrentIndex(tab.metric.findData("close_rate"))
    tab.period.setCurrentIndex(tab.period.findData("week"))
    _, _, found = tab.trend_series()
    # the demo (seed 1) has one such week in November 2026
    assert [a.week for a in found] == [a.week for a in dashboard.anomalies("2026-11", AS_OF)]
    assert [a.week for a in found] == ["2026-W46"]
    assert "in W46: check the pitch or the product" in tab.hint.text()  # as the axis names it


def test_redrawing_the_charts_keeps_pythons_true_alive(tab, qapp):
    """PySide6 6.12.0 drops a reference to True on each chart redraw (pyqtgraph's items): a
    few hundred redraws later Python aborts ("deallocating True"). The pin in pyproject.toml
    leaves that version out; this catches another like it."""
    import gc
    import sys

    for _ in range(3):  # settle: the first redraws make the plots' lasting objects
        tab.draw_charts()
        qapp.processEvents()
    gc.collect()
    before = sys.getrefcount(True)
    for _ in range(5):
        tab.draw_charts()
        qapp.processEvents()
    gc.collect()
    assert sys.getrefcount(True) - before > -50  # 6.12.0: about −140 a redraw


def test_the_tab_is_laid_out_at_its_final_size_before_the_charts_come(make_window):
    from PySide6.QtCore import QRect

    from ui.tabs.dashboard import DashboardTab

    window = make_window()
    # the dashboard's page, its tab made here and not shown:
    page = window.tabs.widget(TAB_NAMES.index("dashboard"))
    tab = DashboardTab(window)  # no charts yet (they come on first show)
    page.layout().addWidget(tab)
    page.tab = tab
    assert not tab.charts_built

    def geometries():
        tab.layout().setGeometry(QRect(0, 0, 1280, 700))
        return [w.geometry() for w in (*tab.cards.values(), *tab.chart_boxes)]

    before = geometries()
    # the cards keep a card's height; the four chart boxes share the rest, two by two
    assert len(before) == 8 + 4
    assert tab.cards["revenue"].geometry().height() < 200
    assert all(box.height() >= 140 for box in before[8:])
    tab.ensure_charts()
    assert geometries() == before  # nothing moved when the charts came
    assert tab.trend_plot.geometry().height() >= 140


def test_the_pareto_chart_names_the_largest_customers_and_sums_the_rest(make_window, qtbot):
    """Twelve customers who bought ¥120, ¥110, …, ¥10 in the last 12 months: ten bars by
    name, the other two as one bar, the top fifth in amber, and the note in words."""
    from PySide6.QtCore import Qt

    from ui.tabs.dashboard import AMBER, GREY

    window = make_window()
    Order.delete().execute()
    buyers = list(Customer.select().order_by(Customer.id).limit(12))
    for index, customer in enumerate(buyers):
        Order.create(customer=customer, date=AS_OF, amount_fen=(120 - 10 * index) * 100)
    # an order 12 months and a day before as-of is not in the chart
    Order.create(customer=buyers[-1], date=date(2025, 11, 20), amount_fen=1_000_000)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: window.painted)
    bar = window.tabs.tabBar()
    index = TAB_NAMES.index("dashboard")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert window.tabs.currentIndex() == index
    tab = window.tab("dashboard")
    qtbot.waitUntil(lambda: tab.charts_built)  # drawn on its first show
    items = tab.pareto_plot.getPlotItem().items
    bars = [item for item in items if type(item).__name__ == "BarGraphItem"]
    heights = {}
    for item in bars:
        for x, height in zip(item.opts["x"], item.opts["height"], strict=True):
            heights[x] = (item.opts["brush"], round(height, 2))
    # total 120 + 110 + … + 10 = 780; the largest 120 ÷ 780 = 15.38 %; the top fifth is
    # 12 ÷ 5 rounded up = 3 customers (amber); the rest: 20 + 10 = 30 ÷ 780 = 3.85 %
    assert len(heights) == 11
    assert heights[0] == (AMBER, 15.38)
    assert heights[2] == (AMBER, round(100 * 100 / 780, 2))  # 12.82
    assert heights[3] == (GREY, round(100 * 90 / 780, 2))  # 11.54
    assert heights[10] == (GREY, 3.85)
    ticks = tab.pareto_plot.getAxis("bottom")._tickLevels[0]
    # each bar named under it: its rank, then the rest
    assert ticks == [(x, str(x + 1)) for x in range(10)] + [(10, "the rest")]
    # named: 780 − 30 = 750 ÷ 780 = 96.2 %; the top fifth 120 + 110 + 100 = 330 ÷ 780 = 42.3 %
    assert tab.pareto_note.text() == (
        "Top 10 of 12 customers: 96.2% of the revenue · the top 20% (3 customers): 42.3%"
    )
    largest = buyers[0].name
    tips = [item for item in items if type(item).__name__ == "ScatterPlotItem"][0]
    assert tips.data["data"][0] == f"{largest}: {format_yuan(12000)} (15.4%; cumulative 15.4%)"
    assert tips.data["data"][-1] == (
        f"the other 2 customers: {format_yuan(3000)} (3.8%; cumulative 100.0%)"
    )


def test_the_pareto_figures_on_a_few_customers():
    """Fewer customers than the chart names: all named, nothing left for the rest."""
    from app.dashboard import Pareto

    found = Pareto(
        top=[("A", 300), ("B", 100)],
        rest_fen=0,
        customers=2,
        total_fen=400,
        top_fifth=1,
        top_fifth_fen=300,
    )
    assert found.rest_customers == 0
    assert found.share(300) == Fraction(3, 4)  # 300 ÷ 400


def test_the_cards_compare_with_last_month_through_the_same_day(make_window, qtbot, tmp_path):
    from app import db

    path = tmp_path / "months.sqlite3"
    db.open_database(path)
    buyer = Customer.create(name="甲", created=date(2026, 1, 1))
    for day in (date(2026, 11, 2), date(2026, 11, 9), AS_OF):  # 3 deals this month
        Order.create(customer=buyer, date=day, amount_fen=100_00)
    # last month through the 20th: 2 deals (the one on 21 October is after the same day)
    for day in (date(2026, 10, 5), date(2026, 10, 20), date(2026, 10, 21)):
        Order.create(customer=buyer, date=day, amount_fen=100_00)
    db.close_database()
    window = make_window(path)
    window.show()
    qtbot.waitUntil(lambda: window.painted)
    tab = window.show_tab("dashboard")
    # deals (3 − 2) ÷ 2 = ▲ 50.0%; revenue ¥300 against ¥200: ▲ 50.0%
    assert tab.cards["deals"].change.text() == "▲ 50.0% vs last month"
    assert tab.cards["revenue"].change.text() == "no target · ▲ 50.0% vs last month"
    # the average order is ¥100 both months: ▲ 0.0%
    assert tab.cards["average_order_value"].change.text() == "▲ 0.0% vs last month"


def test_the_pace_chart_adds_up_the_months_revenue_day_by_day(make_window, qtbot, tmp_path):
    from app import db

    path = tmp_path / "pace.sqlite3"
    db.open_database(path)
    buyer = Customer.create(name="甲", created=date(2026, 1, 1))
    Order.create(customer=buyer, date=date(2026, 10, 31), amount_fen=5_000_000)  # October
    Order.create(customer=buyer, date=date(2026, 11, 2), amount_fen=1_000_000)  # ¥10,000
    Order.create(customer=buyer, date=date(2026, 11, 3), amount_fen=2_500_000)  # ¥25,000
    db.close_database()
    window = make_window(path)
    window.show()
    qtbot.waitUntil(lambda: window.painted)
    tab = window.show_tab("dashboard")
    qtbot.waitUntil(lambda: tab.charts_built)

    def revenue_line():
        line = next(i for i in tab.pace_plot.listDataItems() if i.name() == "Revenue")
        return list(line.getData()[1])

    # in ¥ 10k, days 1–20: 0 on the 1st, 1.0 from the 2nd, 1.0 + 2.5 = 3.5 from the 3rd
    expected = [0.0, 1.0] + [3.5] * 18
    assert revenue_line() == expected
    for period in ("day", "week", "month"):  # whatever days the trend read, the same line
        tab.period.setCurrentIndex(tab.period.findData(period))
        tab.main.refresh()  # every chart drawn again
        assert revenue_line() == expected
