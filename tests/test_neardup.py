"""Near-duplicate groups against a plain reference: datasketch's ``MinHashLSH`` for the
candidates, then each candidate verified in order with ``hashed_jaccard``."""

from __future__ import annotations

import numpy as np
from datasketch import MinHash, MinHashLSH
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.bands import lsh_params
from cleaner.config import ClusterConfig
from cleaner.neardup import find_near_duplicates, shingle_sets
from cleaner.shingle import hashed_jaccard

CONFIG = ClusterConfig()


def reference(texts: list[str], config: ClusterConfig) -> tuple[object, ...]:
    """``(groups, edges, candidates)`` from MinHashLSH queries and a union-find in which a
    candidate pair already in one group is not verified."""
    sets = shingle_sets(texts, config)
    bands, rows = lsh_params(config.num_perm, config.dup_lsh_threshold)
    lsh = MinHashLSH(num_perm=config.num_perm, params=(bands, rows))
    sketches = {
        i: MinHash(num_perm=config.num_perm, hashvalues=sig, scheme=config.scheme)
        for i, (sig, _) in enumerate(sets)
        if sig is not None
    }
    for i, sketch in sketches.items():
        lsh.insert(i, sketch)
    pairs = sorted({(i, j) for i, s in sketches.items() for j in lsh.query(s) if i < j})
    group = list(range(len(texts)))
    edges, candidates = [], 0
    for i, j in pairs:
        if group[i] == group[j]:
            continue
        candidates += 1
        score = hashed_jaccard(sets[i][1], sets[j][1])
        if score >= config.dup_threshold:
            old, new = max(group[i], group[j]), min(group[i], group[j])
            group = [new if g == old else g for g in group]
            edges.append((i, j, score))
    members: dict[int, list[int]] = {}
    for i, g in enumerate(group):
        members.setdefault(g, []).append(i)
    return tuple(sorted(tuple(m) for m in members.values())), tuple(edges), candidates


WORDS = st.sampled_from(
    ["the", "council", "met", "on", "friday", "and", "agreed", "budget", "for", "city", "schools"]
)
BASES = st.lists(st.lists(WORDS, min_size=0, max_size=30), min_size=1, max_size=4)


@st.composite
def corpora(draw: st.DrawFn) -> list[str]:
    """Texts that are copies of a few bases with a few words changed: many candidates,
    some groups, some pairs proposed again once their documents are in one group."""
    bases = draw(BASES)
    texts = []
    for _ in range(draw(st.integers(0, 12))):
        words = list(draw(st.sampled_from(bases)))
        for _ in range(draw(st.integers(0, 3))):
            if words:
                words[draw(st.integers(0, len(words) - 1))] = draw(WORDS)
        texts.append(" ".join(words))
    return texts


@settings(max_examples=150, deadline=None)
@given(corpora(), st.sampled_from([0.3, 0.5, 0.8]))
def test_near_duplicates_match_the_reference(texts: list[str], threshold: float) -> None:
    config = ClusterConfig(dup_threshold=threshold, dup_lsh_threshold=min(threshold, 0.3))
    found = find_near_duplicates(texts, config)
    assert (found.groups, found.edges, found.candidates) == reference(texts, config)


def test_a_group_of_copies_verifies_each_copy_once() -> None:
    text = "the council met on friday and agreed a new budget for the city schools"
    found = find_near_duplicates([text] * 6 + ["something else entirely"], CONFIG)
    assert found.groups == ((0, 1, 2, 3, 4, 5), (6,))
    assert found.candidates == 5
    assert [(i, j) for i, j, _ in found.edges] == [(0, 1), (0, 2), (0, 3), (0, 4), (0, 5)]


hash_sets = st.lists(st.integers(0, 40), unique=True).map(
    lambda values: np.array(sorted(values), dtype=np.uint32)
)


@settings(max_examples=300, deadline=None)
@given(hash_sets, hash_sets)
def test_hashed_jaccard_is_the_intersect1d_jaccard(a: np.ndarray, b: np.ndarray) -> None:
    shared = len(np.intersect1d(a, b, assume_unique=True))
    union = len(a) + len(b) - shared
    assert hashed_jaccard(a, b) == (shared / union if union else 0.0)
