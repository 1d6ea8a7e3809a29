"""The compiled lexicon matches exactly as its rules read one by one, in either regex mode."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sample_texts import sample_texts

from cleaner.patterns import LEXICON, Pattern
from cleaner.rules import Kinds, load_lexicon, plain_ascii

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EXTRA = [
    "Leave a Reply",
    "Cookie Policy",
    "We use cookies.",
    "By Jane Doe",
    "by jane doe",
    "Read more: the council's plan",
    "comments",
    "12 Comments",
    "© 2019 The Paper. All rights reserved.",
    "Share | Tweet | Email",
    "—",
    "Newsletter\x1c",
    "Von Hans Müller",
    "Por María López",
    "In this file photo, the mayor speaks.",
]


def corpus_lines() -> list[str]:
    """Stripped non-blank lines of the seeds and fixtures, plus a few edge cases."""
    lines = {line.strip() for text in sample_texts() for line in text.splitlines()}
    variants = {v for line in lines for v in (line.lower(), line.upper())}
    return sorted(line for line in lines | variants | set(EXTRA) if line)


LINES = corpus_lines()


def reference(patterns: list[Pattern], kind: str, text: str, flags: int) -> str | None:
    """The rule a combined regex must report: the leftmost match, the first rule there."""
    best: tuple[int, int, str] | None = None
    for order, (name, _, k, rx) in enumerate(patterns):
        if k != kind:
            continue
        if kind == "line":
            m = re.fullmatch(rx, text, flags | re.IGNORECASE)
        else:
            m = re.search(r"(?<!\w)(?:" + rx + ")", text, flags)
        if m is not None and (best is None or (m.start(), order) < best[:2]):
            best = (m.start(), order, name)
    return None if best is None else best[2]


def combined(kinds: Kinds, kind: str, text: str, names: dict[str, str]) -> str | None:
    gated = getattr(kinds, kind)
    if gated is None:
        return None
    pattern = gated.full
    m = pattern.fullmatch(text) if kind == "line" else pattern.search(text)
    return None if m is None or m.lastgroup is None else names[m.lastgroup]


@pytest.mark.parametrize("language", [*sorted(set(LEXICON) - {"any"}), "pt"])
@pytest.mark.parametrize("kind", ["line", "phrase", "hint"])
def test_combined_regex_reports_the_first_rule_that_matches(language: str, kind: str) -> None:
    lexicon = load_lexicon(language)
    patterns = list(LEXICON.get(language, ())) + list(LEXICON["any"])
    for text in LINES:
        subject = text if kind == "line" else text.lower()
        expected = reference(patterns, kind, subject, 0)
        assert combined(lexicon.unicode, kind, subject, lexicon.names) == expected, text
        if plain_ascii(subject):
            assert combined(lexicon.ascii, kind, subject, lexicon.names) == expected, text


def test_no_pattern_folds_to_ascii() -> None:
    """``plain_ascii`` relies on it: these letters match ASCII letters case-insensitively."""
    for patterns in LEXICON.values():
        for name, _, _, rx in patterns:
            assert not set(rx) & set("\u017f\u212a\u0131\u0130"), name


def test_plain_ascii() -> None:
    assert plain_ascii("Leave a Reply")
    assert not plain_ascii("Leave a Reply\x1c")  # \s matches it in Unicode mode only
    assert not plain_ascii("Café")
