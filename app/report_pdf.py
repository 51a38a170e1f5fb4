"""The monthly review as an A4 PDF, drawn with ReportLab (no Qt), every font embedded.

ReportLab embeds TrueType-outline fonts only, so RepDesk ships WenQuanYi Micro Hei (TTC with
TrueType outlines, Latin and digits included; Apache-2.0) in resources/fonts and uses it for
every string, the charts' labels and the canvas's initial font: no Helvetica is declared.
"""

import io
from datetime import date, timedelta
from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app import dashboard, db, lifecycle, output, planning, review
from app.i18n import current_language, message, translate
from app.labels import label
from app.money import format_yuan
from app.workdays import month_bounds

FONT = "RepDeskCJK"
FONT_FILE = "wqy-microhei.ttc"
BLUE = colors.HexColor("#1f4e8c")
GREY = colors.HexColor("#5b6776")
LIGHT = colors.HexColor("#eceff3")
STATUS = {
    "green": colors.HexColor("#2e7d32"),
    "amber": colors.HexColor("#b26a00"),
    "red": colors.HexColor("#c62828"),
}


LISTED = 20  # churn warnings named in the PDF; the rest are counted


def register_font() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        from app.i18n import resources_dir

        pdfmetrics.registerFont(
            TTFont(FONT, str(resources_dir() / "fonts" / FONT_FILE), subfontIndex=0)
        )
    # a drawing starts from these defaults; Helvetica there would be declared unembedded
    STATE_DEFAULTS["fontName"] = FONT
    return FONT


def percent(value) -> str:
    return "—" if value is None else f"{float(value) * 100:.1f}%"


def money(fen) -> str:
    return "—" if fen is None else format_yuan(planning.round_fen(fen))


class Styles:
    def __init__(self):
        wrap = "CJK" if current_language() == "zh_CN" else None
        base = dict(fontName=FONT, wordWrap=wrap, textColor=colors.HexColor("#1d2733"))
        self.body = ParagraphStyle("body", fontSize=10, leading=15, **base)
        self.small = ParagraphStyle(
            "small", fontSize=8.5, leading=12, **{**base, "textColor": GREY}
        )
        self.h1 = ParagraphStyle(
            "h1",
            fontSize=15,
            leading=20,
            spaceBefore=10,
            spaceAfter=6,
            **{**base, "textColor": BLUE},
        )
        self.title = ParagraphStyle(
            "title", fontSize=26, leading=34, alignment=TA_CENTER, **{**base, "textColor": BLUE}
        )
        self.centre = ParagraphStyle("centre", fontSize=13, leading=20, alignment=TA_CENTER, **base)
        self.cell = ParagraphStyle("cell", fontSize=9, leading=12, **base)


def table(
    rows: list[list],
    widths: list[float],
    styles: Styles,
    numeric_from: int = 1,
    colours: dict[int, colors.Color] | None = None,
) -> Table:
    """A table with a header row, numbers right-aligned, a status column coloured."""
    data = [
        [
            Paragraph(str(cell), styles.cell) if isinstance(cell, str) and len(cell) > 18 else cell
            for cell in row
        ]
        for row in rows
    ]
    result = Table(data, colWidths=widths, repeatRows=1)
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
        ("TEXTCOLOR", (0, 0), (-1, 0), BLUE),
        ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d9dde3")),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for row, colour in (colours or {}).items():
        commands.append(("TEXTCOLOR", (-1, row), (-1, row), colour))
    result.setStyle(TableStyle(commands))
    return result


def _chart_fonts(chart) -> None:
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = FONT
        axis.labels.fontSize = 7


def weekly_chart(month: str, as_of: date, width: float) -> Drawing:
    """Revenue by ISO week for the 8 weeks to as-of, and each week's close rate."""
    start = as_of - timedelta(days=7 * 8 - 1)
    start -= timedelta(days=start.weekday())
    weeks = dashboard.grouped(dashboard.daily(start, as_of), "week")
    drawing = Drawing(width, 150)
    bars = VerticalBarChart()
    bars.x, bars.y, bars.width, bars.height = 40, 25, width / 2 - 60, 100
    bars.data = [[w.revenue_fen / 100 for w in weeks]]
    bars.categoryAxis.categoryNames = [w.label[5:] for w in weeks]
    bars.bars[0].fillColor = BLUE
    bars.valueAxis.valueMin = 0
    _chart_fonts(bars)
    drawing.add(bars)
    drawing.add(
        String(
            40,
            135,
            translate("Report", "Revenue by week (¥)"),
            fontName=FONT,
            fontSize=8,
            fillColor=GREY,
        )
    )
    line = HorizontalLineChart()
    line.x, line.y, line.width, line.height = width / 2 + 30, 25, width / 2 - 50, 100
    line.data = [[float(w.close_rate * 100) if w.close_rate is not None else 0 for w in weeks]]
    line.categoryAxis.categoryNames = [w.label[5:] for w in weeks]
    line.lines[0].strokeColor = BLUE
    line.lines[0].strokeWidth = 2
    line.valueAxis.valueMin = 0
    _chart_fonts(line)
    drawing.add(line)
    drawing.add(
        String(
            width / 2 + 30,
            135,
            translate("Report", "Close rate by week (%)"),
            fontName=FONT,
            fontSize=8,
            fillColor=GREY,
        )
    )
    return drawing


def channel_chart(data: review.Review, width: float) -> Drawing:
    drawing = Drawing(width, 150)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 25, width - 160, 110
    names = [name for name, _, _ in data.channels] or ["—"]
    chart.data = [
        [now / 100 for _, now, _ in data.channels] or [0],
        [before / 100 for _, _, before in data.channels] or [0],
    ]
    chart.categoryAxis.categoryNames = names
    chart.bars[0].fillColor = BLUE
    chart.bars[1].fillColor = colors.HexColor("#b8c4d6")
    chart.valueAxis.valueMin = 0
    _chart_fonts(chart)
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 110, 110
    legend.fontName, legend.fontSize = FONT, 8
    legend.colorNamePairs = [
        (BLUE, translate("Report", "this month")),
        (colors.HexColor("#b8c4d6"), translate("Report", "last month")),
    ]
    drawing.add(legend)
    return drawing


def _page(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont(FONT, 8)
    canvas.setFillColor(GREY)
    canvas.drawRightString(
        A4[0] - 18 * mm, 10 * mm, translate("Report", "Page {page}").format(page=doc.page)
    )
    canvas.drawString(18 * mm, 10 * mm, doc.footer)
    canvas.restoreState()


def build_story(month: str, as_of: date, styles: Styles, width: float) -> list:
    data = review.build(month, as_of)
    actual = data.actual
    rep = db.get_setting(review.REP_NAME_SETTING) or ""
    story = [
        Spacer(1, 60 * mm),
        Paragraph(translate("Report", "Monthly review"), styles.title),
        Spacer(1, 6 * mm),
        Paragraph(month, styles.centre),
        Paragraph(rep or translate("Report", "Sales representative"), styles.centre),
        Spacer(1, 4 * mm),
        Paragraph(
            translate("Report", "Figures as of {date}").format(date=as_of.isoformat()),
            styles.centre,
        ),
        PageBreak(),
    ]

    target = planning.target_for(month)
    calc = planning.calculator(target) if target else None
    story += [
        Paragraph(translate("Report", "1. Results"), styles.h1),
        table(
            [
                [
                    translate("Report", "Figure"),
                    translate("Report", "Actual"),
                    translate("Report", "Target"),
                ],
                [
                    translate("Report", "Revenue"),
                    format_yuan(actual["revenue_fen"]),
                    format_yuan(data.target_fen),
                ],
                [translate("Report", "Completion"), percent(data.completion), "100.0%"],
                [translate("Report", "Gap to target"), format_yuan(data.gap_fen), ""],
                [translate("Report", "Deals"), f"{actual['deals']:,}", ""],
                [
                    translate("Report", "New customers"),
                    f"{actual['new_customers']:,}",
                    str(calc.target) if calc and calc.target is not None else "—",
                ],
                [
                    translate("Report", "Effective visits"),
                    f"{actual['effective_visits']:,}",
                    str(target.effective_visits or 0) if target else "—",
                ],
                [translate("Report", "Effective leads"), f"{actual['effective_leads']:,}", ""],
                [
                    translate("Report", "Close rate"),
                    percent(data.close_rate),
                    percent(data.history_rate),
                ],
                [
                    translate("Report", "Average order"),
                    money(data.average_order),
                    money(data.plan_average),
                ],
            ],
            [70 * mm, 50 * mm, 50 * mm],
            styles,
        ),
    ]
    if data.lines:
        story += [
            Spacer(1, 4 * mm),
            Paragraph(translate("Report", "Where the gap is: plan lines"), styles.body),
            table(
                [
                    [
                        translate("Report", "Product"),
                        translate("Report", "Customer type"),
                        translate("Report", "Plan"),
                        translate("Report", "Actual"),
                        translate("Report", "Gap"),
                    ]
                ]
                + [
                    [
                        line.product,
                        line.customer_type,
                        format_yuan(line.plan_fen),
                        format_yuan(line.actual_fen),
                        format_yuan(max(line.gap_fen, 0)),
                    ]
                    for line in data.lines
                ],
                [50 * mm, 30 * mm, 30 * mm, 30 * mm, 30 * mm],
                styles,
                numeric_from=2,
            ),
        ]
    points = planning.checkpoints(month, as_of, data.target_fen)
    if points:
        words = {
            "green": translate("Report", "on pace"),
            "amber": translate("Report", "slightly behind"),
            "red": translate("Report", "behind"),
        }
        story += [
            Spacer(1, 4 * mm),
            Paragraph(translate("Report", "Checkpoints"), styles.body),
            table(
                [
                    [
                        translate("Report", "Date"),
                        translate("Report", "Expected"),
                        translate("Report", "Actual"),
                        translate("Report", "Status"),
                    ]
                ]
                + [
                    [
                        p.day.isoformat(),
                        money(p.expected_fen),
                        format_yuan(p.actual_fen),
                        words[p.status],
                    ]
                    for p in points
                ],
                [40 * mm, 45 * mm, 45 * mm, 40 * mm],
                styles,
                colours={i + 1: STATUS[p.status] for i, p in enumerate(points)},
            ),
        ]
    if data.channels:
        story += [
            Spacer(1, 4 * mm),
            KeepTogether(
                [
                    Paragraph(
                        translate("Report", "Channel contribution against last month"), styles.body
                    ),
                    channel_chart(data, width),
                ]
            ),
        ]

    story += [
        Paragraph(translate("Report", "2. Process"), styles.h1),
        Paragraph(
            translate(
                "Report",
                "Effective visits {actual} against {expected} expected by the working days so far.",
            ).format(
                actual=actual["effective_visits"], expected=f"{float(data.expected_visits):.0f}"
            ),
            styles.body,
        ),
    ]
    story += [Paragraph("• " + message(review.READINGS[key]), styles.body) for key in data.readings]
    story += [Spacer(1, 3 * mm), weekly_chart(month, as_of, width)]

    accounts = planning.key_accounts(as_of)
    story += [
        Paragraph(translate("Report", "Key accounts"), styles.h1),
        Paragraph(
            translate(
                "Report", "{count} customers bring {share} of the last 12 months' revenue."
            ).format(count=len(accounts.customers), share=percent(accounts.share)),
            styles.body,
        ),
    ]
    if accounts.customers:
        story.append(
            table(
                [[translate("Report", "Customer"), translate("Report", "Revenue, 12 months")]]
                + [[c.name, format_yuan(c.revenue)] for c in accounts.customers[:10]],
                [110 * mm, 60 * mm],
                styles,
            )
        )
    customers = lifecycle.facts(as_of)  # once, for the warnings and the touchpoints
    warnings = lifecycle.churn_warnings(as_of, customers)
    first, _ = month_bounds(month)
    upcoming = lifecycle.due_events(as_of, as_of, as_of + timedelta(days=14), customers)
    story += [Paragraph(translate("Report", "Lifecycle and churn"), styles.h1)]
    reasons = {
        "orders_down_2_months": translate("Report", "orders down 2 months in a row"),
        "contact_left": translate("Report", "contact person left"),
    }
    story += [
        Paragraph(
            "• " + f"{customer.name}: " + ", ".join(reasons.get(r, r) for r in found), styles.body
        )
        for customer, found in warnings[:LISTED]
    ] or [Paragraph(translate("Report", "No customer shows a churn signal."), styles.body)]
    if len(warnings) > LISTED:  # a page of names reads; fifteen pages do not
        story.append(
            Paragraph(
                translate(
                    "Report", "… and {count} more: the Lifecycle calendar lists them all."
                ).format(count=len(warnings) - LISTED),
                styles.body,
            )
        )
    if upcoming:
        story.append(
            Paragraph(
                translate("Report", "Touchpoints in the next 14 days: {count}").format(
                    count=len(upcoming)
                ),
                styles.body,
            )
        )
        story.append(
            table(
                [
                    [
                        translate("Report", "Date"),
                        translate("Report", "Customer"),
                        translate("Report", "Touchpoint"),
                    ]
                ]
                + [[e.date.isoformat(), e.customer, label("event", e.kind)] for e in upcoming[:12]],
                [30 * mm, 90 * mm, 50 * mm],
                styles,
                numeric_from=3,
            )
        )

    stored = data.stored
    story += [Paragraph(translate("Report", "3. Ability and the rep's own review"), styles.h1)]
    for caption, text in (
        (translate("Report", "Results"), stored.results if stored else ""),
        (translate("Report", "Process"), stored.process if stored else ""),
        (translate("Report", "Ability"), stored.ability if stored else ""),
        (translate("Report", "Improvement plan"), stored.improvement_plan if stored else ""),
        (translate("Report", "Kept as method"), stored.kept_methods if stored else ""),
        (translate("Report", "Dropped"), stored.dropped_methods if stored else ""),
    ):
        if text:
            story += [
                Paragraph(f"<b>{caption}</b>", styles.body),
                Paragraph(_escape(text), styles.body),
                Spacer(1, 2 * mm),
            ]
    if stored is None or not any(getattr(stored, name) for name in review.TEXT_FIELDS):
        story.append(
            Paragraph(
                translate("Report", "The rep has not written this month's review yet."),
                styles.small,
            )
        )
    items = review.pdca_items(stored) if stored else []
    if items:
        story += [
            Paragraph("PDCA", styles.h1),
            table(
                [
                    [
                        translate("Report", "Phase"),
                        translate("Report", "Item"),
                        translate("Report", "Status"),
                    ]
                ]
                + [[label("pdca", i.phase), i.text, label("item", i.status)] for i in items],
                [25 * mm, 115 * mm, 30 * mm],
                styles,
                numeric_from=3,
            ),
        ]
    month_cases = review.cases(month)
    if month_cases:
        story += [Paragraph(translate("Report", "Case journal"), styles.h1)]
        for case in month_cases:
            who = f" — {case.customer.name}" if case.customer_id else ""
            kind = (
                translate("Report", "Win") if case.kind == "win" else translate("Report", "Lesson")
            )
            story.append(
                Paragraph(
                    f"<b>{case.date.isoformat()} {kind}</b>: {_escape(case.title)}{_escape(who)}",
                    styles.body,
                )
            )
            if case.body:
                story.append(Paragraph(_escape(case.body), styles.small))
    return story


def _escape(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text).replace("\n", "<br/>")


def write_report(month: str, as_of: date, out: Path) -> Path:
    """Write the month's review to `out`, whole or not at all (`app.output`)."""
    register_font()
    out = Path(out)

    def write(partial: Path) -> None:
        pdf = io.BytesIO()  # built in memory: ReportLab leaves its file open on a failed write
        doc = SimpleDocTemplate(
            pdf,
            pagesize=A4,
            leftMargin=18 * mm,
            rightMargin=18 * mm,
            topMargin=16 * mm,
            bottomMargin=18 * mm,
            title=translate("Report", "Monthly review") + f" {month}",
            author=db.get_setting(review.REP_NAME_SETTING) or "RepDesk",
            initialFontName=FONT,
        )
        doc.footer = f"RepDesk · {month}"
        styles = Styles()
        doc.build(
            build_story(month, as_of, styles, A4[0] - 36 * mm),
            onFirstPage=_page,
            onLaterPages=_page,
        )
        partial.write_bytes(pdf.getvalue())

    output.write_output(out, write, db.database_path())
    return out
