"""Schema upgrades: numbered steps keyed on `PRAGMA user_version`.

Each step runs in its own transaction after a verified backup of the file. Foreign keys
are switched off around the steps (SQLite only honours that outside a transaction), so
rebuilding a parent table cannot cascade-delete or null its children;
`PRAGMA foreign_key_check` must come back empty before a step commits.
"""

import re

import peewee as pw

from app.models import Activity, ChannelCost, Contact, Customer, Lead, Order, database


def rebuild_table(model: type[pw.Model]) -> None:
    """Recreate a table from its model's current definition, keeping every row and id.

    SQLite's own recipe for changes ALTER TABLE cannot make (constraints, types): create
    the new table, copy the columns both have, drop the old one, rename, recreate indexes.
    """
    table = model._meta.table_name
    staging = f"{table}__rebuild"
    old_columns = [row[1] for row in database.execute_sql(f'PRAGMA table_info("{table}")')]
    new_columns = [field.column_name for field in model._meta.sorted_fields]
    shared = ", ".join(f'"{name}"' for name in new_columns if name in old_columns)
    sql, params = model._schema._create_table(safe=False).query()
    prefix = f'CREATE TABLE "{table}"'
    if not sql.startswith(prefix):
        raise RuntimeError(f"unexpected table definition for {table}: {sql[:60]}")
    database.execute_sql(f'CREATE TABLE "{staging}"' + sql[len(prefix) :], params)
    database.execute_sql(f'INSERT INTO "{staging}" ({shared}) SELECT {shared} FROM "{table}"')
    database.execute_sql(f'DROP TABLE "{table}"')
    database.execute_sql(f'ALTER TABLE "{staging}" RENAME TO "{table}"')
    model._schema.create_indexes(safe=True)


def create_indexes(model: type[pw.Model]) -> None:
    """A model's indexes as it declares them now, but those on a column a later step adds
    (an earlier step runs on the table as it was then)."""
    columns = {
        row[1] for row in database.execute_sql(f'PRAGMA table_info("{model._meta.table_name}")')
    }
    for query in model._schema._create_indexes(safe=True):
        sql, params = query.query()
        if any(
            re.search(rf"\b{name}\b", sql)
            for name in LATER_COLUMNS.get(model._meta.table_name, ())
            if name not in columns
        ):
            continue
        database.execute_sql(sql, params)


# columns added by a step after the first ones
LATER_COLUMNS = {"lead": ("closed", "next_follow_up", "annual_revenue_fen", "budget_fen")}


def _v2_money_is_never_negative() -> None:
    """CHECK constraints: order amounts, channel costs, revenue and budget are ≥ 0; the
    indexes the leads table sorts by."""
    for model in (Customer, Order, ChannelCost):
        rebuild_table(model)
    create_indexes(Lead)


def _v3_follow_up_dates_are_indexed() -> None:
    """The index the leads table pages by follow-up date through."""
    create_indexes(Lead)


def _v4_period_figures_from_covering_indexes() -> None:
    """Orders and activities get indexes that hold every column a period's figures read
    (ten to twenty times faster on a heavy user's years of data); the narrower date indexes
    they replace go."""
    for name in ("order_date", "activity_date", "activity_date_kind"):
        database.execute_sql(f'DROP INDEX IF EXISTS "{name}"')
    create_indexes(Order)
    create_indexes(Activity)


def _v5_fewer_lead_indexes() -> None:
    """Leads keep the indexes that sort or select many rows; the ones on columns of few
    values (tier, outcome, channel, industry), on phone, last contact and import batch cost
    every insert more than they saved. The customer link is indexed only where set; name
    is indexed with the other searched columns, a narrow copy a search scans."""
    for name in (
        "lead_name",
        "lead_phone",
        "lead_industry",
        "lead_channel_id",
        "lead_tier",
        "lead_last_contact",
        "lead_outcome",
        "lead_batch_id",
        "lead_customer_id",
    ):
        database.execute_sql(f'DROP INDEX IF EXISTS "{name}"')
    create_indexes(Lead)


def _v6_leads_have_a_closing_date() -> None:
    """Leads keep the day they were won or lost (`closed`), so "won through as-of" can be
    counted; a lead closed before this version gets its last contact, else its created day."""
    database.execute_sql('ALTER TABLE "lead" ADD COLUMN "closed" DATE')
    database.execute_sql(
        'UPDATE "lead" SET "closed" = COALESCE("last_contact", "created") '
        "WHERE \"outcome\" IN ('won', 'lost')"
    )
    create_indexes(Lead)  # "lead_closed"


def _v7_several_contacts() -> None:
    """Customers and leads get a list of contacts beyond the main one (name, title, phone,
    email, role)."""
    Contact.create_table(safe=True)


def _v8_lead_follow_up_can_be_snoozed() -> None:
    """Leads keep the day their next follow-up was snoozed to (`next_follow_up`); the
    follow-up date's index is rebuilt to hold it, with the rep's follow-up days."""
    database.execute_sql('ALTER TABLE "lead" ADD COLUMN "next_follow_up" DATE')
    _rebuild_follow_up_index()


def _rebuild_follow_up_index() -> None:
    """The follow-up date's index written again (models.follow_up_index_sql), with the rep's
    follow-up days."""
    from app.models import FOLLOW_UP_DAYS, follow_up_index_sql

    stored = dict(
        database.execute_sql(
            "SELECT key, value FROM setting WHERE key LIKE 'leads.follow_up_days_%'"
        ).fetchall()
    )
    days = {
        tier: int(stored.get(f"leads.follow_up_days_{tier.lower()}", FOLLOW_UP_DAYS[tier]))
        for tier in "ABC"
    }
    database.execute_sql('DROP INDEX IF EXISTS "lead_follow_up_due"')
    database.execute_sql(follow_up_index_sql(days))


_V9_COLUMNS = (
    ("target", "floor_fen", "INTEGER CHECK (floor_fen IS NULL OR floor_fen >= 0)"),
    ("target", "stretch_fen", "INTEGER CHECK (stretch_fen IS NULL OR stretch_fen >= 0)"),
    (
        "lead",
        "annual_revenue_fen",
        "INTEGER CHECK (annual_revenue_fen IS NULL OR annual_revenue_fen >= 0)",
    ),
    ("lead", "budget_fen", "INTEGER CHECK (budget_fen IS NULL OR budget_fen >= 0)"),
    ("market_slice", "pool_prospects", "INTEGER"),
    ("market_slice", "pool_competitor_share", "TEXT"),
    ("market_slice", "pool_reachable_share", "TEXT"),
    ("case_entry", "said", "TEXT NOT NULL DEFAULT ''"),
    ("case_entry", "takeaway", "TEXT NOT NULL DEFAULT ''"),
    ("case_entry", "amount_fen", "INTEGER"),
)


def _v9_tiers_personas_and_pool_inputs() -> None:
    """Targets get a floor and a stretch (保底 / 冲刺); leads an annual revenue and a budget
    (for personas); market slices the inputs their reachable pool is estimated from; cases
    what was said, what to repeat or avoid, and the deal's amount."""
    for table, column, definition in _V9_COLUMNS:
        database.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {definition}')


def _v10_the_follow_up_index_covers_the_today_list() -> None:
    """The follow-up date's index also holds each lead's outcome, tier, expected amount and
    name: the Today list counts and ranks a day's follow-ups from it (a heavy user has tens
    of thousands due)."""
    _rebuild_follow_up_index()


# version reached → the step that reaches it
STEPS = {
    2: _v2_money_is_never_negative,
    3: _v3_follow_up_dates_are_indexed,
    4: _v4_period_figures_from_covering_indexes,
    5: _v5_fewer_lead_indexes,
    6: _v6_leads_have_a_closing_date,
    7: _v7_several_contacts,
    8: _v8_lead_follow_up_can_be_snoozed,
    9: _v9_tiers_personas_and_pool_inputs,
    10: _v10_the_follow_up_index_covers_the_today_list,
}
SCHEMA_VERSION = max(STEPS)  # the version this RepDesk writes (new files start at it)
