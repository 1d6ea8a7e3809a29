"""One frozen config per stage. Override fields with ``dataclasses.replace``."""

from __future__ import annotations

from dataclasses import dataclass

# ---------------------------------------------------------------------------------------------
# Cleaning (cleaner.clean, cleaner.lines, cleaner.templates)
# ---------------------------------------------------------------------------------------------
MIN_BODY_WORDS = 10
"""A line needs this many words to count as a long prose (good) line on its own."""
MIN_STOPWORD_RATIO = 0.25
"""Share of stopwords a good line needs (prose has many; menus and lists have few)."""
SHORT_WORDS = 4
"""Lines with at most this many words are short: their fate depends on their neighbours."""
MAX_TITLE_WORDS = 40
"""The title is the first non-cruft line with at most this many words."""
MIN_DEK_WORDS = 10
"""The line right after the title is the standfirst (dek) when it has this many words."""
LINE_RULE_MAX_WORDS = 15
"""Whole-line lexicon rules ("Save Story", "By Jane Doe") only try lines up to this length."""
HINT_MAX_WORDS = 25
"""Weaker lexicon phrases ("newsletter", "privacy policy") only remove lines up to this length."""
MAX_GAP_LINES = 20
"""Good lines separated by more non-blank non-good lines than this start a new body block."""
MIN_BLOCK_SHARE = 0.25
"""Besides the largest body block, keep blocks with at least this share of its words."""
MIN_LIST_RUN = 3
"""This many headline-like lines in a row (or headline/summary pairs) inside the body are a
list of teasers or links, not subheadings."""
COMMENTS_CUT_WORDS = 60
"""A comment-section line ends the body once the body has this many words before it."""
TEMPLATE_MIN_DOCUMENTS = 4
"""A line must occur in this many documents of a folder to be a template line."""
TEMPLATE_PROSE_MIN_FRACTION = 0.5
"""A prose sentence is a template line only when this share of the folder's documents has it
(a quote or wire-copy sentence shared by a few articles of one story is content)."""
FALLBACK_LANGUAGE = "en"
"""Language assumed when detection finds too few stopwords to decide."""
MIN_LANGUAGE_HITS = 5
"""Stopword hits a language needs before detection trusts it."""
LANGUAGE_SAMPLE_CHARS = 3_000
"""Language detection reads at most this many characters of a document's long lines."""


@dataclass(frozen=True, slots=True)
class CleanConfig:
    """Settings of the text cleaner; see the module constants for what each field means."""

    min_body_words: int = MIN_BODY_WORDS
    """A line needs this many words to count as a long prose (good) line on its own."""
    min_stopword_ratio: float = MIN_STOPWORD_RATIO
    """Share of stopwords a good line needs."""
    short_words: int = SHORT_WORDS
    """Lines with at most this many words are short."""
    max_title_words: int = MAX_TITLE_WORDS
    """The title is the first non-cruft line with at most this many words."""
    min_dek_words: int = MIN_DEK_WORDS
    """The line right after the title is the dek when it has this many words."""
    line_rule_max_words: int = LINE_RULE_MAX_WORDS
    """Whole-line lexicon rules only try lines up to this length."""
    hint_max_words: int = HINT_MAX_WORDS
    """Weaker lexicon phrases only remove lines up to this length."""
    max_gap_lines: int = MAX_GAP_LINES
    """More non-good lines than this between two good lines split the body into blocks."""
    min_block_share: float = MIN_BLOCK_SHARE
    """Blocks with at least this share of the largest block's words are body too."""
    min_list_run: int = MIN_LIST_RUN
    """Headline-like lines (or headline/summary pairs) in a row that make a teaser list."""
    comments_cut_words: int = COMMENTS_CUT_WORDS
    """A comment-section line ends the body once the body has this many words before it."""
    template_min_documents: int = TEMPLATE_MIN_DOCUMENTS
    """A line must occur in this many documents of a folder to be a template line."""
    template_prose_min_fraction: float = TEMPLATE_PROSE_MIN_FRACTION
    """A prose sentence is a template line only when this share of documents has it."""
    fallback_language: str = FALLBACK_LANGUAGE
    """Language (ISO 639-1) assumed when detection cannot decide."""
    min_language_hits: int = MIN_LANGUAGE_HITS
    """Stopword hits a language needs before detection trusts it."""
    language_sample_chars: int = LANGUAGE_SAMPLE_CHARS
    """Language detection reads at most this many characters of a document."""


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
