"""Verbatim and near-verbatim passages shared between documents of one story.

SKELETON: the placeholder finds nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from cleaner.config import PassageConfig
from cleaner.document import Document
from cleaner.model import Passage

DEFAULT_PASSAGE_CONFIG = PassageConfig()


def find_shared_passages(
    documents: Sequence[Document],
    groups: Iterable[Sequence[str]] | None = None,
    config: PassageConfig = DEFAULT_PASSAGE_CONFIG,
) -> list[Passage]:
    """Find passages shared within each group of document ids (all documents when None)."""
    return []
