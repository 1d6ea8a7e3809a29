"""A LineMemo only saves time: cleaning with one gives what cleaning without one gives."""

from __future__ import annotations

import dataclasses
import doctest
import pickle
import random

import pytest
from sample_texts import sample_texts

import cleaner.linememo
from cleaner.clean import clean_text
from cleaner.config import CleanConfig
from cleaner.linememo import LineMemo
from cleaner.templates import build_templates

CONFIG = CleanConfig()


def corpus() -> list[str]:
    """The sample texts, and pages of two sites that share their chrome."""
    rng = random.Random(3)
    texts = sample_texts()
    sentences = [line for text in texts for line in text.splitlines() if len(line) > 60]
    for site in ("Coast Herald", "Daily Wire"):
        header = [f"{site} | Home | News | Sport", "Subscribe", "Sign in"]
        footer = ["Leave a Reply", f"© 2024 {site}. All rights reserved.", "Advertisement"]
        for k in range(6):
            body = rng.sample(sentences, 4)
            texts.append("\n".join([*header, f"Story {k} of {site}", "", *body, "", *footer]))
    return texts


@pytest.mark.parametrize("limit", [20_000, 5])
@pytest.mark.parametrize("folder", [False, True])
def test_same_results_with_a_memo(limit: int, folder: bool) -> None:
    texts = corpus()
    templates = build_templates(texts, CONFIG) if folder else None
    expected = [clean_text(text, CONFIG, templates) for text in texts]
    memo = LineMemo(limit)
    for _ in range(2):  # the second time, from remembered lines
        assert [clean_text(text, CONFIG, templates, memo=memo) for text in texts] == expected


def test_a_memo_follows_the_config_and_the_evidence() -> None:
    texts = corpus()
    templates = build_templates(texts, CONFIG)
    other = dataclasses.replace(CONFIG, short_words=8, template_min_documents=2)
    memo = LineMemo()
    for config, evidence in [(CONFIG, None), (other, templates), (CONFIG, templates)] * 2:
        got = [clean_text(text, config, evidence, memo=memo) for text in texts]
        assert got == [clean_text(text, config, evidence) for text in texts]
        assert memo.config == config and memo.templates is evidence


def test_a_memo_pickles_empty() -> None:
    memo = LineMemo(123)
    clean_text(corpus()[-1], memo=memo)
    assert memo.features and memo.samples
    copy = pickle.loads(pickle.dumps(memo))
    assert copy == LineMemo(123)


def test_tables_stay_bounded() -> None:
    memo = LineMemo(3)
    for text in corpus():
        clean_text(text, memo=memo)
        tables = [*memo.features.values(), memo.statuses, memo.samples, memo.chosen]
        assert all(len(table) <= 3 + len(text.splitlines()) for table in tables)


def test_marks_with_known_statuses() -> None:
    texts = corpus()
    templates = build_templates(texts, CONFIG)
    statuses: dict[str, str | None] = {}
    for text in texts:
        lines = text.splitlines()
        assert templates.marks(lines, CONFIG, statuses) == templates.marks(lines, CONFIG)
    assert statuses


def test_doctests() -> None:
    assert doctest.testmod(cleaner.linememo).failed == 0
