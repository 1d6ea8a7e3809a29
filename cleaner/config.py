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
@dataclass(frozen=True, slots=True)
class PassageConfig:
    """Settings of shared-passage finding."""
