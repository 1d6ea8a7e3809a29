"""What cleaning found of lines in earlier documents, for ``clean_text(..., memo=LineMemo())``.

A site prints the same menus, footers and share bars on every page, and cleaning measures
each line of a document from the line alone (given the document's language, the config and
the folder's evidence). A :class:`LineMemo` passed to every ``clean_text`` call of a corpus
keeps those measurements, so a line seen in an earlier document is not measured again. The
results are the ones cleaning without it gives, whatever ran before: a memo only saves time.

It is an explicit object (no module state): make one per process or per chunk of documents.
It holds at most about ``limit`` lines per table (a full table is emptied), and it pickles
empty, so handing one to pool workers sends no lines.

>>> from cleaner.clean import clean_text
>>> memo = LineMemo()
>>> pages = [f"Home | News | Sport\\n\\nStory {i} is told here, the mayor said on Monday."
...          for i in range(3)]
>>> [clean_text(page, memo=memo) for page in pages] == [clean_text(page) for page in pages]
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cleaner.config import CleanConfig
from cleaner.lines import Line
from cleaner.templates import TemplateLines

MEMO_LINES = 20_000
"""Lines a memo table holds before it is emptied (all tables of a full memo: 10-20 MB)."""


@dataclass(slots=True)
class LineMemo:
    """Features, template statuses and language-sample counts of lines seen before.

    Every table is for one config and one folder's evidence (``TemplateLines``): cleaning
    with others empties them first (:meth:`start`).
    """

    limit: int = MEMO_LINES
    """Lines a table holds at most (then it is emptied)."""
    config: CleanConfig | None = None
    """The config the tables are for."""
    templates: TemplateLines | None = None
    """The folder evidence the statuses are for (the same object: it is never copied)."""
    features: dict[str | None, dict[str, Line]] = field(default_factory=dict)
    """Language -> raw line -> its context-free features (before the folder's evidence)."""
    statuses: dict[str, str | None] = field(default_factory=dict)
    """Raw line -> ``TemplateLines.status`` (for ``templates``)."""
    samples: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Text -> (tokens, packed stopword hits) in a language sample (``ProseSample.seen``)."""
    chosen: dict[tuple[int, int], str | None] = field(default_factory=dict)
    """(hits, tokens) of a sample -> the language chosen (``ProseSample.chosen``)."""

    def start(self, config: CleanConfig, templates: TemplateLines | None) -> None:
        """Get ready to clean a document with this config and evidence (tables stay bounded)."""
        if templates is not self.templates or (config is not self.config and config != self.config):
            self.config, self.templates = config, templates
            self.features.clear()
            self.statuses.clear()
            self.samples.clear()
            self.chosen.clear()
            return
        tables: list[dict[Any, Any]] = [*self.features.values(), self.statuses, self.samples]
        for table in [*tables, self.chosen]:
            if len(table) > self.limit:
                table.clear()

    def features_of(self, language: str | None) -> dict[str, Line]:
        """The features table of a language."""
        table = self.features.get(language)
        if table is None:
            table = self.features[language] = {}
        return table

    def __reduce__(self) -> tuple[type[LineMemo], tuple[int]]:
        """A memo pickles empty: a copy in another process learns its own lines."""
        return LineMemo, (self.limit,)
