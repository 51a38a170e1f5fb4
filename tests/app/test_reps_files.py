"""A rep's own files as they are (docs/reference.md, "Cells as reps' own spreadsheets"):
money in 万 and 亿, dates with dots, other encodings, broken CSV, huge amounts, long cells,
formulas without values and zip bombs. Each cell form is written beside its stored value.
"""

import zipfile
from datetime import date

import openpyxl
import pytest

from app import db
from app.io import fields, pipeline
from app.models import Customer, Lead, Order
from tests.app.test_import_export import error_lines, import_file, write_csv, write_xlsx
from tests.conftest import AS_OF

# -- cells as reps write them -----------------------------------------------------------


@pytest.mark.parametrize(
    "cell, fen",
    [
        ("8000万", 8_000_0000_00),  # 8000 × 10,000 yuan = 80,000,000 yuan
        ("1200万", 1200_0000_00),  # 12,000,000 yuan
        ("3.5亿", 3_5000_0000_00),  # 3.5 × 100,000,000 = 350,000,000 yuan
        ("1.2万元", 1_2000_00),  # 12,000 yuan
        ("1.23456万", 1_2345_60),  # 12,345.6 yuan
        ("¥84,000.50", 84_000_50),
        ("￥1,234", 1_234_00),
        ("１２３", 123_00),  # full-width digits
        ("１，２３４．５", 1_234_50),  # full-width comma and point
        ("12,345,678", 12_345_678_00),
        ("84000.5元", 84_000_50),
        ("¥ 500", 500_00),
        ("1000000000", 1_000_000_000_00),  # exactly the limit
    ],
)
def test_money_as_reps_write_it(db_path, tmp_path, cell, fen):
    rows = [["客户名称", "年营收"], ["甲", cell]]
    result = import_file("customers", write_csv(tmp_path / "c.csv", rows))
    assert (result.imported, result.rejected) == (1, 0), error_lines(result, "customers")
    assert Customer.get().annual_revenue_fen == fen


@pytest.mark.parametrize(
    "cell, reason",
    [
        ("12,50", "ambiguous comma"),
        ("1,2,3", "ambiguous comma"),
        ("1,2345", "ambiguous comma"),
        ("1e20", "more than ¥1,000,000,000"),
        ("1e309", "more than ¥1,000,000,000"),
        ("1000000000.01", "more than ¥1,000,000,000"),
        ("11亿", "more than ¥1,000,000,000"),
        ("inf", "not a finite number"),
        ("NaN", "not a finite number"),
        ("1.0000001万", "more than two decimals"),  # 10,000.001 yuan
        ("-5万", "must not be negative"),
    ],
)
def test_money_that_cannot_be_stored_rejects_its_row_by_line(db_path, tmp_path, cell, reason):
    rows = [["客户名称", "年营收"], ["甲", "1"], ["乙", cell]]
    result = import_file("customers", write_csv(tmp_path / "c.csv", rows))
    assert result.imported == 1
    assert len(result.errors) == 1
    assert error_lines(result, "customers")[0].startswith(f"line 3: annual_revenue: {reason}")


def test_a_huge_float_cell_in_xlsx_is_rejected_not_stored(db_path, tmp_path):
    path = write_xlsx(
        tmp_path / "c.xlsx",
        [["name", "annual_revenue", "budget"], ["甲", 1e20, 5], ["乙", "1e309", 5]],
    )
    result = import_file("customers", path)
    assert error_lines(result, "customers") == [
        "line 2: annual_revenue: more than ¥1,000,000,000",
        "line 3: annual_revenue: more than ¥1,000,000,000",
    ]
    assert Customer.select().count() == 0


def test_counts_beyond_any_real_number_are_rejected(db_path, tmp_path):
    Customer.create(name="甲", created=AS_OF)
    rows = [["date", "kind", "customer", "count"], ["2026-11-02", "visit", "甲", "1e20"]]
    result = import_file("activities", write_csv(tmp_path / "a.csv", rows))
    assert error_lines(result, "activities") == ["line 2: count: more than 1,000,000,000"]


@pytest.mark.parametrize(
    "cell, day",
    [
        ("2026.3.5", date(2026, 3, 5)),
        ("2026-3-5", date(2026, 3, 5)),
        ("2026.03.05", date(2026, 3, 5)),
        ("2026/3/5", date(2026, 3, 5)),
        ("2026年3月5日", date(2026, 3, 5)),
        ("２０２６-３-５", date(2026, 3, 5)),
    ],
)
def test_dates_as_reps_write_them(db_path, tmp_path, cell, day):
    Customer.create(name="甲", created=AS_OF)
    rows = [["客户名称", "日期", "金额"], ["甲", cell, "1万"]]
    result = import_file("orders", write_csv(tmp_path / "o.csv", rows))
    assert result.rejected == 0, error_lines(result, "orders")
    assert (Order.get().date, Order.get().amount_fen) == (day, 1_0000_00)


def test_a_rate_with_an_ambiguous_comma_is_rejected(db_path, tmp_path):
    rows = [
        ["month", "product", "revenue", "average_order", "close_rate"],
        ["2026-11", "A", "10万", "1,000", "0,5"],
    ]
    result = import_file("plan_lines", write_csv(tmp_path / "p.csv", rows))
    assert error_lines(result, "plan_lines") == [
        "line 2: close_rate: ambiguous comma (not a thousands separator); write 12.50 or 1250"
    ]


# -- files that are not what they seem ----------------------------------------------------


def test_an_unbalanced_quote_is_refused_with_its_line(cli, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text('name,phone\n甲,138\n"乙,139\n丙,140\n丁,141\n', encoding="utf-8")
    database = tmp_path / "r.sqlite3"
    code, out, err = cli("--db", database, "import", "customers", path)
    assert code == 2 and out == ""
    assert err == (
        "repdesk: c.csv is not valid CSV: the cell starting on line 3 has an unbalanced quote.\n"
    )
    db.open_database(database)
    assert Customer.select().count() == 0  # nothing, not 甲 alone


def test_text_after_a_closing_quote_is_refused(db_path, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text('name,phone\n"乙" 公司,139\n', encoding="utf-8")
    with pytest.raises(pipeline.UserError, match="line 2 has an unbalanced quote"):
        import_file("customers", path)


def test_a_quoted_cell_over_several_lines_is_still_one_cell(db_path, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text('name,notes\n甲,"一\n二"\n乙,三\n', encoding="utf-8")
    assert import_file("customers", path).imported == 2
    assert [c.notes for c in Customer.select().order_by(Customer.id)] == ["一\n二", "三"]


ROWS_TW = [["客戶名稱", "電話"], ["台北市信義區科技股份有限公司", "0912345678"]]
ROWS_JP = [["name", "contact", "phone"], ["株式会社ソニー", "山田太郎", "0312345678"]]


@pytest.mark.parametrize(
    "rows, codec, name",
    [
        (ROWS_JP, "shift_jis", "Shift-JIS"),
        (ROWS_JP, "utf-16-le", "UTF-16"),
        (ROWS_JP, "utf-16-be", "UTF-16"),
        (ROWS_JP, "utf-16", "UTF-16"),  # with a byte order mark
    ],
)
def test_other_encodings_are_decoded_correctly(db_path, tmp_path, rows, codec, name):
    path = write_csv(tmp_path / "c.csv", rows, codec)
    plan = pipeline.plan_import("customers", path)
    assert plan.table.encoding == name
    result = pipeline.run_import(plan, AS_OF)
    assert result.rejected == 0
    customer = Customer.get()
    assert (customer.name, customer.contact) == ("株式会社ソニー", "山田太郎")


def test_a_big5_file_is_decoded_correctly(db_path, tmp_path):
    rows = [
        ["name", "contact", "phone"],
        ["台北市信義區科技股份有限公司", "陳國華", "0912345678"],
        ["高雄港務物流有限公司", "林雅婷", "07-1234567"],
    ]
    plan = pipeline.plan_import("leads", write_csv(tmp_path / "l.csv", rows, "big5"))
    assert plan.table.encoding == "Big5"
    pipeline.run_import(plan, AS_OF)
    assert [lead.name for lead in Lead.select().order_by(Lead.id)] == [
        "台北市信義區科技股份有限公司",
        "高雄港務物流有限公司",
    ]


def test_text_in_no_known_encoding_is_refused_naming_it(cli, tmp_path):
    path = tmp_path / "c.csv"
    # KOI8-R: Cyrillic that is neither UTF-8 nor any Chinese or Japanese encoding
    path.write_bytes("name,contact\nООО Ромашка,Иванов Иван Петрович\n".encode("koi8-r") * 5)
    code, out, err = cli("--db", tmp_path / "r.sqlite3", "import", "customers", path)
    assert code == 2 and out == ""
    assert "which is not UTF-8, GBK/GB18030, Big5 or Shift-JIS" in err
    assert err.count("\n") == 1


def test_gbk_with_a_few_rare_characters_stays_gbk(db_path, tmp_path):
    rows = [["客户名称", "联系人"], ["杭州华东医药有限公司", "王喆"], ["嘉兴瑞丰物流", "李珺"]]
    plan = pipeline.plan_import("customers", write_csv(tmp_path / "c.csv", rows, "gbk"))
    assert plan.table.encoding == "GB18030"
    pipeline.run_import(plan, AS_OF)
    assert [c.contact for c in Customer.select().order_by(Customer.id)] == ["王喆", "李珺"]


# -- long cells ------------------------------------------------------------------------------


def test_text_cells_of_100000_characters_round_trip_in_csv(db_path, tmp_path):
    long_notes = "长" * 99_999 + "x"  # 100,000 characters
    rows = [["name", "notes"], ["甲", long_notes], ["乙", "短"]]
    result = import_file("customers", write_csv(tmp_path / "c.csv", rows))
    assert (result.imported, result.rejected) == (2, 0)
    first = tmp_path / "out-1.csv"
    pipeline.export_kind("customers", first)
    Customer.delete().execute()
    assert import_file("customers", first).imported == 2
    assert Customer.get(name="甲").notes == long_notes
    second = tmp_path / "out-2.csv"
    pipeline.export_kind("customers", second)
    assert second.read_bytes() == first.read_bytes()


def test_a_longer_text_cell_rejects_its_row_with_its_line(db_path, tmp_path):
    rows = [["name", "notes"], ["甲", "短"], ["乙", "长" * 150_000]]
    result = import_file("customers", write_csv(tmp_path / "c.csv", rows))
    assert error_lines(result, "customers") == ["line 3: notes: longer than 100,000 characters"]
    assert result.imported == 1


def test_a_cell_longer_than_any_text_cell_is_refused_with_its_line(cli, tmp_path):
    path = write_csv(tmp_path / "c.csv", [["name", "notes"], ["甲", "短"], ["乙", "x" * 500_000]])
    code, _, err = cli("--db", tmp_path / "r.sqlite3", "import", "customers", path)
    assert code == 2
    assert err == "repdesk: c.csv: line 3 has a cell of more than 400,000 characters.\n"


def test_an_xlsx_export_of_a_cell_excel_cannot_hold_is_refused_naming_the_record(db_path, tmp_path):
    Customer.create(name="甲", notes="短", created=AS_OF)
    Customer.create(name="杭州长备注公司", notes="长" * 40_000, created=AS_OF)
    path = tmp_path / "c.xlsx"
    with pytest.raises(pipeline.UserError) as refused:
        pipeline.export_kind("customers", path)
    assert str(refused.value) == (
        "杭州长备注公司: notes has more than 32,767 characters, more than a spreadsheet cell "
        "holds; export to CSV instead."
    )
    assert not path.exists() and not path.with_name("c.xlsx.partial").exists()


# -- XLSX that is not what it seems ----------------------------------------------------------


def test_a_formula_without_a_stored_value_rejects_its_row(db_path, tmp_path):
    path = write_xlsx(
        tmp_path / "c.xlsx",
        [["name", "annual_revenue", "notes"], ["甲", 5, "a"], ["乙", "=B2*2", "b"], ["丙", 7, ""]],
    )  # openpyxl writes formulas without values, as any program that makes XLSX does
    result = import_file("customers", path)
    assert error_lines(result, "customers") == ["line 3: annual_revenue: formula without a value"]
    assert [c.name for c in Customer.select().order_by(Customer.id)] == ["甲", "丙"]


def test_a_formula_with_its_value_imports_the_value(db_path, tmp_path):
    path = write_xlsx(tmp_path / "c.xlsx", [["name", "annual_revenue"], ["甲", "=2*3"]])
    # As Excel saves it: the formula and the value it computed.
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    assert b"<f>2*3</f><v></v>" in sheet or b"<f>2*3</f><v />" in sheet
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(b"<v></v>", b"<v>6</v>").replace(
        b"<v />", b"<v>6</v>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    result = import_file("customers", path)
    assert result.rejected == 0
    assert Customer.get().annual_revenue_fen == 600


def test_an_xlsx_that_unpacks_past_200_mb_is_refused_before_reading(cli, tmp_path):
    path = write_xlsx(tmp_path / "bomb.xlsx", [["name"], ["甲"]])
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * (201 * 1024 * 1024))
    assert path.stat().st_size < 2_000_000
    code, out, err = cli("--db", tmp_path / "r.sqlite3", "import", "customers", path)
    assert code == 2 and out == ""
    assert err == "repdesk: bomb.xlsx unpacks to more than 200 MB; it is refused unread.\n"


def test_an_xlsx_with_xml_entities_is_refused(db_path, tmp_path):
    path = write_xlsx(tmp_path / "laughs.xlsx", [["name"], ["甲"]])
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    laughs = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
    laughs += b"".join(
        b'<!ENTITY a%d "&a%s;&a%s;&a%s;&a%s;&a%s;&a%s;&a%s;&a%s;&a%s;&a%s;">'
        % (i, *[b"" if i == 1 else b"%d" % (i - 1)] * 10)
        for i in range(1, 10)
    )
    laughs += b"]>"
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = laughs + sheet[sheet.index(b"<worksheet") :]
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(pipeline.UserError, match="not a CSV or XLSX file"):
        pipeline.plan_import("customers", path)


# -- XLSX text cells as stored ------------------------------------------------------------------


def test_xlsx_text_cells_import_as_they_stand(db_path, tmp_path):
    """A text cell typed in Excel as `'=1+2` is stored there as `=1+2` (a text cell): it
    imports as `=1+2`; a cell `'hello` keeps its quote."""
    path = write_xlsx(tmp_path / "c.xlsx", [["name", "notes"], ["甲", "x"], ["乙", "'hello"]])
    book = openpyxl.load_workbook(path)
    cell = book.active["B2"]
    cell.value, cell.data_type = "=1+2", "s"
    book.save(path)
    import_file("customers", path)
    assert [c.notes for c in Customer.select().order_by(Customer.id)] == ["=1+2", "'hello"]


def test_parse_money_is_exact_beside_its_arithmetic():
    assert fields.parse_money("3.5亿") == 35_000_000_000  # 3.5 × 10^8 yuan × 100 fen
    assert fields.parse_money(" ￥８，０００万元 ") == 8_000_000_000  # 8000 × 10^4 × 100
    assert fields.parse_money(84000.5) == 8_400_050  # an XLSX number cell


# -- header synonyms ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header, field, value",
    [
        ("手机", "phone", "13800001111"),
        ("手机号", "phone", "13800001111"),
        ("手机号码", "phone", "13800001111"),
        ("联系电话", "phone", "13800001111"),
        ("电话号码", "phone", "13800001111"),
        ("联系方式", "phone", "13800001111"),
        ("Mobile", "phone", "13800001111"),
        ("姓名", "contact", "王伟"),
        ("联系人姓名", "contact", "王伟"),
    ],
)
def test_header_synonyms_of_customers(db_path, tmp_path, header, field, value):
    rows = [["客户名称", header], ["杭州华东医药有限公司", value]]
    result = import_file("customers", write_csv(tmp_path / "c.csv", rows))
    assert result.rejected == 0
    assert getattr(Customer.get(), field) == value


@pytest.mark.parametrize("header", ["客户", "公司", "公司名称", "单位名称", "ｃｏｍｐａｎｙ"])
def test_customer_name_synonyms(db_path, tmp_path, header):
    rows = [[header, "电话"], ["杭州华东医药有限公司", "0571-1234"]]
    import_file("customers", write_csv(tmp_path / "c.csv", rows))
    assert (Customer.get().name, Customer.get().phone) == ("杭州华东医药有限公司", "0571-1234")


@pytest.mark.parametrize("header", ["线索", "公司名称"])
def test_lead_name_synonyms(db_path, tmp_path, header):
    rows = [[header, "手机"], ["嘉兴瑞丰物流有限公司", "13512345678"]]
    import_file("leads", write_csv(tmp_path / "l.csv", rows))
    assert (Lead.get().name, Lead.get().phone) == ("嘉兴瑞丰物流有限公司", "13512345678")


def test_an_orders_customer_column_by_a_synonym(db_path, tmp_path):
    Customer.create(name="杭州华东医药有限公司", created=AS_OF)
    rows = [["公司", "日期", "金额"], ["杭州华东医药有限公司", "2026.11.3", "1.5万"]]
    result = import_file("orders", write_csv(tmp_path / "o.csv", rows))
    assert result.rejected == 0
    assert (Order.get().date, Order.get().amount_fen) == (date(2026, 11, 3), 1_5000_00)


def test_the_mobile_column_is_preferred_and_the_other_reported_ignored(cli, tmp_path):
    """The rep's sheet (GBK, Chinese headers) from the issue: 联系电话 and 手机 both there."""
    rows = [
        ["公司名称", "联系人", "联系电话", "手机", "年营收"],
        ["杭州华东医药有限公司", "王伟", "0571-88886666", "13800001111", "8000万"],
        ["嘉兴瑞丰物流有限公司", "李娜", "0573-1234567", "13512345678", "3.5亿"],
    ]
    path = write_csv(tmp_path / "c.csv", rows, "gbk")
    database = tmp_path / "r.sqlite3"
    code, out, err = cli("--db", database, "import", "customers", path)
    assert (code, err) == (0, "Ignored columns: 联系电话\n")
    db.open_database(database)
    assert [(c.name, c.phone, c.annual_revenue_fen) for c in Customer.select()] == [
        ("杭州华东医药有限公司", "13800001111", 8_000_0000_00),  # 8000万 = 80,000,000 yuan
        ("嘉兴瑞丰物流有限公司", "13512345678", 3_5000_0000_00),  # 3.5亿 = 350,000,000 yuan
    ]


def test_the_own_header_wins_over_a_synonym(db_path, tmp_path):
    rows = [["电话", "联系电话", "客户名称", "公司"], ["0571-1", "0571-2", "甲", "乙"]]
    plan = pipeline.plan_import("customers", write_csv(tmp_path / "c.csv", rows))
    assert plan.mapping == {0: "phone", 2: "name"}
    assert plan.unknown_columns == ["联系电话", "公司"]


def test_two_equally_good_columns_are_still_refused(db_path, tmp_path):
    rows = [["name", "手机", "手机号"], ["甲", "1", "2"]]
    with pytest.raises(pipeline.UserError, match="Two columns of the file are both phone"):
        pipeline.plan_import("customers", write_csv(tmp_path / "c.csv", rows))


# -- XLSX exports that open well ------------------------------------------------------------


def test_an_xlsx_export_looks_like_a_reps_own_sheet(demo_db, tmp_path):
    path = tmp_path / "orders.xlsx"
    pipeline.export_kind("orders", path)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet.freeze_panes == "A2"  # the header row stays in view
    assert all(cell.font.bold for cell in sheet[1])
    header = [cell.value for cell in sheet[1]]
    assert header == ["customer", "date", "amount", "product", "quantity", "notes"]
    names = [row[0].value for row in sheet.iter_rows(min_row=2)]
    widest_name = max(len(name) for name in names) * 2  # Chinese characters count two
    assert sheet.column_dimensions["A"].width == min(widest_name + 2, 60)
    assert sheet.column_dimensions["B"].width == 10 + 2  # YYYY-MM-DD
    for row in sheet.iter_rows(min_row=2):
        customer, day, amount = row[0], row[1], row[2]
        assert customer.data_type == "s"
        assert day.is_date and day.number_format == "yyyy-mm-dd"
        assert amount.data_type == "n" and amount.number_format == '"¥"#,##0.00'
    with zipfile.ZipFile(path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml and b"<f " not in sheet_xml


def test_an_xlsx_export_imports_back_to_the_same_records(tmp_path):
    from app.demo import load_demo

    db.open_database(tmp_path / "demo.sqlite3")
    load_demo(AS_OF)
    kinds = ["channels", "customers", "leads", "orders", "activities", "targets", "plan_lines"]
    kinds.append("tasks")
    csv_before = {}
    for kind in kinds:
        pipeline.export_kind(kind, tmp_path / f"{kind}.xlsx")
        pipeline.export_kind(kind, tmp_path / f"{kind}-before.csv")
        csv_before[kind] = (tmp_path / f"{kind}-before.csv").read_bytes()
    db.close_database()
    db.open_database(tmp_path / "copy.sqlite3")
    for kind in kinds:
        result = import_file(kind, tmp_path / f"{kind}.xlsx")
        assert result.rejected == 0, (kind, error_lines(result, kind)[:3])
    for kind in kinds:
        pipeline.export_kind(kind, tmp_path / f"{kind}-after.csv")
        assert (tmp_path / f"{kind}-after.csv").read_bytes() == csv_before[kind], kind


def test_a_mobile_column_beats_even_the_phone_columns_own_name(db_path, tmp_path):
    rows = [["客户名称", "电话", "手机号码"], ["甲", "0571-1", "13800001111"]]
    plan = pipeline.plan_import("customers", write_csv(tmp_path / "c.csv", rows))
    assert (plan.mapping, plan.unknown_columns) == ({0: "name", 2: "phone"}, ["电话"])
    pipeline.run_import(plan, AS_OF)
    assert Customer.get().phone == "13800001111"
