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
from typing import TypeVar

from cleaner.config import ClusterConfig
from cleaner.stopwords import STOPWORDS

TOKEN_RE = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*|\d+(?:[.,]\d+)*")
GAP_TOKEN_RE = re.compile(rf"(.*?)({TOKEN_RE.pattern})", re.DOTALL)
"""A token with the text between it and the token before (``findall`` gives both at once)."""
SENTENCE_END = frozenset(".!?:;\"'()[]-\n\u201c\u201d\u2018\u2019\u2013\u2014")
"""Characters after which a capitalised word may just be the start of a sentence."""

Vector = dict[str, float]
K = TypeVar("K", bound=Hashable)
"""What sparse vectors are keyed by: terms, or term ids (:mod:`cleaner.termspace`)."""


def _tokens(text: str) -> Iterable[tuple[str, bool]]:
    """Yield ``(lowercased token, looks like a name)`` for each word worth keeping.

    A capitalised word looks like a name unless it opens the text or follows what may end
    a sentence (``SENTENCE_END``, spaces and tabs between them ignored).
    """
    first = True
    for gap, token in GAP_TOKEN_RE.findall(text):
        opens_text = first and not gap
        first = False
        lower = token.lower()
        if "\u2019" in lower:
            lower = lower.replace("\u2019", "'")
        if lower.endswith("'s"):
            lower = lower[:-2]
        if len(lower) < 2 or lower in STOPWORDS or (len(lower) < 4 and lower.isdigit()):
            continue
        is_name = False
        if token[0].isupper() and not token.isupper() and not opens_text:
            gap = gap.rstrip(" \t")
            is_name = not gap or gap[-1] not in SENTENCE_END
        yield lower, is_name


def term_counts(
    title: str | None, text: str, config: ClusterConfig | None = None
) -> dict[str, float]:
    """Term frequencies of one document, names and title words weighted up."""
    name_boost = config.name_boost if config else 1.0
    title_boost = config.title_boost if config else 1.0
    counts: dict[str, float] = {}
    names: set[str] = set()
    for token, is_name in _tokens(text):
        counts[token] = counts.get(token, 0.0) + 1.0
        if is_name:
            names.add(token)
    for token, _ in _tokens(title or ""):
        counts[token] = counts.get(token, 0.0) + title_boost
    for token in names:
        counts[token] *= name_boost
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
