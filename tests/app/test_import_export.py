"""Import and export of every kind: encodings, headers, bad rows, batches, round trips.

Every fixture file is written by the test itself, beside the expected result.
"""

import csv
import io
import zipfile
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest

from app import db
from app.io import fields, pipeline
from app.io.kinds import KINDS
from app.models import (
    Activity,
    ChannelCost,
    Customer,
    ImportBatch,
    Lead,
    Order,
    Tag,
    Target,
    Task,
    database,
)
from tests.conftest import AS_OF

KIND_ORDER = [
    "channels",
    "customers",
    "leads",
    "orders",
    "activities",
    "targets",
    "plan_lines",
    "tasks",
]


def write_csv(path, rows, encoding="utf-8"):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path, rows):
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


def import_file(kind, path, dry_run=False):
    return pipeline.run_import(pipeline.plan_import(kind, path), today=AS_OF, dry_run=dry_run)


def error_lines(result, kind):
    return [error.text(pipeline.KINDS[kind]) for error in result.errors]


CUSTOMERS_ZH = [
    [
        "客户名称",
        "联系人",
        "电话",
        "行业",
        "来源渠道",
        "标签",
        "年营收",
        "生日",
        "农历生日",
        "合同到期",
        "对接人离职",
    ],
    [
        "杭州恒达建材有限公司",
        "王伟",
        "13800001111",
        "建筑建材",
        "转介绍",
        "年营收5000万+、数字化转型",
        "￥50,000,000.00",
        "1985-10-08",
        "是",
        "2027年3月31日",
        "否",
    ],
    ["", "李娜", "13900002222", "制造业", "陌拜", "", "", "", "", "", ""],  # no name
    [
        "宁波正泰制造有限公司",
        "张敏",
        "13700003333",
        "制造业",
        "展会",
        "价格敏感",
        "八百万",
        "02-30",
        "否",
        "2027/02/30",
        "也许",
    ],  # bad number, solar 02-30, bad date, bad yes/no
    [
        "绍兴华辰科技有限公司",
        "刘洋",
        "13600004444",
        "软件信息",
        "线上",
        "决策链长;IT预算300万+",
        "1,200,000元",
        "02-30",
        "是",
        "",
        "1",
    ],
]


# -- the new user's first import --------------------------------------------------------


def test_a_gbk_csv_with_chinese_headers_and_broken_rows(cli, tmp_path):
    """Shows exactly what was wrong, line by line, in Chinese, and imports the rest."""
    path = write_csv(tmp_path / "客户.csv", CUSTOMERS_ZH, encoding="gbk")
    database = tmp_path / "repdesk.sqlite3"
    code, out, err = cli("--db", database, "--lang", "zh_CN", "import", "customers", path)
    assert code == 1
    assert err.splitlines() == [
        "第 3 行：客户名称：必填",
        "第 4 行：年营收：不是数字；合同到期：不是日期；对接人离职：不是“是”或“否”",
    ]
    assert out == "已导入 2 行，拒绝 2 行（导入批次 1）。\n"
    db.open_database(database)
    hengda = Customer.get(Customer.name == "杭州恒达建材有限公司")
    assert hengda.annual_revenue_fen == 50_000_000_00
    assert hengda.birthday == "1985-10-08" and hengda.birthday_lunar
    assert hengda.contract_end == date(2027, 3, 31)
    assert hengda.channel.name == "转介绍"
    assert [link.tag.name for link in hengda.tag_links] == ["年营收5000万+", "数字化转型"]
    huachen = Customer.get(Customer.name == "绍兴华辰科技有限公司")
    assert huachen.annual_revenue_fen == 1_200_000_00
    assert huachen.birthday == "02-30" and huachen.birthday_lunar  # a lunar 30th is fine
    assert huachen.contact_left and huachen.contact_left_on == date.today()  # the CLI's day


def test_the_same_file_in_english(cli, tmp_path):
    path = write_csv(tmp_path / "customers.csv", CUSTOMERS_ZH, encoding="gbk")
    code, out, err = cli(
        "--db", tmp_path / "r.sqlite3", "--lang", "en", "import", "customers", path
    )
    assert code == 1
    assert err.splitlines() == [
        "line 3: name: required",
        "line 4: annual_revenue: not a number; contract_end: not a date; "
        "contact_left: not yes or no",
    ]
    assert out == "Imported 2 rows, rejected 2 (import 1).\n"


# -- encodings and formats --------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_every_encoding_excel_saves(db_path, tmp_path, encoding):
    rows = [
        ["线索名称", "电话", "分级", "预计金额", "创建日期", "结果", "标签"],
        [
            "嘉兴瑞丰物流有限公司",
            "13512345678",
            "A",
            "￥84,000.50",
            "2026年11月3日",
            "跟进中",
            "老客户推荐，价格敏感",
        ],
    ]
    result = import_file("leads", write_csv(tmp_path / "leads.csv", rows, encoding))
    assert (result.imported, result.rejected) == (1, 0)
    lead = Lead.get()
    assert (lead.name, lead.expected_amount_fen, lead.created, lead.outcome) == (
        "嘉兴瑞丰物流有限公司",
        8_400_050,
        date(2026, 11, 3),
        "open",
    )
    assert sorted(tag.name for tag in Tag.select()) == sorted(["老客户推荐", "价格敏感"])


def test_the_detected_encoding_is_reported(tmp_path):
    rows = [["name"], ["杭州"]]
    assert (
        pipeline.plan_import("customers", write_csv(tmp_path / "a.csv", rows, "gbk")).table.encoding
        == "GB18030"
    )
    assert (
        pipeline.plan_import(
            "customers", write_csv(tmp_path / "b.csv", rows, "utf-8-sig")
        ).table.encoding
        == "UTF-8 (BOM)"
    )
    assert (
        pipeline.plan_import("customers", write_csv(tmp_path / "c.csv", rows)).table.encoding
        == "UTF-8"
    )


def test_xlsx_with_excel_dates_and_numbers(db_path, tmp_path):
    Customer.create(name="湖州永兴物流有限公司", created=AS_OF)
    path = write_xlsx(
        tmp_path / "orders.xlsx",
        [
            ["金额", "客户名称", "日期", "数量", "产品"],  # any order
            [84000.5, "湖州永兴物流有限公司", datetime(2026, 11, 3), 2, "产品A"],
            ["¥1,000", "湖州永兴物流有限公司", "2026/11/04", None, None],
            [0.1, "湖州永兴物流有限公司", date(2026, 11, 5), 1.0, "产品B"],
        ],
    )
    result = import_file("orders", path)
    assert (result.imported, result.rejected) == (3, 0)
    assert [(o.date, o.amount_fen, o.quantity, o.product) for o in Order.select()] == [
        (date(2026, 11, 3), 8_400_050, 2, "产品A"),
        (date(2026, 11, 4), 100_000, None, ""),
        (date(2026, 11, 5), 10, 1, "产品B"),
    ]


@pytest.mark.parametrize(
    "cell, fen",
    [
        ("84000.5", 8_400_050),
        ("¥84,000.50", 8_400_050),
        ("84,000.50元", 8_400_050),
        ("￥1,234", 123_400),
        ("0.01", 1),
        ("0", 0),
    ],
)
def test_money_is_read_exactly(db_path, tmp_path, cell, fen):
    rows = [["channel", "month", "cost"], ["展会", "2026-11", cell]]
    import_file("channels", write_csv(tmp_path / "c.csv", rows))
    assert ChannelCost.get().cost_fen == fen


@pytest.mark.parametrize(
    "word, effective",
    [
        ("yes", True),
        ("是", True),
        ("TRUE", True),
        ("y", True),
        ("1", True),
        ("no", False),
        ("否", False),
        ("false", False),
        ("N", False),
        ("0", False),
    ],
)
def test_yes_no_words(db_path, tmp_path, word, effective):
    rows = [["date", "kind", "effective"], ["2026-11-02", "拜访", word]]
    import_file("activities", write_csv(tmp_path / "a.csv", rows))
    assert Activity.get().effective is effective


def test_kind_words_in_either_language(db_path, tmp_path):
    rows = [
        ["日期", "类型", "次数"],
        ["2026-11-02", "高层拜访", "2"],
        ["2026-11-02", "call", "7"],
        ["2026-11-03", "跟进", ""],
        ["2026-11-03", "Meeting", "1"],
    ]
    result = import_file("activities", write_csv(tmp_path / "a.csv", rows))
    assert result.rejected == 0
    assert [(a.kind, a.count) for a in Activity.select()] == [
        ("executive_visit", 2),
        ("call", 7),
        ("follow_up", 1),
        ("meeting", 1),
    ]


def test_tasks_take_quadrant_numbers_or_names(db_path, tmp_path):
    rows = [
        ["任务", "象限", "完成"],
        ["谈判", "重要紧急", "否"],
        ["培育", "", ""],
        ["临时会议", "3", "是"],
    ]
    import_file("tasks", write_csv(tmp_path / "t.csv", rows))
    assert [(t.title, t.quadrant, t.done) for t in Task.select().order_by(Task.id)] == [
        ("谈判", 1, False),
        ("培育", 2, False),
        ("临时会议", 3, True),
    ]


def test_targets_and_plan_lines(db_path, tmp_path):
    import_file(
        "targets",
        write_csv(
            tmp_path / "t.csv",
            [
                ["month", "revenue", "effective_visits", "new_customers", "challenge_coefficient"],
                ["2026-11", "200,000", "60", "", ""],
            ],
        ),
    )
    target = Target.get()
    assert (
        target.revenue_fen,
        target.effective_visits,
        target.new_customers,
        target.challenge_coefficient,
    ) == (200_000_00, 60, None, Decimal("1.1"))
    result = import_file(
        "plan_lines",
        write_csv(
            tmp_path / "p.csv",
            [
                ["月份", "产品", "客户类型", "目标金额", "客单价", "成交率"],
                ["2026-11", "A", "", "100000", "20000", "12.5%"],
                ["2026-11", "B", "", "100000", "5000", "0.2"],
                ["2026-11", "C", "", "100000", "0", "150%"],
            ],
        ),
    )
    assert error_lines(result, "plan_lines") == [
        "line 4: average_order: must be greater than zero; "
        "close_rate: not a rate between 0 and 1 (or 0% and 100%)"
    ]
    from app.models import PlanLine

    assert [(p.product, p.close_rate) for p in PlanLine.select()] == [
        ("A", Decimal("0.125")),
        ("B", Decimal("0.2")),
    ]


# -- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind, rows, expected",
    [
        ("customers", [["name", "phone"], ["", "138"]], "line 2: name: required"),
        (
            "orders",
            [["customer", "date", "amount"], ["甲", "2026-02-30", "1"]],
            "line 2: date: not a date",
        ),
        (
            "orders",
            [["customer", "date", "amount"], ["甲", "2026-11-02", "一千"]],
            "line 2: amount: not a number",
        ),
        (
            "orders",
            [["customer", "date", "amount"], ["甲", "2026-11-02", "-5"]],
            "line 2: amount: must not be negative",
        ),
        (
            "orders",
            [["customer", "date", "amount"], ["甲", "2026-11-02", "1.005"]],
            "line 2: amount: more than two decimals",
        ),
        (
            "orders",
            [["customer", "date", "amount"], ["乙", "2026-11-02", "100"]],
            "line 2: customer: no customer of this name",
        ),
        (
            "activities",
            [["date", "kind"], ["2026-11-02", "lunch"]],
            "line 2: kind: unknown value lunch; use one of visit / 拜访 / call / 电话 / "
            "follow_up / "
            "follow-up / 跟进 / meeting / 会议 / executive_visit / 高层拜访",
        ),
        (
            "activities",
            [["date", "kind", "count"], ["2026-11-02", "visit", "2.5"]],
            "line 2: count: not a whole number",
        ),
        (
            "channels",
            [["channel", "month", "cost"], ["展会", "2026-13", "1"]],
            "line 2: month: not a month (YYYY-MM)",
        ),
        (
            "leads",
            [["name", "tier"], ["某公司", "D"]],
            "line 2: tier: unknown value D; use one of A / B / C",
        ),
    ],
)
def test_each_bad_cell_is_named(db_path, tmp_path, kind, rows, expected):
    Customer.create(name="甲", created=AS_OF)
    result = import_file(kind, write_csv(tmp_path / "bad.csv", rows))
    assert error_lines(result, kind) == [expected]
    assert result.imported == 0


def test_line_numbers_count_the_header_as_line_1_and_multiline_cells(db_path, tmp_path):
    rows = [["name", "notes"], ["甲", "第一行\n第二行"], ["", "x"]]
    result = import_file("customers", write_csv(tmp_path / "c.csv", rows))
    assert error_lines(result, "customers") == ["line 4: name: required"]


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "is empty"),
        (b"\r\n\r\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a CSV or XLSX file"),
        (b"%PDF-1.7\n", "not a CSV or XLSX file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Excel .xls file"),
    ],
)
def test_files_that_cannot_be_imported_exit_2(cli, tmp_path, content, message):
    path = tmp_path / "file.csv"
    path.write_bytes(content)
    code, out, err = cli("--db", tmp_path / "r.sqlite3", "import", "customers", path)
    assert code == 2
    assert out == "" and err.count("\n") == 1 and message in err


def test_a_file_without_a_required_column_exits_2(cli, tmp_path):
    path = write_csv(tmp_path / "c.csv", [["contact", "phone"], ["王伟", "138"]])
    code, _, err = cli("--db", tmp_path / "r.sqlite3", "import", "customers", path)
    assert code == 2 and "no column for name" in err


def test_a_missing_file_exits_2(cli, tmp_path):
    code, _, err = cli("--db", tmp_path / "r.sqlite3", "import", "customers", tmp_path / "nope.csv")
    assert code == 2 and "does not exist" in err


def test_header_only_imports_nothing_and_succeeds(cli, tmp_path):
    path = write_csv(tmp_path / "c.csv", [["客户名称", "电话"]])
    code, out, err = cli("--db", tmp_path / "r.sqlite3", "import", "customers", path)
    assert (code, err) == (0, "")
    assert out.startswith("Imported 0 rows, rejected 0")


def test_unknown_columns_are_ignored_and_reported_once(cli, tmp_path):
    rows = [["name", "微信", "fax"], ["甲", "wx1", "1"], ["乙", "wx2", "2"]]
    path = write_csv(tmp_path / "c.csv", rows)
    code, out, err = cli("--db", tmp_path / "r.sqlite3", "import", "customers", path)
    assert code == 0
    assert err == "Ignored columns: 微信, fax\n"


def test_a_50_mb_file(db_path, tmp_path):
    notes = "客户反馈：" + "需要更详细的方案和报价，" * 14  # ~500 bytes in UTF-8
    rows = [["name", "phone", "tier", "created", "notes"]]
    rows += [
        [f"线索{i:06d}", f"139{i:08d}", "ABC"[i % 3], "2026-11-01", notes] for i in range(100_000)
    ]
    path = write_csv(tmp_path / "big.csv", rows)
    assert path.stat().st_size > 50_000_000
    result = import_file("leads", path)
    assert (result.imported, result.rejected) == (100_000, 0)
    assert Lead.select().count() == 100_000


# -- transactions, batches, dry runs ----------------------------------------------------


def test_reimporting_customers_updates_them(db_path, tmp_path):
    first = write_csv(
        tmp_path / "a.csv",
        [
            ["name", "phone", "industry", "tags"],
            ["甲", "138", "制造业", "A;B"],
            ["乙", "139", "零售", ""],
        ],
    )
    import_file("customers", first)
    second = write_csv(
        tmp_path / "b.csv", [["name", "phone", "industry", "tags"], ["甲", "137", "软件信息", "C"]]
    )
    import_file("customers", second)
    assert [(c.name, c.phone, c.industry) for c in Customer.select().order_by(Customer.id)] == [
        ("甲", "137", "软件信息"),  # matched by name: a new phone updates it
        ("乙", "139", "零售"),
    ]
    assert [link.tag.name for link in Customer.get(name="甲").tag_links] == ["C"]


def test_the_same_customer_twice_in_one_file_rejects_the_later_row(db_path, tmp_path):
    path = write_csv(
        tmp_path / "a.csv",
        [
            ["name", "phone", "industry"],
            ["甲", "138", "制造业"],
            ["乙", "", ""],
            ["甲", "", "零售"],
        ],
    )
    result = import_file("customers", path)
    assert error_lines(result, "customers") == ["line 4: name: duplicate of line 2"]
    assert [(c.name, c.industry) for c in Customer.select()] == [("甲", "制造业"), ("乙", "")]


def test_an_import_writes_only_its_own_kind(db_path, tmp_path):
    path = write_csv(
        tmp_path / "l.csv",
        [["name", "outcome", "expected_amount"], ["嘉兴瑞丰物流有限公司", "赢单", "50000"]],
    )
    import_file("leads", path)
    assert Lead.get().outcome == "won"
    assert Customer.select().count() == 0 and Order.select().count() == 0


def test_a_dry_run_checks_everything_and_writes_nothing(cli, tmp_path):
    path = write_csv(tmp_path / "c.csv", CUSTOMERS_ZH)
    database = tmp_path / "r.sqlite3"
    code, out, err = cli("--db", database, "import", "customers", path, "--dry-run")
    assert code == 1 and len(err.splitlines()) == 2
    assert out == "Dry run: 2 rows would be imported, 2 rejected; nothing was written.\n"
    db.open_database(database)
    assert Customer.select().count() == 0 and ImportBatch.select().count() == 0


def test_rejected_rows_go_to_an_errors_file_to_fix(cli, tmp_path):
    path = write_csv(tmp_path / "c.csv", CUSTOMERS_ZH)
    out_file = tmp_path / "errors.csv"
    cli("--db", tmp_path / "r.sqlite3", "import", "customers", path, "--errors", out_file)
    with out_file.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["line", "error", *CUSTOMERS_ZH[0]]
    assert [row[0] for row in rows[1:]] == ["3", "4"]
    assert rows[1][1] == "line 3: name: required"
    assert rows[2][2:] == CUSTOMERS_ZH[3]


def test_a_failure_while_writing_leaves_nothing_half_imported(db_path, tmp_path, monkeypatch):
    rows = [["name", "phone"]] + [[f"客户{i}", f"1{i:010d}"] for i in range(5000)]
    path = write_csv(tmp_path / "c.csv", rows)
    kind = pipeline.KINDS["customers"]
    calls = []
    real_write = type(kind).write

    def failing_write(self, chunk, batch_id, lookup):
        calls.append(len(chunk))
        if len(calls) == 2:
            raise OSError("disk full")
        return real_write(self, chunk, batch_id, lookup)

    indexes = index_definitions()
    monkeypatch.setattr(type(kind), "write", failing_write)
    with pytest.raises(OSError):
        import_file("customers", path)
    assert calls[0] == pipeline.CHECK_CHUNK  # the first chunk had been written…
    assert Customer.select().count() == 0  # …and was rolled back with the rest
    assert ImportBatch.select().count() == 0
    assert index_definitions() == indexes  # a big file's indexes, dropped for it, are back


def index_definitions():
    return database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    ).fetchall()


def test_a_big_file_leaves_the_same_indexes_and_they_find_its_rows(db_path, tmp_path):
    indexes = index_definitions()
    rows = [["name", "phone", "tier", "expected_amount", "created"]]
    rows += [
        [f"线索{i:05d}", f"139{i:08d}", "ABC"[i % 3], str(i % 7 * 1000), "2026-11-02"]
        for i in range(pipeline.BULK_ROWS)
    ]
    path = write_csv(tmp_path / "big.csv", rows)
    checked = import_file("leads", path, dry_run=True)
    assert checked.imported == pipeline.BULK_ROWS and Lead.select().count() == 0
    assert index_definitions() == indexes  # a dry run's dropped indexes come back too
    result = import_file("leads", path)
    assert result.imported == pipeline.BULK_ROWS == Lead.select().count()
    assert index_definitions() == indexes
    assert database.execute_sql("PRAGMA integrity_check").fetchall() == [("ok",)]
    # the largest amount is 6 × 1000 yuan, on rows 6, 13, 20, …: row 6 first by id
    top = Lead.select().order_by(Lead.expected_amount_fen.desc(), Lead.id).first()
    assert (top.name, top.expected_amount_fen) == ("线索00006", 6000_00)


def test_a_column_with_one_value_in_every_row_is_stored_as_given(db_path, tmp_path):
    rows = [["name", "contact", "phone", "notes"]]
    rows += [[f"线索{i}", "O'Brien", "", "he said: 'call back'"] for i in range(300)]
    import_file("leads", write_csv(tmp_path / "same.csv", rows))
    assert {
        (lead.contact, lead.phone, lead.notes, lead.tier, lead.outcome, lead.created)
        for lead in Lead.select()
    } == {("O'Brien", "", "he said: 'call back'", "B", "open", AS_OF)}


def test_cancelling_leaves_nothing(db_path, tmp_path):
    rows = [["name"]] + [[f"客户{i}"] for i in range(5000)]
    plan = pipeline.plan_import("customers", write_csv(tmp_path / "c.csv", rows))
    with pytest.raises(pipeline.Cancelled):
        pipeline.run_import(plan, today=AS_OF, progress=lambda done, total: False)
    assert Customer.select().count() == 0


def test_undo_takes_an_import_back_whole(cli, tmp_path):
    database = tmp_path / "r.sqlite3"
    first = write_csv(
        tmp_path / "a.csv", [["name", "phone", "industry", "tags"], ["甲", "138", "制造业", "A"]]
    )
    second = write_csv(
        tmp_path / "b.csv",
        [
            ["name", "phone", "industry", "tags"],
            ["甲", "138", "零售", "B;C"],
            ["乙", "137", "物流", ""],
        ],
    )
    cli("--db", database, "import", "customers", first)
    cli("--db", database, "import", "customers", second)
    code, out, _ = cli("--db", database, "imports")
    assert [line.split("\t")[2:5] for line in out.splitlines()] == [
        ["customers", "2", "b.csv"],
        ["customers", "1", "a.csv"],
    ]
    code, out, _ = cli("--db", database, "undo-import", "2")
    assert code == 0 and out == "Import 2 undone (2 rows).\n"
    db.open_database(database)
    assert [(c.name, c.industry) for c in Customer.select()] == [("甲", "制造业")]
    assert [link.tag.name for link in Customer.get().tag_links] == ["A"]
    db.close_database()
    code, _, err = cli("--db", database, "undo-import", "2")
    assert code == 2 and "no import 2" in err


def test_undo_is_refused_while_later_records_depend_on_it(cli, tmp_path):
    database = tmp_path / "r.sqlite3"
    cli("--db", database, "import", "customers", write_csv(tmp_path / "c.csv", [["name"], ["甲"]]))
    cli(
        "--db",
        database,
        "import",
        "orders",
        write_csv(tmp_path / "o.csv", [["customer", "date", "amount"], ["甲", "2026-11-02", "9"]]),
    )
    code, _, err = cli("--db", database, "undo-import", "1")
    assert code == 2 and "cannot be undone" in err
    db.open_database(database)
    assert Customer.select().count() == 1 and Order.select().count() == 1


# -- export and round trips -------------------------------------------------------------


def test_export_import_export_is_byte_identical_for_every_kind(tmp_path):
    source = tmp_path / "demo.sqlite3"
    db.open_database(source)
    from app.demo import load_demo

    load_demo(AS_OF)
    first = {kind: tmp_path / f"{kind}-1.csv" for kind in KIND_ORDER}
    counts = {kind: pipeline.export_kind(kind, path) for kind, path in first.items()}
    assert counts["customers"] == 60 and counts["leads"] == 120
    db.close_database()
    db.open_database(tmp_path / "copy.sqlite3")
    for kind in KIND_ORDER:
        result = import_file(kind, first[kind])
        assert (result.imported, result.rejected) == (counts[kind], 0), kind
    for kind in KIND_ORDER:
        second = tmp_path / f"{kind}-2.csv"
        pipeline.export_kind(kind, second)
        assert second.read_bytes() == first[kind].read_bytes(), kind


def test_export_writes_utf8_with_bom_and_the_interface_language_headers(demo_db, tmp_path):
    from app import i18n

    path = tmp_path / "orders.csv"
    pipeline.export_kind("orders", path)
    assert path.read_bytes().startswith(b'\xef\xbb\xbf"customer","date","amount"')
    i18n.set_language("zh_CN")
    pipeline.export_kind("orders", path)
    assert path.read_bytes().decode("utf-8-sig").startswith('"客户名称","日期","金额"')


def test_xlsx_export_keeps_numbers_and_dates_typed_and_imports_back(demo_db, tmp_path):
    path = tmp_path / "orders.xlsx"
    count = pipeline.export_kind("orders", path)
    sheet = openpyxl.load_workbook(path).active
    header, first = [c.value for c in sheet[1]], sheet[2]
    assert header == ["customer", "date", "amount", "product", "quantity", "notes"]
    assert first[1].is_date and first[2].data_type == "n" and first[4].data_type == "n"
    before = [(o.customer_id, o.date, o.amount_fen, o.quantity) for o in Order.select()]
    Order.delete().execute()
    result = import_file("orders", path)
    assert (result.imported, result.rejected) == (count, 0)
    assert [(o.customer_id, o.date, o.amount_fen, o.quantity) for o in Order.select()] == before


INJECTION_PAYLOADS = [
    "=1+2",
    "+1+2",
    "-1+2",
    "@SUM(A1:A2)",
    "\t=1+2",
    "\r=1+2",
    " =1+2",
    '"=1+2',
    '=HYPERLINK("http://example.com","click")',
    "=cmd|' /C calc'!A0",
    "a;=1+2",
    "a,=1+2",
    'a",=1+2',
    "'=1+2",
    "'hello",
    "''",
    "-",
    "普通客户",
    "＝1+2",
]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def test_formula_payloads_are_neutralised_and_come_back_unchanged(db_path, tmp_path):
    for index, payload in enumerate(INJECTION_PAYLOADS):
        Customer.create(
            name=f"客户{index}", notes=payload, contact=payload, created=AS_OF, phone=str(index)
        )
    csv_path, xlsx_path = tmp_path / "c.csv", tmp_path / "c.xlsx"
    pipeline.export_kind("customers", csv_path)
    pipeline.export_kind("customers", xlsx_path)
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        for row in list(csv.reader(handle))[1:]:
            for cell in row:
                assert not cell.lstrip(' "').startswith(TRIGGERS), cell
    # XLSX: each text cell is a text cell holding the value as stored, with no visible `'`
    # in front (a spreadsheet never runs a text cell), and the sheet holds no formula.
    sheet = openpyxl.load_workbook(xlsx_path).active
    assert [row[1].value for row in sheet.iter_rows(min_row=2)] == [
        payload.replace("\r", "\n") if payload.startswith("\r") else payload
        for payload in INJECTION_PAYLOADS
    ]
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f", cell.value
            if isinstance(cell.value, str):
                assert cell.data_type == "s", cell.value
    with zipfile.ZipFile(xlsx_path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml and b"<f " not in sheet_xml
    db.close_database()
    for source in (csv_path, xlsx_path):
        db.open_database(tmp_path / f"from-{source.suffix[1:]}.sqlite3")
        import_file("customers", source)
        notes = [c.notes for c in Customer.select().order_by(Customer.id)]
        expected = INJECTION_PAYLOADS
        if source.suffix == ".xlsx":  # XML stores a carriage return as a line feed
            expected = [payload.replace("\r", "\n") for payload in expected]
        assert notes == expected, source.suffix
        db.close_database()


# -- a column at a time ------------------------------------------------------------------

ODD_CELLS = [
    "",
    "  ",
    None,
    "'=1+1",
    "''quoted",
    " padded ",
    "2026-11-01",
    "2026-13-01",
    "20261101",
    "2026/11/1",
    "2026年11月1日",
    "100",
    "007",
    "1,200",
    "¥300",
    "12.5",
    "-5",
    "١٢",
    "²",
    "9" * 20,
    "a",
    "A",
    " b ",
    "OPEN",
    "赢单",
    "yes",
    "否",
    "Y",
    "2",
    "x;y",
    13800001111,
    12.0,
    True,
    date(2026, 11, 2),
    datetime(2026, 11, 2, 9, 0),
]


@pytest.mark.parametrize(
    "kind, key",
    [
        ("leads", "name"),
        ("leads", "notes"),
        ("leads", "tier"),
        ("leads", "outcome"),
        ("leads", "created"),
        ("leads", "expected_amount"),
        ("leads", "tags"),
        ("activities", "count"),
        ("activities", "effective"),
        ("activities", "kind"),
        ("activities", "date"),
        ("plan_lines", "average_order"),
    ],
)
def test_a_column_read_at_once_equals_cell_by_cell(kind, key):
    """The quick path of each type gives exactly what the cell-by-cell parser gives (or
    leaves the column to it), for usual cells alone and mixed with odd ones."""
    column = KINDS[kind].column(key)
    usual = {
        "text": ["甲", "乙 "],
        "date": ["2026-11-01", ""],
        "money": ["100", "0"],
        "count": ["3", ""],
        "bool": ["yes", "否"],
        "tags": ["", " "],
        "word": [next(iter(column.words or {"": 0})), ""],
        "positive_money": ["5", "6"],
    }[column.type]
    if column.required:
        usual = [cell for cell in usual if cell.strip()]
    if column.quick is not None:  # the usual spellings do take the quick path
        assert (
            column.quick(list(usual), column.blank)
            == fields.parse_column(list(usual), column.parse, None, column.blank)[0]
        )
    for cells in (usual, usual + ODD_CELLS, ODD_CELLS):
        for blank in (column.blank, fields.MISSING):
            quick = fields.parse_column(list(cells), column.parse, column.quick, blank)
            slow = fields.parse_column(list(cells), column.parse, None, blank)
            assert quick == slow, (cells, blank)


# -- the closing day and the day a contact left ------------------------------------------


def _import_month(folder, today):
    """The same four files, imported on `today`; returns the month's summary on AS_OF."""
    from app.figures import month_summary

    files = {
        "customers": [
            ["name", "channel", "contact_left", "contact_left_on"],
            ["甲公司", "展会", "yes", "2026-11-10"],
            ["乙公司", "展会", "", ""],
        ],
        "leads": [
            ["name", "channel", "created", "outcome", "closed"],
            ["赢单", "展会", "2026-11-02", "won", "2026-11-12"],
            ["输单", "展会", "2026-11-03", "lost", "2026-11-13"],
            ["明天赢", "展会", "2026-11-04", "won", "2026-11-21"],  # as-of + 1
            ["跟进中", "展会", "2026-11-05", "open", ""],
        ],
        "orders": [
            ["customer", "date", "amount"],
            ["乙公司", "2026-11-06", "1000"],
            ["乙公司", "2026-11-21", "500"],  # as-of + 1
        ],
        "channels": [["channel", "month", "cost"], ["展会", "2026-11", "400"]],
    }
    for kind, rows in files.items():
        path = write_csv(folder / f"{kind}.csv", rows)
        result = pipeline.run_import(pipeline.plan_import(kind, path), today=today)
        assert result.rejected == 0, kind
    return month_summary("2026-11", AS_OF)


def test_files_with_their_dates_give_the_same_summary_whatever_day_they_are_imported(tmp_path):
    summaries = []
    for name, today in (("a", date(2026, 11, 20)), ("b", date(2027, 3, 1))):
        (tmp_path / name).mkdir()
        db.open_database(tmp_path / name / "repdesk.sqlite3")
        summaries.append(_import_month(tmp_path / name, today))
        db.close_database()
    assert summaries[0] == summaries[1]
    # 4 leads created 2–5 Nov; won by the 20th: 赢单 only (明天赢 closes on the 21st): 1 ÷ 4;
    # deals and revenue: 乙's order of the 6th (not the 21st's); (1,000 − 400) ÷ 400 = 1.5
    assert summaries[0]["channels"] == [
        {
            "channel": "展会",
            "cost": 400.0,
            "leads": 4,
            "won": 1,
            "deals": 1,
            "revenue": 1000.0,
            "conversion": 0.25,
            "roi": 1.5,
        }
    ]
    # 甲's contact left on the 10th: the win-back is due 7 days later, the 17th
    assert {"date": "2026-11-17", "customer": "甲公司", "kind": "win_back"} in summaries[0][
        "lifecycle_due"
    ]
    # open on as-of: 跟进中 and 明天赢 (won only on the 21st), both tier B
    assert (summaries[0]["leads"]["B"], summaries[0]["actual"]["revenue"]) == (2, 1000.0)


def test_without_their_dates_the_days_are_the_imports_own(db_path, tmp_path):
    customers = write_csv(tmp_path / "c.csv", [["name", "contact_left"], ["甲公司", "yes"]])
    leads_file = write_csv(
        tmp_path / "l.csv",
        [["name", "created", "outcome"], ["赢单", "2026-11-02", "won"], ["跟进", "2026-11-02", ""]],
    )
    import_file("customers", customers)  # imported "today" = AS_OF, passed in
    import_file("leads", leads_file)
    assert Customer.get().contact_left_on == AS_OF
    assert Lead.get(Lead.name == "赢单").closed == AS_OF
    assert Lead.get(Lead.name == "跟进").closed is None
    # imported again on a later day: the days stay those first recorded
    for kind, path in (("customers", customers), ("leads", leads_file)):
        pipeline.run_import(pipeline.plan_import(kind, path), today=date(2026, 12, 5))
    assert Customer.get().contact_left_on == AS_OF
    assert Lead.get(Lead.name == "赢单").closed == AS_OF
    # and exported with them, so the file now carries them
    out = tmp_path / "leads-out.csv"
    pipeline.export_kind("leads", out)
    assert "closed" in out.read_text("utf-8-sig").splitlines()[0]
    assert f",won,{AS_OF.isoformat()}," in out.read_text("utf-8-sig").replace('"', "")


def test_the_day_a_contact_left_is_kept_as_the_file_gives_it(db_path, tmp_path):
    rows = [
        ["name", "contact_left", "contact_left_on"],
        ["已离职", "yes", "2026-11-10"],
        ["已回来", "no", "2026-10-01"],  # came back: not left, the old day kept as written
        ["未离职", "no", ""],
    ]
    import_file("customers", write_csv(tmp_path / "c.csv", rows))
    found = {c.name: (c.contact_left, c.contact_left_on) for c in Customer.select()}
    assert found == {
        "已离职": (True, date(2026, 11, 10)),
        "已回来": (False, date(2026, 10, 1)),
        "未离职": (False, None),
    }
    out = tmp_path / "out.csv"
    pipeline.export_kind("customers", out)
    text = out.read_text("utf-8-sig").replace('"', "")
    assert ",yes,2026-11-10," in text and ",no,2026-10-01," in text
