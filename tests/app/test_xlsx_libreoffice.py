"""Slow check: the XLSX export as LibreOffice Calc (headless) reads it — the spreadsheet a
rep would open. `.ci/run` installs Debian's `libreoffice-calc-nogui` for it."""

import csv
import shutil
import subprocess
import zipfile

import openpyxl
import pytest

from app import db
from app.io import pipeline
from app.models import Customer, Order
from tests.app.test_import_export import INJECTION_PAYLOADS, import_file
from tests.conftest import AS_OF

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed"),
]


def convert(source, target_format, out_dir, profile):
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            target_format,
            "--outdir",
            str(out_dir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out_dir / f"{source.stem}.{target_format.split(':')[0]}"


def test_libreoffice_shows_the_export_as_written_and_runs_no_formula(tmp_path):
    db.open_database(tmp_path / "r.sqlite3")
    for index, payload in enumerate(INJECTION_PAYLOADS):
        customer = Customer.create(name=f"客户{index}", notes=payload, created=AS_OF)
        Order.create(customer=customer, date=AS_OF, amount_fen=123_456_78 + index)
    pipeline.export_kind("customers", tmp_path / "customers.xlsx")
    pipeline.export_kind("orders", tmp_path / "orders.xlsx")
    out = tmp_path / "out"
    out.mkdir()
    profile = tmp_path / "profile"

    # What a rep sees: the cells as displayed, text without a `'`, money in ¥, ISO dates.
    shown = convert(
        tmp_path / "orders.xlsx", "csv:Text - txt - csv (StarCalc):44,34,76", out, profile
    )
    with shown.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["customer", "date", "amount", "product", "quantity", "notes"]
    assert rows[1][:3] == ["客户0", "2026-11-20", "¥123,456.78"]  # 12,345,678 fen

    # Saved again by LibreOffice: still no formula anywhere, the text cells unchanged.
    saved_dir = tmp_path / "saved"
    saved_dir.mkdir()
    saved = convert(tmp_path / "customers.xlsx", "xlsx", saved_dir, profile)
    with zipfile.ZipFile(saved) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml and b"<f " not in sheet_xml
    sheet = openpyxl.load_workbook(saved).active
    notes_column = [cell.value for cell in sheet[1]].index("notes")
    expected = [payload.replace("\r", "\n") for payload in INJECTION_PAYLOADS]  # XML: CR → LF
    notes = [row[notes_column] for row in sheet.iter_rows(min_row=2)]
    assert [cell.value for cell in notes] == expected
    assert {cell.data_type for cell in notes} == {"s"}
    db.close_database()

    # And LibreOffice's file imports back to the same records.
    db.open_database(tmp_path / "back.sqlite3")
    result = import_file("customers", saved)
    assert (result.imported, result.rejected) == (len(INJECTION_PAYLOADS), 0)
    assert [c.notes for c in Customer.select().order_by(Customer.id)] == expected
