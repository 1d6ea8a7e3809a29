"""Weighted terms of an article: what outlets reporting one event share.

Five reports of one meeting share few word 5-grams but many names, places and rare words.
``term_counts`` reads a document's terms (capitalised words inside a sentence and title words
weighted up), ``CorpusStats`` holds document frequencies gathered in one linear pass, and
``weigh`` turns counts into an L2-normalised TF-IDF vector whose top terms are the document's
salient terms.

>>> counts = term_counts("Lavrov meets Johnson", "Lavrov met Johnson in Moscow on Friday.")
>>> sorted(counts)
['friday', 'johnson', 'lavrov', 'meets', 'met', 'moscow']
>>> stats = CorpusStats.from_counts([counts, term_counts(None, "Johnson visited Moscow.")])
>>> stats.n_docs, stats.df["moscow"], stats.df["lavrov"]
(2, 2, 1)
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import chain, compress
from operator import itemgetter
from typing import TypeVar

from cleaner.config import ClusterConfig
from cleaner.memo import Memo
from cleaner.stopwords import STOPWORDS

TOKEN_RE = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*|\d+(?:[.,]\d+)*")
GAP_TOKEN_RE = re.compile(rf"(.*?)({TOKEN_RE.pattern})", re.DOTALL)
"""A token with the text between it and the token before (``findall`` gives both at once)."""
SENTENCE_END = frozenset(".!?:;\"'()[]-\n\u201c\u201d\u2018\u2019\u2013\u2014")
"""Characters after which a capitalised word may just be the start of a sentence."""

Vector = dict[str, float]
K = TypeVar("K", bound=Hashable)
"""What sparse vectors are keyed by: terms, or term ids (:mod:`cleaner.termspace`)."""


def _term(token: str) -> str:
    """The term a token counts as: lowercased, \u2019 as ', without a final 's; "" when it is
    not worth keeping (one character, a stopword, a number of fewer than four digits)."""
    lower = token.lower()
    if "\u2019" in lower:
        lower = lower.replace("\u2019", "'")
    if lower.endswith("'s"):
        lower = lower[:-2]
    if len(lower) < 2 or lower in STOPWORDS or (len(lower) < 4 and lower.isdigit()):
        return ""
    return lower


def _is_name(token: str, gap: str) -> bool:
    """Whether a capitalised token after ``gap`` looks like a name (not a sentence start)."""
    if not token[0].isupper() or token.isupper():
        return False
    gap = gap.rstrip(" \t")
    return not gap or gap[-1] not in SENTENCE_END


PieceTerms = tuple[tuple[str, ...], tuple[str, ...], str, bool | None]
"""What a piece of text between two spaces holds: its terms in order; the terms of its names
that it shows to be names on its own; the term of its first token when that is capitalised
with only tabs before it in the piece ("" otherwise: whether it is a name depends on the
pieces before); and whether the piece may end a sentence (None when it is only tabs, or
empty: then the pieces before say)."""


def _piece_terms(piece: str) -> PieceTerms:
    """What :func:`term_counts` reads in ``piece`` (a text split at spaces), as
    :data:`PieceTerms`."""
    word = piece[:-1] if piece and not piece[-1].isalnum() else piece
    if word.isalpha():  # one word, maybe with a mark after it (most pieces): one token
        term = _term(word)
        lead = term if term and word[0].isupper() and not word.isupper() else ""
        return (term,) if term else (), (), lead, piece[-1] in SENTENCE_END
    terms: list[str] = []
    names: list[str] = []
    lead = ""
    for k, (gap, token) in enumerate(GAP_TOKEN_RE.findall(piece)):
        term = _term(token)
        if not term:
            continue
        terms.append(term)
        if k == 0 and not gap.strip("\t"):
            if token[0].isupper() and not token.isupper():
                lead = term
        elif _is_name(token, gap):
            names.append(term)
    end = piece.rstrip("\t")
    return tuple(terms), tuple(names), lead, end[-1] in SENTENCE_END if end else None


MEMO_LIMIT = 65_536
"""Distinct pieces of text whose :data:`PieceTerms` a :func:`piece_memo` keeps (about ten
megabytes)."""

PieceMemo = Memo[str, PieceTerms]


def piece_memo() -> PieceMemo:
    """A memo of :func:`_piece_terms` for :func:`term_counts` to read many texts with: most
    pieces ("the", "said,", "Moscow.") are read again and again (see :mod:`cleaner.memo`).
    Pass the same one to every call of a process (e.g. a pool task's fixed argument)."""
    return Memo(_piece_terms, MEMO_LIMIT)


def term_counts(
    title: str | None,
    text: str,
    config: ClusterConfig | None = None,
    memo: PieceMemo | None = None,
) -> dict[str, float]:
    """Term frequencies of one document, names and title words weighted up.

    Each token worth keeping counts as its :func:`_term`. A capitalised word looks like a
    name unless it opens the text or follows what may end a sentence (``SENTENCE_END``,
    spaces and tabs between them ignored). The text is read a piece between two spaces at a
    time (through ``memo``, a :func:`piece_memo`; a new one when None); only a capitalised
    word that opens a piece needs the pieces before it to tell whether it starts a sentence.
    (``tests/test_terms.py`` keeps the plain one-token-at-a-time reading this must equal.)
    """
    name_boost = config.name_boost if config else 1.0
    title_boost = config.title_boost if config else 1.0
    read_piece = (memo if memo is not None else piece_memo()).__getitem__
    pieces = text.split(" ")
    read = list(map(read_piece, pieces))
    counted = Counter(chain.from_iterable(map(itemgetter(0), read)))
    counts = dict(zip(counted, map(float, counted.values()), strict=True))
    names = set(chain.from_iterable(map(itemgetter(1), read)))
    leads = list(map(itemgetter(2), read))
    for i in compress(range(len(leads)), leads):
        if leads[i] in names:
            continue
        j = i - 1
        while j >= 0 and read[j][3] is None:  # pieces of only tabs, or empty (two spaces)
            j -= 1
        if j >= 0 and not read[j][3]:
            names.add(leads[i])
        elif j < 0 and (i > 0 or pieces[0].startswith("\t")):  # after spaces or tabs alone
            names.add(leads[i])  # (with nothing at all before it, it opens the text)
    if title:
        for term in chain.from_iterable(map(itemgetter(0), map(read_piece, title.split(" ")))):
            counts[term] = counts.get(term, 0.0) + title_boost
    for term in names:
        counts[term] *= name_boost
    return counts


@dataclass(frozen=True, slots=True)
class CorpusStats:
    """Document frequencies of a corpus: the state IDF weights come from.

    Built in one pass; ``merged`` combines the stats of two shards (for parallel runs or an
    index that grows with new scrapes).
    """

    n_docs: int = 0
    df: Mapping[str, int] = field(default_factory=dict)
    prior: int = 0
    """Extra documents assumed to contain none of the terms (see ``ClusterConfig.idf_prior``)."""

    @classmethod
    def from_counts(cls, docs: Iterable[Mapping[str, float]], prior: int = 0) -> CorpusStats:
        """Count in how many documents each term occurs."""
        return cls.from_terms((counts.keys() for counts in docs), prior=prior)

    def merged(self, other: CorpusStats) -> CorpusStats:
        """The stats of both corpora together."""
        df = Counter(self.df)
        df.update(other.df)
        return CorpusStats(n_docs=self.n_docs + other.n_docs, df=dict(df), prior=self.prior)

    @classmethod
    def from_terms(cls, docs: Iterable[Iterable[str]], prior: int = 0) -> CorpusStats:
        """:meth:`from_counts` given each document's distinct terms."""
        df: Counter[str] = Counter()
        n = 0
        for terms in docs:
            n += 1
            df.update(terms)
        return cls(n_docs=n, df=dict(df), prior=prior)

    def idf(self, term: str) -> float:
        """Smoothed inverse document frequency: ``ln((1 + N + prior) / (1 + df)) + 1``."""
        return math.log((1 + self.n_docs + self.prior) / (1 + self.df.get(term, 0))) + 1.0


def weigh(counts: Mapping[str, float], stats: CorpusStats) -> Vector:
    """L2-normalised TF-IDF vector with sublinear term frequency.

    ``tf`` becomes ``1 + ln tf`` from 1 up, and stays as it is below 1 (an average count over
    near-duplicates: a word that only one copy of many has weighs little, never less than 0).
    Clustering computes the same vectors for all its units at once
    (:func:`cleaner.termspace.unit_space`).
    """
    vector = {
        t: (1.0 + math.log(c) if c >= 1 else c) * stats.idf(t) for t, c in counts.items() if c > 0
    }
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {t: w / norm for t, w in vector.items()} if norm else {}


def salient_terms(
    vector: Mapping[str, float], stats: CorpusStats, config: ClusterConfig
) -> list[str]:
    """The ``top_terms`` heaviest terms shared with at least ``min_df - 1`` other documents."""
    df = stats.df
    ranked = sorted(
        (t for t in vector if df.get(t, 0) >= config.min_df), key=lambda t: (-vector[t], t)
    )
    return ranked[: config.top_terms]


def dot(a: Mapping[K, float], b: Mapping[K, float]) -> float:
    """Dot product of two sparse vectors (walks the shorter one)."""
    if len(a) > len(b):
        a, b = b, a
    return sum([w * b[t] for t, w in a.items() if t in b])


def cosine(a: Mapping[K, float], b: Mapping[K, float]) -> float:
    """Cosine of two L2-normalised sparse vectors: their dot product."""
    return dot(a, b)


def centroid(vectors: Iterable[Mapping[K, float]]) -> dict[K, float]:
    """L2-normalised sum of vectors."""
    total: dict[K, float] = {}
    for vector in vectors:
        for t, w in vector.items():
            total[t] = total.get(t, 0.0) + w
    norm = math.sqrt(sum(w * w for w in total.values()))
    return {t: w / norm for t, w in total.items()} if norm else {}
