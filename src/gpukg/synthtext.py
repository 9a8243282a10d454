"""The wording of synthetic reports: turns an invented ``Market`` into Markdown.

Layout, labels and sentence shapes copy the bundled reports (profile sections with
bold sub-headings and labelled bullets, a comparison matrix, key insights; trend
reports with "According to [Source](URL)" intros); each fact kind has several
templates, chosen by a per-report ``random.Random`` so that wording never changes
what is stated. Category keywords appear only in text about that category.
"""
from __future__ import annotations

import random
from collections import Counter
from decimal import Decimal

from .iris import slug
from .synth import (PROFILE_REPORTS_PER_TREND_REPORT, PROFILES_PER_REPORT, Acquisition, Company, Date, Market,
                    Progress, Round)

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}
_MONTHS = ("January February March April May June July August September October November "
           "December").split()
_LABELS = {
    "pre-seed": ("Pre-Seed Round", "Pre-Seed"), "seed": ("Seed Round", "Seed"),
    "series-a": ("Series A",), "series-b": ("Series B",), "series-c": ("Series C",),
    "series-d": ("Series D",), "series-e": ("Series E",), "series-f": ("Series F",),
    "extension": ("Extension Round",), "debt-facility": ("Debt Facility", "Debt Financing"),
    "credit-facility": ("Credit Facility", "Revolving Credit Facility"),
    "gpu-financing": ("GPU Financing", "GPU-Backed Financing"),
    "strategic-commitment": ("Major Commitment", "Strategic Commitment"),
    "additional-funding": ("Additional Funding",),
}
_EQUITY = {"pre-seed", "seed", "series-a", "series-b", "series-c", "series-d", "series-e", "series-f",
           "extension", "additional-funding"}
# Each template names its category in so many words and no other category's keywords.
_MODEL = {
    "neocloud": (
        "{c} operates as a specialized cloud provider focused on GPU-accelerated workloads, with significant infrastructure investments.",
        "{c} operates both on-demand and reserved GPU cloud services, positioning itself as a cost-effective alternative to traditional cloud providers.",
        "{c} is a neocloud that rents dedicated GPU clusters for AI training and large-scale deployment.",
        "{c} runs a GPU cloud built for AI labs, offering bare-metal clusters on multi-year contracts.",
        "{c} provides AI infrastructure as a GPU cloud, combining owned data centers with long-term capacity contracts.",
    ),
    "inference-platform": (
        "{c} operates as an AI inference platform specializing in compound AI systems. The company focuses on providing fast, cost-efficient model APIs through custom kernels and inference optimizations.",
        "{c} provides an inference platform that serves 100+ open source models behind a single API.",
        "{c} is an AI inference platform that hosts and fine-tunes open models for enterprise developers.",
        "{c} offers a managed inference platform with dedicated deployments and token-based pricing.",
    ),
    "serverless-gpu-platform": (
        "{c} operates a serverless platform designed specifically for AI and data teams, offering Python-native development with pay-per-second GPU usage.",
        "{c} offers a serverless GPU platform with pay-per-millisecond billing and automatic scaling from zero.",
        "{c} is a serverless GPU platform where developers deploy containers that scale to thousands of GPUs on demand.",
    ),
    "gpu-marketplace": (
        "{c} runs a peer-to-peer GPU marketplace where independent hosts rent out idle hardware.",
        "{c} operates a decentralized GPU marketplace with real-time bidding for compute.",
        "{c} is a GPU marketplace connecting data centers with spare capacity to AI developers.",
    ),
}
_MODEL_BULLET = ("Peer-to-peer GPU marketplace", "Decentralized GPU marketplace", "Open GPU marketplace")
_ADVANTAGES = {
    "neocloud": ("Significant cost advantages vs traditional cloud providers", "1-Click Clusters for instant H100 access",
                 "Hardware-optimized software stack", "Strong price/performance ratio",
                 "Aggressive data center expansion", "Long-term capacity contracts with AI labs"),
    "inference-platform": ("Proprietary inference engine with custom attention kernels", "Multi-LoRA architecture for efficient resource sharing",
                           "Custom optimization kernels for higher GPU throughput", "Revenue-based pricing model that scales with customer usage",
                           "Strong enterprise partnerships"),
    "serverless-gpu-platform": ("Python-native experience for developers", "Instant scaling from zero to hundreds of nodes",
                                "Developer-first platform design", "Best-in-class cold start performance",
                                "15% cost advantage over other serverless providers"),
    "gpu-marketplace": ("Decentralized marketplace model", "Real-time bidding system", "Global distributed network",
                        "Lowest barrier to entry", "Wide choice of consumer and datacenter GPUs"),
}
_DIFFERENTIATOR = {
    "neocloud": ("Cost-effective GPU cloud", "Scale and enterprise partnerships", "Bare-metal GPU clusters", "Sustainable computing"),
    "inference-platform": ("Fastest inference", "Comprehensive AI platform", "Open model APIs"),
    "serverless-gpu-platform": ("Serverless Python-native platform", "Developer-focused serverless", "Per-second serverless billing"),
    "gpu-marketplace": ("P2P marketplace model", "Lowest-cost marketplace", "Real-time GPU bidding"),
}
_PROFILE_TITLES = ("GPU Computing Infrastructure Company Profiles", "GPU Cloud and Inference Company Profiles",
                   "AI Compute Provider Company Profiles")
_TREND_TITLES = ("Business Trends and Growth Drivers in GPU Infrastructure", "Market Trends in GPU Cloud Computing",
                 "GPU Infrastructure Business Trends and Outlook")


def money(amount: Decimal, currency: str = "USD") -> str:
    """$25M, $1.1B, €40M, $850K: the compact style of the reports."""
    for unit, scale in (("B", 10**9), ("M", 10**6), ("K", 10**3)):
        if amount >= scale:
            return f"{_SYMBOLS[currency]}{_plain(amount / scale)}{unit}"
    return f"{_SYMBOLS[currency]}{_plain(amount)}"


def _plain(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _when(date: Date) -> str:
    year, month = date
    return f"{_MONTHS[month - 1]} {year}" if month else str(year)


def _names(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# --- profile reports ----------------------------------------------------------------

def _round_line(r: Round, rng: random.Random) -> str:
    text = "Undisclosed amount" if r.amount is None else money(r.amount, r.currency)
    if r.date:
        text += f" ({_when(r.date)})"
    if r.valuation:
        text += f" at {money(r.valuation, r.currency)} valuation" + ("," if r.leads else "")
    leads = [w for _, w in r.leads]
    others = [w for _, w in r.others]
    if r.mode == "led":
        text += f" led by {_names(leads)}"
    elif r.mode == "co-led":
        text += f" co-led by {_names(leads)}"
    elif r.mode == "from":
        text += f" from {_names(leads)}"
    elif r.mode == "participation":
        text += f" led by {leads[0]}{rng.choice((', with', ' with'))} participation from {_names(others)}"
    return f"- **{rng.choice(_LABELS[r.kind])}:** {text}"


def _funding_lines(c: Company, rng: random.Random) -> list[str]:
    lines = []
    equity = [r for r in c.rounds if r.kind in _EQUITY]
    known = [r for r in equity if r.amount is not None and r.currency == c.currency]
    if known and rng.random() < 0.8:
        plus = "+" if len(known) < len(equity) else ""
        lines.append(f"- **Total Raised:** {money(sum(r.amount for r in known), c.currency)}{plus}")
    debts = [r for r in c.rounds if r.kind == "debt-facility"]
    together = len(debts) == 2 and all(r.mode == "none" and r.amount and not r.valuation for r in debts) \
        and rng.random() < 0.5
    for r in c.rounds:
        if together and r is debts[0]:
            parts = [money(d.amount, d.currency) + (f" ({_when(d.date)})" if d.date else "") for d in debts]
            lines.append(f"- **Debt Facilities:** {parts[0]} and {parts[1]}")
        elif not (together and r is debts[1]):
            lines.append(_round_line(r, rng))
    if c.key_investors:
        lines.append(f"- **Key Investors:** {', '.join(w for _, w in c.key_investors)}")
    for deal in c.acquisitions:
        price = f" for {money(deal.price, deal.currency)}" if deal.price else ""
        lines.append(rng.choice((f"- **Recent Acquisition:** {deal.target}{price} ({_when(deal.date)})",
                                 f"- **Acquisition:** Acquired {deal.target}{price} ({_when(deal.date)})")))
    return lines


def _overview(c: Company, rng: random.Random) -> list[str]:
    lines = []
    if c.founded:
        year, month = c.founded
        when = f"~{year - 1}-{year}" if c.founded_range else _when(c.founded)
        lines.append(f"- **Founded:** {when}")
    if c.place:
        city, region = c.place
        lines.append(f"- **Headquarters:** {city if city == region or rng.random() < 0.2 else f'{city}, {region}'}")
    if c.leaders:
        lines.append("- **Leadership:** " + ", ".join(f"{who} ({role})" for who, role in c.leaders))
    if c.valuation:
        amount, date, style = c.valuation
        if style == "estimated":
            lines.append(f"- **Estimated Valuation:** {money(amount)}")
        elif style == "plus":
            lines.append(f"- **Valuation:** {money(amount)}+ (estimated, {_when(date)})")
        elif style == "market-cap":
            lines.append(f"- **Market Cap:** {money(amount)} ({_when(date)})")
        else:
            seeking = f", reportedly seeking {money(c.sought)} valuation" if c.sought else ""
            lines.append(f"- **Valuation:** {money(amount)} ({_when(date)}){seeking}")
    return lines


def _performance(c: Company, rng: random.Random) -> list[str]:
    lines = []
    if c.revenue:
        year, amount, growth = c.revenue
        approx = "~" if rng.random() < 0.15 else ""
        grew = f" ({growth}% growth from {year - 1})" if growth and rng.random() < 0.5 else ""
        lines.append(f"- **{year} Revenue:** {approx}{money(amount)}{grew}")
        if c.projected:
            lines.append(f"- **{year + 1} Projected Revenue:** {money(c.projected)}")
    if c.arr:
        now, (year, month), before = c.arr
        then = f", up from {money(before)} in {_MONTHS[month - 1]} {year - 1}" if rng.random() < 0.6 else ""
        ratio = now / before
        times = f" ({ratio:f}x growth)" if then and ratio == ratio.to_integral_value() else ""
        lines.append(f"- **Annual Recurring Revenue:** {money(now)} ({_when((year, month))}){then}{times}")
    if c.customers:
        lines.append(f"- **Customer Base:** {int(c.customers):,}+ customers")
    if c.developers:
        label, noun = rng.choice((("Developer Base", "developers"), ("Developer Community", "developers"),
                                  ("User Base", "AI developers")))
        lines.append(f"- **{label}:** {int(c.developers):,}{rng.choice(('+', ''))} {noun}")
    if c.data_centers:
        sites, gpus = c.data_centers
        lines.append(f"- **Infrastructure:** {sites} data centers, {gpus:,} GPUs")
    if c.price_per_hour:
        gpu, price = c.price_per_hour
        lines.append(rng.choice((f"- **Pricing:** {gpu} instances starting at ${price}/hour",
                                 f"- **Pricing:** ${price}/hour for {gpu} instances")))
    return lines


def _profile(c: Company, number: int, rng: random.Random) -> list[str]:
    lines = [f"### {number}. {c.name}", ""]
    overview = _overview(c, rng)
    funding = _funding_lines(c, rng)
    compact = len(c.rounds) <= 2 and not c.key_investors and not c.acquisitions and rng.random() < 0.15
    bullet_model = c.category == "gpu-marketplace" and rng.random() < 0.5
    if bullet_model:
        overview.append(f"- **Business Model:** {rng.choice(_MODEL_BULLET)}")
    if compact and funding:
        overview += [line.replace("**Total Raised:** ", "**Funding:** ").replace("+", "") + " total"
                     if line.startswith("- **Total Raised:**") else line for line in funding]
        funding = []
    if overview:
        lines += ["**Company Overview**", *overview, ""]
    if not bullet_model:
        subject = c.short if rng.random() < 0.5 else c.name
        lines += ["**Business Model**", rng.choice(_MODEL[c.category]).format(c=subject), ""]
    performance = _performance(c, rng)
    if performance:
        lines += [rng.choice(("**Financial Performance**",) * 3 + ("**Performance Metrics**", "**Market Position**")),
                  *performance, ""]
    if funding:
        lines += ["**Funding History**", *funding, ""]
    heading = rng.choice(("**Competitive Advantages**",) * 3 + ("**Unique Value Proposition**", "**Strategic Initiatives**"))
    lines += [heading, *(f"- {a}" for a in rng.sample(_ADVANTAGES[c.category], rng.randint(2, 4))), ""]
    return lines


def _matrix_row(c: Company, rng: random.Random) -> str:
    valuation = "Not disclosed"
    if c.valuation:
        valuation = money(c.valuation[0]) + ("+" if c.valuation[2] == "plus" else "")
        if c.sought:
            valuation += f"-{money(c.sought)}"
    revenue = "Not disclosed"
    if c.arr:
        revenue = f"{money(c.arr[0])} ARR"
    elif c.revenue:
        revenue = money(c.revenue[1]) + (f"-{money(c.projected)}" if c.projected else "")
    return f"| {c.name} | {valuation} | {revenue} | {rng.choice(_DIFFERENTIATOR[c.category])} |"


def _deal_phrase(deal: Acquisition) -> str:
    return f"{deal.acquirer} acquiring {deal.target}"


def _insights(companies: list[Company], deals: list[Acquisition], rng: random.Random) -> list[str]:
    recent = sum(int(r.amount) for c in companies for r in c.rounds
                 if r.amount and r.currency == "USD" and r.date and r.date[0] >= 2024)
    backers = Counter(inv.name for c in companies for r in c.rounds for inv, _ in r.leads + r.others)
    items = []
    if recent >= 10**6:
        floor = Decimal(int(str(recent)[0]) * 10 ** (len(str(recent)) - 1))
        items.append(f"**Funding Surge:** The sector has attracted over {money(floor)} in funding across major players in 2024-2025")
    items.append("**Diverse Business Models:** Companies are differentiating through serverless, sustainable, P2P, and specialized approaches")
    items.append(f"**Rapid Growth:** Many companies showing {rng.choice(('5-10x', '10-20x', '3-5x'))} revenue growth year-over-year")
    top = [name for name, _ in backers.most_common(2)]
    if top:
        items.append(f"**Strategic Backing:** {', '.join(top)}, and major cloud providers are investing across multiple platforms")
    if deals:
        items.append(f"**Market Consolidation:** Beginning to see acquisitions ({', '.join(_deal_phrase(d) for d in deals)})")
    return ["## Key Insights", "", *(f"{i}. {text}" for i, text in enumerate(items, 1))]


def _profiles_report(task: int, part: int, companies: list[Company], deals: list[Acquisition],
                     rng: random.Random) -> str:
    title = rng.choice(_PROFILE_TITLES) + (f" (Part {part})" if rng.random() < 0.5 else "")
    lines = [f"# Task {task}: {title}", "", "## Overview", "",
             rng.choice((
                 "The GPU computing infrastructure market has emerged as one of the most dynamic sectors in technology, with companies competing to provide the computational power needed for AI workloads. This report profiles the major players in this space, analyzing their business models, funding, and market positioning.",
                 "Demand for AI compute has created a crowded field of GPU cloud, inference and marketplace providers. This report profiles the companies below, covering their business models, funding and market positioning.",
             )), "", "## Major Company Profiles", ""]
    for number, company in enumerate(companies, 1):
        lines += _profile(company, number, rng)
    lines += ["## Market Comparison Matrix", "",
              "| Company | Valuation | 2024/2025 Revenue | Key Differentiator |",
              "|---------|-----------|-------------------|-------------------|",
              *(_matrix_row(c, rng) for c in companies), ""]
    lines += _insights(companies, deals, rng)
    return "\n".join(lines) + "\n"


# --- trend reports -----------------------------------------------------------------

class _Trends:
    """One trend report: draws companies of one category to name as examples, each at most once."""

    def __init__(self, market: Market, companies: list[Company], deals: list[Acquisition], rng: random.Random) -> None:
        self.market, self.deals, self.rng = market, deals, rng
        self.pool: dict[str, list[Company]] = {}
        for c in companies:
            self.pool.setdefault(c.category, []).append(c)
        for group in self.pool.values():
            rng.shuffle(group)
        self.companies = companies

    def take(self, category: str, count: int) -> list[Company]:
        group = self.pool.get(category, [])
        taken, self.pool[category] = group[:count], group[count:]
        return taken

    def call(self, c: Company) -> str:
        return c.short if c.short != c.name and self.rng.random() < 0.3 else c.name

    def source(self) -> str:
        name, url = self.rng.choice(self.market.sources)
        return f"[{name}]({url}{self.rng.choice(('report', 'blog', 'research', 'analysis'))}-{self.rng.randint(1, 999)})"

    def according(self, tail: str = ":") -> str:
        return f"{self.rng.choice(('According to', 'Per', 'As reported by'))} {self.source()}{tail}"


def _s_inference(t: _Trends) -> list[str]:
    r = t.rng
    lines = [t.according(", the focus in enterprise AI is shifting from training to inference in 2024-2025. This trend is evidenced by:"),
             f"- **Chipmakers report that {r.randint(25, 60)}% of data center revenue in 2024 came from AI inference**",
             f"- Inference market projected to reach ${r.randint(100, 400)}.{r.randint(10, 99)} billion by 2030 [Source: {t.source()[1:]}"]
    named = t.take("inference-platform", r.randint(1, 3))
    if named:
        lines.append(f"- Inference platforms such as {_names([t.call(c) for c in named])} report rising demand for dedicated deployments")
    return lines + ['- Companies developing "inference-as-a-service" platforms to optimize cost, performance, and efficiency']


def _s_compound(t: _Trends) -> list[str]:
    lines = [t.according(", state-of-the-art AI results are increasingly obtained by compound systems with multiple components:"),
             "- **Shift from monolithic models to modular systems** combining multiple specialized components"]
    lines += [f"- {t.call(c)} positioning for this trend with multi-model orchestration" for c in t.take("inference-platform", 1)]
    return lines + ["- Infrastructure evolving to support multi-model orchestration and coordination"]


def _s_supply(t: _Trends) -> list[str]:
    r = t.rng
    low = r.randint(10, 30) / 10
    return ["#### Supply Improvements but Persistent Demand", t.according(),
            "- H100 supply significantly improved from 2023 shortage",
            f"- **Projected H100 shipments: {low:g}-{low + 0.5:g} million units in 2024** (up from {r.randint(3, 9)}00,000 in 2023)",
            "- Despite increased supply, 2025 production slots are sold out", "",
            "#### Pricing Evolution", t.according(),
            f"- Cloud H100 pricing dropped from **${r.randint(6, 9)}/hour to $2.{r.randint(10, 99)}-$3.{r.randint(10, 99)}/hour** in 2025"]


def _s_neocloud(t: _Trends) -> list[str]:
    r = t.rng
    lines = [t.according(), f"- **GPU clouds growing {r.choice(('1,000', '800', '500'))}% year-over-year**"]
    for c in t.take("neocloud", r.randint(2, 6)):
        if c.revenue and c.revenue[2]:
            year, amount, growth = c.revenue
            lines.append("- " + r.choice((
                f"{t.call(c)} revenue grew {growth}% to {money(amount)} in {year}",
                f"{t.call(c)} grew revenue {growth}% year-over-year to {money(amount)} in {year}",
                f"{t.call(c)}'s {year} revenue rose {growth}% to {money(amount)}")))
        else:
            lines.append(f"- {t.call(c)} is among the neoclouds experiencing explosive growth")
    named = t.take("neocloud", 2)
    if named:
        lines.append(f"- {', '.join(t.call(c) for c in named)} experiencing similar explosive growth")
    return lines


def _s_applications(t: _Trends) -> list[str]:
    r = t.rng
    return [t.according(), f"- **{r.randint(10, 60)} million AI-generated images created daily**",
            f"- AI image generation market approaching ${r.randint(300, 999)} million by 2024",
            "- Generative AI and LLMs driving unprecedented compute demand"]


def _s_enterprise(t: _Trends) -> list[str]:
    r = t.rng
    corps = t.market.featured[:4]
    shares = sorted((r.randint(80, 220) for _ in corps), reverse=True)
    return [f"Major cloud providers' demand share according to {t.source()}:",
            *(f"- **{c.name}: {s / 10:g}%**" for c, s in zip(corps, shares)),
            f"- Combined: Over {sum(shares) // 100 * 10}% of global high-end AI server demand"]


def _s_serverless(t: _Trends) -> list[str]:
    r = t.rng
    lines = [t.according(", key trends include:"), "- **Pay-per-second billing models** becoming standard"]
    named = t.take("serverless-gpu-platform", r.randint(1, 3))
    if named:
        lines.append(f"- {_names([t.call(c) for c in named])} {'offers' if len(named) == 1 else 'offer'} serverless GPU endpoints with cold starts under {r.choice((200, 300, 500))}ms")
    return lines + ["- Automatic scaling from zero to thousands of GPUs"]


def _s_multicloud(t: _Trends) -> list[str]:
    named = t.take("inference-platform", 1)
    intro = t.according() if not named else \
        f"Per [{named[0].name}'s approach](https://example.com/{slug(named[0].name)}/blog/multi-cloud):"
    return [intro, f"- Providers provisioning across **{t.rng.randint(5, 15)}+ clouds and {t.rng.randint(10, 30)}+ regions**",
            "- Focus on high availability and consistent performance", "- Seamless failover and geographic distribution"]


def _s_specialized(t: _Trends) -> list[str]:
    lines = [t.according(), "- Neoclouds building **AI-specific infrastructure** vs. general-purpose"]
    named = t.take("neocloud", t.rng.randint(1, 3))
    if named:
        lines.append(f"- {_names([t.call(c) for c in named])} among the neoclouds deploying liquid-cooled racks at 100kW+")
    return lines + ["- Optimized for AI workloads rather than traditional cloud computing"]


def _s_usage(t: _Trends) -> list[str]:
    r = t.rng
    lines = ["Market trends show:"]
    for c in t.take("serverless-gpu-platform", r.randint(1, 2)):
        lines.append(f"- **{t.call(c)}**: Serverless pay-per-second billing, ${r.randint(5, 50)} free monthly compute")
    for c in t.take("gpu-marketplace", r.randint(1, 2)):
        lines.append(f"- **{t.call(c)}**: Marketplace model with competitive hourly rates")
    return lines if len(lines) > 1 else lines + ["- Pay-as-you-go pricing now standard across providers"]


def _s_platform(t: _Trends) -> list[str]:
    return [t.according(), "- Shift from **supply arbitrage to platform strength**",
            "- Focus on software differentiation and developer experience",
            "- Building trusted infrastructure relationships with AI developers"]


def _s_vertical(t: _Trends) -> list[str]:
    phrases = ("Hardware + cloud services", "Energy infrastructure + compute", "From crypto-mining to AI hyperscaler",
               "Owned data centers + GPU cloud")
    named = t.take("neocloud", t.rng.randint(1, 3))
    return ["Companies pursuing different integration strategies:",
            *(f"- **{t.call(c)}**: {t.rng.choice(phrases)}" for c in named)] if named else []


def _s_consolidation(t: _Trends) -> list[str]:
    lines = [t.according(), "- Market consolidation expected as competition intensifies"]
    for deal in t.deals:
        price = f" for {money(deal.price, deal.currency)}" if deal.price else ""
        lines.append(t.rng.choice((f"- {deal.acquirer} acquiring {deal.target}{price} ({_when(deal.date)})",
                                   f"- {deal.acquirer} acquired {deal.target}{price} in {_when(deal.date)}")))
    return lines + ["- Differentiation becoming harder as GPU availability improves"]


def _s_edge(t: _Trends) -> list[str]:
    return ["Emerging trends include:", "- **Hybrid cloud-edge architectures** for low-latency inference",
            "- Distributed AI processing across edge and cloud", "- 5G integration enabling new use cases"]


def _s_silicon(t: _Trends) -> list[str]:
    corps = t.market.featured[4:] or t.market.featured[:3]
    return [t.according(), *(f"- **{c.name}** developing custom accelerators for {t.rng.randint(2026, 2028)}" for c in corps)]


def _s_sustainability(t: _Trends) -> list[str]:
    lines = [t.according(), "- Growing emphasis on renewable energy for data centers"]
    lines += [f"- {t.call(c)} secured **{t.rng.randint(1, 9)}.{t.rng.randint(1, 9)}GW of natural gas** for AI data centers"
              for c in t.take("neocloud", 1)]
    return lines + ["- Environmental considerations becoming competitive differentiator"]


_GROUPS = (
    ("Major Market Trends", (("Shift from Training to Inference", _s_inference), ("Evolution to Compound AI Systems", _s_compound),
                             ("GPU Supply Dynamics", _s_supply), ("Neocloud Emergence and Growth", _s_neocloud))),
    ("Growth Drivers", (("AI Application Explosion", _s_applications), ("Enterprise Adoption Acceleration", _s_enterprise))),
    ("Infrastructure Evolution Trends", (("Serverless GPU Computing", _s_serverless), ("Multi-Cloud Strategies", _s_multicloud),
                                         ("Specialized Infrastructure", _s_specialized))),
    ("Business Model Evolution", (("Usage-Based Pricing Dominance", _s_usage), ("Platform Differentiation Strategies", _s_platform),
                                  ("Vertical Integration", _s_vertical))),
    ("Future Business Trends (2025 and Beyond)", (("Consolidation and Competition", _s_consolidation),
                                                  ("Edge Computing Integration", _s_edge), ("Custom Silicon Development", _s_silicon),
                                                  ("Sustainability Focus", _s_sustainability))),
)


_ALWAYS = (_s_enterprise, _s_silicon)


def _funding_trends(t: _Trends) -> list[str]:
    activity = []
    for c in t.companies:
        if len(activity) >= 6:
            break
        if c.sought:
            activity.append(f"- **{t.call(c)}**: Moving toward {money(c.sought)} valuation")
        elif c.valuation and c.valuation[2] == "dated" and t.rng.random() < 0.3:
            activity.append(f"- **{t.call(c)}**: {money(c.valuation[0])} valuation with major institutional backing")
    backed: dict[str, list[str]] = {}
    spelled: dict[str, str] = {}
    for c in t.companies:
        for inv, written in c.key_investors:
            spelled.setdefault(inv.name, written)
            backed.setdefault(inv.name, []).append(t.call(c))
    strategic = [f"- **{spelled[name]}**: Investing in {', '.join(names[:4])}"
                 for name, names in sorted(backed.items(), key=lambda kv: -len(kv[1]))[:6]]
    lines = ["## Investment and Funding Trends", ""]
    if activity:
        lines += ["### Venture Capital Activity", *activity, ""]
    if strategic:
        lines += ["### Strategic Investors", *strategic, ""]
    return lines if len(lines) > 2 else []


def _trends_report(task: int, market: Market, companies: list[Company], deals: list[Acquisition],
                   rng: random.Random) -> str:
    t = _Trends(market, companies, deals, rng)
    lines = [f"# Task {task}: {rng.choice(_TREND_TITLES)}", ""]
    for group, sections in _GROUPS:
        # Sections carrying facts the ground truth counts are always there.
        chosen = [s for s in sections if rng.random() < 0.75 or s[1] in _ALWAYS or (s[1] is _s_consolidation and deals)]
        body: list[str] = []
        for title, make in chosen:
            section = make(t)
            if section:
                body += [f"### {sum(line.startswith('### ') for line in body) + 1}. {title}", "", *section, ""]
        if body:
            lines += [f"## {group}", "", *body]
    lines += _funding_trends(t)
    return "\n".join(lines).rstrip("\n") + "\n"


# --- the corpus -----------------------------------------------------------------------

def render(market: Market, on_progress: Progress | None = None) -> dict[str, str]:
    """File name -> Markdown for every report of the market, in a stable order."""
    chunks = _chunks(market.companies, random.Random(f"gpukg-synth:{market.seed}:chunks"))
    trend_count = -(-len(chunks) // PROFILE_REPORTS_PER_TREND_REPORT)
    width = max(4, len(str(len(chunks))))
    corporate = [d for d in market.acquisitions if not d.in_profile]
    total, done = len(chunks) + trend_count, 0
    reports: dict[str, str] = {}
    task = 1
    for t in range(trend_count):
        block = chunks[t * PROFILE_REPORTS_PER_TREND_REPORT:(t + 1) * PROFILE_REPORTS_PER_TREND_REPORT]
        members: list[Company] = []
        for p, chunk in enumerate(block):
            number = t * PROFILE_REPORTS_PER_TREND_REPORT + p
            rng = random.Random(f"gpukg-synth:{market.seed}:profiles:{number}")
            deals = [d for c in chunk for d in c.acquisitions] + corporate[number::len(chunks)]
            reports[f"profiles-{number + 1:0{width}d}.md"] = _profiles_report(task, number + 1, chunk, deals, rng)
            members += chunk
            task += 1
            done += 1
            if on_progress:
                on_progress(done, total)
        rng = random.Random(f"gpukg-synth:{market.seed}:trends:{t}")
        deals = [d for c in members for d in c.acquisitions] + corporate[t::trend_count]
        reports[f"trends-{t + 1:0{width}d}.md"] = _trends_report(task, market, members, deals, rng)
        task += 1
        done += 1
        if on_progress:
            on_progress(done, total)
    return dict(sorted(reports.items()))


def _chunks(companies: list[Company], rng: random.Random) -> list[list[Company]]:
    """Consecutive groups of about PROFILES_PER_REPORT companies (give or take eight)."""
    count = max(1, round(len(companies) / PROFILES_PER_REPORT))
    sizes = [len(companies) // count + (i < len(companies) % count) for i in range(count)]
    for i in range(count - 1):  # uneven, as real reports are
        shift = rng.randint(-4, 4)
        if sizes[i] + shift >= 1 and sizes[i + 1] - shift >= 1:
            sizes[i] += shift
            sizes[i + 1] -= shift
    out, start = [], 0
    for size in sizes:
        out.append(companies[start:start + size])
        start += size
    return out
