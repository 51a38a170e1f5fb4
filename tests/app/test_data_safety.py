"""Data safety: migrations, automatic backups and rotation, damaged files, permissions."""

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app import backup, db, leads, migrations, sqlite_file
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
    assert after.keys() - before.keys() == {"contact"}  # the table a later step adds, empty
    assert after.pop("contact") == []
    # the columns the tiers/persona/pool step adds come last, empty on the old rows
    added = {}
    for table, _column, _definition in migrations._V9_COLUMNS:
        added[table] = added.get(table, 0) + 1
    for table, count in added.items():
        assert all(set(row[-count:]) <= {None, ""} for row in after[table]), table
        after[table] = [row[:-count] for row in after[table]]
    # before those, two columns added to leads: the closing day (the won lead, never
    # contacted, gets its created day, 2026-10-01), then the snoozed follow-up date (empty)
    assert [tuple(row[-2:]) for row in after["lead"]] == [("2026-10-01", None)]
    after["lead"] = [row[:-2] for row in after["lead"]]
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
    assert sqlite_file.read_schema_version(kept.path) == 1
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
    restored = backup.restore(copy, demo_db, datetime(2026, 11, 20, 18))
    assert _tables(demo_db) == before
    assert restored.aside is None
    assert restored.safety is not None and backup.row_counts(restored.safety)["order"] == 0


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


def test_damaged_files_are_kept_aside_once_a_day_and_each_other_damage_too(demo_db):
    db.close_database()
    _damage(demo_db)
    first = backup.keep_aside(demo_db, datetime(2026, 11, 20, 9))
    again = backup.keep_aside(demo_db, datetime(2026, 11, 20, 17))
    next_day = backup.keep_aside(demo_db, datetime(2026, 11, 21, 9))
    assert first == again and first != next_day
    assert first.read_bytes() == demo_db.read_bytes()
    _truncate(demo_db)  # damaged another way the same day: kept too, never lost
    other = backup.keep_aside(demo_db, datetime(2026, 11, 21, 10))
    assert other.read_bytes() == demo_db.read_bytes()
    assert sorted(p.name for p in demo_db.parent.glob("*.corrupt")) == [
        "repdesk.sqlite3.20261120.corrupt",
        "repdesk.sqlite3.20261121-2.corrupt",
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


# -- one backup set per database file -----------------------------------------------------


def _database_with(path, names):
    db.open_database(path)
    for name in names:
        Customer.create(name=name, created=AS_OF)
    db.close_database()
    return path


def test_two_databases_with_one_stem_keep_their_own_backups(tmp_path):
    first = _database_with(tmp_path / "a.sqlite3", ["甲公司"])
    second = _database_with(tmp_path / "a.db", ["乙公司", "丙公司"])
    day = datetime(2026, 11, 1, 9)
    for offset in range(10):  # ten daily backups of the first, one of the second
        backup.automatic_backup(first, day + timedelta(days=offset), "daily")
    backup.automatic_backup(second, day, "daily")
    assert len(backup.list_backups(second)) == 1  # the first's rotation left it alone
    # the 7 latest days (Nov 4–10) and the newest of ISO week 44 (Sunday, Nov 1)
    assert len(backup.list_backups(first)) == 7 + 1
    assert {b.path for b in backup.list_backups(first)}.isdisjoint(
        {b.path for b in backup.list_backups(second)}
    )
    newest = backup.newest_sound_backup(second)
    assert backup.row_counts(newest.path)["customer"] == 2  # never the other file's data
    backup.automatic_backup(second, day + timedelta(days=20), "daily")
    assert backup.row_counts(backup.newest_sound_backup(first).path)["customer"] == 1


def test_backups_named_the_old_way_are_found_when_one_file_alone_can_own_them(tmp_path):
    path = _database_with(tmp_path / "a.sqlite3", ["甲公司"])
    made = backup.automatic_backup(path, datetime(2026, 11, 19, 9), "daily")
    old_name = made.with_name("a-20261119-090000-daily.sqlite3")  # before each file had a set
    made.rename(old_name)
    [found] = backup.list_backups(path)
    assert found.path == old_name and found.reason == "daily"
    _database_with(tmp_path / "a.db", ["乙公司"])  # now nobody can tell whose it is
    assert backup.list_backups(path) == [] and backup.list_backups(tmp_path / "a.db") == []
    backup.rotate(path)
    assert old_name.exists()  # left to the rep, never rotated away


# -- restore replaces the file whatever its state --------------------------------------------


def _zero_header(path):
    data = bytearray(path.read_bytes())
    data[:100] = bytes(100)
    path.write_bytes(bytes(data))


def _truncate(path):
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 3])


def _empty(path):
    path.write_bytes(b"")


def _not_sqlite(path):
    path.write_text("name,phone\n", encoding="utf-8")


@pytest.mark.parametrize("harm", [_zero_header, _truncate, _empty, _not_sqlite, _damage])
def test_restore_replaces_the_file_at_db_whatever_its_state(cli, tmp_path, harm):
    database = tmp_path / "repdesk.sqlite3"
    cli("--db", database, "demo", "--as-of", AS_OF, "--months", "2")
    saved = tmp_path / "saved.sqlite3"
    assert cli("--db", database, "backup", "--to", saved)[0] == 0
    harm(database)
    harmed = database.read_bytes()
    assert cli("--db", database, "check")[0] == 1  # not sound: 1, never 2
    code, out, err = cli("--db", database, "restore", saved)
    assert (code, err) == (0, ""), err
    [aside] = database.parent.glob("repdesk.sqlite3.*.corrupt")
    assert aside.read_bytes() == harmed and str(aside) in out
    assert cli("--db", database, "check")[0] == 0
    assert _tables(database) == _tables(saved)


def test_a_zero_byte_file_is_never_taken_for_a_new_database(cli, tmp_path):
    database = tmp_path / "repdesk.sqlite3"
    database.write_bytes(b"")
    source = tmp_path / "c.csv"
    source.write_text("name\n新客户\n", encoding="utf-8")
    for argv in (["summary", "--json"], ["import", "customers", source], ["demo"]):
        code, out, err = cli("--db", database, *argv)
        assert code == 2 and "empty (0 bytes)" in err and "Traceback" not in err, argv
    assert database.read_bytes() == b""
    code, out, err = cli("--db", database, "check")
    assert code == 1 and "empty (0 bytes)" in err


HOT_JOURNAL = """
import os, sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA cache_size=2")  # pages spill into the file before the commit
connection.execute("BEGIN")
connection.execute('DELETE FROM "order"')
connection.execute("DELETE FROM activity")
os._exit(0)  # killed before the commit: a hot journal stays beside the file
"""


def test_check_sees_the_hot_journal_the_next_open_rolls_back_and_changes_nothing(tmp_path):
    path = tmp_path / "repdesk.sqlite3"
    db.open_database(path)
    from app.demo import load_demo

    load_demo(AS_OF)
    db.close_database()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=delete")
    orders = connection.execute('SELECT COUNT(*) FROM "order"').fetchone()[0]
    connection.close()
    subprocess.run([sys.executable, "-c", HOT_JOURNAL, str(path)], check=True)
    journal = path.with_name(path.name + "-journal")
    assert journal.stat().st_size > 0
    before = (_sha(path), _sha(journal))
    assert backup.check(path) == []  # rolled back, the file is sound with every order
    assert (_sha(path), _sha(journal)) == before  # …on a copy: nothing was touched
    db.open_database(path, verify=True)
    assert Order.select().count() == orders


def test_a_restore_over_a_file_with_a_hot_journal_leaves_no_journal_behind(cli, tmp_path):
    database = tmp_path / "repdesk.sqlite3"
    cli("--db", database, "demo", "--as-of", AS_OF, "--months", "2")
    saved = tmp_path / "saved.sqlite3"
    cli("--db", database, "backup", "--to", saved)
    Path(database.with_name(database.name + "-journal")).write_bytes(b"\xd9\xd5\x05\xf9" * 128)
    _truncate(database)
    assert cli("--db", database, "restore", saved)[0] == 0
    assert not database.with_name(database.name + "-journal").exists()
    assert _tables(database) == _tables(saved)


# -- what the checks are there for ------------------------------------------------------------


def test_a_backup_of_a_damaged_file_is_refused_and_leaves_no_file(demo_db, tmp_path):
    db.close_database()
    _damage(demo_db)
    dest = tmp_path / "copy.sqlite3"
    with pytest.raises(db.UserError, match="integrity check|damaged"):
        backup.backup(demo_db, dest)
    assert not dest.exists() and not list(tmp_path.glob("copy.sqlite3*"))


def test_a_damaged_backup_is_never_restored_and_nothing_is_done(cli, tmp_path):
    database = tmp_path / "repdesk.sqlite3"
    cli("--db", database, "demo", "--as-of", AS_OF, "--months", "2")
    saved = tmp_path / "saved.sqlite3"
    cli("--db", database, "backup", "--to", saved)
    _damage(saved)
    before = _sha(database)
    code, out, err = cli("--db", database, "restore", saved)
    assert code == 2 and f"{saved} is damaged and was not restored" in err
    assert _sha(database) == before
    assert backup.list_backups(database) == []  # not even the safety backup: nothing done


def test_a_migration_step_that_breaks_foreign_keys_is_rolled_back(tmp_path, monkeypatch):
    path = tmp_path / "repdesk.sqlite3"
    shutil.copy(FIXTURE, path)
    before = _tables(path)
    real_step = migrations.STEPS[2]

    def careless_step():
        real_step()
        db.database.execute_sql("DELETE FROM customer")  # foreign keys are off meanwhile

    monkeypatch.setitem(migrations.STEPS, 2, careless_step)
    with pytest.raises(RuntimeError, match="foreign keys broken"):
        db.open_database(path)
    db.close_database()
    assert sqlite_file.read_schema_version(path) == 1
    assert _tables(path) == before


# -- backups off the laptop ----------------------------------------------------------------


def test_a_second_folder_receives_a_verified_copy_with_its_own_rotation(demo_db, tmp_path):
    from app import preferences

    usb = tmp_path / "usb"
    usb.mkdir()
    preferences.set_second_backup_folder(usb)
    assert preferences.second_backup_folder() == usb
    day = datetime(2026, 11, 1, 9)
    for offset in range(10):
        made = backup.automatic_backup(demo_db, day + timedelta(days=offset), "daily")
        copied = backup.copy_to_second_folder(made, demo_db, preferences.second_backup_folder())
        assert copied.read_bytes() == made.read_bytes() and backup.check(copied) == []
        assert stat.S_IMODE(copied.stat().st_mode) == 0o600
    # its own rotation: the 7 latest days and the newest of ISO week 44 (Sunday, Nov 1)
    assert len(backup.list_backups(demo_db, usb)) == 7 + 1
    backup.rotate(demo_db)  # the main folder's rotation never touches the second one
    assert len(list(usb.iterdir())) == 7 + 1


def test_an_unplugged_second_folder_is_said_and_the_local_backup_kept(demo_db, tmp_path):
    from app import preferences

    usb = tmp_path / "usb"
    usb.mkdir()
    preferences.set_second_backup_folder(usb)
    usb.rmdir()  # the drive is unplugged
    made = backup.automatic_backup(demo_db, datetime(2026, 11, 20, 9), "daily")
    with pytest.raises(backup.SecondFolderUnavailable, match="not available"):
        backup.copy_to_second_folder(made, demo_db, preferences.second_backup_folder())
    assert made.exists()
    with pytest.raises(db.UserError, match="backups already are"):
        preferences.set_second_backup_folder(backup.backups_dir(demo_db))


KILLED_IN_WAL = """
import os, sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA wal_autocheckpoint=0")  # the change stays in the log
connection.execute('DELETE FROM "order"')
os._exit(0)  # killed: the log holds a committed change, the file does not
"""


def test_check_sees_a_log_left_by_a_killed_writer_and_touches_nothing(tmp_path):
    path = _database_with(tmp_path / "repdesk.sqlite3", ["甲公司"])
    db.open_database(path)
    Order.create(customer=Customer.get(), date=AS_OF, amount_fen=100)
    db.close_database()
    subprocess.run([sys.executable, "-c", KILLED_IN_WAL, str(path)], check=True)
    path.with_name(path.name + "-shm").unlink(missing_ok=True)  # as after a reboot
    before = {p.name: _sha(p) for p in tmp_path.iterdir() if p.is_file()}
    assert "repdesk.sqlite3-wal" in before
    assert backup.check(path) == []
    assert {p.name: _sha(p) for p in tmp_path.iterdir() if p.is_file()} == before
    db.open_database(path, verify=True)  # what check judged: the log replayed
    assert Order.select().count() == 0


def test_the_file_level_helpers_stand_alone_and_backup_never_imports_db():
    """app/sqlite_file.py serves app/db.py and app/backup.py; no import cycle between them
    is hidden inside a function."""
    import ast

    def imports(name, inside_functions):
        tree = ast.parse((ROOT / "app" / f"{name}.py").read_text(encoding="utf-8"))
        in_functions = {
            id(inner)
            for function in ast.walk(tree)
            if isinstance(function, ast.FunctionDef)
            for inner in ast.walk(function)
        }
        found = set()
        for node in ast.walk(tree):
            if (id(node) in in_functions) != inside_functions:
                continue
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("app"):
                found |= {f"{node.module}.{alias.name}" for alias in node.names}
        return found

    assert not any(".db" in name or name == "app.db" for name in imports("backup", False))
    for module in ("backup", "db", "sqlite_file", "output"):
        assert not {n for n in imports(module, True) if n.split(".")[1] in ("db", "backup")}
    assert not any(
        n.split(".")[1] in ("db", "backup", "output") for n in imports("sqlite_file", False)
    )


def test_the_closing_day_step_dates_the_leads_already_closed(db_path):
    from app import migrations

    db.database.execute_sql('DROP INDEX "lead_closed"')
    db.database.execute_sql('ALTER TABLE "lead" DROP COLUMN "closed"')  # as before the step
    for name, outcome, last in (
        ("赢单", "won", "2026-11-12"),
        ("输单", "lost", None),
        ("跟进", "open", "2026-11-15"),
    ):
        Lead.insert(name=name, created="2026-10-01", last_contact=last, outcome=outcome).execute()
    with db.database.atomic():
        migrations._v6_leads_have_a_closing_date()
    closed = dict(db.database.execute_sql('SELECT name, closed FROM "lead"').fetchall())
    # won: its last contact; lost without a contact: its created day; open: none
    assert closed == {"赢单": "2026-11-12", "输单": "2026-10-01", "跟进": None}
    assert "lead_closed" in str(db.database.execute_sql("PRAGMA index_list('lead')").fetchall())


def test_the_snooze_step_adds_the_column_and_keeps_the_reps_follow_up_days(tmp_path):
    """migrations._v8_lead_follow_up_can_be_snoozed on a file of the version before it."""
    path = tmp_path / "repdesk.sqlite3"
    db.open_database(path)
    Lead.create(name="甲", tier="B", created=date(2026, 11, 1))
    db.set_setting("leads.follow_up_days_b", 10)
    db.close_database()
    connection = sqlite3.connect(path)
    connection.execute('DROP INDEX "lead_follow_up_due"')
    connection.execute('ALTER TABLE "lead" DROP COLUMN "next_follow_up"')
    connection.commit()
    connection.close()
    db.open_database(path)
    with db.database.atomic():  # the step, on the file as it was before it
        migrations._v8_lead_follow_up_can_be_snoozed()
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
