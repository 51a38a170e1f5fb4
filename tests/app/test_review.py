"""The monthly review's data and its reading rules on hand-computed months; the PDF."""

import shutil
import subprocess
from datetime import date, timedelta
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
    # as-of + 1: in no figure of the review
    Order.create(customer=big, date=AS_OF + timedelta(days=1), amount_fen=yuan_to_fen(9000))
    Activity.create(date=AS_OF + timedelta(days=1), kind="visit", count=50)


def test_results_and_process_of_a_month(month):
    data = review.build("2026-11", AS_OF)
    assert data.actual.revenue_fen == yuan_to_fen(65000)  # 60,000 + 5,000; not the 21st's
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
    # the channels' revenue: no channel set, so none; the review's figures are the month's
    assert data.channels == [] and data.figures.actual.effective_visits == 30


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


def pdf_pages(path) -> list[list[str]]:
    """Each page's lines of text, read back from the PDF, without the footer."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        pages = []
        for page in document:
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            page.close()
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            pages.append([line for line in lines if not line.startswith("RepDesk · ")])
        return pages
    finally:
        document.close()


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_the_pdf_embeds_every_font(month, tmp_path):
    from app.report_pdf import write_report

    out = write_report("2026-11", AS_OF, tmp_path / "review.pdf")
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows), fonts  # embedded, every one
    assert "Helvetica" not in fonts


@pytest.mark.parametrize("language, week", [("en", "W47"), ("zh_CN", "第47周")])
def test_the_pdf_shows_the_figures_through_as_of(month, tmp_path, language, week):
    from app import i18n
    from app.report_pdf import write_report

    i18n.set_language(language)
    review.save_text("2026-11", ability="谈判技巧不足，计划参加《双赢谈判》课程")
    pages = pdf_pages(write_report("2026-11", AS_OF, tmp_path / "review.pdf"))
    text = "\n".join(line for page in pages for line in page)
    # revenue 60,000 + 5,000 (not the 9,000 of the 21st); 65,000 ÷ 210,000 = 31.0%;
    # average order 65,000 ÷ 2 = 32,500.00, to the fen
    for expected in (
        "¥65,000.00",
        "¥210,000.00",
        "31.0%",
        "¥32,500.00",
        "大客户甲",
        "谈判技巧不足",
    ):
        assert expected in text, expected
    assert "¥74,000.00" not in text  # 65,000 + the 9,000 after as-of
    assert "¥65,000.00" in "\n".join(pages[0])  # the headline figures are on page 1
    assert week in text  # the week of as-of, named in the language
    if language == "zh_CN":
        assert "W47" not in text


def test_a_month_without_a_target_says_so_in_the_pdf(db_path, tmp_path):
    from app.report_pdf import write_report

    who = Customer.create(name="甲", created=date(2026, 1, 1))
    Order.create(customer=who, date=date(2026, 11, 3), amount_fen=yuan_to_fen(100))
    text = "\n".join(
        line
        for page in pdf_pages(write_report("2026-11", AS_OF, tmp_path / "r.pdf"))
        for line in page
    )
    assert "no target" in text and "on pace" not in text


def test_the_demo_months_pdf_is_three_well_filled_pages(demo_db, tmp_path):
    from app import i18n
    from app.report_pdf import write_report

    i18n.set_language("zh_CN")
    pages = pdf_pages(write_report("2026-11", AS_OF, tmp_path / "review.pdf"))
    assert len(pages) == 3
    assert all(len(page) >= 20 for page in pages), [len(page) for page in pages]
    assert "月度复盘" in pages[0] and "业绩" in pages[0]  # the cover and the headline figures


def test_no_page_holds_only_a_heading_or_one_row(db_path, tmp_path):
    from app.report_pdf import LISTED, MIN_ROWS, write_report

    for i in range(LISTED + 3):  # orders falling 3 → 2 → 1 over Aug–Oct: a churn signal
        customer = Customer.create(name=f"流失客户{i:02d}", created=date(2026, 1, 5))
        for month_number, amount in ((8, 3), (9, 2), (10, 1)):
            Order.create(customer=customer, date=date(2026, month_number, 15), amount_fen=amount)
    review.save_text("2026-11", results="本月回顾。\n" * 30, ability="谈判技巧不足。\n" * 20)
    for index in range(70):  # a PDCA table longer than a page
        review.add_pdca("2026-11", "check", f"检查项{index:02d}")
    pages = pdf_pages(write_report("2026-11", AS_OF, tmp_path / "review.pdf"))
    assert len(pages) >= 4
    # at the least a table's repeated header and MIN_ROWS rows on every page
    assert all(len(page) >= 1 + MIN_ROWS for page in pages), [len(page) for page in pages]
    pdca_rows = [line for page in pages for line in page if "检查项" in line]
    assert len(pdca_rows) == 70  # split across pages, every row once


def test_the_pdf_names_twenty_churn_warnings_and_counts_the_rest(db_path, tmp_path):
    from app.report_pdf import LISTED, write_report

    for i in range(LISTED + 5):  # orders falling 3 → 2 → 1 over Aug–Oct: a churn signal
        customer = Customer.create(name=f"流失客户{i:02d}", created=date(2026, 1, 5))
        for month, amount in ((8, 3), (9, 2), (10, 1)):
            Order.create(customer=customer, date=date(2026, month, 15), amount_fen=amount)
    pages = pdf_pages(write_report("2026-11", AS_OF, tmp_path / "review.pdf"))
    text = "\n".join(line for page in pages for line in page)
    assert "流失客户19" in text and "流失客户20" not in text  # by name, the first 20
    assert "… and 5 more" in text


def test_the_touchpoints_name_their_window_and_count_the_rest(db_path, tmp_path):
    from app.report_pdf import TOUCHPOINT_ROWS, write_report

    for i in range(TOUCHPOINT_ROWS + 4):  # a first order on 11-18: a callback due 11-21
        customer = Customer.create(name=f"新客户{i:02d}", created=date(2026, 11, 1))
        Order.create(customer=customer, date=date(2026, 11, 18), amount_fen=yuan_to_fen(10))
    pages = pdf_pages(write_report("2026-11", AS_OF, tmp_path / "review.pdf"))
    text = "\n".join(line for page in pages for line in page)
    # as-of 11-20 and the 14 days after it: through 12-04
    assert f"Touchpoints from 2026-11-20 to 2026-12-04: {TOUCHPOINT_ROWS + 4}" in text
    assert "… and 4 more in the Lifecycle calendar." in text


def test_a_week_without_visits_is_a_gap_in_the_close_rate_line():
    from app.report_pdf import _gapped

    # weeks 2 and 5 had no effective visits: three runs, none drawn through them
    assert _gapped([10.0, None, 20.0, 30.0, None]) == [
        [10.0, None, None, None, None],
        [None, None, 20.0, 30.0, None],
    ]
    assert _gapped([None, None]) == [[None, None]]  # no rate at all: nothing drawn


@pytest.mark.parametrize(
    "language, yuan, top, shown",
    [
        ("zh_CN", 20000, 80000, "¥2万"),
        ("en", 20000, 80000, "¥20k"),
        ("zh_CN", 2500, 8000, "¥2,500"),  # below 万: yuan
    ],
)
def test_money_axes_carry_their_unit(language, yuan, top, shown):
    from app import i18n
    from app.report_pdf import axis_money

    i18n.set_language(language)
    assert axis_money(yuan, top) == shown


def test_a_split_table_leaves_at_least_three_rows_on_each_page():
    from app.report_pdf import MIN_ROWS, Rows

    def rows_of(height):  # a header and 10 rows, 20 points each
        table = Rows([["header"]] + [[f"row {i}"] for i in range(10)], rowHeights=20, repeatRows=1)
        return [len(part._cellvalues) - 1 for part in table.split(100, height)]

    # 200 points hold the header and 9 rows: 1 would be left alone → 7 here, 3 there
    assert rows_of(200) == [10 - MIN_ROWS, MIN_ROWS]
    assert rows_of(140) == [6, 4]  # header + 6 rows fit, 4 left: as is
    assert rows_of(70) == []  # header + 2 rows: too few here, the table starts over there


def test_an_empty_months_pdf_has_no_page_of_a_heading_and_a_line(db_path, tmp_path):
    from app.report_pdf import MIN_ROWS, write_report

    # a fresh file, next month: the rep's (unwritten) review goes with the section before it
    pages = pdf_pages(write_report("2026-12", AS_OF, tmp_path / "review.pdf"))
    assert all(len(page) >= 1 + MIN_ROWS for page in pages), [len(page) for page in pages]
