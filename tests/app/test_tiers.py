"""Target tiers: a floor and a stretch beside the target (保底 / 目标 / 冲刺)."""

import json
from datetime import date
from decimal import Decimal

from app import db, migrations, planning
from app.figures import build, month_summary
from app.io import pipeline
from app.models import Customer, Order, Target
from app.money import yuan_to_fen
from tests.conftest import AS_OF

NOV = "2026-11"


def _order(yuan: str) -> None:
    customer = Customer.get_or_create(name="甲", defaults={"created": date(2026, 1, 1)})[0]
    Order.create(customer=customer, date=date(2026, 11, 5), amount_fen=yuan_to_fen(yuan))


def test_the_stretch_defaults_to_the_target_times_the_coefficient(db_path):
    target = Target.create(
        month=NOV, revenue_fen=yuan_to_fen(200000), challenge_coefficient=Decimal("1.15")
    )
    # 200,000 × 1.15 = 230,000; no floor set
    assert planning.tiers(target) == (None, yuan_to_fen(200000), yuan_to_fen(230000))
    target.floor_fen, target.stretch_fen = yuan_to_fen(150000), yuan_to_fen(260000)
    assert planning.tiers(target) == (
        yuan_to_fen(150000),
        yuan_to_fen(200000),
        yuan_to_fen(260000),
    )


def test_a_stretch_between_fen_is_rounded_to_the_fen(db_path):
    target = Target.create(
        month=NOV, revenue_fen=12345, challenge_coefficient=Decimal("1.1")
    )  # 123.45 yuan × 1.1 = 135.795 → 135.80 (halves up)
    assert planning.tiers(target).stretch == 13580


def test_the_summary_has_the_tiers_and_their_completion(db_path):
    Target.create(
        month=NOV,
        revenue_fen=yuan_to_fen(200000),
        floor_fen=yuan_to_fen(160000),
        challenge_coefficient=Decimal("1.25"),
    )
    _order("120000")
    summary = month_summary(NOV, AS_OF)
    # stretch 200,000 × 1.25 = 250,000
    assert summary["target"]["tiers"] == {
        "floor": 160000.0,
        "target": 200000.0,
        "stretch": 250000.0,
    }
    # 120,000 ÷ 160,000 = 0.75; ÷ 200,000 = 0.6; ÷ 250,000 = 0.48
    assert summary["completion_tiers"] == {"floor": 0.75, "target": 0.6, "stretch": 0.48}
    assert summary["completion"] == 0.6
    json.dumps(summary)  # plain JSON


def test_the_summary_on_the_command_line_has_the_tiers(cli, db_path):
    Target.create(month=NOV, revenue_fen=yuan_to_fen(100000), stretch_fen=yuan_to_fen(130000))
    db.close_database()
    code, out, _ = cli("--db", db_path, "summary", "--as-of", "2026-11-20", "--json")
    assert code == 0
    summary = json.loads(out)
    assert summary["target"]["tiers"] == {"floor": None, "target": 100000.0, "stretch": 130000.0}
    # nothing sold: 0 ÷ each set tier
    assert summary["completion_tiers"] == {"floor": None, "target": 0.0, "stretch": 0.0}


def test_figures_keep_the_tiers_in_fen(db_path):
    Target.create(month=NOV, revenue_fen=300, floor_fen=200)
    _order("1.50")  # 150 fen
    figures = build(NOV, AS_OF)
    # 150 ÷ 200 = 3/4, 150 ÷ 300 = 1/2, stretch 300 × 1.1 = 330 → 150 ÷ 330 = 5/11
    assert [str(value) for value in figures.completion_tiers] == ["3/4", "1/2", "5/11"]


def test_targets_import_and_export_the_floor_and_the_stretch(db_path, tmp_path):
    source = tmp_path / "targets.csv"
    source.write_text(
        "月份,业绩目标,保底目标,冲刺目标\n2026-11,200000,150000,8000万\n2026-12,100000,,\n",
        encoding="utf-8",
    )
    result = pipeline.run_import(pipeline.plan_import("targets", source), today=AS_OF)
    assert result.imported == 2
    november, december = Target.select().order_by(Target.month)
    assert (november.floor_fen, november.stretch_fen) == (15_000_000, 8_000_000_000)
    assert (december.floor_fen, december.stretch_fen) == (None, None)
    first = tmp_path / "first.csv"
    pipeline.export_kind("targets", first)
    text = first.read_text(encoding="utf-8-sig")
    assert '"floor","stretch"' in text.splitlines()[0]
    assert '"150000","80000000"' in text
    # a blank cell keeps the stored floor on a second import
    again = tmp_path / "again.csv"
    again.write_text("month,revenue,floor\n2026-11,210000,\n", encoding="utf-8")
    pipeline.run_import(pipeline.plan_import("targets", again), today=AS_OF)
    assert Target.get(Target.month == NOV).floor_fen == 15_000_000
    Target.update(revenue_fen=20_000_000).where(Target.month == NOV).execute()
    pipeline.run_import(pipeline.plan_import("targets", first), today=AS_OF)
    second = tmp_path / "second.csv"
    pipeline.export_kind("targets", second)
    assert second.read_bytes() == first.read_bytes()


def test_a_negative_floor_is_refused_with_its_line(db_path, tmp_path):
    source = tmp_path / "targets.csv"
    source.write_text("month,revenue,floor\n2026-11,200000,-5\n", encoding="utf-8")
    result = pipeline.run_import(pipeline.plan_import("targets", source), today=AS_OF)
    assert result.imported == 0 and Target.select().count() == 0


def test_the_step_adds_the_columns_empty(tmp_path):
    """The step on a file one version older than it: the new columns exist, empty."""
    path = tmp_path / "old.sqlite3"
    db.open_database(path)
    Target.create(month=NOV, revenue_fen=100)
    for table, column, _definition in migrations._V9_COLUMNS:
        db.database.execute_sql(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    [step] = [
        n
        for n, run in migrations.STEPS.items()
        if run is migrations._v9_tiers_personas_and_pool_inputs
    ]
    db.database.execute_sql(f"PRAGMA user_version = {step - 1}")
    db.close_database()
    db.open_database(path)
    assert db.database.execute_sql("PRAGMA user_version").fetchone()[0] == max(migrations.STEPS)
    assert planning.tiers(Target.get()) == (None, 100, 110)  # 100 × 1.1
    db.close_database()


def test_the_review_pdf_shows_the_three_lines(db_path, tmp_path):
    from app.report_pdf import write_report
    from tests.app.test_review import pdf_pages

    Target.create(month=NOV, revenue_fen=yuan_to_fen(200000), floor_fen=yuan_to_fen(160000))
    _order("120000")
    pages = pdf_pages(write_report(NOV, AS_OF, tmp_path / "review.pdf"))
    lines = [line for page in pages for line in page]
    at = lines.index("Floor, target and stretch")
    table = " ".join(lines[at : at + 12])
    # floor 160,000: 120,000 ÷ 160,000 = 75.0%, 40,000 still to sell;
    # target 200,000: 60.0%, 80,000; stretch 200,000 × 1.1 = 220,000: 54.5%, 100,000
    for expected in (
        "Floor ¥160,000.00 75.0% ¥40,000.00",
        "Target ¥200,000.00 60.0% ¥80,000.00",
        "Stretch ¥220,000.00 54.5% ¥100,000.00",
    ):
        assert expected in table, table


def test_a_floor_above_the_target_or_a_stretch_below_it_is_refused(db_path, tmp_path):
    import pytest

    from app.errors import UserError

    with pytest.raises(UserError, match="floor is above"):
        planning.save_target(NOV, revenue_fen=100, floor_fen=101)
    planning.save_target(NOV, revenue_fen=100, floor_fen=100, stretch_fen=150)
    with pytest.raises(UserError, match="stretch is below"):
        planning.save_target(NOV, revenue_fen=200)  # the stored stretch, 150, is below
    assert Target.get().revenue_fen == 100
    source = tmp_path / "targets.csv"
    source.write_text(
        "month,revenue,floor,stretch\n2026-12,1000,1200,\n2027-01,1000,,900\n2027-02,1000,900,\n",
        encoding="utf-8",
    )
    result = pipeline.run_import(pipeline.plan_import("targets", source), today=AS_OF)
    assert result.imported == 1  # February only
    problems = [(error.line, error.problems[0][0]) for error in result.errors]
    assert problems == [(2, "floor"), (3, "stretch")]
    assert result.errors[0].text(pipeline.KINDS["targets"]) == (
        "line 2: floor: the floor is above the revenue target"
    )
