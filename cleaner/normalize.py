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
"""

from __future__ import annotations

import re
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
_UNIFY = str.maketrans(dict.fromkeys(APOSTROPHES, "'") | dict.fromkeys(HYPHENS, "-"))


class Word(NamedTuple):
    """One word: its normalised form and the span ``text[start:end]`` it was read from."""

    norm: str
    start: int
    end: int


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
    pattern = _WORD_OR_COMPOUND if join_hyphenated else _WORD
    words = []
    for match in pattern.finditer(text):
        norm = match.group()
        if unify_apostrophes:
            norm = norm.translate(_UNIFY)
        if casefold:
            norm = norm.casefold()
        words.append(Word(norm, match.start(), match.end()))
    return words
