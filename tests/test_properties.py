"""Properties on arbitrary input: clean_text never raises, is idempotent and partitions its
input; clean_html and the per-document path never raise; clusters ignore input order."""

from __future__ import annotations

from random import Random

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import build_templates, clean_text
from cleaner.cluster import cluster_documents
from cleaner.config import CleanConfig
from cleaner.document import Document
from cleaner.html import clean_html
from cleaner.pipeline import Cleaned, clean_documents
from cleaner.readers.documents import bytes_document
from cleaner.sources import ReadError

WORDS = st.sampled_from(
    [
        "the",
        "a",
        "of",
        "council",
        "bridge",
        "said",
        "Mayor",
        "Monday",
        "Subscribe",
        "Share",
        "Home",
        "News",
        "©",
        "Photo",
        "AP",
        "IANS",
        "(right)",
        "newsletter",
        "2019",
        "12:30",
        "—",
        ".",
        ",",
        "?",
        "!",
        "“",
        "”",
        "…",
        "By",
        "Jane",
        "Doe",
        "Related",
        "stories",
        "Leave",
        "a",
        "Reply",
        "comments",
        "says:",
        "|",
        "/",
        "der",
        "die",
        "und",
        "el",
        "la",
        "que",
    ]
)
LINE = st.one_of(
    st.text(max_size=60),
    st.lists(WORDS, max_size=30).map(" ".join),
    st.lists(WORDS, min_size=8, max_size=30).map(lambda w: " ".join(w) + "."),
)
DOCUMENT = st.lists(LINE, max_size=40).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_unicode(text: str) -> None:
    result = clean_text(text)
    assert isinstance(result.plain, str)


@settings(max_examples=300, deadline=None)
@given(DOCUMENT)
def test_idempotent(text: str) -> None:
    once = clean_text(text).plain
    assert clean_text(once).plain == once


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_idempotent_on_arbitrary_unicode(text: str) -> None:
    once = clean_text(text).plain
    assert clean_text(once).plain == once


@settings(max_examples=300, deadline=None)
@given(DOCUMENT)
def test_removed_and_kept_lines_partition_the_input(text: str) -> None:
    result = clean_text(text)
    lines = text.splitlines()
    assert [d.text for d in result.lines] == lines
    assert [d.line for d in result.lines] == list(range(1, len(lines) + 1))
    kept = [d for d in result.lines if d.keep and d.label != "blank"]
    assert all(d.category is not None for d in result.removed)
    assert len(kept) + len(result.removed) == sum(1 for line in lines if line.strip())
    for d in kept:
        assert d.text.strip() in result.plain


@settings(max_examples=100, deadline=None)
@given(st.lists(DOCUMENT, min_size=1, max_size=6))
def test_folder_mode_never_raises(texts: list[str]) -> None:
    config = CleanConfig()
    templates = build_templates(texts, config)
    for text in texts:
        clean_text(text, config, templates)


# --- hostile-input properties (issue 6) --------------------------------------------------------
HTML_SOUP = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<div>",
                "</div>",
                "<script>",
                "</script>",
                "<!--",
                "-->",
                "&amp;",
                "&#0;",
                "&#x110000;",
                "<br/>",
                "<html>",
                "<body>",
                "<a href='javascript:x'>",
                "</a>",
                "<![CDATA[",
                "]]>",
                "<meta charset=x>",
                "<title>",
                "\x00",
                "\ufeff",
            ]
        ),
        LINE,
    ),
    max_size=40,
).map("".join)


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.text(), HTML_SOUP))
def test_clean_html_never_raises(text: str) -> None:
    result = clean_html(text)
    assert isinstance(result.plain, str)


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.text(), HTML_SOUP))
def test_a_scraped_document_always_gives_a_result_or_an_error_value(text: str) -> None:
    """The whole per-document path (decode, sniff, clean) on arbitrary input never raises."""
    read = bytes_document("doc", text.encode("utf-8", "surrogatepass"), "doc", "auto")
    if isinstance(read, Document):
        (outcome,) = clean_documents([read])
        assert isinstance(outcome, Cleaned | ReadError)


STORY_WORDS = st.sampled_from(
    [
        "bridge",
        "council",
        "vote",
        "mayor",
        "strike",
        "rail",
        "union",
        "festival",
        "harbour",
        "boats",
        "library",
        "reopens",
        "books",
        "said",
        "on",
        "the",
        "Monday",
    ]
)


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.lists(STORY_WORDS, min_size=5, max_size=60).map(" ".join), max_size=10),
    st.randoms(use_true_random=False),
)
def test_clusters_do_not_depend_on_input_order(texts: list[str], rng: Random) -> None:
    documents = [Document(f"d{n}", text) for n, text in enumerate(texts)]
    shuffled = list(documents)
    rng.shuffle(shuffled)
    assert cluster_documents(shuffled) == cluster_documents(documents)
