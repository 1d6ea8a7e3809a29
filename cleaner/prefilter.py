"""Exact prefilters for the lexicon's regexes: skip a regex on lines it cannot match.

Most lines match no cruft pattern, and ``re`` tries every alternative of a combined pattern at
every word start of a line before it says so. A pattern's *trigger* (``cleaner.signs``) is a
necessary condition read off its regex. A line that meets no pattern's trigger cannot match
those patterns, so only the patterns without a trigger (``counter``, ``separator``, ...) run
on it (``Gate``); the result is the one the combined regex gives, as the others could not
match anyway.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from cleaner.signs import Trigger, trigger


@dataclass(frozen=True, slots=True)
class Gate:
    """A combined regex, and the regex of its patterns without a trigger, with the union of
    the others' triggers: a line that meets none can only match the patterns of ``rest``,
    which then finds the same match as ``full`` would."""

    full: re.Pattern[str]
    rest: re.Pattern[str] | None
    words: frozenset[str]
    substrings: tuple[str, ...]
    prefixes: dict[str, tuple[str, ...]]
    """The prefixes by their first character."""
    rest_letters: frozenset[str] | None = None
    """The letters a ``rest`` match starts with (None: any; see ``first_letters``), for a
    regex that must match from the line's first character."""
    guards: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """A common word -> the literals one of which a line with it must have too (``guarded``)."""
    signal: frozenset[str] = frozenset()
    """``words`` and the words of ``guards``: most lines have none of them."""

    def regex(self, tokens: Iterable[str], lower: str) -> re.Pattern[str] | None:
        """The regex to run on a line with these lowercase words and text (None: no regex)."""
        if not self.signal.isdisjoint(tokens):
            found = self.signal.intersection(tokens)
            if not self.words.isdisjoint(found):
                return self.full
            for word in found:  # common words: the literal around one must be there too
                for literal in self.guards[word]:
                    if literal in lower:
                        return self.full
        starts = self.prefixes.get(lower[:1])
        if starts is not None and lower.startswith(starts):
            return self.full
        for substring in self.substrings:  # a loop: a generator per line costs more
            if substring in lower:
                return self.full
        letters = self.rest_letters
        if letters is not None and lower[:1].isalpha() and lower[:1] not in letters:
            return None
        return self.rest


def gate_of(regex: re.Pattern[str]) -> Gate:
    """The ``Gate`` of one regex searched in a text: the regex, or None when the line shows
    none of its signs (its lowercase words and text, as ``Gate.regex`` takes them)."""
    found = trigger(regex.pattern, fold=True, word_start=False)
    return gate(regex, None, [found]) if found is not None else gate(regex, regex, [])


def gate(
    full: re.Pattern[str],
    rest: re.Pattern[str] | None,
    triggers: Iterable[Trigger],
    rest_letters: frozenset[str] | None = None,
) -> Gate:
    """The ``Gate`` of a combined regex whose other patterns have these triggers."""
    words: set[str] = set()
    substrings: set[str] = set()
    prefixes: set[str] = set()
    guarded: dict[str, set[str]] = {}
    for t in triggers:
        words |= t.words
        substrings |= t.substrings
        prefixes |= t.prefixes
        for word, literal in t.guarded:
            guarded.setdefault(word, set()).add(literal)
    # a word that opens the gate alone needs no literal
    guards = {w: tuple(sorted(lits)) for w, lits in guarded.items() if w not in words}
    # a substring that contains another one adds nothing, nor a prefix that starts with one
    substrings = {s for s in substrings if not any(o != s and o in s for o in substrings)}
    prefixes = {p for p in prefixes if not any(o != p and p.startswith(o) for o in prefixes)}
    by_first: dict[str, tuple[str, ...]] = {}
    for p in sorted(prefixes):
        by_first[p[0]] = (*by_first.get(p[0], ()), p)
    return Gate(
        full,
        rest,
        frozenset(words),
        tuple(sorted(substrings)),
        by_first,
        rest_letters,
        guards,
        frozenset(words) | frozenset(guards),
    )
