"""Runs with several processes give exactly what one process gives, and leave no process
behind when killed."""

from __future__ import annotations

import contextlib
import json
import os
import random
import select
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from datasketch import MinHash
from typer.testing import CliRunner

from cleaner.cli import app
from cleaner.cluster import run_clustering
from cleaner.config import ClusterConfig
from cleaner.document import Document
from cleaner.io import find_sources
from cleaner.neardup import shingle_sets
from cleaner.parallel import (
    WORKER_COLLECTOR_THRESHOLDS,
    available_cores,
    chunked_map,
    chunks,
    start_workers_early,
)
from cleaner.passages import find_shared_passages
from cleaner.pipeline import clean_corpus, cleaned_documents
from cleaner.shingle import hashed_jaccard, jaccard, shingles

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "cluster"
MANY = 700
"""More documents than two chunks of the pool (so that the pool is really used)."""


def _square(chunk: list[int], offset: int) -> list[int]:
    return [x * x + offset for x in chunk]


def _short(chunk: list[int]) -> list[int]:
    return chunk[:-1]


def _fail(chunk: list[int]) -> list[int]:
    raise ValueError("boom")


def _loaded(chunk: list[int]) -> list[int]:
    from cleaner.language import load_stoplists

    return [load_stoplists.cache_info().currsize for _ in chunk]


def _thresholds(chunk: list[int]) -> list[tuple[int, ...]]:
    import gc

    return [gc.get_threshold() for _ in chunk]


def test_workers_collect_cycles_less_often() -> None:
    found = set(chunked_map(_thresholds, range(40), jobs=2, chunk_size=10))
    assert found == {WORKER_COLLECTOR_THRESHOLDS}


def test_workers_start_with_the_stoplists_loaded() -> None:
    start_workers_early(1)  # no pool: nothing to start
    start_workers_early(2)
    assert set(chunked_map(_loaded, range(40), jobs=2, chunk_size=10)) == {1}


def test_chunks_are_lazy_and_complete() -> None:
    assert list(chunks(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunks([], 3)) == []


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_chunked_map_keeps_order(jobs: int) -> None:
    seen: list[int] = []
    out = list(chunked_map(_square, iter(range(50)), 1, jobs=jobs, chunk_size=4, done=seen.append))
    assert out == [x * x + 1 for x in range(50)]
    assert sum(seen) == 50


def test_chunked_map_checks_one_result_per_item_and_raises() -> None:
    with pytest.raises(RuntimeError):
        list(chunked_map(_short, range(10), jobs=2, chunk_size=3))
    with pytest.raises(ValueError, match="boom"):
        list(chunked_map(_fail, range(10), jobs=2, chunk_size=3))
    assert list(chunked_map(_square, [], 0, jobs=2)) == []
    assert available_cores() >= 1


def _corpus(n: int = MANY, seed: int = 3) -> list[Document]:
    """Invented articles (the cluster fixtures' words and made-up names), with reprints."""
    rng = random.Random(seed)
    words = sorted({w for p in FIXTURES.glob("*.txt") for w in p.read_text().split()})
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    words += sorted({"".join(rng.sample(syllables, 3)).title() for _ in range(4000)})
    docs: list[Document] = []
    while len(docs) < n:
        base = [rng.choice(words) for _ in range(rng.randint(20, 80))]
        for _ in range(rng.choice((1, 2, 3))):
            text = list(base)
            for _ in range(3):
                text[rng.randrange(len(text))] = rng.choice(words)
            title = " ".join(base[:6]).title()
            doc_id = f"d{len(docs):04d}"
            docs.append(Document(doc_id, " ".join(text), metadata={"title": title}))
    return docs[:n]


def test_hashed_shingle_sets_match_the_shingles() -> None:
    config = ClusterConfig()
    texts = [doc.text for doc in _corpus(60)]
    sets = shingle_sets(texts, config)
    plain = [shingles(t, config.shingle_size) for t in texts]
    for (sig, hashes), shingle_set in zip(sets, plain, strict=True):
        assert len(hashes) == len(shingle_set)
        low = [int(h) & 0xFFFFFFFF for h in hashes]
        expected = MinHash.bulk(
            [low], num_perm=config.num_perm, seed=config.seed, scheme=config.scheme, hashfunc=int
        )[0]
        assert sig is not None
        assert list(sig) == list(expected.hashvalues)
    for i in range(len(texts) - 1):
        assert hashed_jaccard(sets[i][1], sets[i + 1][1]) == jaccard(plain[i], plain[i + 1])


def test_clustering_and_passages_do_not_depend_on_jobs() -> None:
    docs = _corpus()
    one, two = run_clustering(docs, jobs=1), run_clustering(docs, jobs=2)
    assert one == two
    assert one.units < len(docs)
    groups = {s.id: s.members for s in one.clustering.stories if len(s.members) > 1}
    assert len(groups) > 2 * 32  # more than two tasks of the pool
    assert find_shared_passages(docs, groups, jobs=1) == find_shared_passages(docs, groups, jobs=2)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("scrape")
    for doc in _corpus():
        cruft = "Home | News | Sport\nShare on Facebook\n"
        text = f"{cruft}{doc.metadata['title']}\n\n{doc.text}.\n\nSubscribe to our newsletter\n"
        (target / f"{doc.id}.txt").write_text(text, encoding="utf-8")
    (target / "empty.txt").write_bytes(b"")
    return target


def test_pipeline_does_not_depend_on_jobs(folder: Path) -> None:
    sources = find_sources([folder])
    one = list(clean_corpus(sources, jobs=1))
    assert list(clean_corpus(sources, jobs=2)) == one
    assert sum(1 for item in one if not hasattr(item, "result")) == 1  # empty.txt
    assert list(cleaned_documents(sources, jobs=2)) == list(cleaned_documents(sources))


def test_cli_cluster_report_does_not_depend_on_jobs(folder: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    reports = []
    for jobs in ("1", "2"):
        out = tmp_path / f"report{jobs}.json"
        result = runner.invoke(app, ["cluster", str(folder), "--json", str(out), "-j", jobs])
        assert result.exit_code == 1, result.output  # empty.txt cannot be read
        reports.append(json.loads(out.read_text(encoding="utf-8")))
    assert reports[0] == reports[1]
    assert reports[0]["summary"]["documents"] == MANY


ABANDONED_RUN = """
import time
from cleaner.parallel import chunked_map

results = chunked_map(sorted, range(10_000), jobs=2, chunk_size=10)
print(next(results), flush=True)  # the pool is running
time.sleep(60)  # the test kills this process meanwhile
"""
"""A run whose main process the test SIGKILLs while its pool of workers is up."""


def processes_of(marker: str) -> set[int]:
    """The live processes whose environment holds ``marker``: those of one run (its main
    process, the fork server and the workers forked from it, the resource tracker)."""
    found = set()
    for entry in Path("/proc").iterdir():
        try:
            environ = (entry / "environ").read_bytes() if entry.name.isdigit() else b""
        except OSError:  # gone meanwhile, or not ours
            continue
        if marker.encode() in environ.split(b"\0"):
            found.add(int(entry.name))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds processes in /proc")
def test_workers_exit_when_the_main_process_is_killed(tmp_path: Path) -> None:
    name, value = "CLEANER_TEST_RUN", uuid.uuid4().hex
    marker = f"{name}={value}"
    stderr = tmp_path / "stderr.txt"
    with (
        stderr.open("wb") as errors,
        subprocess.Popen(
            [sys.executable, "-c", ABANDONED_RUN],
            env={**os.environ, "PYTHONPATH": str(ROOT), name: value},
            stdout=subprocess.PIPE,
            stderr=errors,
        ) as run,
    ):
        try:
            assert run.stdout is not None
            assert select.select([run.stdout], [], [], 60)[0], "the run never started its pool"
            assert run.stdout.readline() == b"0\n", stderr.read_text()
            assert len(processes_of(marker) - {run.pid}) >= 2  # the server and a worker at least
            run.kill()
            run.wait(timeout=10)
            deadline = time.monotonic() + 10
            while (left := processes_of(marker)) and time.monotonic() < deadline:
                time.sleep(0.05)
        finally:
            run.kill()
            for pid in processes_of(marker):  # the run's own marker: no other process is touched
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
    assert not left, f"processes of the killed run still running: {sorted(left)}"
