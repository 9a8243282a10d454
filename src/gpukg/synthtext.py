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


def money(amount: Decimal, currency: str = "USD") -> str:
    """$25M, $1.1B, €40M, $850K: the compact style of the reports."""
    for unit, scale in (("B", 10**9), ("M", 10**6), ("K", 10**3)):
        if amount >= scale:
            return f"{_SYMBOLS[currency]}{_plain(amount / scale)}{unit}"
    return f"{_SYMBOLS[currency]}{_plain(amount)}"


def _plain(value: Decimal) -> str:
    return f"{value.normalize():f}"


def date_text(date: Date) -> str:
    """"March 2024", or "2024" when the month is not known."""
    year, month = date
    return f"{_MONTHS[month - 1]} {year}" if month else str(year)


def names_text(items: list[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# --- profile reports ----------------------------------------------------------------

def _round_line(r: Round, rng: random.Random) -> str:
    text = "Undisclosed amount" if r.amount is None else money(r.amount, r.currency)
    if r.date:
        text += f" ({date_text(r.date)})"
    if r.valuation:
        text += f" at {money(r.valuation, r.currency)} valuation" + ("," if r.leads else "")
    leads = [w for _, w in r.leads]
    others = [w for _, w in r.others]
    if r.mode == "led":
        text += f" led by {names_text(leads)}"
    elif r.mode == "co-led":
        text += f" co-led by {names_text(leads)}"
    elif r.mode == "from":
        text += f" from {names_text(leads)}"
    elif r.mode == "participation":
        text += f" led by {leads[0]}{rng.choice((', with', ' with'))} participation from {names_text(others)}"
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
            parts = [money(d.amount, d.currency) + (f" ({date_text(d.date)})" if d.date else "") for d in debts]
            lines.append(f"- **Debt Facilities:** {parts[0]} and {parts[1]}")
        elif not (together and r is debts[1]):
            lines.append(_round_line(r, rng))
    if c.key_investors:
        lines.append(f"- **Key Investors:** {', '.join(w for _, w in c.key_investors)}")
    for deal in c.acquisitions:
        price = f" for {money(deal.price, deal.currency)}" if deal.price else ""
        lines.append(rng.choice((f"- **Recent Acquisition:** {deal.target}{price} ({date_text(deal.date)})",
                                 f"- **Acquisition:** Acquired {deal.target}{price} ({date_text(deal.date)})")))
    return lines


def _background(c: Company, rng: random.Random) -> tuple[list[str], list[str]]:
    """The founding, headquarters and leaders of a profile: as labelled bullets, or for about a
    quarter of the profiles as sentences (chosen by a random stream of their own, so the rest of
    the corpus is the same either way)."""
    year = c.founded[0] if c.founded else 0
    when = (f"~{year - 1}-{year}" if c.founded_range else date_text(c.founded)) if c.founded else None
    city, region = c.place or ("", "")
    place = (city if city == region or rng.random() < 0.2 else f"{city}, {region}") if c.place else None
    told = random.Random(f"{c.name}/background")
    if told.random() < 0.25 and not c.founded_range:
        return _told(c, when, place, told), []
    lines = [f"- **Founded:** {when}"] if when else []
    lines += [f"- **Headquarters:** {place}"] if place else []
    if c.leaders:
        lines.append("- **Leadership:** " + ", ".join(f"{who} ({role})" for who, role in c.leaders))
    return [], lines


def _told(c: Company, when: str | None, place: str | None, rng: random.Random) -> list[str]:
    n = c.name
    if when and place:
        lines = [rng.choice((f"{n} was founded in {when} and is headquartered in {place}.",
                             f"Founded in {when}, {n} is based in {place}.",
                             f"{n}, based in {place}, was established in {when}."))]
    elif when:
        lines = [rng.choice((f"{n} was founded in {when}.", f"{n} was established in {when}."))]
    elif place:
        lines = [rng.choice((f"{n} is headquartered in {place}.", f"{n} is based in {place}."))]
    else:
        lines = []
    for who, role in c.leaders:
        spoken = role.replace(" & ", " and ").replace("Co-Founder", "Co-founder").replace("Founder", "founder")
        lines.append(rng.choice((f"{who} serves as {spoken}.", f"{who} is the company's {spoken}.",
                                 f"{spoken[0].upper() + spoken[1:]} {who} leads the company.")))
    return lines


def _overview(c: Company, rng: random.Random, lines: list[str]) -> list[str]:
    lines = list(lines)
    if c.valuation:
        amount, date, style = c.valuation
        if style == "estimated":
            lines.append(f"- **Estimated Valuation:** {money(amount)}")
        elif style == "plus":
            lines.append(f"- **Valuation:** {money(amount)}+ (estimated, {date_text(date)})")
        elif style == "market-cap":
            lines.append(f"- **Market Cap:** {money(amount)} ({date_text(date)})")
        else:
            seeking = f", reportedly seeking {money(c.sought)} valuation" if c.sought else ""
            lines.append(f"- **Valuation:** {money(amount)} ({date_text(date)}){seeking}")
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
        lines.append(f"- **Annual Recurring Revenue:** {money(now)} ({date_text((year, month))}){then}{times}")
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
    told, bullets = _background(c, rng)
    if told:
        lines += [*told, ""]
    overview = _overview(c, rng, bullets)
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


# --- the corpus -----------------------------------------------------------------------

def render(market: Market, on_progress: Progress | None = None) -> dict[str, str]:
    """File name -> Markdown for every report of the market, in a stable order."""
    from .synthtrends import trends_report  # it words its reports with this module's helpers

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
        reports[f"trends-{t + 1:0{width}d}.md"] = trends_report(task, market, members, deals, rng)
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
