"""Several contacts per customer and lead (the decision chain): the list beyond the main
contact, its migration, undo, and a phone's cards of one company."""

import shutil

import pytest

from app import contacts, db, deletions, duplicates, leads, migrations
from app.models import Contact, Customer, Lead
from tests.conftest import AS_OF, ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "repdesk-v1.sqlite3"
DECISION_CHAIN = [
    {"name": "张总", "title": "总经理", "phone": "139", "email": "", "role": "decision_maker"},
    {"name": "王工", "title": "设备科", "phone": "", "email": "w@x.example", "role": "user"},
]


def test_the_last_step_adds_the_contacts_table_to_an_older_file(tmp_path):
    path = tmp_path / "repdesk.sqlite3"
    shutil.copy(FIXTURE, path)
    db.open_database(path)
    assert db.database.execute_sql("PRAGMA user_version").fetchone()[0] == max(migrations.STEPS)
    customer = Customer.get()
    contacts.set_contacts("customers", customer.id, DECISION_CHAIN)
    assert contacts.contacts_of("customers", customer.id) == DECISION_CHAIN
    assert migrations.STEPS[7] is migrations._v7_several_contacts


def test_a_contact_belongs_to_exactly_one_customer_or_lead(db_path):
    customer = Customer.create(name="甲", created=AS_OF)
    lead = Lead.create(name="乙", created=AS_OF)
    with pytest.raises(Exception, match="CHECK"):
        Contact.create(customer=customer, lead=lead, name="两边")
    with pytest.raises(Exception, match="CHECK"):
        Contact.create(name="无主")
    with pytest.raises(ValueError, match="boss"):
        contacts.set_contacts("customers", customer.id, [{"name": "x", "role": "boss"}])


def test_editing_a_customers_contacts_is_undone_by_the_former_values(db_path):
    customer_id = leads.add_customer("杭州华东医药有限公司", AS_OF, contact="李经理")
    before = leads.edit_customer(customer_id, AS_OF, contacts=DECISION_CHAIN)
    assert before == {"contacts": []}
    assert contacts.contacts_of("customers", customer_id) == DECISION_CHAIN
    leads.edit_customer(customer_id, AS_OF, **before)
    assert contacts.contacts_of("customers", customer_id) == []
    assert Customer.get_by_id(customer_id).contact == "李经理"  # the main contact stays


def test_deleting_and_restoring_a_record_keeps_its_contacts(db_path):
    lead = Lead.create(name="嘉兴瑞丰", created=AS_OF)
    contacts.set_contacts("leads", lead.id, DECISION_CHAIN)
    snapshot = leads.delete_lead(lead.id)
    assert Contact.select().count() == 0
    deletions.restore(snapshot)
    assert contacts.contacts_of("leads", lead.id) == DECISION_CHAIN


def test_merging_duplicates_moves_the_contacts(db_path):
    keep = Customer.create(name="ABC公司", created=AS_OF)
    drop = Customer.create(name="abc公司", created=AS_OF)
    contacts.set_contacts("customers", drop.id, DECISION_CHAIN)
    done = duplicates.merge(duplicates.find_pairs()[0])
    assert contacts.contacts_of("customers", keep.id) == DECISION_CHAIN
    duplicates.unmerge(done)
    assert contacts.contacts_of("customers", drop.id) == DECISION_CHAIN
    assert contacts.contacts_of("customers", keep.id) == []


def test_winning_a_lead_gives_the_new_customer_its_contacts(db_path):
    lead = Lead.create(name="宁波正泰", contact="周总", created=AS_OF)
    contacts.set_contacts("leads", lead.id, DECISION_CHAIN)
    conversion = leads.win(lead.id, AS_OF, 1000_00)
    assert conversion.new_customer
    assert contacts.contacts_of("customers", conversion.customer_id) == DECISION_CHAIN
    leads.undo_win(conversion)
    assert Contact.select().where(Contact.customer.is_null(False)).count() == 0
    assert contacts.contacts_of("leads", lead.id) == DECISION_CHAIN
