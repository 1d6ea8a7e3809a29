"""The two-pass corpus pipeline that ``cleaner clean`` and ``cleaner cluster`` share."""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Sequence
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

    def spy(text: str, config: CleanConfig, templates: TemplateLines | None) -> Any:
        seen.append(templates)
        return clean_text(text, config, templates)

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

    def spy(text: str, config: CleanConfig, templates: TemplateLines | None) -> Any:
        seen.append(templates)
        return clean_text(text, config, templates)

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
