"""HTML extraction benchmark: ``clean_html`` against trafilatura alone, quality and speed.

Runs both on the scrapinghub article-extraction-benchmark pages (181 news and blog pages with a
gold article body), in one process on one core, page by page in alternating order so that
machine noise hits both alike, and scores them with ``bench.score`` (bag-of-words precision and
recall averaged per page, F1 of the means: the benchmark's own metric).

    python bench/html.py [--data ../shared/data] [--limit N] [--worst N]

Prints P/R/F1 and pages per second for ``clean_html(html, url=url).text`` and for
``trafilatura.extract(html)`` with its defaults; quality only for trafilatura without comments
(``include_comments=False``); then what the text cleaner removed after extraction, per
category and rule, what was pruned before it, and which extractor produced each page.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path and its name would shadow the
# standard library's html module (which trafilatura imports): put the repository there instead.
_BENCH = Path(__file__).resolve().parent
sys.path[:] = [str(_BENCH.parent)] + [p for p in sys.path if Path(p or ".").resolve() != _BENCH]

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Callable  # noqa: E402

import trafilatura  # noqa: E402

from bench.score import Score, bow_counts, score  # noqa: E402
from cleaner.config import HtmlConfig  # noqa: E402
from cleaner.html import clean_extracted, extract_html  # noqa: E402

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
WARMUP_PAGES = 5


def load_pages(data: Path, limit: int | None) -> list[tuple[str, str, str, str | None]]:
    """``(name, html, gold, url)`` for each benchmark page, sorted by name."""
    root = data / "scrapinghub"
    names = sorted(p.stem for p in (root / "html").glob("*.html"))[:limit]
    if not names:
        raise SystemExit(f"no pages under {root / 'html'}")
    pages = []
    for name in names:
        meta = json.loads((root / "meta" / f"{name}.json").read_text(encoding="utf-8"))
        pages.append(
            (
                name,
                (root / "html" / f"{name}.html").read_text(encoding="utf-8"),
                (root / "gold" / f"{name}.txt").read_text(encoding="utf-8"),
                meta.get("url"),
            )
        )
    return pages


def _pin_one_core() -> str:
    """Run on one CPU, so both sides get the same core; say which."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"cpu {cpu}"
    return "unpinned"


def _line(label: str, s: Score, pages_per_second: float | None = None) -> str:
    speed = f"  {pages_per_second:6.1f} pages/s" if pages_per_second else ""
    return f"{label:34} P={s.precision:.4f} R={s.recall:.4f} F1={s.f1:.4f}{speed}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder holding scrapinghub/")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--focus", default=HtmlConfig().focus, help="HtmlConfig.focus")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages")
    parser.add_argument(
        "--undo-rules",
        default="",
        help="comma-separated text-cleaner rules: also score our text with their removals"
        " undone (what if they did not apply to extracted text)",
    )
    args = parser.parse_args(argv)

    pages = load_pages(args.data, args.limit)
    config = HtmlConfig(focus=args.focus)
    where = _pin_one_core()

    def ours(html: str, url: str | None) -> str:
        return clean_extracted(extract_html(html, url, config)).text

    def theirs(html: str, url: str | None) -> str:
        return trafilatura.extract(html) or ""

    runs: dict[str, Callable[[str, str | None], str]] = {"ours": ours, "trafilatura": theirs}
    for _, html, _, url in pages[:WARMUP_PAGES]:  # lazy imports and regex compiles
        for run in runs.values():
            run(html, url)

    # CPU time of this process: on a shared machine, time spent descheduled is not ours
    seconds = dict.fromkeys(runs, 0.0)
    wall = dict.fromkeys(runs, 0.0)
    texts: dict[str, list[str]] = {label: [] for label in runs}
    order = list(runs)
    for _, html, _, url in pages:
        order.reverse()
        for label in order:
            start, start_wall = time.process_time(), time.perf_counter()
            texts[label].append(runs[label](html, url))
            seconds[label] += time.process_time() - start
            wall[label] += time.perf_counter() - start_wall

    golds = [gold for _, _, gold, _ in pages]
    speed = {label: len(pages) / seconds[label] for label in runs}  # pages per CPU second
    print(f"{len(pages)} pages, one process, {where}, focus={config.focus}")
    print(
        _line(
            "clean_html(html, url=url).text",
            score(zip(texts["ours"], golds, strict=True)),
            speed["ours"],
        )
    )
    traf = score(zip(texts["trafilatura"], golds, strict=True))
    print(_line("trafilatura.extract(html)", traf, speed["trafilatura"]))
    no_comments = [
        trafilatura.extract(html, include_comments=False) or "" for _, html, _, _ in pages
    ]
    print(_line("trafilatura, include_comments=False", score(zip(no_comments, golds, strict=True))))
    print(
        f"overhead of ours on trafilatura: {seconds['ours'] / seconds['trafilatura'] - 1:+.1%} CPU"
        f" time, {wall['ours'] / wall['trafilatura'] - 1:+.1%} wall time"
    )

    categories: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    pruned: Counter[str] = Counter()
    extractors: Counter[str] = Counter()
    for _, html, _, url in pages:
        page = extract_html(html, url, config)
        extractors[page.extractor] += 1
        pruned.update(block.rule for block in page.pruned)
        for decision in clean_extracted(page).removed:
            categories[decision.category or "?"] += 1
            rules[decision.rule] += 1
    print("removed after extraction, by category:", dict(categories.most_common()) or "nothing")
    print("removed after extraction, by rule:", dict(rules.most_common()) or "nothing")
    print("pruned before extraction, by rule:", dict(pruned.most_common()) or "nothing")
    print("extractor:", dict(extractors.most_common()))

    if args.undo_rules:
        undo = set(args.undo_rules.split(","))
        undone = []
        for _, html, _, url in pages:
            lines = clean_extracted(extract_html(html, url, config)).lines
            kept = (d.text for d in lines if (d.keep and d.label != "title") or d.rule in undo)
            undone.append("\n\n".join(line for line in kept if line.strip()))
        label = f"ours, {len(undo)} rules undone"
        print(_line(label, score(zip(undone, golds, strict=True))))

    if args.worst:
        rows = []
        for (name, _, gold, _), text in zip(pages, texts["ours"], strict=True):
            tp, fp, fn = bow_counts(text, gold)
            rows.append((min(tp / (tp + fp or 1), tp / (tp + fn or 1)), name, tp, fp, fn))
        for worst, name, tp, fp, fn in sorted(rows)[: args.worst]:
            print(f"  {name}  min(P,R)={worst:.3f}  tp={tp:.2f} fp={fp:.2f} fn={fn:.2f}")


if __name__ == "__main__":
    main()
