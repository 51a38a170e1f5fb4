"""The team server (docs/reference.md, "Team server"): `team push` and `team summary` against
a real PostgreSQL server (tests/postgres.py), one for the whole session, emptied per test."""

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from decimal import Decimal

import pytest

from tests.conftest import AS_OF, ROOT

MONTH = "2026-11"


def _dump(server) -> tuple[list, list, list]:
    """Everything RepDesk keeps on the server, in a fixed order."""
    with server.admin() as connection:
        rows = connection.execute(
            "SELECT rep, tbl, row_id, hash, content::text, seq FROM repdesk_row ORDER BY 1, 2, 3"
        ).fetchall()
        gone = connection.execute(
            "SELECT rep, tbl, row_id, seq FROM repdesk_gone ORDER BY 1, 2, 3, 4"
        ).fetchall()
        reps = connection.execute(
            "SELECT rep, pushed_at, app_version, schema_version, columns::text "
            "FROM repdesk_rep ORDER BY 1"
        ).fetchall()
    return rows, gone, reps


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _rep_file(tmp_path, name, orders=(), target_fen=None, rep_name=None):
    """A small rep's file: one customer with `orders` [(date, fen)] and the month's target."""
    from app import db, review
    from app.models import Customer, Order, Target

    path = tmp_path / f"{name}.sqlite3"
    db.open_database(path)
    customer = Customer.create(name=f"{name}客户", created=date(2026, 1, 5))
    for day, fen in orders:
        Order.create(customer=customer, date=day, amount_fen=fen)
    if target_fen is not None:
        Target.create(month=MONTH, revenue_fen=target_fen)
    if rep_name:
        db.set_setting(review.REP_NAME_SETTING, rep_name)
    db.close_database()
    return path


def _demo_file(cli, tmp_path, name, seed):
    path = tmp_path / f"{name}.sqlite3"
    code, _, err = cli("--db", path, "demo", "--as-of", AS_OF, "--seed", seed)
    assert (code, err) == (0, "")
    return path


def test_push_then_push_again_changes_nothing(cli, tmp_path, team_server):
    path = _demo_file(cli, tmp_path, "wang", 1)
    url = team_server.url()
    code, out, err = cli("--db", path, "team", "push", "--server", url, "--rep", "wang")
    assert (code, err) == (0, "")
    assert out.count("\n") == 1 and " 0 changed, 0 deleted, 0 unchanged." in out
    assert "s3cret" not in out  # the password is never shown
    first = _dump(team_server)
    # every row of every pushed table is there (the import history stays local)
    import sqlite3

    local = sqlite3.connect(path)
    tables = [
        name
        for (name,) in local.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if name not in ("import_batch", "import_change") and not name.startswith("sqlite_")
    ]
    expected = sum(local.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables)
    local.close()
    assert len(first[0]) == expected
    assert f"{expected} new" in out

    code, out, err = cli("--db", path, "team", "push", "--server", url, "--rep", "wang")
    assert (code, err) == (0, "")
    assert f"0 new, 0 changed, 0 deleted, {expected} unchanged." in out
    assert _dump(team_server) == first  # not one row, not even the push time, changed


def test_a_change_and_a_deletion_travel_at_the_next_push(cli, tmp_path, team_server):
    from app import db
    from app.models import Order

    path = _rep_file(
        tmp_path, "wang", orders=[(date(2026, 11, 3), 100_00), (date(2026, 11, 4), 200_00)]
    )
    url = team_server.url()
    assert cli("--db", path, "team", "push", "--server", url, "--rep", "wang")[0] == 0
    db.open_database(path)
    first, second = Order.select().order_by(Order.id)
    Order.delete().where(Order.id == first.id).execute()
    Order.update(amount_fen=250_00).where(Order.id == second.id).execute()
    db.close_database()
    code, out, err = cli("--db", path, "team", "push", "--server", url, "--rep", "wang")
    assert (code, err) == (0, "")
    assert "0 new, 1 changed, 1 deleted," in out
    rows = {
        (row[1], row[2]): json.loads(row[4]) for row in _dump(team_server)[0] if row[1] == "order"
    }
    assert list(rows) == [("order", str(second.id))]
    assert 250_00 in rows[("order", str(second.id))]


def test_the_team_summary_equals_each_reps_own_summary(cli, tmp_path, team_server):
    from app import db, preferences

    wang = _demo_file(cli, tmp_path, "wang", 1)
    li = _demo_file(cli, tmp_path, "li", 2)
    # li's own rule travels with her records: B-tier leads followed up after 2 days, not 7
    db.open_database(li)
    preferences.save({"leads.follow_up_days_b": 2})
    db.close_database()
    url = team_server.url()
    for path, rep in ((wang, "wang"), (li, "li")):
        assert cli("--db", path, "team", "push", "--server", url, "--rep", rep)[0] == 0
    code, out, err = cli("team", "summary", "--server", url, "--as-of", AS_OF, "--json")
    assert (code, err) == (0, "")
    team = json.loads(out)
    assert (team["month"], team["as_of"]) == (MONTH, AS_OF.isoformat())
    assert [rep["rep"] for rep in team["reps"]] == ["li", "wang"]
    for entry, path in zip(team["reps"], (li, wang), strict=True):
        own = json.loads(cli("--db", path, "summary", "--as-of", AS_OF, "--json")[1])
        assert entry["summary"] == own  # key for key, value for value
    # the rule really changed li's figures: with the default 7 days fewer leads are overdue
    db.open_database(li)
    preferences.save({"leads.follow_up_days_b": 7})
    db.close_database()
    default = json.loads(cli("--db", li, "summary", "--as-of", AS_OF, "--json")[1])
    assert len(default["leads"]["overdue"]) < len(team["reps"][0]["summary"]["leads"]["overdue"])
    # the team's sums are the reps' sums
    for key in ("deals", "new_customers", "effective_visits", "effective_leads", "calls"):
        assert team["team"]["actual"][key] == sum(
            rep["summary"]["actual"][key] for rep in team["reps"]
        )


def test_the_team_totals_by_hand(cli, tmp_path, team_server):
    wang = _rep_file(
        tmp_path,
        "wang",
        orders=[(date(2026, 11, 3), 100_50), (date(2026, 11, 18), 200_00), (date(2026, 10, 9), 7)],
        target_fen=1000_00,
        rep_name="王伟",
    )
    li = _rep_file(tmp_path, "li", orders=[(date(2026, 11, 10), 300_25)], target_fen=2000_00)
    url = team_server.url()
    assert cli("--db", wang, "team", "push", "--server", url)[0] == 0  # the profile's name
    assert cli("--db", li, "team", "push", "--server", url, "--rep", "李娜")[0] == 0
    code, out, _ = cli("team", "summary", "--server", url, "--as-of", AS_OF, "--json")
    team = json.loads(out)
    assert sorted(rep["rep"] for rep in team["reps"]) == ["李娜", "王伟"]
    totals = team["team"]
    # revenue: 100.50 + 200.00 (wang's October order is outside) + 300.25 = 600.75
    assert totals["actual"]["revenue"] == 600.75
    assert totals["actual"]["deals"] == 3
    assert totals["actual"]["new_customers"] == 1  # wang's customer ordered in October
    assert totals["target"] == {"revenue": 3000.0}  # 1000 + 2000
    assert totals["completion"] == pytest.approx(600.75 / 3000)
    # expected through 20 Nov: 15 of 21 working days of each target: 714.29 + 1428.57
    assert totals["pace"] == {"expected_revenue": 2142.86, "status": "red"}  # 600.75 < 85 %


def test_a_rep_without_a_name_is_told_so(cli, tmp_path, team_server):
    path = _rep_file(tmp_path, "nameless")
    code, out, err = cli("--db", path, "team", "push", "--server", team_server.url())
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "--rep" in err


def test_a_server_that_is_down_fails_in_one_line_and_changes_nothing(cli, tmp_path, team_server):
    from tests.postgres import _free_port

    path = _rep_file(tmp_path, "wang", orders=[(date(2026, 11, 3), 100_00)])
    before = _sha(path)
    url = f"postgresql://wang:pw@127.0.0.1:{_free_port()}/repdesk"  # nobody listens there
    code, out, err = cli("--db", path, "team", "push", "--server", url, "--rep", "wang")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("repdesk: Cannot use the team server")
    assert "pw@" not in err
    assert _sha(path) == before
    code, out, err = cli("team", "summary", "--server", url, "--json")
    assert code == 2 and err.count("\n") == 1


def test_a_url_that_is_not_postgresql_is_refused(cli, tmp_path, team_server):
    code, _, err = cli("team", "summary", "--server", "http://example.com", "--json")
    assert code == 2 and "is not a PostgreSQL URL" in err
    code, _, err = cli("team", "summary", "--json")
    assert code == 2 and "REPDESK_TEAM_SERVER" in err
    # a URL that does not parse is told without its password
    code, _, err = cli("team", "summary", "--server", "postgresql://u:pa55@[::1/db", "--json")
    assert code == 2 and err.count("\n") == 1 and "postgresql://u@[::1/db" in err
    assert "pa55" not in err


def test_the_url_shown_or_kept_has_no_password():
    from app.team import redact

    assert redact("postgresql://wang:p@ss:w@host:5432/team") == "postgresql://wang@host:5432/team"
    assert redact("postgresql://wang@host/team") == "postgresql://wang@host/team"
    assert redact("postgresql://:pw@host/team") == "postgresql://host/team"
    assert redact("postgresql://host/team") == "postgresql://host/team"


def test_the_password_comes_from_the_environment_never_from_a_file(
    cli, tmp_path, team_server, monkeypatch, isolated_home
):
    path = _rep_file(tmp_path, "wang", orders=[(date(2026, 11, 3), 100_00)])
    url = team_server.url(password=None)
    code, out, err = cli("--db", path, "team", "push", "--server", url, "--rep", "wang")
    assert code == 2 and err.count("\n") == 1  # no password: no tty to ask on, none kept
    assert "password" in err
    from tests.postgres import SUPERUSER_PASSWORD

    monkeypatch.setenv("PGPASSWORD", SUPERUSER_PASSWORD)
    monkeypatch.setenv("REPDESK_TEAM_SERVER", url)
    code, out, err = cli("--db", path, "team", "push", "--rep", "wang")
    assert (code, err) == (0, "")
    for file in [*isolated_home.rglob("*"), *tmp_path.rglob("*")]:
        if file.is_file():
            assert SUPERUSER_PASSWORD.encode() not in file.read_bytes(), file


def test_a_password_asked_for_is_kept_in_the_keyring(tmp_path, team_server, monkeypatch):
    from app import team
    from tests.postgres import SUPERUSER_PASSWORD

    kept = {}
    monkeypatch.setattr(team, "_keyring_get", lambda name: kept.get(name))
    monkeypatch.setattr(team, "_keyring_set", lambda name, password: kept.update({name: password}))
    url = team_server.url(password=None)
    asked = []

    def ask(server):
        asked.append(server)
        return SUPERUSER_PASSWORD

    team.connect(url, ask).close()
    assert asked == [url] and kept == {f"postgres@127.0.0.1:{team_server.port}/repdesk": ask(url)}
    team.connect(url, ask).close()  # the keyring answers: not asked again
    assert len(asked) == 2  # (the one call above, in the assertion)
    # a password given for this run (the window's field, PGPASSWORD) beats a kept one
    kept[next(iter(kept))] = "an old one"
    monkeypatch.setenv("PGPASSWORD", SUPERUSER_PASSWORD)
    team.connect(url, None).close()


def test_a_rep_role_touches_only_its_own_rows(cli, tmp_path, team_server):
    url = team_server.url()
    # the manager's first summary creates the tables (the manager owns them, sees all)
    assert cli("team", "summary", "--server", url, "--as-of", AS_OF, "--json")[0] == 0
    with team_server.admin() as connection:
        for role in ("rep_li", "rep_wang"):
            connection.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'pw-{role}'")
            connection.execute(
                "GRANT SELECT, INSERT, UPDATE, DELETE ON repdesk_rep, repdesk_row, "
                f"repdesk_gone TO {role}"
            )
            connection.execute(f"GRANT USAGE ON SEQUENCE repdesk_seq TO {role}")
    wang = _rep_file(tmp_path, "wang", orders=[(date(2026, 11, 3), 100_00)])
    li = _rep_file(tmp_path, "li", orders=[(date(2026, 11, 4), 300_00)])
    wang_url = team_server.url("rep_wang", "pw-rep_wang")
    li_url = team_server.url("rep_li", "pw-rep_li")
    assert cli("--db", wang, "team", "push", "--server", wang_url, "--rep", "rep_wang")[0] == 0
    before = _dump(team_server)
    # li, logged in as herself, cannot write as wang …
    code, out, err = cli("--db", li, "team", "push", "--server", li_url, "--rep", "rep_wang")
    assert code == 2 and err.count("\n") == 1 and "refused" in err
    assert _dump(team_server) == before
    # … pushes her own …
    assert cli("--db", li, "team", "push", "--server", li_url, "--rep", "rep_li")[0] == 0
    # … and sees only her own month, while the manager sees both
    mine = json.loads(cli("team", "summary", "--server", li_url, "--as-of", AS_OF, "--json")[1])
    assert [rep["rep"] for rep in mine["reps"]] == ["rep_li"]
    everyone = json.loads(cli("team", "summary", "--server", url, "--as-of", AS_OF, "--json")[1])
    assert [rep["rep"] for rep in everyone["reps"]] == ["rep_li", "rep_wang"]


def test_a_push_killed_half_way_leaves_the_server_as_it_was(cli, tmp_path, team_server):
    from app import db
    from app.models import Customer, Order

    path = _rep_file(tmp_path, "wang", orders=[(date(2026, 11, 3), 100_00)])
    url = team_server.url()
    assert cli("--db", path, "team", "push", "--server", url, "--rep", "wang")[0] == 0
    db.open_database(path)
    customer = Customer.get()
    Order.insert_many(
        [{"customer": customer, "date": date(2026, 11, 5), "amount_fen": n} for n in range(500)]
    ).execute()
    Order.delete().where(Order.amount_fen == 100_00).execute()
    db.close_database()
    before = _dump(team_server)
    blocker = team_server.admin()
    blocker.autocommit = False
    # the push's last statement (its state) waits behind this lock: by then it has sent
    # every row and deleted the gone one, in its own transaction
    blocker.execute("LOCK TABLE repdesk_rep IN EXCLUSIVE MODE")
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--db", str(path), "team", "push"]
        + ["--server", url, "--rep", "wang"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=os.environ.copy(),
    )
    try:
        with team_server.admin() as watcher:
            for _ in range(300):
                waiting = watcher.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'repdesk' "
                    "AND wait_event_type = 'Lock'"
                ).fetchone()[0]
                if waiting or process.poll() is not None:
                    break
                time.sleep(0.1)
            assert waiting, process.communicate()
            process.send_signal(signal.SIGKILL)
            process.communicate(timeout=30)
            blocker.rollback()
            for _ in range(300):  # the server notices the lost client and rolls back
                left = watcher.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'repdesk'"
                ).fetchone()[0]
                if not left:
                    break
                time.sleep(0.1)
            assert not left
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=30)
        blocker.close()
    assert _dump(team_server) == before
    # and the next push sends it all
    code, out, _ = cli("--db", path, "team", "push", "--server", url, "--rep", "wang")
    assert code == 0 and "500 new, 0 changed, 1 deleted," in out


def test_the_summary_keeps_its_decimals_and_booleans(cli, tmp_path, team_server):
    """Exact decimals (text), dates and booleans come back as the rep's file holds them."""
    from app import db
    from app.models import PlanLine

    path = _rep_file(tmp_path, "wang", target_fen=8000_00)
    db.open_database(path)
    PlanLine.create(
        month=MONTH,
        product="A",
        revenue_fen=1000_00,
        average_order_fen=300_00,
        close_rate=Decimal("0.125"),
        high_ticket=True,
    )
    db.close_database()
    url = team_server.url()
    cli("--db", path, "team", "push", "--server", url, "--rep", "wang")
    team = json.loads(cli("team", "summary", "--server", url, "--as-of", AS_OF, "--json")[1])
    # orders = ⌈1000 ÷ 300⌉ = 4; daily actions = ⌈4 ÷ 0.125 ÷ 21⌉ = ⌈1.52⌉ = 2
    assert team["reps"][0]["summary"]["plan"] == [
        {"product": "A", "customer_type": "", "revenue": 1000.0, "orders": 4, "daily_actions": 2}
    ]


def test_the_managers_copy_follows_every_push_and_reads_only_what_changed(
    cli, tmp_path, team_server, monkeypatch, isolated_home
):
    from app import db, preferences, team
    from app.models import Customer, Lead, Order, Target

    path = _demo_file(cli, tmp_path, "wang", 3)
    url = team_server.url()

    def push_and_compare():
        assert cli("--db", path, "team", "push", "--server", url, "--rep", "wang")[0] == 0
        code, out, err = cli("team", "summary", "--server", url, "--as-of", AS_OF, "--json")
        assert (code, err) == (0, "")
        own = json.loads(cli("--db", path, "summary", "--as-of", AS_OF, "--json")[1])
        assert json.loads(out)["reps"][0]["summary"] == own
        return own

    first = push_and_compare()  # the copy is made whole
    [copy] = list(team.cache_dir().glob("*.sqlite3"))
    assert copy.stat().st_mode & 0o777 == 0o600
    assert str(team.cache_dir()).startswith(str(isolated_home))

    def whole_again(*args):
        raise AssertionError("the copy was made again instead of brought up to date")

    monkeypatch.setattr(team, "_load_whole", whole_again)
    # a day's work: an order gone, one added, a lead moved up, a rule changed, the
    # month's target replaced by another row for the same month (a unique column)
    db.open_database(path)
    Order.delete().where(Order.id == Order.select(Order.id).order_by(Order.date).limit(1)).execute()
    Order.create(customer=Customer.get(), date=date(2026, 11, 19), amount_fen=4321_00)
    Lead.update(tier="A").where(Lead.tier == "C").execute()
    preferences.save({"leads.follow_up_days_a": 1})
    target = Target.get(Target.month == MONTH)
    Target.delete().where(Target.id == target.id).execute()
    Target.create(month=MONTH, revenue_fen=target.revenue_fen + 1000_00)
    db.close_database()
    second = push_and_compare()
    assert second["actual"]["revenue"] == first["actual"]["revenue"] + 4321  # (Nov 19 order)
    assert second["target"]["revenue"] == first["target"]["revenue"] + 1000
    # an id deleted at one push and used again at the next (SQLite reuses the highest)
    db.open_database(path)
    newest = Order.select().order_by(Order.id.desc()).get()
    newest.delete_instance()
    db.close_database()
    assert cli("--db", path, "team", "push", "--server", url, "--rep", "wang")[0] == 0
    db.open_database(path)
    again = Order.create(customer=Customer.get(), date=date(2026, 11, 18), amount_fen=77_00)
    db.close_database()
    assert again.id == newest.id
    third = push_and_compare()
    # revenue: without the 4,321 order, with the 77 one (both in November)
    assert third["actual"]["revenue"] == second["actual"]["revenue"] - 4321 + 77


def test_tls_is_used_when_offered_and_can_be_required(cli, tmp_path, team_server):
    from app import team

    connection = team.connect(team_server.url())
    try:
        options = {option.keyword: option.val for option in connection.pgconn.info}
        assert options[b"sslmode"] == b"prefer"
    finally:
        connection.close()
    # the test server offers no TLS: a URL that requires it is refused in one line
    code, _, err = cli(
        "team", "summary", "--server", team_server.url() + "?sslmode=require", "--json"
    )
    assert code == 2 and err.count("\n") == 1 and "SSL" in err
    assert "s3cret" not in err


def test_a_server_made_again_makes_the_managers_copy_again(cli, tmp_path, team_server):
    from app import db
    from app.models import Customer, Order
    from tests import postgres

    path = _rep_file(tmp_path, "wang", orders=[(date(2026, 11, 3), 100_00)], target_fen=1)
    url = team_server.url()
    for _ in range(3):  # the sequence numbers climb past what a new server will use
        assert cli("--db", path, "team", "push", "--server", url, "--rep", "wang")[0] == 0
        db.open_database(path)
        Order.create(customer=Customer.get(), date=date(2026, 11, 4), amount_fen=1_00)
        db.close_database()
    cli("team", "summary", "--server", url, "--as-of", AS_OF, "--json")
    postgres.reset(team_server)
    db.open_database(path)
    Order.delete().execute()
    db.close_database()
    assert cli("--db", path, "team", "push", "--server", url, "--rep", "wang")[0] == 0
    team = json.loads(cli("team", "summary", "--server", url, "--as-of", AS_OF, "--json")[1])
    assert team["reps"][0]["summary"]["actual"]["revenue"] == 0.0  # no order left


def test_any_text_travels_unchanged(cli, tmp_path, team_server):
    """A NUL, an emoji, quotes, a backslash, a tab and a newline in a record's text."""
    import sqlite3

    from app import db
    from app.models import Customer

    text = 'a\x00b 😀 "q" \\ \t\n 客户'
    path = _rep_file(tmp_path, "wang")
    db.open_database(path)
    Customer.update(notes=text).execute()
    db.close_database()
    url = team_server.url()
    assert cli("--db", path, "team", "push", "--server", url, "--rep", "wang")[0] == 0
    with team_server.admin() as connection:
        [content] = connection.execute(
            "SELECT content FROM repdesk_row WHERE tbl = 'customer'"
        ).fetchone()
    local = sqlite3.connect(path)
    assert tuple(content) == local.execute("SELECT * FROM customer").fetchone()
    local.close()
    assert text in content
    # and pushing again finds it unchanged
    _, out, _ = cli("--db", path, "team", "push", "--server", url, "--rep", "wang")
    assert " 0 new, 0 changed, 0 deleted," in out


def test_a_push_while_the_window_has_the_file_open_leaves_it_working(tmp_path, team_server):
    """The window keeps the file open (write-ahead log); its daily backup reads the file's
    version from another thread. A push from another process must not take the open file
    for unused and delete its log under it (closing a file descriptor drops the process's
    locks on the file, SQLite's included)."""
    import threading

    from app import db, sqlite_file
    from app.models import Customer, Order
    from tests.conftest import run_cli_process

    path = _rep_file(tmp_path, "wang", orders=[(date(2026, 11, 3), 100_00)])
    db.open_database(path)  # as the window does
    Order.create(customer=Customer.get(), date=date(2026, 11, 4), amount_fen=1_00)
    reader = threading.Thread(target=sqlite_file.read_schema_version, args=(path,))
    reader.start()
    reader.join()
    pushed = run_cli_process(
        "--db", path, "team", "push", "--server", team_server.url(), "--rep", "w"
    )
    assert pushed.returncode == 0, pushed.stderr
    assert path.with_name(path.name + "-wal").exists()
    Order.create(customer=Customer.get(), date=date(2026, 11, 5), amount_fen=2_00)
    db.close_database()
    db.open_database(path)
    assert Order.select().count() == 3
    db.close_database()
