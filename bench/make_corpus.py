"""A synthetic scrape folder of N text documents, built from the real texts in the shared data.

    PYTHONPATH=. python -m bench.make_corpus OUT_DIR -n 10000 [--data ../shared/data] [--seed 5]

Each document is one "site page": a title line, a few real cruft lines of its site (menus, share
bars, footers: lines of the scrapinghub full-page dumps that are not in that page's gold body),
then an article body, then the site's footer lines. Bodies come from real articles (ECB+ dev
and the scrapinghub gold bodies), recombined and lightly edited:

* a **story** is a headline and 6-14 sentences (or paragraphs), each spliced from the halves
  of two real ones drawn from the whole pool, so stories are distinct, as in a real scrape;
  each of its documents takes a run of most of them, with a few words changed; a story's
  own names (pairs of real capitalised words) stand in for some of the capitalised words
  of its headline and sentences, as real stories differ by who and where;
* a **near-duplicate** is a copy of an already written document with a few words changed or
  dropped (a reprint); about one document in eight;
* sites are ~200 groups of cruft lines, each document drawn from one site.

The folder holds ``doc0000001.txt ...``; ``OUT_DIR.labels.json`` beside it maps file -> story.
Everything follows from ``--seed``; nothing is written into the repository (use a temporary
folder or ``bench/out/``, which git ignores).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
WORD = re.compile(r"\w+")
NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{2,}\b")
"""A capitalised word after a lowercase word or comma: inside a sentence, most likely a name."""
SITES = 200
NEAR_DUPLICATE_SHARE = 0.125
STORY_SIZES = (1, 1, 1, 2, 2, 3, 4, 6, 10)
"""Documents per story, drawn uniformly: many singletons, some large stories."""
Site = tuple[list[str], list[str], list[str]]
"""A site's cruft: header lines, footer lines, lines that may stand inside a body."""


@dataclass(frozen=True, slots=True)
class Article:
    """A real article: its paragraphs (the first is read as its title)."""

    name: str
    paragraphs: tuple[str, ...]


def load_articles(data: Path) -> list[Article]:
    """ECB+ dev articles (one sentence per line) and scrapinghub gold bodies."""
    articles = []
    ecb = data / "ecbplus-dev" / "txt"
    for path in sorted(ecb.glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        articles.append(Article(path.stem, tuple(lines)))
    gold = data / "scrapinghub" / "gold"
    for path in sorted(gold.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paras = [ln.strip() for ln in text.splitlines() if len(ln.split()) >= 3]
        if len(paras) >= 3:
            articles.append(Article(path.stem, tuple(paras)))
    return articles


def load_cruft(data: Path) -> list[list[str]]:
    """Per scrapinghub page, its dump lines that are not in the gold body (real cruft)."""
    pages = []
    for path in sorted((data / "scrapinghub" / "txt").glob("*.txt")):
        gold_path = data / "scrapinghub" / "gold" / path.name
        gold = gold_path.read_text(encoding="utf-8") if gold_path.exists() else ""
        lines = [
            ln.strip()
            for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and ln.strip() not in gold and len(ln) < 200
        ]
        if len(lines) >= 6:
            pages.append(lines)
    return pages


def edit(text: str, rng: random.Random, edits: int) -> str:
    """Change or drop ``edits`` random words of ``text``."""
    spans = [m.span() for m in WORD.finditer(text)]
    if not spans:
        return text
    for k in sorted(rng.sample(range(len(spans)), min(edits, len(spans))), reverse=True):
        start, end = spans[k]
        a, b = spans[rng.randrange(len(spans))]
        text = text[:start] + ("" if rng.random() < 0.5 else text[a:b]) + text[end:]
    return text


def make_sites(cruft: Sequence[list[str]], rng: random.Random) -> list[Site]:
    """``SITES`` sites, each (header, footer, occasional) cruft lines from one or two pages."""
    sites = []
    for _ in range(SITES):
        lines = list(rng.choice(cruft))
        rng.shuffle(lines)
        header = lines[: rng.randint(3, 8)]
        footer = lines[len(header) : len(header) + rng.randint(2, 6)]
        extra = lines[len(header) + len(footer) :][:20]
        sites.append((header, footer, extra))
    return sites


def splice(first: str, second: str, rng: random.Random) -> str:
    """The first part of one real sentence joined to the last part of another, each cut at a
    word near its middle: a new sentence of real words and real phrasing."""
    a, b = first.split(), second.split()
    cut_a = max(1, round(len(a) * rng.uniform(0.35, 0.65)))
    cut_b = min(len(b) - 1, round(len(b) * rng.uniform(0.35, 0.65)))
    return " ".join(a[:cut_a] + b[max(cut_b, 0) :])


def load_names(articles: Sequence[Article]) -> list[str]:
    """Capitalised words that stand inside a sentence of the real texts (mostly names)."""
    names = set()
    for article in articles:
        for paragraph in article.paragraphs[1:]:
            names.update(NAME.findall(paragraph))
    return sorted(names)


def with_names(text: str, entities: Sequence[str], rng: random.Random) -> str:
    """``text`` with up to two of its inner capitalised words replaced by the story's names."""
    spans = [m.span() for m in NAME.finditer(text)]
    for start, end in sorted(rng.sample(spans, min(2, len(spans))), reverse=True):
        text = text[:start] + rng.choice(entities) + text[end:]
    return text


def make_story(
    titles: Sequence[str], sentences: Sequence[str], names: Sequence[str], rng: random.Random
) -> tuple[str, list[str]]:
    """A story no other story tells: a headline and 6-14 sentences, each spliced from two real
    ones (:func:`splice`), about the story's own people and places (:func:`with_names`).

    The pool holds about ten thousand real sentences and a few hundred headlines; drawn whole,
    they would recur in dozens of unrelated stories at 100,000 documents, and so would any
    half of them: every story would then share rare words and headline words with many
    others, which no scrape folder does. Real stories differ by who and where: each story
    here has three names of two real capitalised words each (millions of combinations),
    and they replace inner capitalised words of its headline and sentences."""
    entities = [f"{rng.choice(names)} {rng.choice(names)}" for _ in range(3)]
    title = with_names(splice(rng.choice(titles), rng.choice(titles), rng), entities, rng)
    count = rng.randint(6, 14)
    return title, [
        with_names(splice(rng.choice(sentences), rng.choice(sentences), rng), entities, rng)
        for _ in range(count)
    ]


def story_document(title: str, paragraphs: Sequence[str], site: Site, rng: random.Random) -> str:
    """One outlet's version of a story: most of its paragraphs, lightly edited, with cruft."""
    header, footer, extra = site
    size = max(2, int(len(paragraphs) * rng.uniform(0.6, 1.0)))
    start = rng.randrange(max(1, len(paragraphs) - size + 1))
    body = [edit(p, rng, rng.randint(0, 2)) for p in paragraphs[start : start + size]]
    if extra and rng.random() < 0.3:
        body.insert(rng.randrange(len(body) + 1), rng.choice(extra))
    return "\n".join([*header, edit(title, rng, 1), "", *body, "", *footer]) + "\n"


def make_corpus(data: Path, n: int, seed: int) -> tuple[dict[str, str], dict[str, str]]:
    """``(file -> text, file -> story)`` for ``n`` documents."""
    rng = random.Random(seed)
    articles = load_articles(data)
    titles = [article.paragraphs[0][:150] for article in articles]
    sentences = sorted({p for article in articles for p in article.paragraphs[1:]})
    sites = make_sites(load_cruft(data), rng)
    people = load_names(articles)
    texts: dict[str, str] = {}
    labels: dict[str, str] = {}
    names: list[str] = []
    story = 0
    while len(texts) < n:
        story += 1
        title, paragraphs = make_story(titles, sentences, people, rng)
        for _ in range(rng.choice(STORY_SIZES)):
            if len(texts) >= n:
                break
            name = f"doc{len(texts) + 1:07d}.txt"
            if texts and rng.random() < NEAR_DUPLICATE_SHARE:
                original = rng.choice(names[-50:])
                texts[name] = edit(texts[original], rng, rng.randint(1, 4))
                labels[name] = labels[original]
                names.append(name)
                continue
            texts[name] = story_document(title, paragraphs, rng.choice(sites), rng)
            names.append(name)
            labels[name] = f"story{story}"
    return texts, labels


def write_corpus(target: Path, texts: dict[str, str], labels: dict[str, str]) -> None:
    """Write the documents into ``target`` (created) and the labels beside it."""
    target.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (target / name).write_text(text, encoding="utf-8")
    labels_path(target).write_text(json.dumps(labels, indent=0), encoding="utf-8")


def labels_path(folder: Path) -> Path:
    """Where the labels of a corpus folder are written: beside it, not read as input."""
    return folder.with_name(folder.name + ".labels.json")


def main(argv: Sequence[str] | None = None) -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write (created)")
    parser.add_argument("-n", type=int, default=10_000, help="number of documents")
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args(argv)
    texts, labels = make_corpus(args.data, args.n, args.seed)
    write_corpus(args.out, texts, labels)
    print(f"{len(texts)} documents, {len(set(labels.values()))} stories in {args.out}")


if __name__ == "__main__":
    main()
