"""Properties of clean_text on arbitrary text: never raises, idempotent, lines partition input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import build_templates, clean_text
from cleaner.config import CleanConfig

WORDS = st.sampled_from(
    [
        "the",
        "a",
        "of",
        "council",
        "bridge",
        "said",
        "Mayor",
        "Monday",
        "Subscribe",
        "Share",
        "Home",
        "News",
        "©",
        "Photo",
        "AP",
        "IANS",
        "(right)",
        "newsletter",
        "2019",
        "12:30",
        "—",
        ".",
        ",",
        "?",
        "!",
        "“",
        "”",
        "…",
        "By",
        "Jane",
        "Doe",
        "Related",
        "stories",
        "Leave",
        "a",
        "Reply",
        "comments",
        "says:",
        "|",
        "/",
        "der",
        "die",
        "und",
        "el",
        "la",
        "que",
    ]
)
LINE = st.one_of(
    st.text(max_size=60),
    st.lists(WORDS, max_size=30).map(" ".join),
    st.lists(WORDS, min_size=8, max_size=30).map(lambda w: " ".join(w) + "."),
)
DOCUMENT = st.lists(LINE, max_size=40).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_unicode(text: str) -> None:
    result = clean_text(text)
    assert isinstance(result.plain, str)


@settings(max_examples=300, deadline=None)
@given(DOCUMENT)
def test_idempotent(text: str) -> None:
    once = clean_text(text).plain
    assert clean_text(once).plain == once


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_idempotent_on_arbitrary_unicode(text: str) -> None:
    once = clean_text(text).plain
    assert clean_text(once).plain == once


@settings(max_examples=300, deadline=None)
@given(DOCUMENT)
def test_removed_and_kept_lines_partition_the_input(text: str) -> None:
    result = clean_text(text)
    lines = text.splitlines()
    assert [d.text for d in result.lines] == lines
    assert [d.line for d in result.lines] == list(range(1, len(lines) + 1))
    kept = [d for d in result.lines if d.keep and d.label != "blank"]
    assert all(d.category is not None for d in result.removed)
    assert len(kept) + len(result.removed) == sum(1 for line in lines if line.strip())
    for d in kept:
        assert d.text.strip() in result.plain


@settings(max_examples=100, deadline=None)
@given(st.lists(DOCUMENT, min_size=1, max_size=6))
def test_folder_mode_never_raises(texts: list[str]) -> None:
    config = CleanConfig()
    templates = build_templates(texts, config)
    for text in texts:
        clean_text(text, config, templates)
