"""The rep's preferences: defaults as docs/reference.md defines them, checked, kept, put back."""

import pytest

from app import db, preferences
from app.errors import UserError


def test_an_unset_preference_is_its_default(db_path):
    assert preferences.current() == {
        key: preference.default for key, preference in preferences.PREFERENCES.items()
    }
    assert preferences.get("planning.history_months") == 3
    assert preferences.get("planning.first_checkpoint") == 10
    assert preferences.get("leads.referral_reward_fen") == 500_00


def test_saved_values_stay_and_undo_puts_back_what_was_there(db_path):
    first = preferences.save({"planning.history_months": 6})
    second = preferences.save({"planning.history_months": 2, "dashboard.anomaly_percent": 50})
    assert preferences.get("planning.history_months") == 2
    assert preferences.get("dashboard.anomaly_percent") == 50
    preferences.restore(second)
    assert preferences.get("planning.history_months") == 6
    assert preferences.get("dashboard.anomaly_percent") == 60
    preferences.restore(first)
    assert db.get_setting("planning.history_months") is None  # back to the default, unset


@pytest.mark.parametrize(
    "values",
    [
        {"planning.history_months": 0},
        {"planning.key_account_percent": 101},
        {"planning.history_months": 2.5},
        {"planning.first_checkpoint": 20, "planning.second_checkpoint": 20},
        {"planning.second_checkpoint": 9},  # before the first (10)
    ],
)
def test_a_wrong_value_is_refused_and_nothing_kept(db_path, values):
    with pytest.raises(UserError):
        preferences.save({"planning.history_months": 5, **values})
    assert preferences.current()["planning.history_months"] == 3


def test_each_database_has_its_own_preferences(db_path, tmp_path):
    preferences.save({"planning.history_months": 6})
    db.close_database()
    db.open_database(tmp_path / "other.sqlite3")
    assert preferences.get("planning.history_months") == 3
    db.close_database()
    db.open_database(db_path)
    assert preferences.get("planning.history_months") == 6
