"""The report: JSON contract, determinism, validation, and escaping in Markdown and HTML."""

from __future__ import annotations

import dataclasses
import doctest
import importlib
import json
import re
from html import escape, unescape

import pytest
from hypothesis import given
from hypothesis import strategies as st
from report_fixture import PageParser, load_fixture

from cleaner.config import ClusterConfig, PassageConfig
from cleaner.document import Document
from cleaner.model import Clustering, Occurrence, Passage, Story
from cleaner.report import build_report, md_escape, render_html, render_markdown
from cleaner.report.assets import CSS, csp_hash
from cleaner.report.html import Mark, highlight


@pytest.fixture(scope="module")
def inputs() -> tuple[list[Document], Clustering, list[Passage]]:
    return load_fixture()


@pytest.fixture(scope="module")
def report(inputs: tuple[list[Document], Clustering, list[Passage]]) -> dict:
    return build_report(*inputs, configs={"cluster": ClusterConfig(), "passage": PassageConfig()})


def _texts(inputs: tuple[list[Document], Clustering, list[Passage]]) -> dict[str, str]:
    return {doc.id: doc.text for doc in inputs[0]}


# --------------------------------------------------------------------------------------------
# JSON contract
# --------------------------------------------------------------------------------------------
def test_contract_fields(report: dict) -> None:
    assert {"version", "generator", "config", "summary", "documents", "clusters", "passages"} <= (
        report.keys()
    )
    assert report["generator"].startswith("cleaner ")
    assert set(report["config"]) == {"cluster", "passage"}
    for doc in report["documents"]:
        assert {"id", "title", "cluster", "source", "words", "chars", "authors", "published"} <= (
            doc.keys()
        )
        assert {"removed_lines", "similarity"} <= doc.keys()
    for cluster in report["clusters"]:
        assert {"id", "label", "size", "members", "near_duplicates", "similarities"} <= (
            cluster.keys()
        )
        assert cluster["size"] == len(cluster["members"])
    for passage in report["passages"]:
        assert {"id", "story", "text", "words", "verbatim", "documents", "occurrences"} <= (
            passage.keys()
        )
        assert all(set(o) == {"doc", "start", "end"} for o in passage["occurrences"])


def test_report_is_plain_json(report: dict) -> None:
    assert json.loads(json.dumps(report)) == report


def test_every_document_in_exactly_one_cluster(report: dict) -> None:
    members = [m for c in report["clusters"] for m in c["members"]]
    assert sorted(members) == sorted(d["id"] for d in report["documents"])
    assert len(members) == len(set(members))
    cluster_of = {m: c["id"] for c in report["clusters"] for m in c["members"]}
    assert all(d["cluster"] == cluster_of[d["id"]] for d in report["documents"])


def test_offsets_slice_the_cleaned_text(inputs: tuple, report: dict) -> None:
    texts = _texts(inputs)
    for passage in report["passages"]:
        slices = [texts[o["doc"]][o["start"] : o["end"]] for o in passage["occurrences"]]
        assert slices[0] == passage["text"] or passage["text"] in slices
        if passage["verbatim"]:
            assert set(slices) == {passage["text"]}


def test_fields_from_documents_and_stories(report: dict) -> None:
    docs = {d["id"]: d for d in report["documents"]}
    a = docs["moscow/a.txt"]
    assert a["title"] == "Russia, UK ties at low point, Lavrov tells Johnson"
    assert (a["cluster"], a["source"], a["authors"], a["published"]) == (
        "s1",
        "https://example.com/a",
        ["IANS"],
        "2017-12-22",
    )
    assert a["removed_lines"] == 4 and a["similarity"] == 0.8123
    assert docs["single/1.txt"]["similarity"] is None
    s1 = report["clusters"][0]
    assert s1["id"] == "s1" and s1["members"] == ["moscow/a.txt", "moscow/b.txt", "moscow/c.txt"]
    assert s1["near_duplicates"] == [["moscow/a.txt", "moscow/b.txt"]]
    assert s1["similarities"][0] == {"a": "moscow/a.txt", "b": "moscow/b.txt", "score": 0.8123}
    assert s1["passages"] == ["p1", "p2", "p4"]
    assert [c["id"] for c in report["clusters"]] == ["s1", "s2", "s3", "s4"]
    # Natural order: single/1.txt before single/10.txt (and s2 before s10).
    ids = [d["id"] for d in report["documents"]]
    assert ids.index("single/1.txt") + 1 == ids.index("single/10.txt")
    assert report["summary"] == {
        "documents": 7,
        "clusters": 4,
        "multi_document_clusters": 2,
        "near_duplicate_groups": 1,
        "passages": 4,
    }


def test_passage_story_from_occurrences(report: dict) -> None:
    p3 = next(p for p in report["passages"] if p["id"] == "p3")
    assert p3["story"] == "s2" and p3["documents"] == 2


def test_include_text(inputs: tuple) -> None:
    with_text = build_report(*inputs, include_text=True)
    assert all(d["text"] == _texts(inputs)[d["id"]] for d in with_text["documents"])
    assert "text" not in build_report(*inputs)["documents"][0]


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_deterministic_whatever_the_input_order(inputs: tuple, report: dict, seed: int) -> None:
    shuffled = load_fixture(shuffle_seed=seed)
    other = build_report(
        *shuffled, configs={"cluster": ClusterConfig(), "passage": PassageConfig()}
    )
    assert json.dumps(other) == json.dumps(report)
    assert render_markdown(other) == render_markdown(report)
    assert render_html(other, _texts(inputs)) == render_html(report, _texts(inputs))


def _story(id_: str, *members: str) -> Story:
    return Story(id_, id_, members, (), ())


@pytest.mark.parametrize(
    ("stories", "passages", "message"),
    [
        ((_story("s1", "a"),), (), "in no story"),
        ((_story("s1", "a", "b"), _story("s2", "b")), (), "in stories"),
        ((_story("s1", "a", "b", "z"),), (), "unknown document"),
        ((_story("s1", "a"), _story("s1", "b")), (), "used twice"),
        (
            (_story("s1", "a", "b"),),
            (Passage("p1", "x", 1, True, (Occurrence("a", 0, 99),)),),
            "outside",
        ),
        (
            (_story("s1", "a", "b"),),
            (Passage("p1", "x", 1, True, (Occurrence("q", 0, 1),)),),
            "unknown",
        ),
        (
            (_story("s1", "a", "b"),),
            (Passage("p1", "a", 1, True, (Occurrence("a", 0, 1),), story="s9"),),
            "unknown story",
        ),
    ],
)
def test_contradictory_inputs_raise(stories: tuple, passages: tuple, message: str) -> None:
    docs = [Document("a", "alpha text"), Document("b", "beta text")]
    with pytest.raises(ValueError, match=message):
        build_report(docs, Clustering(stories), list(passages))


def test_configs_recorded_as_dicts() -> None:
    @dataclasses.dataclass(frozen=True)
    class Fake:
        threshold: float = 0.5

    docs = [Document("a", "text")]
    report = build_report(docs, Clustering((_story("s1", "a"),)), [], configs={"x": Fake()})
    assert report["config"] == {"x": {"threshold": 0.5}}


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def page(inputs: tuple, report: dict) -> str:
    return render_html(report, _texts(inputs))


@pytest.fixture(scope="module")
def parsed(page: str) -> PageParser:
    parser = PageParser()
    parser.feed(page)
    return parser


def test_html_has_no_element_from_scraped_text(parsed: PageParser) -> None:
    tags = {tag for tag, _ in parsed.tags}
    assert "script" not in tags and "img" not in tags and "b" not in tags
    for _, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs)
        assert not (attrs.get("href") or "").lower().startswith("javascript:")
    # The hostile strings are there, as text.
    text = "".join(parsed.text)
    assert "<script>alert(1)</script>.txt" in text
    assert "<img src=x onerror=" in text
    assert "</style><script>document.title='PWNED'</script> label" in text


def test_html_ids_are_ours_and_links_resolve(parsed: PageParser) -> None:
    ids = [attrs["id"] for _, attrs in parsed.tags if "id" in attrs]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z]\d+(-\d+)?", i or "") for i in ids)
    hrefs = [attrs["href"] for tag, attrs in parsed.tags if tag == "a" and "href" in attrs]
    internal = [h for h in hrefs if h and h.startswith("#")]
    assert internal and all(h[1:] in ids for h in internal)
    external = {h for h in hrefs if h and not h.startswith("#")}
    assert external == {"https://example.com/a", "https://example.org/news/b"}


def test_csp_allows_only_the_stylesheet(page: str, parsed: PageParser) -> None:
    csp = next(
        a["content"] for t, a in parsed.tags if a.get("http-equiv") == "Content-Security-Policy"
    )
    assert csp and "default-src 'none'" in csp and "script-src" not in csp
    assert parsed.style == CSS and csp_hash(parsed.style) in csp
    assert page.index("Content-Security-Policy") < page.index("<style>")
    assert not any("style" in attrs for _, attrs in parsed.tags)


def _marks(page: str) -> list[str]:
    return re.findall(r"<mark\b[^>]*><a [^>]*>(.*?)</a></mark>", page, flags=re.S)


def test_highlights_are_the_escaped_slices(inputs: tuple, report: dict, page: str) -> None:
    texts = _texts(inputs)
    occurrences = [o for p in report["passages"] for o in p["occurrences"]]
    # p4 lies inside p1 in three articles: p1 is cut in three pieces, p4 takes the middle one.
    assert len(occurrences) == 10 and len(_marks(page)) == 13
    joined = "".join(unescape(m) for m in _marks(page))
    for o in occurrences:
        assert texts[o["doc"]][o["start"] : o["end"]] in joined
    hostile = next(p for p in report["passages"] if p["id"] == "p3")["text"]
    assert escape(hostile) in page


def test_each_occurrence_links_to_the_next_article(parsed: PageParser, report: dict) -> None:
    doc_of_anchor = {}
    for i, passage in enumerate(report["passages"], 1):
        for k, occ in enumerate(passage["occurrences"]):
            doc_of_anchor[f"o{i}-{k}"] = occ["doc"]
    ids = {attrs["id"] for _, attrs in parsed.tags if "id" in attrs}
    assert set(doc_of_anchor) <= ids
    mark_tags = [a for t, a in parsed.tags if t == "mark" and "id" in a]
    assert mark_tags
    links = [a["href"] for t, a in parsed.tags if t == "a" and (a.get("href") or "")[:2] == "#o"]
    assert {link[1:] for link in links} <= set(doc_of_anchor)


def test_html_text_reads_back_the_same() -> None:
    text = "a <b> & c\n\nd e f g"
    marks = [Mark(0, 7, "o1-0", "o1-1", "c0", "t"), Mark(4, 13, "o2-0", "o2-1", "c1", "t")]
    marks.append(Mark(4, 6, "o3-0", "o3-1", "c2", "t"))
    out = highlight(text, marks)
    assert re.sub(r"<[^>]+>", "", out).replace("&lt;", "<").replace("&gt;", ">") == (
        text.replace("&", "&amp;")
    )
    assert all(f'id="{m.anchor}"' in out for m in marks)


@given(
    st.text(max_size=60),
    st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70)), max_size=6),
)
def test_highlight_keeps_the_text(text: str, spans: list[tuple[int, int]]) -> None:
    marks = [Mark(a, b, f"o{i}-0", f"o{i}-1", "c0", "t") for i, (a, b) in enumerate(spans)]
    out = highlight(text, marks)
    assert unescape(re.sub(r"<[^>]+>", "", out)) == text
    assert "<script" not in out.lower()


# --------------------------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def markdown(report: dict) -> str:
    return render_markdown(report)


def test_markdown_lists_stories_and_passages(markdown: str) -> None:
    assert markdown.startswith("# Story report\n")
    assert "## s1: Lavrov, Johnson, Moscow" in markdown
    assert "## Stories with one article" in markdown
    assert "moscow/a.txt \\[" in markdown and "near-verbatim" in markdown
    assert "single/10.txt" in markdown


def test_markdown_escapes_scraped_text(markdown: str) -> None:
    assert not re.search(r"(?<!\\)[<`]", markdown)
    assert "](javascript" not in markdown
    assert "\\<script\\>alert\\(1\\)\\</script\\>.txt" in markdown
    assert "\\[click\\]\\(javascript:alert\\(1\\)\\)" in markdown
    for line in markdown.splitlines():
        if line.startswith("| ") and "Document" not in line:
            cells = re.split(r"(?<!\\)\|", line)
            assert len(cells) in (7, 8), line  # 5 or 6 columns


def test_markdown_renders_as_text() -> None:
    markdown_it = pytest.importorskip("markdown_it")
    report = build_report(*load_fixture())
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(render_markdown(report))
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert "<h1>Story report</h1>" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.txt" in html
    assert "<em>" not in html and "<code>" not in html and "<strong>" in html


@given(st.text(max_size=80))
def test_md_escape_is_one_literal_line(text: str) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    line = md_escape(text)
    assert "\n" not in line
    html = markdown_it.MarkdownIt("commonmark").render(f"x {line}")
    expected = " ".join(text.split())
    rendered = re.sub(r"^<p>x ?|</p>\n$", "", html)
    assert unescape(rendered) == expected.replace("\u0000", "\ufffd")


@pytest.mark.parametrize(
    "module",
    [f"cleaner.report{suffix}" for suffix in ("", ".build", ".markdown", ".html", ".assets")],
)
def test_docstring_examples(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0 and result.attempted > 0


def test_natural_key_orders_numbers_and_takes_any_digit_character() -> None:
    from cleaner.report.build import natural_key

    assert sorted(["s10", "s2", "a1\u00b2", "s1"], key=natural_key) == [
        "a1\u00b2",
        "s1",
        "s2",
        "s10",
    ]
