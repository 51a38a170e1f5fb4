"""A living demo month: customers, leads, orders, activity, tasks, targets and a review.

Deterministic for a seed and an as-of date, so screenshots and tests can rely on it. The
numbers follow the guide: a 200,000 target split into product A (high margin, 5 orders)
and product B (volume, 20 orders), about 3 effective visits a working day.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from app import db
from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import (
    Activity,
    CaseEntry,
    Channel,
    ChannelCost,
    Customer,
    CustomerTag,
    Lead,
    LeadTag,
    LifecycleEvent,
    MarketSlice,
    MonthlyReview,
    Objection,
    Order,
    PdcaItem,
    PlanLine,
    ReferralReward,
    SwotNote,
    Tag,
    Target,
    Task,
    database,
)
from app.money import yuan_to_fen
from app.workdays import is_working_day, month_of, previous_month

CHANNELS = {"陌拜": 1500, "转介绍": 800, "展会": 6000, "线上": 2500}  # monthly cost, yuan
CITY = ["杭州", "宁波", "绍兴", "嘉兴", "湖州", "金华"]
WORDS = [
    "恒达",
    "正泰",
    "华辰",
    "远景",
    "新宇",
    "博远",
    "宏图",
    "嘉禾",
    "瑞丰",
    "盛世",
    "天成",
    "鼎信",
    "润通",
    "久安",
    "明德",
    "海纳",
    "中和",
    "东升",
    "立信",
    "永兴",
    "云帆",
    "汇金",
]
INDUSTRIES = {
    "制造业": "制造",
    "建筑建材": "建材",
    "软件信息": "科技",
    "商贸零售": "商贸",
    "物流运输": "物流",
    "医疗健康": "医疗",
}
SIZES = ["50人以下", "50-200人", "200-1000人", "1000人以上"]
SIZE_REVENUE_FEN = {  # a lead's annual revenue by its size (800万, 3000万, 1.2亿, 5亿)
    "50人以下": 8_000_000_00,
    "50-200人": 30_000_000_00,
    "200-1000人": 120_000_000_00,
    "1000人以上": 500_000_000_00,
}
AREAS = ["西湖商圈", "滨江高新区", "萧山开发区", "余杭未来科技城", "城东新城"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "磊",
    "洋",
    "勇",
    "军",
    "杰",
    "涛",
    "明",
    "超",
    "霞",
    "平",
    "刚",
    "桂英",
    "建华",
    "志强",
    "秀兰",
    "海燕",
    "国庆",
]
TAGS = ["年营收5000万+", "IT预算300万+", "数字化转型", "价格敏感", "决策链长", "老客户推荐"]
PRODUCT_A = "产品A（高毛利）"
PRODUCT_B = "产品B（走量）"
KEY_TYPE = "大客户"
VOLUME_TYPE = "中小客户"
LEAD_STAGES = ["初步接触", "需求挖掘", "方案报价", "商务谈判"]
LOST_REASONS = ["价格高于竞品", "预算冻结", "选择了竞品", "需求不匹配"]


def _months_back(as_of: date, months: int) -> date:
    year, month = as_of.year, as_of.month - months
    while month <= 0:
        month += 12
        year -= 1
    return date(year, month, 1)


def _phone(rng: random.Random) -> str:
    return "1" + rng.choice("3589") + "".join(rng.choice("0123456789") for _ in range(9))


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def _company_names(rng: random.Random, count: int) -> list[str]:
    names = set()
    industries = list(INDUSTRIES.values())
    while len(names) < count:
        names.add(f"{rng.choice(CITY)}{rng.choice(WORDS)}{rng.choice(industries)}有限公司")
    return sorted(names, key=lambda _: rng.random())


def _amount(rng: random.Random, low: int, high: int) -> int:
    """A realistic order amount in fen: whole hundreds of yuan, now and then 50 fen."""
    yuan = rng.randrange(low, high, 100)
    return yuan * 100 + (50 if rng.random() < 0.1 else 0)


def load_demo(as_of: date, months: int = 6, seed: int = 1) -> dict:
    """Fill an empty database with the demo; returns counts of what was written."""
    if months < 1:
        raise UserError(QT_TRANSLATE_NOOP("Messages", "--months must be at least 1."))
    if not db.is_empty():
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The database already has data; the demo only fills an empty database.",
            )
        )
    rng = random.Random(seed)
    start = _months_back(as_of, months - 1)
    with database.atomic():
        return _DemoWriter(rng, as_of, start).write()


class _DemoWriter:
    def __init__(self, rng: random.Random, as_of: date, start: date):
        self.rng = rng
        self.as_of = as_of
        self.start = start
        self.month = month_of(as_of)

    def write(self) -> dict:
        self.channels = {name: Channel.create(name=name) for name in CHANNELS}
        self.tags = {name: Tag.create(name=name) for name in TAGS}
        self._channel_costs()
        self._customers()
        self._orders()
        self._leads()
        self._activities()
        self._targets()
        self._tasks()
        self._lifecycle_events()
        self._review_and_cases()
        db.set_setting("profile.rep_name", "李明")
        return {
            "customers": Customer.select().count(),
            "leads": Lead.select().count(),
            "orders": Order.select().count(),
            "activities": Activity.select().count(),
            "tasks": Task.select().count(),
        }

    def _months(self) -> list[str]:
        months, month = [], self.month
        while month >= month_of(self.start):
            months.append(month)
            month = previous_month(month)
        return sorted(months)

    def _channel_costs(self) -> None:
        for month in self._months():
            for name, cost in CHANNELS.items():
                ChannelCost.create(
                    channel=self.channels[name],
                    month=month,
                    cost_fen=yuan_to_fen(cost + self.rng.randrange(-3, 4) * 100),
                )

    def _customers(self) -> None:
        rng = self.rng
        self.customers = []
        for index, name in enumerate(_company_names(rng, 60)):
            industry = next(ind for ind, word in INDUSTRIES.items() if word in name)
            key = index < 12  # a dozen bigger accounts carry most of the revenue
            # About a third were won before the demo window (mature or growth customers).
            window_days = (self.as_of - self.start).days + 1
            first = self.as_of - timedelta(
                days=rng.randrange(400, 900) if index % 3 == 0 else rng.randrange(window_days)
            )
            birthday_lunar = rng.random() < 0.3
            customer = Customer.create(
                name=name,
                contact=_person(rng),
                phone=_phone(rng),
                email=f"contact{index + 1:02d}@example.cn",
                industry=industry,
                size=SIZES[3] if key else rng.choice(SIZES[:3]),
                area=rng.choice(AREAS),
                customer_type=KEY_TYPE if key else VOLUME_TYPE,
                channel=self.channels[rng.choice(list(CHANNELS))],
                annual_revenue_fen=yuan_to_fen(rng.choice([800, 2000, 5000, 12000]) * 10000),
                budget_fen=yuan_to_fen(rng.choice([20, 50, 120, 300]) * 10000),
                decision_chain="采购经理 → 技术负责人 → 总经理" if key else "老板直接决策",
                pain_points=rng.choice(["停机损失大", "库存周转慢", "人工成本高", "交付周期长"]),
                birthday=(
                    f"{rng.randrange(1965, 1992)}-{rng.randrange(1, 13):02d}-"
                    f"{rng.randrange(1, 29):02d}"
                )
                if rng.random() < 0.6
                else "",
                birthday_lunar=birthday_lunar,
                founded=date(rng.randrange(1995, 2020), rng.randrange(1, 13), rng.randrange(1, 29)),
                contract_end=(self.as_of + timedelta(days=rng.randrange(20, 300)))
                if key or rng.random() < 0.2
                else None,
                notes="",
                created=first,
            )
            customer.first_order = first
            customer.key = key
            self.customers.append(customer)
            for tag in rng.sample(TAGS, rng.randrange(0, 3)):
                CustomerTag.create(customer=customer, tag=self.tags[tag])
        leaving = self.customers[5]
        leaving.contact_left = True
        leaving.contact_left_on = self.as_of - timedelta(days=12)
        leaving.save()

    def _orders(self) -> None:
        rng = self.rng
        # Two customers shrink month after month: the churn warning has something to show.
        self.shrinking = self.customers[2:4]
        for customer in self.customers:
            Order.create(
                customer=customer,
                date=customer.first_order,
                amount_fen=self._order_amount(customer),
                product=self._product(customer),
                quantity=1,
            )
        day = self.start
        while day <= self.as_of:
            if is_working_day(day) and rng.random() < 0.9:
                for _ in range(rng.choice([0, 1, 1, 1, 2])):
                    customer = rng.choice(self.customers)
                    if customer.first_order < day and customer not in self.shrinking:
                        Order.create(
                            customer=customer,
                            date=day,
                            amount_fen=self._order_amount(customer),
                            product=self._product(customer),
                            quantity=rng.randrange(1, 6),
                        )
            day += timedelta(days=1)
        for customer in self.shrinking:
            for step, yuan in enumerate((36000, 21000, 9000)):
                when = _months_back(self.as_of, 3 - step).replace(day=12)
                if when > customer.first_order:
                    Order.create(
                        customer=customer,
                        date=when,
                        amount_fen=yuan_to_fen(yuan),
                        product=PRODUCT_A,
                        quantity=1,
                    )

    def _product(self, customer) -> str:
        return PRODUCT_A if customer.key else PRODUCT_B

    def _order_amount(self, customer) -> int:
        if customer.key:
            return _amount(self.rng, 12000, 30000)
        return _amount(self.rng, 2500, 7500)

    def _leads(self) -> None:
        rng = self.rng
        taken = {customer.name for customer in self.customers}
        names = [
            name for name in _company_names(random.Random(rng.random()), 200) if name not in taken
        ][:120]  # a lead's name is how files refer to it
        won_customers = iter(self.customers[12:40])
        self.leads = []
        for index, name in enumerate(names):
            tier = "A" if index < 20 else ("B" if index < 65 else "C")
            outcome = "open"
            if index % 5 == 1:
                outcome = "won"
            elif index % 8 == 3:
                outcome = "lost"
            channel_name = rng.choice(list(CHANNELS))
            created = self.as_of - timedelta(days=rng.randrange(2, 170))
            last_contact = min(self.as_of, created + timedelta(days=rng.randrange(0, 40)))
            if outcome == "open":
                # Most open leads are worked on rhythm; a few slip past their follow-up date.
                rhythm = {"A": 3, "B": 7, "C": 30}[tier]
                last_contact = max(
                    created,
                    self.as_of
                    - timedelta(days=rng.randrange(0, rhythm + (3 if index % 6 == 0 else 1))),
                )
            customer = next(won_customers, None) if outcome == "won" else None
            lead = Lead.create(
                name=customer.name if customer else name,
                contact=_person(rng),
                phone=customer.phone if customer else _phone(rng),
                industry=rng.choice(list(INDUSTRIES)),
                size=rng.choice(SIZES),
                channel=self.channels[channel_name],
                referred_by=rng.choice(self.customers[:12]).name
                if channel_name == "转介绍"
                else "",
                tier=tier,
                stage=rng.choice(LEAD_STAGES),
                expected_amount_fen=yuan_to_fen(rng.choice([5000, 8000, 20000, 50000, 120000])),
                expected_close=self.as_of + timedelta(days=rng.randrange(3, 60)),
                created=created,
                last_contact=last_contact,
                outcome=outcome,
                closed=None if outcome == "open" else last_contact,
                lost_reason=rng.choice(LOST_REASONS) if outcome == "lost" else "",
                customer=customer,
                discovery_efficiency="订单处理靠人工，高峰期每天加班" if tier == "A" else "",
                discovery_hidden_costs="每月因错单返工约2万元" if tier == "A" else "",
                discovery_tried="试过免费软件，数据无法打通" if tier == "A" else "",
                signal_after_sales=tier == "A" and index % 3 == 0,
                notes="",
            )
            self._lead_extras(lead, index, tier, outcome, last_contact, customer)

    def _lead_extras(self, lead, index, tier, outcome, last_contact, customer) -> None:
        """A lead's persona amounts, tags, objection and referral reward (the random draws
        in the order they always were)."""
        rng = self.rng
        # the persona builder's amounts: annual revenue by the company's size, an IT
        # budget of 2–6 % of it (from the index: the demo's random draws stay as they were)
        revenue = SIZE_REVENUE_FEN.get(lead.size)
        if revenue:
            Lead.update(
                annual_revenue_fen=revenue, budget_fen=revenue * (2 + index % 5) // 100
            ).where(Lead.id == lead.id).execute()
        self.leads.append(lead)
        for tag in rng.sample(TAGS, rng.randrange(0, 3)):
            LeadTag.create(lead=lead, tag=self.tags[tag])
        if tier == "A" and index % 4 == 0:
            Objection.create(
                lead=lead,
                raised_on=last_contact,
                objection="价格比竞品高15%",
                empathise="我理解您的顾虑，很多客户一开始也有类似担心",
                decompose="您担心的是价格，还是效果？",
                verify="某制造企业用了我们的方案，3个月内成本降低了18%",
            )
        if outcome == "won" and lead.referred_by:
            ReferralReward.create(
                referrer=lead.referred_by,
                lead=lead,
                customer=customer,
                amount_fen=yuan_to_fen(500),
                owed_on=last_contact,
                paid_on=last_contact + timedelta(days=10) if index % 2 else None,
            )

    def _activities(self) -> None:
        rng = self.rng
        day = self.start
        while day <= self.as_of:
            if is_working_day(day):
                visits = rng.choice([2, 3, 3, 3, 4])
                Activity.create(
                    date=day,
                    kind="visit",
                    count=visits,
                    effective=True,
                    effective_leads=rng.randrange(0, 3),
                )
                if rng.random() < 0.3:
                    Activity.create(date=day, kind="visit", count=1, effective=False)
                Activity.create(
                    date=day,
                    kind="call",
                    count=rng.randrange(4, 11),
                    effective_leads=rng.randrange(0, 2),
                )
                lead = rng.choice(self.leads)
                Activity.create(date=day, kind="follow_up", lead=lead, count=1)
                if day.weekday() == 1 and rng.random() < 0.5:
                    Activity.create(
                        date=day,
                        kind="executive_visit",
                        customer=rng.choice(self.customers[:12]),
                        count=1,
                    )
            day += timedelta(days=1)

    def _targets(self) -> None:
        for month in self._months():
            Target.create(
                month=month,
                revenue_fen=yuan_to_fen(200000 if month == self.month else 180000),
                floor_fen=yuan_to_fen(160000) if month == self.month else None,
                effective_visits=60,
                new_customers=None,
                challenge_coefficient=Decimal("1.1"),
                key_account_executive_visits=2,
                new_long_term_customers=2,
                average_order_uplift=Decimal("0.15"),
                statement="本月开发3家年采购额超50万的制造业客户，产品A成交5单，客单价提升15%",
                relevance="资源向客户价值金字塔顶端20%的大客户倾斜",
            )
        PlanLine.create(
            month=self.month,
            product=PRODUCT_A,
            customer_type=KEY_TYPE,
            revenue_fen=yuan_to_fen(100000),
            average_order_fen=yuan_to_fen(20000),
            close_rate=Decimal("0.125"),
            high_ticket=True,
        )
        PlanLine.create(
            month=self.month,
            product=PRODUCT_B,
            customer_type=VOLUME_TYPE,
            revenue_fen=yuan_to_fen(100000),
            average_order_fen=yuan_to_fen(5000),
            close_rate=Decimal("0.2"),
        )
        for area, customer_type, share, stage, pool in zip(
            AREAS,
            (KEY_TYPE, VOLUME_TYPE, KEY_TYPE, VOLUME_TYPE, VOLUME_TYPE),
            ("0.3", "0.25", "0.2", "0.15", "0.1"),
            ("mature", "mature", "new", "new", "new"),
            (40, 35, 60, 80, 16),
            strict=True,
        ):
            MarketSlice.create(
                month=self.month,
                area=area,
                customer_type=customer_type,
                share=Decimal(share),
                market_stage=stage,
                reachable_pool=pool,
            )
        for kind, text, code in (
            ("strength", "擅长陌拜，开口率高", ""),
            ("weakness", "谈判技巧弱，大单容易让价", ""),
            ("weakness", "negotiation", "negotiation"),
            ("opportunity", "年底行业旺季，客户有预算", ""),
            ("threat", "竞品降价10%", ""),
        ):
            SwotNote.create(month=self.month, kind=kind, text=text, code=code)

    def _tasks(self) -> None:
        a_leads = [lead for lead in self.leads if lead.tier == "A" and lead.outcome == "open"]
        rows = [
            (1, "与{c}谈判年度框架合同", self.customers[0], None, 0),
            (1, "跟进A类线索{l}：确认报价", None, a_leads[0], 1),
            (1, "{c}续约增值方案演示", self.customers[1], None, 2),
            (1, "挽回{c}：专属优惠方案", self.customers[2], None, -1),
            (2, "{c}季度回访", self.customers[14], None, 4),
            (2, "培育C类线索{l}：发送行业报告", None, self.leads[90], 6),
            (2, "准备《双赢谈判》课程笔记", None, None, 10),
            (3, "参加部门临时会议", None, None, 0),
            (3, "{c}总经理生日祝福", self.customers[6], None, 2),
            (3, "回复{c}的发票邮件", self.customers[20], None, 1),
            (4, "整理名片夹", None, None, 14),
            (4, "浏览行业论坛", None, None, None),
        ]
        positions = {}
        for quadrant, title, customer, lead, days in rows:
            position = positions.get(quadrant, 0)
            positions[quadrant] = position + 1
            Task.create(
                title=title.format(
                    c=customer.name if customer else "", l=lead.name if lead else ""
                ),
                quadrant=quadrant,
                position=position,
                due=None if days is None else self.as_of + timedelta(days=days),
                customer=customer,
                lead=lead,
                created=self.as_of - timedelta(days=3),
            )
        Task.create(
            title=f"给{self.customers[8].name}发送当地招标信息",
            quadrant=2,
            position=positions[2],
            due=self.as_of - timedelta(days=2),
            done=True,
            done_on=self.as_of - timedelta(days=2),
            customer=self.customers[8],
            created=self.as_of - timedelta(days=9),
        )

    def _lifecycle_events(self) -> None:
        """The rep's marks on touchpoints so far: callbacks done, a greeting skipped."""
        for customer in self.customers:
            due = customer.first_order + timedelta(days=3)
            if (self.as_of - customer.first_order).days <= 90 and due < self.as_of:
                LifecycleEvent.create(
                    customer=customer,
                    kind="first_order_callback",
                    due=due,
                    status="done",
                    done_on=due,
                )
        for customer in self.customers[:12]:
            customer.content_every_days = 30
            customer.save()

    def _review_and_cases(self) -> None:
        last_month = previous_month(self.month)
        review = MonthlyReview.create(
            month=last_month,
            finished=True,
            results="业绩完成92%，差距主要在产品A：大客户成交4单，比计划少1单。",
            process="有效拜访量达标，但产品A成交率偏低，问题出在需求挖掘不够深入。",
            ability="谈判技巧不足，大单容易在价格上让步。",
            improvement_plan="参加《双赢谈判》课程；每次拜访前准备“黄金三问”。",
            kept_methods="转介绍奖励机制带来3个新客户，继续执行。",
            dropped_methods="停止在线上渠道投放低转化广告。",
        )
        for phase, text, status in (
            ("plan", "产品A每周至少2次大客户拜访", "done"),
            ("do", "拜访前用黄金三问准备提纲", "done"),
            ("check", "复盘产品A成交率是否回到12%以上", "open"),
            ("act", "把转介绍奖励固化为长期机制", "done"),
        ):
            PdcaItem.create(
                review=review,
                phase=phase,
                text=text,
                status=status,
                carried_forward=status == "open",
            )
        for offset, kind, title, customer in (
            (3, "win", "用“黄金三问”发现停机损失痛点，设备升级为降本方案", self.customers[0]),
            (10, "lesson", "误判了客户需求，下次先确认决策链", self.customers[30]),
            (17, "win", "老客户转介绍，两周成交", self.customers[15]),
        ):
            CaseEntry.create(
                date=self.as_of - timedelta(days=offset),
                kind=kind,
                title=title,
                body="在销售晨会上分享。",
                customer=customer,
            )
