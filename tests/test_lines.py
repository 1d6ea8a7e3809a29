"""Context-free line features and the small predicates of the revision pass."""

# ruff: noqa: RUF001 (typographic quotes and dashes are the data here)

from __future__ import annotations

import pytest

from cleaner.config import CleanConfig
from cleaner.language import load_stoplists
from cleaner.lines import (
    classify,
    headline_like,
    is_credit_caption,
    is_date_line,
    is_repeat_caption,
    line_features,
    unwrap,
)
from cleaner.revise import in_menu
from cleaner.rules import load_lexicon, registry

CONFIG = CleanConfig()
EN = load_stoplists().words["en"]
LEXICON = load_lexicon("en")


def feat(text: str):  # type: ignore[no-untyped-def]
    return line_features(text, LEXICON, EN, CONFIG)


def test_blank() -> None:
    assert feat("   ").cls == "blank"


def test_long_prose_is_good() -> None:
    line = feat("The council voted on Monday to build a new bridge over the river, the mayor said.")
    assert (line.cls, line.prose) == ("good", True)
    assert 0.3 < line.stop_ratio < 0.8


def test_menu_word_is_short() -> None:
    assert feat("Politics").cls == "short"


def test_list_of_names_is_bad() -> None:
    assert feat("Tolivert Davis Burgher Bozeman Bean-Laing Blakely Devoe Baker").cls == "bad"


@pytest.mark.parametrize(
    ("text", "rule", "category"),
    [
        ("Leave a Reply", "comments-prompt", "comments"),
        ("Save Story", "save-story", "widget"),
        ("Estimated read time: 4-5 minutes", "reading-time", "widget"),
        ("%d bloggers like this:", "wordpress-likes", "social"),
        ("Home / World News / A headline", "breadcrumb", "nav"),
        ("Copyright © 2024 Example. All rights reserved.", "copyright-sign", "legal"),
        ("Most recent World stories", "related-header", "teaser"),
        ("More follows…", "more-follows", "marker"),
        ("With reporting by AFP and Reuters", "reporting-credit", "byline"),
        ("11 photos", "photo-count", "widget"),
    ],
)
def test_lexicon_hits(text: str, rule: str, category: str) -> None:
    line = feat(text)
    assert (line.cls, line.cruft) == ("cruft", (rule, category))
    assert registry()[rule] == category


def test_hint_phrases_spare_long_prose() -> None:
    text = (
        "The mayor said the city would explain the plan in its newsletter and at public "
        "meetings in every district over the coming months, because residents deserve to know."
    )
    assert feat(text).cruft is None
    assert feat("Sign up for our newsletter").cruft == ("newsletter-prompt", "promo")


def test_by_line_needs_a_name_not_a_sentence() -> None:
    assert feat("By Jane Doe").cruft == ("by-author", "byline")
    assert feat("By Tuesday, the markets had recovered.").cruft is None


def test_classify_thresholds() -> None:
    assert classify(3, 0.5, True, None, CONFIG) == "short"
    assert classify(12, 0.4, True, None, CONFIG) == "good"
    assert classify(12, 0.4, False, None, CONFIG) == "near"
    assert classify(12, 0.0, False, None, CONFIG) == "bad"
    assert classify(12, 0.4, True, ("x", "nav"), CONFIG) == "cruft"


def test_captions() -> None:
    assert is_credit_caption(feat("Russia's Foreign Minister Sergey Lavrov IANS"))
    assert is_credit_caption(feat("Sergei Lavrov (right) and Boris Johnson in Moscow"))
    assert not is_credit_caption(feat("The talks in Moscow went on for hours (right)."))
    assert is_repeat_caption(feat("Sergey Lavrov"), feat("Sergey Lavrov IANS"))
    assert not is_repeat_caption(feat("Sergey Lavrov"), feat("Boris Johnson"))


def test_headline_like() -> None:
    assert headline_like(feat("Russian spy visited Downing Street as a translator"), CONFIG)
    assert headline_like(feat("Could Russia cut UK’s undersea cables?"), CONFIG)
    assert not headline_like(feat("“Not successfully,” Mr Johnson shot back."), CONFIG)
    assert not headline_like(feat("“Is this the end?” she asked."), CONFIG)


def test_date_line() -> None:
    assert is_date_line(feat("Friday 22 December 2017 09:32 GMT"))
    assert not is_date_line(feat("He was born on 22 December 1950 in a small town near Leeds."))


def test_menu_items_are_short_neighbours() -> None:
    lines = [feat("Politik"), feat("Sport"), feat(""), feat("Stadtrat beschließt Neubau")]
    assert in_menu(lines, 0)
    assert in_menu(lines, 1)
    assert not in_menu(lines, 3)


def test_unwrap_gives_wrapped_lines_the_paragraph_class() -> None:
    lines = [
        feat("A headline here"),
        feat("the council voted on Monday to build a"),
        feat("new bridge over the river, the mayor told"),
        feat("reporters after the meeting."),
    ]
    out = unwrap(lines, LEXICON, EN, CONFIG)
    assert [line.cls for line in out[1:]] == ["good", "good", "good"]
    assert [line.continues for line in out] == [False, False, True, True]
    assert out[0] == lines[0]


@pytest.mark.parametrize(
    "text",
    [
        "  The council voted on Monday to build a new bridge, the mayor said.  ",
        "\u3000Photo: Getty Images\xa0",
        "Ça coûte 12 € — İstanbul (AP)",
    ],
)
def test_given_tokens_measure_the_same(text: str) -> None:
    """``line_features`` with the words the language sample found equals finding them itself."""
    from cleaner.prose_sample import words

    given = line_features(text, LEXICON, EN, CONFIG, tokens=words(text))
    assert given == feat(text)


@pytest.mark.parametrize(
    "text",
    ["Home | News | Sport", "Home · News · Sport", "A • B • C", "Home » News » Local",
     "Home > Local > Roads", "News / Local / Roads", "Home - News - Sport", "Home  News  Sport",
     "a|b|c", "Home/News/Sport"],
)  # fmt: skip
def test_menu_sign_gate_is_exact(text: str) -> None:
    """``is_menu_line``'s quick test rules out only lines the separator split would."""
    from cleaner.revise import MENU_ITEM_WORDS, MENU_MIN_ITEMS, MENU_SEPARATOR_RE, is_menu_line

    items = MENU_SEPARATOR_RE.split(text)
    split = len(items) >= MENU_MIN_ITEMS and all(
        0 < len(item.split()) <= MENU_ITEM_WORDS for item in items
    )
    assert is_menu_line(text) == split


@pytest.mark.parametrize(
    "text",
    ["Read the rest ...", "Read the rest …", "A teaser [...]", "A teaser […]", "The end.",
     "Wait...", "", "No ellipsis here", "Cut [ ... ]", "[...]", " ...", "…", "a\t…", "x [...]."],
)  # fmt: skip
def test_truncated_end_gate_is_exact(text: str) -> None:
    """``is_truncated``'s quick test rules out only lines ``TRUNCATED_RE`` does not match."""
    from cleaner.lines import TRUNCATED_RE, is_truncated

    assert is_truncated(text) == (TRUNCATED_RE.search(text) is not None)
