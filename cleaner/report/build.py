"""The JSON report: every document, every story and every shared passage, as plain data.

``build_report`` is the single source of the report's content; the Markdown and HTML renderers
only lay out what it returns. Its field names are a public contract (see ``docs/report.md``).
The output does not depend on the order of the inputs: documents, stories, members, groups,
similarities and passages are all sorted, and nothing time- or machine-dependent is recorded.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from cleaner.cluster import DEFAULT_CLUSTER_CONFIG, Features, run_clustering
from cleaner.config import ClusterConfig, PassageConfig
from cleaner.document import Document
from cleaner.model import Clustering, Passage, Story
from cleaner.passages import DEFAULT_PASSAGE_CONFIG, find_shared_passages

REPORT_VERSION = 1
"""Bumped when a field of the report changes meaning or disappears (additions keep it)."""

SCORE_DIGITS = 4
"""Similarities are rounded to this many decimals so that the report is stable across runs."""

_DIGITS = re.compile(r"(\d+)")

Track = Callable[[str, int], Callable[[int], None]]
"""``track(stage, total)`` -> a callback taking the number of items just finished."""


def natural_key(value: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that orders ``s2`` before ``s10``.

    >>> sorted(["s10", "s2", "s1"], key=natural_key)
    ['s1', 's2', 's10']
    """
    return tuple((0, int(part)) if part.isdecimal() else (1, part) for part in _DIGITS.split(value))


def word_count(text: str) -> int:
    """Number of whitespace-separated words.

    >>> word_count("Two  words\\n")
    2
    """
    return len(text.split())


def plural(n: int, word: str, plural_form: str = "") -> str:
    """``n`` and the word, in the plural unless ``n`` is 1.

    >>> plural(1, "story", "stories"), plural(3, "story", "stories"), plural(0, "passage")
    ('1 story', '3 stories', '0 passages')
    """
    return f"{n} {word if n == 1 else plural_form or word + 's'}"


def _removed_count(value: object) -> int | None:
    """How many lines cleaning removed, from ``metadata['removed']`` (a list or a count)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, Sequence) and not isinstance(value, str):
        return len(value)
    return None


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


def _document_entry(doc: Document, cluster: str, similarity: float | None) -> dict[str, Any]:
    meta = doc.metadata
    authors = meta.get("authors") or ()
    return {
        "id": doc.id,
        "title": _optional_str(meta.get("title")),
        "cluster": cluster,
        "source": doc.source,
        "words": word_count(doc.text),
        "chars": len(doc.text),
        "authors": [str(a) for a in authors] if not isinstance(authors, str) else [authors],
        "published": _optional_str(meta.get("published")),
        "removed_lines": _removed_count(meta.get("removed")),
        "similarity": similarity,
    }


def _check_clustering(ids: set[str], stories: Sequence[Story]) -> None:
    """Raise ValueError unless every document is in exactly one story."""
    seen: dict[str, str] = {}
    story_ids: set[str] = set()
    for story in stories:
        if story.id in story_ids:
            raise ValueError(f"story id {story.id!r} is used twice")
        story_ids.add(story.id)
        for member in story.members:
            if member not in ids:
                raise ValueError(f"story {story.id!r} names unknown document {member!r}")
            if member in seen:
                raise ValueError(
                    f"document {member!r} is in stories {seen[member]!r} and {story.id!r}"
                )
            seen[member] = story.id
    missing = sorted(ids - seen.keys(), key=natural_key)
    if missing:
        raise ValueError(f"documents in no story: {', '.join(map(repr, missing[:5]))}")


def _check_passages(
    texts: Mapping[str, str], story_ids: set[str], passages: Sequence[Passage]
) -> None:
    """Raise ValueError for duplicate passage ids, unknown stories or documents, and
    occurrences outside their document."""
    passage_ids: set[str] = set()
    for passage in passages:
        if passage.id in passage_ids:
            raise ValueError(f"passage id {passage.id!r} is used twice")
        passage_ids.add(passage.id)
        if passage.story is not None and passage.story not in story_ids:
            raise ValueError(f"passage {passage.id!r} names unknown story {passage.story!r}")
        for occ in passage.occurrences:
            if occ.doc not in texts:
                raise ValueError(f"passage {passage.id!r} names unknown document {occ.doc!r}")
            if not 0 <= occ.start < occ.end <= len(texts[occ.doc]):
                raise ValueError(
                    f"passage {passage.id!r}: offsets {occ.start}:{occ.end} outside "
                    f"document {occ.doc!r} ({len(texts[occ.doc])} characters)"
                )


SortKey = Callable[[str], tuple[tuple[int, int | str], ...]]
""":func:`natural_key`, possibly cached for the ids of one report."""


def _story_order(story: Story, key: SortKey = natural_key) -> tuple[Any, ...]:
    """Largest stories first, then by first member, then by id."""
    members = sorted(story.members, key=key)
    return (-len(members), key(members[0]) if members else (), key(story.id))


def _best_similarity(stories: Iterable[Story]) -> dict[str, float]:
    """Each linked document's highest verified similarity to another member of its story."""
    best: dict[str, float] = {}
    for story in stories:
        for a, b, score in story.similarities:
            for doc in (a, b):
                best[doc] = max(best.get(doc, score), score)
    return {doc: round(score, SCORE_DIGITS) for doc, score in best.items()}


def _cluster_entry(
    story: Story, passage_ids: list[str], key: SortKey = natural_key
) -> dict[str, Any]:
    members = sorted(story.members, key=key)
    groups = sorted(
        (sorted(g, key=key) for g in story.near_duplicates), key=lambda g: _list_key(g, key)
    )
    links = []
    for a, b, score in story.similarities:
        first, second = sorted((a, b), key=key)
        links.append((first, second, score))
    links.sort(key=lambda t: (key(t[0]), key(t[1]), t[2]))
    return {
        "id": story.id,
        "label": story.label,
        "size": len(members),
        "members": members,
        "near_duplicates": groups,
        "similarities": [
            {"a": a, "b": b, "score": round(score, SCORE_DIGITS)} for a, b, score in links
        ],
        "passages": passage_ids,
    }


def _list_key(ids: Sequence[str], key: SortKey = natural_key) -> tuple[Any, ...]:
    return tuple(key(i) for i in ids)


def _passage_story(passage: Passage, story_of: Mapping[str, str]) -> str | None:
    """The passage's story: as given, else the story of its occurrences when they agree."""
    if passage.story is not None:
        return passage.story
    stories = {story_of[occ.doc] for occ in passage.occurrences}
    return stories.pop() if len(stories) == 1 else None


def _passage_entry(
    passage: Passage, story: str | None, key: SortKey = natural_key
) -> dict[str, Any]:
    occurrences = sorted(passage.occurrences, key=lambda o: (key(o.doc), o.start, o.end))
    return {
        "id": passage.id,
        "story": story,
        "text": passage.text,
        "words": passage.words,
        "verbatim": passage.verbatim,
        "documents": len({o.doc for o in occurrences}),
        "occurrences": [{"doc": o.doc, "start": o.start, "end": o.end} for o in occurrences],
    }


def _config_entry(config: object) -> object:
    """A config dataclass as a plain dict (anything else is kept as it is)."""
    if dataclasses.is_dataclass(config) and not isinstance(config, type):
        return dataclasses.asdict(config)
    return config


def build_report(
    documents: Sequence[Document],
    clustering: Clustering,
    passages: Sequence[Passage],
    *,
    configs: Mapping[str, object] | None = None,
    include_text: bool = False,
) -> dict[str, Any]:
    """The JSON report (a dict of lists, dicts, strings, numbers, booleans and None).

    ``documents`` are cleaned: ``text`` is the cleaned body (passage offsets index into it)
    and ``metadata`` may hold ``title``, ``authors``, ``published`` and ``removed`` (the list
    of removed lines, or their count). ``configs`` (e.g. ``{"cluster": ClusterConfig()}``) is
    recorded as given, dataclasses as dicts. With ``include_text``, each document entry also
    carries its cleaned ``text``. Raises ValueError when the inputs contradict each other: a
    document in no story or in two, an unknown id, an occurrence outside its document.

    >>> from cleaner.model import Clustering, Story
    >>> doc = Document(id="a.txt", text="Body.", metadata={"title": "A title"})
    >>> story = Story("s1", "A title", ("a.txt",), (), ())
    >>> report = build_report([doc], Clustering((story,)), [])
    >>> report["documents"][0]["cluster"], report["clusters"][0]["members"]
    ('s1', ['a.txt'])
    """
    from cleaner import __version__

    texts = {doc.id: doc.text for doc in documents}
    if len(texts) != len(documents):
        raise ValueError("document ids are not unique")
    key = functools.cache(natural_key)  # ids are sorted many times: split each once
    stories = sorted(clustering.stories, key=lambda story: _story_order(story, key))
    _check_clustering(set(texts), stories)
    _check_passages(texts, {s.id for s in stories}, passages)
    story_of = {doc: story.id for story in stories for doc in story.members}

    passage_entries = sorted(
        (_passage_entry(p, _passage_story(p, story_of), key) for p in passages),
        key=lambda e: key(e["id"]),
    )
    by_story: dict[str, list[str]] = {}
    for entry in passage_entries:
        if entry["story"] is not None:
            by_story.setdefault(entry["story"], []).append(entry["id"])

    best = _best_similarity(stories)
    document_entries = []
    for doc in sorted(documents, key=lambda d: key(d.id)):
        entry = _document_entry(doc, story_of[doc.id], best.get(doc.id))
        if include_text:
            entry["text"] = doc.text
        document_entries.append(entry)

    return {
        "version": REPORT_VERSION,
        "generator": f"cleaner {__version__}",
        "config": {name: _config_entry(c) for name, c in sorted((configs or {}).items())},
        "summary": {
            "documents": len(document_entries),
            "clusters": len(stories),
            "multi_document_clusters": sum(1 for s in stories if len(s.members) > 1),
            "near_duplicate_groups": sum(len(s.near_duplicates) for s in stories),
            "passages": len(passage_entries),
        },
        "documents": document_entries,
        "clusters": [_cluster_entry(s, by_story.get(s.id, []), key) for s in stories],
        "passages": passage_entries,
    }


def cluster_report(
    documents: Sequence[Document],
    cluster_config: ClusterConfig = DEFAULT_CLUSTER_CONFIG,
    passage_config: PassageConfig = DEFAULT_PASSAGE_CONFIG,
    *,
    include_text: bool = False,
    jobs: int = 1,
    track: Track | None = None,
    features: list[Features] | None = None,
) -> dict[str, Any]:
    """Cluster cleaned documents, find the passages shared within each story, build the report.

    This is what ``cleaner cluster`` runs once its inputs are cleaned; the configs used are
    recorded in the report. ``jobs`` processes share the work (the report is the same);
    ``track(stage, total)`` gives a callback that each stage calls with the items it has
    finished (for progress bars). ``features`` are the documents' clustering features when
    they were computed already (see :func:`~cleaner.featured.featured_documents`); the list is
    consumed (emptied) by clustering.
    """
    done = track("clustering", len(documents)) if track else None
    clustering = run_clustering(
        documents, cluster_config, jobs=jobs, done=done, features=features
    ).clustering
    groups = {story.id: story.members for story in clustering.stories if len(story.members) > 1}
    done = track("passages", len(groups)) if track else None
    passages = find_shared_passages(documents, groups, passage_config, jobs=jobs, done=done)
    return build_report(
        documents,
        clustering,
        passages,
        configs={"cluster": cluster_config, "passage": passage_config},
        include_text=include_text,
    )
