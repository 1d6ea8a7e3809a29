"""The other input formats through both commands: JSONL and WARC give what the plain files give."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from cleaner.cli import app

FORMATS = Path(__file__).parent.parent / "fixtures" / "formats"
PLAIN_FOR_JSONL = [
    FORMATS / "plain" / "council-budget.txt",
    FORMATS / "plain" / "cup-final.txt",
    FORMATS / "pages" / "rail-strike.html",
]


def cluster(*args: str | Path, stdin: str | None = None) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["cluster", *map(str, args), "--json", "-"], input=stdin)
    assert result.exit_code == 0, result.output
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def canonical(report: dict[str, Any], names: dict[str, str] | None = None) -> dict[str, Any]:
    """What a report says, with document ids renamed by ``names`` and no order or story ids
    (the report orders documents by id, and ids differ between formats)."""
    names = names or {}
    text = json.dumps({k: report[k] for k in ("documents", "clusters", "passages")})
    for old, new in sorted(names.items(), key=lambda item: -len(item[0])):
        text = text.replace(json.dumps(old), json.dumps(new))
    same = json.loads(text)
    documents = {
        doc["id"]: {k: v for k, v in doc.items() if k not in ("id", "source", "cluster")}
        for doc in same["documents"]
    }
    stories = sorted(
        (sorted(story["members"]), story["label"], len(story["passages"]))
        for story in same["clusters"]
    )
    return {"summary": report["summary"], "documents": documents, "stories": stories}


def test_cluster_reads_a_warc_as_the_saved_pages() -> None:
    from_warc = cluster(FORMATS / "crawl.warc.gz", "--include-text")
    from_pages = cluster(FORMATS / "pages", "--include-text")
    assert from_warc["summary"]["documents"] == 3
    assert [d["id"] for d in from_warc["documents"]] == [
        "https://news.example/harbour-festival",
        "https://news.example/library-reopens",
        "https://news.example/rail-strike",
    ]
    pages = {d["id"]: d["id"].rsplit("/", 1)[1] + ".html" for d in from_warc["documents"]}
    assert canonical(from_warc, pages) == canonical(from_pages)


def test_cluster_reads_jsonl_as_the_plain_files() -> None:
    from_jsonl = cluster(FORMATS / "crawl.jsonl", "--include-text")
    from_files = cluster(*PLAIN_FOR_JSONL, "--include-text")
    names = {"gazette/council-budget": "council-budget.txt", "gazette/cup-final": "cup-final.txt"}
    names["courier/rail-strike"] = "rail-strike.html"
    assert canonical(from_jsonl, names) == canonical(from_files)
    assert all(doc["text"] for doc in from_jsonl["documents"])


def test_cluster_reads_jsonl_on_stdin_with_the_input_options() -> None:
    records = [json.loads(line) for line in (FORMATS / "crawl.jsonl").read_text().splitlines()]
    renamed = "".join(
        json.dumps({"key": r.pop("id"), "body": r.pop("text", None), "page": r.pop("html", None)})
        + "\n"
        for r in records
    )
    options = ["--id-field", "key", "--text-field", "body", "--html-field", "page"]
    from_stdin = cluster("-", *options, "--include-text", stdin=renamed)
    from_file = cluster(FORMATS / "crawl.jsonl", "--include-text")
    assert canonical(from_stdin) == canonical(from_file)


def test_cluster_takes_text_on_stdin_when_told() -> None:
    page = (FORMATS / "plain" / "cup-final.txt").read_text()
    report = cluster("-", "--format-in", "text", stdin=page)
    assert [d["id"] for d in report["documents"]] == ["-"]
