"""Line classification in two passes, after jusText: context-free features, then neighbours.

``classify`` gives every line a class from its own features (``cruft`` for a lexicon hit,
``good`` for long prose, ``near`` for medium lines, ``short``, ``bad``); ``revise`` then finds the
title, the dek and the dense body region, and decides each line from its class and neighbours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cleaner.config import CleanConfig
from cleaner.metadata import looks_like_name, parse_date
from cleaner.patterns import CREDIT_SUFFIX, ROLE_WORDS
from cleaner.rules import Lexicon
from cleaner.templates import TemplateLines, normalise

WORD_RE = re.compile(r"\w+")
TERMINAL = frozenset(".!?\"”’»:;")
QUOTES = frozenset("\"“”‘’«»'")
CREDIT_RE = re.compile(CREDIT_SUFFIX)
DIGIT_RE = re.compile(r"\d")
TRUNCATED_RE = re.compile(r"(?:\s(?:…|\.\.\.)|\[…\]|\[\.\.\.\])$")


@dataclass(frozen=True, slots=True)
class Line:
    """Context-free features of one stripped input line."""

    text: str
    words: int
    stop_ratio: float
    prose: bool
    """Ends like a sentence (terminal punctuation or a closing quote)."""
    cruft: tuple[str, str] | None
    """``(rule, category)`` of the lexicon or template rule it matches."""
    cls: str
    """``blank``, ``cruft``, ``good``, ``near``, ``short`` or ``bad``."""


@dataclass(frozen=True, slots=True)
class Decision:
    """The revised verdict for one line: keep it, and under which label and rule."""

    keep: bool
    label: str
    rule: str


def line_features(
    text: str,
    lexicon: Lexicon,
    stopwords: frozenset[str],
    config: CleanConfig,
    templates: TemplateLines | None = None,
) -> Line:
    """Measure one line and classify it without looking at its neighbours."""
    text = text.strip()
    if not text:
        return Line("", 0, 0.0, False, None, "blank")
    lower = text.lower()
    tokens = WORD_RE.findall(lower)
    words = len(tokens)
    if stopwords:
        stop_ratio = sum(1 for t in tokens if t in stopwords) / words if words else 0.0
    else:  # no stoplist for this language: judge by length alone
        stop_ratio = 1.0 if len(text) >= 40 else 0.0
        words = max(words, len(text) // 6)
    prose = text[-1] in TERMINAL and not TRUNCATED_RE.search(text)
    cruft = lexicon.match(text, words, config.line_rule_max_words, config.hint_max_words, lower)
    if cruft is None and templates is not None and templates.is_template(text, config):
        cruft = ("template-line", "nav")
    return Line(text, words, stop_ratio, prose, cruft, classify(words, stop_ratio, prose,
                                                                cruft, config))


def classify(
    words: int, stop_ratio: float, prose: bool, cruft: tuple[str, str] | None, config: CleanConfig
) -> str:
    """The context-free class of a line (jusText's classify_paragraphs, for lines)."""
    if cruft is not None:
        return "cruft"
    if words <= config.short_words:
        return "short"
    if stop_ratio >= config.min_stopword_ratio:
        if words >= config.min_body_words and (prose or words >= 2 * config.min_body_words):
            return "good"
        return "near"
    return "bad" if stop_ratio < config.min_stopword_ratio / 2 else "near"


def headline_like(line: Line, config: CleanConfig) -> bool:
    """A line that reads as a caption or a teaser headline rather than a sentence."""
    if line.cls in ("blank", "good"):
        return False
    if not line.prose:
        return line.words < 2 * config.min_body_words
    return line.text.endswith("?") and line.words <= 12 and not QUOTES.intersection(line.text)


def is_credit_caption(line: Line) -> bool:
    """A caption that ends with a photo credit or a position note ("Sergey Lavrov IANS")."""
    return not line.prose and line.words <= 40 and CREDIT_RE.search(line.text) is not None


def is_date_line(line: Line) -> bool:
    """A short line that is mostly a date ("Friday 22 December 2017 09:32 GMT")."""
    return (
        line.words <= 9
        and not line.prose
        and DIGIT_RE.search(line.text) is not None
        and parse_date(line.text) is not None
    )


def is_role_line(line: Line) -> bool:
    """A short line naming a journalist's job ("Deputy Political Editor")."""
    return line.words <= 5 and any(w in ROLE_WORDS for w in line.text.lower().split())


def find_title(lines: list[Line], config: CleanConfig) -> int | None:
    """Index of the title: the first line that is neither blank nor cruft and short enough."""
    for i, line in enumerate(lines):
        if line.cls not in ("blank", "cruft") and line.words <= config.max_title_words:
            return i
    return None


def same_headline(title: str, text: str) -> bool:
    """True when ``text`` repeats the title (maybe without the title's " - Site" suffix)."""
    if title[:8].lower() != text[:8].lower():
        return False
    a, b = normalise(title), normalise(text)
    if a == b:
        return True
    return len(b) >= 20 and a.startswith(b) and a[len(b) : len(b) + 3].strip() in "-|–—:"


def body_blocks(lines: list[Line], skip: set[int], config: CleanConfig) -> list[tuple[int, int]]:
    """Spans (first, last) of the dense body region: groups of good lines with short gaps."""
    blocks: list[list[int]] = []  # [first, last, words]
    gap = 0
    for i, line in enumerate(lines):
        if i in skip or line.cls == "blank":
            continue
        if line.cls == "good":
            if blocks and gap <= config.max_gap_lines:
                blocks[-1][1] = i
                blocks[-1][2] += line.words
            else:
                blocks.append([i, i, line.words])
            gap = 0
        elif not (line.cls == "near" and line.prose):
            gap += 1
    if not blocks:
        return []
    best = max(b[2] for b in blocks)
    return [(b[0], b[1]) for b in blocks if b[2] >= config.min_block_share * best]


def extend(lines: list[Line], first: int, last: int, skip: set[int]) -> tuple[int, int]:
    """Widen a body block over adjacent prose lines that are not cruft."""

    def prose(i: int) -> bool:
        return i not in skip and lines[i].cls in ("near", "short") and lines[i].prose

    i = first - 1
    while i >= 0 and (lines[i].cls == "blank" or prose(i)):
        if lines[i].cls != "blank":
            first = i
        i -= 1
    i = last + 1
    while i < len(lines) and (lines[i].cls == "blank" or prose(i)):
        if lines[i].cls != "blank":
            last = i
        i += 1
    return first, last


def title_case(text: str) -> bool:
    """Most words capitalised, as in menus and headlines."""
    tokens = text.split()
    return sum(1 for t in tokens if t[:1].isupper()) > 0.6 * len(tokens)


def is_repeat_caption(line: Line, other: Line | None) -> bool:
    """One caption twice: with and without its credit ("Sergey Lavrov" / "Sergey Lavrov IANS")."""
    if other is None or line.prose or other.prose or not line.text or not other.text:
        return False
    if line.text[:8].lower() != other.text[:8].lower():
        return False
    short, long_ = sorted((normalise(line.text), normalise(other.text)), key=len)
    return long_ != short and long_.startswith(short) and len(long_) - len(short) <= 40


def neighbours(lines: list[Line], i: int, reach: int = 3) -> tuple[Line | None, Line | None]:
    """The nearest non-blank lines before and after line ``i`` (within ``reach`` lines)."""
    before = next((lines[j] for j in range(i - 1, max(i - reach, 0) - 1, -1)
                   if lines[j].cls != "blank"), None)  # fmt: skip
    after = next((lines[j] for j in range(i + 1, min(i + reach + 1, len(lines)))
                  if lines[j].cls != "blank"), None)  # fmt: skip
    return before, after


def is_byline_name(lines: list[Line], i: int) -> bool:
    """A lone person's name next to a role or date line, or standing apart between blanks."""
    line = lines[i]
    if line.prose or line.words > 4 or not looks_like_name(line.text):
        return False
    before, after = neighbours(lines, i)
    for other in (before, after):
        if other is not None and (is_role_line(other) or is_date_line(other)):
            return True
    apart = (i == 0 or lines[i - 1].cls == "blank") and (
        i + 1 == len(lines) or lines[i + 1].cls == "blank"
    )
    return apart and not any(o is not None and looks_like_name(o.text) for o in (before, after))


def decide_inside(lines: list[Line], run: list[int], config: CleanConfig) -> list[Decision]:
    """Decide a run of adjacent caption- or headline-like lines inside the body."""
    out = []
    for k, i in enumerate(run):
        line = lines[i]
        prev = lines[run[k - 1]] if k else None
        nxt = lines[run[k + 1]] if k + 1 < len(run) else None
        if line.cruft is not None:
            out.append(Decision(False, line.cruft[1], line.cruft[0]))
        elif is_credit_caption(line):
            out.append(Decision(False, "caption", "caption-credit"))
        elif is_repeat_caption(line, nxt) or is_repeat_caption(line, prev):
            out.append(Decision(False, "caption", "caption-repeat"))
        elif len(run) == 2:
            if k == 0:
                out.append(Decision(False, "caption", "inline-card-caption"))
            else:
                out.append(Decision(False, "teaser", "inline-card-headline"))
        else:
            out.append(Decision(True, "body", "body-context"))
    return out


def decide_outside(
    lines: list[Line], i: int, section: str | None, before_body: bool
) -> Decision:
    """Decide a line outside the body region: always removed; the category says why."""
    line = lines[i]
    if line.cruft is not None:
        return Decision(False, line.cruft[1], line.cruft[0])
    if is_credit_caption(line):
        return Decision(False, "caption", "caption-credit")
    before, after = neighbours(lines, i)
    if is_repeat_caption(line, after) or is_repeat_caption(line, before):
        return Decision(False, "caption", "caption-repeat")
    if section in ("promo", "comments"):
        return Decision(False, section, "section-context")
    if is_byline_name(lines, i):
        return Decision(False, "byline", "name-line")
    if is_date_line(line):
        return Decision(False, "byline", "date-line")
    if section == "teaser" or TRUNCATED_RE.search(line.text):
        return Decision(False, "teaser", "outside-body-teaser")
    if line.words >= 6 and not line.prose and not title_case(line.text):
        return Decision(False, "caption" if before_body else "teaser", "outside-body-teaser"
                        if not before_body else "pre-body-caption")
    return Decision(False, "nav", "outside-body")


def revise(lines: list[Line], config: CleanConfig) -> list[Decision]:
    """Decide every line from its class and its neighbours (jusText's revision pass)."""
    decisions: list[Decision | None] = [None] * len(lines)
    skip: set[int] = set()
    title = find_title(lines, config)
    if title is not None:
        decisions[title] = Decision(True, "title", "title")
        skip.add(title)
        for i in range(title + 1, len(lines)):
            if lines[i].cls != "blank" and same_headline(lines[title].text, lines[i].text):
                decisions[i] = Decision(False, "duplicate", "duplicate-title")
                skip.add(i)
        dek = next((i for i in range(title + 1, len(lines))
                    if lines[i].cls != "blank" and i not in skip), None)  # fmt: skip
        if dek is not None and is_dek(lines[dek], config):
            decisions[dek] = Decision(True, "dek", "dek")
            skip.add(dek)
    inside = [False] * len(lines)
    blocks = body_blocks(lines, skip, config)
    for first, last in blocks:
        first, last = extend(lines, first, last, skip)
        for i in range(first, last + 1):
            inside[i] = i not in skip
    if not blocks:  # no long prose at all: keep the sentences
        for i, line in enumerate(lines):
            inside[i] = i not in skip and line.cls in ("near", "short") and line.prose
    run: list[int] = []
    section: str | None = None
    seen_body = False
    body_words = 0
    for i, line in enumerate(lines):
        if line.cls == "blank":
            decisions[i] = Decision(True, "blank", "blank")
            continue
        if inside[i] and line.cruft is not None and line.cruft[1] == "comments":
            if body_words >= config.comments_cut_words:  # the comment section ends the body
                for j in range(i, len(lines)):
                    inside[j] = False
        if inside[i] and (headline_like(line, config) or line.cls == "cruft"):
            run.append(i)
            continue
        if run:
            for j, d in zip(run, decide_inside(lines, run, config), strict=True):
                decisions[j] = d
            run = []
        if i in skip:
            continue
        if inside[i]:
            seen_body, section = True, None
            body_words += line.words
            decisions[i] = Decision(True, "body", "body-prose")
            continue
        decision = decide_outside(lines, i, section, not seen_body)
        if line.cruft is not None:
            section = decision.label
        decisions[i] = decision
    for j, d in zip(run, decide_inside(lines, run, config), strict=True):
        decisions[j] = d
    return [d if d is not None else Decision(True, "body", "body-prose") for d in decisions]


def is_dek(line: Line, config: CleanConfig) -> bool:
    """The line after the title is a standfirst when it is a long enough sentence-like line."""
    return (
        line.cls in ("good", "near")
        and line.words >= config.min_dek_words
        and not is_credit_caption(line)
        and not title_case(line.text)
    )
