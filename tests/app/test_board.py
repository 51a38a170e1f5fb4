"""The board's rules without a screen: order, moves, undo data, tasks arriving from the app."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from app import db
from app.board import Board, arriving_tasks
from app.models import Customer, Lead, LeadTag, PlanLine, Tag, Task
from app.planning import daily_actions
from tests.conftest import AS_OF


def titles(board, quadrant, **options):
    return [task.title for task in board.tasks(quadrant, **options)]


@pytest.fixture
def board(db_path):
    board = Board()
    for quadrant, names in ((1, ["谈判", "报价"]), (2, ["培育", "回访", "学习"])):
        for name in names:
            board.add(name, quadrant, AS_OF)
    return board


def test_moving_between_quadrants_keeps_both_orders_tight(board):
    heard = []
    board.listen(heard.append)
    task = Task.get(title="回访")
    assert board.move(task.id, 1, index=1) == (2, 1)
    assert titles(board, 1) == ["谈判", "回访", "报价"]
    assert titles(board, 2) == ["培育", "学习"]
    assert heard == [{1, 2}]
    positions = [
        (t.quadrant, t.position) for t in Task.select().order_by(Task.quadrant, Task.position)
    ]
    assert positions == [(1, 0), (1, 1), (1, 2), (2, 0), (2, 1)]
    assert Task.get_by_id(task.id).moved_by_rep


def test_moving_before_a_card_and_back_again(board):
    learn = Task.get(title="学习").id
    was = board.move(learn, 2, before_task=Task.get(title="培育").id)
    assert titles(board, 2) == ["学习", "培育", "回访"]
    board.move(learn, *was)  # what undo does
    assert titles(board, 2) == ["培育", "回访", "学习"]


def test_shifting_up_and_down_skips_hidden_done_tasks(board):
    board.set_done(Task.get(title="回访").id, True, AS_OF)
    learn = Task.get(title="学习").id
    visible = [t.id for t in board.tasks(2)]  # 培育, 学习
    assert board.shift(learn, -1, visible)
    assert titles(board, 2) == ["学习", "培育"]
    assert titles(board, 2, show_done=True) == ["学习", "培育", "回访"]
    assert not board.shift(learn, -1, [t.id for t in board.tasks(2)])  # already first


def test_a_move_writes_only_the_cards_whose_place_changed(db_path):
    """A heavy user's quadrant holds thousands of cards: a move writes the positions that
    changed, not a statement for every card."""
    from app.bulk import insert_rows

    board = Board()
    with db.database.atomic():
        insert_rows(
            Task,
            [
                {"title": f"任务{i:03d}", "quadrant": 1, "position": i, "created": AS_OF}
                for i in range(200)
            ],
        )
    ids = board._ids(1)
    written = db.database.connection().total_changes
    assert board.shift(ids[-1], -1)  # the last card one place up
    # the moved card (its quadrant and the rep's mark), then its and its neighbour's places
    assert db.database.connection().total_changes - written == 1 + 2
    assert board._ids(1) == [*ids[:198], ids[199], ids[198]]
    assert [task.position for task in board.tasks(1)] == list(range(200))
    written = db.database.connection().total_changes
    board.delete(ids[0])  # the first: every other card one place up
    assert db.database.connection().total_changes - written == 1 + 199


def test_delete_and_restore_put_the_task_back_in_its_place(board):
    snapshot = board.delete(Task.get(title="回访").id)
    assert titles(board, 2) == ["培育", "学习"]
    board.restore(snapshot)
    assert titles(board, 2) == ["培育", "回访", "学习"]


def test_done_and_today_filters(board):
    board.edit(Task.get(title="培育").id, due=AS_OF + timedelta(days=3))
    board.edit(Task.get(title="学习").id, due=AS_OF)
    assert board.set_done(Task.get(title="回访").id, True, AS_OF) is False
    assert titles(board, 2) == ["培育", "学习"]
    assert titles(board, 2, due_by=AS_OF) == ["学习"]
    assert Task.get(title="回访").done_on == AS_OF


def test_a_task_needs_a_title(board):
    with pytest.raises(ValueError):
        board.add("   ", 1, AS_OF)


# -- tasks arriving from the rest of the app --------------------------------------------


def test_the_guides_daily_actions():
    """200,000 = A 100,000 in 5 orders at 12.5% + B 100,000 in 20 orders at 20%, 20 working
    days: 5 ÷ 0.125 ÷ 20 = 2 A visits, 20 ÷ 0.2 ÷ 20 = 5 B follow-ups a day."""
    a = PlanLine(revenue_fen=100000_00, average_order_fen=20000_00, close_rate=Decimal("0.125"))
    b = PlanLine(revenue_fen=100000_00, average_order_fen=5000_00, close_rate=Decimal("0.2"))
    assert (daily_actions(a, 20), daily_actions(b, 20)) == (2, 5)
    # exact arithmetic: 21 orders ÷ 35% ÷ 20 days = 3 (floating point gives 4)
    c = PlanLine(revenue_fen=21_00, average_order_fen=1_00, close_rate=Decimal("0.35"))
    assert daily_actions(c, 20) == 3


def test_follow_ups_touchpoints_and_plan_actions_land_in_their_quadrants(db_path):
    created = AS_OF - timedelta(days=40)
    Lead.create(name="A类线索", tier="A", created=created, last_contact=AS_OF - timedelta(days=3))
    Lead.create(name="B类线索", tier="B", created=created, last_contact=AS_OF - timedelta(days=8))
    Lead.create(name="不急的线索", tier="C", created=created, last_contact=AS_OF)
    Lead.create(name="赢单线索", tier="A", created=created, outcome="won")
    db.set_setting("lifecycle.rules", {"holiday_greeting": {"on": False}})
    # renewal demo due in 5 days (contract end − 2 months), birthday in 2 days, company
    # anniversary in 6 days (a greeting, but not within 3 days), annual review far off
    Customer.create(
        name="恒达",
        created=created,
        contract_end=date(2027, 1, 25),
        birthday="11-22",
        founded=date(2010, 11, 26),
    )
    PlanLine.create(
        month="2026-11",
        product="A",
        revenue_fen=100000_00,
        average_order_fen=20000_00,
        close_rate=Decimal("0.125"),
    )
    board = Board()
    assert board.sync(AS_OF) == 5
    by_title = {t.title: t.quadrant for t in Task.select()}
    assert by_title["Follow up A类线索 (tier A)"] == 1
    assert by_title["Follow up 1 tier-B leads"] == 2  # rolled up: one card for the tier
    assert by_title["Renewal demo: 恒达"] == 1
    assert by_title["Birthday greeting: 恒达"] == 3  # due in 2 days
    # 5 orders ÷ 12.5% ÷ 21 working days in November 2026 = 1.9… → 2
    assert by_title["Today's plan: 2 × A"] == 2
    assert len(by_title) == 5  # not the C lead, the won lead or the anniversary in 6 days


def test_cards_already_on_the_board_are_left_out_before_their_titles_are_written(
    db_path, monkeypatch
):
    """A sync after any change works out what should be on the board again: a card the
    board has (the rep's now) costs no title; the roll-ups are always there (today's
    counts)."""
    from app import board as board_module
    from app.models import Order
    from app.money import yuan_to_fen

    created = AS_OF - timedelta(days=40)
    Lead.create(name="A类线索", tier="A", created=created, last_contact=AS_OF - timedelta(days=3))
    Lead.create(name="B类线索", tier="B", created=created, last_contact=AS_OF - timedelta(days=8))
    db.set_setting("lifecycle.rules", {"holiday_greeting": {"on": False}})
    Customer.create(name="恒达", created=created, contract_end=date(2027, 1, 25), birthday="11-22")
    falling = Customer.create(name="下滑", created=date(2026, 1, 1))
    for day, yuan in ((date(2026, 8, 5), 300), (date(2026, 9, 5), 200), (date(2026, 10, 5), 100)):
        Order.create(customer=falling, date=day, amount_fen=yuan_to_fen(yuan))
    PlanLine.create(
        month="2026-11",
        product="A",
        revenue_fen=100000_00,
        average_order_fen=20000_00,
        close_rate=Decimal("0.125"),
    )
    every = arriving_tasks(AS_OF)
    # the A card, the B roll-up, the renewal demo, the birthday, 3 win-back steps, the plan
    assert sorted(item["origin"] for item in every) == [
        "lead",
        "lead_rollup:B",
        "lifecycle:birthday",
        "lifecycle:renewal_demo",
        *["lifecycle:win_back"] * 3,
        "plan",
    ]
    written = []
    real = board_module.message
    monkeypatch.setattr(
        board_module,
        "message",
        lambda *args, **values: (written.append(args), real(*args, **values))[1],
    )
    again = arriving_tasks(AS_OF, {item["origin_key"] for item in every})
    assert again == [item for item in every if item["origin"] == "lead_rollup:B"]
    assert len(written) == 1  # the roll-up's title only


def test_syncing_again_never_duplicates_or_moves_what_the_rep_moved(db_path):
    Lead.create(name="A类线索", tier="A", created=AS_OF - timedelta(days=9))
    board = Board()
    board.sync(AS_OF)
    task = Task.get()
    board.move(task.id, 4)
    assert board.sync(AS_OF) == 0
    assert board.sync(AS_OF + timedelta(days=1)) == 0  # same follow-up date: same task
    assert Task.select().count() == 1 and Task.get().quadrant == 4


def test_ten_a_tier_cards_by_amount_and_one_roll_up_card_per_tier(db_path):
    board = Board()
    mine = board.add("我的任务", 2, AS_OF)  # already at position 0 of quadrant 2
    created = AS_OF - timedelta(days=60)
    Lead.insert_many(  # B leads last contacted 8…607 days ago: all overdue
        [
            {
                "name": f"线索{i:03d}",
                "tier": "B",
                "created": created,
                "last_contact": AS_OF - timedelta(days=8 + i),
            }
            for i in range(600)
        ]
    ).execute()
    for i in range(13):  # A leads, overdue, ¥1,000 … ¥13,000
        Lead.create(
            name=f"大单{i:02d}",
            tier="A",
            created=created,
            expected_amount_fen=(i + 1) * 1000_00,
            last_contact=AS_OF - timedelta(days=4),
        )
    Lead.create(name="明天到期", tier="A", created=AS_OF - timedelta(days=2))  # due tomorrow
    Lead.create(name="C类", tier="C", created=created, last_contact=AS_OF - timedelta(days=31))
    assert board.sync(AS_OF) == 13  # 10 cards, 3 roll-ups
    titles = [t.title for t in board.tasks(1)]
    # the ten largest A amounts, ¥13,000 down to ¥4,000; then the other 3 overdue A leads
    # (大单00…02; 明天到期 is not overdue yet and has no amount: no card among the ten)
    assert titles == [f"Follow up 大单{i:02d} (tier A)" for i in range(12, 2, -1)] + [
        "Follow up 3 tier-A leads"
    ]
    tasks = board.tasks(2)
    assert [t.id for t in tasks][0] == mine
    assert [t.title for t in tasks[1:]] == [
        "Follow up 600 tier-B leads",
        "Follow up 1 tier-C leads",
    ]
    assert [t.position for t in tasks] == [0, 1, 2]
    assert all(t.due == AS_OF for t in tasks[1:])


def test_the_roll_up_counts_are_read_from_the_follow_up_index_with_the_reps_days(db_path):
    """Counted from the follow-up date's index (it holds outcome and tier), not from a pass
    over the leads table, with the follow-up days the rep chose."""
    from app import preferences
    from app.board import overdue_by_tier

    preferences.save({"leads.follow_up_days_b": 10})  # the index written again with 10 days
    created = AS_OF - timedelta(days=60)
    for days_ago in (9, 10, 11, 12):  # B, contacted 9…12 days ago: due 11-21, -20, -19, -18
        Lead.create(
            name=f"B{days_ago}",
            tier="B",
            created=created,
            last_contact=AS_OF - timedelta(days=days_ago),
        )
    Lead.create(name="已成交", tier="B", created=created, outcome="won")  # not open: left out
    carded = Lead.create(name="A", tier="A", created=created).id  # overdue, with its own card
    query = overdue_by_tier(AS_OF, [carded])
    assert query.tuples().get() == (0, 2, 0)  # B 11 and 12 days ago: overdue by 1 and 2 days
    sql, params = query.sql()
    plan = str(db.database.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall())
    assert "USING INDEX lead_follow_up_due" in plan and "SCAN" not in plan


def test_roll_up_cards_follow_the_count_and_the_day_unless_the_rep_took_them(db_path):
    board = Board()
    created = AS_OF - timedelta(days=60)
    for i in range(3):
        Lead.create(name=f"B{i}", tier="B", created=created, last_contact=AS_OF - timedelta(days=9))
    Lead.create(name="C0", tier="C", created=created, last_contact=AS_OF - timedelta(days=40))
    board.sync(AS_OF)
    assert [t.title for t in board.tasks(2)] == [
        "Follow up 3 tier-B leads",
        "Follow up 1 tier-C leads",
    ]
    Lead.update(last_contact=AS_OF).where(Lead.name == "B0").execute()  # followed up
    assert board.sync(AS_OF) == 0
    assert [t.title for t in board.tasks(2)] == [
        "Follow up 2 tier-B leads",  # the same card, its count now
        "Follow up 1 tier-C leads",
    ]
    c_card = board.tasks(2)[1]
    board.edit(c_card.id, notes="call them all on Monday")  # the rep's card from now on
    tomorrow = AS_OF + timedelta(days=1)
    assert board.sync(tomorrow) == 2  # the new day's B and C roll-ups
    titles = [(t.title, t.due) for t in board.tasks(2)]
    assert titles == [
        ("Follow up 1 tier-C leads", AS_OF),  # edited by the rep: kept
        ("Follow up 2 tier-B leads", tomorrow),  # yesterday's B card replaced
        ("Follow up 1 tier-C leads", tomorrow),
    ]
    assert [t.position for t in board.tasks(2)] == [0, 1, 2]
    Lead.update(last_contact=tomorrow).execute()  # every lead followed up
    board.sync(tomorrow)
    assert [t.title for t in board.tasks(2)] == ["Follow up 1 tier-C leads"]  # the rep's


def test_the_mapping_is_a_setting(db_path):
    Lead.create(name="A类线索", tier="A", created=AS_OF - timedelta(days=9))
    db.set_setting("board.mapping", {"lead_A": 2})
    Board().sync(AS_OF)
    assert Task.get().quadrant == 2


def test_nothing_arrives_from_an_empty_database(db_path):
    assert arriving_tasks(date(2026, 11, 21)) == []  # a Saturday: no plan actions either


def test_a_churn_warning_puts_the_win_back_plan_in_quadrant_1(db_path):
    from app.models import Order
    from app.money import yuan_to_fen

    db.set_setting("lifecycle.rules", {"holiday_greeting": {"on": False}})
    falling = Customer.create(name="下滑", created=date(2026, 1, 1))
    for day, yuan in ((date(2026, 8, 5), 300), (date(2026, 9, 5), 200), (date(2026, 10, 5), 100)):
        Order.create(customer=falling, date=day, amount_fen=yuan_to_fen(yuan))
    Board().sync(AS_OF)
    plan = sorted(
        (t.title, t.quadrant) for t in Task.select().where(Task.origin == "lifecycle:win_back")
    )
    assert plan == [
        ("Win back 下滑: exclusive offer", 1),
        ("Win back 下滑: executive visit", 1),
        ("Win back 下滑: tailored improvement plan", 1),
    ]
    assert Board().sync(AS_OF + timedelta(days=1)) == 0  # the same signal: no second plan


def test_a_saved_personas_leads_come_first_among_the_days_b_c_follow_ups(db_path):
    """today --json's sixth group: B/C follow-ups, a saved persona's leads first, then the
    most overdue, then by name (the board rolls B/C leads up into one card a tier)."""
    from app import persona, today

    created = AS_OF - timedelta(days=40)
    last = AS_OF - timedelta(days=7)  # tier B: due today
    for name, tags in (("甲", ()), ("乙", ()), ("丙", ("数字化转型",)), ("丁", ())):
        lead = Lead.create(name=name, tier="B", created=created, last_contact=last)
        for tag in tags:
            LeadTag.create(lead=lead, tag=Tag.get_or_create(name=tag)[0])
    Lead.create(name="戊", tier="B", created=created, last_contact=last - timedelta(1))
    persona.save("数字化", "tag=数字化转型")
    order = [i["lead"] for i in today.today_json(AS_OF)["items"] if i["lead"]]
    # 丙 (the persona's) first; 戊, due yesterday; then today's by name: 丁 < 乙 < 甲
    assert order == ["丙", "戊", "丁", "乙", "甲"]


def test_a_tier_cards_skip_the_largest_not_yet_due_and_break_ties_by_due_date(db_path):
    """The cards are read down the expected amount: a larger lead not due yet gets none; of
    equal amounts the earlier follow-up comes first."""
    created = AS_OF - timedelta(days=60)
    Lead.create(  # ¥99,000, contacted today: due 23 November, after tomorrow
        name="未到期", tier="A", created=created, expected_amount_fen=99_000_00, last_contact=AS_OF
    )
    for name, days_ago in (("晚", 4), ("早", 9)):  # due 19 and 14 November
        Lead.create(
            name=name,
            tier="A",
            created=created,
            expected_amount_fen=5_000_00,
            last_contact=AS_OF - timedelta(days=days_ago),
        )
    board = Board()
    board.sync(AS_OF)
    assert [t.title for t in board.tasks(1)] == ["Follow up 早 (tier A)", "Follow up 晚 (tier A)"]


def test_a_sync_is_done_once_per_change(db_path, monkeypatch):
    from app import board as board_module

    calls = []
    real = board_module.arriving_tasks
    monkeypatch.setattr(
        board_module, "arriving_tasks", lambda *args: (calls.append(args[0]), real(*args))[1]
    )
    Lead.create(name="甲", tier="A", created=AS_OF - timedelta(days=5))  # due 18 November
    board = Board()
    assert board.sync(AS_OF) == 1
    assert board.sync(AS_OF) == 0
    assert calls == [AS_OF]  # nothing changed since: nothing to work out
    assert board.sync(AS_OF + timedelta(days=1)) == 0  # another day: worked out again
    assert len(calls) == 2
    Lead.create(name="乙", tier="A", created=AS_OF - timedelta(days=5))
    assert board.sync(AS_OF + timedelta(days=1)) == 1  # a change: the new lead's card
    assert len(calls) == 3
