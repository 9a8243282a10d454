"""The wording of synthetic trend reports: market-wide sections that name companies as examples.

Like the bundled trend report: "According to [Source](URL)" intros, numbered sections in
groups, funding activity at the end. Each section names, as examples, companies of the
category it is about, and no company twice in one report.
"""
from __future__ import annotations

import random

from .iris import slug
from .synth import Acquisition, Company, Market
from .synthtext import date_text, money, names_text

_TREND_TITLES = ("Business Trends and Growth Drivers in GPU Infrastructure", "Market Trends in GPU Cloud Computing",
                 "GPU Infrastructure Business Trends and Outlook")


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
        lines.append(f"- Inference platforms such as {names_text([t.call(c) for c in named])} report rising demand for dedicated deployments")
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
        lines.append(f"- {names_text([t.call(c) for c in named])} {'offers' if len(named) == 1 else 'offer'} serverless GPU endpoints with cold starts under {r.choice((200, 300, 500))}ms")
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
        lines.append(f"- {names_text([t.call(c) for c in named])} among the neoclouds deploying liquid-cooled racks at 100kW+")
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
        lines.append(t.rng.choice((f"- {deal.acquirer} acquiring {deal.target}{price} ({date_text(deal.date)})",
                                   f"- {deal.acquirer} acquired {deal.target}{price} in {date_text(deal.date)}")))
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


def trends_report(task: int, market: Market, companies: list[Company], deals: list[Acquisition],
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
