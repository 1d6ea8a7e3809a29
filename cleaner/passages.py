"""Verbatim and near-verbatim passages shared between documents of one story.

How passages are found, within each group of documents (a story) independently:

1. Each document is read as normalised words with their character spans (``cleaner.normalize``;
   many texts at once by ``cleaner.wordbatch``), the words numbered per group.
2. Every window of ``seed_words`` words is indexed (``cleaner.seeds``). A window found in two or
   more documents links each of its postings to one pivot posting (the first in document order),
   so a window shared by n documents gives n - 1 links, never n * (n - 1) / 2.
3. Each link grows into an alignment (``cleaner.align``): a maximal exact run, extended across
   small edits (at most ``max_edit_words`` changed, inserted or deleted words) while an exact run
   at least as long as the edit follows. A link already inside an alignment of the same two
   documents (the last one to cover its word of the first document) is skipped, so hundreds of
   near-identical copies cost one alignment each per pivot, not one per pair. Alignments with
   fewer than ``min_words`` matching words are dropped.
4. The two spans of each alignment belong to one passage; spans standing at about the same
   place in a document are one occurrence, and a short span nested in a longer one is its own
   passage, carried through the longer one's alignments to every document it stands in
   (``cleaner.spans``). A passage's occurrences are its merged spans, one per place.

The groups of a pool task are read and indexed together (steps 1 and 2 in one pass), which
gives the same links as one group at a time: word numbers differ between groups.

A passage is ``verbatim`` when all its occurrences read the same normalised words; otherwise it
is near-verbatim: every occurrence is aligned with an occurrence in another document over at
least ``min_words`` matching words, with changes of at most ``max_edit_words`` words between
exact runs; occurrences may also differ in extent when documents copy overlapping parts of a
text (one quotes more of it than another). ``Passage.text`` and ``Passage.words`` are those of
the first occurrence (by document id, then start).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from itertools import accumulate, chain, compress, count
from operator import ne

import numpy as np

from cleaner.align import Block, Edits, align_from_seed, edit_plan
from cleaner.config import PassageConfig
from cleaner.document import Document
from cleaner.model import Clustering, Occurrence, Passage
from cleaner.normalize import WordReader
from cleaner.parallel import chunked_map
from cleaner.seeds import IntArray, Links, seed_links
from cleaner.spans import Span, group_alignments
from cleaner.wordbatch import BatchReader, TextWords

DEFAULT_PASSAGE_CONFIG = PassageConfig()

Groups = Clustering | Mapping[str, Sequence[str]] | Iterable[Sequence[str]]
"""Where to look: a ``Clustering`` (its stories), a mapping ``story id -> member ids``, or plain
sequences of member ids (passages then have no story)."""

GROUPS_PER_TASK = 32
"""Groups searched per pool task."""
BATCH_CHARACTERS = 1 << 22
"""Groups of a task are read and indexed together up to this many characters of text."""
COVERED_LIST_SIZE = 16
"""Alignment bookkeeping is a list while it takes at most this many entries per link, else a
dict (documents with long texts and few links between them)."""


def find_shared_passages(
    documents: Sequence[Document],
    groups: Groups | None = None,
    config: PassageConfig = DEFAULT_PASSAGE_CONFIG,
    *,
    jobs: int = 1,
    done: Callable[[int], None] | None = None,
) -> list[Passage]:
    """Find passages shared within each group of documents (all documents when ``groups`` is None).

    ``groups`` is a ``Clustering``, a mapping ``story id -> member ids`` (both set
    ``Passage.story``), or an iterable of member-id sequences; groups of one document are
    skipped, and a document listed in several groups is searched in each. Unknown ids raise
    ``ValueError``. Offsets index ``Document.text``.
    Passages are numbered ``p1, p2, ...`` in order of their first occurrence (document id,
    start), so the result does not depend on the order of ``documents`` or ``groups``.
    With ``jobs > 1`` groups are searched in a process pool (same result); ``done(n)`` is
    called as each ``n`` groups are searched.

    >>> docs = [
    ...     Document("a", "He said the talks were frank, open and useful for both sides."),
    ...     Document("b", "The talks were “frank, open and useful for both sides”, he said."),
    ... ]
    >>> [(p.text, [o.doc for o in p.occurrences]) for p in find_shared_passages(docs)]
    [('the talks were frank, open and useful for both sides', ['a', 'b'])]
    """
    by_id: dict[str, Document] = {}
    for doc in documents:
        if doc.id in by_id:
            raise ValueError(f"duplicate document id: {doc.id!r}")
        by_id[doc.id] = doc
    tasks = (  # workers read ids and texts only: the rest of a document is not sent
        ([Document(m, by_id[m].text) for m in members], story)
        for story, members in _resolve_groups(groups, by_id)
    )
    found = [
        passage
        for passages in chunked_map(
            _groups_passages,
            tasks,
            config,
            BatchReader(
                WordReader(
                    casefold=config.casefold,
                    unify_apostrophes=config.unify_apostrophes,
                    join_hyphenated=config.join_hyphenated,
                )
            ),
            jobs=jobs,
            chunk_size=GROUPS_PER_TASK,
            done=done,
        )
        for passage in passages
    ]
    found.sort(key=_passage_order)
    return [replace(p, id=f"p{n}") for n, p in enumerate(found, 1)]


def _passage_order(passage: Passage) -> tuple[str, int, int, str, int]:
    """Sort key: first occurrence, then story, then number of occurrences."""
    first = passage.occurrences[0]
    return (first.doc, first.start, first.end, passage.story or "", len(passage.occurrences))


def _resolve_groups(
    groups: Groups | None, by_id: Mapping[str, Document]
) -> list[tuple[str | None, list[str]]]:
    """``(story id or None, sorted distinct member ids)`` for each group of 2+ documents."""
    pairs: list[tuple[str | None, Sequence[str]]]
    if groups is None:
        pairs = [(None, list(by_id))]
    elif isinstance(groups, Clustering):
        pairs = [(story.id, story.members) for story in groups.stories]
    elif isinstance(groups, Mapping):
        pairs = list(groups.items())
    else:
        pairs = [(None, members) for members in groups]
    resolved: list[tuple[str | None, list[str]]] = []
    for story, members in pairs:
        if isinstance(members, str):
            raise TypeError("each group must be a sequence of document ids, not a string")
        unknown = sorted({member for member in members if member not in by_id})
        if unknown:
            raise ValueError(f"unknown document ids in group {story or ''}: {unknown[:5]}")
        distinct = sorted(set(members))
        if len(distinct) >= 2:
            resolved.append((story, distinct))
    return resolved


def _groups_passages(
    chunk: list[tuple[list[Document], str | None]], config: PassageConfig, reader: BatchReader
) -> list[list[Passage]]:
    """The passages of each group of a chunk (one pool task), not yet numbered; ``reader``
    reads words as ``config`` says. Groups are searched in batches of at most
    ``BATCH_CHARACTERS`` (or one larger group)."""
    found: list[list[Passage]] = []
    batch: list[tuple[list[Document], str | None]] = []
    size = 0
    for group in chunk:
        group_size = sum(len(doc.text) for doc in group[0])
        if batch and size + group_size > BATCH_CHARACTERS:
            found += _batch_passages(batch, config, reader)
            batch, size = [], 0
        batch.append(group)
        size += group_size
    if batch:
        found += _batch_passages(batch, config, reader)
    return found


def _batch_passages(
    chunk: list[tuple[list[Document], str | None]], config: PassageConfig, reader: BatchReader
) -> list[list[Passage]]:
    """The passages of each of a few groups, not yet numbered.

    The groups' documents are read and indexed together (their seed windows found in one
    pass), each group with word ids of its own, so that windows of different groups never match.
    """
    docs = [doc for members, _ in chunk for doc in members]
    words = reader.read([doc.text for doc in docs])
    ends = list(accumulate(len(members) for members, _ in chunk))
    sequences: list[list[int]] = []
    next_id = 0
    for end, (members, _) in zip(ends, chunk, strict=True):
        vocabulary: defaultdict[str, int] = defaultdict(count(next_id).__next__)
        sequences += [
            list(map(vocabulary.__getitem__, w.norms)) for w in words[end - len(members) : end]
        ]
        next_id += len(vocabulary)
    lengths = np.array([len(seq) for seq in sequences], dtype=np.int64)
    ids = np.fromiter(chain.from_iterable(sequences), dtype=np.int64, count=int(lengths.sum()))
    links = seed_links(ids, lengths.tolist(), config.seed_words)
    # Links come window by window, windows by first place: group by group.
    group_of_link = np.searchsorted(np.array(ends), links[0], side="right")
    bounds = np.searchsorted(group_of_link, np.arange(len(chunk) + 1)).tolist()
    covered = _Covered(links, lengths)
    edits = edit_plan(config.max_edit_words)
    found = []
    for n, (_, story) in enumerate(chunk):
        span = range(bounds[n], bounds[n + 1])
        alignments = _alignments(sequences, links, covered, span, config, edits)
        spans = group_alignments(list(alignments), config.min_words)
        found.append(
            [_passage(docs, words, sequences, occurrences, story) for occurrences in spans]
        )
    return found


class _Covered:
    """For each place (doc a, doc b, position in doc a) of a link, the diagonal (position in b
    minus position in a) of the alignment that last covered it, None if none.

    A link is inside that alignment when its own diagonal is the same. Places are numbered pair
    by pair of documents with links, each pair taking as many numbers as its doc a has words;
    diagonals are kept in a list, or in a dict if the list would be many times longer than the
    links.
    """

    def __init__(self, links: Links, lengths: IntArray) -> None:
        docs_a, positions_a, docs_b, positions_b = links
        pairs, pair = np.unique(docs_a * len(lengths) + docs_b, return_inverse=True)
        widths = lengths[pairs // len(lengths)]
        places = (np.cumsum(widths) - widths)[pair.reshape(-1)] + positions_a
        size = int(widths.sum())
        self.places: list[int] = places.tolist()
        self.diagonals: list[int] = (positions_b - positions_a).tolist()
        self.covered: list[int | None] | dict[int, int]
        if size <= COVERED_LIST_SIZE * max(1, len(places)):
            self.covered = [None] * size
        else:
            self.covered = {}

    def uncovered(self, links: range) -> Iterator[int]:
        """The links (a range of link numbers) not inside the alignment that last covered their
        place, checked lazily in C: each against the alignments made before it is reached."""
        covered = self.covered
        seen = covered.__getitem__ if isinstance(covered, list) else covered.get
        places = self.places[links.start : links.stop]
        return compress(links, map(ne, map(seen, places), self.diagonals[links.start : links.stop]))

    def cover(self, link: int, position_a: int, blocks: Sequence[Block]) -> int:
        """Record ``blocks``, aligned from ``link`` at ``position_a`` of its doc a; the number of
        words they match."""
        base = self.places[link] - position_a
        covered = self.covered
        matched = 0
        for first_a, first_b, size in blocks:
            start = base + first_a
            if isinstance(covered, list):
                covered[start : start + size] = [first_b - first_a] * size
            else:
                covered.update(dict.fromkeys(range(start, start + size), first_b - first_a))
            matched += size
        return matched


def _alignments(
    sequences: Sequence[Sequence[int]],
    links: Links,
    covered: _Covered,
    span: range,
    config: PassageConfig,
    edits: Edits,
) -> Iterator[tuple[int, int, list[Block]]]:
    """Alignments ``(doc a, doc b, blocks)`` of ``min_words``+ matching words grown from the
    links in ``span`` (``edits`` is the edit plan of ``config``).

    A link already inside an earlier alignment of its two documents (the latest one to align
    its word of document a with a word of document b) is skipped.
    """
    docs_a, positions_a, docs_b, positions_b = links
    for n in covered.uncovered(span):
        doc_a, pos_a, doc_b = int(docs_a[n]), int(positions_a[n]), int(docs_b[n])
        blocks = align_from_seed(
            sequences[doc_a],
            sequences[doc_b],
            pos_a,
            int(positions_b[n]),
            config.max_edit_words,
            edits=edits,
        )
        if covered.cover(n, pos_a, blocks) >= config.min_words:
            yield doc_a, doc_b, blocks


def _passage(
    docs: Sequence[Document],
    words: Sequence[TextWords],
    sequences: Sequence[Sequence[int]],
    occurrences: Sequence[Span],
    story: str | None,
) -> Passage:
    """A passage (id to be set) from its sorted occurrences as word spans.

    ``docs`` are sorted by id, so sorted spans are in occurrence order. The passage is verbatim
    when every occurrence reads the same normalised words (the same word ids).
    """
    found = []
    head_doc, head_first, head_end = occurrences[0]
    reading = sequences[head_doc][head_first:head_end]
    verbatim = True
    for doc, first, end in occurrences:
        found.append(Occurrence(docs[doc].id, *words[doc].span(first, end)))
        verbatim = verbatim and sequences[doc][first:end] == reading
    return Passage(
        id="",
        text=docs[head_doc].text[found[0].start : found[0].end],
        words=head_end - head_first,
        verbatim=verbatim,
        occurrences=tuple(found),
        story=story,
    )
