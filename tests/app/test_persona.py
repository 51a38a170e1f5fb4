"""Personas: the guide's software rep whose 年营收5000万+、IT预算超300万、有数字化转型诉求
customers close at 28 %, counted over leads imported as a rep's spreadsheet has them."""

import csv
import io
import json
from fractions import Fraction

import pytest

from app import db, persona
from app.errors import UserError
from app.io import pipeline
from app.models import Lead
from tests.conftest import AS_OF

GUIDE = "annual_revenue>=5000万;budget>=300万;tag=数字化转型"


def _rows() -> list[list[str]]:
    """25 closed leads of the persona, 7 won (7 ÷ 25 = 28 %); 20 closed leads outside it
    (revenue under 5000万, or budget under 300万, or without the tag), 2 won; a persona lead
    won the day after as-of (open on as-of); 3 open leads of the persona and 1 outside."""
    header = [
        "线索名称",
        "年营收",
        "预算",
        "标签",
        "结果",
        "结案日期",
        "预计金额",
        "分级",
        "创建日期",
    ]
    rows = [header]
    for i in range(25):  # revenue exactly 5000万 counts (≥)
        revenue = "5000万" if i == 0 else "8000万"
        outcome = "赢单" if i < 7 else "输单"
        rows.append(
            [
                f"画像{i:02d}",
                revenue,
                "300万",
                "数字化转型;制造",
                outcome,
                "2026-10-15",
                "",
                "B",
                "2026-09-01",
            ]
        )
    outside = [
        ("4999万", "500万", "数字化转型"),
        ("1亿", "299万", "数字化转型"),
        ("1亿", "500万", "制造"),
    ]
    for i in range(20):
        revenue, budget, tag = outside[i % 3]
        outcome = "赢单" if i < 2 else "输单"
        rows.append(
            [f"其他{i:02d}", revenue, budget, tag, outcome, "2026-10-20", "", "B", "2026-09-01"]
        )
    rows.append(
        [
            "明天赢单",
            "6000万",
            "400万",
            "数字化转型",
            "赢单",
            "2026-11-21",
            "90000",
            "A",
            "2026-10-01",
        ]
    )
    rows.append(
        ["开放甲", "6000万", "400万", "数字化转型", "跟进中", "", "50000", "B", "2026-10-01"]
    )
    rows.append(
        ["开放乙", "2亿", "1000万", "数字化转型", "跟进中", "", "120000", "C", "2026-10-01"]
    )
    rows.append(["开放丙", "5000万", "300万", "数字化转型", "跟进中", "", "", "B", "2026-10-01"])
    rows.append(
        ["开放外", "6000万", "100万", "数字化转型", "跟进中", "", "900000", "A", "2026-10-01"]
    )
    return rows


@pytest.fixture
def guide_leads(db_path, tmp_path):
    buffer = io.StringIO()
    csv.writer(buffer).writerows(_rows())
    path = tmp_path / "leads.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    result = pipeline.run_import(pipeline.plan_import("leads", path), today=AS_OF)
    assert result.imported == 50 and not result.rejected
    return db_path


def test_the_guides_persona_closes_at_28_percent(guide_leads):
    found = persona.evaluate(GUIDE, AS_OF)
    # 25 closed through as-of (the lead won on the 21st is not), 7 won: 7 ÷ 25 = 0.28
    assert (found.closed, found.won, found.win_rate) == (25, 7, Fraction(7, 25))
    # open on as-of, largest expected amount first, no amount last:
    # 明天赢单 90,000 (won after as-of: open that day), 开放乙 120,000, 开放甲 50,000, 开放丙
    assert [lead.name for lead in found.open] == ["开放乙", "明天赢单", "开放甲", "开放丙"]
    # every closed lead: 25 + 20 = 45 closed, 7 + 2 = 9 won → 20 %
    everyone = persona.evaluate("", AS_OF)
    assert (everyone.closed, everyone.won, everyone.win_rate) == (45, 9, Fraction(1, 5))


def test_persona_on_the_command_line(guide_leads, cli):
    db.close_database()
    code, out, err = cli("--db", guide_leads, "persona", GUIDE, "--as-of", "2026-11-20", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["conditions"] == GUIDE
    assert (result["closed"], result["won"], result["win_rate"]) == (25, 7, 0.28)
    assert result["open"][:2] == [
        {"lead": "开放乙", "expected_amount": 120000.0, "tier": "C"},
        {"lead": "明天赢单", "expected_amount": 90000.0, "tier": "A"},
    ]
    assert result["open"][-1] == {"lead": "开放丙", "expected_amount": None, "tier": "B"}


def test_below_five_closed_there_is_no_rate(guide_leads):
    # 开放外's kind: budget ≤ 100万 with the tag — none closed; 4999万 revenue: 7 closed
    found = persona.evaluate("budget<=100万", AS_OF)
    assert (found.closed, found.win_rate) == (0, None)
    found = persona.evaluate("annual_revenue<=4999万;tag=数字化转型", AS_OF)
    # outside[0] is every third of the 20: i = 0, 3, …, 18 → 7 leads, 1 won (i = 0)
    assert (found.closed, found.won) == (7, 1)
    assert found.win_rate == Fraction(1, 7)
    found = persona.evaluate("annual_revenue<=4999万;tag=数字化转型;budget>=600万", AS_OF)
    assert (found.closed, found.win_rate) == (0, None)


@pytest.mark.parametrize(
    "conditions, words",
    [
        ("industry>=软件", "industry>=软件"),
        ("budget=300万", "budget=300万"),
        ("colour=red", "colour=red"),
        ("budget>=lots", "not a number"),
        ("budget>=-5", "must not be negative"),
        ("tag=", "missing"),
        ("软件", "软件"),
    ],
)
def test_a_bad_term_is_named(conditions, words):
    with pytest.raises(UserError) as caught:
        persona.parse(conditions)
    assert words in str(caught.value)


def test_a_bad_term_exits_2_with_one_line(cli, db_path):
    db.close_database()
    code, out, err = cli("--db", db_path, "persona", "budget>=lots", "--json")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "budget>=lots" in err


def test_chinese_field_names_and_full_width_separators():
    terms = persona.parse("行业=软件；年营收>=5000万; 标签 = 数字化转型")
    assert persona.canonical(terms) == "industry=软件;annual_revenue>=5000万;tag=数字化转型"


def test_suggestions_find_the_best_combination(guide_leads):
    found = persona.suggestions(AS_OF, limit=3)
    # the 45 closed leads: 画像 25 (budget 300万, tags 数字化转型 and 制造, 7 won); 其他 i ≡ 0
    # (mod 3) 7 leads of 4999万 / 500万 / 数字化转型 (1 won, i = 0); i ≡ 1: 7 of 1亿 / 299万 /
    # 数字化转型 (1 won, i = 1); i ≡ 2: 6 of 1亿 / 500万 / 制造 (none won).
    # The median budget (23rd of 7 × 299万, 25 × 300万, 13 × 500万) is 300万, so
    # budget>=300万 with tag=数字化转型: 25 画像 + 7 (i ≡ 0) = 32 closed, 7 + 1 = 8 won → 25 %;
    # the tag alone: 25 + 7 + 7 = 39 closed, 9 won → 23.1 %;
    # tag=制造: 25 + 6 = 31 closed, 7 won → 22.6 % (tied with two pairs of 31 and 7: the
    # single term first)
    assert [(s.conditions, s.closed, s.won) for s in found] == [
        ("budget>=300万;tag=数字化转型", 32, 8),
        ("tag=数字化转型", 39, 9),
        ("tag=制造", 31, 7),
    ]
    # each as good as its own figures, and better than every lead's 9 ÷ 45 = 20 %
    for suggestion in found:
        again = persona.evaluate(suggestion.conditions, AS_OF)
        assert (again.closed, again.won) == (suggestion.closed, suggestion.won)
        assert suggestion.win_rate > Fraction(1, 5)


def test_saved_personas_mark_matching_open_leads(guide_leads):
    persona.save("数字化大客户", GUIDE)
    marks = persona.saved_matches(AS_OF)
    names = {Lead.get_by_id(i).name: p for i, p in marks.items()}
    assert names == {n: ["数字化大客户"] for n in ("明天赢单", "开放甲", "开放乙", "开放丙")}
    before = persona.save("数字化大客户", "tag=数字化转型")  # replaced by name
    assert before == [{"name": "数字化大客户", "conditions": GUIDE}]
    assert persona.saved() == [{"name": "数字化大客户", "conditions": "tag=数字化转型"}]
    with pytest.raises(UserError):
        persona.save("  ", GUIDE)


def test_leads_export_size_revenue_and_budget_and_import_back(guide_leads, tmp_path):
    Lead.update(size="中型").where(Lead.name == "开放甲").execute()
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    pipeline.export_kind("leads", first)
    lines = first.read_text(encoding="utf-8-sig").splitlines()
    header = next(csv.reader([lines[0]]))
    assert header.index("size") == header.index("referred_by") + 1
    assert header[-3:] == ["annual_revenue", "budget", "notes"]
    row = next(line for line in csv.reader(lines) if line[0] == "开放甲")
    # 6000万 = 60,000,000 yuan; 400万 = 4,000,000
    assert (row[header.index("size")], row[-3], row[-2]) == ("中型", "60000000", "4000000")
    pipeline.run_import(pipeline.plan_import("leads", first), today=AS_OF)
    pipeline.export_kind("leads", second)
    assert second.read_bytes() == first.read_bytes()
