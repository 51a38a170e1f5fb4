"""The month's figures agree wherever they are shown, for an as-of inside the data.

The demo runs through 20 November; read as of the 12th, every figure must leave out the
eight days after it. Each figure is counted again here by walking the rows in Python.
"""

from datetime import date

from app import figures, leads, planning, review
from app.models import Customer, Lead, Order
from app.money import format_yuan

AS_OF = date(2026, 11, 12)  # the demo has orders and activity through the 20th


def test_every_figure_of_an_earlier_as_of_leaves_the_later_days_out(demo_db, tmp_path):
    first = date(2026, 11, 1)
    orders = [o for o in Order.select() if first <= o.date <= AS_OF]
    assert Order.select().where(Order.date > AS_OF).count() > 0  # there is something to leave out
    numbers = figures.build("2026-11", AS_OF)
    summary = numbers.to_json()
    revenue = sum(o.amount_fen for o in orders)
    assert (numbers.actual.revenue_fen, numbers.actual.deals) == (revenue, len(orders))
    assert summary["actual"]["revenue"] == revenue / 100
    # the 旬 rows add up to the month's revenue through as-of
    periods = planning.periods("2026-11", numbers.target_fen, by="xun", as_of=AS_OF)
    assert sum(p.actual_fen for p in periods) == revenue
    # channels: their customers' orders through as-of, and the rest have no channel
    channel_of = {c.id: c.channel_id for c in Customer.select()}
    without = sum(o.amount_fen for o in orders if channel_of[o.customer_id] is None)
    assert sum(row.revenue_fen for row in numbers.channels) + without == revenue
    # leads created 1–12 Nov per channel, and those of them won by the 12th
    created = [lead for lead in Lead.select() if first <= lead.created <= AS_OF]
    for row in numbers.channels:
        mine = [lead for lead in created if lead.channel and lead.channel.name == row.channel]
        won = [lead for lead in mine if lead.outcome == "won" and lead.closed <= AS_OF]
        assert (row.leads, row.won) == (len(mine), len(won)), row.channel
    # leads open on the 12th, by tier
    open_then = [
        lead
        for lead in Lead.select()
        if lead.created <= AS_OF and (lead.outcome == "open" or lead.closed > AS_OF)
    ]
    assert leads.open_by_tier(AS_OF) == {
        tier: sum(1 for lead in open_then if lead.tier == tier) for tier in "ABC"
    }
    # the review reads the same figures
    assert review.build("2026-11", AS_OF).actual == numbers.actual


def test_the_pdf_shows_the_summarys_figures(demo_db, tmp_path):
    from app.report_pdf import write_report
    from tests.app.test_review import pdf_pages

    numbers = figures.build("2026-11", AS_OF)
    pages = pdf_pages(write_report("2026-11", AS_OF, tmp_path / "review.pdf"))
    assert format_yuan(numbers.actual.revenue_fen) in pages[0]
    assert f"{numbers.actual.effective_visits:,}" in pages[0]
