"""Runs of lines decided together after the revision pass: teaser lists and repeated lines.

``cleaner.revise`` decides each line from its class and neighbours; these passes then look at
groups of the lines it kept: (headline, one summary) items repeated at an edge of the body are
a list of teasers, and kept lines that repeat earlier ones are the page printing them twice.
"""

from __future__ import annotations

from cleaner.config import CleanConfig
from cleaner.lines import Decision, Line, headline_like, is_date_line, looks_like_name

START_CHARS = 20
"""``drop_repeats`` compares the folded starts of lines before it folds them whole."""


def drop_teaser_lists(
    lines: list[Line], decisions: list[Decision], inside: list[bool], config: CleanConfig
) -> None:
    """Remove (headlines, one summary) groups repeated at an edge of the body: teaser lists.

    An article's sections have several paragraphs; a list of teasers has a headline (maybe a
    name and a date) and exactly one summary paragraph per item.
    """
    seq = [i for i, line in enumerate(lines) if line.cls != "blank" and inside[i]]
    summary = [decisions[i].keep and is_summary(lines[i]) for i in seq]
    if summary.count(False) < config.min_list_run:
        return  # every item has a line that is no summary: too few for a list (most texts)
    good = [k for k, i in enumerate(seq) if decisions[i].keep and lines[i].cls == "good"]
    k = 0
    while k < len(seq):
        if summary[k]:  # an item starts with a heading: a body paragraph starts none
            k += 1
            continue
        end, items = k, 0
        while True:  # one item: one or more non-summary lines, then exactly one summary line
            j = end
            while j < len(seq) and not summary[j]:
                j += 1
            if j == end or j >= len(seq) or (j + 1 < len(seq) and summary[j + 1]):
                break
            if not teaser_heading(lines, seq[end:j], config):
                break
            end, items = j + 1, items + 1
        # At an edge of the body, or announced by a "Related links" header. Text an extractor
        # cut to the article may still end with a list of links, but one that opens it is the
        # article itself (a round-up of deals or of the day's stories).
        leads = config.find_body and good[0] >= k if good else True
        if items >= config.min_list_run and (
            leads or good[-1] < end or is_teaser_header(lines[seq[k]])
        ):
            for i in seq[k:end]:
                if decisions[i].keep:
                    decisions[i] = Decision(False, "teaser", "teaser-list")
            k = end
        else:
            k += 1


def is_teaser_header(line: Line) -> bool:
    """A "Related stories" / "More coverage" line."""
    return line.cruft is not None and line.cruft[0].startswith("related-header")


def is_summary(line: Line) -> bool:
    """A line that can be a teaser's one-paragraph summary: long, or a sentence."""
    return line.cls == "good" or (line.cls == "near" and line.prose)


def teaser_heading(lines: list[Line], group: list[int], config: CleanConfig) -> bool:
    """The lines before a teaser's summary: a headline, or a headline with a name or a date."""
    heads = [lines[i] for i in group]
    if any(h.cruft is not None and h.cruft[0] == "separator" for h in heads):
        return False  # "___" between items: the article's own sections
    if is_teaser_header(heads[0]) and len(heads) > 1:
        return True
    if len(heads) == 1:
        return headline_like(heads[0], config) and heads[0].words >= 4
    return any(
        is_date_line(h)
        or looks_like_name(h.text)
        or (h.cruft is not None and h.cruft[0] == "time-ago")
        for h in heads
    )


def drop_repeats(lines: list[Line], decisions: list[Decision]) -> None:
    """Remove kept lines that repeat earlier ones: runs of them, and short ones.

    A page that prints its article twice repeats whole runs of lines; a long sentence repeated
    alone (a pull quote, a refrain) may be the article's own.
    """
    kept = [i for i, d in enumerate(decisions) if d.keep and d.label in ("body", "dek")]
    # Casefolding goes letter by letter, a letter to one or more: the fold of a line's start
    # begins its fold. Lines that start apart are apart (most documents): no long line folded.
    starts = {lines[i].text[:START_CHARS].casefold()[:START_CHARS] for i in kept}
    if len(starts) == len(kept):
        return
    keys = [lines[i].text.casefold() for i in kept]
    seen: set[str] = set()
    repeat = []
    for key in keys:
        repeat.append(key in seen)
        seen.add(key)
    for k, i in enumerate(kept):
        in_run = (k > 0 and repeat[k - 1]) or (k + 1 < len(kept) and repeat[k + 1])
        if repeat[k] and (in_run or lines[i].cls != "good"):
            decisions[i] = Decision(False, "duplicate", "repeated-line")
