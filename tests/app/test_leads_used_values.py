"""The segment values already in use, offered when a customer is entered."""

import pytest

from app import leads
from app.models import Customer
from tests.conftest import AS_OF


def test_used_values_most_used_first(db_path):
    for name, industry in (("甲", "制造业"), ("乙", "医疗"), ("丙", "制造业"), ("丁", "")):
        Customer.create(name=name, industry=industry, created=AS_OF)
    # 制造业 twice, 医疗 once, the blank one not offered
    assert leads.used_values("industry") == ["制造业", "医疗"]
    assert leads.used_values("customer_type") == []


def test_used_values_only_of_segment_fields(db_path):
    with pytest.raises(ValueError):
        leads.used_values("phone")
