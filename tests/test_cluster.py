"""Story clustering on invented fixtures and on the five seeds."""

from __future__ import annotations

import dataclasses
import doctest
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner.arrays
import cleaner.cluster
import cleaner.linking
import cleaner.neardup
import cleaner.shingle
import cleaner.terms
from cleaner.clean import clean_text
from cleaner.cluster import cluster_documents, run_clustering
from cleaner.config import ClusterConfig
from cleaner.document import Document
from cleaner.linking import centroid_link
from cleaner.terms import CorpusStats, cosine, term_counts, weigh

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "cluster"
SEEDS = ROOT / "seeds"


def load_fixtures() -> list[Document]:
    """The invented articles: first line title, then the body."""
    docs = []
    for path in sorted(FIXTURES.glob("*.txt")):
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        docs.append(Document(id=path.name, text=body.strip(), metadata={"title": title}))
    return docs


def load_seeds() -> list[Document]:
    """The raw seed scrapes through clean_text, as the CLI would pass them."""
    docs = []
    for path in sorted(SEEDS.glob("*.txt")):
        result = clean_text(path.read_text(encoding="utf-8"))
        docs.append(Document(id=path.name, text=result.text, metadata={"title": result.title}))
    return docs


FIXTURE_DOCS = load_fixtures()


def test_two_stories_and_a_reprint() -> None:
    clustering = cluster_documents(FIXTURE_DOCS)
    members = [story.members for story in clustering.stories]
    assert members == [
        ("bridge-1-reprint.txt", "bridge-1.txt", "bridge-2.txt", "bridge-3.txt"),
        ("chess-1.txt", "chess-2.txt", "chess-3.txt"),
    ]
    bridge, chess = clustering.stories
    assert (bridge.id, chess.id) == ("s1", "s2")
    assert bridge.near_duplicates == (("bridge-1-reprint.txt", "bridge-1.txt"),)
    assert chess.near_duplicates == ()
    for story in clustering.stories:
        for a, b, score in story.similarities:
            assert a < b and a in story.members and b in story.members and 0 < score <= 1


def test_seeds_form_one_story_of_five() -> None:
    clustering = cluster_documents(load_seeds())
    assert len(clustering.stories) == 1
    assert len(clustering.stories[0].members) == 5


def test_every_document_in_exactly_one_story() -> None:
    docs = FIXTURE_DOCS + load_seeds() + [Document("empty", ""), Document("x", "Rain.")]
    clustering = cluster_documents(docs)
    seen = [doc for story in clustering.stories for doc in story.members]
    assert sorted(seen) == sorted(d.id for d in docs)
    sizes = [len(s.members) for s in clustering.stories]
    assert sizes == sorted(sizes, reverse=True)
    assert [s.id for s in clustering.stories] == [f"s{i}" for i in range(1, len(sizes) + 1)]


def test_empty_input() -> None:
    assert cluster_documents([]).stories == ()


def test_duplicate_ids_are_rejected() -> None:
    with pytest.raises(ValueError):
        cluster_documents([Document("a", "one"), Document("a", "two")])


def test_singletons_when_the_threshold_is_unreachable() -> None:
    config = dataclasses.replace(ClusterConfig(), link_threshold=1.01, dup_threshold=1.0)
    clustering = cluster_documents(FIXTURE_DOCS, config)
    assert len(clustering.stories) == len(FIXTURE_DOCS)


def test_run_reports_costs() -> None:
    run = run_clustering(FIXTURE_DOCS)
    assert run.documents == 7 and run.units == 6
    assert 0 < run.story_candidates <= 6 * 5 // 2


@settings(max_examples=25, deadline=None)
@given(st.permutations(FIXTURE_DOCS + load_seeds()))
def test_clustering_does_not_depend_on_input_order(docs: list[Document]) -> None:
    assert cluster_documents(docs) == cluster_documents(sorted(docs, key=lambda d: d.id))


def test_linking_resists_chaining() -> None:
    # Tight pairs {0, 1} and {2, 3}; the edge 1-2 (cosine 0.36) would chain them under
    # single link at 0.3, but the average over all four cross pairs is only 0.09.
    vectors = [{"a": 1.0}, {"a": 0.8, "c": 0.6}, {"b": 0.8, "c": 0.6}, {"b": 1.0}]
    edges = {(0, 1): 0.8, (2, 3): 0.8, (1, 2): 0.36}
    assert centroid_link(vectors, [1, 1, 1, 1], edges, threshold=0.3) == [[0, 1], [2, 3]]


def test_centroid_link_uses_all_cross_pairs() -> None:
    vectors = [{"a": 1.0}, {"a": 1.0}, {"b": 1.0}, {"b": 0.6, "a": 0.8}]
    edges = {(0, 1): 1.0, (2, 3): 0.6, (1, 3): 0.8}
    assert centroid_link(vectors, [1, 1, 1, 1], edges, threshold=0.5) == [[0, 1, 3], [2]]


def test_terms_weigh_names_and_titles() -> None:
    config = ClusterConfig()
    counts = term_counts("Lavrov meets Johnson", "Officials said Lavrov met Johnson.", config)
    assert counts["lavrov"] > counts["officials"]
    stats = CorpusStats.from_counts([counts, term_counts(None, "Officials met.", config)])
    vector = weigh(counts, stats)
    assert cosine(vector, vector) == pytest.approx(1.0)
    assert stats.merged(stats).n_docs == 4


def test_config_rejects_impossible_settings() -> None:
    with pytest.raises(ValueError, match="term_bands"):
        ClusterConfig(term_bands=100, term_rows=2)
    with pytest.raises(ValueError, match="scheme"):
        ClusterConfig(scheme="sha1")


def test_candidates_are_capped_per_document() -> None:
    config = dataclasses.replace(ClusterConfig(), max_candidates=1)
    run = run_clustering(FIXTURE_DOCS + load_seeds(), config)
    assert run.story_candidates <= run.units * config.max_candidates


WORDS = st.sampled_from(
    [
        "Lavrov",
        "Johnson",
        "Moscow",
        "bridge",
        "river",
        "chess",
        "rook",
        "the",
        "a",
        "met",
        "fell",
        "won",
    ]
)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(WORDS, max_size=40).map(" ".join), max_size=12))
def test_any_texts_are_partitioned(texts: list[str]) -> None:
    docs = [Document(f"d{i:02}", text) for i, text in enumerate(texts)]
    clustering = cluster_documents(docs)
    assert sorted(d for s in clustering.stories for d in s.members) == [d.id for d in docs]
    for story in clustering.stories:
        for group in story.near_duplicates:
            assert len(group) >= 2 and set(group) <= set(story.members)


def test_names_inside_a_sentence_are_boosted() -> None:
    config = ClusterConfig()
    counts = term_counts(None, "Officials said Lavrov met Johnson.\nOfficials left.", config)
    assert counts["lavrov"] == counts["johnson"] == config.name_boost
    assert counts["officials"] == 2.0


@pytest.mark.parametrize(
    "module",
    [
        cleaner.arrays,
        cleaner.cluster,
        cleaner.linking,
        cleaner.neardup,
        cleaner.shingle,
        cleaner.terms,
    ],
    ids=lambda m: m.__name__,
)
def test_docstring_examples(module: object) -> None:
    assert doctest.testmod(module).failed == 0  # type: ignore[arg-type]


def test_fractional_counts_never_weigh_negative() -> None:
    stats = CorpusStats.from_counts([{"a": 1.0, "b": 1.0}, {"a": 1.0}])
    vector = weigh({"a": 1.0, "b": 0.0625}, stats)
    assert 0 < vector["b"] < vector["a"]
