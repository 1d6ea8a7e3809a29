"""One frozen config per stage. Override fields with ``dataclasses.replace``."""

from __future__ import annotations

from dataclasses import dataclass


# ---------------------------------------------------------------------------------------------
# Cleaning (cleaner.clean, cleaner.lines, cleaner.templates)
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CleanConfig:
    """Settings of the text cleaner."""


# ---------------------------------------------------------------------------------------------
# Clustering (cleaner.cluster, cleaner.shingle)
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ClusterConfig:
    """Settings of story clustering and near-duplicate detection."""


# ---------------------------------------------------------------------------------------------
# Shared passages (cleaner.passages)
# ---------------------------------------------------------------------------------------------
MIN_PASSAGE_WORDS = 8
SEED_WORDS = 6
MAX_EDIT_WORDS = 2


@dataclass(frozen=True, slots=True)
class PassageConfig:
    """Settings of shared-passage finding.

    Documents are compared word by word (see ``cleaner.normalize``): punctuation, quote marks,
    dashes and whitespace between words never take part in matching.
    """

    min_words: int = MIN_PASSAGE_WORDS
    """A passage needs at least this many words that match (in order) in two documents."""
    seed_words: int = SEED_WORDS
    """Length of the exact word windows that are indexed to find candidate matches; a passage
    contains at least one exact run this long. At most ``min_words``; lower finds near-verbatim
    passages whose exact pieces are short, at the cost of more candidates to check."""
    max_edit_words: int = MAX_EDIT_WORDS
    """Exact runs separated by a change of at most this many words (substituted, inserted or
    deleted, on either side) merge into one near-verbatim passage; 0 aligns verbatim runs only
    (a passage's occurrences may still differ in extent). The run after a change must be at
    least as long as the change."""
    casefold: bool = True
    """Compare words ignoring case."""
    unify_apostrophes: bool = True
    """Read every apostrophe form inside words alike: it\u2019s = it's."""
    join_hyphenated: bool = False
    """Read hyphenated compounds as one word (every dash form inside a word counts as a hyphen);
    by default hyphens and dashes separate words, so "face-to-face" matches "face to face"."""

    def __post_init__(self) -> None:
        if self.min_words < 1 or self.seed_words < 1 or self.max_edit_words < 0:
            raise ValueError("min_words and seed_words must be >= 1, max_edit_words >= 0")
        if self.seed_words > self.min_words:
            raise ValueError("seed_words must not exceed min_words")
