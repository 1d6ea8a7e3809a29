"""Bag-of-words scoring of extracted article text, as the scrapinghub benchmark scores it.

Per document: tokens are ``\\w+`` runs (case kept); true positives are the multiset overlap of
predicted and gold tokens; tp/fp/fn are normalised by their sum. Precision and recall are each
averaged over documents, and F1 is taken from the two averages.

>>> round(bow_counts("a b c", "a b d")[0], 3)
0.5
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

TOKEN_RE = re.compile(r"\w+")
SCRAPINGHUB = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "scrapinghub"
ECBPLUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ecbplus-dev"


def bow_counts(pred: str, gold: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of the predicted tokens against the gold tokens."""
    p, g = Counter(TOKEN_RE.findall(pred)), Counter(TOKEN_RE.findall(gold))
    tp = sum((p & g).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    documents: int


def score(pairs: Iterable[tuple[str, str]]) -> Score:
    """Average per-document precision and recall over ``(pred, gold)`` pairs; F1 of the means."""
    precisions: list[float] = []
    recalls: list[float] = []
    n = 0
    for pred, gold in pairs:
        n += 1
        tp, fp, fn = bow_counts(pred, gold)
        if tp + fp > 0:
            precisions.append(1.0 if fp == fn == 0 else tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(1.0 if fp == fn == 0 else tp / (tp + fn))
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return Score(p, r, 2 * p * r / (p + r) if p + r else 0.0, n)
