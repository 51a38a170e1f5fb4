"""Cases for the weekly sales meeting (晨会): one case as a one-page A4 PDF, and the month's
cases as a handout to print.

A case page says what happened, what was said, what to repeat (a win) or avoid (a lesson),
and the customer with its numbers: the deal's amount, and the customer's orders and revenue
through the case's day. The page's story is shrunk to fit when the rep wrote a long one, so a
case is always one page. Drawn with the review's fonts and styles (app.report_pdf): every
font embedded, no Qt.
"""

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import peewee as pw
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepInFrame,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app import db, output, review
from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.models import CaseEntry, Customer, Order
from app.money import format_yuan
from app.report_pdf import FONT, LIGHT, MARGIN, RULE, Styles, register_font

TOP = 16 * mm
NO_CASES = QT_TRANSLATE_NOOP("Messages", "No cases in {month} to print.")


@dataclass
class CaseNumbers:
    """The customer's orders and revenue through the case's day (None: no customer)."""

    orders: int
    revenue_fen: int
    first_order: date | None


def numbers(case: CaseEntry) -> CaseNumbers | None:
    if not case.customer_id:
        return None
    orders, revenue, first = (
        Order.select(
            pw.fn.COUNT(Order.id),
            pw.fn.COALESCE(pw.fn.SUM(Order.amount_fen), 0),
            pw.fn.MIN(Order.date),
        )
        .where((Order.customer == case.customer_id) & (Order.date <= case.date))
        .scalar(as_tuple=True)
    )
    if isinstance(first, str):
        first = date.fromisoformat(first)
    return CaseNumbers(orders, revenue, first)


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br/>")


def case_flowables(case: CaseEntry, styles: Styles, width: float) -> list:
    """One case: its heading, the customer and the numbers, then the three parts of the
    story (a part left blank is left out)."""
    kind = translate("Report", "Win") if case.kind == "win" else translate("Report", "Lesson")
    parts = [
        Paragraph(f"{escape(kind)} · {case.date.isoformat()}", styles.small),
        Paragraph(escape(case.title), styles.h1),
    ]
    facts = _facts(case)
    if facts:
        grid = Table(facts, colWidths=[45 * mm, width - 45 * mm])
        grid.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("FONTSIZE", (0, 0), (-1, -1), 9.5),
                    ("BACKGROUND", (0, 0), (0, -1), LIGHT),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        parts += [grid, Spacer(1, 4 * mm)]
    takeaway = (
        translate("Report", "What to repeat")
        if case.kind == "win"
        else translate("Report", "What to avoid")
    )
    for heading, text in (
        (translate("Report", "What happened"), case.body),
        (translate("Report", "What was said"), case.said),
        (takeaway, case.takeaway),
    ):
        if text.strip():
            parts += [Paragraph(escape(heading), styles.h2), Paragraph(_text(text), styles.body)]
    return parts


def _facts(case: CaseEntry) -> list[list[str]]:
    """The customer and the numbers, as label → value rows."""
    rows = []
    if case.customer_id:
        rows.append([translate("Report", "Customer"), case.customer.name])
    if case.amount_fen is not None:
        rows.append([translate("Report", "Deal amount"), format_yuan(case.amount_fen)])
    found = numbers(case)
    if found is not None:
        rows.append(
            [
                translate("Report", "Orders to that day"),
                translate("Report", "{orders} orders, {revenue}").format(
                    orders=found.orders, revenue=format_yuan(found.revenue_fen)
                ),
            ]
        )
        if found.first_order:
            rows.append([translate("Report", "Customer since"), found.first_order.isoformat()])
    return rows


def _document(pdf, title: str) -> SimpleDocTemplate:
    return SimpleDocTemplate(
        pdf,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP,
        bottomMargin=MARGIN,
        title=title,
        author=db.get_setting(review.REP_NAME_SETTING) or "RepDesk",
        initialFontName=FONT,
    )


def write_case(case_id: int, out: Path) -> Path:
    """One case as a one-page PDF at `out`, whole or not at all (`app.output`)."""
    register_font()
    case = CaseEntry.select(CaseEntry, Customer).join(Customer, pw.JOIN.LEFT_OUTER)
    case = case.where(CaseEntry.id == case_id).get()
    width = A4[0] - 2 * MARGIN
    height = A4[1] - TOP - MARGIN

    def write(partial: Path) -> None:
        pdf = io.BytesIO()
        page = KeepInFrame(
            width, height, case_flowables(case, Styles(), width), mode="shrink"
        )  # a long story is drawn smaller, never onto a second page
        _document(pdf, case.title).build([page])
        partial.write_bytes(pdf.getvalue())

    output.write_output(Path(out), write, db.database_path())
    return Path(out)


def write_handout(month: str, out: Path) -> Path:
    """The month's cases, one after another (each kept whole on a page), under a heading:
    the handout for the sales meeting. A month without cases is refused (UserError)."""
    register_font()
    cases = review.cases(month)
    if not cases:
        raise UserError(NO_CASES, month=month)
    width = A4[0] - 2 * MARGIN

    def write(partial: Path) -> None:
        pdf = io.BytesIO()
        styles = Styles()
        heading = translate("Report", "Cases for the sales meeting · {month}").format(month=month)
        story = [Paragraph(escape(heading), styles.title), Spacer(1, 6 * mm)]
        for case in cases:
            story += [KeepTogether(case_flowables(case, styles, width)), Spacer(1, 8 * mm)]
        _document(pdf, heading).build(story)
        partial.write_bytes(pdf.getvalue())

    output.write_output(Path(out), write, db.database_path())
    return Path(out)
