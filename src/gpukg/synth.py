"""Synthetic market-research reports of the same family as ``corpus/``, at any size.

``plan`` invents a market from a seed: companies with categories, leaders,
funding rounds and valuations; investors drawn from a long-tailed (Zipf) pool,
some spelled two ways ("Vexo Capital" / "Vexo"); acquisitions. ``synthtext.render``
writes it as profile reports (about 50 companies each) and trend reports whose layout
and labels mirror the bundled reports, with several wordings per fact kind.
``expected_facts`` is the ground truth a loader should recover.

The middle is pure: one ``random.Random`` per seed (string seeds hash the same
in every process), integer arithmetic for every figure the reports state (no
float rounding that could differ between machines), no clock. So a seed always gives byte-identical
reports. ``write_corpus`` is the only I/O.

Invariants the ground truth relies on, so a careful loader can reach 100 %:
- every profiled company states exactly one category, and sections that name
  companies as examples of a category ("Neocloud Emergence") name only that category;
- trend reports restate profile facts with the same values and dates and never add
  rounds; "Investing in" lines restate "Key Investors" pairs;
- name stems are unique across companies, investors, people and sources, so
  dropping a suffix ("Labs", "Capital") never merges two different organizations;
  a corporate venture arm ("Zentra Ventures") is a different investor from its parent.
"""
from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .errors import GpukgError
from .iris import slug
from .store import write_atomic

MANIFEST = "synth-manifest.json"
PROFILES_PER_REPORT = 50
PROFILE_REPORTS_PER_TREND_REPORT = 5
CATEGORIES = {  # label -> weight
    "neocloud": 40, "inference-platform": 25, "serverless-gpu-platform": 20, "gpu-marketplace": 15,
}
Progress = Callable[[int, int], None]
Date = tuple[int, int | None]  # (year, month or None)

# --- names ---------------------------------------------------------------------

_ONSETS = ("b bl br c ch cl cr d dr f fl fr g gl gr h j k kl kr l m n p pl pr qu r s sc sh sk "
           "sl sp st t th tr v vr w z").split()
_VOWELS = "a e i o u ai ea ei io ou".split()
_CODAS = ("", "", "", "n", "r", "x", "l", "s", "m", "nd", "rk", "st", "th", "v")
_ENDINGS = ("ora ion ix eon ara yx ium ova iva ent ex ano era ila on um ia ax ette ida "
            "uma ari oro ella iso ano ovo ine elle ado").split()
_FIRST_NAMES = ("Ada Alex Amara Anil Ben Carla Chen Daniel Dara Elena Emeka Erik Farah Felix "
                "Grace Hana Hugo Ines Ivan Jamal Jun Kai Karin Lars Leila Lin Luca Maya Mei "
                "Michael Nadia Naveen Nora Omar Priya Rafael Rosa Sami Sara Stephen Tariq Tomas "
                "Uma Victor Wei Yara Yusuf Zoe").split()
_RESERVED = {"series", "seed", "total", "market", "pricing", "founded", "leadership", "source",
             "capital", "ventures", "partners", "labs", "cloud", "energy", "group", "per"}


class NameMaker:
    """Invents pronounceable stems from syllables; every stem is new (case-insensitive)."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._used: set[str] = set(_RESERVED)

    def stem(self) -> str:
        rng = self._rng
        while True:
            parts = [rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)]
            if rng.random() < 0.35:
                parts.append(rng.choice(_ONSETS) + rng.choice(_VOWELS))
            parts.append(rng.choice(_ENDINGS))
            word = "".join(parts)
            if len(word) <= 12 and word not in self._used:
                self._used.add(word)
                return word.capitalize()

    def person(self) -> str:
        return f"{self._rng.choice(_FIRST_NAMES)} {self.stem()}"


# --- the invented market -------------------------------------------------------

@dataclass
class Investor:
    name: str
    kind: str  # a label of concept:investor-kind
    alias: str | None = None  # the second spelling, used in some mentions

    def spelled(self, rng: random.Random) -> str:
        return self.alias if self.alias and rng.random() < 0.35 else self.name


@dataclass
class Round:
    kind: str  # a label of concept:round-type
    amount: Decimal | None
    currency: str
    date: Date | None
    leads: list[tuple[Investor, str]] = field(default_factory=list)  # (investor, as written)
    others: list[tuple[Investor, str]] = field(default_factory=list)
    mode: str = "none"  # led, co-led, from, participation, none
    valuation: Decimal | None = None


@dataclass
class Acquisition:
    acquirer: str
    target: str
    price: Decimal | None
    currency: str
    date: Date
    in_profile: bool  # stated in the acquirer's profile (else only in insights and trends)


@dataclass
class Company:
    index: int
    name: str
    short: str  # how prose refers to it ("Lambda" for "Lambda Labs")
    category: str
    founded: Date | None
    founded_range: bool  # stated as "~{year-1}-{year}"
    place: tuple[str, str] | None
    leaders: list[tuple[str, str]]  # (person, role as written)
    currency: str
    rounds: list[Round]
    key_investors: list[tuple[Investor, str]]
    valuation: tuple[Decimal, Date | None, str] | None  # (amount, date, style)
    sought: Decimal | None
    revenue: tuple[int, Decimal, int | None] | None  # (year, amount, growth % over the year before)
    projected: Decimal | None
    arr: tuple[Decimal, Date, Decimal] | None  # (now, date, a year before)
    customers: int | None
    developers: int | None
    data_centers: tuple[int, int] | None  # (sites, GPUs)
    price_per_hour: tuple[str, Decimal] | None
    acquisitions: list[Acquisition] = field(default_factory=list)


@dataclass
class Market:
    seed: int
    companies: list[Company]
    investors: list[Investor]
    acquisitions: list[Acquisition]
    sources: list[tuple[str, str]]  # (name, URL)
    featured: list[Investor]  # corporations trend reports name (demand shares, custom silicon): companies too


_PLACES = (("San Francisco", "California"), ("Redwood City", "California"), ("Palo Alto", "California"),
           ("San Jose", "California"), ("Seattle", "Washington"), ("Austin", "Texas"),
           ("Denver", "Colorado"), ("New York", "New York"), ("Boston", "Massachusetts"),
           ("Livingston", "New Jersey"), ("Chicago", "Illinois"), ("Atlanta", "Georgia"),
           ("Toronto", "Canada"), ("Montreal", "Canada"), ("London", "United Kingdom"),
           ("Cambridge", "United Kingdom"), ("Berlin", "Germany"), ("Munich", "Germany"),
           ("Paris", "France"), ("Amsterdam", "Netherlands"), ("Stockholm", "Sweden"),
           ("Helsinki", "Finland"), ("Zurich", "Switzerland"), ("Tel Aviv", "Israel"),
           ("Singapore", "Singapore"), ("Tokyo", "Japan"), ("Bangalore", "India"))
_EURO = {"Germany", "France", "Netherlands", "Finland"}
_STAGES = ("pre-seed", "seed", "series-a", "series-b", "series-c", "series-d", "series-e", "series-f")
_STAGE_RANGE = {  # (low, high) in currency units
    "pre-seed": (10**6, 6 * 10**6), "seed": (2 * 10**6, 30 * 10**6), "series-a": (10**7, 7 * 10**7),
    "series-b": (3 * 10**7, 25 * 10**7), "series-c": (8 * 10**7, 7 * 10**8),
    "series-d": (15 * 10**7, 15 * 10**8), "series-e": (3 * 10**8, 3 * 10**9),
    "series-f": (3 * 10**8, 3 * 10**9), "extension": (10**7, 15 * 10**7),
    "debt-facility": (10**8, 3 * 10**9), "credit-facility": (2 * 10**8, 2 * 10**9),
    "gpu-financing": (10**8, 15 * 10**8), "strategic-commitment": (3 * 10**8, 3 * 10**9),
    "additional-funding": (5 * 10**6, 10**8),
}
_INVESTOR_KINDS = {"venture-capital": 55, "corporation": 12, "corporate-venture": 10,
                   "lender": 10, "asset-manager": 8, "sovereign": 5}
_KIND_SUFFIXES = {
    "venture-capital": ("Capital", "Capital", "Ventures", "Partners", ""),
    "corporation": ("", "", "", "Technologies", "Systems", "Semiconductor", "Networks", "Computing"),
    "lender": ("Group", "Credit", "Bank", "Financial", "Lending"),
    "asset-manager": ("Asset Management", "Investments", "Infrastructure Partners"),
    "sovereign": ("Investment Authority", "Sovereign Wealth Fund", "National Investment Fund"),
}
_COMPANY_SUFFIXES = ("", "", "", "", " AI", " AI", " Labs", " Cloud", ".ai", " Compute", " Systems")
_TARGET_SUFFIXES = (" AI", " Labs", " Scientific", " Systems", " Networks", "")
_DROPPABLE = (" Labs", " Cloud", " Compute", " Systems", " Energy")


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _nice(rng: random.Random, low: int, high: int) -> Decimal:
    """A round figure between low and high, log-spread: two (sometimes three) significant digits."""
    digits = 3 if rng.random() < 0.25 else 2
    if low >= high:
        return Decimal(high)
    decades = [e for e in range(0, 13) if 10 ** (e + digits) > low and 10 ** (e + digits - 1) <= high]
    for _ in range(200):  # every range asked for spans a factor of two or more: a few tries suffice
        value = rng.randrange(10 ** (digits - 1), 10**digits) * 10 ** rng.choice(decades)
        if low <= value <= high:
            return Decimal(value)
    return Decimal(high)


def _date(rng: random.Random, year: int, month_odds: float = 0.85) -> Date:
    return (year, rng.randint(1, 12) if rng.random() < month_odds else None)


class _Zipf:
    """Zipf-Mandelbrot draws, weight 1/(rank + 3): a few investors are everywhere, most appear once or twice."""

    def __init__(self, items: list[Investor]) -> None:
        self.items = items
        total, self.cum = 0.0, []
        for rank in range(1, len(items) + 1):
            total += 1.0 / (rank + 3)
            self.cum.append(total)

    def draw(self, rng: random.Random, count: int, exclude: frozenset[str] | set[str] = frozenset()) -> list[Investor]:
        chosen: dict[str, Investor] = {}
        for _ in range(count * 8):
            if len(chosen) == count or not self.items:
                break
            item = rng.choices(self.items, cum_weights=self.cum)[0]
            if item.name not in exclude:
                chosen.setdefault(item.name, item)
        return list(chosen.values())


def _investor_pool(rng: random.Random, names: NameMaker, size: int) -> list[Investor]:
    kinds = [_pick(rng, _INVESTOR_KINDS) for _ in range(size)]
    kinds[:3] = ["corporation", "venture-capital", "lender"]  # every pool can fund every round kind
    pool: list[Investor] = []
    corporations: list[Investor] = []
    for kind in kinds:
        if kind == "corporate-venture":
            continue
        suffix = rng.choice(_KIND_SUFFIXES[kind])
        stem = names.stem()
        inv = Investor(f"{stem} {suffix}".strip(), kind)
        if kind == "venture-capital" and suffix == "Capital" and rng.random() < 0.3:
            inv.alias = stem
        pool.append(inv)
        if kind == "corporation":
            corporations.append(inv)
    parents = [c.name for c in corporations]
    rng.shuffle(parents)
    for _ in range(kinds.count("corporate-venture")):  # "Zentra Ventures" beside "Zentra"
        parent = parents.pop() if parents and rng.random() < 0.6 else names.stem()
        pool.append(Investor(f"{parent} Ventures", "corporate-venture"))
    rng.shuffle(pool)
    return pool


def _company(index: int, rng: random.Random, names: NameMaker, equity: _Zipf, debt: _Zipf,
             sovereign: _Zipf) -> Company:
    category = _pick(rng, CATEGORIES)
    stem = names.stem()
    suffix = rng.choice(_COMPANY_SUFFIXES + ((" Energy",) if category == "neocloud" else ()))
    name = stem + suffix
    short = stem if suffix in _DROPPABLE else name
    founded_year = rng.randint(2010, 2023)
    place = rng.choice(_PLACES) if rng.random() < 0.9 else None
    currency = "USD"
    if place and rng.random() < 0.5:
        currency = "EUR" if place[1] in _EURO else "GBP" if place[1] == "United Kingdom" else "USD"

    stage = rng.choices(range(4), weights=(10, 45, 35, 10))[0]
    count = rng.choices(range(5), weights=(8, 30, 32, 20, 10))[0]
    heavy = category == "neocloud"
    extras = ["debt-facility"] * rng.choice((1, 1, 2)) if rng.random() < (0.35 if heavy else 0.08) else []
    for kind, odds in (("gpu-financing", 0.2 if heavy else 0.03), ("credit-facility", 0.15 if heavy else 0.03),
                       ("strategic-commitment", 0.05), ("additional-funding", 0.1), ("extension", 0.05)):
        if rng.random() < odds:
            extras.append(kind)
    # Stages in date order, then the other kinds, as the reports list them.
    stage_dates = sorted((rng.randint(founded_year, 2025), rng.randint(1, 12)) for _ in range(count))
    extra_dates = [(rng.randint(max(founded_year, 2018), 2025), rng.randint(1, 12)) for _ in extras]
    rounds = [_round(kind, date, rng, equity, debt, sovereign, currency)
              for kind, date in zip(list(_STAGES[stage:stage + count]) + extras, stage_dates + extra_dates)]

    invested = {inv.name for r in rounds for inv, _ in r.leads + r.others}
    key = [(inv, inv.spelled(rng)) for inv in equity.draw(rng, rng.randint(1, 4), invested)] \
        if rng.random() < 0.6 else []

    last_year = max((r.date[0] for r in rounds if r.date), default=founded_year)
    raised = sum((r.amount for r in rounds if r.amount and r.kind in _STAGES), Decimal(10**7))
    valuation = None
    if rng.random() < 0.6:
        style = rng.choices(("dated", "estimated", "plus", "market-cap"),
                            weights=(60, 15, 15, 5 if heavy and raised >= 5 * 10**8 else 0))[0]
        amount = _nice(rng, int(raised) * 3, int(raised) * 20)
        valuation = (amount, None if style == "estimated" else _date(rng, max(last_year, 2023), 0.9), style)
    sought = valuation[0] * rng.choice((2, 3, 4, 5)) if valuation and valuation[2] == "dated" \
        and rng.random() < 0.2 else None

    revenue = projected = arr = None
    if rng.random() < 0.55:
        amount = _nice(rng, max(10**6, int(raised) // 20), min(10**10, int(raised) * 2))
        revenue = (2024, amount, rng.choice((None, rng.randint(30, 900))))
        projected = _nice(rng, int(amount) + 1, int(amount) * 4) if rng.random() < 0.4 else None
    elif rng.random() < 0.4:
        now = _nice(rng, max(10**6, int(raised) // 20), min(10**9, int(raised)))
        arr = (now, (2025, rng.randint(1, 9)), _nice(rng, int(now) // 25 + 1, int(now) // 2))
    return Company(
        index=index, name=name, short=short, category=category,
        founded=_date(rng, founded_year, 0.3) if rng.random() < 0.92 else None,
        founded_range=rng.random() < 0.05, place=place,
        leaders=_leaders(rng, names), currency=currency, rounds=rounds, key_investors=key,
        valuation=valuation, sought=sought, revenue=revenue, projected=projected, arr=arr,
        customers=_nice(rng, 100, 50_000) if rng.random() < 0.3 else None,
        developers=_nice(rng, 1_000, 500_000) if rng.random() < 0.25 else None,
        data_centers=(rng.randint(3, 90), int(_nice(rng, 1_000, 300_000)))
        if heavy and rng.random() < 0.4 else None,
        price_per_hour=(rng.choice(("H100", "H200", "A100", "B200")), Decimal(rng.randint(49, 499)) / 100)
        if rng.random() < 0.35 else None,
    )


def _round(kind: str, date: tuple[int, int], rng: random.Random, equity: _Zipf, debt: _Zipf, sovereign: _Zipf,
           currency: str) -> Round:
    low, high = _STAGE_RANGE[kind]
    undisclosed = kind in _STAGES and rng.random() < 0.03
    shown = date if rng.random() < 0.88 else (date[0], None) if rng.random() < 0.6 else None
    rnd = Round(kind, None if undisclosed else _nice(rng, low, high),
                currency if rng.random() < 0.8 else "USD", shown or date if undisclosed else shown)
    if kind in ("debt-facility", "credit-facility", "gpu-financing"):
        pool, modes = debt, {"led": 45, "from": 35, "none": 20}
    elif kind == "strategic-commitment":
        pool, modes = sovereign, {"from": 100}
    else:
        pool, modes = equity, {"led": 35, "led-two": 12, "co-led": 8, "participation": 10, "from": 10, "none": 25}
    mode = _pick(rng, modes)
    if undisclosed and mode == "none":
        mode = "led"
    size = {"led": 1, "from": 1, "led-two": 2, "co-led": 2, "participation": 3, "none": 0}[mode]
    drawn = [(inv, inv.spelled(rng)) for inv in pool.draw(rng, size)]
    leads = drawn[:1] if mode == "participation" else drawn
    rnd.leads, rnd.others = leads, drawn[len(leads):]
    if not drawn:
        mode = "none"
    elif mode == "led-two" or (mode == "co-led" and len(drawn) < 2) or (mode == "participation" and not rnd.others):
        mode = "led"
    rnd.mode = mode
    if kind in _STAGES[4:] and rnd.amount and rng.random() < 0.3:
        rnd.valuation = rnd.amount * rng.randint(5, 20)
    return rnd


def _leaders(rng: random.Random, names: NameMaker) -> list[tuple[str, str]]:
    if rng.random() < 0.1:
        return []
    roles = rng.choice((["CEO"], ["Founder & CEO"], ["CEO", "CTO"], ["CEO", "CTO"], ["Co-Founder & CEO", "CFO"],
                        ["CEO", "CTO", "CFO"], ["CEO", "COO"]))
    return [(names.person(), role) for role in roles]


def plan(companies: int, seed: int, on_progress: Progress | None = None) -> Market:
    """The invented market behind a corpus: same (companies, seed), same market."""
    if companies < 1:
        raise GpukgError(f"--companies must be at least 1, not {companies}")
    rng = random.Random(f"gpukg-synth:{seed}")
    names = NameMaker(rng)
    pool = _investor_pool(rng, names, max(40, companies * 7 // 10))
    equity = _Zipf([i for i in pool if i.kind in ("venture-capital", "corporation", "corporate-venture",
                                                  "asset-manager")])
    debt = _Zipf([i for i in pool if i.kind in ("lender", "asset-manager")])
    sovereign = _Zipf([i for i in pool if i.kind in ("sovereign", "corporation")])
    firms = []
    for i in range(companies):
        firms.append(_company(i, rng, names, equity, debt, sovereign))
        if on_progress and (i + 1) % 500 == 0:
            on_progress(i + 1, companies)
    corporations = [i for i in pool if i.kind == "corporation"]
    acquisitions: list[Acquisition] = []
    for _ in range(companies // 25 + 1):
        by_corporation = rng.random() < 0.3
        buyer = rng.choice(corporations).name if by_corporation else rng.choice(firms)
        deal = Acquisition(
            acquirer=buyer if by_corporation else buyer.name,
            target=names.stem() + rng.choice(_TARGET_SUFFIXES),
            price=_nice(rng, 5 * 10**7, 10**10) if rng.random() < 0.7 else None,
            currency="USD" if rng.random() < 0.85 else "EUR",
            date=_date(rng, rng.randint(2023, 2025), 0.9), in_profile=not by_corporation)
        acquisitions.append(deal)
        if not by_corporation:
            buyer.acquisitions.append(deal)
    kinds = ("Research", "Analytics", "Insights", "Intelligence", "Markets Research")
    sources = []
    for _ in range(20 + companies // 100):
        name = f"{names.stem()} {rng.choice(kinds)}"
        host = rng.choice(("example.org", "example.com"))
        sources.append((name, f"https://{host}/{slug(name)}/"))
    return Market(seed, firms, pool, acquisitions, sources, corporations[:7])


# --- ground truth ----------------------------------------------------------------

def facts(market: Market) -> dict:
    """What a loader should find in the rendered corpus: counts, names, deals."""
    investors: dict[str, set[str]] = {}
    for company in market.companies:
        mentions = [m for r in company.rounds for m in r.leads + r.others] + company.key_investors
        for inv, written in mentions:
            investors.setdefault(inv.name, set()).add(written)
    by_name = {i.name: i for i in market.investors}
    rounds = [r for c in market.companies for r in c.rounds]
    totals: Counter[str] = Counter()
    for r in rounds:
        if r.amount is not None:
            totals[r.currency] += int(r.amount)
    categories = Counter(c.category for c in market.companies)
    return {
        "generator": "gpukg.synth",
        "companies": len(market.companies),
        "seed": market.seed,
        "counts": {
            "companies": len(market.companies),
            "rounds": len(rounds),
            "acquisitions": len(market.acquisitions),
            "investors": len(investors),
            "investors_spelled_two_ways": sum(len(v) > 1 for v in investors.values()),
            "backings": len({(i.name, c.name) for c in market.companies for i, _ in c.key_investors}),
            "neoclouds": categories["neocloud"],
            "people": sum(len(c.leaders) for c in market.companies),
            "roles": sum(2 if "&" in role else 1 for c in market.companies for _, role in c.leaders),
            "foundings": sum(1 for c in market.companies if c.founded),
            "headquarters": sum(1 for c in market.companies if c.place),
            "other_companies": len({a.target for a in market.acquisitions}
                                   | {a.acquirer for a in market.acquisitions if not a.in_profile}
                                   | {c.name for c in market.featured}),
        },
        "companies_by_category": dict(sorted(categories.items())),
        "rounds_by_type": dict(sorted(Counter(r.kind for r in rounds).items())),
        "round_amount_totals": {cur: str(total) for cur, total in sorted(totals.items())},
        "company_names": [{"name": c.name, "category": c.category} for c in market.companies],
        "investor_names": [{"name": n, "kind": by_name[n].kind, "spellings": sorted(s)}
                           for n, s in sorted(investors.items())],
        "acquisition_deals": [{"acquirer": a.acquirer, "target": a.target,
                               "price": None if a.price is None else str(a.price), "currency": a.currency}
                              for a in market.acquisitions],
    }


def expected_facts(companies: int, seed: int) -> dict:
    return facts(plan(companies, seed))


# --- I/O edge ----------------------------------------------------------------------

def synthesize(companies: int, seed: int, on_progress: Progress | None = None) -> dict[str, str]:
    """File name -> Markdown report, for ``companies`` invented companies."""
    from .synthtext import render  # wording lives apart from the market it describes

    planned, rendered = _halves(companies, on_progress)
    return render(plan(companies, seed, planned), rendered)


def _halves(companies: int, on_progress: Progress | None) -> tuple[Progress | None, Progress | None]:
    """One progress scale for both stages: inventing counts for the first half, writing for the second."""
    if on_progress is None:
        return None, None
    return (lambda done, total: on_progress(done, 2 * companies),
            lambda done, total: on_progress(companies + companies * done // total, 2 * companies))


def write_corpus(out_dir: Path, companies: int, seed: int, on_progress: Progress | None = None) -> dict:
    """Write the reports and ``synth-manifest.json`` (ground truth) into ``out_dir``.

    Refuses a folder holding reports it did not write; reports a previous run
    wrote and this one does not are removed, so the folder is exactly this corpus.
    """
    from .synthtext import render

    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise GpukgError(f"{out_dir}: not a folder")
    previous = _previous_files(out_dir)
    foreign = sorted(p.name for p in out_dir.glob("*.md") if p.name not in previous) if out_dir.is_dir() else []
    if foreign:
        raise GpukgError(f"{out_dir}: holds reports gpukg synth did not write ({foreign[0]}, ...); "
                         "choose an empty folder")
    planned, rendered = _halves(companies, on_progress)
    market = plan(companies, seed, planned)
    reports = render(market, rendered)
    for name, text in reports.items():
        write_atomic(out_dir / name, text.encode("utf-8"))
    for stale in previous - set(reports):
        (out_dir / stale).unlink(missing_ok=True)
    manifest = facts(market)
    manifest["files"] = sorted(reports)
    manifest["bytes"] = sum(len(t.encode("utf-8")) for t in reports.values())
    write_atomic(out_dir / MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False).encode("utf-8"))
    return manifest


def _previous_files(out_dir: Path) -> set[str]:
    try:
        return set(json.loads((out_dir / MANIFEST).read_text(encoding="utf-8")).get("files", []))
    except (OSError, ValueError, AttributeError):
        return set()
