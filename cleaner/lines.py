"""Line classification in two passes, after jusText: context-free features, then neighbours.

``classify`` gives every line a class from its own features (``cruft`` for a lexicon hit,
``good`` for long prose, ``near`` for medium lines, ``short``, ``bad``); ``cleaner.revise`` then
finds the title, the dek and the dense body region, and decides each line from its class and
neighbours. This module holds the features and the small predicates both passes use.
"""

# ruff: noqa: RUF001 (typographic quotes and dashes are the data here)

from __future__ import annotations

import re
from operator import itemgetter
from typing import NamedTuple

from cleaner.config import CleanConfig
from cleaner.metadata import looks_like_name, parse_date
from cleaner.patterns import CREDIT_SUFFIX, ROLE_WORDS
from cleaner.prefilter import gate_of
from cleaner.rules import Lexicon
from cleaner.templates import normalise

FIRST = itemgetter(0)
WORD_RE = re.compile(r"\w+")
ASCII_WORD_RE = re.compile(r"\w+", re.ASCII)
"""``WORD_RE`` for ASCII text, where it finds the same words faster."""
TERMINAL = frozenset('.!?"”’»:;。！？」』')
QUOTE_RE = re.compile(r"(?:^|\s)[\"“‘«']|[\"”’»'](?:\s|$|[.,;:!?])")
CREDIT_RE = re.compile(CREDIT_SUFFIX)
CREDIT_GATE = gate_of(CREDIT_RE)
"""Runs ``CREDIT_RE`` only on lines that have a word of a credit ("AP", "Getty", "(left)")."""
DIGIT_RE = re.compile(r"\d")
# A teaser whose headline and summary lost the space between them:
# "Customers Leave Without Paying $690 Bill At Troy SteakhouseA party of six left ..."
GLUED_RE = re.compile(
    r"(?:[A-Z0-9$][\w'’:,&.$-]*\s+){3,}[\w'’:,&.$-]*?(?<!\bM)(?<!\bMa)[a-z][A-Z]\w*"
    r"(?:\s+\S+){0,3}\s+[a-z][\w'’-]*\s+[a-z]"  # then a sentence goes on, in lower case
)
CREDIT_MAX_WORDS = 40
"""A credit caption is no longer than this."""
WRAPPED_MIN_WORDS = 6  # a hard-wrapped line is long; "Apple Watch" / "iPad" are menu items
CLOSING_QUOTES = frozenset('"”’»')
SENTENCE_END = frozenset(".!?,…;:")
URL_RE = re.compile(r"(?:https?:|www\.|\S+\.(?:com|org|net)\b)")
TRUNCATED_RE = re.compile(r"(?:\s(?:…|\.\.\.)|\[…\]|\[\.\.\.\])$")
TRUNCATED_ENDS = frozenset("….]")
"""The last character of a stripped line that ``TRUNCATED_RE`` matches."""
TRUNCATED_TAIL = 5
"""The longest ``TRUNCATED_RE`` match ("[...]"): a search from this far before the end of a
stripped line finds what a search of the whole line does, without trying every position."""


class Line(NamedTuple):
    """Context-free features of one stripped input line (a tuple: cheap to make per line)."""

    text: str
    words: int
    stop_ratio: float
    prose: bool
    """Ends like a sentence (terminal punctuation or a closing quote)."""
    cruft: tuple[str, str] | None
    """``(rule, category)`` of the lexicon or template rule it matches."""
    cls: str
    """``blank``, ``cruft``, ``good``, ``near``, ``short`` or ``bad``."""
    wrapped: bool = False
    """Part of a hard-wrapped paragraph: the features are the whole paragraph's."""
    continues: bool = False
    """A hard-wrapped line that continues the previous line's sentence."""
    shared: bool = False
    """A sentence that recurs in several documents of the folder (see ``TemplateLines``)."""
    credit: bool = False
    """A caption that ends with a photo credit or a position note (see ``is_credit_caption``)."""


BLANK = Line("", 0, 0.0, False, None, "blank")


class Decision(NamedTuple):
    """The revised verdict for one line: keep it, and under which label and rule."""

    keep: bool
    label: str
    rule: str


def line_features(
    text: str,
    lexicon: Lexicon,
    stopwords: frozenset[str],
    config: CleanConfig,
    tokens: list[str] | None = None,
    stops: int | None = None,
    lower: str | None = None,
) -> Line:
    """Measure one line and classify it without looking at its neighbours.

    ``tokens`` are the line's lowercase words (``WORD_RE``), found here if not given, ``stops``
    how many of them are ``stopwords``, counted here if not given, and ``lower`` the line
    lowercased (white space around it or not: no letter lowercases to white space). The
    folder's evidence is applied afterwards (``cleaner.clean.with_templates``).
    """
    text = text.strip()
    if not text:
        return BLANK
    lower = text.lower() if lower is None else lower.strip()
    if tokens is None:
        tokens = (ASCII_WORD_RE if lower.isascii() else WORD_RE).findall(lower)
    words = len(tokens)
    if stopwords:
        if stops is None:
            stops = sum(map(stopwords.__contains__, tokens))
        stop_ratio = stops / words if words else 0.0
    else:  # no stoplist for this language: judge by length alone
        words = max(words, len(text) // 5)  # scripts without spaces: ~5 characters a word
        stop_ratio = 1.0 if words > config.short_words else 0.0
    prose = (
        text[-1] in TERMINAL
        and not (
            (text[-1] == "." and TRUNCATED_RE.search(text, len(text) - TRUNCATED_TAIL))
            # 'Headline: Actress says "we need heroes"': a quote ends it, no sentence does
            or (text[-1] in CLOSING_QUOTES and text[-2:-1] not in SENTENCE_END)
        )
    )
    cruft = lexicon.match(
        text, words, config.line_rule_max_words, config.hint_max_words, lower, tokens
    )
    if cruft is None and GLUED_RE.match(text):
        cruft = ("glued-teaser", "teaser")
    cls = classify(words, stop_ratio, prose, cruft, config)
    credit = not prose and words <= CREDIT_MAX_WORDS and ends_credit(text, tokens, lower)
    # positional: keyword arguments make building a NamedTuple about 1.5 times as slow
    return Line(text, words, stop_ratio, prose, cruft, cls, False, False, False, credit)


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
    return line.text.endswith("?") and line.words <= 12 and not QUOTE_RE.search(line.text)


def ends_credit(text: str, tokens: list[str] | None = None, lower: str = "") -> bool:
    """True when ``text`` ends with a photo credit or a position note (``CREDIT_RE``);
    ``tokens`` (the words of ``lower``, its lowercase) rule most lines out first."""
    if tokens is not None and CREDIT_GATE.regex(tokens, lower) is None:
        return False
    return CREDIT_RE.search(text) is not None


def is_credit_caption(line: Line) -> bool:
    """A caption that ends with a photo credit or a position note ("Sergey Lavrov IANS").

    Measured with the line's features: a short line that is no sentence, ending like
    ``CREDIT_RE``.
    """
    return line.credit


def is_truncated(text: str) -> bool:
    """A stripped line cut short with an ellipsis ("Read more of the story ...").

    Its last character rules most lines out; the others are searched from ``TRUNCATED_TAIL``
    characters before their end (``re`` takes a negative start as 0).
    """
    return (
        text[-1:] in TRUNCATED_ENDS
        and TRUNCATED_RE.search(text, len(text) - TRUNCATED_TAIL) is not None
    )


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
    return line.words <= 5 and not ROLE_WORDS.isdisjoint(line.text.lower().split())


def title_case(text: str) -> bool:
    """Most words capitalised, as in menus and headlines."""
    tokens = text.split()  # no token is empty: its first letter is ``t[0]``
    return sum(map(str.isupper, map(FIRST, tokens))) > 0.6 * len(tokens)


def is_repeat_caption(line: Line, other: Line | None) -> bool:
    """One caption twice: with and without its credit ("Sergey Lavrov" / "Sergey Lavrov IANS")."""
    if other is None or line.prose or other.prose or not line.text or not other.text:
        return False
    if line.text[:8].lower() != other.text[:8].lower():
        return False
    short, long_ = sorted((normalise(line.text), normalise(other.text)), key=len)
    return long_ != short and long_.startswith(short) and len(long_) - len(short) <= 40


def neighbours(lines: list[Line], i: int) -> tuple[Line | None, Line | None]:
    """The nearest non-blank lines before and after line ``i`` (at most one blank between)."""
    before = after = None
    if i >= 1:
        before = lines[i - 1]
        if before.cls == "blank":
            before = lines[i - 2] if i >= 2 and lines[i - 2].cls != "blank" else None
    if i + 1 < len(lines):
        after = lines[i + 1]
        if after.cls == "blank":
            after = lines[i + 2] if i + 2 < len(lines) and lines[i + 2].cls != "blank" else None
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


def unwrap(
    lines: list[Line],
    lexicon: Lexicon,
    stopwords: frozenset[str],
    config: CleanConfig,
) -> list[Line]:
    """Give hard-wrapped lines (a line going on, lowercase, on the next) their paragraph's class."""
    out = list(lines)
    # The first line (the title, usually) is never the start of a wrapped paragraph.
    n = len(lines)
    i = next((k for k, line in enumerate(lines) if line.cls != "blank"), n) + 1
    while i < n:
        j = i
        while (
            j + 1 < n
            and not out[j].prose  # the tests that rule most lines out come first
            and out[j].words >= WRAPPED_MIN_WORDS
            and out[j].cls not in ("blank", "cruft")
            and out[j + 1].cls not in ("blank", "cruft")
            and out[j + 1].text[:1].islower()
            and not URL_RE.match(out[j + 1].text)
        ):
            j += 1
        if j > i:
            joint = line_features(" ".join(x.text for x in out[i : j + 1]), lexicon, stopwords,
                                  config)  # fmt: skip
            for k in range(i, j + 1):
                text = out[k].text
                credit = not joint.prose and joint.words <= CREDIT_MAX_WORDS and ends_credit(text)
                out[k] = joint._replace(text=text, wrapped=True, continues=k > i, credit=credit)
        i = j + 1
    return out
