"""Cases for the sales meeting: one case on one page, the month's cases as a handout —
each read back from the PDF with pypdfium2."""

from datetime import date

import pytest

from app import case_pdf, review
from app.errors import UserError
from app.models import Customer, Order
from app.money import yuan_to_fen
from tests.app.test_review import pdf_pages


def _bottom_of(words: str, path) -> float:
    """Where `words` sit on the first page: the bottom of their first character, in points
    from the page's bottom edge."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        textpage = document[0].get_textpage()
        found = textpage.search(words).get_next()
        assert found, words
        return textpage.get_charbox(found[0])[1]
    finally:
        document.close()


@pytest.fixture
def customer(db_path):
    who = Customer.create(name="杭州恒达建材有限公司", created=date(2026, 1, 1))
    for day, yuan in ((date(2026, 3, 2), "20000"), (date(2026, 9, 9), "35000.50")):
        Order.create(customer=who, date=day, amount_fen=yuan_to_fen(yuan))
    Order.create(customer=who, date=date(2026, 11, 25), amount_fen=yuan_to_fen("9999"))
    return who


def test_a_case_is_one_page_with_its_story_and_numbers(customer, tmp_path):
    case_id = review.add_case(
        date(2026, 11, 12),
        "win",
        "我是如何用价值对比话术搞定刁难客户的",
        body="客户反复压价，三次拜访后仍不松口。",
        said="“我们算一笔三年的账：维护成本每年省下4万。”",
        takeaway="先算总账再谈单价；带上同行业案例。",
        amount_fen=yuan_to_fen("48000"),
        customer_id=customer.id,
    )
    pages = pdf_pages(case_pdf.write_case(case_id, tmp_path / "case.pdf"))
    assert len(pages) == 1
    text = "\n".join(pages[0])
    for expected in (
        "Win · 2026-11-12",
        "我是如何用价值对比话术搞定刁难客户的",
        "杭州恒达建材有限公司",
        "¥48,000.00",  # the deal's amount
        # orders through the case's day: 20,000 + 35,000.50 = 55,000.50 in 2 orders (the
        # order of the 25th comes after the case)
        "2 orders, ¥55,000.50",
        "2026-03-02",  # customer since its first order
        "What happened",
        "客户反复压价",
        "What was said",
        "维护成本每年省下4万",
        "What to repeat",
        "先算总账再谈单价",
    ):
        assert expected in text, expected
    assert "What to avoid" not in text


def test_a_long_lesson_still_fits_one_page(db_path, tmp_path):
    case_id = review.add_case(
        date(2026, 11, 3),
        "lesson",
        "报价太早",
        body="第一次见面就报了价。\n" * 120,
        takeaway="先做需求诊断，再报价。",
    )
    pages = pdf_pages(case_pdf.write_case(case_id, tmp_path / "lesson.pdf"))
    assert len(pages) == 1
    text = "\n".join(pages[0])
    assert "Lesson · 2026-11-03" in text and "What to avoid" in text
    assert "先做需求诊断" in text
    # the end of the story is drawn on the page, above the bottom margin (shrunk to fit,
    # never cut off below it)
    assert _bottom_of("先做需求诊断", tmp_path / "lesson.pdf") >= case_pdf.MARGIN - 1
    assert "Customer" not in text  # no customer, no numbers


def test_the_months_cases_print_as_a_handout(customer, tmp_path):
    review.add_case(date(2026, 11, 5), "win", "转介绍三连单", customer_id=customer.id)
    review.add_case(date(2026, 11, 19), "lesson", "忽视了采购经理", body="决策链没摸清。")
    review.add_case(date(2026, 10, 30), "win", "上月的案例")
    pages = pdf_pages(case_pdf.write_handout("2026-11", tmp_path / "handout.pdf"))
    text = "\n".join(line for page in pages for line in page)
    assert "Cases for the sales meeting · 2026-11" in text
    assert text.index("转介绍三连单") < text.index("忽视了采购经理")  # by date
    assert "上月的案例" not in text
    with pytest.raises(UserError):
        case_pdf.write_handout("2026-12", tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()
