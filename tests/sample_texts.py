"""The repository's own scrapes (seeds and fixtures), read for tests that sweep them all."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sample_paths() -> list[Path]:
    """Every seed and fixture ``.txt`` file, sorted."""
    return sorted(ROOT.glob("seeds/*.txt")) + sorted(ROOT.glob("fixtures/**/*.txt"))


def sample_texts() -> list[str]:
    """Their texts. Some fixtures are deliberately not UTF-8 (encoding tests): undecodable
    bytes read as U+FFFD rather than failing."""
    return [p.read_bytes().decode("utf-8", "replace") for p in sample_paths()]
