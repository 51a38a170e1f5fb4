"""The rep's own values for the rules' defaults that no tab edits in place (every default of
the guide's rules is the rep's to change). Each is a whole number with a range, kept in the
database's settings under its own key; an unset one is its default, so a new database
computes exactly as docs/reference.md defines.

The touchpoint rules have their own dialog (`lifecycle.rules`); the challenge coefficient,
close rate and shares are inputs of the targets tab.
"""

import json
from pathlib import Path
from typing import NamedTuple

from app import db
from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import FOLLOW_UP_DAYS, Setting, database, follow_up_index_sql
from app.sqlite_file import backups_dir


class Preference(NamedTuple):
    default: int
    lowest: int
    highest: int


PREFERENCES = {
    # days from a lead's last contact to its next follow-up, by tier
    "leads.follow_up_days_a": Preference(FOLLOW_UP_DAYS["A"], 1, 365),
    "leads.follow_up_days_b": Preference(FOLLOW_UP_DAYS["B"], 1, 365),
    "leads.follow_up_days_c": Preference(FOLLOW_UP_DAYS["C"], 1, 365),
    # the calculator's close rate: deals ÷ effective visits over this many full months
    "planning.history_months": Preference(3, 1, 12),
    # the month's two checkpoints (days of the month)
    "planning.first_checkpoint": Preference(10, 1, 27),
    "planning.second_checkpoint": Preference(20, 2, 28),
    # key accounts: this top share of the customers by revenue (percent, rounded up)
    "planning.key_account_percent": Preference(20, 1, 100),
    # a won referral owes the referrer this reward (fen)
    "leads.referral_reward_fen": Preference(500_00, 0, 10_000_000_00),
    # …or, when not 0, this many hours of service instead of money (the guide allows either)
    "leads.referral_reward_hours": Preference(0, 0, 1000),
    # an anomaly: a week's close rate below this percent of the mean of the weeks before…
    "dashboard.anomaly_percent": Preference(60, 1, 99),
    # …in a week with at least this many effective visits…
    "dashboard.anomaly_min_visits": Preference(10, 1, 1000),
    # …over this many weeks before it
    "dashboard.anomaly_baseline_weeks": Preference(4, 1, 26),
}


SECOND_BACKUP_FOLDER = "backup.second_folder"


def second_backup_folder() -> Path | None:
    """The folder (a USB drive, a synced folder) that receives a verified copy of each daily
    backup, with its own rotation; None: backups stay in the database's folder only."""
    folder = db.get_setting(SECOND_BACKUP_FOLDER)
    return Path(folder) if folder else None


def set_second_backup_folder(folder: Path | None) -> None:
    """Keep `folder` (None: no second folder). It must be a folder other than the database's
    own backups folder; it may be absent at times (a drive unplugged)."""
    if folder is None or not str(folder).strip():
        db.delete_setting(SECOND_BACKUP_FOLDER)
        return
    folder = Path(folder).expanduser().absolute()
    if not folder.is_dir():
        raise UserError(QT_TRANSLATE_NOOP("Messages", "{path} is not a folder."), path=folder)
    if folder.resolve() in (
        backups_dir(db.database_path()).resolve(),
        db.database_path().parent.resolve(),
    ):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{path} is where the backups already are; choose a folder on another drive.",
            ),
            path=folder,
        )
    db.set_setting(SECOND_BACKUP_FOLDER, str(folder))


_read: tuple[int, dict[str, int]] | None = None  # (db.opening(), the values), read once


def get(key: str) -> int:
    return _values()[key]


def follow_up_days() -> dict[str, int]:
    """Days from a lead's last contact to its next follow-up by tier: A 3, B 7, C 30 unless
    the rep chose others."""
    return {tier: get(f"leads.follow_up_days_{tier.lower()}") for tier in "ABC"}


def current() -> dict[str, int]:
    """Every preference's value (a copy to keep)."""
    return dict(_values())


def _values() -> dict[str, int]:
    """Read from the open database once (the leads table asks for the follow-up days on
    every page) and again after it is reopened or one is saved."""
    global _read
    if _read is None or _read[0] != db.opening():
        stored = dict(
            Setting.select(Setting.key, Setting.value)
            .where(Setting.key.in_(list(PREFERENCES)))
            .tuples()
        )
        _read = (
            db.opening(),
            {
                key: json.loads(stored[key]) if key in stored else preference.default
                for key, preference in PREFERENCES.items()
            },
        )
    return _read[1]


def save(values: dict[str, int]) -> dict[str, int | None]:
    """Check and keep `values` (some or all of the preferences) in one transaction; returns
    what was stored before (None: unset) for `restore`. Nothing is kept when one is wrong."""
    check(values)
    before = {key: db.get_setting(key) for key in values}
    restore(values)
    return before


def check(values: dict[str, int]) -> None:
    """UserError when a value is out of its range or the checkpoints are out of order."""
    merged = {**current(), **values}
    for key, value in values.items():
        if key not in PREFERENCES:
            raise KeyError(key)
        preference = PREFERENCES[key]
        if not isinstance(value, int) or not preference.lowest <= value <= preference.highest:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Messages", "{name} must be a whole number from {lowest} to {highest}."
                ),
                name=key,
                lowest=preference.lowest,
                highest=preference.highest,
            )
    if merged["planning.first_checkpoint"] >= merged["planning.second_checkpoint"]:
        raise UserError(
            QT_TRANSLATE_NOOP("Messages", "The first checkpoint must come before the second.")
        )


def restore(stored: dict[str, int | None]) -> None:
    """Put back settings as `save` returned them (None: back to the default). New follow-up
    days rebuild the follow-up date's index in the same transaction (its expression holds
    the days, so that the leads table pages and sorts by follow-up date through it)."""
    global _read
    try:
        with database.atomic():
            for key, value in stored.items():
                if value is None or value == PREFERENCES[key].default:
                    db.delete_setting(key)
                else:
                    db.set_setting(key, value)
            if any(key.startswith("leads.follow_up_days_") for key in stored):
                days = {
                    tier: db.get_setting(
                        f"leads.follow_up_days_{tier.lower()}", FOLLOW_UP_DAYS[tier]
                    )
                    for tier in "ABC"
                }
                database.execute_sql('DROP INDEX IF EXISTS "lead_follow_up_due"')
                database.execute_sql(follow_up_index_sql(days))
    finally:
        _read = None  # read again, whether the transaction was kept or rolled back
