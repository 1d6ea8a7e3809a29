"""The benchmark helpers on a small fake data folder written here (no third-party data)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from bench.baselines import c4_lines, min_words
from bench.clean import format_report, run
from bench.make_chrome_set import build_chrome_set, split_article, write_chrome_set
from bench.scale import measure, warm
from bench.seeds_eval import GoldLine, evaluate_seeds
from cleaner.clean import CleanResult, LineDecision

BODY = [
    "The council met on Monday to vote on the new harbour plan for the town.",
    "Members spoke for three hours before the vote was finally taken at night.",
    "The plan passed by nine votes to four, the clerk said after the meeting.",
]


def _page(site: int) -> tuple[str, str]:
    """A fake dump (header, body with a caption inside, footer) and its gold body."""
    header = [f"Site {site} News", "Home", "World", "Sports", f"Old story on site {site}"]
    footer = ["Share this", f"Copyright site {site}", "Privacy"]
    dump = [*header, BODY[0], f"Photo: archive of site {site}", *BODY[1:], *footer]
    return "\n".join(dump) + "\n", "\n\n".join(BODY) + "\n"


ARTICLES = {
    "1_1ecb": "Town picks a new mayor\nThe town picked a new mayor on Friday.\n"
    "She won by a wide margin.\nTurnout was high.\n",
    "1_2ecbplus": "Tuesday, August 7, 2012\nMayor sworn in\nThe mayor was sworn in today.\n"
    "She thanked voters.\n",
    "2_1ecb": "Rain fell across the region on Sunday.\nRivers rose.\nRoads closed.\n",
    "2_2ecb": "Storm warning issued\nForecasters issued a storm warning.\nWinds will rise.\n",
}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """``<tmp>/data`` with a scrapinghub and an ecbplus-dev folder, and ``<tmp>/seeds-gold``."""
    root = tmp_path / "data"
    sh = root / "scrapinghub"
    for kind in ("txt", "gold", "meta"):
        (sh / kind).mkdir(parents=True)
    for site in (1, 2):
        dump, gold = _page(site)
        name = f"page{site}"
        (sh / "txt" / f"{name}.txt").write_text(dump, encoding="utf-8")
        (sh / "gold" / f"{name}.txt").write_text(gold, encoding="utf-8")
        meta = {"url": f"https://site{site}.example/a", "domain": f"site{site}.example"}
        (sh / "meta" / f"{name}.json").write_text(json.dumps(meta), encoding="utf-8")
    ecb = root / "ecbplus-dev" / "txt"
    ecb.mkdir(parents=True)
    for name, text in ARTICLES.items():
        (ecb / f"{name}.txt").write_text(text, encoding="utf-8")
    return root


def test_split_article_reads_title_dates_and_body() -> None:
    article = split_article("x", ARTICLES["1_2ecbplus"])
    assert article.title == "Mayor sworn in"
    assert article.meta == ("Tuesday, August 7, 2012",)
    assert article.sentences == ("The mayor was sworn in today.", "She thanked voters.")
    assert split_article("y", ARTICLES["2_1ecb"]).title is None


def test_chrome_set_wraps_articles_in_site_chrome(data: Path, tmp_path: Path) -> None:
    chrome = build_chrome_set(data, seed=1, sites=2)
    assert chrome == build_chrome_set(data, seed=1, sites=2)  # deterministic
    assert {s.name for s in chrome.sites} == {"site1.example", "site2.example"}
    assert len(chrome.docs) == len(ARTICLES)
    for site in chrome.sites:
        number = site.name.removeprefix("site").removesuffix(".example")
        assert site.header[0] == f"Site {number} News"
        assert site.footer[-1] == "Privacy"
        assert site.inline_pool == (f"Photo: archive of site {number}",)
    for doc in chrome.docs:
        site = next(s for s in chrome.sites if s.name == doc.site)
        lines = doc.text.splitlines()
        assert lines[: len(site.header)] == list(site.header)
        assert lines[-len(site.footer) :] == list(site.footer)
        assert all(line in site.inline_pool for line in doc.inline)
        assert doc.title is None or doc.title not in doc.gold
        assert all(word in doc.text for word in doc.gold.split())
    write_chrome_set(chrome, tmp_path / "out")
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["stats"]["articles"] == len(ARTICLES)
    assert len(list((tmp_path / "out" / "gold").rglob("*.txt"))) == len(ARTICLES)


def _decision(line: int, text: str, keep: bool, label: str) -> LineDecision:
    return LineDecision(line, text, keep, label, "test")


def test_evaluate_seeds_counts_lines_body_and_categories() -> None:
    gold = {
        "a.txt": (
            GoldLine(1, "nav", "Home"),
            GoldLine(2, "title", "Big news"),
            GoldLine(3, "body", "First body line."),
            GoldLine(4, "caption", "A photo"),
            GoldLine(5, "body", "Second body line."),
            GoldLine(6, "promo", "Subscribe"),
        )
    }
    lines = (
        _decision(1, "Home", False, "nav"),  # right, category matches
        _decision(2, "Big news", False, "byline"),  # wrong, but it is the title: kept
        _decision(3, "First body line.", True, "body"),  # right
        _decision(4, "A photo", True, "body"),  # wrong: cruft kept
        _decision(5, "Second body line.", False, "teaser"),  # wrong: body lost
        _decision(6, "Subscribe", False, "social"),  # right, category differs
    )
    result = CleanResult("Big news", "First body line.\n\nA photo", (), None, None, lines)
    s = evaluate_seeds({"a.txt": result}, gold)
    assert (s.lines, s.right, s.body, s.body_lost) == (6, 4, 2, 1)
    assert (s.cruft_removed, s.category_match) == (2, 1)
    assert {(e.line, e.decided) for e in s.errors} == {(4, "keep"), (5, "teaser")}


def test_baselines() -> None:
    text = "Menu\nA line of exactly five words.\nShort one.\nRead our privacy policy now please."
    assert c4_lines(text) == "A line of exactly five words."
    assert min_words("one two\n" + " ".join(["w"] * 10)) == " ".join(["w"] * 10)


def test_run_prints_every_section(data: Path, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "s.txt").write_text("Home\nBig news\nThe body line.\n", encoding="utf-8")
    gold = {"docs": {"s.txt": {"lines": [{"n": 1, "label": "nav", "text": "Home"}]}}}
    labels = tmp_path / "labels.json"
    labels.write_text(json.dumps(gold), encoding="utf-8")
    report = run(data, seeds, labels, seed=1)
    assert report["scrapinghub"]["baseline: untouched dump"]["documents"] == 2
    assert report["chrome"]["stats"]["articles"] == len(ARTICLES)
    table = format_report(report)
    for heading in ("1. Seeds", "2. scrapinghub", "3. Synthetic chrome set", "4. Speed"):
        assert heading in table


def test_scale_measures_time_without_memory_sampling_and_memory_when_asked() -> None:
    command = [sys.executable, "-c", 'import time; x = b"x" * 30_000_000; time.sleep(0.5)']
    timed = measure(command)
    assert timed.wall >= 0.5 and timed.peak_tree_mb == 0 and timed.peak_process_mb >= 28
    sampled = measure(command, pss=True)
    assert sampled.peak_tree_mb >= 28


def test_scale_reads_every_file_of_a_corpus_before_timing_it(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_bytes(b"12345")
    (tmp_path / "two.txt").write_bytes(b"678")
    assert warm(tmp_path) == 8
