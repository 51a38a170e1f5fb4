"""The monthly review's data and its reading rules on hand-computed months; the PDF."""

import shutil
import subprocess
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from app import review
from app.models import Activity, Customer, Order, PdcaItem, PlanLine, Target, Task
from app.money import yuan_to_fen

AS_OF = date(2026, 11, 20)


@pytest.mark.parametrize(
    "visits, expected, rate, history, average, plan, found",
    [
        # 40 visits against 60 expected (67% < 90%): an activity problem
        (40, Fraction(60), Fraction(3, 10), Fraction(3, 10), 100, 100, ["activity"]),
        # on pace, close rate 9% against 12% (75% < 80%): conversion — discovery or negotiation?
        (60, Fraction(60), Fraction(9, 100), Fraction(12, 100), 100, 100, ["conversion"]),
        # close rate 10% against 12% (83%): no conversion problem
        (60, Fraction(60), Fraction(10, 100), Fraction(12, 100), 100, 100, ["on_track"]),
        # average order 85 against a plan of 100 (85% < 90%): order size
        (60, Fraction(60), Fraction(12, 100), Fraction(12, 100), 85, 100, ["order_size"]),
        (50, Fraction(60), None, None, 80, 100, ["activity", "order_size"]),
    ],
)
def test_the_reading_rules(visits, expected, rate, history, average, plan, found):
    assert review.readings(visits, expected, rate, history, average, plan) == found


@pytest.fixture
def month(db_path):
    Target.create(month="2026-11", revenue_fen=yuan_to_fen(210000), effective_visits=63)
    PlanLine.create(
        month="2026-11",
        product="A",
        customer_type="大客户",
        revenue_fen=yuan_to_fen(100000),
        average_order_fen=yuan_to_fen(20000),
        close_rate=Decimal("0.125"),
    )
    big = Customer.create(name="大客户甲", customer_type="大客户", created=date(2026, 1, 1))
    small = Customer.create(name="小客户乙", customer_type="中小客户", created=date(2026, 1, 1))
    Order.create(customer=big, date=date(2026, 11, 3), amount_fen=yuan_to_fen(60000), product="A")
    Order.create(
        customer=small, date=date(2026, 11, 4), amount_fen=yuan_to_fen(5000), product="A"
    )  # product A, but not for the plan's customer type
    Activity.create(date=date(2026, 11, 2), kind="visit", count=30)


def test_results_and_process_of_a_month(month):
    data = review.build("2026-11", AS_OF)
    assert data.actual["revenue_fen"] == yuan_to_fen(65000)
    assert data.completion == Fraction(65000, 210000)
    assert data.gap_fen == yuan_to_fen(145000)
    [line] = data.lines
    assert (line.plan_fen, line.actual_fen, line.gap_fen) == (
        yuan_to_fen(100000),
        yuan_to_fen(60000),
        yuan_to_fen(40000),
    )
    # 63 visits × 15 of 21 working days = 45 expected; 30 done: an activity problem
    assert data.expected_visits == 45
    assert data.readings[0] == "activity"
    # plan average: 100,000 ÷ 5 orders = 20,000; actual 65,000 ÷ 2 = 32,500
    assert data.plan_average == yuan_to_fen(20000)
    assert data.average_order == Fraction(yuan_to_fen(65000), 2)


def test_open_pdca_items_carry_into_next_month_once(month):
    item = review.add_pdca("2026-11", "check", "复盘产品A成交率")
    review.add_pdca("2026-11", "act", "已固化的方法")
    done = PdcaItem.select().order_by(PdcaItem.id.desc()).first()
    assert review.set_pdca_status(done.id, "done") == "open"
    created = review.carry_forward("2026-11", AS_OF)
    assert len(created) == 1
    task = Task.get_by_id(created[0])
    assert (task.title, task.quadrant, task.due) == ("复盘产品A成交率", 2, date(2026, 12, 7))
    assert PdcaItem.get_by_id(item).carried_forward
    assert review.carry_forward("2026-11", AS_OF) == []


def test_the_reps_text_is_saved_with_undo_data(month):
    assert review.save_text("2026-11", ability="谈判技巧不足") is None
    assert review.save_text("2026-11", ability="已改进") == {"ability": "谈判技巧不足"}


@pytest.mark.skipif(
    shutil.which("pdffonts") is None or shutil.which("pdftotext") is None,
    reason="poppler-utils not installed",
)
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_pdf_embeds_every_font_and_shows_the_figures(month, tmp_path, language):
    from app import i18n
    from app.report_pdf import write_report

    i18n.set_language(language)
    review.save_text("2026-11", ability="谈判技巧不足，计划参加《双赢谈判》课程")
    out = write_report("2026-11", AS_OF, tmp_path / "review.pdf")
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows), fonts  # embedded, every one
    assert "Helvetica" not in fonts
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True
    ).stdout
    for expected in ("¥65,000.00", "¥210,000.00", "31.0%", "大客户甲", "谈判技巧不足", "2026-11"):
        assert expected in text, expected
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "(A4)" in info


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_pdf_names_twenty_churn_warnings_and_counts_the_rest(db_path, tmp_path):
    from app.report_pdf import LISTED, write_report

    for i in range(LISTED + 5):  # orders falling 3 → 2 → 1 over Aug–Oct: a churn signal
        customer = Customer.create(name=f"流失客户{i:02d}", created=date(2026, 1, 5))
        for month, amount in ((8, 3), (9, 2), (10, 1)):
            Order.create(customer=customer, date=date(2026, month, 15), amount_fen=amount)
    out = write_report("2026-11", AS_OF, tmp_path / "review.pdf")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "流失客户19" in text and "流失客户20" not in text  # by name, the first 20
    assert "… and 5 more" in text
