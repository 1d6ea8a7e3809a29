"""Cleaning one scraped text: ``clean_text(text) -> CleanResult``.

SKELETON: the classifier is a placeholder that keeps every line; the real one replaces it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cleaner.config import CleanConfig
from cleaner.templates import TemplateLines

DEFAULT_CLEAN_CONFIG = CleanConfig()


@dataclass(frozen=True, slots=True)
class LineDecision:
    """What happened to one input line."""

    line: int
    """1-based line number in the input."""
    text: str
    """The line as it was in the input (without its line ending)."""
    keep: bool
    """True when the line is part of the title or the article text."""
    label: str
    """``title``, ``dek``, ``body`` or ``blank`` for kept lines; the cruft category otherwise."""
    rule: str
    """Name of the rule that decided (for kept lines too, so ``--explain`` can say why)."""

    @property
    def category(self) -> str | None:
        """The cruft category of a removed line, None for a kept or blank one."""
        return None if self.keep or self.label == "blank" else self.label


@dataclass(frozen=True, slots=True)
class CleanResult:
    """The outcome of cleaning one text."""

    title: str | None
    text: str
    """Article body: kept paragraphs separated by blank lines, title not included."""
    authors: tuple[str, ...]
    published: str | None
    """ISO 8601 date or datetime, or None."""
    language: str | None
    lines: tuple[LineDecision, ...]

    @property
    def removed(self) -> tuple[LineDecision, ...]:
        """The non-blank input lines that were removed, in input order."""
        return tuple(d for d in self.lines if d.category is not None)

    @property
    def plain(self) -> str:
        """The cleaned document as plain text: the title, a blank line, then the body.

        This is what ``cleaner clean`` writes for text output; cleaning it again changes nothing.
        """
        if self.title and self.text:
            return f"{self.title}\n\n{self.text}\n"
        return f"{self.title or self.text}\n" if (self.title or self.text) else ""

    def to_record(self, doc_id: str) -> dict[str, Any]:
        """The public JSONL record (field names are a contract: see README)."""
        return {
            "id": doc_id,
            "title": self.title,
            "text": self.text,
            "authors": list(self.authors),
            "published": self.published,
            "removed": [
                {"line": d.line, "text": d.text, "category": d.category, "rule": d.rule}
                for d in self.removed
            ],
        }


def clean_text(
    text: str,
    config: CleanConfig = DEFAULT_CLEAN_CONFIG,
    templates: TemplateLines | None = None,
) -> CleanResult:
    """Clean one scraped text; ``templates`` carries folder-wide evidence when there is some."""
    raw_lines = text.splitlines()
    decisions = tuple(
        LineDecision(i, line, True, "body" if line.strip() else "blank", "placeholder")
        for i, line in enumerate(raw_lines, 1)
    )
    paragraphs = [d.text.strip() for d in decisions if d.label == "body"]
    title = paragraphs[0] if paragraphs else None
    return CleanResult(
        title=title,
        text="\n\n".join(paragraphs[1:]),
        authors=(),
        published=None,
        language=None,
        lines=decisions,
    )
