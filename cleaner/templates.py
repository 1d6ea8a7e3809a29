"""Folder-wide evidence: lines that recur across many documents are site boilerplate.

A sentence that a few articles of the same story share (a quote, wire copy) is content, so
prose lines need a much larger share of the folder before they count as template lines.

>>> texts = [f"Home\\nStory {i} is here.\\nSubscribe to our paper" for i in range(5)]
>>> templates = build_templates(texts, CleanConfig())
>>> templates.is_template("Subscribe to our paper", CleanConfig())
True
"""

# ruff: noqa: RUF001 (typographic quotes and dashes are the data here)

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from cleaner.config import CleanConfig

SPACE_RE = re.compile(r"\s+")
PROSE_END = tuple('.!?"”’»')


def normalise(line: str) -> str:
    """The form lines are compared in: casefolded, whitespace collapsed."""
    return SPACE_RE.sub(" ", line).strip().casefold()


def is_prose(line: str) -> bool:
    """A sentence-like line (enough words, ends like a sentence)."""
    return line.endswith(PROSE_END) and line.count(" ") >= 7


@dataclass(frozen=True, slots=True)
class TemplateLines:
    """Normalised lines seen in many documents of one corpus, with their document counts."""

    counts: dict[str, int] = field(default_factory=dict)
    documents: int = 0

    def status(self, line: str, config: CleanConfig) -> str | None:
        """``template`` for boilerplate, ``shared`` for a recurring sentence, else None.

        A recurring line that is not a sentence (menu, footer, "Advertisement") is boilerplate.
        A recurring sentence may be a site's donation box or teaser, or a quote that several
        articles of one story share: it is ``shared``, which only stops it from anchoring the
        body by itself, unless most documents of the folder have it.
        """
        count = self.counts.get(normalise(line), 0)
        if count < config.template_min_documents:
            return None
        if is_prose(line.strip()):
            if count >= config.template_prose_min_fraction * self.documents:
                return "template"
            return "shared"
        return "template"

    def is_template(self, line: str, config: CleanConfig) -> bool:
        """True when the (stripped) line is site boilerplate by the folder's evidence."""
        return self.status(line, config) == "template"


def build_templates(texts: Iterable[str], config: CleanConfig) -> TemplateLines:
    """Count, over a corpus, in how many documents each normalised line occurs."""
    counts: Counter[str] = Counter()
    documents = 0
    for text in texts:
        documents += 1
        counts.update({normalise(line) for line in text.splitlines() if line.strip()})
    keep = {line: n for line, n in counts.items() if n >= config.template_min_documents}
    return TemplateLines(counts=keep, documents=documents)
