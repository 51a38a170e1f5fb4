"""Opening the database: pragmas, schema version, permissions, refusals, settings."""

import hashlib
import os
import sqlite3
import stat
import sys

import pytest

from app import db, paths, sqlite_file
from app.errors import UserError
from app.models import Customer, Setting


def test_a_new_database_gets_wal_full_sync_foreign_keys_and_a_schema_version(db_path):
    pragmas = {
        name: db.database.execute_sql(f"PRAGMA {name}").fetchone()[0]
        for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout", "user_version")
    }
    assert pragmas == {
        "journal_mode": "wal",
        "synchronous": 2,
        "foreign_keys": 1,
        "busy_timeout": 5000,
        "user_version": db.SCHEMA_VERSION,
    }


@pytest.mark.skipif(sys.platform == "win32", reason="no POSIX file modes")
def test_a_new_database_is_readable_by_the_user_only(db_path):
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600


def test_the_schema_has_every_table_of_the_product(db_path):
    tables = {
        row[0]
        for row in db.database.execute_sql("SELECT name FROM sqlite_master WHERE type='table'")
    }
    for table in (
        "customer",
        "lead",
        "order",
        "activity",
        "channel",
        "channel_cost",
        "referral_reward",
        "target",
        "plan_line",
        "market_slice",
        "swot_note",
        "task",
        "lifecycle_event",
        "monthly_review",
        "pdca_item",
        "case_entry",
        "import_batch",
        "setting",
        "objection",
        "tag",
        "lead_tag",
        "customer_tag",
        "contact",
    ):
        assert table in tables


def test_foreign_keys_are_enforced(db_path):
    with pytest.raises(Exception, match="FOREIGN KEY"):
        db.database.execute_sql(
            'INSERT INTO "order" (customer_id, date, amount_fen, product, notes) '
            "VALUES (999, '2026-11-01', 100, '', '')"
        )


def test_a_database_from_a_newer_version_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "newer.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE future (x)")
    connection.execute(f"PRAGMA user_version = {db.SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(UserError, match="newer RepDesk"):
        db.open_database(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newer.sqlite3"]


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("name,phone\n张三,138\n", encoding="utf-8")
    with pytest.raises(UserError, match="not a RepDesk database"):
        db.open_database(path)
    assert path.read_text(encoding="utf-8") == "name,phone\n张三,138\n"


def test_reopening_keeps_the_data(db_path):
    from datetime import date

    Customer.create(name="杭州恒达建材有限公司", created=date(2026, 11, 2))
    db.close_database()
    db.open_database(db_path)
    assert [c.name for c in Customer.select()] == ["杭州恒达建材有限公司"]


def test_settings_round_trip_and_do_not_count_as_data(db_path):
    assert db.is_empty()
    db.set_setting("country", "CN")
    db.set_setting("mapping", {"A": 1, "renewal": [1, "二"]})
    assert db.get_setting("country") == "CN"
    assert db.get_setting("mapping") == {"A": 1, "renewal": [1, "二"]}
    assert db.get_setting("missing", 7) == 7
    assert Setting.select().count() == 2
    assert db.is_empty()


def test_the_database_path_comes_from_the_flag_then_the_environment_then_the_default(
    tmp_path, monkeypatch
):
    assert paths.resolve_db_path(tmp_path / "a.sqlite3") == tmp_path / "a.sqlite3"
    monkeypatch.setenv("REPDESK_DB", str(tmp_path / "env.sqlite3"))
    assert paths.resolve_db_path(None) == tmp_path / "env.sqlite3"
    assert paths.resolve_db_path(tmp_path / "a.sqlite3") == tmp_path / "a.sqlite3"
    monkeypatch.delenv("REPDESK_DB")
    default = paths.resolve_db_path(None)
    assert default.name == "repdesk.sqlite3"
    assert "RepDesk" in default.parts


def test_the_full_check_at_open_is_skipped_only_for_a_file_as_repdesk_left_it(
    tmp_path, monkeypatch
):
    from datetime import date

    path = tmp_path / "repdesk.sqlite3"
    checks = []
    real = sqlite_file.quick_check
    monkeypatch.setattr(sqlite_file, "quick_check", lambda p: checks.append(p) or real(p))
    db.open_database(path, verify=True)  # a new file: nothing to check
    Customer.create(name="甲", created=date(2026, 11, 1))
    db.close_database()
    assert checks == []

    db.open_database(path, verify=True)  # as RepDesk left it: the stamp matches, no check
    Customer.create(name="乙", created=date(2026, 11, 2))
    db.close_database()
    assert checks == []

    connection = sqlite3.connect(path)  # another program writes to the file
    connection.execute("UPDATE customer SET name = '丙' WHERE name = '乙'")
    connection.commit()
    connection.close()
    db.open_database(path, verify=True)
    assert checks == [path]
    db.close_database()

    db.open_database(path, verify=False)  # a reader (summary, export) never stamps
    db.close_database()
    os.utime(path, ns=(1, 1))  # any change to the file, even only its time
    db.open_database(path, verify=True)
    assert checks == [path, path]
    db.close_database()
