"""Words with their spans: normalisation of case, apostrophes, quotes, dashes and whitespace."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleaner.normalize import tokenize


def norms(text: str, **options: bool) -> list[str]:
    return [w.norm for w in tokenize(text, **options)]


def test_spans_slice_the_original_text() -> None:
    text = "  \u201cIt\u2019s\u00a0important,\u201d\n\tsaid  Johnson -- again."
    assert [text[w.start : w.end] for w in tokenize(text)] == [
        "It\u2019s",
        "important",
        "said",
        "Johnson",
        "again",
    ]


def test_case_quotes_dashes_and_whitespace_do_not_matter() -> None:
    plain = '"It\'s important" - Johnson said - to talk'
    fancy = "\u201cIT\u2019S  important\u201d\u2014Johnson\nsaid -- to\u00a0talk"
    assert norms(plain) == norms(fancy) == ["it's", "important", "johnson", "said", "to", "talk"]


def test_every_apostrophe_form_reads_alike() -> None:
    forms = ["it's", "it\u2019s", "it\u2018s", "it\u02bcs", "it`s", "it\u00b4s"]
    assert {tuple(norms(f)) for f in forms} == {("it's",)}


def test_switches_turn_normalisation_off() -> None:
    assert norms("It\u2019s", casefold=False) == ["It's"]
    assert norms("it\u2019s", unify_apostrophes=False) == ["it\u2019s"]


def test_hyphens_split_words_unless_joined() -> None:
    assert norms("face-to-face") == norms("face to face") == ["face", "to", "face"]
    joined = {"face-to-face", "face\u2013to\u2013face", "face\u2011to\u2011face"}
    assert {tuple(norms(t, join_hyphenated=True)) for t in joined} == {("face-to-face",)}
    assert norms("word--word", join_hyphenated=True) == ["word", "word"]


def test_punctuation_only_text_has_no_words() -> None:
    assert tokenize(" \u201c\u2014 -- ... \u201d\n") == []


@given(st.text())
def test_words_are_ordered_spans_that_read_back(text: str) -> None:
    words = tokenize(text)
    end = 0
    for word in words:
        assert end <= word.start < word.end <= len(text)
        end = word.end
        again = tokenize(text[word.start : word.end])
        assert [w.norm for w in again] == [word.norm]
