"""The dashboard: quick entry, headline figures against last month, charts, anomalies."""

from datetime import date
from unittest import mock

import pytest
from PySide6.QtWidgets import QMessageBox

from app import dashboard
from app.models import Activity, Customer, Order
from tests.conftest import AS_OF


@pytest.fixture
def tab(make_window):
    window = make_window()
    tab = window.tab("dashboard")
    tab.ensure_charts()
    return tab


def test_headline_figures_against_last_month(tab):
    assert tab.cards["revenue"].value.text().startswith("¥")
    assert "of target" in tab.cards["revenue"].change.text()
    assert "vs last month" in tab.cards["deals"].change.text()
    assert tab.cards["pace"].value.text() in ("on pace", "slightly behind", "behind")


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
    assert "2026-W46: check the pitch or the product" in tab.hint.text()


def test_the_tab_is_laid_out_at_its_final_size_before_the_charts_come(make_window):
    from PySide6.QtCore import QRect

    from ui.tabs.dashboard import DashboardTab

    window = make_window()
    page = window.tabs.widget(5)  # the dashboard's page, its tab made here and not shown:
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
