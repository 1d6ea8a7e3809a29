"""The lexicon's prefilter is exact: no line a pattern matches is kept from its regex."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sample_texts import sample_texts
from test_rules import LINES

from cleaner.language import load_stoplists
from cleaner.lines import CREDIT_RE, WORD_RE, ends_credit
from cleaner.patterns import LEXICON
from cleaner.prefilter import gate
from cleaner.rules import FOLDS_TO_ASCII, load_lexicon, plain_ascii
from cleaner.signs import Trigger, first_letters, trigger

PATTERNS = [(lang, p) for lang, patterns in LEXICON.items() for p in patterns]
COMMON = load_stoplists().words["en"]


FULL = re.compile("full")


def meets(t: Trigger, text: str) -> bool:
    """The gate of one trigger opens for the line: it runs the full regex."""
    lower = text.lower()
    return gate(FULL, None, [t]).regex(WORD_RE.findall(lower), lower) is FULL


def matches(kind: str, rx: str, text: str) -> bool:
    """The pattern matches the line as the lexicon runs it."""
    if kind == "line":
        return re.fullmatch(rx, text, re.IGNORECASE) is not None
    return re.search(r"(?<!\w)(?:" + rx + ")", text.lower()) is not None


@pytest.mark.parametrize(("language", "pattern"), PATTERNS, ids=[p[0] for _, p in PATTERNS])
def test_every_line_a_pattern_matches_meets_its_trigger(language: str, pattern: tuple) -> None:
    name, _, kind, rx = pattern
    t = trigger(rx, fold=kind == "line", whole=kind == "line", common=COMMON)
    if t is None:
        return
    for text in LINES:
        if matches(kind, rx, text) and (kind != "line" or FOLDS_TO_ASCII.isdisjoint(text)):
            assert meets(t, text), (name, text)


GENERABLE = [(lang, p) for lang, p in PATTERNS if not re.search(r"\(\?<?[=!]", p[3])]
"""Patterns hypothesis can generate matches of (it cannot with lookarounds)."""


@pytest.mark.parametrize(("language", "pattern"), GENERABLE, ids=[p[0] for _, p in GENERABLE])
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_generated_matches_meet_the_trigger(
    language: str, pattern: tuple, data: st.DataObject
) -> None:
    name, _, kind, rx = pattern
    t = trigger(rx, fold=kind == "line", whole=kind == "line", common=COMMON)
    if t is None:
        return
    if kind == "line":
        text = data.draw(st.from_regex(re.compile(rx, re.IGNORECASE), fullmatch=True))
        if not FOLDS_TO_ASCII.isdisjoint(text):
            return
    else:
        inner = data.draw(st.from_regex(re.compile(rx), fullmatch=True))
        text = data.draw(st.sampled_from(["", " ", "x ", ". "])) + inner
        text = text.lower()
    if matches(kind, rx, text):
        assert meets(t, text), (name, text)


@pytest.mark.parametrize("language", [*sorted(set(LEXICON) - {"any"}), "pt"])
def test_gated_match_is_the_full_regex_match(language: str) -> None:
    lexicon = load_lexicon(language)
    texts = LINES + [line.strip() for text in sample_texts()[:3] for line in text.splitlines()]
    for text in texts:
        lower = text.lower()
        words = len(WORD_RE.findall(lower))
        kinds = lexicon.ascii if plain_ascii(text) else lexicon.unicode
        expected = None
        if words <= 15 and kinds.line is not None:
            expected = kinds.line.full.fullmatch(text)
        if expected is None and kinds.phrase is not None:
            expected = kinds.phrase.full.search(lower)
        if expected is None and words <= 25 and kinds.hint is not None:
            expected = kinds.hint.full.search(lower)
        want = None if expected is None else lexicon.names[expected.lastgroup or ""]
        got = lexicon.match(text, words, 15, 25)
        assert (got[0] if got else None) == want, text


def test_lowercase_reads_as_re_ignores_case() -> None:
    """The ``line`` triggers are read off lowercase text, the regex ignores case: every
    character ``re`` matches to a pattern's letter lowercases to that letter, but the four of
    ``FOLDS_TO_ASCII``; and lowercasing keeps every other character one word or non-word one."""
    letters = {c.lower() for _, p in PATTERNS for c in p[3] if c.isalpha()}
    alike = re.compile("[" + re.escape("".join(sorted(letters))) + "]", re.IGNORECASE)
    every = "".join(map(chr, range(0x110000))).replace("\n", "")
    for c in alike.findall(every):
        assert c.lower() in letters or c in FOLDS_TO_ASCII, hex(ord(c))
    word = re.compile(r"\w")
    for c in every:
        if c not in FOLDS_TO_ASCII:
            lower = c.lower()
            assert len(lower) == 1 and bool(word.match(c)) == bool(word.match(lower)), hex(ord(c))


def test_trigger_examples() -> None:
    leave = trigger(r"leave a (?:reply|comment)", common=COMMON)
    assert leave == Trigger(words=frozenset({"leave"}))
    assert trigger(r"[\W_]+", fold=True, whole=True) is None
    menu = trigger(r"(?:main menu|menu)", fold=True, whole=True)
    assert menu is not None and menu.prefixes == frozenset({"main menu", "menu"})
    spaced = trigger(r"\s*foo", fold=True, whole=True)  # may start with spaces: no prefix
    assert spaced is not None and not spaced.prefixes
    anchored = trigger(r"^(?:read more|related)\s*[:>]")
    assert anchored is not None and "related" in anchored.prefixes
    newsletter = trigger(r"newsletter")  # "newsletters" matches too: not a whole word
    assert newsletter == Trigger(substrings=frozenset({"newsletter"}))


@pytest.mark.parametrize(("language", "pattern"), PATTERNS, ids=[p[0] for _, p in PATTERNS])
def test_every_line_a_pattern_matches_starts_with_one_of_its_first_letters(
    language: str, pattern: tuple
) -> None:
    name, _, kind, rx = pattern
    letters = first_letters(rx, fold=True)
    if kind != "line" or letters is None:
        return
    for text in LINES:
        if matches(kind, rx, text) and FOLDS_TO_ASCII.isdisjoint(text):
            first = text[:1].lower()
            assert not first.isalpha() or first in letters, (name, text)


def test_credit_gate_keeps_every_credit() -> None:
    """``ends_credit`` with a line's words says what ``CREDIT_RE`` says."""
    for text in LINES:
        lower = text.lower()
        expected = CREDIT_RE.search(text) is not None
        assert ends_credit(text, WORD_RE.findall(lower), lower) == expected, text
    assert ends_credit("Sergey Lavrov AP", ["sergey", "lavrov", "ap"], "sergey lavrov ap")


@settings(max_examples=300, deadline=None)
@given(st.from_regex(CREDIT_RE))
def test_generated_credits_pass_the_gate(text: str) -> None:
    lower = text.lower()
    assert ends_credit(text, WORD_RE.findall(lower), lower), text


def test_a_common_word_comes_with_its_literal() -> None:
    """A common word alone would open the gate for most prose: the literal around it must be
    in the line too."""
    t = trigger(r"by (?:clicking|continuing)", common=COMMON)
    assert t is not None
    assert t.guarded == frozenset({("by", "by clicking"), ("by", "by continuing")})
    assert not meets(t, "The bridge was built by the council, the mayor said.")
    assert not meets(t, "Nearby clicking sounds")  # the literal, but not the word
    assert meets(t, "By clicking here you agree to our terms")
    assert trigger(r"by\b", common=COMMON) == Trigger(words=frozenset({"by"}))  # nothing more
