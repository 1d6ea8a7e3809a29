"""Cleaning one scraped text: ``clean_text(text) -> CleanResult``.

The language is detected once per document (``cleaner.prose_sample``); ``cleaner.lines``
measures and classifies the lines and ``cleaner.revise`` decides them from their neighbours;
removed bylines fill ``authors`` and ``published``. Cleaning is idempotent by construction:
the cleaned text is cleaned again and anything that second pass removes is removed the first
time.

>>> r = clean_text("Big news today\\n\\nSubscribe\\n\\nThe council voted on Monday to build a "
...                "new bridge, the mayor said.\\n\\nLeave a Reply")
>>> r.title, r.text
('Big news today', 'The council voted on Monday to build a new bridge, the mayor said.')
>>> [(d.line, d.category, d.rule) for d in r.removed]
[(3, 'promo', 'account-link'), (7, 'comments', 'comments-prompt')]
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, fields
from itertools import repeat
from typing import Any

from cleaner.config import CleanConfig
from cleaner.language import load_stoplists
from cleaner.linememo import LineMemo
from cleaner.lines import BLANK, Decision, Line, unwrap
from cleaner.metadata import parse_authors, parse_date
from cleaner.prose_sample import ProseSample
from cleaner.revise import revise
from cleaner.rules import load_lexicon
from cleaner.templates import TemplateLines

DEFAULT_CLEAN_CONFIG = CleanConfig()
MAX_PASSES = 4
"""Cleaning passes at most: the second and later ones re-clean the output (idempotence)."""
TEMPLATE_CRUFT = ("template-line", "nav")
"""The cruft rule and category of a line the folder's evidence says is boilerplate."""
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


DECISION_SETTERS = tuple(getattr(LineDecision, f.name).__set__ for f in fields(LineDecision))
"""The setter of each ``LineDecision`` slot, in field order (see ``line_decisions``)."""


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
    *,
    memo: LineMemo | None = None,
) -> CleanResult:
    """Clean one scraped text; ``templates`` carries folder-wide evidence when there is some.

    ``memo`` (one for all the documents of a corpus) keeps what was measured of lines seen in
    earlier documents: the result is the same, found faster (see ``cleaner.linememo``).
    """
    if memo is None:
        sample = ProseSample(load_stoplists(), config)
    else:
        memo.start(config, templates)
        sample = ProseSample(load_stoplists(), config, memo.samples, chosen=memo.chosen)
    raw_lines, lines, language = analyse(text, sample, templates, memo)
    decisions = revise(lines, config)
    for _ in range(MAX_PASSES):
        cleaned, sources = result(lines, decisions, language)
        # Idempotence: clean the output again; whatever that removes is removed here too.
        again_lines = reanalyse(cleaned, sources, lines, sample, templates, language, memo)
        changed = False
        for origin, d in zip(sources, revise(again_lines, config)):  # noqa: B905
            for i in origin:
                if d.label != decisions[i].label and (d.label == "title" or not d.keep):
                    decisions[i] = d
                    changed = True
        if not changed:
            return finished(cleaned, raw_lines, decisions)
        titles = [i for i, d in enumerate(decisions) if d.label == "title"]
        for i in titles[1:]:  # the second pass chose another title: the first one goes
            decisions[titles[0]] = Decision(False, "duplicate", "duplicate-title")
            titles = [i]
    return finished(result(lines, decisions, language)[0], raw_lines, decisions)


def analyse(
    text: str, sample: ProseSample, templates: TemplateLines | None, memo: LineMemo | None = None
) -> tuple[list[str], list[Line], str | None]:
    """Split a text into lines, detect its language and measure every line."""
    raw_lines = text.splitlines()
    language = sample.language(raw_lines, text)
    lines = features(raw_lines, language, sample, templates, memo)
    return raw_lines, lines, language


def reanalyse(
    cleaned: CleanResult,
    sources: list[list[int]],
    lines: list[Line],
    sample: ProseSample,
    templates: TemplateLines | None,
    language: str | None,
    memo: LineMemo | None = None,
) -> list[Line]:
    """The lines of ``cleaned.plain`` as ``analyse`` would measure them, reusing what it can.

    Features are context-free given the language, so a line that reappears unchanged keeps its
    measurements; only unwrapped paragraphs, or a text whose language now reads differently,
    are measured again.
    """
    plain = cleaned.plain
    plain_lines = plain.splitlines()
    if sample.language(plain_lines, plain) != language:
        return analyse(plain, sample, templates, memo)[1]
    stoplists, config = sample.stoplists, sample.config
    lexicon = load_lexicon(language or config.fallback_language)
    stopwords = stoplists.words.get(language, frozenset()) if language else frozenset()
    out = []
    measured = []  # lines measured again (unwrapped paragraphs): the evidence is applied anew
    for origin, raw in zip(sources, plain_lines):  # noqa: B905
        if not origin:
            out.append(BLANK)
        elif len(origin) == 1 and not lines[origin[0]].wrapped and lines[origin[0]].text == raw:
            out.append(lines[origin[0]])
        else:
            measured.append(len(out))
            out.append(sample.measure(raw, language, lexicon, stopwords))
    if templates is not None and measured:
        statuses = memo.statuses if memo is not None else None
        marked = with_templates(out, templates.marks(plain_lines[: len(out)], config, statuses))
        for i in measured:
            out[i] = marked[i]
    return out


def features(
    raw_lines: list[str],
    language: str | None,
    sample: ProseSample,
    templates: TemplateLines | None,
    memo: LineMemo | None = None,
) -> list[Line]:
    """Context-free features of every line, with the document language's lexicon and stoplist.

    The lines the language sample read whole come with their words (a line's words are those
    of its stripped text: white space is in no word); those of ``memo`` are not measured again.
    """
    config = sample.config
    lexicon = load_lexicon(language or config.fallback_language)
    stopwords = sample.stoplists.words.get(language, frozenset()) if language else frozenset()
    # Menus and footers repeat lines, in a document and across a site: measure each text once.
    measured = {} if memo is None else memo.features_of(language)
    for raw in raw_lines:
        if raw not in measured:
            measured[raw] = sample.measure(raw, language, lexicon, stopwords)
    lines = [measured[raw] for raw in raw_lines]
    if templates is not None:
        statuses = memo.statuses if memo is not None else None
        lines = with_templates(lines, templates.marks(raw_lines, config, statuses))
    return unwrap(lines, lexicon, stopwords, config)


def with_templates(lines: list[Line], marks: list[str | None]) -> list[Line]:
    """The lines with the folder's evidence (``TemplateLines.marks``) on those lexicon left.

    A template line is cruft (``template-line``); a shared sentence never anchors the body alone.
    """
    if not any(marks):
        return lines
    out = list(lines)
    for i, (line, mark) in enumerate(zip(lines, marks, strict=True)):
        if mark is None or line.cruft is not None:
            continue
        if mark == "template":
            out[i] = line._replace(cruft=TEMPLATE_CRUFT, cls="cruft")
        else:
            out[i] = line._replace(shared=True, cls="near" if line.cls == "good" else line.cls)
    return out


def finished(cleaned: CleanResult, raw_lines: list[str], decisions: list[Decision]) -> CleanResult:
    """The cleaned result with what happened to each input line (``dataclasses.replace`` with
    fewer steps)."""
    lines = line_decisions(raw_lines, decisions)
    c = cleaned
    return CleanResult(c.title, c.text, c.authors, c.published, c.language, lines)


def line_decisions(raw_lines: list[str], decisions: list[Decision]) -> tuple[LineDecision, ...]:
    """What happened to each input line.

    The decisions are made as ``LineDecision(i, raw, keep, label, rule)`` would make them, but
    field by field: each field of every line is set by one ``map`` of its slot's setter (what
    the frozen ``__init__`` calls), without a Python ``__init__`` call per line.
    """
    if len(raw_lines) != len(decisions):
        raise ValueError("one decision per line")
    made = list(map(object.__new__, repeat(LineDecision, len(raw_lines))))
    columns = list(zip(*decisions, strict=True)) or [(), (), ()]  # keep, label, rule
    values = (range(1, len(made) + 1), raw_lines, *columns)
    for setter, column in zip(DECISION_SETTERS, values, strict=True):
        deque(map(setter, made, column), maxlen=0)  # run the setters, keep nothing
    return tuple(made)


def result(
    lines: list[Line], decisions: list[Decision], language: str | None
) -> tuple[CleanResult, list[list[int]]]:
    """Assemble the CleanResult, and for each line of its ``plain`` text the input lines it has.

    Metadata comes from the removed byline lines. The result's ``lines`` are left empty: only
    the last pass's result needs them (``line_decisions``).
    """
    title = None
    title_source: list[int] = []
    paragraphs: list[str] = []
    sources: list[list[int]] = []
    authors: list[str] = []
    published = None
    for i, (line, d) in enumerate(zip(lines, decisions, strict=True)):
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
        lines=(),
    )
    plain_sources: list[list[int]] = []
    if title is not None:
        plain_sources.append(title_source)
        if paragraphs:
            plain_sources.append([])
    for k, origin in enumerate(sources):
        plain_sources.extend([[], origin] if k else [origin])
    return cleaned, plain_sources
