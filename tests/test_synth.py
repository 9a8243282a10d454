"""The synthetic corpus: deterministic, of the corpus/ family, and its manifest tells the truth.

The manifest is checked against counts this file reads back from the Markdown with
its own patterns, not against the generator's internals.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from gpukg.cli import main
from gpukg.errors import GpukgError
from gpukg.progress import Progress, wanted
from gpukg.synth import MANIFEST, NameMaker, expected_facts, plan, synthesize, write_corpus

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

ROUND_LABELS = {"Pre-Seed", "Pre-Seed Round", "Seed", "Seed Round", "Series A", "Series B", "Series C",
                "Series D", "Series E", "Series F", "Extension Round", "Debt Facility", "Debt Financing",
                "Credit Facility", "Revolving Credit Facility", "GPU Financing", "GPU-Backed Financing",
                "Major Commitment", "Strategic Commitment", "Additional Funding"}
# Labels the bundled reports do not use; each is the natural name of a round kind or deal they do.
NEW_LABELS = {"Pre-Seed", "Pre-Seed Round", "Seed", "Series E", "Series F", "Extension Round", "Debt Facility",
              "Debt Financing", "Revolving Credit Facility", "GPU-Backed Financing", "Strategic Commitment",
              "Acquisition"}
CATEGORY_WORDS = {
    "neocloud": ("neocloud", "GPU cloud", "specialized cloud provider"),
    "inference-platform": ("inference platform",),
    "serverless-gpu-platform": ("serverless",),
    "gpu-marketplace": ("marketplace",),
}
BULLET = re.compile(r"^- \*\*(?P<label>[^*]+):\*\* (?P<value>.*)$")


@pytest.fixture(scope="module")
def reports() -> dict[str, str]:
    return synthesize(260, 11)


@pytest.fixture(scope="module")
def manifest() -> dict:
    return expected_facts(260, 11)


def sections(reports: dict[str, str]) -> dict[str, str]:
    """Company name -> its profile section text."""
    out = {}
    for name, text in reports.items():
        if name.startswith("profiles-"):
            body = text.split("## Major Company Profiles", 1)[1].split("## Market Comparison Matrix", 1)[0]
            for part in re.split(r"^### \d+\. ", body, flags=re.MULTILINE)[1:]:
                title, _, rest = part.partition("\n")
                out[title.strip()] = rest
    return out


def split_names(text: str) -> list[str]:
    return [n.strip() for n in re.split(r", | and ", text) if n.strip()]


def investors_of(value: str) -> list[str]:
    """Investor names in a round bullet's value, after its amount and date."""
    match = re.search(r"(?:co-led by|led by|from) (.+)$", value)
    if not match:
        return []
    lead, _, others = re.sub(r",? with participation from ", "|", match.group(1)).partition("|")
    return split_names(lead) + split_names(others)


def test_same_seed_gives_the_same_bytes_and_another_seed_does_not() -> None:
    assert synthesize(80, 4) == synthesize(80, 4)
    assert synthesize(80, 4) != synthesize(80, 5)


def test_another_process_with_another_hash_seed_gives_the_same_bytes() -> None:
    script = ("import hashlib, sys; from gpukg.synth import synthesize; "
              "sys.stdout.write(hashlib.sha256(repr(sorted(synthesize(70, 4).items())).encode()).hexdigest())")
    digests = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert digests == {hashlib.sha256(repr(sorted(synthesize(70, 4).items())).encode()).hexdigest()}


def test_reports_have_the_layout_of_the_bundled_ones(reports: dict[str, str]) -> None:
    profiles = [t for n, t in reports.items() if n.startswith("profiles-")]
    trends = [t for n, t in reports.items() if n.startswith("trends-")]
    assert len(profiles) == 5 and len(trends) == 1  # about 50 companies a report, one trend report per five
    matrix_header = "| Company | Valuation | 2024/2025 Revenue | Key Differentiator |"
    assert matrix_header in (CORPUS / "gpu-company-profiles.md").read_text()
    for text in profiles:
        assert re.match(r"# Task \d+: .*Company Profiles( \(Part \d+\))?\n", text)
        assert "\n## Major Company Profiles\n" in text and "\n## Key Insights\n" in text
        numbers = [int(n) for n in re.findall(r"^### (\d+)\. ", text, flags=re.MULTILINE)]
        assert numbers == list(range(1, len(numbers) + 1)) and 40 <= len(numbers) <= 60
        rows = [line for line in text.split(matrix_header, 1)[1].splitlines() if line.startswith("| ")]
        assert len(rows) == len(numbers)
    for text in trends:
        assert re.match(r"# Task \d+: ", text)
        assert re.search(r"^(According to|Per|As reported by) \[[^\]]+\]\(https://", text, flags=re.MULTILINE)
        assert "### 1. " in text


def test_bullet_labels_are_the_corpus_labels_or_named_new_ones(reports: dict[str, str]) -> None:
    def labels(text: str) -> set[str]:
        found = {m.group("label") for line in text.splitlines() if (m := BULLET.match(line))}
        return {re.sub(r"^\d{4} ", "YEAR ", label) for label in found}

    known = labels((CORPUS / "gpu-company-profiles.md").read_text())
    used = set().union(*(labels(t) for n, t in reports.items() if n.startswith("profiles-")))
    assert used - known <= NEW_LABELS
    assert {"Founded", "Headquarters", "Leadership", "Valuation", "Key Investors", "Total Raised",
            "Series A", "YEAR Revenue", "Infrastructure", "Pricing", "Recent Acquisition"} <= used


def test_manifest_counts_match_what_the_text_says(reports: dict[str, str], manifest: dict) -> None:
    companies = sections(reports)
    assert list(companies) == [c["name"] for c in manifest["company_names"]]
    rounds = 0
    spellings: set[str] = set()
    backings: set[tuple[str, str]] = set()
    deals: set[tuple[str, str]] = set()
    for company, text in companies.items():
        for line in text.splitlines():
            m = BULLET.match(line)
            if not m:
                continue
            label, value = m.group("label"), m.group("value")
            if label in ROUND_LABELS:
                rounds += 1
                spellings.update(investors_of(value))
            elif label == "Debt Facilities":
                rounds += len(value.split(" and "))
            elif label == "Key Investors":
                spellings.update(value.split(", "))
                backings.update((name, company) for name in value.split(", "))
            elif label in ("Recent Acquisition", "Acquisition"):
                target = re.match(r"(?:Acquired )?(.+?)(?: for \S+)? \(", value).group(1)
                deals.add((company, target))
    for text in reports.values():
        deals.update(re.findall(r"([A-Z][\w.]*(?: [A-Z][\w.]*)*) acquir(?:ing|ed) ([A-Z][\w.]*(?: [A-Z][\w.]*)*)", text))

    # "Vexo" and "Vexo Capital" are one investor spelled two ways.
    def canonical(name: str) -> str:
        return f"{name} Capital" if f"{name} Capital" in spellings else name

    counts = manifest["counts"]
    assert rounds == counts["rounds"]
    assert len({canonical(n) for n in spellings}) == counts["investors"]
    assert len({(canonical(i), c) for i, c in backings}) == counts["backings"]
    assert len(deals) == counts["acquisitions"]
    assert sum(1 for n in spellings if f"{n} Capital" in spellings) == counts["investors_spelled_two_ways"] > 0


def test_each_company_states_exactly_one_category(reports: dict[str, str], manifest: dict) -> None:
    truth = {c["name"]: c["category"] for c in manifest["company_names"]}
    for company, text in sections(reports).items():
        said = [cat for cat, words in CATEGORY_WORDS.items()
                if any(w.lower() in text.lower() for w in words)]
        assert said == [truth[company]], company
    neoclouds = sum(1 for c in truth.values() if c == "neocloud")
    assert manifest["counts"]["neoclouds"] == neoclouds and 0 < neoclouds < len(truth)


def test_trend_sections_name_only_companies_of_their_category(reports: dict[str, str], manifest: dict) -> None:
    truth = {c["name"]: c["category"] for c in manifest["company_names"]}
    short = {name.rsplit(" ", 1)[0]: cat for name, cat in truth.items() if " " in name}
    trend = next(t for n, t in reports.items() if n.startswith("trends-"))
    section = trend.split("Neocloud Emergence and Growth", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
    named = [n for n in list(truth) + list(short) if re.search(rf"(?<![\w.]){re.escape(n)}(?![\w.])", section)]
    assert named, "the neocloud section names companies"
    assert {truth.get(n) or short[n] for n in named} == {"neocloud"}


def test_trend_growth_figures_repeat_the_profile_figures(reports: dict[str, str]) -> None:
    companies = sections(reports)
    full = {**{n: n for n in companies}, **{n.rsplit(" ", 1)[0]: n for n in companies if " " in n}}
    growth = re.compile(r"^- (?P<who>.+?)(?:'s (?P<y1>\d{4}) revenue rose| revenue grew| grew revenue) (?P<pct>\d+)%"
                        r"(?: year-over-year)? to (?P<amount>\S+?)(?: in (?P<y2>\d{4}))?$", re.MULTILINE)
    seen = 0
    for text in (t for n, t in reports.items() if n.startswith("trends-")):
        for m in growth.finditer(text):
            year = m.group("y1") or m.group("y2")
            profile = companies[full[m.group("who")]]
            assert re.search(rf"\*\*{year} Revenue:\*\* ~?{re.escape(m.group('amount'))}\b", profile), m.group(0)
            seen += 1
    assert seen > 0


def test_investors_follow_a_long_tail() -> None:
    market = plan(2000, 3)
    backers: Counter[str] = Counter()
    for company in market.companies:
        names = {inv.name for r in company.rounds for inv, _ in r.leads + r.others}
        names |= {inv.name for inv, _ in company.key_investors}
        backers.update(names)
    counts = sorted(backers.values(), reverse=True)
    median = counts[len(counts) // 2]
    assert counts[0] >= 20 * median
    assert sum(1 for c in counts if c <= 2) >= 0.4 * len(counts)


def test_some_amounts_are_in_euros_and_pounds(reports: dict[str, str]) -> None:
    text = "\n".join(reports.values())
    assert re.search(r"\*\*(Series [A-F]|Seed Round|Seed):\*\* €\d", text)
    assert re.search(r"\*\*(Series [A-F]|Seed Round|Seed):\*\* £\d", text)


def test_generated_urls_stay_on_example_domains(reports: dict[str, str]) -> None:
    urls = re.findall(r"https?://[^\s)]+", "\n".join(reports.values()))
    assert urls
    assert {re.match(r"https?://([^/]+)", u).group(1) for u in urls} <= {"example.org", "example.com"}


def test_invented_names_stay_unique_at_a_hundred_thousand() -> None:
    maker = NameMaker(random.Random(7))
    stems = [maker.stem() for _ in range(100_000)]
    assert len({s.lower() for s in stems}) == 100_000
    assert all(s.isalpha() and s[0].isupper() for s in stems)


def test_company_names_are_unique_after_dropping_suffixes() -> None:
    names = [c.name for c in plan(3000, 9).companies]
    stems = {re.sub(r"( AI| Labs| Cloud| Compute| Systems| Energy|\.ai)$", "", n).lower() for n in names}
    assert len(stems) == len(names) == 3000


def test_write_corpus_writes_reports_and_manifest_and_replaces_its_own_files(tmp_path: Path) -> None:
    out = tmp_path / "synth"
    first = write_corpus(out, 160, 2)
    files = sorted(p.name for p in out.glob("*.md"))
    assert files == first["files"] and len(files) == 4
    on_disk = json.loads((out / MANIFEST).read_text())
    assert on_disk["counts"] == expected_facts(160, 2)["counts"]
    assert (out / files[0]).read_text() == synthesize(160, 2)[files[0]]
    write_corpus(out, 40, 2)
    assert sorted(p.name for p in out.glob("*.md")) == ["profiles-0001.md", "trends-0001.md"]
    assert not list(out.glob(".*.tmp"))


def test_write_corpus_refuses_a_folder_of_other_reports(tmp_path: Path) -> None:
    (tmp_path / "mine.md").write_text("# my report\n")
    with pytest.raises(GpukgError, match="mine.md"):
        write_corpus(tmp_path, 10, 1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.md"]


def test_zero_companies_is_an_error() -> None:
    with pytest.raises(GpukgError):
        synthesize(0, 1)


def test_synth_command_writes_the_corpus_quietly_in_a_pipe(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["synth", "--companies", "60", "--seed", "2", "--out", str(tmp_path / "c")]) == 0
    out, err = capsys.readouterr()
    assert "60 companies" in out and err == ""
    assert (tmp_path / "c" / MANIFEST).is_file()


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    terminal, pipe = FakeTerminal(), io.StringIO()
    assert wanted(terminal) and not wanted(pipe)
    for stream in (terminal, pipe):
        with Progress("work", total=4, stream=stream) as bar:
            for _ in range(4):
                bar.update()
    assert "work [" in terminal.getvalue() and "4/4" in terminal.getvalue()
    assert pipe.getvalue() == ""
    monkeypatch.setenv("CI", "true")
    assert not wanted(FakeTerminal())


def test_some_profiles_tell_their_background_in_sentences(reports: dict[str, str], manifest: dict) -> None:
    founded = located = told = 0
    for text in sections(reports).values():
        founded += bool(re.search(r"^- \*\*Founded:\*\*|\b(?:[Ff]ounded|established) in\b", text, re.M))
        located += bool(re.search(r"^- \*\*Headquarters:\*\*|\b(?:headquartered|based) in\b", text, re.M))
        told += bool(re.search(r"^[A-Z].*\b(?:[Ff]ounded|established|headquartered|based) in\b", text, re.M))
    assert (founded, located) == (manifest["counts"]["foundings"], manifest["counts"]["headquarters"])
    assert 0 < told < len(manifest["company_names"])
