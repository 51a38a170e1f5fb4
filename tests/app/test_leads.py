"""Leads by the guide: ABC tiers and due dates, conversion, channels, win rates, warnings."""

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest

from app import db, leads, preferences
from app.figures import month_summary
from app.models import (
    Activity,
    Channel,
    ChannelCost,
    Customer,
    Lead,
    LeadTag,
    Order,
    ReferralReward,
    Tag,
)
from app.money import yuan_to_fen

AS_OF = date(2026, 11, 20)


def lead(name, tier="B", last=None, created=date(2026, 10, 1), **fields):
    return Lead.create(name=name, tier=tier, last_contact=last, created=created, **fields)


@pytest.mark.parametrize(
    "tier, last, due",
    [
        ("A", date(2026, 11, 17), date(2026, 11, 20)),  # + 3 days
        ("B", date(2026, 11, 17), date(2026, 11, 24)),  # + 7 days
        ("C", date(2026, 11, 17), date(2026, 12, 17)),  # + 30 days
        ("B", None, date(2026, 10, 8)),  # no contact yet: created 1 Oct + 7
    ],
)
def test_follow_up_due_by_tier(db_path, tier, last, due):
    assert leads.follow_up_due(tier, last, date(2026, 10, 1)) == due


def test_the_rep_chooses_the_follow_up_days(db_path):
    lead("甲", "A", date(2026, 11, 15))  # A: 15 Nov + 3 = due 18 Nov, overdue on the 20th
    assert leads.overdue(AS_OF) == [("甲", "2026-11-18")]
    before = preferences.save({"leads.follow_up_days_a": 5})  # 15 Nov + 5 = 20 Nov: not yet
    assert leads.overdue(AS_OF) == []
    [row] = leads.lead_page(None, 10, AS_OF, sort="due")
    assert (row.due, row.overdue) == (date(2026, 11, 20), False)
    # the table still pages by follow-up date through the index, rebuilt with the new days
    sql, params = leads.lead_query(AS_OF).select(Lead.id).order_by(leads.due_sql()).sql()
    plan = db.database.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    assert "lead_follow_up_due" in str(plan)
    preferences.restore(before)
    assert leads.overdue(AS_OF) == [("甲", "2026-11-18")]
    index = "SELECT sql FROM sqlite_master WHERE name = 'lead_follow_up_due'"
    assert "'+3 days'" in db.database.execute_sql(index).fetchone()[0]


def test_open_leads_by_tier_and_the_overdue_ones(db_path):
    lead("A到期", "A", date(2026, 11, 17))  # due 11-20: on as-of, not overdue
    lead("A逾期", "A", date(2026, 11, 16))  # due 11-19: overdue
    lead("B逾期", "B", date(2026, 11, 1))  # due 11-08: overdue
    lead("C正常", "C", date(2026, 11, 1))  # due 12-01
    lead("赢单", "A", date(2026, 10, 1), outcome="won", closed=date(2026, 10, 9))  # closed
    lead("明天建", "A", created=AS_OF + timedelta(days=1))  # created after as-of: not yet
    # lost on as-of + 1: still open on as-of (and due 10-01 + 7 = 10-08: overdue)
    lead("明天输", "C", date(2026, 10, 1), outcome="lost", closed=AS_OF + timedelta(days=1))
    summary = month_summary("2026-11", AS_OF)
    assert summary["leads"] == {
        "A": 2,
        "B": 1,
        "C": 2,  # C正常 and 明天输
        "overdue": [
            {"lead": "明天输", "due": "2026-10-31"},  # 10-01 + 30 days
            {"lead": "B逾期", "due": "2026-11-08"},
            {"lead": "A逾期", "due": "2026-11-19"},
        ],
    }


def test_filters_and_sorting_happen_in_sql(db_path):
    fair = Channel.create(name="展会")
    lead("甲", "A", date(2026, 11, 16), channel=fair, expected_amount_fen=300)
    lead("乙", "C", date(2026, 11, 1), expected_amount_fen=100)
    lead("丙", "B", date(2026, 11, 1), channel=fair, expected_amount_fen=200)
    names = [
        r.name
        for r in leads.lead_page(
            None, 10, AS_OF, where=leads.LeadFilter(channel="展会"), sort="expected_amount"
        )
    ]
    assert names == ["丙", "甲"]
    overdue = leads.lead_page(
        None, 10, AS_OF, where=leads.LeadFilter(overdue_only=True), sort="due", descending=True
    )
    assert [r.name for r in overdue] == ["甲", "丙"]  # due 11-19 and 11-08
    assert all(r.overdue for r in overdue)
    assert [r.name for r in leads.lead_page(None, 10, AS_OF, where=leads.LeadFilter(tier="C"))] == [
        "乙"
    ]


@pytest.mark.parametrize("sort", [None, *leads.LEAD_SORTS])
@pytest.mark.parametrize("descending", [False, True])
def test_keyset_pages_walk_every_lead_once_in_order(db_path, sort, descending):
    """Paging from the last row's key, with repeated and empty values in every column, gives
    the same leads in the same order as sorting them all at once."""
    fair = Channel.create(name="展会")
    for i in range(11):
        lead(
            f"客户{i % 4}",
            "ABC"[i % 3],
            date(2026, 11, 1 + i % 5) if i % 2 else None,
            channel=fair if i % 3 else None,
            expected_amount_fen=None if i % 4 == 0 else i % 3 * 100,
            outcome="won" if i == 5 else "open",
        )
    every = {r.id: r for r in leads.lead_page(None, 100, AS_OF)}
    assert len(every) == 11

    def value(row):
        if sort is None:  # open first, then tier and name
            return (row.outcome != "open", row.tier, row.name)
        return {"channel": row.channel or None, "due": row.due}.get(
            sort, getattr(row, sort if sort != "expected_amount" else "expected_amount_fen")
        )

    def order(row):  # SQLite puts NULLs first ascending and last descending
        return (value(row) is not None, value(row), row.id)

    expected = sorted(every.values(), key=order, reverse=descending and sort is not None)
    for size in (1, 2, 3):
        walked, after = [], None
        while page := leads.lead_page(after, size, AS_OF, sort=sort, descending=descending):
            walked += [r.id for r in page]
            after = page[-1].key
        assert walked == [r.id for r in expected]


@pytest.mark.parametrize("ids_limit", [1000, 1])  # the ids found first, or too many for that
def test_a_search_pages_through_its_matches_in_order(db_path, monkeypatch, ids_limit):
    """Name, contact, phone or industry containing the text (any case for Latin letters),
    found through the narrow index or by walking the table, page by page in order."""
    monkeypatch.setattr(leads, "SEARCH_IDS_LIMIT", ids_limit)
    rows = [
        ("杭州恒达", "王伟", "13800001111", "建材"),
        ("宁波正泰", "李娜", "13900002222", "制造业"),
        ("ACME Ltd", "Wang", "", "制造业"),
        ("恒达二厂", "", "13700003333", ""),
        ("绍兴华辰", "张敏", "13800004444", "软件"),
        ("acme south", "", "", "零售"),
    ]
    for i, (name, contact, phone, industry) in enumerate(rows):
        lead(name, "ABC"[i % 3], contact=contact, phone=phone, industry=industry)
    # in the default order, open leads by tier then name (恒 U+6052 sorts before 杭 U+676D,
    # capitals before small letters); tiers by position: A B C A B C
    expected = {
        "恒达": ["恒达二厂", "杭州恒达"],  # A, A
        "制造": ["宁波正泰", "ACME Ltd"],  # industry: B, C
        "138": ["杭州恒达", "绍兴华辰"],  # phone: A, B
        "acme": ["ACME Ltd", "acme south"],  # C, C
        "没有": [],
    }
    for text, names in expected.items():
        walked, after = [], None
        while page := leads.lead_page(after, 1, AS_OF, leads.LeadFilter(search=text)):
            walked += [r.name for r in page]
            after = page[-1].key
        assert walked == names, text


def test_logging_a_follow_up_moves_the_due_date(db_path):
    item = lead("甲", "A", date(2026, 11, 10))
    done = leads.log_follow_up(item.id, AS_OF)
    assert Lead.get_by_id(item.id).last_contact == AS_OF
    assert Activity.get().kind == "follow_up" and Activity.get().lead_id == item.id
    leads.undo_follow_up(item.id, done)
    assert Lead.get_by_id(item.id).last_contact == date(2026, 11, 10)
    assert Activity.select().count() == 0


def test_a_closing_signal_promotes_the_lead_to_a(db_path):
    item = lead("甲", "C")
    before = leads.edit_lead(item.id, signal_contract=True)
    assert Lead.get_by_id(item.id).tier == "A"
    leads.edit_lead(item.id, **before)
    assert Lead.get_by_id(item.id).tier == "C"


def test_winning_a_lead_makes_a_customer_with_its_first_order_and_undo(db_path):
    referrer = Customer.create(name="老客户", created=date(2026, 1, 1))
    channel = Channel.create(name="转介绍")
    item = lead("新客户", "A", phone="138", channel=channel, referred_by="老客户")
    LeadTag.create(lead=item, tag=Tag.create(name="数字化转型"))
    done = leads.win(item.id, AS_OF, yuan_to_fen(20000), "产品A")
    customer = Customer.get_by_id(done.customer_id)
    assert (customer.name, customer.phone, customer.channel_id) == ("新客户", "138", channel.id)
    assert [link.tag.name for link in customer.tag_links] == ["数字化转型"]
    assert Order.get().amount_fen == yuan_to_fen(20000)
    reward = ReferralReward.get()
    assert (reward.referrer_customer_id, reward.amount_fen, reward.paid_on) == (
        referrer.id,
        500_00,
        None,
    )
    assert Lead.get_by_id(item.id).outcome == "won"
    assert Lead.get_by_id(item.id).closed == AS_OF  # won on the day the window says
    assert month_summary("2026-11", AS_OF)["actual"]["new_customers"] == 1
    leads.undo_win(done)
    assert Customer.select().count() == 1 and Order.select().count() == 0
    assert ReferralReward.select().count() == 0
    assert Lead.get_by_id(item.id).outcome == "open"
    assert Lead.get_by_id(item.id).closed is None


def test_losing_a_lead_dates_it_and_undo_reopens_it(db_path):
    item = lead("甲", "B")
    before = leads.lose(item.id, " 预算冻结 ", AS_OF)
    lost = Lead.get_by_id(item.id)
    assert (lost.outcome, lost.closed, lost.lost_reason) == ("lost", AS_OF, "预算冻结")
    leads.edit_lead(item.id, **before)
    assert (Lead.get_by_id(item.id).outcome, Lead.get_by_id(item.id).closed) == ("open", None)
    with pytest.raises(ValueError):  # closing a lead without its day
        leads.edit_lead(item.id, outcome="won")


def test_channel_figures_count_through_as_of(db_path):
    cold = Channel.create(name="陌拜")
    ChannelCost.create(channel=cold, month="2026-11", cost_fen=yuan_to_fen(1000))
    nov2 = date(2026, 11, 2)
    lead("线索0", channel=cold, created=nov2, outcome="won", closed=date(2026, 11, 9))
    lead("线索1", channel=cold, created=nov2, outcome="lost", closed=date(2026, 11, 9))
    lead("线索2", channel=cold, created=nov2)
    lead("线索3", channel=cold, created=nov2, outcome="won", closed=AS_OF + timedelta(days=1))
    lead("明天的", channel=cold, created=AS_OF + timedelta(days=1))  # after as-of: not counted
    lead("上月的", channel=cold, created=date(2026, 10, 2), outcome="won", closed=nov2)
    buyer = Customer.create(name="客户", channel=cold, created=date(2026, 1, 1))
    Order.create(customer=buyer, date=date(2026, 11, 5), amount_fen=yuan_to_fen(3000))
    Order.create(customer=buyer, date=date(2026, 11, 6), amount_fen=yuan_to_fen(2000))
    Order.create(customer=buyer, date=AS_OF + timedelta(days=1), amount_fen=yuan_to_fen(500))
    [row] = leads.channels("2026-11", AS_OF)
    # 4 leads created 1–20 Nov (not the one on the 21st, not October's); won by the 20th:
    # 线索0 only (线索3 is won on the 21st) → 1 ÷ 4 = 25%. Orders 1–20 Nov: 2 deals, ¥5,000
    # (the ¥500 on the 21st is not in it); (5,000 − 1,000) ÷ 1,000 = 4; ¥500 a deal
    assert (row.leads, row.won, row.deals, row.revenue_fen) == (4, 1, 2, yuan_to_fen(5000))
    assert (row.conversion, row.roi, row.cost_per_deal) == (
        Fraction(1, 4),
        Fraction(4),
        yuan_to_fen(500),
    )
    assert month_summary("2026-11", AS_OF)["channels"] == [
        {
            "channel": "陌拜",
            "cost": 1000.0,
            "leads": 4,
            "won": 1,
            "deals": 2,
            "revenue": 5000.0,
            "conversion": 0.25,
            "roi": 4.0,
        }
    ]
    # a day later: 5 leads, 2 won (40%); 3 deals, ¥5,500; (5,500 − 1,000) ÷ 1,000 = 4.5
    [row] = month_summary("2026-11", AS_OF + timedelta(days=1))["channels"]
    assert (row["leads"], row["won"], row["deals"], row["revenue"]) == (5, 2, 3, 5500.0)
    assert (row["conversion"], row["roi"]) == (0.4, 4.5)


def test_win_rates_per_tag_and_segment_with_the_minimum_sample(db_path):
    digital = Tag.create(name="数字化转型")
    closed = date(2026, 11, 2)
    for index in range(7):  # 2 won of 7 closed manufacturers: 28.6%
        outcome = "won" if index < 2 else "lost"
        item = lead(f"制造{index}", industry="制造业", outcome=outcome, closed=closed)
        LeadTag.create(lead=item, tag=digital)
    for index in range(4):  # 3 won of 4 closed retailers: too few to say
        lead(f"零售{index}", industry="零售", outcome="won" if index < 3 else "lost", closed=closed)
    lead("跟进中", industry="零售")  # open: not closed
    # won on as-of + 1: not closed yet on as-of
    lead("明天赢", industry="制造业", outcome="won", closed=AS_OF + timedelta(days=1))
    rates = {(r.segment, r.value): r for r in leads.win_rates(AS_OF)}
    assert rates[("industry", "制造业")].rate == Fraction(2, 7)
    assert rates[("tag", "数字化转型")].rate == Fraction(2, 7)
    assert rates[("industry", "零售")].closed == 4 and rates[("industry", "零售")].rate is None
    ranked = leads.win_rates(AS_OF)
    assert ranked[-1].rate is None  # not enough data ranks last
    # a day later the manufacturer won on the 21st counts: 3 won of 8 closed
    later = {(r.segment, r.value): r for r in leads.win_rates(AS_OF + timedelta(days=1))}
    assert later[("industry", "制造业")].rate == Fraction(3, 8)


def test_the_sesame_and_watermelon_warning(db_path):
    big = lead("大单", "A", date(2026, 11, 10))  # overdue since 11-13
    small = lead("小单", "C", date(2026, 11, 18))
    assert leads.neglected_big_leads(AS_OF) == []  # nothing small was worked this week
    Activity.create(date=AS_OF - timedelta(days=1), kind="follow_up", lead=small)
    assert leads.neglected_big_leads(AS_OF) == ["大单"]
    leads.log_follow_up(big.id, AS_OF)
    assert leads.neglected_big_leads(AS_OF) == []


def test_referral_rewards_are_tracked_until_paid(db_path):
    preferences.save({"leads.referral_reward_fen": 800_00})
    item = lead("新客户", referred_by="某人")
    done = leads.win(item.id, AS_OF, 100)
    [owed] = leads.rewards_owed()
    assert owed.amount_fen == 800_00 and owed.id == done.reward_id
    assert leads.mark_reward_paid(owed.id, AS_OF) is None
    assert leads.rewards_owed() == []


def test_a_referral_may_be_rewarded_in_service_hours(db_path):
    preferences.save({"leads.referral_reward_fen": 800_00, "leads.referral_reward_hours": 8})
    item = lead("新客户", referred_by="某人")
    leads.win(item.id, AS_OF, 100)
    [owed] = leads.rewards_owed()
    assert (owed.service_hours, owed.amount_fen) == (Decimal(8), 0)  # hours, not money


def _dump() -> dict:
    """Every table's rows, to compare a database before and after."""
    return {
        table: db.database.execute_sql(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()
        for table in db.database.get_tables()
    }


def test_deleting_a_customer_takes_its_orders_and_undo_puts_everything_back(db_path):
    from app import deletions
    from app.models import CustomerTag, LifecycleEvent, Task

    customer = Customer.create(name="华东电子", created=date(2026, 1, 5))
    other = Customer.create(name="留下的客户", created=date(2026, 1, 5))
    Order.create(customer=customer, date=date(2026, 3, 1), amount_fen=120_000_00)
    Order.create(customer=customer, date=date(2026, 9, 1), amount_fen=30_000_00)
    Order.create(customer=other, date=date(2026, 9, 1), amount_fen=5_00)
    CustomerTag.create(customer=customer, tag=Tag.create(name="重点"))
    LifecycleEvent.create(customer=customer, kind="callback", due=date(2026, 3, 4), status="done")
    won = lead("华东电子线索", outcome="won", customer=customer)
    Activity.create(date=date(2026, 3, 1), kind="visit", customer=customer)
    Task.create(title="回访华东电子", quadrant=2, position=0, customer=customer, created=AS_OF)
    before = _dump()

    assert leads.customer_orders(customer.id) == (2, 150_000_00)  # 120,000 + 30,000 yuan
    snapshot = leads.delete_customer(customer.id)
    assert Customer.get_or_none(Customer.id == customer.id) is None
    assert [o.amount_fen for o in Order.select()] == [5_00]  # the other customer's order stays
    assert CustomerTag.select().count() == 0 and LifecycleEvent.select().count() == 0
    assert Lead.get_by_id(won.id).customer_id is None  # the lead stays, unlinked
    assert Task.get().customer_id is None and Activity.get().customer_id is None

    deletions.restore(snapshot)
    assert _dump() == before


def test_adding_a_customer_by_hand(db_path):
    customer_id = leads.add_customer("  新客户  ", AS_OF, contact="李雷", phone="13800000000")
    customer = Customer.get_by_id(customer_id)
    assert (customer.name, customer.contact, customer.created) == ("新客户", "李雷", AS_OF)
    with pytest.raises(ValueError):
        leads.add_customer(" ", AS_OF)


def test_lead_counts_with_and_without_a_channel(db_path):
    from app.models import Channel

    fair = Channel.create(name="展会")
    lead("展会逾期", "A", created=AS_OF - timedelta(days=4), channel=fair)  # due 11-19
    lead("展会未到期", "C", created=AS_OF - timedelta(days=4), channel=fair)  # due 12-16
    lead("无渠道逾期", "B", created=AS_OF - timedelta(days=8))  # due 11-19
    lead("赢单", "A", created=AS_OF - timedelta(days=30), outcome="won")  # closed: not overdue
    assert leads.lead_counts(AS_OF) == (4, 2)
    assert leads.lead_counts(AS_OF, leads.LeadFilter(channel="展会")) == (2, 1)
    assert leads.lead_counts(AS_OF, leads.LeadFilter(search="逾期")) == (2, 2)
