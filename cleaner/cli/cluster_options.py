"""The threshold options of ``cleaner cluster``: one per field of ClusterConfig and PassageConfig.

Each alias is a typed typer option whose help restates the field's docstring in short (see
``cleaner.config`` for the full meaning); ``cleaner/cli/cluster.py`` passes them on as config
fields of the same name.
"""

from __future__ import annotations

from typing import Annotated

import typer

CLUSTER_PANEL = "Clustering (ClusterConfig)"
PASSAGE_PANEL = "Shared passages (PassageConfig)"


def _cluster(name: str, help_text: str) -> typer.models.OptionInfo:
    return typer.Option(name, help=help_text, rich_help_panel=CLUSTER_PANEL)


def _passage(name: str, help_text: str) -> typer.models.OptionInfo:
    return typer.Option(name, help=help_text, rich_help_panel=PASSAGE_PANEL)


NumPerm = Annotated[
    int, _cluster("--num-perm", "Permutations per MinHash signature (both LSH passes).")
]
Seed = Annotated[
    int, _cluster("--seed", "Seed of the MinHash permutations: same seed, same output.")
]
Scheme = Annotated[str, _cluster("--scheme", "datasketch MinHash permutation scheme.")]
ShingleSize = Annotated[
    int, _cluster("--shingle-size", "Words per shingle for near-duplicate detection.")
]
DupThreshold = Annotated[
    float,
    _cluster("--dup-threshold", "Shingle Jaccard at or above which two texts are near-duplicates."),
]
DupLshThreshold = Annotated[
    float,
    _cluster("--dup-lsh-threshold", "LSH threshold proposing near-duplicate candidates."),
]
TopTerms = Annotated[
    int, _cluster("--top-terms", "Salient terms per document hashed for story candidates.")
]
NameBoost = Annotated[
    float, _cluster("--name-boost", "Weight factor for capitalised words (names, places).")
]
TitleBoost = Annotated[float, _cluster("--title-boost", "Weight factor for words of the title.")]
IdfPrior = Annotated[
    int,
    _cluster("--idf-prior", "Unrelated documents assumed besides the input when computing IDF."),
]
MinDf = Annotated[
    int, _cluster("--min-df", "A salient term must occur in at least this many documents.")
]
TermBands = Annotated[int, _cluster("--term-bands", "LSH bands over salient-term signatures.")]
TermRows = Annotated[
    int, _cluster("--term-rows", "Rows per LSH band (fewer: candidates at lower similarity).")
]
MaxCandidates = Annotated[
    int, _cluster("--max-candidates", "Candidates kept per document (best first).")
]
LinkThreshold = Annotated[
    float,
    _cluster("--link-threshold", "Average TF-IDF cosine between two groups needed to merge them."),
]

MinWords = Annotated[
    int, _passage("--min-words", "A passage needs at least this many matching words.")
]
SeedWords = Annotated[
    int, _passage("--seed-words", "Length of the exact word runs indexed to find candidates.")
]
MaxEditWords = Annotated[
    int,
    _passage(
        "--max-edit-words",
        "Exact runs separated by a change of at most this many words merge into one "
        "near-verbatim passage (0: verbatim runs only).",
    ),
]
Casefold = Annotated[bool, _passage("--casefold/--no-casefold", "Compare words ignoring case.")]
UnifyApostrophes = Annotated[
    bool,
    _passage("--unify-apostrophes/--no-unify-apostrophes", "Read every apostrophe form alike."),
]
JoinHyphenated = Annotated[
    bool,
    _passage("--join-hyphenated/--no-join-hyphenated", "Read hyphenated compounds as one word."),
]
