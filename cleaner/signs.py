r"""Signs of a regex, read off its parse tree: what every match of it shows.

``trigger`` finds words every match has as whole words (a common word with the literal text
around it), else substrings it contains, or (a pattern matched against the whole line, or
anchored at its start) the literal prefixes every match starts with; ``first_letters`` the
letters a match can start with. The parse tree is ``re``'s own (``re._parser``). Strings are
tracked with ``EDGE`` marks where no word can run across (a non-word character, the text's
edge), which make a word in them whole.

>>> t = trigger(r"leave a (?:reply|comment)|comments? (?:are|have been) closed")
>>> sorted(t.words), sorted(t.substrings)
(['comment', 'comments', 'leave'], [])
>>> sorted(trigger(r"(?:main menu|menu|search)", fold=True, whole=True).prefixes)
['main menu', 'menu', 'search']
>>> trigger(r"[\W_]+") is None
True
"""

from __future__ import annotations

import re
import re._parser as sre_parse  # the regex parser of ``re`` itself (private, but stable)
from re._constants import (  # the node types of ``re._parser``'s parse tree
    ASSERT,
    ASSERT_NOT,
    AT,
    AT_BEGINNING,
    AT_BEGINNING_STRING,
    AT_BOUNDARY,
    AT_END,
    AT_END_STRING,
    BRANCH,
    CATEGORY,
    CATEGORY_DIGIT,
    CATEGORY_NOT_WORD,
    CATEGORY_SPACE,
    CATEGORY_WORD,
    IN,
    LITERAL,
    MAX_REPEAT,
    MIN_REPEAT,
    NEGATE,
    SUBPATTERN,
)
from typing import Any, NamedTuple

EDGE = "\0"
"""Marks a point no word runs across: a non-word character or the text's edge is beside it."""
MAX_STRINGS = 256
"""Largest set of exact strings tracked for one part of a pattern (beyond it: not exact)."""
WORD_CHAR = re.compile(r"\w")
WORD_RUN = re.compile(r"\w+")
EDGES = (AT_BEGINNING, AT_BEGINNING_STRING, AT_BOUNDARY, AT_END, AT_END_STRING)
NOT_WORD = [(IN, [(CATEGORY, CATEGORY_WORD)])]
"""The parse of ``[\\w]`` (and of ``\\w``): ``(?<!\\w)`` and ``(?!\\w)`` assert an edge."""
NON_WORD_CLASSES = ([(CATEGORY, CATEGORY_SPACE)], [(CATEGORY, CATEGORY_NOT_WORD)],
                    [(NEGATE, None), (CATEGORY, CATEGORY_WORD)])  # fmt: skip
r"""The parses of ``\s``, ``\W`` and ``[^\w]``: classes of non-word characters."""
NO_LETTERS = (CATEGORY_DIGIT, CATEGORY_SPACE, CATEGORY_NOT_WORD)
r"""Classes without a letter: ``\d``, ``\s``, ``\W``."""


class Trigger(NamedTuple):
    """Every match of a pattern contains one of ``words`` as a whole word, one of
    ``substrings``, or the word of one of ``guarded`` as a whole word and its literal; or (a
    whole-text pattern) starts with one of ``prefixes``."""

    words: frozenset[str] = frozenset()
    substrings: frozenset[str] = frozenset()
    prefixes: frozenset[str] = frozenset()
    guarded: frozenset[tuple[str, str]] = frozenset()
    """(word, literal) pairs: a common word, which most prose has ("by"), and the literal text
    around it in the pattern ("by clicking"), which a line must have as well."""


class _Sign(NamedTuple):
    """The cheapest sure sign of one string (see ``_sign``)."""

    kind: str
    """``word``, ``guarded`` (a common word, and ``literal``) or ``substring``."""
    text: str
    literal: str = ""


class _Info(NamedTuple):
    """What a part of a pattern matches, as far as literal strings tell."""

    exact: frozenset[str] | None
    """Every string the part can match (with ``EDGE`` marks), or None when too many."""
    first: frozenset[str] | None
    """Strings one of which every match starts with, or None when none is known."""
    required: frozenset[str] | None
    """Strings one of which every match contains, or None when none is known."""
    last: frozenset[str] | None = None
    """Strings one of which every match ends with ("": maybe nothing), or None."""


NOTHING = frozenset({""})
UNKNOWN = _Info(None, None, None)
EMPTY = _Info(frozenset({""}), None, None)
AN_EDGE = _Info(frozenset({EDGE}), frozenset({EDGE}), None, frozenset({EDGE}))


def _known(strings: frozenset[str] | None) -> frozenset[str] | None:
    """``strings`` when they say something (none of them is empty), else None."""
    if strings is None or "" in strings:
        return None
    return strings


def _join(left: frozenset[str], right: frozenset[str]) -> frozenset[str] | None:
    """Every string of ``left`` followed by every string of ``right`` (None when too many)."""
    if len(left) * len(right) > MAX_STRINGS:
        return None
    return frozenset(a + b for a in left for b in right)


def trigger(
    pattern: str,
    fold: bool = False,
    whole: bool = False,
    common: frozenset[str] = frozenset(),
    word_start: bool = True,
) -> Trigger | None:
    """The trigger of a pattern (lowercase when ``fold``), or None when it has none.

    The pattern is taken as the lexicon uses it: matched where a word starts (unless not
    ``word_start``), or (``whole``, the ``line`` kind) to the whole text, whose start then
    says most: a pattern whose matches all start with a literal is triggered by those
    ``prefixes``. ``common`` words are in most texts: other signs are chosen before them.
    """
    items = sre_parse.parse(pattern, re.IGNORECASE if fold else 0).data
    anchored = items[:1] in ([(AT, AT_BEGINNING)], [(AT, AT_BEGINNING_STRING)])
    if whole or anchored:  # every match is at the text's start
        first = _sequence(items[1:] if anchored else items, fold, common).first
        # the literal start of each (an edge there may stand for characters: no prefix)
        starts = {s.split(EDGE)[0] for s in first or ()}
        if first is not None and "" not in starts:
            return Trigger(prefixes=frozenset(starts))
    end = r"(?!\w)" if whole else ""
    start = r"(?<!\w)" if word_start or whole else ""
    tree = sre_parse.parse(rf"{start}(?:{pattern}){end}", re.IGNORECASE if fold else 0)
    required = _sequence(tree.data, fold, common).required
    if required is None:
        return None
    signs = [_sign(s, common) for s in required]
    if any(not sign.text for sign in signs):  # an edge alone: no sign at all
        return None
    return Trigger(
        words=frozenset(sign.text for sign in signs if sign.kind == "word"),
        substrings=frozenset(sign.text for sign in signs if sign.kind == "substring"),
        guarded=frozenset((sign.text, sign.literal) for sign in signs if sign.kind == "guarded"),
    )


def _sign(string: str, common: frozenset[str]) -> _Sign:
    """The cheapest sure sign of ``string`` in a text: a whole word in it (a rare one if it has
    one; a common one with the longest literal part, when that says more), else its longest
    literal part."""
    whole = [w for w in WORD_RUN.findall(string) if _whole(w, string)]
    rare = [w for w in whole if w not in common]
    literal = max(string.split(EDGE), key=len)
    if rare:
        return _Sign("word", max(rare, key=len))
    if whole:
        word = max(whole, key=len)
        return _Sign("guarded", word, literal) if len(literal) > len(word) else _Sign("word", word)
    return _Sign("substring", literal)


def _whole(word: str, string: str) -> bool:
    """True when ``word`` occurs in ``string`` with an edge or a non-word on both sides."""
    for m in re.finditer(re.escape(word), string):
        before = string[m.start() - 1] if m.start() else ""
        after = string[m.end()] if m.end() < len(string) else ""
        if before and after and not WORD_CHAR.match(before) and not WORD_CHAR.match(after):
            return True
    return False


def _node(
    op: Any,
    av: Any,
    fold: bool,
    common: frozenset[str],
    before: frozenset[str] = NOTHING,
    after: frozenset[str] = NOTHING,
) -> _Info:
    """What one node of the parse tree matches (a group or an alternation: between ``before``
    and ``after``, see ``_sequence``)."""
    if op is LITERAL:
        char = frozenset({chr(av).lower() if fold else chr(av)})
        return _Info(char, char, char, char)
    if op is IN:
        if av in NON_WORD_CLASSES:
            return AN_EDGE
        if len(av) > 8 or any(o is not LITERAL for o, _ in av):
            return UNKNOWN
        chars = frozenset(chr(c).lower() if fold else chr(c) for _, c in av)
        return _Info(chars, chars, chars, chars)
    if op is AT:
        return AN_EDGE if av in EDGES else EMPTY
    if op is ASSERT_NOT:
        return AN_EDGE if av[1].data == NOT_WORD else EMPTY
    if op is ASSERT:
        return EMPTY
    if op is SUBPATTERN:
        _, add, remove, tree = av
        fold = (fold or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
        return _sequence(tree.data, fold, common, before, after)
    if op is BRANCH:
        return _either([_sequence(b.data, fold, common, before, after) for b in av[1]])
    if op in (MAX_REPEAT, MIN_REPEAT):
        low, high, tree = av
        inner = _sequence(tree.data, fold, common)
        if inner.exact == AN_EDGE.exact:  # a run of non-word characters
            return AN_EDGE if low else _Info(frozenset({EDGE, ""}), None, None)
        last = inner.last if low else _maybe(inner.last)
        if low == 0:
            if high == 1 and inner.exact is not None:
                return _Info(inner.exact | {""}, None, None)
            if high == 0 or (inner.first is None and last is None):
                return EMPTY if high == 0 else UNKNOWN
            # may be empty: see ``_sequence``
            return _Info(None, _maybe(inner.first), None, last)
        if low == high == 1:
            return inner
        return _Info(None, inner.first, inner.required, last)
    return UNKNOWN


def _union(sets: list[frozenset[str] | None]) -> frozenset[str] | None:
    """The union of the sets, or None when one is None."""
    if any(s is None for s in sets):
        return None
    return frozenset().union(*sets)  # type: ignore[arg-type]


def _either(options: list[_Info]) -> _Info:
    """What one of several alternatives matches."""
    exact = _union([o.exact for o in options])
    if exact is not None and len(exact) > MAX_STRINGS:
        exact = None
    first = _known(_union([o.first for o in options]))
    required = _known(exact) or _known(_union([o.required for o in options]))
    return _Info(exact, first, required, _union([o.last for o in options]))


def _sequence(
    items: list[tuple[Any, Any]],
    fold: bool,
    common: frozenset[str],
    before: frozenset[str] = NOTHING,
    after: frozenset[str] = NOTHING,
) -> _Info:
    """What a sequence of nodes matches between ``before`` and ``after``: exact runs joined,
    the most selective required set kept. A group or an alternation is read between the run
    before it and the node after it (when that is exact), so that its alternatives know what
    is around them (an edge, say): its strings then include both."""
    run: frozenset[str] | None = before  # the exact strings since the last break
    ended: frozenset[str] = frozenset()  # matches whose run a non-empty optional part ended
    first: frozenset[str] | None = None
    broken = False
    candidates: list[frozenset[str] | None] = []
    skip = False
    for k, (op, av) in enumerate(items):
        if skip:  # read with the group before it
            skip = False
            continue
        if op in (SUBPATTERN, BRANCH) and run is not None and not ended:
            follow: frozenset[str] | None = NOTHING
            if k + 1 == len(items):
                follow, after = after, NOTHING
            elif items[k + 1][0] not in (SUBPATTERN, BRANCH):
                follow = _node(*items[k + 1], fold, common).exact
                skip = follow is not None
            info = _node(op, av, fold, common, run, follow or NOTHING)
            if info.exact is not None:
                run = info.exact
                continue
            if not broken:
                first, broken = info.first, True
            candidates.append(info.required)
            run = info.last  # its strings started with the run: its ends include it
            continue
        info = _node(op, av, fold, common)
        joined = _join(run, info.exact) if run is not None and info.exact is not None else None
        if joined is not None:
            run = joined
            continue
        head = _join(run, info.first) if run is not None and info.first is not None else None
        if head is not None and "" in info.first and info.last is None:  # type: ignore[operator]
            # an optional part: where it matched something, the strings end (unknown after);
            # where it matched nothing, the run goes on past it
            ended |= _join(run, info.first - {""}) or frozenset()  # type: ignore[arg-type,operator]
            continue
        # the run breaks here: it, it followed by this node's start, and this node are required
        if not broken:
            first = _known(_union([head, ended])) or _known(_union([run, ended]))
            broken = True
        candidates += [_known(_union([run, ended])), _known(_union([head, ended])), info.required]
        run, ended = _ends(info, run), frozenset()
    run = _join(run, after) if run is not None else None
    candidates.append(_known(_union([run, ended])))
    last = None if ended else run
    if not broken:
        whole = _union([run, ended])
        return _Info(None if ended else run, _known(whole), _best(candidates, common), last)
    return _Info(None, first, _best(candidates, common), last)


def _maybe(strings: frozenset[str] | None) -> frozenset[str] | None:
    """``strings`` or nothing."""
    return None if strings is None else strings | {""}


def _ends(info: _Info, before: frozenset[str] | None) -> frozenset[str] | None:
    """What the text up to the end of a node's match ends with, ``before`` being what came
    before it: its exact strings after ``before``, else its own ends ("" standing for
    ``before``, when it may match nothing)."""
    if info.exact is not None:
        return info.exact if before is None else _join(before, info.exact)
    if info.last is None or "" not in info.last:
        return info.last
    if before is None:
        return None
    return (info.last - {""}) | before


def _best(candidates: list[frozenset[str] | None], common: frozenset[str]) -> frozenset[str] | None:
    """The most selective of the required sets."""
    known = [c for c in candidates if c is not None]
    return max(known, key=lambda c: _score(c, common), default=None)


def _score(strings: frozenset[str], common: frozenset[str]) -> tuple[int, int]:
    """How selective a required set is: its weakest sign first, then fewer strings."""
    return min(_cost(_sign(s, common), common) for s in strings), -len(strings)


def _cost(sign: _Sign, common: frozenset[str]) -> int:
    """How good a sign is: a rare whole word is free to test, a substring costs a search (a
    common word's literal is searched only in the lines that have the word)."""
    if sign.kind != "substring":
        return (100 if sign.text not in common else 50) + len(sign.text)
    return len(sign.text)


def first_letters(pattern: str, fold: bool = False) -> frozenset[str] | None:
    """The letters a match of ``pattern`` can start with (lowercase when ``fold``), or None
    when it may start with any; it may start with a character that is no letter all the same.

    >>> sorted(first_letters(r"(?:video|audio)?\\s*\\d{1,2}:\\d\\d"))
    ['a', 'v']
    >>> first_letters(r"[\\w ]{0,20}weather") is None
    True
    """
    letters, _ = _starts(sre_parse.parse(pattern, re.IGNORECASE if fold else 0).data, fold)
    return letters


def _starts(items: list[tuple[Any, Any]], fold: bool) -> tuple[frozenset[str] | None, bool]:
    """The letters a sequence's match can start with (None: any), and whether it may be empty."""
    letters: frozenset[str] = frozenset()
    for op, av in items:
        found, empty = _start(op, av, fold)
        if found is None:
            return None, False
        letters |= found
        if not empty:
            return letters, False
    return letters, True


def _start(op: Any, av: Any, fold: bool) -> tuple[frozenset[str] | None, bool]:
    """``_starts`` for one node."""
    if op is LITERAL:
        char = chr(av).lower() if fold else chr(av)
        return frozenset({char} if char.isalpha() else ()), False
    if op is IN:
        chars = []
        for item, value in av:
            if item is LITERAL:
                chars.append(chr(value).lower() if fold else chr(value))
            elif not (item is CATEGORY and value in NO_LETTERS):
                return None, False
        return frozenset(c for c in chars if c.isalpha()), False
    if op in (AT, ASSERT, ASSERT_NOT):
        return frozenset(), True
    if op is SUBPATTERN:
        _, add, remove, tree = av
        fold = (fold or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
        return _starts(tree.data, fold)
    if op is BRANCH:
        options = [_starts(branch.data, fold) for branch in av[1]]
        return _union([o[0] for o in options]), any(o[1] for o in options)
    if op in (MAX_REPEAT, MIN_REPEAT):
        letters, empty = _starts(av[2].data, fold)
        return letters, empty or av[0] == 0
    return None, False
