"""The report as one self-contained HTML file: stories, members, and shared passages
highlighted side by side in each article's text.

Renders the dict of ``build_report`` plus the cleaned texts. Every scraped string (ids,
titles, sources, labels, texts) goes through ``html.escape``; highlights are built by slicing
the text at occurrence offsets and escaping each slice. Element ids and links are made from
positions in the report (``d3``, ``o2-1``, ``s1``), never from scraped strings. The page has
no script and a Content-Security-Policy that allows only its own stylesheet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from itertools import pairwise
from typing import Any
from urllib.parse import urlsplit

from cleaner.report.assets import CSS, PASSAGE_COLOURS, content_security_policy
from cleaner.report.build import plural


@dataclass(frozen=True, slots=True)
class Mark:
    """One occurrence to highlight in a document's text, with its anchor and link."""

    start: int
    end: int
    anchor: str
    """Element id of this occurrence (``o<passage>-<occurrence>``)."""
    target: str
    """Element id of the next occurrence of the same passage in another article."""
    css: str
    """Classes: the passage's colour, ``near`` for a near-verbatim passage."""
    title: str
    """Tooltip (plain text, escaped when written)."""


def _next_in_other_doc(occurrences: Sequence[Mapping[str, Any]], i: int) -> int:
    """Index of the next occurrence (cyclically) that lies in another document."""
    n = len(occurrences)
    for step in range(1, n):
        j = (i + step) % n
        if occurrences[j]["doc"] != occurrences[i]["doc"]:
            return j
    return (i + 1) % n


def plan_marks(
    passages: Sequence[Mapping[str, Any]], colour_of: Mapping[str, int]
) -> dict[str, list[Mark]]:
    """The marks of every document, from the report's passages (``o<p>-<k>`` anchors)."""
    marks: dict[str, list[Mark]] = {}
    for p, passage in enumerate(passages, 1):
        occurrences = passage["occurrences"]
        kind = "verbatim" if passage["verbatim"] else "near-verbatim"
        css = f"c{colour_of.get(passage['id'], 0) % PASSAGE_COLOURS}"
        css += "" if passage["verbatim"] else " near"
        for k, occ in enumerate(occurrences):
            nxt = _next_in_other_doc(occurrences, k)
            title = (
                f"Passage {passage['id']}: {passage['words']} words, {kind}, "
                f"in {passage['documents']} articles. Next: {occurrences[nxt]['doc']}"
            )
            marks.setdefault(occ["doc"], []).append(
                Mark(occ["start"], occ["end"], f"o{p}-{k}", f"o{p}-{nxt}", css, title)
            )
    for doc_marks in marks.values():
        doc_marks.sort(key=lambda m: (m.start, -m.end, m.anchor))
    return marks


def highlight(text: str, marks: Iterable[Mark]) -> str:
    """``text`` escaped, with each mark's span wrapped in ``<mark><a href=next>``.

    Overlapping marks are cut into segments at every boundary; a segment covered by several
    marks takes the innermost (latest start, then shortest), so a passage nested in another
    keeps its own colour and link. Each mark's id sits on its first segment (or on an
    empty ``<span>`` when two marks start at the same place).

    >>> m = Mark(4, 8, "o1-0", "o1-1", "c0", "<p1>")
    >>> highlight("Hi, <b>! end", [m])
    'Hi, <mark id="o1-0" class="c0" title="&lt;p1&gt;"><a href="#o1-1">&lt;b&gt;!</a></mark> end'
    """
    marks = sorted(
        (m for m in marks if 0 <= m.start < m.end <= len(text)),
        key=lambda m: (m.start, -m.end, m.anchor),
    )
    cuts = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    out: list[str] = []
    for a, b in pairwise(cuts):
        piece = escape(text[a:b])
        covering = [m for m in marks if m.start <= a and b <= m.end]
        if not covering:
            out.append(piece)
            continue
        main = max(covering, key=lambda m: (m.start, -m.end))
        starting = [m for m in marks if m.start == a]
        out += [f'<span id="{m.anchor}"></span>' for m in starting if m is not main]
        anchor = f' id="{main.anchor}"' if main.start == a else ""
        out.append(
            f'<mark{anchor} class="{main.css}" title="{escape(main.title)}">'
            f'<a href="#{main.target}">{piece}</a></mark>'
        )
    return "".join(out)


def _source_html(source: str) -> str:
    """The source as text, or as a link when it is an http(s) URL."""
    if not source:
        return ""
    if urlsplit(source).scheme.lower() in ("http", "https"):
        return f'<a href="{escape(source)}" rel="noopener noreferrer nofollow">{escape(source)}</a>'
    return escape(source)


class _Page:
    """Renders the parts of one report; holds the lookups every part needs."""

    def __init__(self, report: Mapping[str, Any], texts: Mapping[str, str]) -> None:
        self.report = report
        self.texts = texts
        self.documents = {d["id"]: d for d in report["documents"]}
        self.doc_anchor = {d["id"]: f"d{i}" for i, d in enumerate(report["documents"], 1)}
        self.passages = {p["id"]: p for p in report["passages"]}
        # Same numbering as plan_marks: passage i has anchor p<i>, its occurrences o<i>-<k>.
        self.passage_index = {p["id"]: i for i, p in enumerate(report["passages"], 1)}
        colour_of: dict[str, int] = {}
        for cluster in report["clusters"]:
            colour_of.update((pid, i) for i, pid in enumerate(cluster["passages"]))
        self.marks = plan_marks(report["passages"], colour_of)
        self.story_anchor = {c["id"]: f"s{i}" for i, c in enumerate(report["clusters"], 1)}

    def title(self, doc_id: str) -> str:
        return escape(self.documents[doc_id].get("title") or doc_id)

    def members_table(self, cluster: Mapping[str, Any]) -> str:
        rows = []
        for doc_id in cluster["members"]:
            doc = self.documents[doc_id]
            sim = doc.get("similarity")
            rows.append(
                f'<tr><td><a href="#{self.doc_anchor[doc_id]}">{self.title(doc_id)}</a></td>'
                f"<td>{escape(doc_id)}</td><td>{_source_html(doc.get('source') or '')}</td>"
                f'<td class="num">{doc.get("words", "")}</td>'
                f'<td class="num">{"" if sim is None else f"{sim:.2f}"}</td></tr>'
            )
        return (
            '<table class="members"><thead><tr><th>Title</th><th>Document</th><th>Source</th>'
            '<th class="num">Words</th><th class="num">Similarity</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )

    def passage_item(self, passage_id: str) -> str:
        passage = self.passages[passage_id]
        i = self.passage_index[passage_id]
        kind = ("verbatim", "verbatim") if passage["verbatim"] else ("near", "near-verbatim")
        links = ", ".join(
            f'<a href="#o{i}-{k}">{escape(o["doc"])} @{o["start"]}</a>'
            for k, o in enumerate(passage["occurrences"])
        )
        return (
            f'<li id="p{i}"><span class="tag {kind[0]}">{kind[1]}</span>'
            f"<strong>{escape(passage_id)}</strong> "
            f'<span class="muted">{plural(passage["words"], "word")}</span> in {links}'
            f"<blockquote>{escape(passage['text'])}</blockquote></li>"
        )

    def article(self, doc_id: str) -> str:
        doc = self.documents[doc_id]
        meta = [escape(doc_id), _source_html(doc.get("source") or "")]
        if doc.get("authors"):
            meta.append(escape(", ".join(doc["authors"])))
        if doc.get("published"):
            meta.append(escape(doc["published"]))
        meta.append(plural(doc.get("words", 0), "word"))
        body = highlight(self.texts.get(doc_id, ""), self.marks.get(doc_id, ()))
        return (
            f'<article id="{self.doc_anchor[doc_id]}"><h3>{self.title(doc_id)}</h3>'
            f'<p class="meta">{" · ".join(m for m in meta if m)}</p>'
            f'<div class="text">{body}</div></article>'
        )

    def story(self, cluster: Mapping[str, Any]) -> str:
        parts = [
            f'<section class="story" id="{self.story_anchor[cluster["id"]]}">'
            f"<h2>{escape(cluster['label'])} <small>{escape(cluster['id'])} · "
            f"{plural(cluster['size'], 'article')} · "
            f"{plural(len(cluster['passages']), 'shared passage')}</small></h2>",
            self.members_table(cluster),
        ]
        for group in cluster["near_duplicates"]:
            names = ", ".join(f'<a href="#{self.doc_anchor[d]}">{self.title(d)}</a>' for d in group)
            parts.append(f'<p><span class="tag">near-duplicates</span>{names}</p>')
        if cluster["similarities"]:
            links = "; ".join(
                f"{escape(s['a'])} ~ {escape(s['b'])}: {s['score']:.2f}"
                for s in cluster["similarities"]
            )
            count = plural(len(cluster["similarities"]), "verified link")
            parts.append(
                f'<details class="muted"><summary>{count}</summary><p>{links}</p></details>'
            )
        if cluster["passages"]:
            items = "".join(self.passage_item(pid) for pid in cluster["passages"])
            parts.append(f'<h3>Shared passages</h3><ol class="passages">{items}</ol>')
        articles = "".join(self.article(d) for d in cluster["members"])
        parts.append(f'<div class="articles">{articles}</div></section>')
        return "".join(parts)

    def singles(self, clusters: Sequence[Mapping[str, Any]]) -> str:
        rows = []
        for cluster in clusters:
            doc_id = cluster["members"][0]
            doc = self.documents[doc_id]
            body = escape(self.texts.get(doc_id, ""))
            rows.append(
                f'<tr id="{self.story_anchor[cluster["id"]]}"><td>{escape(cluster["id"])}</td>'
                f'<td id="{self.doc_anchor[doc_id]}"><details><summary>{self.title(doc_id)}'
                f'</summary><div class="text">{body}</div></details></td>'
                f"<td>{escape(doc_id)}</td><td>{_source_html(doc.get('source') or '')}</td>"
                f'<td class="num">{doc.get("words", "")}</td></tr>'
            )
        return (
            '<section class="singles"><h2>Stories with one article</h2><table><thead><tr>'
            "<th>Story</th><th>Title</th><th>Document</th><th>Source</th>"
            f'<th class="num">Words</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
            "</section>"
        )

    def orphans(self, passage_ids: Sequence[str]) -> str:
        items = "".join(self.passage_item(pid) for pid in passage_ids)
        return (
            '<section class="orphans"><h2>Passages across stories</h2>'
            f'<ol class="passages">{items}</ol></section>'
        )

    def toc(self, full: Sequence[Mapping[str, Any]], singles: int) -> str:
        items = "".join(
            f'<li><a href="#{self.story_anchor[c["id"]]}">{escape(c["label"])}</a> '
            f'<span class="muted">{plural(c["size"], "article")}, '
            f"{plural(len(c['passages']), 'passage')}</span></li>"
            for c in full
        )
        more = f'<p class="muted">and {plural(singles, "story", "stories")} with one article.</p>'
        return f"<nav><h2>Stories</h2><ol>{items}</ol>{more if singles else ''}</nav>"


def render_html(report: Mapping[str, Any], texts: Mapping[str, str] | None = None) -> str:
    """The report as one HTML page; ``texts`` maps document ids to their cleaned text.

    Without ``texts``, the ``text`` field of each document entry is used (``build_report``
    with ``include_text=True``).
    """
    if texts is None:
        texts = {d["id"]: d.get("text", "") for d in report["documents"]}
    page = _Page(report, texts)
    with_marks = set(page.marks)
    full: list[Mapping[str, Any]] = []
    singles: list[Mapping[str, Any]] = []
    for cluster in report["clusters"]:
        shown = cluster["size"] > 1 or any(d in with_marks for d in cluster["members"])
        (full if shown else singles).append(cluster)
    orphan_ids = [p["id"] for p in report["passages"] if p["story"] is None]
    summary = report["summary"]
    body = [
        "<header><h1>Story report</h1>"
        f'<p class="muted">{plural(summary["documents"], "document")} in '
        f"{plural(summary['clusters'], 'story', 'stories')} "
        f"({summary['multi_document_clusters']} with several articles), "
        f"{plural(summary['near_duplicate_groups'], 'near-duplicate group')}, "
        f"{plural(summary['passages'], 'shared passage')}. "
        "Highlighted passages link to the same passage in the next article; near-verbatim "
        "ones are underlined.</p></header>",
        page.toc(full, len(singles)),
        "<main>",
        *(page.story(c) for c in full),
        page.orphans(orphan_ids) if orphan_ids else "",
        page.singles(singles) if singles else "",
        "</main>",
        f"<footer>Generated by {escape(report['generator'])}, "
        f"report format {escape(str(report['version']))}.</footer>",
    ]
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(CSS)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Story report</title>\n"
        f"<style>{CSS}</style>\n"
        "</head><body>\n" + "\n".join(b for b in body if b) + "\n</body></html>\n"
    )
