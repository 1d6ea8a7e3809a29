"""A document's language sample: its long lines (its prose), each tokenised once and remembered.

>>> from cleaner.config import CleanConfig
>>> from cleaner.language import load_stoplists
>>> sample = ProseSample(load_stoplists(), CleanConfig())
>>> prose = "The council voted on Monday to build a new bridge over the river, the mayor said."
>>> sample.language(["Home | News", prose], f"Home | News\\n{prose}")
'en'
>>> sample.tokens[prose][:4]
['the', 'council', 'voted', 'on']
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cleaner.config import CleanConfig
from cleaner.language import SAMPLE_TOKENS, Stoplists, choose_language, packed_hits
from cleaner.lines import ASCII_WORD_RE, WORD_RE, Line, line_features
from cleaner.rules import Lexicon

LANGUAGE_LINE_CHARS = 80
"""Lines this long are prose enough to tell the language (menus are shorter)."""


@dataclass(frozen=True, slots=True)
class ProseSample:
    """Detects a document's language from its prose, remembering each prose line's hits.

    ``clean_text`` detects the language of a text, then of its cleaned output, whose prose
    lines are mostly the same lines: each is tokenised and counted once, and ``line_features``
    takes the words of the sampled lines instead of finding them again.
    """

    stoplists: Stoplists
    config: CleanConfig
    seen: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Text -> (tokens, packed stopword hits) of the lines sampled so far (of the cut one's part,
    which the sample of the cleaned text usually cuts at the same place)."""
    tokens: dict[str, list[str]] = field(default_factory=dict)
    """Text -> its lowercase words (``words``), for the same texts as ``seen``."""
    lowered: dict[str, str] = field(default_factory=dict)
    """Text -> the text lowercased, for the same texts as ``seen``."""
    chosen: dict[tuple[int, int], str | None] = field(default_factory=dict)
    """(hits, tokens) of a sample -> the language chosen: a cleaned text is sampled alike."""

    def language(self, raw_lines: list[str], text: str) -> str | None:
        """Detect the language from the document's long lines (its prose), or from its start."""
        sample = self.hits(raw_lines, text)
        if sample not in self.chosen:
            hits, sampled = sample
            minimum = self.config.min_language_hits
            self.chosen[sample] = choose_language(hits, sampled, self.stoplists, minimum)
        return self.chosen[sample]

    def stops(self, line: str, language: str | None) -> int | None:
        """How many words of a sampled line (one in ``tokens``) are stopwords of ``language``,
        as the sample counted them (None without a language)."""
        return None if language is None else self.stoplists.count(self.seen[line][1], language)

    def measure(
        self, line: str, language: str | None, lexicon: Lexicon, stopwords: frozenset[str]
    ) -> Line:
        """``line_features`` of a line, with what the sample found of it if it read it whole."""
        tokens = self.tokens.get(line)
        if tokens is None:
            return line_features(line, lexicon, stopwords, self.config)
        stops, lower = self.stops(line, language), self.lowered[line]
        return line_features(line, lexicon, stopwords, self.config, tokens, stops, lower)

    def hits(self, raw_lines: list[str], text: str) -> tuple[int, int]:
        """The packed stopword hits (see ``Stoplists.packed``) and the tokens of the sample.

        The sample is the long lines joined by newlines, cut at ``language_sample_chars``, at
        most ``SAMPLE_TOKENS`` tokens: each line (and the cut one's part) lowercased and
        tokenised alone gives the same tokens, as a newline ends words and case contexts alike.
        """
        prose = [line for line in raw_lines if len(line) >= LANGUAGE_LINE_CHARS]
        if not prose:
            tokens = words(text[: self.config.language_sample_chars])[:SAMPLE_TOKENS]
            return packed_hits(tokens, self.stoplists), len(tokens)
        budget = self.config.language_sample_chars
        sampled = hits = 0
        seen, stoplists = self.seen, self.stoplists
        for k, line in enumerate(prose):
            budget -= 1 if k else 0  # the newline before the line
            if budget <= 0:
                break
            part = line if len(line) <= budget else line[:budget]  # unless the sample ends in it
            counts = seen.get(part)
            if counts is None:
                lower, tokens = lowercase_words(part)
                counts = seen[part] = len(tokens), packed_hits(tokens, stoplists)
                self.tokens[part] = tokens
                self.lowered[part] = lower
            if sampled + counts[0] > SAMPLE_TOKENS:  # the sample ends inside this line
                tokens = words(line[:budget])[: SAMPLE_TOKENS - sampled]
                counts = len(tokens), packed_hits(tokens, self.stoplists)
            sampled, hits = sampled + counts[0], hits + counts[1]
            budget -= len(line)
            if sampled >= SAMPLE_TOKENS:
                break
        return hits, sampled


def words(text: str) -> list[str]:
    """The lowercase words of a text (``WORD_RE`` tokens)."""
    return lowercase_words(text)[1]


def lowercase_words(text: str) -> tuple[str, list[str]]:
    """A text lowercased, and its words (``WORD_RE`` tokens)."""
    lower = text.lower()
    return lower, (ASCII_WORD_RE if lower.isascii() else WORD_RE).findall(lower)
