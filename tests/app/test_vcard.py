"""`repdesk import contacts FILE.vcf [--as leads|customers]`: a phone's or mail client's
contacts (docs/reference.md, "vCard contacts"). The fixtures are written here the way
Android (vCard 2.1, quoted-printable UTF-8) and macOS Contacts (3.0) export, and as 4.0."""

import quopri

from app import contacts, db
from app.io import pipeline
from app.models import Contact, Customer, ImportBatch, Lead
from tests.conftest import AS_OF


def qp(text: str) -> str:
    """Quoted-printable UTF-8 as Android writes it (every non-ASCII byte as =XX)."""
    return quopri.encodestring(text.encode("utf-8")).decode("ascii").replace("=\n", "")


NOTE = qp("展会上认识的采购经理，很重视价格和交付周期，下次带样品")

# Android's export: 2.1, CRLF, N and FN and ORG quoted-printable, a note folded with soft
# line breaks (`=` at the end of a line), a work number before the mobile one.
ANDROID = "\r\n".join(
    [
        "BEGIN:VCARD",  # line 1
        "VERSION:2.1",
        f"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp('王')};{qp('伟')};;;",
        f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp('王伟')}",
        "TEL;WORK:0571-88886666",
        "TEL;CELL:138 0000 1111",
        f"ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp('杭州华东医药有限公司')}",
        f"NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{NOTE[:45]}=",
        NOTE[45:],
        "END:VCARD",
        "BEGIN:VCARD",  # line 11: no ORG, no FN: the name is N, family first
        "VERSION:2.1",
        f"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp('李')};{qp('娜')};;;",
        "TEL;HOME:0573-1234567",
        "END:VCARD",
        "BEGIN:VCARD",  # line 16: a number and nothing else: no name at all
        "VERSION:2.1",
        "TEL;CELL:139 0000 3333",
        "END:VCARD",
        "BEGIN:VCARD",  # line 20: damaged (a line that is no property)
        "VERSION:2.1",
        "FN:坏名片",
        "THIS LINE HAS NO COLON",
        "END:VCARD",
        "BEGIN:VCARD",  # line 25
        "VERSION:2.1",
        "FN:Zhang San",
        "TEL;CELL;PREF:+86 139 0000 2222",
        "END:VCARD",
        "",
    ]
)

MACOS = "\n".join(
    [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "PRODID:-//Apple Inc.//macOS 14.4//EN",
        "N:王;伟;;;",
        "FN:王伟",
        "ORG:ＡＢＣ（杭州）有限公司;销售部",
        "TITLE:采购经理",
        "EMAIL;type=INTERNET;type=WORK;type=pref:wangwei@abc.example",
        "EMAIL;type=INTERNET;type=HOME:ww@home.example",
        "TEL;type=WORK;type=VOICE;type=pref:0571-88886666",
        "TEL;type=CELL;type=VOICE:138 0000 1111",
        "item1.TEL:139 1111 2222",
        "item1.X-ABLabel:_$!<Other>!$_",
        "BDAY;value=date:1985-03-05",
        "NOTE:展会认识\\, 喜欢喝茶",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:4.0",
        "FN:张三",
        "N:张;三;;;",
        'TEL;VALUE=uri;TYPE="voice,cell":tel:+86-139-0000-2222',
        "TEL;VALUE=uri;TYPE=work:tel:+86-571-1",
        "EMAIL:zhang@example.com",
        "BDAY:--0305",
        "END:VCARD",
        "",
    ]
)


def test_an_android_export_imports_each_card_as_a_lead(cli, tmp_path):
    path = tmp_path / "00001.vcf"
    path.write_bytes(ANDROID.encode("utf-8"))
    database = tmp_path / "r.sqlite3"
    code, out, err = cli("--db", database, "import", "contacts", path)
    assert code == 1
    assert err.splitlines() == [
        "line 16: name: required",
        "line 20: name: not a readable contact card",
    ]
    assert out == "Imported 3 rows, rejected 2 (import 1).\n"
    db.open_database(database)
    leads = [(lead.name, lead.contact, lead.phone, lead.notes) for lead in Lead.select()]
    assert leads == [
        (
            "杭州华东医药有限公司",
            "王伟",
            "138 0000 1111",  # the mobile number, though the work one comes first
            "展会上认识的采购经理，很重视价格和交付周期，下次带样品",
        ),
        ("李娜", "李娜", "0573-1234567", ""),
        ("Zhang San", "Zhang San", "+86 139 0000 2222", ""),
    ]
    assert Customer.select().count() == 0


def test_macos_contacts_and_vcard_4_as_customers(cli, tmp_path):
    path = tmp_path / "Contacts.vcf"
    path.write_text(MACOS, encoding="utf-8")
    database = tmp_path / "r.sqlite3"
    code, out, err = cli("--db", database, "import", "contacts", path, "--as", "customers")
    assert (code, err) == (0, "")
    db.open_database(database)
    customers = [
        (c.name, c.contact, c.phone, c.email, c.birthday, c.notes)
        for c in Customer.select().order_by(Customer.id)
    ]
    assert customers == [
        (
            "ＡＢＣ（杭州）有限公司",
            "王伟",
            "138 0000 1111",
            "wangwei@abc.example",
            "1985-03-05",
            "展会认识, 喜欢喝茶",
        ),
        ("张三", "张三", "+86-139-0000-2222", "zhang@example.com", "03-05", ""),
    ]


def test_importing_the_same_contacts_again_updates_them(db_path, tmp_path):
    path = tmp_path / "Contacts.vcf"
    path.write_text(MACOS, encoding="utf-8")
    first = pipeline.run_import(pipeline.plan_import("customers", path), AS_OF)
    Customer.update(industry="医药").where(Customer.contact == "王伟").execute()
    path.write_text(MACOS.replace("138 0000 1111", "138 0000 9999"), encoding="utf-8")
    second = pipeline.run_import(pipeline.plan_import("customers", path), AS_OF)
    assert (first.imported, second.imported, second.rejected) == (2, 2, 0)
    assert [(c.name, c.phone, c.industry) for c in Customer.select().order_by(Customer.id)] == [
        ("ＡＢＣ（杭州）有限公司", "138 0000 9999", "医药"),  # the industry was kept
        ("张三", "+86-139-0000-2222", ""),
    ]
    pipeline.undo_batch(second.batch_id)
    assert Customer.get(contact="王伟").phone == "138 0000 1111"
    assert ImportBatch.select().count() == 2


def test_cards_of_one_company_become_contacts_of_one_record(db_path, tmp_path):
    cards = "".join(
        f"BEGIN:VCARD\nVERSION:3.0\nFN:{person}\nTITLE:{title}\nTEL;TYPE=CELL:{phone}\n"
        f"ORG:{org}\nEND:VCARD\n"
        for person, title, phone, org in (
            ("李娜", "采购经理", "135", "嘉兴瑞丰物流有限公司"),
            ("赵强", "总经理", "136", "嘉兴瑞丰物流有限公司"),
            ("孙丽", "财务", "137", "嘉兴瑞丰物流有限公司 "),
            ("周杰", "", "138", "宁波正泰"),
        )
    )
    path = tmp_path / "company.vcf"
    path.write_text(cards, encoding="utf-8")
    plan = pipeline.plan_import("leads", path)
    pipeline.preview(plan, AS_OF)
    plan.table.close()
    assert (plan.outlook.adds, plan.outlook.updates, plan.outlook.contacts) == (
        2,
        {},
        [8, 15],
    )  # 7 lines a card
    result = pipeline.run_import(pipeline.plan_import("leads", path), AS_OF)
    assert (result.imported, result.rejected) == (4, 0)
    assert [(lead.name, lead.contact, lead.phone) for lead in Lead.select()] == [
        ("嘉兴瑞丰物流有限公司", "李娜", "135"),  # the first card: the main contact
        ("宁波正泰", "周杰", "138"),
    ]
    ruifeng = Lead.get(name="嘉兴瑞丰物流有限公司")
    expected = [
        {"name": "赵强", "title": "总经理", "phone": "136", "email": "", "role": ""},
        {"name": "孙丽", "title": "财务", "phone": "137", "email": "", "role": ""},
    ]
    assert contacts.contacts_of("leads", ruifeng.id) == expected
    again = pipeline.run_import(pipeline.plan_import("leads", path), AS_OF)  # never doubles
    assert again.rejected == 0
    assert contacts.contacts_of("leads", ruifeng.id) == expected
    pipeline.undo_batch(result.batch_id + 1)
    pipeline.undo_batch(result.batch_id)
    assert Lead.select().count() == 0 and Contact.select().count() == 0


def test_a_vcf_file_is_read_whatever_the_kind_words(db_path, tmp_path):
    path = tmp_path / "contacts.vcf"
    path.write_text(MACOS, encoding="utf-8")
    plan = pipeline.plan_import("leads", path)
    assert plan.table.encoding == "vCard"
    assert plan.unknown_columns == []  # a lead has no email or birthday: not reported
    assert plan.table.total == 2
    plan.table.close()


def test_as_goes_with_contacts_only(cli, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("name\n甲\n", encoding="utf-8")
    code, out, err = cli("--db", tmp_path / "r.sqlite3", "import", "orders", path, "--as", "leads")
    assert (code, out) == (2, "")
    assert err == "repdesk: --as goes with import contacts FILE.vcf only.\n"
