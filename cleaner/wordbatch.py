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

from collections import defaultdict
from collections.abc import Sequence
from itertools import accumulate, chain, count
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

from cleaner.arrays import run_starts, sorted_distinct
from cleaner.normalize import WordReader, Words

OTHER, LETTER_OR_DIGIT, JOINER = 0, 1, 2
"""Kinds of characters, as the word pattern sees them."""
SPACE = ord(" ")
BATCH_CHARACTERS = 1 << 22
"""Texts read at once, in characters (a longer text is read alone): bounds the arrays."""
HASH_MULTIPLIER = 0x9E3779B97F4A7C15
"""Odd 64-bit multiplier of the word hash."""
POWERS_KEPT = 1 << 20
"""A reader keeps the word hash's tables of powers up to this length (16 MB) between batches."""
IntArray = NDArray[np.int64]
Powers = tuple[NDArray[np.uint64], NDArray[np.uint64]]
"""Powers of the word hash's multiplier and of its inverse (see :func:`hash_powers`)."""
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


class _Scan(NamedTuple):
    """Texts read at once: their normalised code points (every character outside a word made
    a space), where each word starts and ends, where each text starts, where each text's words
    start (in ``starts``; one more at the end), and the words of texts holding a character that
    does not normalise in place, read by the reader."""

    spaced: NDArray[np.uint32]
    starts: IntArray
    ends: IntArray
    offsets: list[int]
    bounds: list[int]
    odd: dict[int, Words]

    def text_words(self, texts: Sequence[str], norms: list[str] | None) -> list[TextWords]:
        """Each text's words, with their ``norms`` (all texts' words) unless None."""
        starts, ends, offsets, bounds, odd = (
            self.starts,
            self.ends,
            self.offsets,
            self.bounds,
            self.odd,
        )
        batch = []
        for n in range(len(texts)):
            words = odd.get(n)
            if words is not None:
                text_bounds = np.array(words.bounds(), dtype=np.int64)
                batch.append(
                    TextWords(
                        words.norms if norms is not None else [],
                        text_bounds[0:-1:2],
                        text_bounds[1::2],
                    )
                )
            else:
                lo, hi = bounds[n], bounds[n + 1]
                batch.append(
                    TextWords(
                        norms[lo:hi] if norms is not None else [],
                        starts[lo:hi],
                        ends[lo:hi],
                        offsets[n],
                    )
                )
        return batch


class BatchReader:
    """Reads batches of texts as ``reader`` reads each, remembering what it makes of each
    character (its normal form, kind, and whether it normalises in place)."""

    def __init__(self, reader: WordReader) -> None:
        self.reader = reader
        self.known: dict[int, tuple[int, int, bool]] = {}
        self.powers = (np.ones(0, dtype=np.uint64), np.ones(0, dtype=np.uint64))

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

    def read_classes(self, texts: Sequence[str]) -> tuple[list[TextWords], IntArray]:
        """The words of each of ``texts``, their ``norms`` left empty, and a class for each
        word (all texts one after the other): equal for equal normalised words, only then.

        Classes come from a 64-bit hash of each word's normalised characters, checked
        character by character against the first word with that hash; should two different
        words share one (or the texts not fit in one batch), the words are numbered as strings.
        """
        if sum(map(len, texts)) + len(texts) > BATCH_CHARACTERS:
            return _numbered(self.read(texts))
        scan = self._scan(texts)
        streams, starts, ends = [scan.spaced], [], []
        size, done = len(scan.spaced), 0
        for n, words in sorted(scan.odd.items()):  # their normalised words, in a stream of theirs
            starts.append(scan.starts[done : scan.bounds[n]])
            ends.append(scan.ends[done : scan.bounds[n]])
            done = scan.bounds[n + 1]
            lengths = np.array([len(norm) + 1 for norm in words.norms], dtype=np.int64)
            word_ends = size + np.cumsum(lengths) - 1
            streams.append(_points("".join(f"{norm} " for norm in words.norms)))
            starts.append(word_ends - lengths + 1)
            ends.append(word_ends)
            size += int(lengths.sum())
        starts.append(scan.starts[done:])
        ends.append(scan.ends[done:])
        powers = self.powers
        if len(powers[0]) <= size:  # kept from batch to batch up to POWERS_KEPT, else made anew
            powers = hash_powers(max(size + 1, min(2 * len(powers[0]), POWERS_KEPT)))
            if len(powers[0]) <= POWERS_KEPT:
                self.powers = powers
        classes = _word_classes(
            np.concatenate(streams), np.concatenate(starts), np.concatenate(ends), powers
        )
        if classes is None:
            return _numbered(self._read(texts))
        return scan.text_words(texts, None), classes

    def _read(self, texts: Sequence[str]) -> list[TextWords]:
        """The words of each of ``texts``, read at once."""
        scan = self._scan(texts)
        norms = scan.spaced.tobytes().decode("utf-32-le").split()
        if len(norms) != len(scan.starts):  # cannot happen: no letter, digit or joiner is a space
            raise AssertionError("words and spans disagree")
        return scan.text_words(texts, norms)

    def _scan(self, texts: Sequence[str]) -> _Scan:
        """Where the words of ``texts`` are, read at once."""
        joined = " ".join(texts)  # a space is no part of a word: words never span two texts
        points = _points(joined)
        kind, normal, odd_points = self._look_up(points)
        letter = kind == LETTER_OR_DIGIT
        in_word = letter.copy()
        in_word[1:-1] |= (kind[1:-1] == JOINER) & letter[:-2] & letter[2:]
        edges = np.diff(in_word.astype(np.int8), prepend=np.int8(0), append=np.int8(0))
        starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
        offsets = [0, *accumulate(len(text) + 1 for text in texts)]
        odd = {}  # texts with a character that does not normalise in place
        if len(odd_points):
            at = np.flatnonzero(np.isin(points, odd_points))
            for n in set((np.searchsorted(offsets, at, "right") - 1).tolist()):
                odd[n] = self.reader.read(texts[n])
        return _Scan(
            np.where(in_word, normal, np.uint32(SPACE)),
            starts,
            ends,
            offsets,
            np.searchsorted(starts, offsets).tolist(),
            odd,
        )

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
        chars = self._characters(sorted_distinct(points))
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


def _points(text: str) -> NDArray[np.uint32]:
    """The code points of ``text``."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _word_classes(
    stream: NDArray[np.uint32], starts: IntArray, ends: IntArray, powers: Powers
) -> IntArray | None:
    """A class for each word ``stream[starts[k] : ends[k]]``: the rank of its hash, once each
    word is checked to equal a word with its hash (None if one does not). ``powers`` are
    :func:`hash_powers` of at least ``len(stream) + 1``."""
    size = len(stream)
    prefix = np.zeros(size + 1, dtype=np.uint64)
    np.cumsum(stream * powers[0][:size], out=prefix[1:])
    hashes = (prefix[ends] - prefix[starts]) * powers[1][starts]
    order = np.argsort(hashes)
    ordered = hashes[order]
    head = run_starts(ordered)
    rank = np.cumsum(head) - 1
    classes = np.empty(len(hashes), dtype=np.int64)
    classes[order] = rank
    copies, models = order[~head], order[head][rank[~head]]  # each checked against its class's head
    copy_starts, model_starts = starts[copies], starts[models]
    lengths = ends[copies] - copy_starts
    if (lengths != ends[models] - model_starts).any():
        return None
    within = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    copy_points = stream[np.repeat(copy_starts, lengths) + within]
    if (copy_points != stream[np.repeat(model_starts, lengths) + within]).any():
        return None
    return classes


def hash_powers(size: int, multiplier: int = HASH_MULTIPLIER) -> Powers:
    """``multiplier`` and its inverse to the powers ``0 .. size - 1``, modulo 2**64."""
    tables = np.full((2, size), [[multiplier], [pow(multiplier, -1, 1 << 64)]], dtype=np.uint64)
    tables[:, :1] = 1
    np.cumprod(tables, axis=1, out=tables)  # wraps around modulo 2**64, as the hash does
    return tables[0], tables[1]


def _numbered(batch: list[TextWords]) -> tuple[list[TextWords], IntArray]:
    """``batch`` (``norms`` left empty) and its words' classes, numbering the distinct
    normalised words."""
    vocabulary: defaultdict[str, int] = defaultdict(count().__next__)
    classes = np.fromiter(
        map(vocabulary.__getitem__, chain.from_iterable(words.norms for words in batch)),
        dtype=np.int64,
        count=sum(len(words.starts) for words in batch),
    )
    return [words._replace(norms=[]) for words in batch], classes


def read_batch(texts: Sequence[str], reader: WordReader) -> list[TextWords]:
    """The words of each of ``texts``, as ``reader`` reads them."""
    return BatchReader(reader).read(texts)
