"""Per-document language detection from the jusText stoplists (about 100 languages).

>>> stoplists = load_stoplists()
>>> detect_language("Der Hund und die Katze sind nicht in dem Haus, aber sie sind da.".split(),
...                 stoplists)
'de'
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

# jusText names its stoplists in English; the ones with an ISO 639-1 code get it.
ISO_CODES = {
    "Afrikaans": "af", "Albanian": "sq", "Arabic": "ar", "Armenian": "hy", "Basque": "eu",
    "Belarusian": "be", "Bosnian": "bs", "Breton": "br", "Bulgarian": "bg", "Catalan": "ca",
    "Croatian": "hr", "Czech": "cs", "Danish": "da", "Dutch": "nl", "English": "en",
    "Esperanto": "eo", "Estonian": "et", "Finnish": "fi", "French": "fr", "Galician": "gl",
    "Georgian": "ka", "German": "de", "Greek": "el", "Hebrew": "he", "Hindi": "hi",
    "Hungarian": "hu", "Icelandic": "is", "Indonesian": "id", "Irish": "ga", "Italian": "it",
    "Kazakh": "kk", "Korean": "ko", "Latin": "la", "Latvian": "lv", "Lithuanian": "lt",
    "Macedonian": "mk", "Malay": "ms", "Norwegian_Bokmal": "nb", "Norwegian_Nynorsk": "nn",
    "Persian": "fa", "Polish": "pl", "Portuguese": "pt", "Romanian": "ro", "Russian": "ru",
    "Serbian": "sr", "Slovak": "sk", "Slovenian": "sl", "Spanish": "es", "Swahili": "sw",
    "Swedish": "sv", "Tagalog": "tl", "Turkish": "tr", "Ukrainian": "uk", "Urdu": "ur",
    "Vietnamese": "vi", "Welsh": "cy",
}  # fmt: skip
COUNT_BITS = 16
"""Width of one language's hit count in a packed score: ``detect_language`` reads at most
``2**16 - 1`` tokens, so no count overflows into the next language's field."""
COUNT_MASK = 2**COUNT_BITS - 1
SAMPLE_TOKENS = 1000
"""Language detection reads at most this many tokens."""
MIN_HIT_SHARE = 0.1
"""Stopwords of the detected language must be at least this share of the sampled tokens."""
SKIPPED = frozenset({"Simple_English"})
"""Stoplists that duplicate another language's."""


@dataclass(frozen=True, slots=True)
class Stoplists:
    """Stopwords per language code, and the inverted index word -> languages that use it."""

    words: dict[str, frozenset[str]]
    languages_of: dict[str, tuple[str, ...]]
    ranked: tuple[str, ...]
    """Language codes by stoplist size, then code: a tie goes to the first (see below)."""
    packed: dict[str, int]
    """Word -> an int holding a 1 in the ``COUNT_BITS``-bit field of each language (in
    ``ranked`` order) that uses the word: summing them counts the hits of every language at
    once, in C, instead of one dictionary update per word and language."""
    shift: dict[str, int]
    """Language code -> the position of its field in a packed score."""

    def count(self, hits: int, code: str) -> int:
        """The hits of language ``code`` among packed ``hits`` (see ``packed``).

        >>> stoplists = load_stoplists()
        >>> stoplists.count(packed_hits(["the", "dog", "and", "the"], stoplists), "en")
        3
        """
        return (hits >> self.shift[code]) & COUNT_MASK


@lru_cache(maxsize=1)
def load_stoplists() -> Stoplists:
    """Load jusText's stoplists once (immutable after loading)."""
    import justext  # a trafilatura dependency; imported lazily because loading takes a moment

    words: dict[str, frozenset[str]] = {}
    for name in sorted(justext.get_stoplists() - SKIPPED):
        code = ISO_CODES.get(name, name.lower())
        words[code] = frozenset(w.lower() for w in justext.get_stoplist(name))
    index: dict[str, list[str]] = {}
    for code, stopwords in words.items():
        for word in stopwords:
            index.setdefault(word, []).append(code)
    ranked = tuple(sorted(words, key=lambda c: (len(words[c]), c)))
    field_of = {code: COUNT_BITS * k for k, code in enumerate(ranked)}
    packed = {w: sum(1 << field_of[c] for c in codes) for w, codes in index.items()}
    languages_of = {w: tuple(codes) for w, codes in index.items()}
    return Stoplists(words, languages_of, ranked, packed, field_of)


def detect_language(
    tokens: Iterable[str], stoplists: Stoplists, min_hits: int = 5, limit: int = SAMPLE_TOKENS
) -> str | None:
    """The language whose stopwords cover the most of the (lowercase) tokens, or None."""
    if limit >= 2**COUNT_BITS:
        raise ValueError(f"limit must be below {2**COUNT_BITS}")
    sample = list(islice(tokens, limit))
    return choose_language(packed_hits(sample, stoplists), len(sample), stoplists, min_hits)


def packed_hits(tokens: Iterable[str], stoplists: Stoplists) -> int:
    """The stopword hits of every language among the tokens, packed (see ``Stoplists.packed``)."""
    # Only stopwords add (a packed count is a long int, slow to add): the rest is filtered out.
    return sum(filter(None, map(stoplists.packed.get, tokens)))


def choose_language(hits: int, sampled: int, stoplists: Stoplists, min_hits: int = 5) -> str | None:
    """The language with the most ``hits`` (packed counts over ``sampled`` tokens), or None."""
    if not hits:
        return None
    scores = array("H", hits.to_bytes(2 * len(stoplists.ranked), "little"))
    if sys.byteorder == "big":
        scores.byteswap()
    # Ties (a word shared by many languages) go to the language with the smaller stoplist,
    # which is the more specific evidence: the first of the top scores in ``ranked`` order.
    top = max(scores)
    best = stoplists.ranked[scores.index(top)]
    # Too few hits, or too small a share of the text (a Japanese page with an English menu).
    return best if top >= max(min_hits, MIN_HIT_SHARE * sampled) else None
