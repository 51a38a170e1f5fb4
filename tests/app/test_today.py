"""Today's ranked list, rule by rule, with dates worked by hand; done and snooze on each kind;
the quota. AS_OF is Friday 2026-11-20; follow-up days A 3, B 7, C 30."""

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest

from app import db, figures, i18n, lifecycle, migrations, persona, today
from app.board import Board
from app.errors import UserError
from app.models import (
    Activity,
    Customer,
    Lead,
    LifecycleEvent,
    Order,
    PlanLine,
    Target,
    Task,
)
from tests.conftest import AS_OF

D = date.fromisoformat


def lead(name, tier="A", last=None, created="2026-11-01", amount=None, outcome="open", **values):
    return Lead.create(
        name=name,
        tier=tier,
        last_contact=last and D(last),
        created=D(created),
        expected_amount_fen=amount,
        outcome=outcome,
        **values,
    ).id


def customer(name, **values):
    return Customer.create(name=name, created=D("2025-01-01"), **values).id


def task(title, quadrant=1, due="2026-11-20", **values):
    return Task.create(
        title=title, quadrant=quadrant, due=due and D(due), created=D("2026-11-01"), **values
    ).id


def listed(as_of=AS_OF, **options):
    return [
        (i.kind, i.name, i.due.isoformat(), i.overdue_days) for i in today.items(as_of, **options)
    ]


def find(name, as_of=AS_OF):
    [item] = [i for i in today.items(as_of) if i.name == name]
    return item


def test_follow_ups_due_today_or_up_to_30_days_overdue_are_listed(db_path):
    lead("甲 created", created="2026-11-10")  # 11-10 + 3 = 11-13: 7 days overdue
    lead("乙 due today", last="2026-11-17")  # 11-17 + 3 = 11-20: due today, 0
    lead("丙 tomorrow", last="2026-11-18")  # 11-21: not yet
    lead("丁 B 30 days", tier="B", last="2026-10-14")  # 10-21: 30 days overdue, still listed
    lead("戊 B 31 days", tier="B", last="2026-10-13")  # 10-20: 31 days, beyond the window
    lead("己 C", tier="C", last="2026-10-10")  # 10-10 + 30 = 11-09: 11 days overdue
    lead("庚 won", last="2026-11-10", outcome="won")
    lead("辛 lost", last="2026-11-10", outcome="lost")
    assert listed() == [
        ("lead_follow_up", "甲 created", "2026-11-13", 7),
        ("lead_follow_up", "乙 due today", "2026-11-20", 0),
        ("lead_follow_up", "丁 B 30 days", "2026-10-21", 30),
        ("lead_follow_up", "己 C", "2026-11-09", 11),
    ]
    assert [i.rank for i in today.items(AS_OF)] == [1, 2, 3, 4]


def test_groups_come_in_their_order(db_path):
    lead("B 线索", tier="B", last="2026-10-21")  # group 6: 10-28, 23 days overdue
    customer("回访客户")
    Order.create(customer=Customer.get(name="回访客户"), date=D("2026-11-15"), amount_fen=100)
    # first order 11-15 + 3 = 11-18: a first-order callback, group 5, 2 days overdue
    customer("生日客户", birthday="1980-11-20")  # group 4: its birthday is today
    customer("昨天生日", birthday="1980-11-19")  # yesterday's birthday: not listed
    task("我的要事")  # group 3: the rep's quadrant-1 task due today
    lead("A 线索", last="2026-11-15")  # group 2: 11-18, 2 days overdue
    customer("续约客户", contract_end=D("2027-01-20"))  # group 1: 01-20 − 2 months = 11-20
    customer("流失客户", contact_left=True, contact_left_on=D("2026-11-10"))  # 11-10 + 7 = 11-17
    assert listed() == [
        ("win_back", "流失客户", "2026-11-17", 3),  # group 1, more overdue first
        ("renewal_demo", "续约客户", "2026-11-20", 0),
        ("lead_follow_up", "A 线索", "2026-11-18", 2),
        ("task", "我的要事", "2026-11-20", 0),
        ("birthday", "生日客户", "2026-11-20", 0),
        ("first_order_callback", "回访客户", "2026-11-18", 2),
        ("lead_follow_up", "B 线索", "2026-10-28", 23),
    ]


def test_greetings_only_on_their_day_other_touchpoints_while_overdue(db_path):
    customer("周年", founded=D("2010-11-19"))  # anniversary yesterday: not listed
    customer("生日", birthday="11-20")  # written without a year: today
    customer("农历生日", birthday="1985-10-08", birthday_lunar=True)  # lunar → 2026-11-16
    customer("内容", content_every_days=30)  # created 2025-01-01, every 30 days:
    # 2025-01-01 + 22 × 30 days = 2026-01-01 + 295 days = 2026-10-23 (28 days overdue);
    # the next, 2026-11-22, is not due yet
    assert listed() == [
        ("birthday", "生日", "2026-11-20", 0),
        ("send_content", "内容", "2026-10-23", 28),
    ]
    assert ("birthday", "农历生日", "2026-11-16", 0) in listed(D("2026-11-16"))


def test_within_a_group_most_overdue_then_larger_amount_then_name(db_path):
    lead("丁", last="2026-11-13", amount=100_00)  # 11-16: 4 days overdue
    lead("乙", last="2026-11-11", amount=500_00)  # 11-14: 6 days
    lead("甲", last="2026-11-11", amount=500_00)  # 11-14: 6 days, same amount: by name
    lead("丙", last="2026-11-11", amount=900_00)  # 11-14: 6 days, the larger amount first
    lead("戊", last="2026-11-09")  # 11-12: 8 days, no amount
    assert [name for _, name, _, _ in listed()] == ["戊", "丙", "乙", "甲", "丁"]


def test_saved_persona_leads_come_first_among_b_and_c(db_path):
    lead("A 画像", last="2026-11-16", industry="软件")  # 11-19, 1 day: A keeps its place
    lead("A 逾期多", last="2026-11-14")  # 11-17, 3 days
    lead("B 逾期多", tier="B", last="2026-11-01")  # 11-08: 12 days
    lead("C 画像", tier="C", last="2026-10-30", industry="软件")  # 11-29: not due
    lead("B 画像", tier="B", last="2026-11-12", industry="软件")  # 11-19: 1 day
    assert [name for _, name, _, _ in listed()] == ["A 逾期多", "A 画像", "B 逾期多", "B 画像"]
    persona.save("软件客户", "industry=软件")
    names = [name for _, name, _, _ in listed()]
    assert names == ["A 逾期多", "A 画像", "B 画像", "B 逾期多"]


def test_only_the_reps_own_open_quadrant_1_tasks_due_by_today(db_path):
    lead_id = lead("A 线索", last="2026-11-17")  # 11-20: due today
    board = Board()
    assert board.sync(AS_OF) >= 1  # its follow-up task arrives in quadrant 1
    assert Task.get(Task.origin == "lead").quadrant == 1
    task("已完成", done=True)
    task("第二象限", quadrant=2)
    task("明天", due="2026-11-21")
    task("没有日期", due=None)
    task("太久以前", due="2026-10-20")  # 31 days overdue
    task("导入的", due="2026-10-21", origin="import")  # 30 days: listed
    task("计划生成", origin="plan")
    task("触点生成", origin="lifecycle:birthday")
    task("跟进生成", origin="lead", lead=lead_id)
    assert listed() == [
        ("lead_follow_up", "A 线索", "2026-11-20", 0),  # once, as the follow-up
        ("task", "导入的", "2026-10-21", 30),
    ]


def test_snoozed_items_wait_for_their_date_done_items_go(db_path):
    lead_id = lead("A 线索", last="2026-11-15")  # 11-18
    customer_id = customer("续约", contract_end=D("2027-01-18"))  # renewal 11-18
    task_id = task("要事", due="2026-11-18")
    later = D("2026-11-25")
    for item in today.items(AS_OF):
        today.snooze(item, later, AS_OF)
    assert listed() == []
    assert Lead.get_by_id(lead_id).next_follow_up == later
    assert LifecycleEvent.get(customer=customer_id).snoozed_to == later
    assert Task.get_by_id(task_id).due == later
    assert listed(later) == [
        ("renewal_demo", "续约", "2026-11-25", 0),
        ("lead_follow_up", "A 线索", "2026-11-25", 0),
        ("task", "要事", "2026-11-25", 0),
    ]


def test_snoozing_to_today_or_before_is_refused(db_path):
    lead("A 线索", last="2026-11-15")
    [item] = today.items(AS_OF)
    with pytest.raises(UserError):
        today.snooze(item, AS_OF, AS_OF)
    assert Lead.get().next_follow_up is None


def test_a_follow_up_done_records_the_contact_and_moves_the_next_date(db_path):
    lead_id = lead("A 线索", last="2026-11-15")  # 11-18: 2 days overdue
    board = Board()
    board.sync(AS_OF)
    generated = Task.get(Task.origin_key == f"lead:{lead_id}:2026-11-18")
    today.snooze(find("A 线索"), D("2026-11-19"), D("2026-11-18"))  # snoozed earlier
    [item] = today.items(AS_OF)  # snoozed to 11-19: 1 day overdue
    assert item.overdue_days == 1
    change = today.done(item, AS_OF, board)
    stored = Lead.get_by_id(lead_id)
    assert (stored.last_contact, stored.next_follow_up) == (AS_OF, None)
    activity = Activity.get(lead=lead_id)
    assert (activity.date, activity.kind, activity.count) == (AS_OF, "follow_up", 1)
    assert listed() == []
    assert listed(D("2026-11-23")) == [("lead_follow_up", "A 线索", "2026-11-23", 0)]  # 20 + 3
    # the board's task for the follow-up due 11-18 was not the item's (it moved to 11-19)
    assert not Task.get_by_id(generated.id).done
    today.undo(change, board)
    stored = Lead.get_by_id(lead_id)
    assert (stored.last_contact, stored.next_follow_up) == (D("2026-11-15"), D("2026-11-19"))
    assert Activity.select().count() == 0


def test_done_ticks_the_board_task_made_for_the_item(db_path):
    lead_id = lead("A 线索", last="2026-11-15")  # 11-18
    customer("续约", contract_end=D("2027-01-20"))  # renewal 11-20
    board = Board()
    board.sync(AS_OF)
    changes = [today.done(item, AS_OF, board) for item in today.items(AS_OF)]
    for key in (f"lead:{lead_id}:2026-11-18", "event:"):
        [generated] = Task.select().where(Task.origin_key.startswith(key))
        assert generated.done and generated.done_on == AS_OF
    for change in reversed(changes):
        today.undo(change, board)
    assert not Task.select().where(Task.done).exists()
    assert len(listed()) == 2


def test_a_touchpoint_done_is_marked_and_kept(db_path):
    customer_id = customer("续约", contract_end=D("2027-01-20"))  # renewal 11-20
    [item] = today.items(AS_OF)
    change = today.done(item, AS_OF)
    mark = LifecycleEvent.get(customer=customer_id)
    assert (mark.kind, mark.due, mark.status, mark.done_on) == (
        "renewal_demo",
        AS_OF,
        "done",
        AS_OF,
    )
    assert listed() == []
    [kept] = lifecycle.events(AS_OF, AS_OF, AS_OF)
    assert kept.status == "done"
    today.undo(change)
    assert not LifecycleEvent.select().exists()
    assert len(listed()) == 1


def test_a_task_done_is_ticked_snoozed_moves_its_due_date(db_path):
    task_id = task("要事", due="2026-11-19")
    [item] = today.items(AS_OF)
    change = today.done(item, AS_OF)
    stored = Task.get_by_id(task_id)
    assert (stored.done, stored.done_on) == (True, AS_OF)
    assert listed() == []
    today.undo(change)
    assert not Task.get_by_id(task_id).done
    [item] = today.items(AS_OF)
    change = today.snooze(item, D("2026-11-23"), AS_OF)
    assert Task.get_by_id(task_id).due == D("2026-11-23")
    today.undo(change)
    assert Task.get_by_id(task_id).due == D("2026-11-19")


def test_quota_visits_planned_from_the_ladder_and_done_today(db_path):
    Target.create(month="2026-11", revenue_fen=200_000_00, effective_visits=60)
    PlanLine.create(
        month="2026-11",
        product="A",
        revenue_fen=100_000_00,
        average_order_fen=20_000_00,
        close_rate=Decimal("0.125"),
    )
    for kind, count, effective, day in (
        ("visit", 2, True, AS_OF),
        ("visit", 1, False, AS_OF),  # not effective
        ("executive_visit", 1, True, AS_OF),
        ("visit", 5, True, AS_OF - timedelta(days=1)),  # yesterday
        ("call", 4, True, AS_OF),
    ):
        Activity.create(date=day, kind=kind, count=count, effective=effective)
    quota = today.quota(AS_OF)
    # ladder: ⌈60 ÷ 21 working days⌉ = 3; plan line: 5 orders ÷ 12.5% ÷ 21 = 1.9 → 2
    # done: 2 + 1 effective visits; 4 calls; actions planned: max(3, 2) = 3
    assert quota == today.Quota(3, 3, 4, 3)
    saturday = D("2026-11-21")
    assert today.quota(saturday) == today.Quota(0, 0, 0, 0)  # nothing planned on a day off


def test_today_json_has_the_contract_keys_and_summarys_pace(db_path):
    Target.create(month="2026-11", revenue_fen=210_000_00, effective_visits=60)
    lead("A 线索", last="2026-11-15")
    found = today.today_json(AS_OF)
    assert found["date"] == "2026-11-20"
    assert found["items"] == [
        {
            "rank": 1,
            "kind": "lead_follow_up",
            "title": "Follow up A 线索 (tier A)",
            "customer": None,
            "lead": "A 线索",
            "due": "2026-11-18",
            "overdue_days": 2,
        }
    ]
    assert found["quota"]["effective_visits_planned"] == 3
    assert found["pace"] == figures.month_summary("2026-11", AS_OF)["pace"]
    # 210,000 × 15 of 21 working days elapsed = 150,000 expected; nothing sold: red
    assert found["pace"] == {"expected_revenue": 150000.0, "status": "red"}


def test_the_next_checkpoint(db_path):
    Target.create(month="2026-11", revenue_fen=210_000_00)
    Order.create(customer=customer("客户"), date=D("2026-11-05"), amount_fen=1000_00)
    found = today.next_checkpoint(D("2026-11-12"))  # the 10th passed: the 20th
    # 20 Nov: 15 of 21 working days → 210,000 × 15 ÷ 21 = 150,000
    assert (found.day, found.expected_fen, found.actual_fen) == (
        D("2026-11-20"),
        150_000_00,
        1000_00,
    )
    assert today.next_checkpoint(D("2026-11-21")) is None


def test_the_day_counts_each_group_and_reads_its_first_rows_ranked(db_path):
    for n in range(5):  # A: created 11-01 + 3 = 11-04, 16 days overdue; by amount, larger first
        lead(f"A{n}", created="2026-11-01", amount=(n + 1) * 100)
    for n in range(3):  # B: 11-10 + 7 = 11-17, 3 days overdue
        lead(f"B{n}", tier="B", created="2026-11-10")
    task("我的要事")  # group 3
    customer("续约客户", contract_end=D("2027-01-20"))  # group 1: renewal demo on 11-20
    day = today.Day(AS_OF)
    assert day.counts == {1: 1, 2: 5, 3: 1, 4: 0, 5: 0, 6: 3}
    assert day.total == 10  # 1 + 5 + 1 + 3
    # ranks run on from the groups before: 1 (renewal), 2–6 (A), 7 (task), 8–10 (B, C)
    assert day.first_ranks == {1: 1, 2: 2, 3: 7, 4: 8, 5: 8, 6: 8}
    first_two = day.items(2, 2)
    assert [(i.rank, i.name, i.amount_fen) for i in first_two] == [(2, "A4", 500), (3, "A3", 400)]
    assert [(i.rank, i.name) for i in day.items(6, 1)] == [(8, "B0")]
    whole = today.items(AS_OF)
    assert [i.rank for i in whole] == list(range(1, 11))
    assert [i.as_json() for i in whole[1:3]] == [i.as_json() for i in first_two]
    # a reminder's first three: the renewal (1), then the A group's first two (2, 3)
    assert [(i.rank, i.name) for i in today.Day(AS_OF).first(3)] == [
        (1, whole[0].name),
        (2, "A4"),
        (3, "A3"),
    ]


def json_bytes(value) -> bytes:
    """What print(json.dumps(value, ensure_ascii=False, indent=2)) writes in UTF-8, but the
    line's end."""
    return json.dumps(value, ensure_ascii=False, indent=2).encode()


def test_today_json_is_printed_as_json_would_print_it(db_path):
    assert today.today_json_bytes(AS_OF) == json_bytes(today.today_json(AS_OF))  # "items": []
    lead('引号 "A" \\ 反斜杠', last="2026-11-15", amount=1)  # A, 11-18
    assert today.today_json_bytes(AS_OF) == json_bytes(today.today_json(AS_OF))  # one item
    lead("C\t制表符\n换行", tier="C", created="2026-10-15")  # 10-15 + 30 = 11-14
    customer("续约客户 ☃", contract_end=D("2027-01-20"))
    task("要事 é", customer=customer("客户"), lead=lead("B", tier="B", last="2026-12-01"))
    text = today.today_json_bytes(AS_OF)
    assert text == json_bytes(today.today_json(AS_OF))
    assert len(json.loads(text)["items"]) == 4  # the renewal, the A and C leads, the task


# names whose JSON escapes differ from their text: json.dumps writes \" \\ \n \t \b \f \r and
# \u00XX for the other control characters, NUL included; DEL, U+2028/2029, the BOM and emoji
# (outside the BMP) as they are; % and {…} are not formats
ODD_NAMES = (
    '引号 "A" \\ 反斜杠',
    "C\t制表符\n换行\r",
    "ctl \x00 \x01 \x08 \x0c \x1f \x7f end",
    "emoji 😀 🎉 \U0010ffff",
    "sep \u2028 \u2029 \ufeff",
    "pct %s %d %% {lead} {tier} {{x}} '",
    "</script>",
)
# as a translation may write the title: its own %, quotes and braces
ODD_TITLE = "跟进 «{lead}» '{tier}' 100% \"%s\" {{lead}} \\ {lead}"


@pytest.mark.parametrize("language", ["en", "zh_CN", "odd title"])
def test_today_json_writes_odd_names_as_json_would(db_path, monkeypatch, language):
    """The follow-ups' items are written by SQLite (json_quote, the title's text passed in
    as parameters): byte for byte json.dumps(ensure_ascii=False)'s text."""
    if language == "odd title":
        translated = today.message
        monkeypatch.setattr(
            today,
            "message",
            lambda source, **values: (
                ODD_TITLE if source.startswith("Follow up") else translated(source, **values)
            ),
        )
    else:
        i18n.set_language(language)
    for name in ODD_NAMES:  # A due 11-04 (group 2), B 11-08 (group 6)
        lead(name, tier="A", created="2026-11-01")
        lead(name, tier="B", created="2026-11-01")
    assert today.today_json_bytes(AS_OF) == json_bytes(today.today_json(AS_OF))
    text = today.today_json_bytes(AS_OF).decode()
    found = json.loads(text)["items"]
    assert sorted(item["lead"] for item in found) == sorted(ODD_NAMES * 2)
    assert '"lead": "ctl \\u0000 \\u0001 \\b \\f \\u001f \x7f end"' in text
    assert '"lead": "sep \u2028 \u2029 \ufeff"' in text  # as they are
    # the A-tier leads are ranked first (group 2)
    [title] = [item["title"] for item in found[: len(ODD_NAMES)] if item["lead"] == ODD_NAMES[0]]
    template = ODD_TITLE if language == "odd title" else today._FollowUps(AS_OF).title
    assert title == template.format(lead=ODD_NAMES[0], tier="A")


def test_a_title_sql_cannot_fill_is_refused_not_written_wrong():
    for template in ("{lead!r}", "{lead:>20}", "{customer}"):
        with pytest.raises(ValueError):
            today._format_sql(template, {"lead": Lead.name, "tier": Lead.tier})


def test_the_follow_up_index_serves_the_days_follow_ups_after_the_step(tmp_path):
    """The step on a file one version older (the index of the date and id only): the index
    written again with the rep's days and the columns the list filters and ranks by."""
    path = tmp_path / "old.sqlite3"
    db.open_database(path)
    Lead.create(name="甲", tier="B", created=D("2026-11-01"))  # 11-01 + the rep's 10 days
    db.set_setting("leads.follow_up_days_b", 10)
    db.database.execute_sql('DROP INDEX "lead_follow_up_due"')
    db.database.execute_sql(
        'CREATE INDEX "lead_follow_up_due" ON "lead" (COALESCE(next_follow_up, '
        "date(COALESCE(last_contact, created), CASE tier WHEN 'A' THEN '+3 days' "
        "WHEN 'B' THEN '+10 days' WHEN 'C' THEN '+30 days' ELSE '+7 days' END)), id)"
    )
    [step] = [
        n
        for n, run in migrations.STEPS.items()
        if run is migrations._v10_the_follow_up_index_covers_the_today_list
    ]
    db.database.execute_sql(f"PRAGMA user_version = {step - 1}")
    db.close_database()
    db.open_database(path)
    index = db.database.execute_sql(
        "SELECT sql FROM sqlite_master WHERE name = 'lead_follow_up_due'"
    ).fetchone()[0]
    assert "'+10 days'" in index and index.endswith("id, outcome, tier, expected_amount_fen, name)")
    follow_ups = today._FollowUps(AS_OF)
    for query in (follow_ups.counts_query(), follow_ups.rows_query(6, 10)):
        sql, params = query.sql()
        plan = db.database.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
        assert "USING INDEX lead_follow_up_due" in str(plan)
    assert today.Day(AS_OF).counts[6] == 1  # due 11-11: 9 days overdue
    db.close_database()


def test_meanwhile_reads_on_its_own_connection_and_hands_back_its_error(db_path):
    """today --json reads the follow-ups on a worker thread: its connection is its own (and
    closed after), its error is raised where the result is asked for, not lost."""
    from app.models import database

    here = database.connection()
    theirs = today.meanwhile(
        lambda: (database.connection(), Lead.create(name="甲", created=AS_OF).name)
    )()
    assert theirs[0] is not here and theirs[1] == "甲"
    with pytest.raises(ZeroDivisionError):
        today.meanwhile(lambda: 1 / 0)()
    assert Lead.get(name="甲")  # what the worker wrote is there: its own committed write
