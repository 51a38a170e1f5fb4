"""The command line: every command's exit status and its one-line messages (docs/reference.md)."""

import hashlib
import json
import sqlite3

import pytest

from app import __version__
from app.lock import DatabaseLock


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_version(cli):
    with pytest.raises(SystemExit) as exited:
        cli("--version")
    assert exited.value.code == 0


def test_version_text(capsys):
    from main import main

    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == f"RepDesk {__version__}"


def test_demo_then_demo_again_is_refused_in_one_line(cli, tmp_path):
    path = tmp_path / "demo.sqlite3"
    code, out, err = cli("--db", path, "demo", "--as-of", "2026-11-20")
    assert (code, err) == (0, "")
    assert "60 customers" in out
    code, out, err = cli("--db", path, "demo", "--as-of", "2026-11-20")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and "already has data" in err


def test_the_message_follows_the_language(cli, tmp_path):
    path = tmp_path / "demo.sqlite3"
    cli("--db", path, "demo", "--as-of", "2026-11-20")
    code, _, err = cli("--db", path, "--lang", "zh_CN", "demo")
    assert code == 2
    assert err == "repdesk: 数据库中已有数据；演示数据只能载入空数据库。\n"


def test_the_system_language_is_followed_for_any_zh_locale(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "zh_TW.UTF-8")
    code, _, err = cli("--db", tmp_path / "missing.sqlite3", "check")
    assert code == 2
    assert "不存在" in err


def test_summary_of_the_demo_has_the_real_working_days(cli, tmp_path):
    path = tmp_path / "demo.sqlite3"
    cli("--db", path, "demo", "--as-of", "2026-11-20")
    code, out, err = cli("--db", path, "summary", "--as-of", "2026-11-20", "--json")
    assert (code, err) == (0, "")
    summary = json.loads(out)
    assert summary["month"] == "2026-11"
    assert summary["working_days"] == {"month": 21, "elapsed": 15}
    assert set(summary["actual"]) == {
        "revenue",
        "deals",
        "new_customers",
        "effective_visits",
        "effective_leads",
        "calls",
    }
    code, out, _ = cli(
        "summary", "--month", "2026-10", "--as-of", "2026-11-20", "--json", "--db", path
    )  # options after the command work too
    assert code == 0
    assert json.loads(out)["working_days"] == {"month": 18, "elapsed": 18}


def test_the_database_can_come_from_the_environment(cli, tmp_path, monkeypatch):
    path = tmp_path / "env.sqlite3"
    monkeypatch.setenv("REPDESK_DB", str(path))
    assert cli("demo", "--as-of", "2026-11-20")[0] == 0
    assert path.exists()


@pytest.mark.parametrize(
    "argv, reason",
    [
        (["summary", "--json", "--as-of", "2026-13-01"], "not a date"),
        (["summary", "--json", "--month", "2026/11"], "not a month"),
        (["summary"], "required"),
        (["import", "pets", "x.csv"], "invalid choice"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_usage_errors_exit_2_in_one_line(cli, tmp_path, argv, reason):
    code, out, err = cli("--db", tmp_path / "x.sqlite3", *argv)
    assert code == 2
    assert err.count("\n") == 1 and reason in err and "Traceback" not in err


def test_summary_of_a_missing_database_exits_2(cli, tmp_path):
    code, _, err = cli("--db", tmp_path / "nothing.sqlite3", "summary", "--json")
    assert code == 2 and "does not exist" in err
    assert not (tmp_path / "nothing.sqlite3").exists()


def test_report_writes_the_pdf_and_refuses_a_missing_database(cli, tmp_path):
    code, out, err = cli("--db", tmp_path / "x.sqlite3", "report")
    assert code == 2 and "does not exist" in err and out == ""
    path = tmp_path / "demo.sqlite3"
    cli("--db", path, "demo", "--as-of", "2026-11-20")
    pdf = tmp_path / "out" / "review.pdf"
    pdf.parent.mkdir()
    code, out, err = cli("--db", path, "report", "--as-of", "2026-11-20", "--out", pdf)
    assert (code, err) == (0, "")
    assert pdf.read_bytes().startswith(b"%PDF") and str(pdf) in out
    assert sorted(p.name for p in pdf.parent.iterdir()) == ["review.pdf"]
    code, _, err = cli("--db", path, "report", "--out", tmp_path / "no" / "such" / "r.pdf")
    assert code == 2 and "Cannot write" in err


def test_check_a_sound_database(cli, tmp_path):
    path = tmp_path / "demo.sqlite3"
    cli("--db", path, "demo", "--as-of", "2026-11-20")
    code, out, _ = cli("--db", path, "check")
    assert code == 0 and "is sound" in out


def test_check_a_damaged_database_reports_and_modifies_nothing(cli, tmp_path):
    path = tmp_path / "demo.sqlite3"
    cli("--db", path, "demo", "--as-of", "2026-11-20")
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    data = bytearray(path.read_bytes())
    for page in (5, 9, 14):  # overwrite a few pages in the middle of the file
        data[page * page_size + 100 : page * page_size + 900] = b"\xab" * 800
    path.write_bytes(bytes(data))
    before = _sha(path)
    files_before = sorted(p.name for p in tmp_path.iterdir())
    code, out, err = cli("--db", path, "check")
    assert code == 1
    assert "damaged" in out
    assert _sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == files_before


def test_check_a_missing_file_exits_2(cli, tmp_path):
    code, _, err = cli("--db", tmp_path / "none.sqlite3", "check")
    assert code == 2 and "does not exist" in err


def test_backup_is_written_exactly_where_asked_and_is_sound(cli, tmp_path):
    path = tmp_path / "demo.sqlite3"
    cli("--db", path, "demo", "--as-of", "2026-11-20")
    target = tmp_path / "keep" / "copy.sqlite3"
    code, out, _ = cli("--db", path, "backup", "--to", target)
    assert code == 0 and str(target) in out
    connection = sqlite3.connect(target)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert connection.execute("SELECT COUNT(*) FROM customer").fetchone()[0] == 60
    connection.close()
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.sqlite3"]


def test_backup_without_a_path_goes_to_the_backups_folder(cli, tmp_path):
    path = tmp_path / "demo.sqlite3"
    cli("--db", path, "demo", "--as-of", "2026-11-20")
    assert cli("--db", path, "backup")[0] == 0
    assert len(list((tmp_path / "backups").glob("demo.sqlite3-*.sqlite3"))) == 1


def test_restore_brings_back_the_backup_and_keeps_the_replaced_state(cli, tmp_path):
    path = tmp_path / "demo.sqlite3"
    cli("--db", path, "demo", "--as-of", "2026-11-20")
    saved = tmp_path / "saved.sqlite3"
    cli("--db", path, "backup", "--to", saved)
    connection = sqlite3.connect(path)
    connection.execute('DELETE FROM "order"')
    connection.commit()
    connection.close()
    code, out, _ = cli("--db", path, "restore", saved)
    assert code == 0
    connection = sqlite3.connect(path)
    assert connection.execute('SELECT COUNT(*) FROM "order"').fetchone()[0] > 0
    connection.close()
    kept = list((tmp_path / "backups").glob("*before-restore*"))
    assert len(kept) == 1
    connection = sqlite3.connect(kept[0])
    assert connection.execute('SELECT COUNT(*) FROM "order"').fetchone()[0] == 0
    connection.close()


def test_restore_refuses_a_file_that_is_not_a_backup(cli, tmp_path):
    path = tmp_path / "demo.sqlite3"
    cli("--db", path, "demo", "--as-of", "2026-11-20")
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("hello")
    before = _sha(path)
    code, _, err = cli("--db", path, "restore", bogus)
    assert code == 2 and "not a RepDesk backup" in err
    assert _sha(path) == before


def test_data_changing_commands_exit_2_while_the_lock_is_held(cli, tmp_path):
    path = tmp_path / "demo.sqlite3"
    cli("--db", path, "demo", "--as-of", "2026-11-20")
    saved = tmp_path / "saved.sqlite3"
    cli("--db", path, "backup", "--to", saved)
    with DatabaseLock(path):
        for argv in (["demo"], ["restore", saved]):
            code, _, err = cli("--db", path, *argv)
            assert code == 2 and "open in another RepDesk" in err
        # read-only commands still work
        assert cli("--db", path, "summary", "--json", "--as-of", "2026-11-20")[0] == 0
        assert cli("--db", path, "check")[0] == 0
        assert cli("--db", path, "backup", "--to", tmp_path / "b.sqlite3")[0] == 0
