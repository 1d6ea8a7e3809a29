"""clean_text on golden cases (tests/cases/clean_cases.json) and on our German/Spanish scrapes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cleaner import clean_text
from cleaner.rules import registry

ROOT = Path(__file__).resolve().parent.parent
CASES = json.loads((ROOT / "tests" / "cases" / "clean_cases.json").read_text(encoding="utf-8"))
KNOWN_FAILURES = set(CASES["known_failures"])


def _params() -> list[Any]:
    marks = {True: [pytest.mark.xfail(strict=True, reason="known failure")], False: []}
    return [
        pytest.param(case, id=case["label"], marks=marks[case["label"] in KNOWN_FAILURES])
        for case in CASES["cases"]
    ]


@pytest.mark.parametrize("case", _params())
def test_clean_case(case: dict[str, Any]) -> None:
    result = clean_text(case["input"])
    expected = case["expected"]
    assert result.title == expected["title"]
    assert result.text == expected["text"]
    assert list(result.authors) == expected["authors"]
    assert result.published == expected["published"]
    assert [[d.line, d.category] for d in result.removed] == expected["removed"]


@pytest.mark.parametrize("case", _params())
def test_every_rule_is_registered(case: dict[str, Any]) -> None:
    rules = registry()
    for decision in clean_text(case["input"]).lines:
        assert decision.rule in rules, decision.rule
        if decision.category is not None:
            assert decision.category in CATEGORIES


CATEGORIES = {
    "nav", "caption", "teaser", "byline", "promo", "legal", "comments", "social", "widget",
    "marker", "duplicate",
}  # fmt: skip

FIXTURES = {
    "de/stadtrat-bruecke.txt": ("de", "Stadtrat beschließt Neubau der Kettenbrücke",
                                ("Anna Beispielfrau",), "2024-03-12T18:45:00"),
    "es/mercado-central.txt": ("es", "El mercado central reabre tras dos años de obras",
                               ("Lucía Ejemplo",), "2024-03-12"),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_foreign_scrape(name: str) -> None:
    text = (ROOT / "fixtures" / name).read_text(encoding="utf-8")
    language, title, authors, published = FIXTURES[name]
    result = clean_text(text)
    assert (result.language, result.title, result.authors, result.published) == (
        language, title, authors, published,
    )  # fmt: skip
    paragraphs = result.text.split("\n\n")
    assert len(paragraphs) == 7  # the dek and six body paragraphs
    categories = [d.category for d in result.removed]
    for category in ("nav", "caption", "teaser", "byline", "promo", "legal", "social", "comments"):
        assert category in categories
    assert "©" not in result.text
    assert "Foto" not in result.text


def test_record_lists_every_removed_line() -> None:
    case = CASES["cases"][0]
    record = clean_text(case["input"]).to_record("doc-1")
    assert record["id"] == "doc-1"
    assert [[r["line"], r["category"]] for r in record["removed"]] == case["expected"]["removed"]
    assert all(r["rule"] for r in record["removed"])


def test_lines_partition_the_input() -> None:
    text = CASES["cases"][0]["input"]
    result = clean_text(text)
    assert [d.text for d in result.lines] == text.splitlines()


@pytest.mark.parametrize(
    "menu",
    [
        "Coast Herald | Home | News | Sport | Weather",
        "Home · World · Business · Tech",
        "News / Local / Transport",
        "Home > Local > Transport",
    ],
)
def test_a_one_line_menu_is_not_the_title(menu: str) -> None:
    text = (
        f"{menu}\nNorthport bridge to close for six weeks of repairs\n"
        "The Northport harbour bridge will close to all traffic for six weeks from Monday, "
        "the regional transport authority said on Thursday.\n"
    )
    result = clean_text(text)
    assert result.title == "Northport bridge to close for six weeks of repairs"
    assert [(d.text, d.category) for d in result.removed] == [(menu, "nav")]


def test_a_headline_with_a_site_suffix_is_still_the_title() -> None:
    text = (
        "Bridge to close for repairs | Coast Herald\n"
        "The Northport harbour bridge will close to all traffic for six weeks from Monday, "
        "the regional transport authority said on Thursday.\n"
    )
    assert clean_text(text).title == "Bridge to close for repairs | Coast Herald"


def test_report_scrape_title_is_the_headline() -> None:
    text = (ROOT / "fixtures" / "report" / "scrapes" / "coast-herald-bridge.txt").read_text()
    result = clean_text(text)
    assert result.title == "Northport bridge to close for six weeks of repairs"
    assert result.lines[0].rule == "outside-body"
