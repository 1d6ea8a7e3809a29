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
@dataclass(frozen=True, slots=True)
class PassageConfig:
    """Settings of shared-passage finding."""
