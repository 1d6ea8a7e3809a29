"""A corpus of hostile inputs (issue 6), written by a script into a folder, and a report on how
``cleaner`` copes with it.

Every case is a file (or a few) whose name says what it is. ``bad`` cases must give one error
line on stderr naming the input and the problem and exit status 1; ``valid`` cases (odd but
legitimate scrapes: Latin-1, UTF-16, CRLF, a 20 MB line, hostile record ids, ...) are simply
cleaned, exit status 0. Run as a script it builds the corpus in a temporary folder, runs
``cleaner clean`` on each case alone and on all of them in one folder (and ``cleaner cluster``
on that folder), times the adversarial regex lines (:mod:`tests.regex_attacks`) and prints the
figures::

    PYTHONPATH=. python -m tests.hostile_corpus --report
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = (
    "Harbour festival returns after three years\n\n"
    "The harbour festival returned on Saturday with boats, music and food stalls along the "
    "quay, drawing thousands of visitors despite the rain, organisers said.\n\n"
    "The mayor opened the event and thanked the volunteers who rebuilt the stage.\n"
)
"""A small valid article: the text of the good inputs around the hostile ones."""


def article(tag: str) -> str:
    """:data:`ARTICLE` made unique to one input (lines that recur across a folder's documents
    are boilerplate to the cleaner, so each input tells its own story)."""
    return (
        ARTICLE.replace("Harbour", f"Harbour {tag}")
        .replace(" the quay", f" the {tag} quay")
        .replace("The mayor", f"The {tag} mayor")
    )


NOBODY = "root without CAP_DAC_OVERRIDE"
"""Who the runs are when the tests run as root: root can read any file, so an unreadable
input would not be one."""

Builder = Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    """One hostile input: ``path`` (relative to the corpus folder) and how it is written."""

    name: str
    path: str
    build: Builder
    valid: bool
    """True for an input that is odd but legitimate: it is cleaned, exit status 0."""
    problem: str = ""
    """For a bad input: words the error line must contain."""
    heavy: bool = False
    """Seconds to clean (real sizes): the tests run it once, in the all-in-one folder."""


def _write(data: bytes | Callable[[str], bytes]) -> Builder:
    """Write ``data``, or what it makes of the story for this file (see :func:`article`)."""

    def build(path: Path) -> None:
        path.write_bytes(data if isinstance(data, bytes) else data(article(path.name)))

    return build


def _gzip_bomb(path: Path) -> None:
    """100 MB of zeros in ~100 kB: past the 50 MB bound on one document."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = bytes(1 << 20)
    with path.open("wb") as out:
        for _ in range(100):
            out.write(packer.compress(chunk))
        out.write(packer.flush())


def _truncated_gzip(path: Path) -> None:
    data = gzip.compress((article(path.name) * 200).encode())
    path.write_bytes(data[: len(data) // 2])


def warc_bytes(pages: list[tuple[str, bytes]]) -> bytes:
    """An uncompressed WARC of HTTP 200 HTML responses."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for uri, body in pages:
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), length=len(body), http_headers=http
        )
        writer.write_record(record)
    return out.getvalue()


def _truncated_warc(path: Path) -> None:
    pages = [
        (
            f"https://news.example/page{i}",
            f"<html><body><article><p>{article(f'page {i}')}</p></article></body></html>".encode(),
        )
        for i in range(3)
    ]
    data = warc_bytes(pages)
    path.write_bytes(data[:-200])


def _jsonl(lines: list[str]) -> Builder:
    return _write(("\n".join(lines) + "\n").encode())


def _record(doc_id: str) -> str:
    return json.dumps({"id": doc_id, "text": article(doc_id)})


def _symlink_loop(path: Path) -> None:
    """A file link to itself, and a folder link back up (never followed)."""
    path.symlink_to(path.name)
    (path.parent / "loop-dir").mkdir(exist_ok=True)
    (path.parent / "loop-dir" / "up").symlink_to("..", target_is_directory=True)


def _unreadable(path: Path) -> None:
    path.write_text(article(path.name))
    path.chmod(0)


def _deep_html(path: Path) -> None:
    depth = 10_000
    path.write_text(
        "<html><body>"
        + "<div>" * depth
        + f"<p>{article(path.name)}</p>"
        + "</div>" * depth
        + "</body></html>"
    )


def _entity_flood(path: Path) -> None:
    flood = "&amp;&lt;&#x41;&#65;&nbsp;&eacute;&bogus;" * 200_000  # ~8 MB of entities
    path.write_text(
        f"<html><body><article><p>{article(path.name)}</p><p>{flood}</p></article></body></html>"
    )


def _million_lines(path: Path) -> None:
    path.write_text(article(path.name) + "x\n" * 1_000_000)


def _long_line(path: Path) -> None:
    words = "lorem ipsum dolor sit amet, consectetur adipiscing elit. "
    path.write_text(article(path.name) + words * (20_000_000 // len(words)) + "\n")


CASES: tuple[Case, ...] = (
    Case("empty file", "empty.txt", _write(b""), False, "empty input"),
    Case("whitespace only", "blank.txt", _write(b" \n\t\r\n   \n"), False, "empty input"),
    Case(
        "binary (PNG image)",
        "image.txt",
        _write(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40),
        False,
        "binary data",
    ),
    Case(
        "NUL bytes",
        "nul.txt",
        _write(lambda text: text.encode().replace(b" ", b"\x00")),
        False,
        "binary",
    ),
    Case(
        "invalid UTF-8",
        "invalid-utf8.txt",
        _write(bytes(range(0x80, 0x100)) * 20 + b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc"),
        False,
        "undecodable",
    ),
    Case(
        "UTF-8 with stray invalid bytes",
        "stray-bytes.txt",
        _write(
            lambda text: (text + "Café, façade, Zürich.\n").encode().replace(b"quay", b"qu\xffay")
        ),
        True,
    ),
    Case(
        "Latin-1",
        "latin1.txt",
        _write(lambda text: (text + "Café, façade, Zürich.\n").encode("latin-1")),
        True,
    ),
    Case("UTF-16 with BOM", "utf16.txt", _write(lambda text: text.encode("utf-16")), True),
    Case(
        "CRLF line ends", "crlf.txt", _write(lambda text: text.replace("\n", "\r\n").encode()), True
    ),
    Case(
        "lone CR line ends", "cr.txt", _write(lambda text: text.replace("\n", "\r").encode()), True
    ),
    Case("20 MB single line", "long-line.txt", _long_line, True, heavy=True),
    Case("a million tiny lines", "million-lines.txt", _million_lines, True, heavy=True),
    Case("10,000-deep nested HTML", "deep.html", _deep_html, True, heavy=True),
    Case("HTML entity flood", "entities.html", _entity_flood, True, heavy=True),
    Case("gzip bomb", "bomb.txt.gz", _gzip_bomb, False, "gzip bomb"),
    Case("truncated gzip", "cut.txt.gz", _truncated_gzip, False, "truncated gzip"),
    Case("truncated WARC", "cut.warc", _truncated_warc, False, "truncated WARC"),
    Case(
        "malformed JSON lines",
        "malformed.jsonl",
        _jsonl(
            [_record("good-1"), '{"id": "x", "text": ', "[1, 2]", "\x00\x01", _record("good-2")]
        ),
        False,
        "invalid JSON",
    ),
    Case(
        "JSON-lines ids like ../../x and absolute paths",
        "hostile-ids.jsonl",
        _jsonl(
            [_record(i) for i in ("../../x", "/etc/passwd", "/tmp/../../root/x", "..", "a/../../b")]
        ),
        True,
    ),
    Case("symlink loop", "loop.txt", _symlink_loop, False, "Too many levels of symbolic links"),
    Case("unreadable file", "unreadable.txt", _unreadable, False, "Permission denied"),
    Case("named pipe in the folder", "pipe.txt", lambda path: os.mkfifo(path), False, "named pipe"),
)

GOOD = ("good/one.txt", "good/two.txt", "good/three.html")
"""Ordinary inputs put beside the hostile ones: each must still be cleaned."""


def build_case(case: Case, folder: Path) -> Path:
    """Write one case into ``folder``; return its path."""
    path = folder / case.path
    path.parent.mkdir(parents=True, exist_ok=True)
    case.build(path)
    return path


def build_corpus(folder: Path, cases: tuple[Case, ...] = CASES) -> Path:
    """Every case, plus :data:`GOOD` inputs, in one folder (created)."""
    folder.mkdir(parents=True, exist_ok=True)
    for case in cases:
        build_case(case, folder)
    for n, name in enumerate(GOOD):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = article(f"good {n}")
        if name.endswith(".html"):
            paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
            text = f"<html><body><article>{paragraphs}</article></body></html>"
        path.write_text(text)
    return folder


def checksums(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under ``folder`` (links as their target text, unreadable as mode)."""
    sums = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        if path.is_symlink():
            sums[key] = "-> " + os.readlink(path)
        elif path.is_file():
            if os.stat(path).st_mode & 0o444 == 0:
                sums[key] = f"mode {os.stat(path).st_mode:o} size {path.stat().st_size}"
            else:
                sums[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return sums


def cleaner_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}


DROP_READ_OVERRIDE = (
    "setpriv",
    "--inh-caps=-dac_override,-dac_read_search",
    "--bounding-set=-dac_override,-dac_read_search",
)
"""Run as root without the capabilities that let root read any file (see :data:`NOBODY`)."""


def unprivileged() -> list[str]:
    """The command prefix that makes an unreadable file unreadable to the run, or none needed.

    Raises RuntimeError as root when ``setpriv`` (util-linux) is missing.
    """
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        raise RuntimeError("running as root, and setpriv is missing: cannot drop DAC override")
    return list(DROP_READ_OVERRIDE)


def workspace() -> Path:
    """A temporary folder for the runs (removed by the caller)."""
    return Path(tempfile.mkdtemp(prefix="cleaner-hostile-"))


def run_cleaner(
    args: list[str], cwd: Path, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    """``python -m cleaner ARGS`` in ``cwd``, unable to read unreadable files, text output."""
    return subprocess.run(
        [*unprivileged(), sys.executable, "-m", "cleaner", *args],
        cwd=cwd,
        env=cleaner_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@dataclass
class Outcome:
    """What one run did: exit status, error lines, crash signs, files lost or changed."""

    status: int
    errors: list[str]
    crashed: bool
    lost_or_modified: list[str]
    stray: list[str]
    """Files that appeared outside the output folder."""
    seconds: float


def observe(base: Path, inputs: Path, args: list[str], out_names: tuple[str, ...]) -> Outcome:
    """Run cleaner on ``inputs`` (under ``base``) and check it kept to its output."""
    before_inputs = checksums(inputs)
    before_base = {p for p in checksums(base) if not p.startswith(out_names)}
    start = time.perf_counter()
    proc = run_cleaner(args, base)
    seconds = time.perf_counter() - start
    after_inputs = checksums(inputs)
    lost = sorted(k for k in before_inputs if after_inputs.get(k) != before_inputs[k])
    stray = sorted(p for p in set(checksums(base)) - before_base if not p.startswith(out_names))
    crashed = "Traceback" in proc.stderr or proc.returncode not in (0, 1)
    errors = [
        line
        for line in proc.stderr.splitlines()
        if line.startswith("cleaner: ") and ": " in line[9:]
    ]
    return Outcome(proc.returncode, errors, crashed, lost, stray, seconds)


def report(keep: Path | None = None) -> int:
    """Build the corpus, run every case, print the figures; 0 when nothing crashed or was lost."""
    base = workspace()
    try:
        rows = []
        for case in CASES:
            folder = base / "single" / case.name.replace(" ", "-").replace("/", "_")
            path = build_case(case, folder / "in")
            outcome = observe(folder, path.parent, ["clean", "in", "-o", "out", "-q"], ("out",))
            rows.append((case, outcome))
        corpus = build_corpus(base / "all" / "in")
        whole = observe(base / "all", corpus, ["clean", "in", "-o", "out"], ("out",))
        cluster = observe(
            base / "all",
            corpus,
            ["cluster", "in", "--json", "r.json", "--html", "r.html"],
            ("out", "r.json", "r.html"),
        )
    finally:
        if keep is None:
            shutil.rmtree(base, ignore_errors=True)
    print(f"{'case':<48} {'expect':<6} {'exit':>4} {'secs':>6}  message")
    for case, outcome in rows:
        message = outcome.errors[0] if outcome.errors else ""
        print(
            f"{case.name:<48} {'0' if case.valid else '1':<6} {outcome.status:>4} "
            f"{outcome.seconds:6.1f}  {message[:90]}"
        )
    runs = [o for _, o in rows] + [whole, cluster]
    tried = len(CASES)
    crashed = sum(o.crashed for o in runs)
    wrong = (
        sum(o.status != (0 if c.valid else 1) for c, o in rows)
        + (whole.status != 1)
        + (cluster.status != 1)
    )
    lost = sum(len(o.lost_or_modified) for o in runs)
    stray = sum(len(o.stray) for o in runs)
    print(
        f"\nall in one folder: clean exit {whole.status} in {whole.seconds:.1f}s, "
        f"{len(whole.errors)} error lines; cluster exit {cluster.status} in {cluster.seconds:.1f}s"
    )
    print(
        f"hostile cases tried: {tried}; runs: {len(runs)}; crashed: {crashed}; "
        f"wrong exit status: {wrong}; files lost or modified: {lost}; "
        f"files written outside the output: {stray}"
    )
    from tests.regex_attacks import slowest_lines

    worst = slowest_lines()
    print(
        f"adversarial 1 MB lines: {worst.lines} cleaned; longest within the bound "
        f"{worst.seconds:.2f}s ({worst.name}); bound {worst.bound:.0f}s; stopped at the bound: "
        f"{len(worst.past_bound)} ({', '.join(worst.past_bound) or 'none'})"
    )
    return 0 if crashed == lost == stray == wrong == 0 and not worst.past_bound else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--report", action="store_true", help="run every case, print the figures")
    parser.add_argument("--build", type=Path, help="only write the corpus into this folder")
    args = parser.parse_args()
    if args.build:
        build_corpus(args.build)
        print(args.build)
    elif args.report:
        sys.exit(report())
    else:
        parser.print_help()


if __name__ == "__main__":
    main()
