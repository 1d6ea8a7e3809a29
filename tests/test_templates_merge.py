"""Folder evidence built in parts and merged is the evidence of the whole, sketch for sketch."""

from __future__ import annotations

import heapq
import random
import zlib
from hashlib import blake2b

from hypothesis import given
from hypothesis import strategies as st

from cleaner.config import CleanConfig
from cleaner.templates import (
    FAMILY_SKETCH,
    KEY_SHINGLES,
    TemplateLines,
    body_run,
    build_templates,
    family_key,
    merge_all,
    normalise,
)

CONFIG = CleanConfig()


def _reference(texts: list[str]) -> TemplateLines:
    """The evidence by definition: each line's smallest distinct family keys, then pruned."""
    keys: dict[str, set[int]] = {}
    corpus: set[int] = set()
    for text in texts:
        lines = [normalise(line) for line in text.splitlines() if line.strip()]
        if not lines:
            continue
        key = family_key(lines, CONFIG)
        corpus.add(key)
        for line in lines:
            keys.setdefault(line, set()).add(key)
    families = {line: tuple(sorted(ks)[:FAMILY_SKETCH]) for line, ks in keys.items()}
    whole = TemplateLines(families, tuple(sorted(corpus)[:FAMILY_SKETCH]), len(texts))
    return whole.pruned(CONFIG.template_min_documents)


def _corpus(documents: int, seed: int) -> list[str]:
    """Pages with a shared menu, lines that a few pages share, copies, and pages of their own."""
    rng = random.Random(seed)
    texts = []
    for n in range(documents):
        own = [f"Story {n} line {k} tells of {rng.random()} things, they said." for k in range(3)]
        shared = [f"Shared line {rng.randrange(40)}", f"Rare line {rng.randrange(400)}"]
        text = "\n".join(["Home", "  News  ", *shared, *own, "", "About us"])
        texts.append(text)
        if n % 7 == 0:
            texts.append(text.upper())  # a copy: the same family once normalised
    return texts


def test_parts_merge_into_the_evidence_of_the_whole() -> None:
    texts = _corpus(700, 1)  # "Home" is in more than 2 * FAMILY_SKETCH families
    expected = _reference(texts)
    assert build_templates(texts, CONFIG) == expected
    assert expected.count("home") > 2 * FAMILY_SKETCH
    for size in (1, 5, 256):
        parts = [
            build_templates(texts[k : k + size], CONFIG, prune=False)
            for k in range(0, len(texts), size)
        ]
        assert merge_all(parts, CONFIG.template_min_documents) == expected
    merged = parts[0]
    for part in parts[1:]:
        merged = merged.merge(part)
    assert merged.pruned(CONFIG.template_min_documents) == expected


def test_a_part_merged_twice_counts_once() -> None:
    part = build_templates(_corpus(30, 2), CONFIG, prune=False)
    twice = merge_all([part, part], CONFIG.template_min_documents)
    assert twice.families == part.pruned(CONFIG.template_min_documents).families


@given(st.text())
def test_lines_are_normalised_as_normalise_does(text: str) -> None:
    lines = [normalise(line) for line in text.splitlines() if line.strip()]
    assert build_templates([text], CONFIG, prune=False).families.keys() == set(lines)


def _family_key_of_words(lines: list[str]) -> int:
    """The family key hashed from ``str`` words, as first written (the shingles' UTF-8)."""
    long_lines = [line for line in lines if line.count(" ") + 1 >= CONFIG.min_body_words]
    hashes: set[int] = set()
    for line in body_run(lines, CONFIG) or long_lines or lines:
        words = line.split()
        grams = [" ".join(words[k : k + 3]) for k in range(max(1, len(words) - 2))]
        hashes.update(zlib.crc32(gram.encode()) for gram in grams)
    smallest = heapq.nsmallest(KEY_SHINGLES, hashes)
    digest = blake2b(b"".join(h.to_bytes(4, "big") for h in smallest), digest_size=8).digest()
    return int.from_bytes(digest, "big")


@given(st.lists(st.text(), min_size=1))
def test_family_key_hashes_the_words_of_normalised_lines(texts: list[str]) -> None:
    lines = [normalise(text) for text in texts if text.strip()]
    if lines:
        assert family_key(lines, CONFIG) == _family_key_of_words(lines)
