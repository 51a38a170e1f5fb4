"""The peewee models: every entity RepDesk keeps, in one SQLite file.

Money is integer fen (``*_fen``); rates and factors are exact decimals stored as text;
dates are ISO dates. Later features add behaviour to these tables, not new tables.
"""

from decimal import Decimal

import peewee as pw

database = pw.SqliteDatabase(None)

TIERS = ("A", "B", "C")
OUTCOMES = ("open", "won", "lost")
ACTIVITY_KINDS = ("visit", "call", "follow_up", "meeting", "executive_visit")
EFFECTIVE_VISIT_KINDS = ("visit", "executive_visit")
QUADRANTS = (1, 2, 3, 4)
LIFECYCLE_KINDS = (
    "first_order_callback",
    "quarterly_callback",
    "annual_review",
    "renewal_demo",
    "birthday",
    "anniversary",
    "holiday_greeting",
    "send_content",
    "win_back",
)
EVENT_STATUSES = ("due", "done", "snoozed", "skipped")
LIFECYCLE_STAGES = ("new", "growth", "mature", "declining")
MARKET_STAGES = ("new", "mature")
SWOT_KINDS = ("strength", "weakness", "opportunity", "threat")
PDCA_PHASES = ("plan", "do", "check", "act")


class ExactDecimalField(pw.TextField):
    """A decimal kept as text, so 0.125 or 1.1 come back exactly (SQLite has no decimal)."""

    def db_value(self, value):
        return None if value is None else str(Decimal(str(value)))

    def python_value(self, value):
        return None if value is None else Decimal(value)


class BaseModel(pw.Model):
    class Meta:
        database = database
        legacy_table_names = False


class ImportBatch(BaseModel):
    """One file imported; its rows can be undone together."""

    kind = pw.CharField()
    file_name = pw.CharField()
    created_at = pw.DateTimeField()
    rows = pw.IntegerField(default=0)
    undone = pw.BooleanField(default=False)


class ImportChange(BaseModel):
    """A row an import updated, as it was before, so undoing the import puts it back.

    Rows an import inserted carry its batch instead and are deleted on undo.
    """

    batch = pw.ForeignKeyField(ImportBatch, backref="changes", on_delete="CASCADE")
    table = pw.CharField()
    row_id = pw.IntegerField()
    before = pw.TextField()  # JSON of the row's columns (and tags)


class Channel(BaseModel):
    """An acquisition channel, named as the rep entered it (陌拜, 转介绍, 展会, 线上, …)."""

    name = pw.CharField(unique=True)


class ChannelCost(BaseModel):
    channel = pw.ForeignKeyField(Channel, backref="costs", on_delete="CASCADE")
    month = pw.CharField()  # YYYY-MM
    cost_fen = pw.IntegerField(default=0, constraints=[pw.Check("cost_fen >= 0")])
    notes = pw.TextField(default="")
    batch = pw.ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL")

    class Meta:
        indexes = ((("channel", "month"), True),)


class Tag(BaseModel):
    name = pw.CharField(unique=True)


class Customer(BaseModel):
    name = pw.CharField(index=True)
    contact = pw.CharField(default="")
    phone = pw.CharField(default="", index=True)
    email = pw.CharField(default="")
    industry = pw.CharField(default="", index=True)
    size = pw.CharField(default="")
    area = pw.CharField(default="", index=True)
    customer_type = pw.CharField(default="")
    channel = pw.ForeignKeyField(Channel, null=True, backref="customers", on_delete="SET NULL")
    referred_by = pw.CharField(default="")
    annual_revenue_fen = pw.IntegerField(
        null=True, constraints=[pw.Check("annual_revenue_fen IS NULL OR annual_revenue_fen >= 0")]
    )
    budget_fen = pw.IntegerField(
        null=True, constraints=[pw.Check("budget_fen IS NULL OR budget_fen >= 0")]
    )
    decision_chain = pw.TextField(default="")
    pain_points = pw.TextField(default="")
    # As the rep knows it: with birthday_lunar its month and day are lunar (02-30 is valid),
    # so it is kept as text and never validated as a solar date.
    birthday = pw.CharField(default="")
    birthday_lunar = pw.BooleanField(default=False)
    founded = pw.DateField(null=True)
    contract_end = pw.DateField(null=True)
    contact_left = pw.BooleanField(default=False)
    contact_left_on = pw.DateField(null=True)
    stage_override = pw.CharField(null=True)  # one of LIFECYCLE_STAGES
    content_every_days = pw.IntegerField(null=True)  # value-added content rhythm
    notes = pw.TextField(default="")
    created = pw.DateField()
    batch = pw.ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL")


class CustomerTag(BaseModel):
    customer = pw.ForeignKeyField(Customer, backref="tag_links", on_delete="CASCADE")
    tag = pw.ForeignKeyField(Tag, backref="customer_links", on_delete="CASCADE")

    class Meta:
        indexes = ((("customer", "tag"), True),)


FOLLOW_UP_DAYS = {"A": 3, "B": 7, "C": 30}  # the guide's; the rep may choose others


def follow_up_index_sql(days: dict[str, int]) -> str:
    """The "lead_follow_up_due" index for these A / B / C follow-up days (app.preferences):
    the follow-up date (a snoozed date, else last contact or created + the tier's days)
    written as app.leads.due_sql writes it, so that the index serves it; then the columns
    the Today list filters, counts and ranks a day's follow-ups by (app.today), so that
    SQLite reads them from the index, not from each lead's row."""
    cases = " ".join(f"WHEN '{tier}' THEN '+{int(days[tier])} days'" for tier in "ABC")
    return (
        'CREATE INDEX IF NOT EXISTS "lead_follow_up_due" ON "lead" '
        "(COALESCE(next_follow_up, "
        f"date(COALESCE(last_contact, created), CASE tier {cases} ELSE '+7 days' END)), id, "
        "outcome, tier, expected_amount_fen, name)"
    )


class Lead(BaseModel):
    name = pw.CharField()  # indexed with the searched columns (Meta)
    contact = pw.CharField(default="")
    phone = pw.CharField(default="")
    industry = pw.CharField(default="")
    size = pw.CharField(default="")
    channel = pw.ForeignKeyField(
        Channel, null=True, backref="leads", on_delete="SET NULL", index=False
    )
    referred_by = pw.CharField(default="")
    tier = pw.CharField(default="B")  # A / B / C
    stage = pw.CharField(default="")
    expected_amount_fen = pw.IntegerField(null=True, index=True)
    annual_revenue_fen = pw.IntegerField(
        null=True, constraints=[pw.Check("annual_revenue_fen IS NULL OR annual_revenue_fen >= 0")]
    )
    budget_fen = pw.IntegerField(
        null=True, constraints=[pw.Check("budget_fen IS NULL OR budget_fen >= 0")]
    )
    expected_close = pw.DateField(null=True)
    created = pw.DateField(index=True)
    last_contact = pw.DateField(null=True)
    # the day the rep snoozed the next follow-up to (it replaces last contact + the tier's
    # days until the next follow-up is logged)
    next_follow_up = pw.DateField(null=True)
    outcome = pw.CharField(default="open")  # open / won / lost
    closed = pw.DateField(null=True)  # the day it was won or lost (None while open)
    lost_reason = pw.TextField(default="")
    customer = pw.ForeignKeyField(
        Customer, null=True, backref="leads", on_delete="SET NULL", index=False
    )  # indexed where set (Meta)
    # the three discovery questions (current efficiency, hidden costs, solutions tried)
    discovery_efficiency = pw.TextField(default="")
    discovery_hidden_costs = pw.TextField(default="")
    discovery_tried = pw.TextField(default="")
    # closing signals
    signal_after_sales = pw.BooleanField(default=False)
    signal_contract = pw.BooleanField(default=False)
    signal_competitor = pw.BooleanField(default=False)
    notes = pw.TextField(default="")
    batch = pw.ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL", index=False)

    class Meta:
        # Every index is paid for by every insert (a heavy user imports 100,000 leads), so
        # only these: the table's default order (open first, by tier and name), its follow-up
        # date (app.leads.due_sql, written the same way), the searched columns (a narrow copy
        # to scan for a search, and the name sort), the amount sort, the month's new leads,
        # the few leads a customer came from, and the closed ones by closing day (a past
        # as-of's open leads). Sorting by a low-variety column (tier,
        # outcome) or filtering by one scans the table: about 50 ms at 100,000 leads.
        indexes = (
            (("name", "contact", "phone", "industry"), False),
            pw.SQL(
                'CREATE INDEX IF NOT EXISTS "lead_customer_id" ON "lead" (customer_id) '
                "WHERE customer_id IS NOT NULL"
            ),
            pw.SQL(
                'CREATE INDEX IF NOT EXISTS "lead_default_order" ON "lead" '
                "((outcome != 'open'), tier, name, id)"
            ),
            pw.SQL(follow_up_index_sql(FOLLOW_UP_DAYS)),
            pw.SQL(
                'CREATE INDEX IF NOT EXISTS "lead_closed" ON "lead" (closed) '
                "WHERE closed IS NOT NULL"
            ),
        )


class LeadTag(BaseModel):
    lead = pw.ForeignKeyField(Lead, backref="tag_links", on_delete="CASCADE")
    tag = pw.ForeignKeyField(Tag, backref="lead_links", on_delete="CASCADE")

    class Meta:
        indexes = ((("lead", "tag"), True),)


class Contact(BaseModel):
    """One more person at a customer or lead, for the decision chain (决策链) and executive
    visits. The main contact stays in the record's own contact, phone and email columns;
    these follow it in `position` order."""

    customer = pw.ForeignKeyField(Customer, null=True, backref="contacts", on_delete="CASCADE")
    lead = pw.ForeignKeyField(Lead, null=True, backref="contacts", on_delete="CASCADE")
    name = pw.CharField()
    title = pw.CharField(default="")
    phone = pw.CharField(default="")
    email = pw.CharField(default="")
    role = pw.CharField(default="")  # decision_maker, influencer, user, or "" (not known)
    position = pw.IntegerField(default=0)
    batch = pw.ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL")

    class Meta:
        constraints = [pw.Check("(customer_id IS NULL) <> (lead_id IS NULL)")]


class Objection(BaseModel):
    """An objection handled the guide's way: empathise → decompose → verify."""

    lead = pw.ForeignKeyField(Lead, backref="objections", on_delete="CASCADE")
    raised_on = pw.DateField()
    objection = pw.TextField()
    empathise = pw.TextField(default="")
    decompose = pw.TextField(default="")
    verify = pw.TextField(default="")


class Order(BaseModel):
    customer = pw.ForeignKeyField(Customer, backref="orders", on_delete="RESTRICT")
    date = pw.DateField()
    amount_fen = pw.IntegerField(constraints=[pw.Check("amount_fen >= 0")])
    product = pw.CharField(default="")
    quantity = pw.IntegerField(null=True)
    notes = pw.TextField(default="")
    batch = pw.ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL")

    class Meta:
        # a customer's orders in date order; and every figure over a period straight from an
        # index that covers it (date, customer, amount), without reading the table
        indexes = ((("customer", "date"), False), (("date", "customer", "amount_fen"), False))


class Activity(BaseModel):
    """A day's work: visits, calls, follow-ups, meetings, executive visits (counts summed)."""

    date = pw.DateField()
    kind = pw.CharField()  # ACTIVITY_KINDS
    customer = pw.ForeignKeyField(Customer, null=True, backref="activities", on_delete="SET NULL")
    lead = pw.ForeignKeyField(Lead, null=True, backref="activities", on_delete="SET NULL")
    count = pw.IntegerField(default=1)
    effective = pw.BooleanField(default=True)
    effective_leads = pw.IntegerField(default=0)
    notes = pw.TextField(default="")
    batch = pw.ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL")

    class Meta:
        # the period sums (visits, calls, effective leads) read this index alone
        indexes = ((("date", "kind", "effective", "count", "effective_leads", "customer"), False),)


class ReferralReward(BaseModel):
    """What a won referral owes its referrer: money or service hours, until paid."""

    referrer = pw.CharField()
    referrer_customer = pw.ForeignKeyField(Customer, null=True, on_delete="SET NULL")
    lead = pw.ForeignKeyField(Lead, null=True, on_delete="SET NULL")
    customer = pw.ForeignKeyField(
        Customer, null=True, on_delete="SET NULL", backref="referral_rewards"
    )
    amount_fen = pw.IntegerField(default=0)
    service_hours = ExactDecimalField(null=True)
    owed_on = pw.DateField()
    paid_on = pw.DateField(null=True)


class Target(BaseModel):
    """The month's SMART target."""

    month = pw.CharField(unique=True)  # YYYY-MM
    revenue_fen = pw.IntegerField()
    # the tiers beside the target (保底 / 冲刺); a blank stretch is revenue × the coefficient
    floor_fen = pw.IntegerField(
        null=True, constraints=[pw.Check("floor_fen IS NULL OR floor_fen >= 0")]
    )
    stretch_fen = pw.IntegerField(
        null=True, constraints=[pw.Check("stretch_fen IS NULL OR stretch_fen >= 0")]
    )
    effective_visits = pw.IntegerField(null=True)
    new_customers = pw.IntegerField(null=True)  # blank: the attainable calculator decides
    new_long_term_customers = pw.IntegerField(null=True)
    average_order_uplift = ExactDecimalField(null=True)  # 0.15 = +15 %
    challenge_coefficient = ExactDecimalField(default=Decimal("1.1"))
    manual_close_rate = ExactDecimalField(null=True)  # typed when there is no history
    key_account_executive_visits = pw.IntegerField(null=True)
    statement = pw.TextField(default="")
    relevance = pw.TextField(default="")
    notes = pw.TextField(default="")
    batch = pw.ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL")


class PlanLine(BaseModel):
    """One cell of the cross decomposition: product × customer type."""

    month = pw.CharField(index=True)
    product = pw.CharField()
    customer_type = pw.CharField(default="")
    revenue_fen = pw.IntegerField()
    average_order_fen = pw.IntegerField()
    close_rate = ExactDecimalField()
    high_ticket = pw.BooleanField(default=False)
    notes = pw.TextField(default="")
    batch = pw.ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL")


class MarketSlice(BaseModel):
    """A slice of the month's target by area/商圈 and customer type."""

    month = pw.CharField(index=True)
    area = pw.CharField()
    customer_type = pw.CharField(default="")
    share = ExactDecimalField()
    market_stage = pw.CharField(default="mature")  # MARKET_STAGES
    new_customer_share = ExactDecimalField(null=True)  # overrides the stage default
    reachable_pool = pw.IntegerField(null=True)
    # the pool estimated from its inputs (app.planning.estimated_pool): new sites or
    # prospects in the area, the competitors' share of them, the part the rep can reach
    pool_prospects = pw.IntegerField(null=True)
    pool_competitor_share = ExactDecimalField(null=True)
    pool_reachable_share = ExactDecimalField(null=True)


class SeasonFactor(BaseModel):
    month_of_year = pw.IntegerField(unique=True)  # 1..12
    factor = ExactDecimalField()


class SwotNote(BaseModel):
    month = pw.CharField(index=True)
    kind = pw.CharField()  # SWOT_KINDS
    text = pw.TextField()
    code = pw.CharField(default="")  # e.g. "negotiation" for the ticked common weakness


class Task(BaseModel):
    title = pw.CharField()
    quadrant = pw.IntegerField(default=2)
    position = pw.IntegerField(default=0)
    due = pw.DateField(null=True)
    done = pw.BooleanField(default=False)
    done_on = pw.DateField(null=True)
    customer = pw.ForeignKeyField(Customer, null=True, backref="tasks", on_delete="SET NULL")
    lead = pw.ForeignKeyField(Lead, null=True, backref="tasks", on_delete="SET NULL")
    origin = pw.CharField(default="manual")  # manual, lead, lifecycle, plan, review, import
    origin_key = pw.CharField(null=True, unique=True)  # regenerating never duplicates
    moved_by_rep = pw.BooleanField(default=False)
    notes = pw.TextField(default="")
    created = pw.DateField()
    batch = pw.ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL")

    class Meta:
        indexes = ((("quadrant", "position"), False),)


class LifecycleEvent(BaseModel):
    """A touchpoint on the calendar and what the rep did with it (never lost)."""

    customer = pw.ForeignKeyField(Customer, backref="events", on_delete="CASCADE")
    kind = pw.CharField()  # LIFECYCLE_KINDS
    due = pw.DateField(index=True)
    status = pw.CharField(default="due")  # EVENT_STATUSES
    snoozed_to = pw.DateField(null=True)
    skip_reason = pw.TextField(default="")
    done_on = pw.DateField(null=True)
    notes = pw.TextField(default="")

    class Meta:
        indexes = ((("customer", "kind", "due"), True),)


class MonthlyReview(BaseModel):
    month = pw.CharField(unique=True)
    results = pw.TextField(default="")
    process = pw.TextField(default="")
    ability = pw.TextField(default="")
    improvement_plan = pw.TextField(default="")
    kept_methods = pw.TextField(default="")
    dropped_methods = pw.TextField(default="")
    finished = pw.BooleanField(default=False)


class PdcaItem(BaseModel):
    review = pw.ForeignKeyField(MonthlyReview, backref="pdca_items", on_delete="CASCADE")
    phase = pw.CharField()  # PDCA_PHASES
    text = pw.TextField()
    status = pw.CharField(default="open")  # open / done / dropped
    carried_forward = pw.BooleanField(default=False)


class CaseEntry(BaseModel):
    """The weekly case journal (wins and lessons, as told at the sales morning meeting)."""

    date = pw.DateField(index=True)
    kind = pw.CharField(default="win")  # win / lesson
    title = pw.CharField()
    body = pw.TextField(default="")  # what happened
    said = pw.TextField(default="")  # what was said (the 话术 that worked, or did not)
    takeaway = pw.TextField(default="")  # what to repeat (a win) or avoid (a lesson)
    amount_fen = pw.IntegerField(null=True)  # the deal's amount, when there was one
    customer = pw.ForeignKeyField(Customer, null=True, on_delete="SET NULL")


class Setting(BaseModel):
    key = pw.CharField(primary_key=True)
    value = pw.TextField()  # JSON


MODELS = [
    ImportBatch,
    ImportChange,
    Channel,
    ChannelCost,
    Tag,
    Customer,
    CustomerTag,
    Lead,
    LeadTag,
    Contact,
    Objection,
    Order,
    Activity,
    ReferralReward,
    Target,
    PlanLine,
    MarketSlice,
    SeasonFactor,
    SwotNote,
    Task,
    LifecycleEvent,
    MonthlyReview,
    PdcaItem,
    CaseEntry,
    Setting,
]

# The tables whose rows are the rep's own records; an empty database has none of them.
DATA_MODELS = [Customer, Lead, Order, Activity, Task, Target, ChannelCost, MonthlyReview]
