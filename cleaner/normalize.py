"""Words with their character spans: the offset-preserving normal form passages are matched on.

A word is a run of letters and digits, joined across apostrophes inside it ("it's", "Korea\u2019s")
and, when asked, across hyphens and dashes ("UK-Russia"). Everything between words (spaces,
line breaks, punctuation, quote marks, dashes, "--") is left out, so two texts that differ only
there read as the same words. Each word keeps the span of the original text it was read from,
so a match found on normalised words maps back to exact characters.

>>> [w.norm for w in tokenize("\u201cIt\u2019s  important\u201d -- he said")]
["it's", 'important', 'he', 'said']
>>> text = "Mr Johnson \u2014 in Moscow"
>>> word = tokenize(text)[1]
>>> word.norm, text[word.start : word.end]
('johnson', 'Johnson')

:func:`read_words` gives the same words as parallel lists, spans computed on demand: the cheap
form for reading many documents (one regular-expression split and a few whole-string operations
per text, no object per word beyond its string).
"""

from __future__ import annotations

import re
from itertools import accumulate
from typing import NamedTuple

APOSTROPHES = "'\u2019\u2018\u02bc`\u00b4"
"""Characters read as an apostrophe inside a word: straight, curly right/left, modifier, grave
and acute (the last two are common typewriter stand-ins)."""
HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2015"
"""Characters read as a hyphen inside a word when hyphenated compounds are joined: hyphen-minus,
hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar."""

_ALNUM = r"[^\W_]+"
_WORD = re.compile(rf"{_ALNUM}(?:[{re.escape(APOSTROPHES)}]{_ALNUM})*")
_WORD_OR_COMPOUND = re.compile(rf"{_ALNUM}(?:[{re.escape(APOSTROPHES + HYPHENS)}]{_ALNUM})*")
_SPLIT = re.compile(f"({_WORD.pattern})")
_SPLIT_OR_COMPOUND = re.compile(f"({_WORD_OR_COMPOUND.pattern})")
_APOSTROPHE_FORMS = tuple((c, "'") for c in APOSTROPHES if c != "'")
_DASH_FORMS = tuple((c, "-") for c in HYPHENS if c != "-")
_SEPARATOR = "\0"
"""Joins a text's words for whole-string normalisation: never inside a word, never produced by
case folding or by the apostrophe and dash forms' replacement."""


class Word(NamedTuple):
    """One word: its normalised form and the span ``text[start:end]`` it was read from."""

    norm: str
    start: int
    end: int


class Words(NamedTuple):
    """A text's words: normalised forms, and the text cut into gaps and words (gap first).

    ``pieces[2 * k + 1]`` is word ``k`` as written; joined, the pieces are the text.
    """

    norms: list[str]
    pieces: list[str]

    def bounds(self) -> list[int]:
        """Where each piece ends: word k is ``text[bounds[2 * k] : bounds[2 * k + 1]]``."""
        return list(accumulate(map(len, self.pieces)))


def read_words(
    text: str,
    *,
    casefold: bool = True,
    unify_apostrophes: bool = True,
    join_hyphenated: bool = False,
) -> Words:
    """The words of ``text`` (options as in :func:`tokenize`), as :class:`Words`.

    >>> words = read_words("\u201cIT\u2019S  ok\u201d, he said")
    >>> words.norms, words.bounds()[2:4]
    (["it's", 'ok', 'he', 'said'], [7, 9])
    """
    pieces = (_SPLIT_OR_COMPOUND if join_hyphenated else _SPLIT).split(text)
    written = pieces[1::2]
    if not written or not (casefold or unify_apostrophes):
        return Words(written, pieces)
    # Case folding and the replacements work character by character, so normalising all words
    # joined by a separator is normalising each word (even where folding changes the length).
    joined = _SEPARATOR.join(written)
    if unify_apostrophes:
        for form, ascii_twin in _APOSTROPHE_FORMS + (_DASH_FORMS if join_hyphenated else ()):
            if form in joined:
                joined = joined.replace(form, ascii_twin)
    if casefold:
        joined = joined.lower() if joined.isascii() else joined.casefold()
    return Words(joined.split(_SEPARATOR), pieces)


def tokenize(
    text: str,
    *,
    casefold: bool = True,
    unify_apostrophes: bool = True,
    join_hyphenated: bool = False,
) -> list[Word]:
    """Split ``text`` into words, each normalised and tied to its original span.

    ``casefold`` ignores case; ``unify_apostrophes`` reads every apostrophe form (and, in joined
    compounds, every dash form) as its ASCII twin; ``join_hyphenated`` keeps "face-to-face" as one
    word instead of three.

    >>> [w.norm for w in tokenize("Face\u2013to\u2013face", join_hyphenated=True)]
    ['face-to-face']
    """
    words = read_words(
        text,
        casefold=casefold,
        unify_apostrophes=unify_apostrophes,
        join_hyphenated=join_hyphenated,
    )
    bounds = words.bounds()
    return list(map(Word._make, zip(words.norms, bounds[0:-1:2], bounds[1::2], strict=True)))
