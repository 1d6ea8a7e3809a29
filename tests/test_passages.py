"""Shared passages: the seeds, small fixtures, options, groups, and properties."""

from __future__ import annotations

import difflib
import doctest
import importlib
import itertools
import json
import pickle
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.align import Block, align_from_seed
from cleaner.config import PassageConfig
from cleaner.document import Document
from cleaner.model import Clustering, Passage, Story
from cleaner.normalize import tokenize
from cleaner.passages import find_shared_passages
from cleaner.spans import group_alignments

ROOT = Path(__file__).resolve().parent.parent
SEED_CASES = json.loads((ROOT / "tests" / "cases" / "seed_passages.json").read_text())


def load(folder: Path, prefix: int | None = None) -> list[Document]:
    return [
        Document(p.name[:prefix] if prefix else p.name, p.read_text("utf-8"))
        for p in sorted(folder.glob("*.txt"))
    ]


def words(text: str) -> list[str]:
    return [w.norm for w in tokenize(text)]


def docs_of(passage: Passage) -> list[str]:
    return sorted({o.doc for o in passage.occurrences})


def containing(passages: list[Passage], phrase: str) -> list[Passage]:
    target = " ".join(words(phrase))
    return [p for p in passages if target in " ".join(words(p.text))]


@pytest.fixture(scope="module")
def seed_passages() -> list[Passage]:
    return find_shared_passages(load(ROOT / "seeds", 3))


@pytest.fixture(scope="module")
def fixture_docs() -> list[Document]:
    return load(ROOT / "fixtures" / "passages")


# --- seeds ----------------------------------------------------------------------------------


@pytest.mark.parametrize("case", SEED_CASES["cases"], ids=lambda c: c["label"])
def test_seed_passage(seed_passages: list[Passage], case: dict) -> None:
    found = containing(seed_passages, case["phrase"])
    assert len(found) == 1, [p.text for p in found]
    (passage,) = found
    assert docs_of(passage) == case["docs"]
    assert passage.verbatim is case["verbatim"]
    assert passage.text.startswith(case["text_starts"])


def test_seeds_have_exactly_the_listed_passages(seed_passages: list[Passage]) -> None:
    assert len(seed_passages) == len(SEED_CASES["cases"])


@pytest.mark.xfail(strict=True, reason="see known_failures in tests/cases/seed_passages.json")
@pytest.mark.parametrize("case", SEED_CASES["known_failures"], ids=lambda c: c["label"])
def test_seed_known_failure(seed_passages: list[Passage], case: dict) -> None:
    assert any(docs_of(p) == case["docs"] for p in containing(seed_passages, case["phrase"]))


# --- fixtures -------------------------------------------------------------------------------


def test_near_copy_is_one_near_verbatim_passage(fixture_docs: list[Document]) -> None:
    passages = find_shared_passages(fixture_docs)
    article = containing(passages, "will close to traffic for six weeks")
    assert len(article) == 1
    assert docs_of(article[0]) == ["copy.txt", "wire.txt"]
    assert not article[0].verbatim
    assert article[0].text.startswith("harbour bridge to shut for repairs")
    assert article[0].text.endswith("during the busiest weeks of the year")


def test_quoted_sentence_lists_every_document_it_stands_in(fixture_docs: list[Document]) -> None:
    passages = find_shared_passages(fixture_docs)
    quoted = [p for p in passages if p.text.startswith("Buses will run on a diversion")]
    assert len(quoted) == 1
    assert docs_of(quoted[0]) == ["copy.txt", "quote.txt", "wire.txt"]
    assert quoted[0].verbatim
    assert quoted[0].words == 17
    assert len(passages) == 2  # other.txt shares 7 words only: below the minimum


def test_options_change_what_is_found(fixture_docs: list[Document]) -> None:
    longer = find_shared_passages(fixture_docs, config=PassageConfig(min_words=20))
    assert len(longer) == 1
    exact = find_shared_passages(fixture_docs, config=PassageConfig(max_edit_words=0))
    assert len(exact) > 2
    assert all(p.verbatim for p in exact)
    shorter = find_shared_passages(fixture_docs, config=PassageConfig(min_words=7, seed_words=7))
    assert docs_of(containing(shorter, "during the busiest weeks of the year")[-1]) == [
        "copy.txt",
        "other.txt",
        "wire.txt",
    ]


def test_config_is_checked() -> None:
    with pytest.raises(ValueError):
        PassageConfig(seed_words=9)
    with pytest.raises(ValueError):
        PassageConfig(max_edit_words=-1)


# --- groups ---------------------------------------------------------------------------------


def test_groups_set_the_story(fixture_docs: list[Document]) -> None:
    mapping = {"s1": ["wire.txt", "copy.txt"], "s2": ["quote.txt", "other.txt"]}
    passages = find_shared_passages(fixture_docs, mapping)
    assert [(p.id, p.story, docs_of(p)) for p in passages] == [
        ("p1", "s1", ["copy.txt", "wire.txt"]),
    ]
    story = Story("s7", "bridge", ("quote.txt", "wire.txt"), (), ())
    single = Story("s8", "copy", ("copy.txt",), (), ())
    clustered = find_shared_passages(fixture_docs, Clustering((story, single)))
    assert [(p.story, docs_of(p)) for p in clustered] == [("s7", ["quote.txt", "wire.txt"])]
    plain = find_shared_passages(fixture_docs, [["quote.txt", "wire.txt"]])
    assert [(p.story, docs_of(p)) for p in plain] == [(None, ["quote.txt", "wire.txt"])]


def test_bad_input_is_refused(fixture_docs: list[Document]) -> None:
    with pytest.raises(ValueError, match="unknown"):
        find_shared_passages(fixture_docs, [["wire.txt", "nope.txt"]])
    with pytest.raises(ValueError, match="duplicate"):
        find_shared_passages([*fixture_docs, fixture_docs[0]])
    with pytest.raises(TypeError):
        find_shared_passages(fixture_docs, ["wire.txt"])


def test_result_does_not_depend_on_input_order(fixture_docs: list[Document]) -> None:
    groups = {"a": ["wire.txt", "copy.txt", "quote.txt"], "b": ["other.txt", "wire.txt"]}
    shuffled = {k: v[::-1] for k, v in reversed(groups.items())}
    assert find_shared_passages(fixture_docs, groups) == find_shared_passages(
        fixture_docs[::-1], shuffled
    )


def test_function_config_and_result_pickle(fixture_docs: list[Document]) -> None:
    passages = find_shared_passages(fixture_docs)
    assert pickle.loads(pickle.dumps(passages)) == passages
    assert pickle.loads(pickle.dumps(find_shared_passages)) is find_shared_passages
    assert pickle.loads(pickle.dumps(PassageConfig(min_words=9))) == PassageConfig(min_words=9)


# --- properties -----------------------------------------------------------------------------

VOCABULARY = ["the", "a", "of", "deal", "talks", "said", "Korea", "peace", "and", "to"]
texts = st.lists(st.sampled_from([*VOCABULARY, "\u2019s", ", ", " -- ", "\n"]), max_size=80)


def check_invariants(
    documents: list[Document], passages: list[Passage], cfg: PassageConfig
) -> None:
    """Offsets slice the stated text, at word boundaries; verbatim means the same words."""
    by_id = {d.id: d for d in documents}
    assert [p.id for p in passages] == [f"p{n}" for n in range(1, len(passages) + 1)]
    for passage in passages:
        occurrences = passage.occurrences
        assert list(occurrences) == sorted(occurrences, key=lambda o: (o.doc, o.start, o.end))
        assert len({o.doc for o in occurrences}) >= 2
        first = occurrences[0]
        assert by_id[first.doc].text[first.start : first.end] == passage.text
        assert len(words(passage.text)) == passage.words
        readings = []
        for o in occurrences:
            text = by_id[o.doc].text
            spans = tokenize(text)
            assert any(w.start == o.start for w in spans)
            assert any(w.end == o.end for w in spans)
            readings.append(words(text[o.start : o.end]))
        if passage.verbatim:
            assert all(r == readings[0] for r in readings)
            assert passage.words >= cfg.min_words
        for o, reading in zip(occurrences, readings, strict=True):
            shared = max(
                sum(
                    b.size
                    for b in difflib.SequenceMatcher(
                        None, reading, other, False
                    ).get_matching_blocks()
                )
                for other_o, other in zip(occurrences, readings, strict=True)
                if other_o.doc != o.doc
            )
            assert shared >= cfg.min_words


@settings(max_examples=150, deadline=None)
@given(st.lists(texts.map(" ".join), min_size=1, max_size=5), st.integers(0, 2))
def test_arbitrary_word_soup_keeps_the_invariants(parts: list[str], edits: int) -> None:
    documents = [Document(f"d{n}", text) for n, text in enumerate(parts)]
    cfg = PassageConfig(max_edit_words=edits)
    passages = find_shared_passages(documents, config=cfg)
    check_invariants(documents, passages, cfg)
    assert find_shared_passages(documents[::-1], config=cfg) == passages


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(), min_size=0, max_size=4))
def test_arbitrary_text_never_crashes(parts: list[str]) -> None:
    documents = [Document(f"d{n}", text) for n, text in enumerate(parts)]
    check_invariants(documents, find_shared_passages(documents), PassageConfig())


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 10**6), st.integers(2, 4), st.integers(12, 30), st.booleans())
def test_planted_passage_is_found(seed: int, copies: int, length: int, edit: bool) -> None:
    rng = random.Random(seed)
    planted = [f"p{rng.randrange(10**6)}" for _ in range(length)]
    documents, spans = [], []
    for n in range(copies):
        words_ = list(planted)
        if edit and n == 1:
            words_[length // 2] = "CHANGED"
        before = " ".join(f"f{rng.randrange(10**6)}" for _ in range(rng.randrange(20)))
        after = " ".join(f"f{rng.randrange(10**6)}" for _ in range(rng.randrange(20)))
        body = " ".join(words_)
        documents.append(Document(f"d{n}", f"{before} {body}. {after}"))
        spans.append((len(before) + 1, len(before) + 1 + len(body)))
    passages = find_shared_passages(documents)
    assert len(passages) == 1
    (passage,) = passages
    assert [(o.doc, o.start, o.end) for o in passage.occurrences] == [
        (d.id, *span) for d, span in zip(documents, spans, strict=True)
    ]
    assert passage.verbatim is not (edit and copies > 1)


def test_low_complexity_text_stays_fast() -> None:
    # every window repeats hundreds of times: the index keeps two places per document
    documents = [Document("a", "0 1 " * 3000), Document("b", "0 1 " * 3000 + "end")]
    (passage,) = find_shared_passages(documents)
    assert [(o.doc, o.start) for o in passage.occurrences] == [("a", 0), ("b", 0)]
    assert passage.words == 6000


# --- alignment and grouping pieces ------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(0, 3), min_size=1, max_size=60),
    st.lists(st.integers(0, 3), min_size=1, max_size=60),
    st.integers(0, 2),
    st.data(),
)
def test_alignment_blocks_are_exact_and_gaps_within_the_edit(
    a: list[int], b: list[int], max_edit: int, data: st.DataObject
) -> None:
    seeds = [(i, j) for i in range(len(a)) for j in range(len(b)) if a[i] == b[j]]
    if not seeds:
        return
    i, j = data.draw(st.sampled_from(seeds))
    blocks = align_from_seed(a, b, i, j, max_edit)
    (seed,) = [
        k
        for k, blk in enumerate(blocks)
        if blk.a <= i < blk.a + blk.size and blk.b - blk.a == j - i
    ]
    for blk in blocks:
        assert blk.size >= 1
        assert a[blk.a : blk.a + blk.size] == b[blk.b : blk.b + blk.size]
    for k, (before, after) in enumerate(itertools.pairwise(blocks)):
        gap_a = after.a - (before.a + before.size)
        gap_b = after.b - (before.b + before.size)
        assert 0 <= gap_a <= max_edit and 0 <= gap_b <= max_edit and gap_a + gap_b > 0
        grown = after if k >= seed else before  # the run found beyond the edit
        assert grown.size >= max(gap_a, gap_b)


def test_nested_span_is_projected_and_same_place_spans_merge() -> None:
    merged = group_alignments([(0, 1, [Block(0, 0, 10)]), (1, 2, [Block(2, 0, 10)])], 8)
    assert merged == [[(0, 0, 10), (1, 0, 12), (2, 0, 10)]]
    nested = group_alignments([(0, 1, [Block(0, 0, 100)]), (1, 2, [Block(40, 0, 10)])], 8)
    assert nested == [[(0, 0, 100), (1, 0, 100)], [(0, 40, 50), (1, 40, 50), (2, 0, 10)]]
    too_few = group_alignments(
        [(0, 1, [Block(0, 0, 40), Block(45, 41, 55)]), (1, 2, [Block(36, 0, 8)])], 8
    )
    assert too_few[1] == [(1, 36, 44), (2, 0, 8)]  # only 7 of its words match in doc 0


# --- bookkeeping and batching -----------------------------------------------------------------


def test_alignment_bookkeeping_in_a_dict_finds_the_same(
    fixture_docs: list[Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds = load(ROOT / "seeds", 3)
    expected = find_shared_passages(seeds), find_shared_passages(fixture_docs)
    monkeypatch.setattr("cleaner.passages.COVERED_LIST_SIZE", 0)  # never a list
    assert (find_shared_passages(seeds), find_shared_passages(fixture_docs)) == expected


def test_groups_read_together_stay_apart(
    fixture_docs: list[Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    twins = [Document(f"twin-{d.id}", d.text) for d in fixture_docs]
    documents = [*fixture_docs, *twins]
    groups = {
        "a": ["wire.txt", "twin-copy.txt"],
        "b": ["copy.txt", "twin-wire.txt"],
        "c": ["quote.txt", "other.txt"],
    }
    together = find_shared_passages(documents, groups)
    monkeypatch.setattr("cleaner.passages.BATCH_CHARACTERS", 1)  # a batch per group
    assert find_shared_passages(documents, groups) == together
    monkeypatch.setattr("cleaner.passages.GROUPS_PER_TASK", 1)
    assert find_shared_passages(documents, groups) == together
    assert {p.story for p in together} == {"a", "b"}
    for passage in together:  # each group's passages link its own two documents only
        assert set(docs_of(passage)) == set(groups[passage.story or ""])


@pytest.mark.parametrize(
    "module",
    ["passages", "normalize", "wordbatch", "seeds", "align", "spans"],
)
def test_docstring_examples(module: str) -> None:
    result = doctest.testmod(importlib.import_module(f"cleaner.{module}"))
    assert result.failed == 0 and result.attempted > 0
