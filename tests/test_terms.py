"""Term counts: the fast reading of a text gives exactly what the plain one gives."""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.config import ClusterConfig
from cleaner.memo import Memo
from cleaner.stopwords import STOPWORDS
from cleaner.terms import GAP_TOKEN_RE, SENTENCE_END, term_counts


def plain_tokens(text: str) -> list[tuple[str, bool]]:
    """The reading term_counts had before it was made fast, kept word for word."""
    found = []
    first = True
    for gap, token in GAP_TOKEN_RE.findall(text):
        opens_text = first and not gap
        first = False
        lower = token.lower()
        if "\u2019" in lower:
            lower = lower.replace("\u2019", "'")
        if lower.endswith("'s"):
            lower = lower[:-2]
        if len(lower) < 2 or lower in STOPWORDS or (len(lower) < 4 and lower.isdigit()):
            continue
        is_name = False
        if token[0].isupper() and not token.isupper() and not opens_text:
            gap = gap.rstrip(" \t")
            is_name = not gap or gap[-1] not in SENTENCE_END
        found.append((lower, is_name))
    return found


def plain_term_counts(
    title: str | None, text: str, config: ClusterConfig | None = None
) -> dict[str, float]:
    """term_counts as it was before it was made fast, kept word for word."""
    name_boost = config.name_boost if config else 1.0
    title_boost = config.title_boost if config else 1.0
    counts: dict[str, float] = {}
    names: set[str] = set()
    for token, is_name in plain_tokens(text):
        counts[token] = counts.get(token, 0.0) + 1.0
        if is_name:
            names.add(token)
    for token, _ in plain_tokens(title or ""):
        counts[token] = counts.get(token, 0.0) + title_boost
    for token in names:
        counts[token] *= name_boost
    return counts


WORDS = [
    "The", "the", "Lavrov", "Lavrov's", "Lavrov\u2019s", "LAVROV", "don't", "Don\u2019t", "it's",
    "McDonald", "O'Neil", "'quoted'", "1,000", "3.5", "12", "2024", "12th", "x2", "a", "I",
    "Mr.", "U.S.", "Zürich", "ÉCOLE", "École", "ΟΔΟΣ", "Σ", "İstanbul", "x²", "snake_case",
    "ŉ", "ǅungla", "said,", "Moscow.", "(Reuters)", "—", "“Quote”", "-", "…", "e-mail",
]  # fmt: skip
SEPARATORS = [
    " ", "  ", "\t", " \t ", "\n", "\n\n", ". ", ", ", "! ", "? ", ": ", "; ", "-", "",
    "\u2019", "'", "\u201c", " (", ") ", "\r\n", "\u00a0", "\u2014 ", " \u2013 ",
]  # fmt: skip
newsy = st.lists(st.tuples(st.sampled_from(SEPARATORS), st.sampled_from(WORDS)), max_size=40).map(
    lambda parts: "".join(sep + word for sep, word in parts)
)
texts = st.one_of(
    newsy, st.text(max_size=120), st.text(alphabet=" \t\n.'\u2019aAbB1,", max_size=40)
)
configs = st.sampled_from([None, ClusterConfig(), ClusterConfig(name_boost=1.7, title_boost=0.3)])


@settings(max_examples=400)
@given(st.one_of(st.none(), texts), texts, configs)
def test_term_counts_are_the_plain_reading(title: str | None, text: str, config: object) -> None:
    assert isinstance(config, ClusterConfig | None)
    fast, plain = term_counts(title, text, config), plain_term_counts(title, text, config)
    assert list(fast.items()) == list(plain.items())  # same terms, same order, same floats
    assert all(type(count) is float for count in fast.values())


def test_names_and_sentence_starts() -> None:
    counts = term_counts(
        None, "Officials said Lavrov met Johnson.\nOfficials left.", ClusterConfig()
    )
    config = ClusterConfig()
    assert counts["lavrov"] == config.name_boost and counts["officials"] == 2.0
    text = "Lavrov\tmet\t Johnson. Then Smith\u2019s aide met Smith \n Kerry\t\tand\t Kerry"
    assert term_counts("", text, config) == plain_term_counts("", text, config)
    for text in ("  Lavrov met", "\tLavrov met", "Lavrov met", "x. \t Lavrov", "x \t Lavrov"):
        assert term_counts(None, text, config) == plain_term_counts(None, text, config), text


def test_memo_is_bounded_and_pickled_empty() -> None:
    memo: Memo[str, int] = Memo(len, limit=3)
    assert [memo[k] for k in ("a", "bb", "a", "ccc", "dddd")] == [1, 2, 1, 3, 4]
    assert len(memo) <= 3
    copy = pickle.loads(pickle.dumps(memo))
    assert isinstance(copy, Memo) and len(copy) == 0 and copy["xy"] == 2 and copy.limit == 3
