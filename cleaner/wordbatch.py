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
>>> [(words.norms, words.span(1, 2)) for words in batch[:1]], batch[1].norms
([(["it's", 'ok', 'he', 'said'], (7, 9))], ['strasse'])
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
BATCH_CHARACTERS = 1 << 22
"""Texts read at once, in characters (a longer text is read alone): bounds the arrays."""
TABLE_SIZE = 1 << 17
"""Code points below this are looked up in tables (as large as the largest code point seen)."""


class TextWords(NamedTuple):
    """The words of one text: normalised forms, and where each starts and ends, counted from
    ``offset`` characters before the text (the texts of a batch share their spans' arrays)."""

    norms: list[str]
    starts: NDArray[np.int64]
    ends: NDArray[np.int64]
    offset: int = 0

    def span(self, first: int, end: int) -> tuple[int, int]:
        """``(start, end)`` in the text of words ``first .. end - 1``."""
        return int(self.starts[first]) - self.offset, int(self.ends[end - 1]) - self.offset


class _Characters(NamedTuple):
    """Sorted code points with what each normalises to, its kind, and whether it normalises
    in place (to one character of the same kind)."""

    points: NDArray[np.uint32]
    normal: NDArray[np.uint32]
    kind: NDArray[np.uint8]
    in_place: NDArray[np.bool_]


class BatchReader:
    """Reads batches of texts as ``reader`` reads each, remembering what it makes of each
    character (its normal form, kind, and whether it normalises in place)."""

    def __init__(self, reader: WordReader) -> None:
        self.reader = reader
        self.known: dict[int, tuple[int, int, bool]] = {}

    def read(self, texts: Sequence[str]) -> list[TextWords]:
        """The words of each of ``texts``, read in batches of about ``BATCH_CHARACTERS``."""
        batch: list[TextWords] = []
        start = size = 0
        for end, text in enumerate(texts, 1):
            size += len(text) + 1
            if size >= BATCH_CHARACTERS or end == len(texts):
                batch += self._read(texts[start:end])
                start, size = end, 0
        return batch

    def _read(self, texts: Sequence[str]) -> list[TextWords]:
        """The words of each of ``texts``, read at once."""
        joined = " ".join(texts)  # a space is no part of a word: words never span two texts
        points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        kind, normal, odd_points = self._look_up(points)
        letter = kind == LETTER_OR_DIGIT
        in_word = letter.copy()
        in_word[1:-1] |= (kind[1:-1] == JOINER) & letter[:-2] & letter[2:]
        edges = np.diff(in_word.astype(np.int8), prepend=np.int8(0), append=np.int8(0))
        starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
        spaced = np.where(in_word, normal, np.uint32(SPACE))
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
                words = self.reader.read(text)
                text_bounds = np.array(words.bounds(), dtype=np.int64)
                batch.append(TextWords(words.norms, text_bounds[0:-1:2], text_bounds[1::2]))
            else:
                lo, hi = bounds[n], bounds[n + 1]
                batch.append(TextWords(norms[lo:hi], starts[lo:hi], ends[lo:hi], offsets[n]))
        return batch

    def _look_up(
        self, points: NDArray[np.uint32]
    ) -> tuple[NDArray[np.uint8], NDArray[np.uint32], NDArray[np.uint32]]:
        """The kind and normal form of each code point of ``points``, and the distinct code
        points that do not normalise in place. Small code points are looked up in tables,
        others (rare: beyond ``TABLE_SIZE``) by binary search."""
        top = int(points.max()) + 1 if len(points) else 0
        if top <= TABLE_SIZE:
            seen = np.zeros(top, dtype=bool)
            seen[points] = True
            chars = self._characters(np.flatnonzero(seen).astype(np.uint32))
            kinds = np.zeros(top, dtype=np.uint8)
            kinds[chars.points] = chars.kind
            normals = np.zeros(top, dtype=np.uint32)
            normals[chars.points] = chars.normal
            return kinds[points], normals[points], chars.points[~chars.in_place]
        chars = self._characters(np.unique(points))
        at = np.searchsorted(chars.points, points)
        return chars.kind[at], chars.normal[at], chars.points[~chars.in_place]

    def _characters(self, points: NDArray[np.uint32]) -> _Characters:
        """What the reader makes of each of the distinct code points ``points`` (sorted)."""
        known, reader = self.known, self.reader
        for point in points.tolist():
            if point not in known:
                char = chr(point)
                alnum, joiner = reader.kind(char)
                in_place = reader.keeps_kind(char)
                known[point] = (
                    ord(reader.normalise(char)) if in_place else point,
                    LETTER_OR_DIGIT if alnum else JOINER if joiner else OTHER,
                    in_place,
                )
        table = np.array([known[point] for point in points.tolist()], dtype=np.int64)
        table = table.reshape(-1, 3)
        return _Characters(
            points,
            table[:, 0].astype(np.uint32),
            table[:, 1].astype(np.uint8),
            table[:, 2].astype(bool),
        )


def read_batch(texts: Sequence[str], reader: WordReader) -> list[TextWords]:
    """The words of each of ``texts``, as ``reader`` reads them."""
    return BatchReader(reader).read(texts)
