"""The passes over runs of kept lines: teaser lists and repeated lines."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleaner.clean import clean_text
from cleaner.runs import START_CHARS


@given(st.text(max_size=60))
def test_the_fold_of_a_start_begins_the_fold(text: str) -> None:
    """``drop_repeats`` tells lines apart by their folded starts: casefolding goes letter by
    letter, so a line's folded start is the start of its fold."""
    assert text[:START_CHARS].casefold()[:START_CHARS] == text.casefold()[:START_CHARS]


SENTENCES = [
    "The council voted on Monday to build a new bridge over the river, the mayor said.",
    "Work is to begin in the spring and should take two years, officials told reporters.",
    "Residents had asked for a crossing for more than a decade, a petition shows.",
]


def test_an_article_printed_twice_loses_its_copy() -> None:
    text = "Bridge vote\n\n" + "\n\n".join(SENTENCES + [s.upper() for s in SENTENCES])
    result = clean_text(text)
    assert result.text == "\n\n".join(SENTENCES)
    assert {d.rule for d in result.removed} == {"repeated-line"}


def test_lines_that_start_alike_are_kept_when_they_differ() -> None:
    body = [s.replace("The council", "The council of the old town") for s in SENTENCES]
    alike = [body[0], body[0][:-1] + " and more.", *body[1:]]
    text = "Bridge vote\n\n" + "\n\n".join(alike)
    assert clean_text(text).text == "\n\n".join(alike)
