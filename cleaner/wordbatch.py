"""The words of many texts at once, with numpy: what :mod:`cleaner.normalize` reads, faster.

The texts are joined (by a space) and seen as one array of code points. Each distinct
character is looked at once (by the :class:`~cleaner.normalize.WordReader`, which remembers
it): what it normalises to, and its kind for the word pattern (letter or digit, joiner inside
words, other). A character is part of a word when it is a letter or digit, or a joiner between
two of them: runs of such characters are exactly the matches of the word pattern. So the word
spans come from a few array operations, and the words themselves from one ``str.split`` of the
normalised text with every other character made a space.

A text holding a character that does not normalise to one character of the same kind ("ß"
folds to "ss") is read by the reader itself, the exact slower way.

>>> batch = read_batch(["\u201cIT\u2019S  ok\u201d, he said", "Stra\u00dfe"], WordReader())
>>> [(words.norms, words.starts.tolist()) for words in batch]
[(["it's", 'ok', 'he', 'said'], [1, 7, 12, 15]), (['strasse'], [0])]
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

from cleaner.normalize import WordReader

OTHER, LETTER_OR_DIGIT, JOINER = 0, 1, 2
"""Kinds of characters, as the word pattern sees them."""
SPACE = ord(" ")
TABLE_SIZE = 1 << 17
"""Code points below this are looked up in tables (as large as the largest code point seen)."""


class TextWords(NamedTuple):
    """The words of one text: normalised forms and the spans ``text[start:end]``."""

    norms: list[str]
    starts: NDArray[np.int64]
    ends: NDArray[np.int64]


class _Characters(NamedTuple):
    """Sorted code points with what each normalises to, its kind, and whether it normalises
    in place (to one character of the same kind)."""

    points: NDArray[np.uint32]
    normal: NDArray[np.uint32]
    kind: NDArray[np.uint8]
    in_place: NDArray[np.bool_]


def read_batch(texts: Sequence[str], reader: WordReader) -> list[TextWords]:
    """The words of each of ``texts``, as ``reader`` reads them."""
    joined = " ".join(texts)  # a space is no part of a word: words never span two texts
    points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    kind, normal, odd_points = _look_up(points, reader)
    letter = kind == LETTER_OR_DIGIT
    in_word = letter.copy()
    in_word[1:-1] |= (kind[1:-1] == JOINER) & letter[:-2] & letter[2:]
    edges = np.diff(in_word.astype(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    spaced = np.where(in_word, normal, np.uint32(SPACE)).astype(np.uint32)
    norms = spaced.tobytes().decode("utf-32-le").split()
    if len(norms) != len(starts):  # cannot happen: no letter, digit or joiner is a space
        raise AssertionError("words and spans disagree")
    offsets = [0, *accumulate(len(text) + 1 for text in texts)]
    bounds = np.searchsorted(starts, offsets).tolist()
    odd = set()  # texts with a character that does not normalise in place
    if len(odd_points):
        at = np.flatnonzero(np.isin(points, odd_points))
        odd = set((np.searchsorted(offsets, at, "right") - 1).tolist())
    batch = []
    for n, text in enumerate(texts):
        if n in odd:
            words = reader.read(text)
            bounds_of = np.array(words.bounds(), dtype=np.int64)
            batch.append(TextWords(words.norms, bounds_of[0:-1:2], bounds_of[1::2]))
        else:
            lo, hi = bounds[n], bounds[n + 1]
            batch.append(
                TextWords(norms[lo:hi], starts[lo:hi] - offsets[n], ends[lo:hi] - offsets[n])
            )
    return batch


def _look_up(
    points: NDArray[np.uint32], reader: WordReader
) -> tuple[NDArray[np.uint8], NDArray[np.uint32], NDArray[np.uint32]]:
    """The kind and normal form of each code point of ``points``, and the distinct code points
    that do not normalise in place. Small code points are looked up in tables, others (rare:
    beyond ``TABLE_SIZE``) by binary search."""
    top = int(points.max()) + 1 if len(points) else 0
    if top <= TABLE_SIZE:
        seen = np.zeros(top, dtype=bool)
        seen[points] = True
        chars = _characters(np.flatnonzero(seen).astype(np.uint32), reader)
        kinds = np.zeros(top, dtype=np.uint8)
        kinds[chars.points] = chars.kind
        normals = np.zeros(top, dtype=np.uint32)
        normals[chars.points] = chars.normal
        return kinds[points], normals[points], chars.points[~chars.in_place]
    chars = _characters(np.unique(points), reader)
    at = np.searchsorted(chars.points, points)
    return chars.kind[at], chars.normal[at], chars.points[~chars.in_place]


def _characters(points: NDArray[np.uint32], reader: WordReader) -> _Characters:
    """What ``reader`` makes of each of the distinct code points ``points`` (sorted)."""
    normal = np.empty(len(points), dtype=np.uint32)
    kind = np.empty(len(points), dtype=np.uint8)
    in_place = np.empty(len(points), dtype=bool)
    for n, point in enumerate(points.tolist()):
        char = chr(point)
        alnum, joiner = reader.kind(char)
        kind[n] = LETTER_OR_DIGIT if alnum else JOINER if joiner else OTHER
        in_place[n] = reader.keeps_kind(char)
        normal[n] = ord(reader.normalise(char)) if in_place[n] else point
    return _Characters(points, normal, kind, in_place)
