"""Same-story clustering with MinHash/LSH candidates and verified links.

Stories are not near-duplicates: five outlets' reports of one meeting share almost no word
5-grams, but they share names, places and rare words. The pipeline:

1. **Near-duplicates** (``cleaner.neardup``): word-shingle MinHash/LSH, verified by exact
   Jaccard. Each group of near-duplicates becomes one *unit* that counts as its size.
2. **Terms** (``cleaner.terms``): per unit an IDF-weighted term vector (names and title words
   weighted up); IDF comes from a ``CorpusStats`` built in one pass over the units, so reprints
   are not counted as independent evidence.
3. **Candidates**: MinHash over each unit's salient terms, LSH with few rows per band so that
   modest overlaps collide; at most ``max_candidates`` per unit, best estimated overlap first.
   No step compares all pairs.
4. **Verification**: TF-IDF cosine on candidate pairs only.
5. **Linking** (``cleaner.linking``): exact average link (mean cosine over *all* cross pairs,
   from group sum vectors) between groups that a verified edge connects; this resists the
   chaining that union-find over single edges suffers from.

>>> from cleaner.document import Document
>>> docs = [Document("b", "Lavrov and Johnson met in Moscow."), Document("a", "Rain in Spain.")]
>>> [story.members for story in cluster_documents(docs).stories]
[('a',), ('b',)]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch.hashfunc import sha1_hash32

from cleaner.arrays import sorted_distinct
from cleaner.bands import best_pairs, candidate_pairs, estimated_overlaps
from cleaner.config import ClusterConfig
from cleaner.document import Document
from cleaner.linking import centroid_link
from cleaner.minhash import signature_rows
from cleaner.model import Clustering, Story
from cleaner.neardup import NearDuplicates, ShingleSet, find_near_duplicates, shingle_sets
from cleaner.parallel import chunked_map
from cleaner.termids import Counts, chunk_counts
from cleaner.terms import PieceMemo, piece_memo, term_counts
from cleaner.termspace import Centroids, TermSpace, UnitVectors, pair_cosines, unit_space

DEFAULT_CLUSTER_CONFIG = ClusterConfig()
NEIGHBOUR_SHARE = 0.5
"""Candidate pairs whose cosine is below this share of ``link_threshold`` do not make their
groups neighbours in linking (the scores themselves still count every pair). Most candidates
are such weak pairs; with them, each merge re-scores dozens of neighbours that cannot reach
the threshold (at 100,000 documents: 530,000 exact scores, 3,100 of them reaching it).
Without them the groups are the same on ECB+ (floors up to 0.16 of 0.24 tried) and on the
generated 100,000-document corpus, three to five times faster."""
LABEL_TERMS = 4
"""Terms in a story label when no member has a title."""
COSINE_DIGITS = 9
"""Cosines to a story's centroid are compared to this many digits (then the first member
wins): two members' cosines are often equal but for rounding (always, for two members)."""


@dataclass(frozen=True, slots=True)
class ClusterRun:
    """A clustering with the figures that say what it cost."""

    clustering: Clustering
    documents: int
    units: int
    """Groups of near-duplicates (singletons included): what story linking works on."""
    dup_candidates: int
    """Near-duplicate candidate pairs verified with exact Jaccard."""
    story_candidates: int
    """Story candidate pairs (between units) verified with TF-IDF cosine."""


def document_title(doc: Document) -> str | None:
    """The document's title, when cleaning found one."""
    title = doc.metadata.get("title") if doc.metadata else None
    return title if isinstance(title, str) and title.strip() else None


def _shingle_text(title: str | None, text: str) -> str:
    """What near-duplicate detection compares: title and body."""
    return f"{title}\n{text}" if title else text


def story_candidates(space: TermSpace, config: ClusterConfig) -> np.ndarray:
    """Pairs ``(i, j)``, ``i < j``, of units whose salient terms collide in LSH, capped:
    each unit keeps its ``max_candidates`` partners of highest estimated overlap (then
    lowest position), as a ``MinHashLSH`` query per unit would give them. An ``(n, 2)``
    array, sorted, without repeats."""
    salient = space.salient(config.top_terms, config.min_df)
    keys = np.array([u for u, terms in enumerate(salient) if len(terms)], dtype=np.int64)
    matrix = term_signatures([salient[u] for u in keys], space.vocabulary, config)
    pairs = candidate_pairs(matrix, config.term_bands, config.term_rows)
    chosen = best_pairs(pairs, estimated_overlaps(matrix, pairs), config.max_candidates)
    return keys[chosen]


def term_signatures(
    salient: Sequence[np.ndarray], vocabulary: Sequence[str], config: ClusterConfig
) -> np.ndarray:
    """MinHash signatures of sets of term ids (positions in ``vocabulary``), as rows: each
    term hashed as datasketch hashes bytes by default (``sha1_hash32`` of its UTF-8), once."""
    used = sorted_distinct(np.concatenate(salient)) if salient else np.zeros(0, dtype=np.int64)
    table = np.zeros(len(vocabulary), dtype=np.uint32)
    table[used] = [sha1_hash32(vocabulary[t].encode()) for t in used.tolist()]
    return signature_rows([table[terms] for terms in salient], config)


Features = tuple[ShingleSet, Counts]
"""What clustering reads from one document: its shingle signature and set, its term counts."""


def document_features(
    chunk: list[tuple[str | None, str]], config: ClusterConfig, memo: PieceMemo | None = None
) -> list[Features]:
    """Shingle signature and set, and term counts, of each ``(title, body)`` (a pool task).

    ``(title, body)`` of a cleaned document: its ``metadata["title"]`` and its ``text``;
    ``memo`` is the :func:`~cleaner.terms.piece_memo` to read terms with (one for the chunk
    when None). The term counts of the chunk share one vocabulary
    (:func:`~cleaner.termids.chunk_counts`)."""
    texts = [_shingle_text(title, text) for title, text in chunk]
    sets = shingle_sets(texts, config)
    memo = piece_memo() if memo is None else memo
    counts = chunk_counts(term_counts(title, text, config, memo) for title, text in chunk)
    return list(zip(sets, counts, strict=True))


def run_clustering(
    documents: Sequence[Document],
    config: ClusterConfig = DEFAULT_CLUSTER_CONFIG,
    *,
    jobs: int = 1,
    done: Callable[[int], None] | None = None,
    features: list[Features] | None = None,
) -> ClusterRun:
    """Cluster and also report how many candidate pairs each stage verified.

    With ``jobs > 1`` signatures and term counts are computed in a process pool (the result
    is the same); ``done(n)`` is called as each ``n`` documents are read (a progress bar).
    ``features`` are the documents' :func:`document_features` when they were computed
    already (e.g. by the workers that cleaned them), in the order of ``documents``. The list
    is consumed: it is emptied here, so that what it holds (most of the memory of a large
    run) goes as soon as each part has been used.
    """
    order = sorted(range(len(documents)), key=lambda k: documents[k].id)
    docs = [documents[k] for k in order]
    ids = [d.id for d in docs]
    if len(set(ids)) != len(ids):
        raise ValueError("document ids must be unique")
    if features is None:
        pairs_in = ((document_title(d), d.text) for d in docs)
        features = list(
            chunked_map(document_features, pairs_in, config, piece_memo(), jobs=jobs, done=done)
        )
    else:
        if len(features) != len(documents):
            raise ValueError("give one entry of features per document")
        given = features
        features = [given[k] for k in order]
        if isinstance(given, list):
            given.clear()
        if done is not None:
            done(len(docs))
    sets = [shingle_set for shingle_set, _ in features]
    counts = [c for _, c in features]
    del features
    dups = find_near_duplicates(ids, config, sets)
    del sets
    space = unit_space(counts, dups.groups, prior=config.idf_prior)
    del counts
    pairs = story_candidates(space, config)
    scores = pair_cosines(space, pairs)
    weights = [float(len(g)) for g in dups.groups]
    strong = scores >= NEIGHBOUR_SHARE * config.link_threshold
    edges = dict(zip(map(tuple, pairs[strong].tolist()), scores[strong].tolist(), strict=True))
    linked = centroid_link(UnitVectors(space), weights, edges, config.link_threshold)
    clustering = _assemble(docs, dups, linked, (pairs, scores), space)
    return ClusterRun(
        clustering=clustering,
        documents=len(docs),
        units=len(dups.groups),
        dup_candidates=dups.candidates,
        story_candidates=len(pairs),
    )


def cluster_documents(
    documents: Sequence[Document], config: ClusterConfig = DEFAULT_CLUSTER_CONFIG
) -> Clustering:
    """Group cleaned documents (``text`` = cleaned body, ``metadata['title']``) into stories.

    Every document lands in exactly one story (singletons included). Stories are numbered
    ``s1, s2, ...`` by size, then by first member id; the result does not depend on the order
    of ``documents``. ``Story.similarities`` lists the verified links inside the story: TF-IDF
    cosine between near-duplicate groups (named by their first member) and shingle Jaccard
    between near-duplicates.
    """
    return run_clustering(documents, config).clustering


def _assemble(
    docs: Sequence[Document],
    dups: NearDuplicates,
    linked: Sequence[Sequence[int]],
    edges: tuple[np.ndarray, np.ndarray],
    space: TermSpace,
) -> Clustering:
    """Turn groups of units into ``Story`` records with stable ids (one pass over the edges,
    given as the verified pairs of units and their cosines)."""
    story_of_unit = np.zeros(len(dups.groups), dtype=np.int64)
    for k, units in enumerate(linked):
        story_of_unit[list(units)] = k
    unit_of = {i: u for u, group in enumerate(dups.groups) for i in group}
    sims: list[list[tuple[str, str, float]]] = [[] for _ in linked]
    pairs, scores = edges
    inside = (scores > 0) & (story_of_unit[pairs[:, 0]] == story_of_unit[pairs[:, 1]])
    for (a, b), score in zip(pairs[inside].tolist(), scores[inside].tolist(), strict=True):
        pair = sorted((docs[dups.groups[a][0]].id, docs[dups.groups[b][0]].id))
        sims[story_of_unit[a]].append((pair[0], pair[1], round(score, 4)))
    for i, j, score in dups.edges:
        sims[story_of_unit[unit_of[i]]].append((docs[i].id, docs[j].id, round(score, 4)))
    middle = Centroids.of(space, story_of_unit, len(linked))
    stories = []
    for k, units in enumerate(linked):
        members = tuple(sorted(docs[i].id for u in units for i in dups.groups[u]))
        groups = (dups.groups[u] for u in units if len(dups.groups[u]) > 1)
        near = tuple(sorted(tuple(docs[i].id for i in group) for group in groups))
        label = _label(docs, dups, units, middle, k)
        stories.append((members, label, near, tuple(sorted(sims[k]))))
    stories.sort(key=lambda s: (-len(s[0]), s[0][0]))
    return Clustering(
        stories=tuple(
            Story(id=f"s{k}", label=label, members=members, near_duplicates=near, similarities=sims)
            for k, (members, label, near, sims) in enumerate(stories, 1)
        )
    )


def _label(
    docs: Sequence[Document],
    dups: NearDuplicates,
    units: Sequence[int],
    middle: Centroids,
    story: int,
) -> str:
    """The title of the member most central to the story (highest cosine with its
    centroid) that has one, else the heaviest terms of its centroid."""
    titled = [u for u in units if document_title(docs[dups.groups[u][0]])]
    if titled:
        cosines = middle.cosines[titled].round(COSINE_DIGITS).tolist()
        best = max(zip(cosines, [-u for u in titled], titled, strict=True))[2]
        return document_title(docs[dups.groups[best][0]]) or ""
    if middle.norms[story] > 0:
        return ", ".join(middle.top_terms(story, LABEL_TERMS))
    return docs[dups.groups[units[0]][0]].id
