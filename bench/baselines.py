"""Reference extractors the cleaner is compared with: each maps a page dump to article text.

* ``untouched``: the dump as it is (recall ~1, the floor for precision).
* ``min_words``: keep the lines of at least 10 words.
* ``c4_lines``: the line rules of C4 (Raffel et al. 2020), as TensorFlow Datasets implements
  them in ``tensorflow_datasets/text/c4_utils.py`` ``clean_page``: strip each line, drop lines
  with a word over 1000 characters, remove ``[1]``/``[edit]``/``[citation needed]``, keep only
  lines ending in ``. ? ! "`` (not ``...``) with at least 5 words, drop lines mentioning
  "javascript" or a cookie/terms-of-use/privacy-policy phrase. C4's page-level filters (drop
  the page on "lorem ipsum", a ``{``, fewer than 3 sentences, bad words) are left out: they
  decide which pages to keep, not which text of a page is the article.

>>> c4_lines("Menu\\nThis line has five words.\\nToo short here.")
'This line has five words.'
"""

from __future__ import annotations

import re
from collections.abc import Callable

C4_MIN_WORDS_PER_LINE = 5
C4_MAX_WORD_LENGTH = 1000
C4_END_MARKS = (".", "?", "!", '"')
C4_ELLIPSIS = "..."
C4_POLICY_SUBSTRINGS = (
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
)
C4_CITATION_RE = re.compile(r"\[\d*\]|\[edit\]|\[citation needed\]")
MIN_WORDS = 10


def untouched(text: str) -> str:
    """The dump itself."""
    return text


def min_words(text: str, words: int = MIN_WORDS) -> str:
    """The lines of at least ``words`` whitespace-separated words."""
    return "\n".join(line for line in text.splitlines() if len(line.split()) >= words)


def _c4_keeps(line: str) -> bool:
    if not line.endswith(C4_END_MARKS) or line.endswith(C4_ELLIPSIS):
        return False
    if len(line.split()) < C4_MIN_WORDS_PER_LINE:
        return False
    lower = line.lower()
    return "javascript" not in lower and not any(p in lower for p in C4_POLICY_SUBSTRINGS)


def c4_lines(text: str) -> str:
    """The lines C4's line rules keep (citations removed)."""
    lines = (line.strip() for line in text.splitlines())
    cited = (
        C4_CITATION_RE.sub("", line)
        for line in lines
        if all(len(word) <= C4_MAX_WORD_LENGTH for word in line.split())
    )
    return "\n".join(line for line in cited if _c4_keeps(line))


BASELINES: dict[str, Callable[[str], str]] = {
    "untouched dump": untouched,
    f"lines >= {MIN_WORDS} words": min_words,
    "C4 line rules": c4_lines,
}
