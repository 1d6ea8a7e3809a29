"""Quality of story clustering on ECB+ (dev) and on the five seeds.

    PYTHONPATH=. python -m bench.cluster [--data ../shared/data] [--set link_threshold=0.2]

Prints the adjusted Rand index against ``ecbplus-dev/labels.json`` (texts as given, no titles;
and again after ``clean_text``, which takes the first line as title), the number of clusters,
candidate pairs verified against all pairs, whether the five seeds form exactly one cluster of
five (gold clean texts, raw seeds through ``clean_text``, and gold seeds mixed into ECB+), and
the time taken. The data is third-party and stays outside the repository.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import time
from collections.abc import Sequence
from pathlib import Path

from bench.ari import adjusted_rand_index
from cleaner.clean import clean_text
from cleaner.cluster import ClusterRun, run_clustering
from cleaner.config import ClusterConfig
from cleaner.document import Document

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
SEEDS = REPO / "seeds"


def load_ecbplus(folder: Path) -> tuple[list[Document], dict[str, str]]:
    """ECB+ documents (no titles: one sentence per line) and their story labels."""
    labels: dict[str, str] = json.loads((folder / "labels.json").read_text())
    docs = [
        Document(id=name, text=(folder / "txt" / name).read_text(encoding="utf-8"))
        for name in sorted(labels)
    ]
    return docs, labels


def load_gold_seeds(folder: Path) -> list[Document]:
    """The gold clean seed texts: first line title, then the body."""
    docs = []
    for path in sorted(folder.glob("*.txt")):
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        docs.append(Document(id=path.name, text=body.strip(), metadata={"title": title.strip()}))
    return docs


def _through_cleaner(doc: Document) -> Document:
    """``doc`` as ``clean_text`` leaves it: cleaned body, title in metadata."""
    result = clean_text(doc.text)
    return Document(id=doc.id, text=result.text, metadata={"title": result.title})


def load_raw_seeds(folder: Path) -> list[Document]:
    """The raw seed scrapes passed through ``clean_text`` (whatever cleaner is in place)."""
    return [
        _through_cleaner(Document(id=path.name, text=path.read_text(encoding="utf-8")))
        for path in sorted(folder.glob("*.txt"))
    ]


def seeds_verdict(run: ClusterRun, seed_ids: Sequence[str]) -> str:
    """``ok`` when the seeds form exactly one story of exactly those documents."""
    story_of = run.clustering.story_of()
    stories = {story_of[s] for s in seed_ids}
    if len(stories) != 1:
        return f"FAIL: seeds split over {len(stories)} stories"
    (sid,) = stories
    members = next(s.members for s in run.clustering.stories if s.id == sid)
    extra = sorted(set(members) - set(seed_ids))
    if extra:
        return f"FAIL: seed story has {len(extra)} extra members, e.g. {extra[:3]}"
    return f"ok (one story of {len(seed_ids)})"


def parse_overrides(items: Sequence[str]) -> ClusterConfig:
    """``name=value`` pairs applied to the default ClusterConfig."""
    config = ClusterConfig()
    types = {f.name: type(getattr(config, f.name)) for f in dataclasses.fields(config)}
    changes = {}
    for item in items:
        name, _, value = item.partition("=")
        if name not in types:
            raise SystemExit(f"unknown ClusterConfig field {name!r}")
        changes[name] = types[name](value)
    return dataclasses.replace(config, **changes)


def evaluate(data: Path, config: ClusterConfig) -> dict[str, object]:
    """Run every check and return the figures."""
    figures: dict[str, object] = {}
    docs, labels = load_ecbplus(data / "ecbplus-dev")
    start = time.perf_counter()
    run = run_clustering(docs, config)
    figures["time_s"] = round(time.perf_counter() - start, 2)
    predicted = run.clustering.story_of()
    figures["ari"] = round(adjusted_rand_index(labels, predicted), 4)
    figures["clusters"] = len(run.clustering.stories)
    figures["gold_clusters"] = len(set(labels.values()))
    titled = [_through_cleaner(d) for d in docs]
    titled_run = run_clustering(titled, config)
    figures["ari_via_clean_text"] = round(
        adjusted_rand_index(labels, titled_run.clustering.story_of()), 4
    )
    n = len(docs)
    figures["candidates"] = f"{run.story_candidates} story + {run.dup_candidates} near-dup"
    figures["all_pairs"] = n * (n - 1) // 2
    gold_seeds = load_gold_seeds(data.parent / "seeds-gold" / "clean")
    seed_ids = [d.id for d in gold_seeds]
    figures["seeds_gold"] = seeds_verdict(run_clustering(gold_seeds, config), seed_ids)
    figures["seeds_raw"] = seeds_verdict(run_clustering(load_raw_seeds(SEEDS), config), seed_ids)
    mixed = run_clustering(docs + gold_seeds, config)
    figures["seeds_in_ecbplus"] = seeds_verdict(mixed, seed_ids)
    mixed_raw = run_clustering(docs + load_raw_seeds(SEEDS), config)
    figures["raw_seeds_in_ecbplus"] = seeds_verdict(mixed_raw, seed_ids)
    return figures


def main(argv: Sequence[str] | None = None) -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    parser.add_argument("--set", action="append", default=[], help="ClusterConfig name=value")
    args = parser.parse_args(argv)
    figures = evaluate(args.data, parse_overrides(args.set))
    for key, value in figures.items():
        print(f"{key:22} {value}")


if __name__ == "__main__":
    main()
