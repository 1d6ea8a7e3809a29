"""The two-pass corpus pipeline that ``cleaner clean`` and ``cleaner cluster`` share."""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import cleaner.pipeline as pipeline
from cleaner.clean import clean_text
from cleaner.config import CleanConfig
from cleaner.document import Document
from cleaner.io import ReadError, Source, decode_document, find_sources, read_sources
from cleaner.pipeline import (
    Cleaned,
    clean_corpus,
    clean_documents,
    cleaned_documents,
    corpus_templates,
)
from cleaner.templates import TemplateLines, build_templates

FOLDER = Path(__file__).parent.parent / "fixtures" / "folder"


def test_clean_documents_cleans_in_order_and_passes_errors_through() -> None:
    error = ReadError("b.txt", "in/b.txt", "empty input")
    docs: list[Document | ReadError] = [Document("a.txt", "A title\n\nBody."), error]
    docs.append(Document("c.txt", "C title\n\nMore."))
    out = list(clean_documents(docs))
    assert [type(x) for x in out] == [Cleaned, ReadError, Cleaned]
    assert out[1] is error
    first = out[0]
    assert isinstance(first, Cleaned)
    assert first.result == clean_text("A title\n\nBody.")


def test_corpus_templates_counts_readable_documents_from_a_one_shot_stream() -> None:
    sources = find_sources([FOLDER])
    stream = read_sources(sources)  # a generator: can be consumed once
    templates = corpus_templates(
        (item for item in [*stream, ReadError("x", "x", "binary")]), CleanConfig()
    )
    assert templates is not None
    assert templates.documents == len(sources)


def test_one_readable_document_gives_no_folder_evidence() -> None:
    assert corpus_templates([Document("a", "text"), ReadError("b", "b", "empty input")]) is None


def test_pass_two_gets_pass_one_templates(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[TemplateLines | None] = []

    def spy(
        text: str, config: CleanConfig, templates: TemplateLines | None, memo: Any = None
    ) -> Any:
        seen.append(templates)
        return clean_text(text, config, templates, memo=memo)

    built: list[TemplateLines] = []

    def build_spy(texts: Iterable[str], config: CleanConfig) -> TemplateLines:
        built.append(build_templates(texts, config))
        return built[-1]

    monkeypatch.setattr(pipeline, "clean_text", spy)
    monkeypatch.setattr(pipeline, "build_templates", build_spy)
    out = list(clean_corpus(find_sources([FOLDER])))
    assert len(out) == 5
    assert len(built) == 1
    assert seen == [built[0]] * 5


def test_a_single_file_is_cleaned_like_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[TemplateLines | None] = []

    def spy(
        text: str, config: CleanConfig, templates: TemplateLines | None, memo: Any = None
    ) -> Any:
        seen.append(templates)
        return clean_text(text, config, templates, memo=memo)

    monkeypatch.setattr(pipeline, "clean_text", spy)
    path = FOLDER / "site-b" / "rail-strike.txt"
    [from_file] = clean_corpus(find_sources([path]))
    [from_stdin] = clean_documents([decode_document("-", path.read_bytes())])
    assert isinstance(from_file, Cleaned) and isinstance(from_stdin, Cleaned)
    assert from_file.result == from_stdin.result
    assert seen == [None, None]


def test_given_templates_skip_pass_one(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(texts: Iterable[str], config: CleanConfig) -> TemplateLines:
        raise AssertionError("pass 1 should not run")

    monkeypatch.setattr(pipeline, "build_templates", fail)
    out = list(clean_corpus(find_sources([FOLDER]), templates=TemplateLines({}, 5)))
    assert len(out) == 5


def test_cleaned_documents_carry_body_and_metadata(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"")
    good = tmp_path / "good.txt"
    good.write_text("Headline\n\nFirst paragraph.\n\nSecond paragraph.\n")
    sources = find_sources([tmp_path])
    out = list(cleaned_documents(sources))
    assert isinstance(out[0], ReadError) and out[0].id == "bad.txt"
    doc = out[1]
    assert isinstance(doc, Document)
    cleaned = next(c for c in clean_corpus(sources) if isinstance(c, Cleaned))
    assert doc.id == "good.txt"
    assert doc.text == cleaned.result.text
    assert doc.source == str(good)
    assert doc.metadata == {
        "encoding": "utf-8",
        "content_type": "text",
        "title": cleaned.result.title,
        "authors": list(cleaned.result.authors),
        "published": cleaned.result.published,
        "language": cleaned.result.language,
        "removed": cleaned.result.to_record("good.txt")["removed"],
        "source": str(good),
    }


def test_clean_and_cluster_see_the_same_cleaning() -> None:
    sources = find_sources([FOLDER])
    via_clean = [c.result.text for c in clean_corpus(sources) if isinstance(c, Cleaned)]
    via_cluster = [d.text for d in cleaned_documents(sources) if isinstance(d, Document)]
    assert via_clean == via_cluster


def test_values_and_stages_pickle() -> None:
    sources = find_sources([FOLDER / "site-b"])
    items = list(clean_corpus(sources))
    for value in [*sources, *items, ReadError("a", "a", "r"), clean_documents, clean_corpus]:
        assert pickle.loads(pickle.dumps(value)) == value
    assert pickle.loads(pickle.dumps(Source("-", None))) == Source("-", None)


def test_stdin_source_is_read_from_the_given_stream() -> None:
    import io

    [item] = clean_corpus(find_sources(["-"]), stdin=io.BytesIO(b"Headline\r\n\r\nBody.\r\n"))
    assert isinstance(item, Cleaned)
    assert (item.input.id, item.input.source) == ("-", "-")
    assert item.input.text == "Headline\n\nBody.\n"


def test_stdin_cannot_join_a_corpus() -> None:
    with pytest.raises(ValueError, match="cannot be cleaned with other inputs"):
        list(clean_corpus([Source("-", None), *find_sources([FOLDER])]))


def test_track_sees_both_passes() -> None:
    seen: list[tuple[int, str]] = []

    def track(sources: Sequence[Source], label: str) -> Iterable[Source]:
        seen.append((len(sources), label))
        return sources

    sources = find_sources([FOLDER])
    assert len(list(cleaned_documents(sources, track=track))) == 5
    assert seen == [(5, "reading"), (5, "cleaning")]


# --- other input formats ----------------------------------------------------------------------
FORMATS = Path(__file__).parent.parent / "fixtures" / "formats"


@dataclass(frozen=True)
class FakePage:
    cleaner_input: str


def fake_extract(html: str, url: str | None = None, config: object = None) -> FakePage:
    """A stand-in for trafilatura: the text between tags, one line per non-empty piece."""
    pieces = (" ".join(p.split()) for p in re.split(r"<[^>]*>", html))
    return FakePage("\n".join(p for p in pieces if p))


def fake_clean_html(
    html: str,
    config: object = None,
    clean_config: CleanConfig = pipeline.DEFAULT_CLEAN_CONFIG,
    *,
    url: str | None = None,
    templates: TemplateLines | None = None,
) -> Any:
    return clean_text(fake_extract(html).cleaner_input, clean_config, templates)


def outcome(item: Cleaned | ReadError) -> tuple[Any, ...]:
    assert isinstance(item, Cleaned), item
    record = item.result.to_record(item.input.id)
    return record["title"], record["text"], record["removed"]


def test_html_documents_are_cleaned_by_clean_html(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, dict[str, Any]]] = []

    def spy(html: str, *args: Any, **kwargs: Any) -> Any:
        calls.append((html, kwargs))
        return clean_text("T\n\nB.")

    monkeypatch.setattr(pipeline, "clean_html", spy)
    templates = TemplateLines({}, 2)
    page = Document("u", "<p>x</p>", metadata={"content_type": "html", "url": "http://a/b"})
    text = Document("t", "Title\n\nBody.", metadata={"content_type": "text"})
    [cleaned_page, cleaned_text] = clean_documents([page, text], CleanConfig(), templates)
    assert calls == [
        ("<p>x</p>", {"clean_config": CleanConfig(), "url": "http://a/b", "templates": templates})
    ]
    assert isinstance(cleaned_text, Cleaned)
    assert cleaned_text.result == clean_text("Title\n\nBody.")
    assert isinstance(cleaned_page, Cleaned) and cleaned_page.result.title == "T"


def test_pass_one_counts_the_text_extracted_from_html(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "extract_html", fake_extract)
    seen: list[list[str]] = []

    def build_spy(texts: Iterable[str], config: CleanConfig) -> TemplateLines:
        seen.append(list(texts))
        return build_templates(seen[-1], config)

    monkeypatch.setattr(pipeline, "build_templates", build_spy)
    page = Document("u", "<h1>Head</h1><p>Body</p>", metadata={"content_type": "html"})
    corpus_templates([page, Document("t", "plain")])
    assert seen == [["Head\nBody", "plain"]]


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many texts each pass 1 counted (build_templates replaced by a spy)."""
    counts: list[int] = []

    def build_spy(texts: Iterable[str], config: CleanConfig) -> TemplateLines:
        counts.append(len(list(texts)))
        return TemplateLines({}, counts[-1])

    monkeypatch.setattr(pipeline, "build_templates", build_spy)
    return counts


def test_a_jsonl_file_is_a_corpus_read_twice(built: list[int]) -> None:
    out = list(clean_corpus(find_sources([FORMATS / "crawl.jsonl"])))
    assert built == [3]
    assert [c.input.id for c in out if isinstance(c, Cleaned)] == [
        "gazette/council-budget",
        "gazette/cup-final",
        "courier/rail-strike",
    ]


def test_jsonl_on_stdin_is_copied_and_read_twice(built: list[int]) -> None:
    import io

    stdin = io.BytesIO((FORMATS / "crawl.jsonl").read_bytes())
    from_stdin = list(clean_corpus(find_sources(["-"], "jsonl"), stdin=stdin))
    from_file = list(clean_corpus(find_sources([FORMATS / "crawl.jsonl"])))
    assert built == [3, 3]
    assert [outcome(c) for c in from_stdin] == [outcome(c) for c in from_file]


def test_jsonl_gives_the_same_results_as_the_plain_files() -> None:
    plain = [FORMATS / "plain" / "council-budget.txt", FORMATS / "plain" / "cup-final.txt"]
    files = find_sources([*plain, FORMATS / "pages" / "rail-strike.html"])
    expected = [outcome(c) for c in clean_corpus(files)]
    got = [outcome(c) for c in clean_corpus(find_sources([FORMATS / "crawl.jsonl"]))]
    assert got == expected
    assert all(text for _, text, _ in got)


def test_warc_gives_the_same_results_as_the_saved_pages() -> None:
    expected = [outcome(c) for c in clean_corpus(find_sources([FORMATS / "pages"]))]
    got = [outcome(c) for c in clean_corpus(find_sources([FORMATS / "crawl.warc.gz"]))]
    assert got == expected
    assert len(got) == 3 and all(text for _, text, _ in got)


def test_gzipped_text_gives_the_same_result_as_the_plain_file() -> None:
    [packed] = clean_corpus(find_sources([FORMATS / "cup-final.txt.gz"]))
    [plain] = clean_corpus(find_sources([FORMATS / "plain" / "cup-final.txt"]))
    assert outcome(packed) == outcome(plain)


def test_cleaned_records_carry_what_the_reader_found() -> None:
    out = list(
        cleaned_documents(find_sources([FORMATS / "crawl.jsonl", FORMATS / "crawl.warc.gz"]))
    )
    assert all(isinstance(d, Document) for d in out)
    first, page = out[0], out[-1]
    assert isinstance(first, Document) and isinstance(page, Document)
    assert first.metadata["fields"]["url"] == "https://news.example/council-budget"
    assert first.metadata["source"] == f"{FORMATS / 'crawl.jsonl'}:1"
    assert page.metadata["url"] == page.id == "https://news.example/rail-strike"
    assert page.metadata["content_type"] == "html"


def test_the_line_memo_of_a_corpus_changes_nothing() -> None:
    """Pass 2 shares one LineMemo across a corpus; each document is cleaned as alone."""
    docs = [
        Document(f"d{i}", f"Home | News | Sport\n\nStory {i} of the day, the mayor said.\n{tail}")
        for i, tail in enumerate(["Share this", "Share this", "Related: more", "Share this"] * 3)
    ]
    config = CleanConfig()
    templates = build_templates([doc.text for doc in docs], config)
    shared = [c.result for c in pipeline.clean_documents(docs, config, templates)]
    alone = [clean_text(doc.text, config, templates) for doc in docs]
    assert shared == alone
