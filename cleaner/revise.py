"""The revision pass (jusText's revise_paragraph_classification, for lines).

It finds the title, the dek and the dense body region (blocks of good lines with short gaps),
then decides every line from its class and its neighbours: short lines between body lines stay,
lexicon cruft and caption/teaser cards inside the body go, everything outside the body goes with
the category its own features or its section suggest; ``cleaner.runs`` then removes teaser
lists and repeated lines among those it kept.
"""

# ruff: noqa: RUF001 (typographic quotes and dashes are the data here)

from __future__ import annotations

import re

from cleaner.config import CleanConfig
from cleaner.lines import (
    Decision,
    Line,
    headline_like,
    is_byline_name,
    is_credit_caption,
    is_date_line,
    is_repeat_caption,
    is_truncated,
    neighbours,
    title_case,
)
from cleaner.rules import COMMENT_SECTION_RULES, opens_section
from cleaner.runs import drop_repeats, drop_teaser_lists
from cleaner.templates import normalise

OUTSIDE_NAV = Decision(False, "nav", "outside-body")
# Possessive runs that start only where a run of spaces starts: a long run of spaces is read
# once, not retried from each of its positions (tests/test_regex_safety.py).
MENU_SEPARATOR_RE = re.compile(r"(?<!\s)\s*+[|·•»]\s*|(?<!\s)\s++[/>]\s+")
"""What separates the items of a one-line menu or breadcrumb ("Home | News", "Home > Local")."""
MENU_SIGN_RE = re.compile(r"[|·•»/>]")
"""A character that every ``MENU_SEPARATOR_RE`` match has: most lines have none, and
searching for one is several times faster than splitting the line."""
MENU_MIN_ITEMS = 3
"""A line of this many separated short items is a menu, not a headline."""
MENU_ITEM_WORDS = 3
"""Items of a one-line menu have at most this many words."""
BLANK_LINE = Decision(True, "blank", "blank")
BODY_PROSE = Decision(True, "body", "body-prose")


def find_title(lines: list[Line], config: CleanConfig) -> int | None:
    """Index of the title: the first line that is not blank, cruft or a sentence, and short.

    A line ending with a full stop is the article's first sentence, not a headline.
    """
    for i, line in enumerate(lines):
        if line.cls in ("blank", "cruft") or in_menu(lines, i) or is_menu_line(line.text):
            continue
        text = line.text
        return i if not text.endswith(".") and len(text.split()) <= config.max_title_words else None
    return None


def in_menu(lines: list[Line], i: int, max_words: int = 3) -> bool:
    """A short line directly next to another short line: an item of a menu."""
    if lines[i].words > max_words:
        return False
    if i > 0 and lines[i - 1].cls != "blank" and lines[i - 1].words <= max_words:
        return True
    return i + 1 < len(lines) and lines[i + 1].cls != "blank" and lines[i + 1].words <= max_words


def is_menu_line(text: str) -> bool:
    """A line of several short items split by ``|``, ``·``, ``/`` or ``>``: a menu or breadcrumb.

    >>> is_menu_line("Coast Herald | Home | News | Sport"), is_menu_line("Home > Local > Roads")
    (True, True)
    >>> is_menu_line("Bridge to close for repairs | Coast Herald")
    False
    """
    if MENU_SIGN_RE.search(text) is None:
        return False
    items = MENU_SEPARATOR_RE.split(text)
    return len(items) >= MENU_MIN_ITEMS and all(
        0 < len(item.split()) <= MENU_ITEM_WORDS for item in items
    )


def same_headline(title: str, text: str) -> bool:
    """True when ``text`` repeats the title (maybe without the title's " - Site" suffix)."""
    if title[:8].lower() != text[:8].lower():
        return False
    a, b = normalise(title), normalise(text)
    if a == b:
        return True
    return len(b) >= 20 and a.startswith(b) and a[len(b) : len(b) + 3].strip() in "-|–—:"


def body_blocks(lines: list[Line], skip: set[int], config: CleanConfig) -> list[tuple[int, int]]:
    """Spans (first, last) of the dense body region: groups of good lines with short gaps.

    Each block scores its good words times the square root of its density (good lines among
    its non-blank lines): a list of teasers has many good summaries too, but each stands among
    headlines and dates. Blocks scoring at least ``min_block_share`` of the best are body.
    """
    blocks: list[list[int]] = []  # [first, last, good words, good lines, other lines]
    gap = 0
    max_gap = config.max_gap_lines
    for i, line in enumerate(lines):
        cls = line.cls
        if cls == "blank" or i in skip:
            continue
        if cls == "good":
            if blocks and gap <= max_gap:
                block = blocks[-1]
                block[1] = i
                block[2] += line.words
                block[3] += 1
                block[4] += gap
            else:
                blocks.append([i, i, line.words, 1, 0])
            gap = 0
        elif not (cls == "near" and line.prose):
            gap += 1
    if not blocks:
        return []
    scores = [b[2] * (b[3] / (b[3] + b[4])) ** 0.5 for b in blocks]
    best = max(scores)
    return [
        (b[0], b[1])
        for b, score in zip(blocks, scores, strict=True)
        if score >= config.min_block_share * best
    ]


def extend(lines: list[Line], first: int, last: int, skip: set[int]) -> tuple[int, int]:
    """Widen a body block over adjacent prose lines that are not cruft."""

    def prose(i: int) -> bool:
        line = lines[i]
        sentence = line.prose or line.text[-1] in ",、，"  # a sentence, or one going on
        return i not in skip and line.cls in ("near", "short") and sentence and not line.shared

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


def body_region(lines: list[Line], skip: set[int], config: CleanConfig) -> list[bool]:
    """For each line, whether it lies in the body region (all of it, unless ``find_body``)."""
    if not config.find_body:  # an extractor already cut the text to the article
        return [i not in skip for i in range(len(lines))]
    inside = [False] * len(lines)
    blocks = body_blocks(lines, skip, config)
    for first, last in blocks:
        first, last = extend(lines, first, last, skip)
        for i in range(first, last + 1):
            inside[i] = i not in skip
    if not blocks:  # no long prose at all: keep the sentences
        for i, line in enumerate(lines):
            inside[i] = i not in skip and line.cls in ("near", "short") and line.prose
    return inside


def decide_inside(
    lines: list[Line], run: list[int], config: CleanConfig, intro: bool = False
) -> list[Decision]:
    """Decide a run of adjacent caption- or headline-like lines inside the body.

    ``intro`` says the run follows a line ending with ":", so a long run is a list the article
    announces, not a block of links; without ``find_body`` the text is the article already,
    and a run is never dropped for its length.
    """
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
        elif is_date_line(line):
            out.append(Decision(False, "byline", "date-line"))
        elif not config.find_body or intro:  # a run's length says nothing about it
            out.append(Decision(True, "body", "body-context"))
        elif len(run) >= config.min_list_run:
            label = "teaser" if line.words >= config.min_dek_words // 2 else "nav"
            out.append(Decision(False, label, "inline-list"))
        elif len(run) == 2:
            if k == 0:
                out.append(Decision(False, "caption", "inline-card-caption"))
            else:
                out.append(Decision(False, "teaser", "inline-card-headline"))
        else:
            out.append(Decision(True, "body", "body-context"))
    return out


def decide_outside(lines: list[Line], i: int, section: str | None, before_body: bool) -> Decision:
    """Decide a line outside the body region: always removed; the category says why."""
    line = lines[i]
    if line.cruft is not None:
        return Decision(False, line.cruft[1], line.cruft[0])
    if (line.words <= 1 and section is None) or is_menu_line(line.text):  # a menu (item)
        return OUTSIDE_NAV
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
    if section == "teaser" or is_truncated(line.text):
        return Decision(False, "teaser", "outside-body-teaser")
    if line.words >= 6 and not line.prose and not title_case(line.text):
        return Decision(
            False,
            "caption" if before_body else "teaser",
            "outside-body-teaser" if not before_body else "pre-body-caption",
        )
    return OUTSIDE_NAV


def revise(lines: list[Line], config: CleanConfig) -> list[Decision]:
    """Decide every line from its class and its neighbours (jusText's revision pass)."""
    decisions: list[Decision | None] = [None] * len(lines)
    skip: set[int] = set()
    body_words = 0  # the words of the dek and of the body lines so far
    title = find_title(lines, config)
    if title is not None:
        decisions[title] = Decision(True, "title", "title")
        skip.add(title)
        headline = lines[title].text
        start = headline[:8].lower()  # same_headline's first test, out of its call
        alike = [i for i in range(title + 1, len(lines)) if lines[i].text[:8].lower() == start]
        for i in alike:
            if same_headline(headline, lines[i].text):
                decisions[i] = Decision(False, "duplicate", "duplicate-title")
                skip.add(i)
        dek = next((i for i in range(title + 1, len(lines))
                    if lines[i].cls != "blank" and i not in skip), None)  # fmt: skip
        if dek is not None and is_dek(lines[dek], config):
            decisions[dek] = Decision(True, "dek", "dek")
            skip.add(dek)
            body_words = lines[dek].words
    inside = body_region(lines, skip, config)
    run: list[int] = []
    intro = False  # the run follows a line ending with ":" (a list the text announces)
    section: str | None = None
    seen_body = False
    for i, line in enumerate(lines):
        cls = line.cls
        if cls == "blank":
            decisions[i] = BLANK_LINE
            continue
        cruft = line.cruft
        within = inside[i]
        if (
            within
            and cruft is not None
            and cruft[0] in COMMENT_SECTION_RULES
            and body_words >= config.comments_cut_words
        ):
            for j in range(i, len(lines)):  # the comment section ends the body
                inside[j] = False
            within = False
        if (
            within
            and (cls == "cruft" or (cls != "good" and headline_like(line, config)))
            and not (cruft is not None and cruft[0] == "separator")
        ):
            if not run:
                intro = (i > 0 and lines[i - 1].text.endswith(":")) or (
                    i > 1 and not lines[i - 1].text and lines[i - 2].text.endswith(":")
                )
            run.append(i)
            continue
        if run:
            for j, d in zip(run, decide_inside(lines, run, config, intro), strict=True):
                decisions[j] = d
            run = []
        if i in skip:
            continue
        if within:
            seen_body, section = True, None
            body_words += line.words
            decisions[i] = BODY_PROSE
            continue
        decision = decide_outside(lines, i, section, not seen_body)
        if cruft is not None and opens_section(cruft[0]):
            section = decision.label
        decisions[i] = decision
    for j, d in zip(run, decide_inside(lines, run, config, intro), strict=True):
        decisions[j] = d
    done = [d if d is not None else BODY_PROSE for d in decisions]
    drop_teaser_lists(lines, done, inside, config)
    if config.find_body:  # an extracted article's repeats are its own (table rows, list items)
        drop_repeats(lines, done)
    return done


def is_dek(line: Line, config: CleanConfig) -> bool:
    """The line after the title is a standfirst when it is a long enough sentence-like line."""
    return (
        line.cls in ("good", "near")
        and line.words >= config.min_dek_words
        and not is_credit_caption(line)
        and not title_case(line.text)
    )
