"""The monthly review as an A4 PDF, drawn with ReportLab (no Qt), every font embedded.

ReportLab embeds TrueType-outline fonts only, so RepDesk ships WenQuanYi Micro Hei (TTC with
TrueType outlines, Latin and digits included; Apache-2.0) in resources/fonts and uses it for
every string, the charts' labels and the canvas's initial font: no Helvetica is declared.

A manager reads it in two minutes: page 1 holds the cover and the headline figures; each
section below is one function that returns its flowables, a heading kept with its table
(a section moves to the next page whole rather than leave its heading or one row behind).
Every figure comes from the month's one `MonthFigures` (app.figures) through the review.
"""

import io
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app import dashboard, db, figures, lifecycle, output, review
from app.i18n import current_language, message, translate
from app.labels import label, week_caption
from app.money import format_fen, format_percent, format_yuan

FONT = "RepDeskCJK"
FONT_FILE = "wqy-microhei.ttc"
BLUE = colors.HexColor("#1f4e8c")
GREY = colors.HexColor("#5b6776")
PALE_BLUE = colors.HexColor("#b8c4d6")
LIGHT = colors.HexColor("#eceff3")
RULE = colors.HexColor("#d9dde3")
INK = colors.HexColor("#1d2733")
STATUS = {
    "green": colors.HexColor("#2e7d32"),
    "amber": colors.HexColor("#b26a00"),
    "red": colors.HexColor("#c62828"),
    None: GREY,  # no revenue target: no colour
}

MARGIN = 18 * mm
LISTED = 20  # churn warnings named in the PDF; the rest are counted
TOP_ACCOUNTS = 10  # key accounts listed by name
TOUCHPOINT_ROWS = 10  # touchpoints listed; the rest are counted
TOUCHPOINT_DAYS = lifecycle.AGENDA_DAYS  # the touchpoints' window: as-of and the next 14 days
CHART_WEEKS = 8  # the weekly charts show the 8 weeks to as-of
CHART_HEIGHT = 85  # points: a chart's plot area
WRAP_CHARS = 18  # a table cell longer than this wraps (a Paragraph)
MIN_ROWS = 3  # a table split across pages keeps at least this many rows on each page
TEN_THOUSAND = 10_000  # 万: money axes count in it (k in English) once amounts reach it
THOUSAND = 1_000


def register_font() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        from app.i18n import resources_dir

        pdfmetrics.registerFont(
            TTFont(FONT, str(resources_dir() / "fonts" / FONT_FILE), subfontIndex=0)
        )
    # a drawing starts from these defaults; Helvetica there would be declared unembedded
    STATE_DEFAULTS["fontName"] = FONT
    return FONT


def axis_money(yuan: float, top: float) -> str:
    """A money axis label with its unit: ¥5,000 below 万; from there ¥2万 in Chinese, ¥20k
    in English."""
    if top < TEN_THOUSAND:
        return f"¥{yuan:,.0f}"
    if current_language() == "zh_CN":
        return f"¥{yuan / TEN_THOUSAND:g}万"
    return f"¥{yuan / THOUSAND:g}k"


class Styles:
    def __init__(self):
        wrap = "CJK" if current_language() == "zh_CN" else None
        base = dict(fontName=FONT, wordWrap=wrap, textColor=INK)
        self.body = ParagraphStyle("body", fontSize=10, leading=15, allowWidows=0, **base)
        self.small = ParagraphStyle(
            "small", fontSize=8.5, leading=12, **{**base, "textColor": GREY}
        )
        self.h1 = ParagraphStyle(
            "h1",
            fontSize=15,
            leading=20,
            spaceBefore=10,
            spaceAfter=6,
            keepWithNext=1,
            **{**base, "textColor": BLUE},
        )
        self.h2 = ParagraphStyle(
            "h2", fontSize=11, leading=16, spaceBefore=6, spaceAfter=3, keepWithNext=1, **base
        )
        self.title = ParagraphStyle(
            "title", fontSize=24, leading=30, alignment=TA_CENTER, **{**base, "textColor": BLUE}
        )
        self.centre = ParagraphStyle("centre", fontSize=11, leading=16, alignment=TA_CENTER, **base)
        self.small_centre = ParagraphStyle(
            "small_centre",
            fontSize=9,
            leading=13,
            alignment=TA_CENTER,
            **{**base, "textColor": GREY},
        )
        self.cell = ParagraphStyle("cell", fontSize=9, leading=12, **base)
        self.figure = ParagraphStyle("figure", fontSize=15, leading=19, alignment=TA_CENTER, **base)
        self.caption = ParagraphStyle(
            "caption", fontSize=8.5, leading=11, alignment=TA_CENTER, **{**base, "textColor": GREY}
        )


@dataclass
class Report:
    """What every section reads: the review (with the month's figures), styles, the width."""

    data: review.Review
    styles: Styles
    width: float

    @property
    def figures(self) -> figures.MonthFigures:
        return self.data.figures

    def h1(self, text: str) -> Paragraph:
        return Paragraph(text, self.styles.h1)

    def h2(self, text: str) -> Paragraph:
        return Paragraph(text, self.styles.h2)

    def body(self, text: str) -> Paragraph:
        return Paragraph(text, self.styles.body)


class Rows(Table):
    """A table that, split across pages, leaves at least MIN_ROWS rows on each side (under
    the repeated header): never a page holding a heading or a row alone."""

    def split(self, availWidth, availHeight):  # noqa: N803 - ReportLab's names
        parts = super().split(availWidth, availHeight)
        if len(parts) != 2:
            return parts
        kept = len(parts[0]._cellvalues)
        short = max(MIN_ROWS - (len(self._cellvalues) - kept), 0)  # rows to move over there
        if kept - short - self.repeatRows < MIN_ROWS:
            return []  # too little room here: the table starts on the next page
        if not short:
            return parts
        return super().split(availWidth, sum(self._rowHeights[: kept - short]) + 0.5)


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
            Paragraph(escape(cell), styles.cell)
            if isinstance(cell, str) and len(cell) > WRAP_CHARS
            else cell
            for cell in row
        ]
        for row in rows
    ]
    result = Rows(data, colWidths=widths, repeatRows=1)
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
        ("TEXTCOLOR", (0, 0), (-1, 0), BLUE),
        ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for row, colour in (colours or {}).items():
        commands.append(("TEXTCOLOR", (-1, row), (-1, row), colour))
    result.setStyle(TableStyle(commands))
    return result


# -- charts --------------------------------------------------------------------------------


def _chart_fonts(chart, slanted: bool = False) -> None:
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = FONT
        axis.labels.fontSize = 7
    if slanted:  # nine week names side by side: slanted, so that they never overlap
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.boxAnchor = "ne"


def _money_axis(chart, values: list[float]) -> None:
    top = max(values, default=0)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = lambda yuan: axis_money(yuan, top)


def _caption(drawing: Drawing, x: float, y: float, text: str) -> None:
    drawing.add(String(x, y, text, fontName=FONT, fontSize=8, fillColor=GREY))


def _gapped(values: list[float | None]) -> list[list[float | None]]:
    """One series per run of values, None elsewhere: a line chart then leaves a gap where a
    value is missing instead of joining across it."""
    runs: list[list[float | None]] = []
    for index, value in enumerate(values):
        if value is None:
            continue
        if not runs or values[index - 1] is None:
            runs.append([None] * len(values))
        runs[-1][index] = value
    return runs or [[None] * len(values)]


def weekly_chart(as_of: date, width: float) -> Drawing:
    """Revenue by ISO week for the 8 weeks to as-of, and each week's close rate (a week
    without effective visits has none: a gap in the line)."""
    start = as_of - timedelta(days=7 * CHART_WEEKS - 1)
    start -= timedelta(days=start.weekday())
    weeks = dashboard.grouped(dashboard.daily(start, as_of), "week")
    names = [week_caption(week.label) for week in weeks]
    drawing = Drawing(width, CHART_HEIGHT + 45)
    bars = VerticalBarChart()
    bars.x, bars.y, bars.width, bars.height = 45, 30, width / 2 - 65, CHART_HEIGHT
    revenue = [week.revenue_fen / 100 for week in weeks]
    bars.data = [revenue]
    bars.categoryAxis.categoryNames = names
    bars.bars[0].fillColor = BLUE
    _money_axis(bars, revenue)
    _chart_fonts(bars, slanted=True)
    drawing.add(bars)
    _caption(drawing, 45, CHART_HEIGHT + 35, translate("Report", "Revenue by week"))
    line = HorizontalLineChart()
    line.x, line.y, line.width, line.height = width / 2 + 30, 30, width / 2 - 50, CHART_HEIGHT
    rates = [None if w.close_rate is None else float(w.close_rate * 100) for w in weeks]
    line.data = _gapped(rates)
    line.categoryAxis.categoryNames = names
    for index, run in enumerate(line.data):
        drawn = sum(value is not None for value in run)
        # a week standing alone between gaps is a dot (a line needs two points)
        line.lines[index].strokeColor = BLUE if drawn > 1 else None
        line.lines[index].strokeWidth = 2
        line.lines[index].symbol = makeMarker("FilledCircle", size=3, fillColor=BLUE)
    line.valueAxis.valueMin = 0
    if all(rate is None for rate in rates):
        line.valueAxis.valueMax = 100  # no week had effective visits: an empty axis
    line.valueAxis.labelTextFormat = "%.0f%%"
    _chart_fonts(line, slanted=True)
    drawing.add(line)
    _caption(drawing, width / 2 + 30, CHART_HEIGHT + 35, translate("Report", "Close rate by week"))
    return drawing


def channel_chart(data: review.Review, width: float) -> Drawing:
    drawing = Drawing(width, CHART_HEIGHT + 25)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 45, 20, width - 165, CHART_HEIGHT
    names = [name for name, _, _ in data.channels] or ["—"]
    now = [amount / 100 for _, amount, _ in data.channels] or [0]
    before = [amount / 100 for _, _, amount in data.channels] or [0]
    chart.data = [now, before]
    chart.categoryAxis.categoryNames = names
    chart.bars[0].fillColor = BLUE
    chart.bars[1].fillColor = PALE_BLUE
    _money_axis(chart, now + before)
    _chart_fonts(chart)
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 110, CHART_HEIGHT
    legend.fontName, legend.fontSize = FONT, 8
    legend.colorNamePairs = [
        (BLUE, translate("Report", "this month")),
        (PALE_BLUE, translate("Report", "last month")),
    ]
    drawing.add(legend)
    return drawing


# -- the sections ----------------------------------------------------------------------------


def cover(report: Report) -> list:
    """Page 1's head: title, month, the rep, the as-of day."""
    styles = report.styles
    rep = db.get_setting(review.REP_NAME_SETTING) or translate("Report", "Sales representative")
    return [
        Spacer(1, 8 * mm),
        Paragraph(translate("Report", "Monthly review"), styles.title),
        Spacer(1, 2 * mm),
        Paragraph(f"{report.data.month} · {escape(rep)}", styles.centre),
        Paragraph(
            translate("Report", "Figures as of {date}").format(date=report.data.as_of.isoformat()),
            styles.small_centre,
        ),
        Spacer(1, 6 * mm),
    ]


def headline(report: Report) -> list:
    """The month in eight figures, four to a row, each with its caption."""
    numbers, styles = report.figures, report.styles
    actual = numbers.actual
    pace = numbers.pace_status
    pace_colour = "#" + STATUS[pace].hexval()[2:]  # grey without a target
    cells = [  # (value, caption, colour)
        (format_yuan(actual.revenue_fen), translate("Report", "Revenue"), None),
        (format_percent(numbers.completion), translate("Report", "Completion"), None),
        (label("pace", pace), translate("Report", "Pace"), pace_colour),
        (
            format_yuan(numbers.gap_fen) if numbers.has_target else "—",
            translate("Report", "Gap to target"),
            None,
        ),
        (f"{actual.deals:,}", translate("Report", "Deals"), None),
        (f"{actual.effective_visits:,}", translate("Report", "Effective visits"), None),
        (format_percent(numbers.close_rate), translate("Report", "Close rate"), None),
        (format_fen(numbers.average_order_fen), translate("Report", "Average order"), None),
    ]
    boxes = [
        [
            Paragraph(
                f'<font color="{colour}">{escape(value)}</font>' if colour else escape(value),
                styles.figure,
            ),
            Paragraph(caption, styles.caption),
        ]
        for value, caption, colour in cells
    ]
    rows = [boxes[:4], boxes[4:]]
    grid = Table(rows, colWidths=[report.width / 4] * 4)
    grid.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # never the unembedded Helvetica
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return [KeepTogether([report.h2(translate("Report", "The month at a glance")), grid])]


def results(report: Report) -> list:
    """1. Results: each figure against its target."""
    numbers, data = report.figures, report.data
    actual = numbers.actual
    target_visits = numbers.target_effective_visits if numbers.target else None
    rows = [
        [
            translate("Report", "Figure"),
            translate("Report", "Actual"),
            translate("Report", "Target"),
        ],
        [
            translate("Report", "Revenue"),
            format_yuan(actual.revenue_fen),
            format_yuan(numbers.target_fen) if numbers.has_target else "—",
        ],
        [
            translate("Report", "Completion"),
            format_percent(numbers.completion),
            "100.0%" if numbers.has_target else "—",
        ],
        [translate("Report", "Deals"), f"{actual.deals:,}", ""],
        [
            translate("Report", "New customers"),
            f"{actual.new_customers:,}",
            "—" if numbers.target_new_customers is None else str(numbers.target_new_customers),
        ],
        [
            translate("Report", "Effective visits"),
            f"{actual.effective_visits:,}",
            "—" if target_visits is None else str(target_visits),
        ],
        [translate("Report", "Effective leads"), f"{actual.effective_leads:,}", ""],
        [
            translate("Report", "Close rate"),
            format_percent(numbers.close_rate),
            format_percent(data.history_rate),
        ],
        [
            translate("Report", "Average order"),
            format_fen(numbers.average_order_fen),
            format_fen(data.plan_average),
        ],
    ]
    return [
        KeepTogether(
            [
                report.h1(translate("Report", "1. Results")),
                table(rows, [70 * mm, 50 * mm, 50 * mm], report.styles),
            ]
        )
    ]


def tiers(report: Report) -> list:
    """Floor, target and stretch (保底 / 目标 / 冲刺): each line, how much of it is done and
    what is left; nothing without a revenue target."""
    numbers = report.figures
    if not numbers.has_target:
        return []
    names = (
        translate("Report", "Floor"),
        translate("Report", "Target"),
        translate("Report", "Stretch"),
    )
    revenue = numbers.actual.revenue_fen
    rows = [
        [
            translate("Report", "Line"),
            translate("Report", "Amount"),
            translate("Report", "Completion"),
            translate("Report", "Still to sell"),
        ]
    ] + [
        [
            name,
            "—" if tier is None else format_yuan(tier),
            format_percent(done),
            "—" if tier is None else format_yuan(max(tier - revenue, 0)),
        ]
        for name, tier, done in zip(names, numbers.tiers, numbers.completion_tiers, strict=True)
    ]
    widths = [40 * mm, 45 * mm, 40 * mm, 45 * mm]
    return [
        KeepTogether(
            [
                report.h2(translate("Report", "Floor, target and stretch")),
                table(rows, widths, report.styles, numeric_from=1),
            ]
        )
    ]


def plan_lines(report: Report) -> list:
    """Where the gap is: each plan line's plan, actual and gap."""
    if not report.data.lines:
        return []
    rows = [
        [
            translate("Report", "Product"),
            translate("Report", "Customer type"),
            translate("Report", "Plan"),
            translate("Report", "Actual"),
            translate("Report", "Gap"),
        ]
    ] + [
        [
            line.product,
            line.customer_type,
            format_yuan(line.plan_fen),
            format_yuan(line.actual_fen),
            format_yuan(max(line.gap_fen, 0)),
        ]
        for line in report.data.lines
    ]
    widths = [50 * mm, 30 * mm, 30 * mm, 30 * mm, 30 * mm]
    return [
        KeepTogether(
            [
                report.h2(translate("Report", "Where the gap is: plan lines")),
                table(rows, widths, report.styles, numeric_from=2),
            ]
        )
    ]


def checkpoints(report: Report) -> list:
    """The 10th and the 20th: expected against actual, and the pace word."""
    points = report.figures.checkpoints
    if not points:
        return []
    rows = [
        [
            translate("Report", "Date"),
            translate("Report", "Expected"),
            translate("Report", "Actual"),
            translate("Report", "Status"),
        ]
    ] + [
        [
            point.day.isoformat(),
            format_fen(point.expected_fen) if point.target_fen else "—",
            format_yuan(point.actual_fen),
            label("pace", point.status),
        ]
        for point in points
    ]
    colours = {index + 1: STATUS[point.status] for index, point in enumerate(points)}
    widths = [40 * mm, 45 * mm, 45 * mm, 40 * mm]
    return [
        KeepTogether(
            [
                report.h2(translate("Report", "Checkpoints")),
                table(rows, widths, report.styles, colours=colours),
            ]
        )
    ]


def channels(report: Report) -> list:
    """Channels: leads → won → conversion, apart from their customers' deals and revenue;
    the revenue against last month as a chart (with its own caption: it may go on to the next
    page)."""
    found = report.figures.channels
    if not found and not report.data.channels:
        return []
    parts = [
        report.h2(translate("Report", "Channels")),
        Paragraph(
            translate(
                "Report",
                "Leads: created in the month through the as-of day; won: those of them won "
                "by then. Deals and revenue: the orders of the channel's customers, old and new.",
            ),
            report.styles.small,
        ),
    ]
    if found:
        widths = [38 * mm, 18 * mm, 18 * mm, 22 * mm, 18 * mm, 32 * mm, 28 * mm]
        parts.append(table(_channel_rows(found), widths, report.styles))
    story = [KeepTogether(parts)]
    if report.data.channels:
        caption = report.h2(translate("Report", "Channel contribution against last month"))
        story.append(KeepTogether([caption, channel_chart(report.data, report.width)]))
    return story


def _channel_rows(found: list) -> list[list]:
    header = [
        translate("Report", "Channel"),
        translate("Report", "Leads"),
        translate("Report", "Won"),
        translate("Report", "Conversion"),
        translate("Report", "Deals"),
        translate("Report", "Revenue"),
        translate("Report", "ROI"),
    ]
    return [header] + [
        [
            row.channel,
            f"{row.leads:,}",
            f"{row.won:,}",
            format_percent(row.conversion),
            f"{row.deals:,}",
            format_yuan(row.revenue_fen),
            format_percent(row.roi),
        ]
        for row in found
    ]


def process(report: Report) -> list:
    """2. Process: visits against pace, the readings, the weekly charts."""
    data = report.data
    return [
        KeepTogether(
            [
                report.h1(translate("Report", "2. Process")),
                report.body(
                    translate(
                        "Report",
                        "Effective visits {actual} against {expected} expected by the working "
                        "days so far.",
                    ).format(
                        actual=data.actual.effective_visits,
                        expected=f"{float(data.expected_visits):.0f}",
                    )
                ),
                *[report.body("• " + message(review.READINGS[key])) for key in data.readings],
                Spacer(1, 2 * mm),
                weekly_chart(data.as_of, report.width),
            ]
        )
    ]


def key_accounts(report: Report) -> list:
    """The top customers of the last 12 months (the first TOP_ACCOUNTS) and their share."""
    accounts = report.figures.key_accounts
    parts = [
        report.h2(translate("Report", "Key accounts")),
        report.body(
            translate(
                "Report", "{count} customers bring {share} of the last 12 months' revenue."
            ).format(count=len(accounts.customers), share=format_percent(accounts.share))
        ),
    ]
    if accounts.customers:
        rows = [[translate("Report", "Customer"), translate("Report", "Revenue, 12 months")]] + [
            [c.name, format_yuan(c.revenue)] for c in accounts.customers[:TOP_ACCOUNTS]
        ]
        parts.append(table(rows, [110 * mm, 60 * mm], report.styles))
    return [KeepTogether(parts)]


def churn(report: Report) -> list:
    """Customers showing a churn signal, the first LISTED by name."""
    warnings = report.figures.churn_warnings
    reasons = {
        "orders_down_2_months": translate("Report", "orders down 2 months in a row"),
        "contact_left": translate("Report", "contact person left"),
    }
    lines = [
        report.body(
            "• "
            + escape(f"{customer.name}: ")
            + ", ".join(reasons.get(reason, reason) for reason in found)
        )
        for customer, found in warnings[:LISTED]
    ] or [report.body(translate("Report", "No customer shows a churn signal."))]
    if len(warnings) > LISTED:  # a page of names reads; fifteen pages do not
        lines.append(
            report.body(
                translate(
                    "Report", "… and {count} more: the Lifecycle calendar lists them all."
                ).format(count=len(warnings) - LISTED)
            )
        )
    return [KeepTogether([report.h2(translate("Report", "Lifecycle and churn")), *lines])]


def touchpoints(report: Report) -> list:
    """The touchpoints due from as-of through the next TOUCHPOINT_DAYS days (the first
    TOUCHPOINT_ROWS listed, the rest counted)."""
    as_of = report.data.as_of
    end = as_of + timedelta(days=TOUCHPOINT_DAYS)
    upcoming = lifecycle.due_events(as_of, as_of, end)
    if not upcoming:
        return []
    rows = [
        [
            translate("Report", "Date"),
            translate("Report", "Customer"),
            translate("Report", "Touchpoint"),
        ]
    ] + [
        [event.date.isoformat(), event.customer, label("event", event.kind)]
        for event in upcoming[:TOUCHPOINT_ROWS]
    ]
    parts = [
        report.h2(
            translate("Report", "Touchpoints from {start} to {end}: {count}").format(
                start=as_of.isoformat(), end=end.isoformat(), count=len(upcoming)
            )
        ),
        table(rows, [30 * mm, 90 * mm, 50 * mm], report.styles, numeric_from=3),
    ]
    if len(upcoming) > TOUCHPOINT_ROWS:
        parts.append(
            report.body(
                translate("Report", "… and {count} more in the Lifecycle calendar.").format(
                    count=len(upcoming) - TOUCHPOINT_ROWS
                )
            )
        )
    return [KeepTogether(parts)]


def own_review(report: Report) -> list:
    """3. Ability: the rep's own text, PDCA items and the month's cases."""
    stored = report.data.stored
    styles = report.styles
    parts = [report.h1(translate("Report", "3. Ability and the rep's own review"))]
    for caption, name in (
        (translate("Report", "Results"), "results"),
        (translate("Report", "Process"), "process"),
        (translate("Report", "Ability"), "ability"),
        (translate("Report", "Improvement plan"), "improvement_plan"),
        (translate("Report", "Kept as method"), "kept_methods"),
        (translate("Report", "Dropped"), "dropped_methods"),
    ):
        text = getattr(stored, name) if stored else ""
        if text:
            parts += [
                Paragraph(f"<b>{caption}</b>", styles.body),
                Paragraph(_paragraph(text), styles.body),
                Spacer(1, 2 * mm),
            ]
    if stored is None or not any(getattr(stored, name) for name in review.TEXT_FIELDS):
        parts.append(
            Paragraph(
                translate("Report", "The rep has not written this month's review yet."),
                styles.small,
            )
        )
    return [KeepTogether(parts)]


def pdca(report: Report) -> list:
    stored = report.data.stored
    items = review.pdca_items(stored) if stored else []
    if not items:
        return []
    rows = [
        [translate("Report", "Phase"), translate("Report", "Item"), translate("Report", "Status")]
    ] + [[label("pdca", i.phase), i.text, label("item", i.status)] for i in items]
    return [
        KeepTogether(
            [
                report.h2("PDCA"),
                table(rows, [25 * mm, 115 * mm, 30 * mm], report.styles, numeric_from=3),
            ]
        )
    ]


def cases(report: Report) -> list:
    month_cases = review.cases(report.data.month)
    if not month_cases:
        return []
    parts = [report.h2(translate("Report", "Case journal"))]
    for case in month_cases:
        who = f" — {case.customer.name}" if case.customer_id else ""
        kind = translate("Report", "Win") if case.kind == "win" else translate("Report", "Lesson")
        parts.append(
            report.body(f"<b>{case.date.isoformat()} {kind}</b>: {escape(case.title + who)}")
        )
        if case.body:
            parts.append(Paragraph(_paragraph(case.body), report.styles.small))
    return [KeepTogether(parts)]


SECTIONS = (
    cover,
    headline,
    results,
    tiers,
    plan_lines,
    checkpoints,
    channels,
    process,
    key_accounts,
    churn,
    touchpoints,
    own_review,
    pdca,
    cases,
)


SHORT_SECTION = 3  # flowables: a last section this small goes with the one before it


def build_story(month: str, as_of: date, styles: Styles, width: float) -> list:
    """Every section's flowables, in order; a short last section (a heading and a line) is
    kept with the section before it, so that it never makes a page of its own."""
    report = Report(review.build(month, as_of), styles, width)
    groups = [found for section in SECTIONS if (found := section(report))]
    if len(groups) > 1 and len(_contents(groups[-1])) <= SHORT_SECTION:
        tail = groups.pop()
        groups[-1] = [KeepTogether(_contents(groups[-1]) + _contents(tail))]
    return [flowable for group in groups for flowable in group]


def _contents(flowables: list) -> list:
    """The flowables of a section, KeepTogether unwrapped."""
    found = []
    for flowable in flowables:
        found += flowable._content if isinstance(flowable, KeepTogether) else [flowable]
    return found


def _paragraph(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def _page(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont(FONT, 8)
    canvas.setFillColor(GREY)
    canvas.drawRightString(
        A4[0] - MARGIN, 10 * mm, translate("Report", "Page {page}").format(page=doc.page)
    )
    canvas.drawString(MARGIN, 10 * mm, doc.footer)
    canvas.restoreState()


def write_report(month: str, as_of: date, out: Path) -> Path:
    """Write the month's review to `out`, whole or not at all (`app.output`)."""
    register_font()
    out = Path(out)

    def write(partial: Path) -> None:
        pdf = io.BytesIO()  # built in memory: ReportLab leaves its file open on a failed write
        doc = SimpleDocTemplate(
            pdf,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=16 * mm,
            bottomMargin=MARGIN,
            title=translate("Report", "Monthly review") + f" {month}",
            author=db.get_setting(review.REP_NAME_SETTING) or "RepDesk",
            initialFontName=FONT,
        )
        doc.footer = f"RepDesk · {month}"
        doc.build(
            build_story(month, as_of, Styles(), A4[0] - 2 * MARGIN),
            onFirstPage=_page,
            onLaterPages=_page,
        )
        partial.write_bytes(pdf.getvalue())

    output.write_output(out, write, db.database_path())
    return out
