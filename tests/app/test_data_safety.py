"""Data safety: migrations, automatic backups and rotation, damaged files, permissions."""

import hashlib
import os
import shutil
import sqlite3
import stat
import sys
from datetime import date, datetime, timedelta

import pytest

from app import backup, db, leads, migrations
from app.models import Customer, Lead, Order
from tests.conftest import AS_OF, ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "repdesk-v1.sqlite3"


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tables(path):
    connection = sqlite3.connect(path)
    try:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
            )
        ]
        return {
            name: connection.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall()
            for name in names
        }
    finally:
        connection.close()


def _damage(path):
    """Overwrite pages in the middle of the file, as a failing disk would."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    data = bytearray(path.read_bytes())
    for page in (3, 6, 9, 12):
        data[page * page_size + 50 : page * page_size + 950] = b"\x5a" * 900
    path.write_bytes(bytes(data))


# -- migrations --------------------------------------------------------------------------


def _indexes(path) -> set[tuple[str, str]]:
    connection = sqlite3.connect(path)
    try:
        return set(
            connection.execute(
                "SELECT tbl_name, name FROM sqlite_master WHERE type = "
                "'index' AND name NOT LIKE 'sqlite_autoindex%'"
            )
        )
    finally:
        connection.close()


def test_a_version_1_database_upgrades_with_every_row_kept(tmp_path):
    path = tmp_path / "repdesk.sqlite3"
    shutil.copy(FIXTURE, path)
    before = _tables(path)
    assert sum(len(rows) for rows in before.values()) == 28  # the fixture's README lists them
    db.open_database(path)
    assert db.database.execute_sql("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION
    # version 3: the leads table pages by follow-up date through its index
    sql, params = leads.lead_query(AS_OF).select(Lead.id).order_by(leads.due_sql()).sql()
    plan = db.database.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    assert "lead_follow_up_due" in str(plan)
    db.close_database()
    fresh = tmp_path / "fresh.sqlite3"  # the upgraded file has exactly a new file's indexes
    db.open_database(fresh)
    db.close_database()
    assert _indexes(path) == _indexes(fresh)
    after = _tables(path)
    assert after.keys() == before.keys()
    # the lead's snoozed follow-up date (migrations._v6_lead_follow_up_can_be_snoozed) is a
    # column added last, empty on every upgraded lead
    assert all(row[-1] is None for row in after["lead"])
    after["lead"] = [row[:-1] for row in after["lead"]]
    for table, rows in before.items():
        assert after[table] == rows, table  # same rows, same ids, same values
    # the child rows that a careless rebuild of "customer" would cascade away or null
    assert len(after["customer_tag"]) == 3 and len(after["lifecycle_event"]) == 3
    db.open_database(path)
    from app.models import Task

    assert Lead.get().customer.name == "杭州恒达建材有限公司"
    assert Task.get().customer.name == "宁波正泰制造有限公司"


def test_the_upgrade_takes_a_verified_backup_of_the_old_file_first(tmp_path):
    path = tmp_path / "repdesk.sqlite3"
    shutil.copy(FIXTURE, path)
    db.open_database(path)
    db.close_database()
    [kept] = [b for b in backup.list_backups(path) if b.reason == "before-migration-v1"]
    assert backup.check(kept.path) == []
    assert db.read_schema_version(kept.path) == 1
    assert _tables(kept.path) == _tables(FIXTURE)


def test_version_2_refuses_negative_money(tmp_path):
    path = tmp_path / "repdesk.sqlite3"
    shutil.copy(FIXTURE, path)
    db.open_database(path)
    with pytest.raises(Exception, match="CHECK"):
        Order.create(customer=Customer.get(), date=AS_OF, amount_fen=-1)


def test_rebuilding_a_parent_table_with_foreign_keys_on_is_refused_by_sqlite(tmp_path):
    """Why migrations switch foreign keys off: with them on, dropping the customer table
    would delete (or, here, refuse for) every child row."""
    path = tmp_path / "repdesk.sqlite3"
    shutil.copy(FIXTURE, path)
    db.open_database(path)
    with pytest.raises(Exception, match="FOREIGN KEY"), db.database.atomic():
        migrations.rebuild_table(Customer)
    assert Customer.select().count() == 3


def test_a_newer_database_is_refused_byte_for_byte_untouched(tmp_path):
    path = tmp_path / "repdesk.sqlite3"
    shutil.copy(FIXTURE, path)
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {db.SCHEMA_VERSION + 5}")
    connection.commit()
    connection.close()
    before = _sha(path)
    with pytest.raises(db.UserError, match="newer RepDesk"):
        db.open_database(path)
    assert _sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["repdesk.sqlite3"]


# -- backups -----------------------------------------------------------------------------


def test_rotation_keeps_7_daily_4_weekly_6_monthly_over_simulated_days(tmp_path):
    db_path = tmp_path / "repdesk.sqlite3"
    manual = backup.default_backup_path(db_path, datetime(2025, 12, 1, 12), "manual")
    manual.parent.mkdir(parents=True)
    manual.write_bytes(b"mine")
    day = date(2025, 10, 1)
    while day <= date(2026, 11, 27):
        for hour, reason in ((9, "daily"), (15, "before-import")):
            if reason == "daily" or day.day % 5 == 0:
                backup.default_backup_path(
                    db_path, datetime(day.year, day.month, day.day, hour), reason
                ).write_bytes(b"x")
        backup.rotate(db_path)
        day += timedelta(days=1)
    kept = sorted(b.taken_at for b in backup.list_backups(db_path) if b.automatic)
    expected = sorted(
        # the last 7 days (the 25th had a 15:00 backup too: the newest of that day is kept)
        [datetime(2026, 11, d, 9) for d in (21, 22, 23, 24, 26, 27)]
        + [datetime(2026, 11, 25, 15)]
        # newest of ISO weeks 46 (Nov 9–15) and 45 (Nov 2–8); weeks 47/48 are among the days
        + [datetime(2026, 11, 15, 15), datetime(2026, 11, 8, 9)]
        # newest of October, September, August, July, June (November is among the days)
        + [
            datetime(2026, 10, 31, 9),
            datetime(2026, 9, 30, 15),
            datetime(2026, 8, 31, 9),
            datetime(2026, 7, 31, 9),
            datetime(2026, 6, 30, 15),
        ]
    )
    assert kept == expected
    assert manual.exists()  # a backup the rep made is never rotated away


def test_backup_and_restore_round_trip_keeps_every_row(demo_db, tmp_path):
    copy = backup.backup(demo_db, tmp_path / "copy.sqlite3")
    before = _tables(copy)
    Order.delete().execute()
    db.close_database()
    safety = backup.restore(copy, demo_db, datetime(2026, 11, 20, 18))
    assert _tables(demo_db) == before
    assert safety is not None and backup.row_counts(safety)["order"] == 0


def test_an_import_is_preceded_by_a_backup(cli, tmp_path):
    database = tmp_path / "repdesk.sqlite3"
    cli("--db", database, "demo", "--as-of", AS_OF)
    source = tmp_path / "c.csv"
    source.write_text("name\n新客户\n", encoding="utf-8")
    assert cli("--db", database, "import", "customers", source)[0] == 0
    [made] = [b for b in backup.list_backups(database) if b.reason == "before-import"]
    assert backup.row_counts(made.path)["customer"] == 60  # the state before the import


@pytest.mark.skipif(sys.platform == "win32", reason="no POSIX file modes")
def test_database_backups_and_kept_copies_are_for_the_user_only(demo_db, tmp_path):
    made = backup.automatic_backup(demo_db, datetime(2026, 11, 20, 9), "daily")
    aside = backup.keep_aside(demo_db, datetime(2026, 11, 20, 9))
    for path in (demo_db, made, aside):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path


# -- damaged files ----------------------------------------------------------------------


def test_a_damaged_database_is_detected_and_never_opened_as_empty(demo_db):
    db.close_database()
    _damage(demo_db)
    before = _sha(demo_db)
    with pytest.raises(db.DatabaseDamaged):
        db.open_database(demo_db, verify=True)
    assert _sha(demo_db) == before
    assert backup.check(demo_db)


def test_damaged_files_are_kept_aside_once_a_day(demo_db):
    db.close_database()
    _damage(demo_db)
    first = backup.keep_aside(demo_db, datetime(2026, 11, 20, 9))
    again = backup.keep_aside(demo_db, datetime(2026, 11, 20, 17))
    next_day = backup.keep_aside(demo_db, datetime(2026, 11, 21, 9))
    assert first == again and first != next_day
    assert first.read_bytes() == demo_db.read_bytes()
    assert sorted(p.name for p in demo_db.parent.glob("*.corrupt")) == [
        "repdesk.sqlite3.20261120.corrupt",
        "repdesk.sqlite3.20261121.corrupt",
    ]


def test_recovery_restores_the_newest_sound_backup(demo_db):
    good = backup.automatic_backup(demo_db, datetime(2026, 11, 19, 9), "daily")
    Customer.create(name="昨天之后的客户", created=AS_OF)
    newer = backup.automatic_backup(demo_db, datetime(2026, 11, 20, 9), "daily")
    db.close_database()
    _damage(newer)  # the newest backup is damaged too: it is passed over
    _damage(demo_db)
    aside, used = backup.recover(demo_db, datetime(2026, 11, 20, 10))
    assert used.path == good
    assert aside.exists()
    db.open_database(demo_db, verify=True)
    assert Customer.select().count() == 60


def test_commands_on_a_damaged_database(cli, tmp_path):
    database = tmp_path / "repdesk.sqlite3"
    cli("--db", database, "demo", "--as-of", AS_OF)
    saved = tmp_path / "saved.sqlite3"
    cli("--db", database, "backup", "--to", saved)
    _damage(database)
    before = _sha(database)
    source = tmp_path / "c.csv"
    source.write_text("name\n新客户\n", encoding="utf-8")
    for argv in (["import", "customers", source], ["summary", "--json"]):
        code, out, err = cli("--db", database, *argv)
        assert code == 2 and "is damaged" in err and "Traceback" not in err, argv
    assert cli("--db", database, "check")[0] == 1
    assert _sha(database) == before
    code, out, _ = cli("--db", database, "restore", saved)
    assert code == 0 and ".corrupt" in out
    assert cli("--db", database, "check")[0] == 0


def test_restoring_a_backup_the_rotation_would_retire_still_restores_it(demo_db):
    morning = backup.automatic_backup(demo_db, datetime(2026, 11, 20, 9), "daily")
    Customer.create(name="上午之后的客户", created=AS_OF)
    db.close_database()
    # the before-restore backup becomes the newest of the day: the rotation must spare the
    # file being restored
    backup.restore(morning, demo_db, datetime(2026, 11, 20, 10))
    db.open_database(demo_db)
    assert Customer.select().count() == 60


def test_the_snooze_step_adds_the_column_and_keeps_the_reps_follow_up_days(tmp_path):
    """migrations._v6_lead_follow_up_can_be_snoozed on a file of the version before it."""
    path = tmp_path / "repdesk.sqlite3"
    db.open_database(path)
    Lead.create(name="甲", tier="B", created=date(2026, 11, 1))
    db.set_setting("leads.follow_up_days_b", 10)
    db.close_database()
    connection = sqlite3.connect(path)
    connection.execute('DROP INDEX "lead_follow_up_due"')
    connection.execute('ALTER TABLE "lead" DROP COLUMN "next_follow_up"')
    connection.execute(f"PRAGMA user_version = {max(migrations.STEPS) - 1}")
    connection.commit()
    connection.close()
    db.open_database(path)
    assert db.database.execute_sql("PRAGMA user_version").fetchone()[0] == max(migrations.STEPS)
    lead = Lead.get()
    assert lead.next_follow_up is None
    [row] = leads.lead_page(None, 10, AS_OF, sort="due")
    assert row.due == date(2026, 11, 11)  # 11-01 + the rep's 10 days
    Lead.update(next_follow_up=date(2026, 11, 25)).execute()
    [row] = leads.lead_page(None, 10, AS_OF, sort="due")
    assert row.due == date(2026, 11, 25) and not row.overdue
    sql, params = leads.lead_query(AS_OF).select(Lead.id).order_by(leads.due_sql()).sql()
    plan = db.database.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    assert "lead_follow_up_due" in str(plan)
    index = db.database.execute_sql(
        "SELECT sql FROM sqlite_master WHERE name = 'lead_follow_up_due'"
    ).fetchone()[0]
    assert "'+10 days'" in index and "next_follow_up" in index
