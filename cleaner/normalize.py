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
_LETTER_OR_DIGIT = re.compile(_ALNUM)
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

    ``pieces[2 * k + 1]`` is word ``k``, as written or already normalised: either way each
    piece has the length of the text it stands for, so the pieces give the words' offsets.
    """

    norms: list[str]
    pieces: list[str]

    def bounds(self) -> list[int]:
        """Where each piece ends: word k is ``text[bounds[2 * k] : bounds[2 * k + 1]]``."""
        return list(accumulate(map(len, self.pieces)))


class WordReader:
    """Reads texts into :class:`Words` with fixed options (as in :func:`tokenize`).

    Normalising works character by character. A text whose every character normalises to one
    character of the same kind (letter or digit, joiner inside words, other) reads as the same
    words once normalised, so it is normalised whole, then split (ASCII texts always are); the
    reader remembers which characters qualify. Other texts are split first and their
    words normalised together.

    >>> WordReader().read("\u201cIT\u2019S  ok\u201d, he said").norms
    ["it's", 'ok', 'he', 'said']
    """

    def __init__(
        self,
        *,
        casefold: bool = True,
        unify_apostrophes: bool = True,
        join_hyphenated: bool = False,
    ) -> None:
        self.casefold = casefold
        self.unify_apostrophes = unify_apostrophes
        self.joiners = APOSTROPHES + HYPHENS if join_hyphenated else APOSTROPHES
        self.split = (_SPLIT_OR_COMPOUND if join_hyphenated else _SPLIT).split
        self.forms = _APOSTROPHE_FORMS + _DASH_FORMS if join_hyphenated else _APOSTROPHE_FORMS
        self.not_in_place: set[str] = set()
        # ASCII characters all keep their kind (tests check it for every option).
        self.in_place = set(map(chr, range(128)))

    def read(self, text: str) -> Words:
        """The words of ``text``."""
        if text.isascii() or self._in_place(text):
            pieces = self.split(self.normalise(text))
            return Words(pieces[1::2], pieces)
        pieces = self.split(text)
        written = pieces[1::2]
        if not written:
            return Words(written, pieces)
        # Normalising the words joined by a separator normalises each word, even where folding
        # changes the length.
        return Words(self.normalise(_SEPARATOR.join(written)).split(_SEPARATOR), pieces)

    def normalise(self, text: str) -> str:
        """``text`` with apostrophe (and dash) forms unified and case folded, as asked."""
        if self.unify_apostrophes:
            for form, ascii_twin in self.forms:
                if form in text:
                    text = text.replace(form, ascii_twin)
        if self.casefold:
            text = text.lower() if text.isascii() else text.casefold()
        return text

    def _in_place(self, text: str) -> bool:
        """Whether every character of ``text`` normalises in place."""
        if self.in_place.issuperset(text):
            return True
        for char in set(text) - self.in_place:
            if char in self.not_in_place or not self.keeps_kind(char):
                self.not_in_place.add(char)
                return False
            self.in_place.add(char)
        return True

    def keeps_kind(self, char: str) -> bool:
        """Whether ``char`` normalises to one character of the same kind."""
        normal = self.normalise(char)
        return len(normal) == 1 and self.kind(normal) == self.kind(char)

    def kind(self, char: str) -> tuple[bool, bool]:
        """What the word pattern sees of ``char``: a letter or digit, a joiner inside words."""
        return _LETTER_OR_DIGIT.match(char) is not None, char in self.joiners


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
    reader = WordReader(
        casefold=casefold, unify_apostrophes=unify_apostrophes, join_hyphenated=join_hyphenated
    )
    return reader.read(text)


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
