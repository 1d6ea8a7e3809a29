"""Cleaning one scraped text: ``clean_text(text) -> CleanResult``.

The language is detected once per document; ``cleaner.lines`` measures and classifies the
lines and ``cleaner.revise`` decides them from their neighbours; removed bylines fill
``authors`` and ``published``. Cleaning is idempotent by construction: the cleaned text is
cleaned again and anything that second pass removes is removed the first time.

>>> r = clean_text("Big news today\\n\\nSubscribe\\n\\nThe council voted on Monday to build a "
...                "new bridge, the mayor said.\\n\\nLeave a Reply")
>>> r.title, r.text
('Big news today', 'The council voted on Monday to build a new bridge, the mayor said.')
>>> [(d.line, d.category, d.rule) for d in r.removed]
[(3, 'promo', 'account-link'), (7, 'comments', 'comments-prompt')]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cleaner.config import CleanConfig
from cleaner.language import Stoplists, detect_language, load_stoplists
from cleaner.lines import BLANK, WORD_RE, Decision, Line, line_features, unwrap
from cleaner.metadata import parse_authors, parse_date
from cleaner.revise import revise
from cleaner.rules import load_lexicon
from cleaner.templates import TemplateLines

DEFAULT_CLEAN_CONFIG = CleanConfig()
LANGUAGE_LINE_CHARS = 80
"""Lines this long are prose enough to tell the language (menus are shorter)."""
MAX_PASSES = 4
"""Cleaning passes at most: the second and later ones re-clean the output (idempotence)."""
AUTHOR_RULES = frozenset({"name-line", "reporting-credit"})
"""Byline rules whose line names authors (besides the ``by-author`` rules of each language)."""


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
    stoplists = load_stoplists()
    raw_lines, lines, language = analyse(text, stoplists, config, templates)
    decisions = revise(lines, config)
    for _ in range(MAX_PASSES):
        cleaned, sources = result(raw_lines, lines, decisions, language)
        # Idempotence: clean the output again; whatever that removes is removed here too.
        again_lines = reanalyse(cleaned, sources, lines, stoplists, config, templates, language)
        changed = False
        for origin, d in zip(sources, revise(again_lines, config)):  # noqa: B905
            for i in origin:
                if d.label != decisions[i].label and (d.label == "title" or not d.keep):
                    decisions[i] = d
                    changed = True
        if not changed:
            return cleaned
        titles = [i for i, d in enumerate(decisions) if d.label == "title"]
        for i in titles[1:]:  # the second pass chose another title: the first one goes
            decisions[titles[0]] = Decision(False, "duplicate", "duplicate-title")
            titles = [i]
    return result(raw_lines, lines, decisions, language)[0]


def analyse(
    text: str, stoplists: Stoplists, config: CleanConfig, templates: TemplateLines | None
) -> tuple[list[str], list[Line], str | None]:
    """Split a text into lines, detect its language and measure every line."""
    raw_lines = text.splitlines()
    language = document_language(raw_lines, text, stoplists, config)
    return raw_lines, features(raw_lines, language, stoplists, config, templates), language


def document_language(
    raw_lines: list[str], text: str, stoplists: Stoplists, config: CleanConfig
) -> str | None:
    """Detect the language from the document's long lines (its prose), or from its start."""
    prose = [line for line in raw_lines if len(line) >= LANGUAGE_LINE_CHARS]
    sample = "\n".join(prose) if prose else text
    tokens = WORD_RE.findall(sample[: config.language_sample_chars].lower())
    return detect_language(tokens, stoplists, config.min_language_hits)


def reanalyse(
    cleaned: CleanResult,
    sources: list[list[int]],
    lines: list[Line],
    stoplists: Stoplists,
    config: CleanConfig,
    templates: TemplateLines | None,
    language: str | None,
) -> list[Line]:
    """The lines of ``cleaned.plain`` as ``analyse`` would measure them, reusing what it can.

    Features are context-free given the language, so a line that reappears unchanged keeps its
    measurements; only unwrapped paragraphs, or a text whose language now reads differently,
    are measured again.
    """
    plain = cleaned.plain
    again = document_language(plain.splitlines(), plain, stoplists, config)
    if again != language:
        return analyse(plain, stoplists, config, templates)[1]
    lexicon = load_lexicon(language or config.fallback_language)
    stopwords = stoplists.words.get(language, frozenset()) if language else frozenset()
    out = []
    for origin, raw in zip(sources, plain.splitlines()):  # noqa: B905
        if not origin:
            out.append(BLANK)
        elif len(origin) == 1 and not lines[origin[0]].wrapped and lines[origin[0]].text == raw:
            out.append(lines[origin[0]])
        else:
            out.append(line_features(raw, lexicon, stopwords, config, templates))
    return out


def features(
    raw_lines: list[str],
    language: str | None,
    stoplists: Stoplists,
    config: CleanConfig,
    templates: TemplateLines | None,
) -> list[Line]:
    """Context-free features of every line, with the document language's lexicon and stoplist."""
    lexicon = load_lexicon(language or config.fallback_language)
    stopwords = stoplists.words.get(language, frozenset()) if language else frozenset()
    # Menus and footers repeat lines: measure each text once.
    measured = {
        raw: line_features(raw, lexicon, stopwords, config, templates)
        for raw in dict.fromkeys(raw_lines)
    }
    lines = [measured[raw] for raw in raw_lines]
    return unwrap(lines, lexicon, stopwords, config, templates)


def result(
    raw_lines: list[str], lines: list[Line], decisions: list[Decision], language: str | None
) -> tuple[CleanResult, list[list[int]]]:
    """Assemble the CleanResult, and for each line of its ``plain`` text the input lines it has.

    Metadata comes from the removed byline lines.
    """
    title = None
    title_source: list[int] = []
    paragraphs: list[str] = []
    sources: list[list[int]] = []
    authors: list[str] = []
    published = None
    out = []
    for i, (raw, line, d) in enumerate(zip(raw_lines, lines, decisions, strict=True)):
        out.append(LineDecision(i + 1, raw, d.keep, d.label, d.rule))
        if d.label == "title" and title is None:
            title, title_source = line.text, [i]
        elif d.keep and d.label != "blank":
            if line.continues and sources and sources[-1][-1] == i - 1:
                paragraphs[-1] += " " + line.text  # unwrap a hard-wrapped paragraph
                sources[-1].append(i)
            else:
                paragraphs.append(line.text)
                sources.append([i])
        elif d.label == "byline":
            published = published or parse_date(line.text)
            if d.rule in AUTHOR_RULES or d.rule.startswith("by-author"):
                authors.extend(a for a in parse_authors(line.text) if a not in authors)
    cleaned = CleanResult(
        title=title,
        text="\n\n".join(paragraphs),
        authors=tuple(authors),
        published=published,
        language=language,
        lines=tuple(out),
    )
    plain_sources: list[list[int]] = []
    if title is not None:
        plain_sources.append(title_source)
        if paragraphs:
            plain_sources.append([])
    for k, origin in enumerate(sources):
        plain_sources.extend([[], origin] if k else [origin])
    return cleaned, plain_sources
