"""What clustering and passage finding return: stories, passages and their occurrences.

These types are shared by ``cleaner.cluster``, ``cleaner.passages`` and ``cleaner.report``;
their fields map one to one onto the JSON report (see README).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Story:
    """Documents that tell one story."""

    id: str
    """Stable id, ``s1``, ``s2``, ... ordered by size then by first member id."""
    label: str
    """A short human label (salient terms or the most central title)."""
    members: tuple[str, ...]
    """Document ids, sorted."""
    near_duplicates: tuple[tuple[str, ...], ...]
    """Groups (2+ ids, sorted) of members whose texts are near-identical."""
    similarities: tuple[tuple[str, str, float], ...]
    """Verified pairwise similarities ``(id_a, id_b, score)`` that linked members, a < b."""


@dataclass(frozen=True, slots=True)
class Clustering:
    """Every document in exactly one story (singletons included)."""

    stories: tuple[Story, ...]

    def story_of(self) -> dict[str, str]:
        """Map each document id to its story id."""
        return {doc: story.id for story in self.stories for doc in story.members}


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where a passage stands in one document: ``text[start:end]`` of its cleaned text."""

    doc: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Passage:
    """A run of words that two or more documents share, verbatim or near-verbatim."""

    id: str
    """Stable id, ``p1``, ``p2``, ..."""
    text: str
    """The passage as it reads in its first occurrence."""
    words: int
    verbatim: bool
    """False when occurrences differ by a small edit (see PassageConfig)."""
    occurrences: tuple[Occurrence, ...]
    """Sorted by document id then start; at least two documents."""
    story: str | None = None
    """The story the passage was found in, when known."""
