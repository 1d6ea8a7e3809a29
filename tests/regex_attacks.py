"""Adversarial lines for every regular expression of the cleaner (issue 6: no catastrophic
backtracking).

Each pattern is read with Python's own regex parser; for every repeat in it (``+``, ``*``,
``{m,n}``) an attack line is built: text that matches everything before the repeat, the
repeat's body many times over, then a character that makes the rest fail, so that a
backtracking engine retries the repeat from every position. Patterns are the module-level
compiled regexes of every ``cleaner`` module, and every rule of the cruft lexicon
(:mod:`cleaner.patterns`) compiled as :mod:`cleaner.rules` compiles it.

Screening is done on short lines (:data:`SCREEN_CHARS`), where a quadratic pattern is still
quick to time; the slowest attack of each pattern is then made :data:`LINE_CHARS` long and
cleaned by :func:`cleaner.clean.clean_text` (the tests bound that time).
"""

from __future__ import annotations

import contextlib
import importlib
import math
import pkgutil
import re
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import cleaner
from cleaner.patterns import LEXICON

LINE_CHARS = 1_000_000
"""The length of an adversarial line (the issue's 1 MB; ASCII, so characters are bytes)."""

SCREEN_START = 64
SCREEN_CHARS = 8_192
"""The longest line every attack is timed on against its own pattern (doubling from 64)."""

SCREEN_STOP = 0.02
"""An attack that takes this long on its pattern is not grown further."""

SCREEN_LIMIT = 1.0
"""A match stopped after this long counts as catastrophic (infinitely slow)."""

LINE_BOUND_SECONDS = 5.0
"""The most :func:`clean_text` may take on one adversarial line: a linear pass over 1 MB
takes well under a second on a shared CI core; a pattern that backtracks quadratically takes
hours."""

TAILS = ("", "!", "\x01", "a")
"""What may follow the repeated body, to make the rest of the pattern fail."""

_CATEGORY_SAMPLE = {
    C.CATEGORY_DIGIT: "1",
    C.CATEGORY_NOT_DIGIT: "a",
    C.CATEGORY_SPACE: " ",
    C.CATEGORY_NOT_SPACE: "a",
    C.CATEGORY_WORD: "a",
    C.CATEGORY_NOT_WORD: " ",
}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}


@dataclass(frozen=True)
class Target:
    """One regular expression to attack: where it comes from and how it is compiled."""

    name: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Attack:
    """One adversarial line for a target: ``prefix + body * n + tail``."""

    target: Target
    prefix: str
    body: str
    tail: str

    def line(self, chars: int) -> str:
        """The attack about ``chars`` characters long."""
        repeats = max(1, (chars - len(self.prefix) - len(self.tail)) // len(self.body))
        return self.prefix + self.body * repeats + self.tail


def targets() -> list[Target]:
    """Every compiled module-level regex in ``cleaner``, and every lexicon rule."""
    found: dict[tuple[str, int], Target] = {}
    for info in pkgutil.walk_packages(cleaner.__path__, "cleaner."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for attr, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                key = (value.pattern, value.flags)
                found.setdefault(key, Target(f"{info.name}.{attr}", value))
    for language, rules in LEXICON.items():
        for name, _, kind, regex in rules:
            flags = re.IGNORECASE if kind == "line" else 0
            compiled = re.compile(regex if kind == "line" else r"(?<!\w)(?:" + regex + ")", flags)
            found.setdefault(
                (compiled.pattern, flags), Target(f"lexicon.{language}.{name}", compiled)
            )
    return list(found.values())


def sample(seq: Any) -> str:
    """A short string that the parsed pattern ``seq`` matches (best effort)."""
    return "".join(_sample_node(op, av) for op, av in seq)


def _sample_node(op: Any, av: Any) -> str:
    if op is C.LITERAL:
        return chr(av)
    if op is C.NOT_LITERAL:
        return "a" if av != ord("a") else "b"
    if op is C.ANY:
        return "a"
    if op is C.IN:
        return _sample_set(av)
    if op is C.BRANCH:
        return sample(av[1][0])
    if op is C.SUBPATTERN:
        return sample(av[3])
    if op in _REPEATS:
        low, _, sub = av
        return sample(sub) * low
    if op is C.ATOMIC_GROUP:
        return sample(av)
    return ""  # anchors, look-arounds, group references


def _sample_set(items: Any) -> str:
    negate = any(op is C.NEGATE for op, _ in items)
    members = []
    for op, av in items:
        if op is C.LITERAL:
            members.append(chr(av))
        elif op is C.RANGE:
            members.append(chr(av[0]))
        elif op is C.CATEGORY:
            members.append(_CATEGORY_SAMPLE.get(av, "a"))
    if not negate:
        return members[0] if members else "a"
    candidates = "a1 .-_x,;é"
    pattern = re.compile("[" + "".join(re.escape(m) for m in members) + "]" if members else "(?!)")
    return next((c for c in candidates if not pattern.match(c)), "z")


def attacks(target: Target) -> Iterator[Attack]:
    """One attack per repeat of the pattern, for each tail."""
    tree = sre_parse.parse(target.pattern.pattern, target.pattern.flags)
    seen: set[tuple[str, str]] = set()
    for prefix, body in _repeats(list(tree), ""):
        if body and (prefix, body) not in seen:
            seen.add((prefix, body))
            for tail in TAILS:
                yield Attack(target, prefix, body, tail)


def _repeats(seq: list[Any], outer: str) -> Iterator[tuple[str, str]]:
    """``(text before, body)`` for every repeat inside ``seq``, nested ones too."""
    for i, (op, av) in enumerate(seq):
        before = outer + sample(seq[:i])
        if op in _REPEATS:
            _, high, sub = av
            if high is C.MAXREPEAT or high > 1:
                yield before, sample(sub) or sample(sub[:1])
            yield from _repeats(list(sub), before)
        elif op is C.BRANCH:
            for alternative in av[1]:
                yield from _repeats(list(alternative), before)
        elif op is C.SUBPATTERN:
            yield from _repeats(list(av[3]), before)
        elif op is C.ATOMIC_GROUP or op in (C.ASSERT, C.ASSERT_NOT):
            inner = av if op is C.ATOMIC_GROUP else av[1]
            yield from _repeats(list(inner), before)


class TooSlow(Exception):
    """Raised by the alarm when one match or one cleaning runs past its bound."""


def _alarm(signum: int, frame: object) -> None:
    raise TooSlow


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`TooSlow` in the block after ``seconds`` (``re`` checks for signals while
    it backtracks, so a catastrophic match is stopped)."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def time_pattern(pattern: re.Pattern[str], text: str, limit: float = SCREEN_LIMIT) -> float:
    """Seconds for the slowest of ``search``, ``match`` and ``fullmatch`` on ``text``
    (``math.inf`` past ``limit``)."""
    worst = 0.0
    for method in (pattern.search, pattern.match, pattern.fullmatch):
        start = time.perf_counter()
        try:
            with time_limit(limit):
                method(text)
        except TooSlow:
            return math.inf
        worst = max(worst, time.perf_counter() - start)
    return worst


@dataclass(frozen=True)
class Screened:
    """The slowest attack found for one target: the longest line it was timed on (lines
    grow by doubling until one takes :data:`SCREEN_STOP` seconds) and that time."""

    attack: Attack
    chars: int
    seconds: float

    @property
    def per_megabyte(self) -> float:
        """The time extrapolated linearly to :data:`LINE_CHARS` (a lower bound when the
        pattern backtracks)."""
        return self.seconds * LINE_CHARS / self.chars


def screen(target: Target) -> Screened | None:
    """Time every attack on the target; the slowest, or None when the pattern has no repeat."""
    worst: Screened | None = None
    for attack in attacks(target):
        chars, seconds = SCREEN_START, 0.0
        while True:
            seconds = time_pattern(target.pattern, attack.line(chars))
            if seconds >= SCREEN_STOP or chars >= SCREEN_CHARS:
                break
            chars *= 2
        found = Screened(attack, chars, seconds)
        if worst is None or found.per_megabyte > worst.per_megabyte:
            worst = found
    return worst


@dataclass(frozen=True)
class Slowest:
    """The figures for the closing note: lines cleaned, the longest time and its bound."""

    lines: int
    seconds: float
    name: str
    bound: float
    past_bound: tuple[str, ...] = ()
    """Lines stopped at the bound (their time is at least the bound)."""


def adversarial_lines() -> dict[str, str]:
    """One :data:`LINE_CHARS` line per target with a repeat (its slowest attack), by target
    name; targets whose attack makes the same line share it."""
    lines: dict[str, str] = {}
    made: set[str] = set()
    for target in targets():
        worst = screen(target)
        if worst is None:
            continue
        line = worst.attack.line(LINE_CHARS)
        if line not in made:
            made.add(line)
            lines[target.name] = line
    return lines


def clean_seconds(line: str, bound: float = LINE_BOUND_SECONDS) -> float:
    """Seconds :func:`clean_text` takes on ``line``; ``math.inf`` when stopped at 4 x bound."""
    from cleaner.clean import clean_text

    start = time.perf_counter()
    try:
        with time_limit(4 * bound):
            clean_text(line)
    except TooSlow:
        return math.inf
    return time.perf_counter() - start


def slowest_lines() -> Slowest:
    """Clean every adversarial line (each stopped at the bound); the longest time within the
    bound, and the lines stopped at it (as the report prints them)."""
    longest, which, stopped = 0.0, "", []
    lines = adversarial_lines()
    for name, line in lines.items():
        seconds = clean_seconds(line, LINE_BOUND_SECONDS / 4)
        if math.isinf(seconds):
            stopped.append(name)
        elif seconds > longest:
            longest, which = seconds, name
    return Slowest(len(lines), longest, which, LINE_BOUND_SECONDS, tuple(stopped))
