"""Loads ``fixtures/report/stories.json`` into the report's inputs (shared by the report tests)."""

from __future__ import annotations

import json
import random
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from cleaner.document import Document
from cleaner.model import Clustering, Occurrence, Passage, Story

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "report" / "stories.json"

HOSTILE_MARKERS = ("PWNED", "pwned")
"""What the fixture's hostile strings try to write into the page if they ever run."""


def load_fixture(
    shuffle_seed: int | None = None,
) -> tuple[list[Document], Clustering, list[Passage]]:
    """Documents, clustering and passages of the fixture (inputs shuffled when a seed is given).

    Occurrences are given by snippet in the file; their offsets come from ``str.index``.
    """
    data: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    documents = [
        Document(
            id=d["id"],
            text=d["text"],
            source=d["source"],
            metadata={k: d[k] for k in ("title", "authors", "published", "removed")},
        )
        for d in data["documents"]
    ]
    texts = {doc.id: doc.text for doc in documents}
    stories = [
        Story(
            id=s["id"],
            label=s["label"],
            members=tuple(s["members"]),
            near_duplicates=tuple(tuple(g) for g in s["near_duplicates"]),
            similarities=tuple((a, b, score) for a, b, score in s["similarities"]),
        )
        for s in data["stories"]
    ]
    passages = []
    for p in data["passages"]:
        occurrences = []
        for occ in p["occurrences"]:
            start = texts[occ["doc"]].index(occ["snippet"])
            occurrences.append(Occurrence(occ["doc"], start, start + len(occ["snippet"])))
        first = p["occurrences"][0]["snippet"]
        passages.append(
            Passage(
                id=p["id"],
                text=first,
                words=len(first.split()),
                verbatim=p["verbatim"],
                occurrences=tuple(occurrences),
                story=p["story"],
            )
        )
    if shuffle_seed is not None:
        rng = random.Random(shuffle_seed)
        rng.shuffle(documents)
        rng.shuffle(stories)
        rng.shuffle(passages)
        stories = [
            Story(
                s.id,
                s.label,
                tuple(rng.sample(s.members, len(s.members))),
                tuple(tuple(rng.sample(g, len(g))) for g in s.near_duplicates),
                tuple((b, a, score) for a, b, score in s.similarities),
            )
            for s in stories
        ]
        passages = [
            Passage(
                p.id,
                p.text,
                p.words,
                p.verbatim,
                tuple(rng.sample(p.occurrences, len(p.occurrences))),
                p.story,
            )
            for p in passages
        ]
    return documents, Clustering(tuple(stories)), passages


class PageParser(HTMLParser):
    """Collects the tags (with attributes), the text and the stylesheet of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.style = ""
        self.title = ""
        self._open = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open = tag

    def handle_endtag(self, tag: str) -> None:
        self._open = ""

    def handle_data(self, data: str) -> None:
        if self._open == "style":
            self.style += data
        elif self._open == "title":
            self.title += data
        else:
            self.text.append(data)

    def ids(self) -> list[str]:
        """Every element id, in document order."""
        return [a["id"] or "" for _, a in self.tags if "id" in a]


def parse_page(page: str) -> PageParser:
    """The page, parsed."""
    parser = PageParser()
    parser.feed(page)
    parser.close()
    return parser
