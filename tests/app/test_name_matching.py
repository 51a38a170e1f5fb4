"""Customers and leads matched by their normalised name (docs/reference.md): re-importing
updates and never duplicates, a blank cell never erases, a name twice in one file is
rejected by line, orders/activities/tasks and lead conversion find the same record, and a
second record of the same name is refused."""

from datetime import date

import pytest

from app import leads, names
from app.errors import UserError
from app.io import pipeline
from app.models import Activity, Customer, ImportBatch, Lead, Order, Task
from tests.app.test_import_export import error_lines, import_file, write_csv
from tests.conftest import AS_OF


@pytest.mark.parametrize(
    "written, stored",
    [
        ("ABC（杭州）有限公司", "abc(杭州)有限公司"),
        ("  ＡＢＣ(杭州)有限公司 ", "abc(杭州)有限公司"),
        ("Hangzhou   Huadong  Pharma", "hangzhou huadong pharma"),
        ("１２３ 公司", "123 公司"),
    ],
)
def test_normalise_name(written, stored):
    assert names.normalise_name(written) == stored


def test_reimporting_updates_and_never_duplicates(db_path, tmp_path):
    first = [
        ["公司名称", "联系人", "手机", "行业", "年营收"],
        ["ABC（杭州）有限公司", "王伟", "13800001111", "制造业", "8000万"],
        ["嘉兴瑞丰物流有限公司", "李娜", "", "物流", ""],
    ]
    import_file("customers", write_csv(tmp_path / "a.csv", first))
    again = [
        ["公司名称", "联系人", "手机", "行业", "年营收"],
        # the same companies: full-width letters, other spaces and case, blank cells
        [" ａｂｃ(杭州)有限公司 ", "", "", "医药", ""],
        ["嘉兴瑞丰物流有限公司", "", "13512345678", "", "1200万"],
    ]
    result = import_file("customers", write_csv(tmp_path / "b.csv", again))
    assert (result.imported, result.rejected) == (2, 0)
    rows = [
        (c.name, c.contact, c.phone, c.industry, c.annual_revenue_fen)
        for c in Customer.select().order_by(Customer.id)
    ]
    assert rows == [
        # the stored spelling stays; blank cells left contact, phone and revenue alone
        ("ABC（杭州）有限公司", "王伟", "13800001111", "医药", 8_000_0000_00),
        ("嘉兴瑞丰物流有限公司", "李娜", "13512345678", "物流", 1200_0000_00),
    ]


def test_undo_of_an_update_by_normalised_name_puts_the_record_back(db_path, tmp_path):
    import_file("leads", write_csv(tmp_path / "a.csv", [["name", "stage"], ["Acme Ltd", "初访"]]))
    import_file("leads", write_csv(tmp_path / "b.csv", [["name", "stage"], ["ACME  LTD", "报价"]]))
    assert [(lead.name, lead.stage) for lead in Lead.select()] == [("Acme Ltd", "报价")]
    pipeline.undo_batch(ImportBatch.select().order_by(ImportBatch.id.desc()).get().id)
    assert [(lead.name, lead.stage) for lead in Lead.select()] == [("Acme Ltd", "初访")]


def test_a_name_twice_in_one_file_rejects_the_later_row_by_line(db_path, tmp_path):
    rows = [
        ["线索名称", "手机"],
        ["Acme Ltd", "1"],
        ["嘉兴瑞丰", "2"],
        ["ACME　LTD", "3"],  # an ideographic space
        ["嘉兴瑞丰 ", "4"],
    ]
    result = import_file("leads", write_csv(tmp_path / "l.csv", rows))
    assert error_lines(result, "leads") == [
        "line 4: name: duplicate of line 2",
        "line 5: name: duplicate of line 3",
    ]
    assert [(lead.name, lead.phone) for lead in Lead.select()] == [
        ("Acme Ltd", "1"),
        ("嘉兴瑞丰", "2"),
    ]


def test_orders_activities_and_tasks_find_their_customer_or_lead_by_normalised_name(
    db_path, tmp_path
):
    Customer.create(name="ABC（杭州）有限公司", created=AS_OF)
    Lead.create(name="Acme Ltd", created=AS_OF)
    orders = [["客户名称", "日期", "金额"], ["abc(杭州)有限公司 ", "2026-11-02", "100"]]
    assert import_file("orders", write_csv(tmp_path / "o.csv", orders)).rejected == 0
    activities = [
        ["date", "kind", "customer", "lead"],
        ["2026-11-02", "visit", "ＡＢＣ（杭州）有限公司", "acme  ltd"],
    ]
    assert import_file("activities", write_csv(tmp_path / "a.csv", activities)).rejected == 0
    tasks = [["title", "customer", "lead"], ["回访", "Abc(杭州)有限公司", "ACME LTD"]]
    assert import_file("tasks", write_csv(tmp_path / "t.csv", tasks)).rejected == 0
    customer, lead = Customer.get(), Lead.get()
    assert Order.get().customer_id == customer.id
    assert (Activity.get().customer_id, Activity.get().lead_id) == (customer.id, lead.id)
    assert (Task.get().customer_id, Task.get().lead_id) == (customer.id, lead.id)


def test_winning_a_lead_joins_the_customer_of_the_same_normalised_name(db_path):
    customer = Customer.create(name="ABC（杭州）有限公司", phone="0571-1", created=AS_OF)
    lead = Lead.create(name="abc(杭州)有限公司", phone="138", created=AS_OF)
    conversion = leads.win(lead.id, date(2026, 11, 20), 5000_00)
    assert (conversion.customer_id, conversion.new_customer) == (customer.id, False)
    assert Customer.select().count() == 1


def test_a_second_record_of_the_same_name_is_refused(db_path):
    first = leads.add_customer("ABC（杭州）有限公司", AS_OF)
    with pytest.raises(UserError) as refused:
        leads.add_customer(" ａｂｃ(杭州)有限公司", AS_OF)
    assert str(refused.value) == "There is already a customer named ABC（杭州）有限公司."
    other = leads.add_customer("嘉兴瑞丰", AS_OF)
    with pytest.raises(UserError):
        leads.edit_customer(other, AS_OF, name="abc(杭州)有限公司")
    leads.edit_customer(first, AS_OF, name="ABC（杭州）有限公司 总部")  # its own name: fine
    leads.add_lead("Acme Ltd", AS_OF)
    with pytest.raises(UserError, match="There is already a lead named Acme Ltd."):
        leads.add_lead("ACME LTD", AS_OF)
    assert Customer.select().count() == 2 and Lead.select().count() == 1


def test_the_preview_says_what_is_added_and_what_is_updated(db_path, tmp_path):
    Customer.create(name="甲公司", phone="138", industry="制造业", created=AS_OF)
    Customer.create(name="乙公司", phone="139", industry="零售", created=AS_OF)
    rows = [
        ["客户名称", "电话", "行业", "标签"],
        ["甲公司", "137", "制造业", ""],  # updates phone
        ["乙公司", "", "物流", "大客户"],  # updates industry and tags; phone blank: kept
        ["丙公司", "", "", ""],  # new
        ["丁公司", "", "", ""],  # new
        ["", "", "", ""],  # blank line: no row
        ["甲公司 ", "1", "", ""],  # duplicate of line 2: rejected
    ]
    plan = pipeline.plan_import("customers", write_csv(tmp_path / "c.csv", rows))
    previewed = pipeline.preview(plan, AS_OF)
    plan.table.close()
    assert [error.text(plan.kind) for _, _, error in previewed if error] == [
        "line 7: name: duplicate of line 2"
    ]
    assert plan.outlook.adds == 2
    assert plan.outlook.updates == {2: ["phone"], 3: ["industry", "tags"]}
    assert plan.outlook.changed_columns == ["phone", "industry", "tags"]
    assert Customer.select().count() == 2  # the preview wrote nothing


def test_an_order_naming_two_same_named_customers_points_to_find_duplicates(db_path, tmp_path):
    Customer.create(name="ABC公司", created=AS_OF)
    Customer.create(name="ａｂｃ公司", created=AS_OF)  # written before names were matched
    rows = [["customer", "date", "amount"], ["ABC公司", "2026-11-02", "100"]]
    result = import_file("orders", write_csv(tmp_path / "o.csv", rows))
    assert error_lines(result, "orders") == [
        "line 2: customer: several customers have this name (File → Find duplicates… merges them)"
    ]
