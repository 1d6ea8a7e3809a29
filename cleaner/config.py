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
FIND_BODY = True
"""Look for the article's body region in the text (off for text an extractor already cut)."""
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
    find_body: bool = FIND_BODY
    """Look for the body region: the dense block of prose lines in a whole-page dump. Lines
    outside it go (``outside-body``, ``pre-body-caption``...), and so do runs of short lines
    inside it (``inline-list``, ``inline-card-*``). False for text an extractor such as
    trafilatura already cut to the article (``clean_html`` sets it): every line but the title
    counts as body, and only the line rules apply (lexicon cruft, captions with credits,
    date lines, the comments cut, teaser lists that end the text or follow a "Related" header).
    Repeated lines are kept then: in an extracted article they are table headers and list
    items, not a page printing its article twice."""
    fallback_language: str = FALLBACK_LANGUAGE
    """Language (ISO 639-1) assumed when detection cannot decide."""
    min_language_hits: int = MIN_LANGUAGE_HITS
    """Stopword hits a language needs before detection trusts it."""
    language_sample_chars: int = LANGUAGE_SAMPLE_CHARS
    """Language detection reads at most this many characters of a document."""


# ---------------------------------------------------------------------------------------------
# Clustering (cleaner.cluster, cleaner.shingle)
# ---------------------------------------------------------------------------------------------
NUM_PERM = 128
MINHASH_SEED = 1
MINHASH_SCHEME = "affine32"
SHINGLE_SIZE = 3
DUP_THRESHOLD = 0.5
DUP_LSH_THRESHOLD = 0.3
TOP_TERMS = 40
NAME_BOOST = 3.0
TITLE_BOOST = 1.5
MIN_DF = 2
IDF_PRIOR = 50
TERM_BANDS = 64
TERM_ROWS = 2
MAX_CANDIDATES = 30
LINK_THRESHOLD = 0.24


@dataclass(frozen=True, slots=True)
class ClusterConfig:
    """Settings of story clustering and near-duplicate detection.

    Two MinHash/LSH passes share ``num_perm``, ``seed`` and ``scheme``: one over word
    shingles finds near-duplicates, one over each document's salient terms proposes
    same-story candidates, which are verified with TF-IDF cosine and linked by average link.
    Defaults were tuned on ECB+ dev (``bench/cluster.py``) and the five seeds only.
    """

    num_perm: int = NUM_PERM
    """Permutations per MinHash signature (both passes)."""
    seed: int = MINHASH_SEED
    """Seed of the MinHash permutations: same seed, same signatures, same output."""
    scheme: str = MINHASH_SCHEME
    """datasketch permutation scheme, pinned because datasketch 2.0 changed its default.
    Inputs are hashed with datasketch's default for the scheme (``sha1_hash32`` for affine32)."""
    shingle_size: int = SHINGLE_SIZE
    """Words per shingle for near-duplicate detection."""
    dup_threshold: float = DUP_THRESHOLD
    """Exact shingle Jaccard at or above which two documents are near-duplicates."""
    dup_lsh_threshold: float = DUP_LSH_THRESHOLD
    """LSH threshold proposing near-duplicate candidates (below ``dup_threshold``: recall)."""
    top_terms: int = TOP_TERMS
    """Salient terms per document (highest TF-IDF weight) hashed for story candidates."""
    name_boost: float = NAME_BOOST
    """Weight factor for capitalised words inside a sentence (names, places)."""
    title_boost: float = TITLE_BOOST
    """Weight factor for words of the title."""
    idf_prior: int = IDF_PRIOR
    """Unrelated documents assumed besides the input when computing IDF, so that in a small
    folder the terms every article shares (the story's names) are not weighted down to nothing.
    """
    min_df: int = MIN_DF
    """A salient term must occur in at least this many documents (rarer ones match nothing)."""
    term_bands: int = TERM_BANDS
    """LSH bands over salient-term signatures (``term_bands * term_rows <= num_perm``)."""
    term_rows: int = TERM_ROWS
    """Rows per LSH band: fewer rows, lower similarity at which candidates appear."""
    max_candidates: int = MAX_CANDIDATES
    """Candidates kept per document (best estimated overlap first): keeps cost linear."""
    link_threshold: float = LINK_THRESHOLD
    """Average TF-IDF cosine over all cross pairs of two groups needed to merge them."""

    def __post_init__(self) -> None:
        """Reject settings that cannot work, naming the field."""
        if self.scheme not in ("affine32", "affine64", "legacy"):
            raise ValueError(f"scheme must be affine32, affine64 or legacy, not {self.scheme!r}")
        if self.term_bands * self.term_rows > self.num_perm:
            raise ValueError("term_bands * term_rows must not exceed num_perm")
        for name in ("num_perm", "shingle_size", "top_terms", "term_bands", "term_rows"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        for name in ("dup_threshold", "dup_lsh_threshold"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1")
        if self.max_candidates < 0 or self.min_df < 1 or self.idf_prior < 0:
            raise ValueError("max_candidates and idf_prior must be >= 0, min_df >= 1")


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


# ---------------------------------------------------------------------------------------------
# HTML extraction (cleaner.html, cleaner.html_prune, cleaner.html_meta)
# ---------------------------------------------------------------------------------------------
HTML_FOCUS_CHOICES = ("precision", "balanced", "recall")
DEFAULT_HTML_FOCUS = "precision"
DEFAULT_HTML_FAST = False
DEFAULT_HTML_INCLUDE_TABLES = True
DEFAULT_PRUNE_FIGURES = True
DEFAULT_PRUNE_ASIDES = True
DEFAULT_PRUNE_RELATED = True
DEFAULT_PRUNE_MAX_SHARE = 0.5
DEFAULT_EXTENSIVE_DATE_SEARCH = False
DEFAULT_HTML_FALLBACK = True
DEFAULT_MAX_HTML_CHARS = 20_000_000


@dataclass(frozen=True, slots=True)
class HtmlConfig:
    """Settings of main-content extraction from HTML (trafilatura, with beautifulsoup4 help)."""

    focus: str = DEFAULT_HTML_FOCUS
    """trafilatura's trade-off: ``precision`` (less text, less boilerplate), ``balanced`` or
    ``recall`` (more text when unsure). Precision is the default because the text cleaner
    that runs afterwards can remove leftover cruft but cannot bring back a lost paragraph,
    yet trafilatura's balanced mode lets through whole teaser lists and footers that cost
    more than the few paragraphs precision mode drops."""
    fast: bool = DEFAULT_HTML_FAST
    """Skip trafilatura's second opinions (readability and jusText comparisons): faster,
    slightly less robust on unusual layouts."""
    include_tables: bool = DEFAULT_HTML_INCLUDE_TABLES
    """Keep the text of ``<table>`` elements inside the article (rendered as ``|`` rows)."""
    prune_figures: bool = DEFAULT_PRUNE_FIGURES
    """Before extraction, remove figures, figcaptions, pictures and caption/credit blocks."""
    prune_asides: bool = DEFAULT_PRUNE_ASIDES
    """Before extraction, remove ``<aside>``, ``role=complementary``, pull quotes and pop-up
    cards (tooltips, hover cards that repeat a linked name's bio and headlines)."""
    prune_related: bool = DEFAULT_PRUNE_RELATED
    """Before extraction, remove related-story, recommendation, newsletter and promo blocks."""
    prune_max_share: float = DEFAULT_PRUNE_MAX_SHARE
    """Never prune a block holding more than this share of the page's text (a mislabelled
    wrapper around the article), nor one holding the ``<h1>`` or ``articleBody``."""
    extensive_date_search: bool = DEFAULT_EXTENSIVE_DATE_SEARCH
    """Let htmldate scan the page text for date expressions when the markup has no date:
    a few milliseconds more per page and more wrong guesses, for few extra dates."""
    fallback: bool = DEFAULT_HTML_FALLBACK
    """When trafilatura finds no main content, dump the page's text with beautifulsoup4
    (one block per line) and let the text cleaner sort it out."""
    max_html_chars: int = DEFAULT_MAX_HTML_CHARS
    """Pages longer than this are cut to this many characters before parsing (trafilatura's
    own download limit is the same 20 MB)."""

    def __post_init__(self) -> None:
        if self.focus not in HTML_FOCUS_CHOICES:
            raise ValueError(f"focus must be one of {HTML_FOCUS_CHOICES}, not {self.focus!r}")
        if self.max_html_chars <= 0:
            raise ValueError("max_html_chars must be positive")
        if not 0.0 < self.prune_max_share <= 1.0:
            raise ValueError("prune_max_share must be in (0, 1]")
