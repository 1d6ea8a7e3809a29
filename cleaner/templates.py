"""Folder-wide evidence: lines that recur across many documents are site boilerplate.

SKELETON: the real counting replaces this placeholder.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from cleaner.config import CleanConfig


@dataclass(frozen=True, slots=True)
class TemplateLines:
    """Normalised lines seen in many documents of one corpus, with their document counts."""

    counts: dict[str, int] = field(default_factory=dict)
    documents: int = 0


def build_templates(texts: Iterable[str], config: CleanConfig) -> TemplateLines:
    """Count, over a corpus, in how many documents each normalised line occurs."""
    return TemplateLines(counts={}, documents=sum(1 for _ in texts))
