"""Folder-wide evidence: lines that recur across many documents are site boilerplate.

Two things recur in a folder of scrapes besides a site's chrome, and both are content:

* **Near-identical documents** (a reprint, the same page scraped twice) repeat every line. Each
  document gets a *family key*, the min-hash of the word shingles of its body (its longest run
  of prose lines): two documents share it with probability the Jaccard similarity of those
  shingle sets, so copies share it and the articles of one site do not.
  A line counts the families it occurs in, not the documents, so copies count once.
* **Sentences that several articles of one story share** (a quote, wire copy). A prose line needs
  a large share of the folder's families, and it must sit in a boilerplate block (a run of
  recurring lines holding a line that is not a sentence, a menu item or "Advertisement", or the
  document's recurring header or footer) to be a template line; elsewhere it is only
  ``shared`` (it does not anchor the body by itself).

:class:`TemplateLines` is the whole evidence: explicit, picklable and mergeable (build it over
parts of a corpus, possibly in other processes, then :meth:`~TemplateLines.merge`).

>>> texts = [f"Home\\nStory {i} is here.\\nSubscribe to our paper" for i in range(5)]
>>> templates = build_templates(texts, CleanConfig())
>>> templates.is_template("Subscribe to our paper", CleanConfig())
True
"""

# ruff: noqa: RUF001 (typographic quotes and dashes are the data here)

from __future__ import annotations

import heapq
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from hashlib import blake2b
from itertools import repeat

from cleaner.config import CleanConfig

PROSE_END = tuple('.!?"”’»')
FAMILY_SKETCH = 256
"""Family keys kept per line (the smallest ones: a KMV sketch). Counts up to this many families
are exact; beyond, they are estimated from the largest kept key (error about 1/sqrt of it)."""
SHINGLE_WORDS = 3
"""Words per shingle of the family key: an edited word changes only the shingles around it."""
KEY_SHINGLES = 2
"""The family key hashes this many smallest shingle hashes (a bottom-k sketch): documents share
it when these are in both, with probability about their similarity to this power. One would
let a chrome sentence next to the body, holding a small hash, join many pages of a site."""
KEY_SPACE = 2**64
"""Family keys are uniform 64-bit integers."""


def normalise(line: str) -> str:
    """The form lines are compared in: casefolded, whitespace collapsed (``str.split`` splits
    on exactly what ``\\s`` matches, checked over every code point, and is cheaper)."""
    return " ".join(line.split()).casefold()


def is_prose(line: str) -> bool:
    """A sentence-like line (enough words, ends like a sentence)."""
    return line.endswith(PROSE_END) and line.count(" ") >= 7


def family_key(lines: Sequence[str], config: CleanConfig) -> int:
    """The family key of a document given its normalised lines: a min-hash of word shingles.

    The shingles come from the document's body as far as one pass can tell: its longest run
    (in words) of consecutive long prose lines (``min_body_words`` words or more, ending like
    a sentence). Whole-document similarity would not do: on a site with much chrome, two
    articles share most of their long lines. Without such a run, all long lines are used, or
    all lines. The hash is stable (CRC-32), so every process gives the same key.

    >>> a = ["the harbour bridge will close for six weeks from monday, the authority said."]
    >>> family_key(a, CleanConfig()) == family_key(["menu", *a, "menu"], CleanConfig())
    True
    """
    hashes: set[int] = set()
    for line in body_run(lines, config) or _long_lines(lines, config) or lines:
        words = line.encode().split()  # normalised: the words of ``line.split()``, encoded
        if len(words) < SHINGLE_WORDS:
            hashes.add(zlib.crc32(b" ".join(words)))
            continue
        grams = map(b" ".join, zip(*(words[k:] for k in range(SHINGLE_WORDS)), strict=False))
        hashes.update(map(zlib.crc32, grams))
    smallest = heapq.nsmallest(KEY_SHINGLES, hashes)
    digest = blake2b(b"".join(h.to_bytes(4, "big") for h in smallest), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def _long_lines(lines: Sequence[str], config: CleanConfig) -> list[str]:
    """The lines of ``min_body_words`` words or more."""
    return [line for line in lines if line.count(" ") + 1 >= config.min_body_words]


def body_run(lines: Sequence[str], config: CleanConfig) -> Sequence[str]:
    """The longest run (in words) of consecutive long prose lines."""
    best = slice(0, 0)
    start = best_words = run_words = 0
    for end, line in enumerate(lines, 1):
        words = line.count(" ") + 1
        if words >= config.min_body_words and is_prose(line):
            run_words += words
            if run_words > best_words:
                best, best_words = slice(start, end), run_words
        else:
            start, run_words = end, 0
    return lines[best]


def _union(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    """The smallest ``FAMILY_SKETCH`` keys of two sketches together."""
    return _smallest([*a, *b])


def _estimate(sketch: tuple[int, ...]) -> int:
    """How many distinct families a KMV sketch stands for."""
    if len(sketch) < FAMILY_SKETCH:
        return len(sketch)
    return round((FAMILY_SKETCH - 1) * KEY_SPACE / (sketch[-1] + 1))


@dataclass(frozen=True, slots=True)
class TemplateLines:
    """Normalised lines of one corpus with the families of documents they occur in.

    ``families`` maps a line to the sorted smallest family keys of the documents having it;
    ``corpus`` is the same sketch over all documents, ``documents`` their number.
    """

    families: dict[str, tuple[int, ...]] = field(default_factory=dict)
    corpus: tuple[int, ...] = ()
    documents: int = 0

    @property
    def counts(self) -> dict[str, int]:
        """Each kept line with the number of document families it occurs in."""
        return {line: _estimate(sketch) for line, sketch in self.families.items()}

    def count(self, line: str) -> int:
        """The number of document families that have ``line`` (any form; normalised here)."""
        sketch = self.families.get(normalise(line))
        return _estimate(sketch) if sketch else 0

    def status(self, line: str, config: CleanConfig) -> str | None:
        """``template`` for boilerplate, ``shared`` for a recurring sentence, else None.

        The evidence of the folder alone: a recurring line that is not a sentence (menu,
        footer, "Advertisement") is boilerplate; a recurring sentence is ``shared`` unless
        most families have it. :meth:`marks` also looks at where the sentence sits.
        """
        count = self.count(line)
        if count < config.template_min_documents:
            return None
        if is_prose(line.strip()):
            if count >= config.template_prose_min_fraction * _estimate(self.corpus):
                return "template"
            return "shared"
        return "template"

    def is_template(self, line: str, config: CleanConfig) -> bool:
        """True when the (stripped) line is site boilerplate by the folder's evidence."""
        return self.status(line, config) == "template"

    def marks(
        self,
        lines: Sequence[str],
        config: CleanConfig,
        statuses: dict[str, str | None] | None = None,
    ) -> list[str | None]:
        """The status of each line of one document, given where it sits.

        A sentence that passes :meth:`status` as ``template`` stays so only in a boilerplate
        block: a run of recurring lines (blank lines do not break it) that holds a line that
        is not a sentence, or that opens or closes the document. A run of recurring sentences
        inside the text is shared prose, such as a wire story's paragraphs. ``statuses`` holds
        the :meth:`status` of lines looked up before (for this config), and gets those of these.
        """
        known = {} if statuses is None else statuses
        for line in lines:
            if line not in known:
                known[line] = self.status(line, config) if line.strip() else None
        marks = [known[line] for line in lines]
        if not any(marks):  # no recurring line (a folder's unique pages): no run to look at
            return marks
        filled = [i for i, line in enumerate(lines) if line.strip()]
        run: list[int] = []
        for k, i in enumerate([*filled, None]):
            if i is not None and marks[i] is not None:
                run.append(i)
                continue
            if run:
                edge = run[0] == filled[0] or k == len(filled)
                if not edge and all(is_prose(lines[j].strip()) for j in run):
                    for j in run:
                        marks[j] = "shared"
                run = []
        return marks

    def merge(self, other: TemplateLines) -> TemplateLines:
        """The evidence of both corpora together (merge unpruned evidence, then prune)."""
        families = dict(self.families)
        for line, sketch in other.families.items():
            mine = families.get(line)
            families[line] = _union(mine, sketch) if mine else sketch
        return TemplateLines(
            families, _union(self.corpus, other.corpus), self.documents + other.documents
        )

    def pruned(self, min_families: int) -> TemplateLines:
        """Only the lines in at least ``min_families`` families (the others cannot count)."""
        keep = {line: s for line, s in self.families.items() if _estimate(s) >= min_families}
        return TemplateLines(keep, self.corpus, self.documents)


def merge_all(parts: Iterable[TemplateLines], min_families: int) -> TemplateLines:
    """The evidence of many parts of a corpus together, pruned to ``min_families``.

    The same as merging them one by one (:meth:`TemplateLines.merge`) and pruning, but each
    line's keys are gathered as the parts stream in and its sketch is made once, so a line
    that every part has costs one sort, not one per part; a line with fewer keys than
    ``min_families`` (most lines: those of one document) is dropped without one.

    >>> texts = [f"Home\\nStory {i} is here." for i in range(4)]
    >>> parts = [build_templates(texts[k : k + 2], CleanConfig(), prune=False) for k in (0, 2)]
    >>> merge_all(parts, 3) == parts[0].merge(parts[1]).pruned(3)
    True
    """
    keys = _Keys()
    corpus: list[int] = []
    documents = 0
    for part in parts:
        documents += part.documents
        _extend(corpus, part.corpus)
        keys.add(part.families.items())
    return TemplateLines(keys.sketches(min_families), _smallest(corpus), documents)


def _smallest(keys: Iterable[int]) -> tuple[int, ...]:
    """The KMV sketch of some keys: the ``FAMILY_SKETCH`` smallest distinct ones."""
    return tuple(sorted(set(keys))[:FAMILY_SKETCH])


def _normalised_lines(text: str) -> list[str]:
    """The non-blank lines of a text, normalised (:func:`normalise`, inlined: it runs on
    every line of a corpus)."""
    return [" ".join(words).casefold() for line in text.splitlines() if (words := line.split())]


def _extend(keys: list[int], more: Iterable[int]) -> None:
    """Add ``more`` to some keys of which only the sketch matters, keeping them few."""
    keys.extend(more)
    if len(keys) > 2 * FAMILY_SKETCH:
        keys[:] = _smallest(keys)


class _Keys:
    """The family keys of each line, gathered unsorted; sketches are made at the end.

    A line's first keys are kept as they come (a sketch, often a tuple shared by all the
    lines of one document); later ones go to a list, cut back to its sketch when it grows
    past ``2 * FAMILY_SKETCH`` so that memory stays bounded.
    """

    __slots__ = ("keys",)

    def __init__(self) -> None:
        self.keys: dict[str, tuple[int, ...] | list[int]] = {}

    def add(self, sketches: Iterable[tuple[str, tuple[int, ...]]]) -> None:
        """Add the keys of each ``(line, sketch)`` (a sketch: sorted, distinct keys)."""
        keys = self.keys
        for line, sketch in sketches:
            mine = keys.setdefault(line, sketch)
            if mine is sketch:
                continue
            if isinstance(mine, tuple):
                keys[line] = [*mine, *sketch]
            else:
                _extend(mine, sketch)

    def sketches(self, min_families: int) -> dict[str, tuple[int, ...]]:
        """Each line's sketch, for the lines in at least ``min_families`` families.

        A line with fewer keys than that (and than ``FAMILY_SKETCH``) has fewer distinct
        ones, each counted exactly: it is left out without making its sketch.
        """
        least = min(min_families, FAMILY_SKETCH)
        families: dict[str, tuple[int, ...]] = {}
        for line, keys in self.keys.items():
            if len(keys) < least:
                continue
            sketch = keys if isinstance(keys, tuple) else _smallest(keys)
            if _estimate(sketch) >= min_families:
                families[line] = sketch
        return families


def build_templates(texts: Iterable[str], config: CleanConfig, prune: bool = True) -> TemplateLines:
    """Count, over a corpus, in how many families of documents each normalised line occurs.

    ``prune`` drops the lines below ``template_min_documents`` families; keep them to
    :meth:`~TemplateLines.merge` the evidence with that of other parts of the corpus.
    """
    keys = _Keys()
    corpus: list[int] = []
    documents = 0
    for text in texts:
        documents += 1
        ordered = _normalised_lines(text)
        if not ordered:
            continue
        key = family_key(ordered, config)
        _extend(corpus, (key,))
        keys.add(zip(set(ordered), repeat((key,))))  # one tuple for all: pickled once
    least = config.template_min_documents if prune else 1
    return TemplateLines(keys.sketches(least), _smallest(corpus), documents)
