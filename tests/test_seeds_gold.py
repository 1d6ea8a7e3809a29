"""Golden test: every hand-labelled line of the five seed scrapes is kept or removed as labelled."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import build_templates, clean_text
from cleaner.config import CleanConfig

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "tests" / "cases" / "seeds_gold.json").read_text(encoding="utf-8"))
KEEP = set(GOLD["keep_labels"])
NAMES = sorted(GOLD["docs"])


def _seed(name: str) -> str:
    return (ROOT / "seeds" / name).read_text(encoding="utf-8")


def _expected_plain(name: str) -> str:
    kept = [line["text"].strip() for line in GOLD["docs"][name]["lines"] if line["label"] in KEEP]
    return "\n\n".join(kept) + "\n"


@pytest.mark.parametrize("name", NAMES)
def test_every_labelled_line(name: str) -> None:
    result = clean_text(_seed(name))
    decided = {d.line: d for d in result.lines}
    wrong = [
        (line["n"], line["label"], decided[line["n"]].label, decided[line["n"]].rule)
        for line in GOLD["docs"][name]["lines"]
        if decided[line["n"]].keep != (line["label"] in KEEP)
    ]
    assert wrong == []


@pytest.mark.parametrize("name", NAMES)
def test_plain_text_is_the_gold_clean_text(name: str) -> None:
    assert clean_text(_seed(name)).plain == _expected_plain(name)


@pytest.mark.parametrize("name", NAMES)
def test_removed_lines_have_the_gold_category(name: str) -> None:
    decided = {d.line: d for d in clean_text(_seed(name)).lines}
    cruft = [line for line in GOLD["docs"][name]["lines"] if line["label"] not in KEEP]
    assert [(c["n"], decided[c["n"]].category) for c in cruft] == [
        (c["n"], c["label"]) for c in cruft
    ]


@pytest.mark.parametrize("name", NAMES)
def test_metadata(name: str) -> None:
    result = clean_text(_seed(name))
    meta = GOLD["docs"][name]["meta"]
    assert result.title == meta["title"]
    assert list(result.authors) == meta["authors"]
    assert result.published == meta.get("date")


def test_as_a_folder_nothing_changes() -> None:
    texts = [_seed(name) for name in NAMES]
    templates = build_templates(texts, CleanConfig())
    for name, text in zip(NAMES, texts, strict=True):
        assert clean_text(text, CleanConfig(), templates).plain == _expected_plain(name)
