"""Named cleaning rules: the registry of rule name -> category, and the compiled lexicon.

Every removal records the rule that made it. Lexicon rules come from ``cleaner.patterns``;
the structural rules (decided in ``cleaner.lines`` from features and neighbours) are named here
so that the registry lists every rule the cleaner can report.

>>> lexicon = load_lexicon("en")
>>> lexicon.match("Leave a Reply", 3)
('comments-prompt', 'comments')
>>> lexicon.match("The minister said on Friday that talks would go on.", 10) is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from cleaner.language import load_stoplists
from cleaner.patterns import LEXICON, Pattern
from cleaner.prefilter import Gate, gate
from cleaner.signs import first_letters, trigger

STRUCTURAL_RULES: dict[str, str] = {
    "title": "title",
    "dek": "dek",
    "body-prose": "body",
    "body-context": "body",
    "blank": "blank",
    "duplicate-title": "duplicate",
    "caption-credit": "caption",
    "caption-repeat": "caption",
    "inline-card-caption": "caption",
    "inline-card-headline": "teaser",
    "inline-list": "teaser",
    "teaser-list": "teaser",
    "repeated-line": "duplicate",
    "glued-teaser": "teaser",
    "pre-body-caption": "caption",
    "truncated-teaser": "teaser",
    "name-line": "byline",
    "date-line": "byline",
    "outside-body": "nav",
    "outside-body-teaser": "teaser",
    "section-context": "nav",
    "template-line": "nav",
}
"""Rules decided from features and context; the category is a default that context may refine."""


COMMENT_SECTION_RULES = frozenset(
    {"comments-prompt", "comment-header", "comments-prompt-de", "comments-prompt-es",
     "comments-prompt-fr"}
)  # fmt: skip
"""Rules whose line opens a comment section: once the body has text, the body ends there."""


SECTION_OPENERS = ("related-header", "read-more-prompt", "comments-prompt", "comment-header",
                   "support-header", "newsletter-prompt")  # fmt: skip
"""Rule-name prefixes of lines that head a page section (teasers, comments, a donation box):
unclassified lines after them outside the body take the section's category."""


def opens_section(rule: str) -> bool:
    """True when a line removed by ``rule`` heads a section of the page."""
    return rule.startswith(SECTION_OPENERS)


def _group(rule: str) -> str:
    return rule.replace("-", "_")


def _combined(patterns: list[Pattern], kind: str, flags: int = 0) -> re.Pattern[str] | None:
    """One regex for all patterns of a kind; phrases may only start where a word starts.

    The ``(?<!\\w)`` guard also makes the search about three times faster: ``re`` then skips
    the positions inside words instead of trying every alternative there. Each pattern is
    named by an empty group after it, not by a group around it: ``re`` then tests the first
    character of a pattern's alternatives before entering it (``lastgroup`` is the same).
    """
    parts = [f"(?:{rx})(?P<{_group(name)}>)" for name, _, k, rx in patterns if k == kind]
    if not parts:
        return None
    guard = "" if kind == "line" else r"(?<!\w)"
    return re.compile(guard + "(?:" + "|".join(parts) + ")", flags)


def plain_ascii(text: str) -> bool:
    """True when ``re.ASCII`` matches ``text`` exactly as the default Unicode mode does.

    On ASCII characters the two modes differ only in ``\\s``, which in Unicode mode also
    matches the separators ``\\x1c``-``\\x1f`` (not printable), and in case folding with
    the long s, the Kelvin sign and the Turkish dotted and dotless i, which no pattern contains
    (a test checks it).
    """
    return text.isascii() and text.isprintable()


FOLDS_TO_ASCII = frozenset("\u017f\u212a\u0131\u0130")
"""Letters ``re.IGNORECASE`` matches to ASCII letters though ``str.lower`` does not map them
there (the long s, the Kelvin sign, the dotless and the dotted I): a line that has one may
match a ``line`` pattern that its lowercase words do not show."""


@dataclass(frozen=True, slots=True)
class Kinds:
    """The combined regex of each kind of pattern (None when a language has none)."""

    line: Gate | None
    phrase: Gate | None
    hint: Gate | None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One language's cruft patterns, compiled into one regex per kind.

    Each regex is compiled twice: for any text, and with ``re.ASCII`` (about 20% faster) for
    the plain ASCII lines most pages are made of (see ``plain_ascii``).
    """

    language: str
    unicode: Kinds
    ascii: Kinds
    categories: dict[str, str]
    """Regex group name -> (rule name, category)."""
    names: dict[str, str]

    def match(
        self,
        text: str,
        words: int,
        line_max: int = 15,
        hint_max: int = 25,
        lower: str = "",
        tokens: list[str] | None = None,
    ) -> tuple[str, str] | None:
        """``(rule, category)`` of the first lexicon rule the stripped line matches, or None.

        Phrase and hint patterns run on the lowercased line (``lower``, computed if not given):
        case-insensitive matching is several times slower in ``re``. ``tokens`` are the words
        of ``lower`` (``\\w+``), found if not given.
        """
        plain = plain_ascii(text)
        kinds = self.ascii if plain else self.unicode
        lower = lower or text.lower()
        if tokens is None:
            tokens = re.findall(r"\w+", lower)
        m = None
        if words <= line_max and kinds.line is not None:
            if plain or FOLDS_TO_ASCII.isdisjoint(text):
                line = kinds.line.regex(tokens, lower)
            else:
                line = kinds.line.full
            m = line.fullmatch(text) if line is not None else None
        if m is None and kinds.phrase is not None:
            phrase = kinds.phrase.regex(tokens, lower)
            m = phrase.search(lower) if phrase is not None else None
        if m is None and words <= hint_max and kinds.hint is not None:
            hint = kinds.hint.regex(tokens, lower)
            m = hint.search(lower) if hint is not None else None
        if m is None or m.lastgroup is None:
            return None
        return self.names[m.lastgroup], self.categories[m.lastgroup]


def _gated(patterns: list[Pattern], kind: str, flags: int, common: frozenset[str]) -> Gate | None:
    """The gated regex of a kind of patterns (None when there are none)."""
    ours = [p for p in patterns if p[2] == kind]
    line = kind == "line"
    triggers = {p[0]: trigger(p[3], fold=line, whole=line, common=common) for p in ours}
    for name, _, _, rx in ours:
        t = triggers[name]
        if line and t is not None and t.substrings and first_letters(rx, fold=True) is not None:
            triggers[name] = None  # its first letter rules most lines out, faster than a search
    full = _combined(ours, kind, flags)
    if full is None:
        return None
    others = [p for p in ours if triggers[p[0]] is None]
    rest = _combined(others, kind, flags)
    letters = [first_letters(p[3], fold=True) for p in others] if line else [None]
    return gate(
        full,
        rest,
        [t for t in triggers.values() if t is not None],
        None if None in letters else frozenset().union(*letters),
    )


def _kinds(patterns: list[Pattern], common: frozenset[str], flags: int = 0) -> Kinds:
    """The combined regex of each kind of a language's patterns, compiled with ``flags``.

    ``common`` are words too frequent to gate a regex by (see ``cleaner.prefilter``).
    """
    return Kinds(
        line=_gated(patterns, "line", re.IGNORECASE | flags, common),
        phrase=_gated(patterns, "phrase", flags, common),
        hint=_gated(patterns, "hint", flags, common),
    )


@lru_cache(maxsize=16)
def load_lexicon(language: str | None) -> Lexicon:
    """The compiled lexicon for a language: its own patterns (if any) plus the ``any`` ones."""
    patterns = list(LEXICON.get(language or "", ())) + list(LEXICON["any"])
    stopwords = load_stoplists().words
    common = stopwords.get(language or "", frozenset()) | stopwords["en"]
    return Lexicon(
        language=language or "any",
        unicode=_kinds(patterns, common),
        ascii=_kinds(patterns, common, re.ASCII),
        categories={_group(name): cat for name, cat, _, _ in patterns},
        names={_group(name): name for name, _, _, _ in patterns},
    )


def registry() -> dict[str, str]:
    """Every rule name the cleaner can report, with its (default) category."""
    rules = dict(STRUCTURAL_RULES)
    for patterns in LEXICON.values():
        rules.update({name: category for name, category, _, _ in patterns})
    return rules
