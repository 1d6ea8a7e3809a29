"""Per-document language detection from the jusText stoplists (about 100 languages).

>>> stoplists = load_stoplists()
>>> detect_language("Der Hund und die Katze sind nicht in dem Haus, aber sie sind da.".split(),
...                 stoplists)
'de'
"""

from __future__ import annotations

from collections import Counter
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
MIN_HIT_SHARE = 0.1
"""Stopwords of the detected language must be at least this share of the sampled tokens."""
SKIPPED = frozenset({"Simple_English"})
"""Stoplists that duplicate another language's."""


@dataclass(frozen=True, slots=True)
class Stoplists:
    """Stopwords per language code, and the inverted index word -> languages that use it."""

    words: dict[str, frozenset[str]]
    languages_of: dict[str, tuple[str, ...]]


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
    return Stoplists(words, {w: tuple(codes) for w, codes in index.items()})


def detect_language(
    tokens: Iterable[str], stoplists: Stoplists, min_hits: int = 5, limit: int = 1000
) -> str | None:
    """The language whose stopwords cover the most of the (lowercase) tokens, or None."""
    sample = list(islice(tokens, limit))
    index = stoplists.languages_of
    scores: dict[str, int] = {}
    for word, n in Counter(sample).items():  # each distinct word once: stopwords recur a lot
        for code in index.get(word, ()):
            scores[code] = scores.get(code, 0) + n
    if not scores:
        return None
    # Ties (a word shared by many languages) go to the language with the smaller stoplist,
    # which is the more specific evidence; sorted() keeps the choice deterministic.
    top = max(scores.values())
    best = min((c for c, n in scores.items() if n == top),
               key=lambda c: (len(stoplists.words[c]), c))  # fmt: skip
    # Too few hits, or too small a share of the text (a Japanese page with an English menu).
    return best if scores[best] >= max(min_hits, MIN_HIT_SHARE * len(sample)) else None
