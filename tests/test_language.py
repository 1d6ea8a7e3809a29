"""Per-document language detection from the jusText stoplists."""

from __future__ import annotations

from pathlib import Path

import pytest
from sample_texts import sample_texts

from cleaner import clean_text
from cleaner.language import detect_language, load_stoplists

ROOT = Path(__file__).resolve().parent.parent
STOPLISTS = load_stoplists()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The council said that it would not build the bridge before the end of the year.", "en"),
        ("Der Rat sagte, dass er die Brücke nicht vor dem Ende des Jahres bauen werde.", "de"),
        ("El consejo dijo que no construiría el puente antes del final del año que viene.", "es"),
        ("Le conseil a dit qu'il ne construirait pas le pont avant la fin de cette année.", "fr"),
    ],
)
def test_detects_language(text: str, code: str) -> None:
    assert detect_language(text.lower().split(), STOPLISTS) == code


def test_too_little_evidence_is_none() -> None:
    assert detect_language(["bridge", "council"], STOPLISTS) is None
    assert detect_language([], STOPLISTS) is None


def test_script_without_spaces_is_none() -> None:
    text = "先日、不正に改造したスマートフォンを販売した男性が逮捕された。 home about news"
    assert detect_language(text.lower().split(), STOPLISTS) is None


def test_stoplists_are_shared_and_immutable() -> None:
    assert load_stoplists() is STOPLISTS
    assert isinstance(STOPLISTS.words["en"], frozenset)
    assert "en" in STOPLISTS.languages_of["the"]


@pytest.mark.parametrize(
    ("name", "code"), [("de/stadtrat-bruecke.txt", "de"), ("es/mercado-central.txt", "es")]
)
def test_fixture_language(name: str, code: str) -> None:
    assert clean_text((ROOT / "fixtures" / name).read_text(encoding="utf-8")).language == code


def test_unknown_language_uses_length_features() -> None:
    sentences = [
        "これは日本語の長い文章で、記事の本文として残るべき内容を含んでいます。",
        "市議会は火曜日の夜、川に架かる古い橋を新しく建て替えることを決めました。",
        "工事は来年の春に始まり、三年以内に完成する予定だと担当者は説明しました。",
    ]
    text = "タイトルです\n\n" + "\n\n".join(sentences) + "\n\nログイン"
    result = clean_text(text)
    assert result.language is None
    assert result.title == "タイトルです"
    assert result.text.split("\n\n") == sentences


def naive_detect(tokens: list[str], min_hits: int = 5) -> str | None:
    """The detection rule spelled out: count every hit, ties to the smaller stoplist."""
    scores: dict[str, int] = {}
    for word in tokens[:1000]:
        for code in STOPLISTS.languages_of.get(word, ()):
            scores[code] = scores.get(code, 0) + 1
    if not scores:
        return None
    top = max(scores.values())
    best = min((c for c, n in scores.items() if n == top),
               key=lambda c: (len(STOPLISTS.words[c]), c))  # fmt: skip
    return best if top >= max(min_hits, 0.1 * len(tokens[:1000])) else None


def test_packed_counts_match_the_naive_rule() -> None:
    texts = sample_texts()
    words = sorted({w for text in texts for w in text.lower().split()})
    samples = [text.lower().split() for text in texts]
    samples += [words[k::7] for k in range(7)]  # mixtures of every language the files use
    samples += [["de", "la"] * 3, ["a"] * 1500, ["the", "der"] * 4, ["und"] * 4]  # ties, limits
    for tokens in samples:
        for min_hits in (1, 5):
            assert detect_language(tokens, STOPLISTS, min_hits) == naive_detect(tokens, min_hits)


def test_limit_keeps_counts_apart() -> None:
    with pytest.raises(ValueError, match="limit"):
        detect_language(["the"], STOPLISTS, limit=2**16)
