"""Line-level scoring of the cleaner on the five seed scrapes against their hand labels.

The gold (``seeds-gold/labels.json``) labels some lines of each seed: ``title``, ``dek`` and
``body`` lines must be kept, every other label (``nav``, ``caption``, ``promo``...) names a kind
of cruft that must go. A kept gold line counts as kept when its decision keeps it, or when its
text is the result's title or inside the result's text (so a cleaner that rewrites lines is
judged on what it outputs). A cruft line counts as removed when its decision removes it; a
removed line's category "matches" when it equals the gold label.

>>> from cleaner.clean import CleanResult, LineDecision
>>> gold = {"a.txt": (GoldLine(1, "title", "Hi"), GoldLine(2, "nav", "Home"))}
>>> lines = (LineDecision(1, "Hi", True, "title", "r"), LineDecision(2, "Home", False, "nav", "r"))
>>> result = CleanResult("Hi", "", (), None, None, lines)
>>> evaluate_seeds({"a.txt": result}, gold).right
2
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cleaner.clean import CleanResult

KEEP_LABELS = frozenset({"title", "dek", "body"})


@dataclass(frozen=True, slots=True)
class GoldLine:
    """One hand-labelled line of a seed."""

    line: int
    """1-based line number in the seed file."""
    label: str
    text: str

    @property
    def keep(self) -> bool:
        """True when the line belongs to the article (title, dek or body)."""
        return self.label in KEEP_LABELS


@dataclass(frozen=True, slots=True)
class LineError:
    """A labelled line the cleaner got wrong."""

    doc: str
    line: int
    gold: str
    """The gold label."""
    decided: str
    """``keep`` or the category the cleaner gave the removed line."""
    text: str


@dataclass(frozen=True, slots=True)
class SeedScore:
    """How the cleaner did on the labelled seed lines."""

    lines: int
    right: int
    body: int
    """Gold body lines."""
    body_lost: int
    """Gold body lines the cleaner did not keep."""
    cruft_removed: int
    """Gold cruft lines the cleaner removed."""
    category_match: int
    """Of those, the ones whose category equals the gold label."""
    errors: tuple[LineError, ...] = field(default=())


def load_seed_gold(path: Path) -> dict[str, tuple[GoldLine, ...]]:
    """The labelled lines of each seed file, by file name, from ``labels.json``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        name: tuple(GoldLine(int(x["n"]), str(x["label"]), str(x["text"])) for x in doc["lines"])
        for name, doc in data["docs"].items()
    }


def _kept(gold: GoldLine, result: CleanResult) -> bool:
    decision = next((d for d in result.lines if d.line == gold.line), None)
    if gold.keep:
        text = gold.text.strip()
        return (decision is not None and decision.keep) or bool(
            text and (text == (result.title or "").strip() or text in result.text)
        )
    return decision is None or decision.keep


def _category(gold: GoldLine, result: CleanResult) -> str | None:
    decision = next((d for d in result.lines if d.line == gold.line), None)
    return None if decision is None else decision.category


def evaluate_seeds(
    results: Mapping[str, CleanResult], gold: Mapping[str, Sequence[GoldLine]]
) -> SeedScore:
    """Score the cleaned seeds (by file name) against the labelled lines of ``gold``."""
    right = body_lost = cruft_removed = category_match = 0
    errors: list[LineError] = []
    for name, lines in sorted(gold.items()):
        result = results[name]
        for g in lines:
            kept = _kept(g, result)
            if kept == g.keep:
                right += 1
            else:
                decided = "keep" if kept else (_category(g, result) or "removed")
                errors.append(LineError(name, g.line, g.label, decided, g.text))
            if g.label == "body" and not kept:
                body_lost += 1
            if not g.keep and not kept:
                cruft_removed += 1
                category_match += _category(g, result) == g.label
    return SeedScore(
        lines=sum(len(v) for v in gold.values()),
        right=right,
        body=sum(1 for v in gold.values() for g in v if g.label == "body"),
        body_lost=body_lost,
        cruft_removed=cruft_removed,
        category_match=category_match,
        errors=tuple(errors),
    )
