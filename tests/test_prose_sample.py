"""ProseSample detects the language exactly as one joined, cut and tokenised sample would."""

# ruff: noqa: RUF001 (Greek capitals are the data here: lowercasing them is context-sensitive)

from __future__ import annotations

import dataclasses
import doctest
import random
from pathlib import Path

import pytest
from sample_texts import sample_texts

import cleaner.prose_sample
from cleaner.clean import clean_text
from cleaner.config import CleanConfig
from cleaner.language import SAMPLE_TOKENS, detect_language, load_stoplists, packed_hits
from cleaner.lines import WORD_RE
from cleaner.prose_sample import LANGUAGE_LINE_CHARS, ProseSample

ROOT = Path(__file__).resolve().parent.parent
STOPLISTS = load_stoplists()


def joined_sample(raw_lines: list[str], text: str, config: CleanConfig) -> list[str]:
    """The rule spelled out: long lines joined by newlines, cut, lowercased, tokenised."""
    prose = [line for line in raw_lines if len(line) >= LANGUAGE_LINE_CHARS]
    sample = "\n".join(prose) if prose else text
    return WORD_RE.findall(sample[: config.language_sample_chars].lower())[:SAMPLE_TOKENS]


def texts() -> list[str]:
    out = sample_texts()
    rng = random.Random(7)
    words = " ".join(out).split()
    for _ in range(60):  # long lines of mixed languages, some cut inside a word
        n = rng.randrange(1, 40)
        lines = [" ".join(rng.choices(words, k=rng.randrange(5, 60))) for _ in range(n)]
        out.append("\n".join(lines))
    greek = "Ο ΔΗΜΟΣ ΚΑΙ Η ΠΟΛΗ ΤΟΥΣ ΕΙΝΑΙ ΜΑΖΙ ΣΤΟ ΣΠΙΤΙ ΜΑΣ ΓΙΑ ΤΟΝ ΚΟΣΜΟΣ "
    out.append("\n".join([greek * 3] * 30))  # final sigma at the cut
    out.append("\n".join(["a " * 50] * 40))  # more than 1000 tokens
    out.append("\n".join(["the " * 40, *["a " * 50] * 40]))
    out.append("  " + "der die das und " * 30 + "  \n" + "the and of to " * 30)
    return out


@pytest.mark.parametrize("chars", [3000, 200, 81, 1])
def test_same_language_as_the_joined_sample(chars: int) -> None:
    config = dataclasses.replace(CleanConfig(), language_sample_chars=chars)
    sample = ProseSample(STOPLISTS, config)  # one for all texts: remembered lines are reused
    for text in texts():
        lines = text.splitlines()
        tokens = joined_sample(lines, text, config)
        expected = (packed_hits(tokens, STOPLISTS), len(tokens))
        assert sample.hits(lines, text) == expected
        assert sample.hits(lines, text) == expected  # again, from remembered lines
        language = detect_language(tokens, STOPLISTS, config.min_language_hits)
        assert sample.language(lines, text) == language


def test_cleaned_text_language_is_detected_from_remembered_lines() -> None:
    text = (ROOT / "fixtures" / "de" / "stadtrat-bruecke.txt").read_text(encoding="utf-8")
    assert clean_text(text).language == "de"


def test_stop_counts_are_those_of_the_stoplist() -> None:
    """``stops`` reads a language's count out of a sampled line's packed hits."""
    sample = ProseSample(STOPLISTS, CleanConfig())
    for text in texts():
        lines = text.splitlines()
        sample.hits(lines, text)
        for line in lines:
            tokens = sample.tokens.get(line)
            if tokens is None:
                continue
            for code in ("en", "de", "el"):
                expected = sum(token in STOPLISTS.words[code] for token in tokens)
                assert sample.stops(line, code) == expected
            assert sample.stops(line, None) is None


def test_the_cut_line_is_counted_once() -> None:
    """The part of the line the sample ends in is remembered: the cleaned text's sample
    usually ends at the same place."""
    config = dataclasses.replace(CleanConfig(), language_sample_chars=100)
    line = "the council voted on the bridge " * 5
    sample = ProseSample(STOPLISTS, config)
    first = sample.hits([line], line)
    assert set(sample.seen) == {line[:100]}
    assert sample.hits(["Title", "", line], "Title\n\n" + line) == first
    assert set(sample.seen) == {line[:100]}


def test_docstring_examples() -> None:
    result = doctest.testmod(cleaner.prose_sample)
    assert result.failed == 0 and result.attempted > 0
