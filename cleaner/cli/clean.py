"""``cleaner clean``: parse options, call :mod:`cleaner.pipeline`, write, map errors to exits."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal, NoReturn

import typer

from cleaner.clean import CleanResult
from cleaner.cli.interrupts import exits_on_signals
from cleaner.cli.options import (
    FormatIn,
    HtmlField,
    IdField,
    Jobs,
    TextField,
    inputs_argument,
    jobs_or_cores,
    read_config,
)
from cleaner.config import CleanConfig
from cleaner.io import (
    STDIN,
    ReadConfig,
    ReadError,
    Source,
    SourceError,
    atomic_writer,
    find_sources,
    input_folders,
    output_clash,
    output_conflict,
    output_name,
    output_path,
    read_sources,
    up_to_date,
    write_text_atomic,
)
from cleaner.parallel import start_workers_early
from cleaner.pipeline import MIN_CORPUS_DOCUMENTS, Cleaned, clean_corpus, corpus_templates

OutputFormat = Literal["text", "jsonl"]

EXIT_OK, EXIT_FAILED_INPUTS, EXIT_USAGE = 0, 1, 2


@exits_on_signals
def clean_command(
    inputs: Annotated[list[Path] | None, inputs_argument("the default")] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Text: a folder, written at the inputs' relative paths (.html becoming .txt, "
            ".gz dropped; a JSONL or WARC record at a safe path made from its id or URL, see "
            "README); it must lie outside the input folders. JSONL: a file. Default: stdout.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="text: the cleaned article; jsonl: one record each."),
    ] = "text",
    explain: Annotated[
        bool,
        typer.Option("--explain", help="Print every input line with its decision and rule."),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="No progress bar and no summary (errors still show)."),
    ] = False,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="With -o FOLDER: skip each text or HTML input whose output exists and is "
            "newer than it (e.g. after an interrupted run). Folder evidence still counts them.",
        ),
    ] = False,
    format_in: FormatIn = "auto",
    id_field: IdField = "id",
    text_field: TextField = "text",
    html_field: HtmlField = "html",
    jobs: Jobs = None,
) -> None:
    """Strip site cruft (menus, share buttons, ads, ...) from scraped article text.

    Reads text, saved HTML pages (the article is extracted first), JSON
    lines from a crawler (one document per record) and WARC archives (one
    document per HTML page), each optionally gzipped. A folder, several
    files, or a JSONL or WARC file is one corpus: lines that recur across
    its documents count as site boilerplate. Inputs are never modified;
    each output file is written atomically. Output folders inside input
    folders are refused.

    Examples:

        cleaner clean scrapes/ -o clean/

        cat page.txt | cleaner clean

        cleaner clean scrapes/ --format jsonl -o clean.jsonl

        cleaner clean crawl.warc.gz --format jsonl > clean.jsonl

        zcat crawl.jsonl.gz | cleaner clean --format-in jsonl -f jsonl

        cleaner clean page.txt --explain

    Exit status: 0 when every input was cleaned; 1 when some inputs or
    records could not be read (empty, binary, undecodable, malformed,
    truncated, too large: each is named on stderr and the others are still
    cleaned); 2 for usage errors.
    """
    paths = list(inputs) if inputs else [Path(STDIN)]
    if not inputs and sys.stdin.isatty():
        _usage("give files or folders, or pipe text in (see --help)", "INPUTS")
    if any(path.is_dir() for path in paths):  # the fork server starts while it is listed
        start_workers_early(jobs_or_cores(jobs))
    try:
        sources = find_sources(paths, format_in)
    except SourceError as error:
        _usage(str(error), "INPUTS")
    _check_output(sources, paths, output, output_format, explain)
    if resume and (output is None or output_format != "text"):
        _usage("--resume needs text output to a folder (-o FOLDER)", "'--resume'")
    config = read_config(id_field, text_field, html_field)

    report = _Reporter(quiet=quiet)
    # A bar on stderr would garble results written to the same terminal on stdout.
    to_terminal = output is None and sys.stdout.isatty()
    show_progress = len(sources) > 1 and not quiet and sys.stderr.isatty() and not to_terminal
    try:
        with report.progress(show_progress, total=len(sources)):
            _run(
                sources, output, output_format, explain, report, config, jobs_or_cores(jobs), resume
            )
    except BrokenPipeError:  # e.g. `| head`: stop quietly, as other command-line tools do
        _silence_stdout()
        raise typer.Exit(EXIT_FAILED_INPUTS) from None
    report.summary()
    raise typer.Exit(EXIT_FAILED_INPUTS if report.errors else EXIT_OK)


# ---------------------------------------------------------------------------------------------
# Checks (usage errors, exit 2)
# ---------------------------------------------------------------------------------------------
def _usage(message: str, param: str) -> NoReturn:
    raise typer.BadParameter(message, param_hint=param)


def _check_output(
    sources: list[Source],
    paths: list[Path],
    output: Path | None,
    output_format: OutputFormat,
    explain: bool,
) -> None:
    """Refuse option combinations that have no sensible meaning, before any work is done."""
    one_document = sources[0].path is None and not sources[0].has_records
    several = len(paths) > 1 or input_folders(paths) or any(s.has_records for s in sources)
    if explain and (output is not None or output_format != "text"):
        _usage("--explain prints to stdout: leave out -o and --format", "'--explain'")
    if output is None:
        if output_format == "text" and not explain and several:
            _usage("several documents: give -o FOLDER, or --format jsonl", "'-o'")
        return
    if output_format == "text":
        if one_document:
            _usage("stdin is cleaned to stdout: redirect it (> file)", "'-o'")
        if output.exists() and not output.is_dir():
            _usage(f"{output} is a file; text output goes to a folder", "'-o'")
        clash = output_clash(sources)
        if clash:
            _usage(f"{clash}: clean them separately", "INPUTS")
    elif output.is_dir():
        _usage(f"{output} is a folder; JSONL output goes to one file", "'-o'")
    conflict = output_conflict(output, sources, input_folders(paths), output_format == "text")
    if conflict:
        _usage(conflict, "'-o'")


# ---------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------
def _run(
    sources: list[Source],
    output: Path | None,
    output_format: OutputFormat,
    explain: bool,
    report: _Reporter,
    config: ReadConfig,
    jobs: int = 1,
    resume: bool = False,
) -> None:
    """Clean every source and write each result as soon as it is ready (in input order)."""
    stdin = typer.get_binary_stream("stdin")
    templates = None
    if resume and output is not None:
        pending = [source for source in sources if not up_to_date(source, output)]
        report.skipped = len(sources) - len(pending)
        if report.skipped and len(sources) >= MIN_CORPUS_DOCUMENTS:  # the evidence of all
            every = read_sources(report.track(sources, "reading"), stdin, config)
            templates = corpus_templates(every, CleanConfig(), jobs=jobs, read_config=config)
        sources = pending
    outcomes = clean_corpus(
        sources,
        CleanConfig(),
        templates,
        stdin=stdin,
        track=report.track,
        read_config=config,
        jobs=jobs,
    )
    documents = report.cleaned_only(outcomes)
    if output is None:
        stdout = typer.get_binary_stream("stdout")
        render = _explanation if explain else _jsonl_line if output_format == "jsonl" else _plain
        for item in documents:
            stdout.write(render(item).encode("utf-8"))
            report.written(item)
        stdout.flush()
    elif output_format == "jsonl":
        try:
            with atomic_writer(output) as handle:
                for item in documents:
                    handle.write(_jsonl_line(item))
                    report.written(item)
        except OSError as error:
            report.failed(f"{output}: not written: {error.strerror or error}")
    else:
        _write_folder(documents, output, report)


def _write_folder(documents: Iterable[Cleaned], output: Path, report: _Reporter) -> None:
    """Write each document's text under ``output``; a name written twice is an error."""
    written: dict[str, str] = {}
    for item in documents:
        name = output_name(item.input)
        try:
            if name in written:
                raise ValueError(f"{name!r} was already written for {written[name]}")
            write_text_atomic(output_path(output, name), item.result.plain)
        except (OSError, ValueError) as error:
            reason = error.strerror if isinstance(error, OSError) else None
            report.failed(f"{item.input.source}: not written: {reason or error}")
        else:
            written[name] = item.input.source
            report.written(item)


def _plain(item: Cleaned) -> str:
    return item.result.plain


def _jsonl_line(item: Cleaned) -> str:
    """The public record, then the input record's other fields (the public ones win)."""
    record = item.result.to_record(item.input.id)
    fields = item.input.metadata.get("fields") or {}
    record.update((key, value) for key, value in fields.items() if key not in record)
    return json.dumps(record, ensure_ascii=False) + "\n"


def _explanation(item: Cleaned) -> str:
    return format_explanation(item.input.id, item.result)


def format_explanation(doc_id: str, result: CleanResult) -> str:
    """Every input line with its decision, label (category when removed) and rule, for a human.

    One row per input line: number, ``keep`` or ``DROP``, label, rule, ``|``, the line; then
    a closing row with the counts and the metadata found.
    """
    decisions = result.lines
    number_w = len(str(len(decisions))) if decisions else 1
    label_w = max((len(d.label) for d in decisions), default=0)
    rule_w = max((len(d.rule) for d in decisions), default=0)
    rows = [f"== {doc_id}"]
    for d in decisions:
        verdict = "keep" if d.keep else "DROP"
        row = f"{d.line:>{number_w}}  {verdict}  {d.label:<{label_w}}  {d.rule:<{rule_w}}  | "
        rows.append((row + d.text).rstrip())
    kept = sum(1 for d in decisions if d.keep and d.label != "blank")
    rows.append(
        f"-- kept {kept} lines, removed {len(result.removed)}; title: {result.title!r}; "
        f"authors: {', '.join(result.authors) or 'none'}; "
        f"published: {result.published or 'unknown'}"
    )
    return "\n".join(rows) + "\n\n"


# ---------------------------------------------------------------------------------------------
# Reporting on stderr
# ---------------------------------------------------------------------------------------------
@dataclass
class _Reporter:
    """Counts, error lines, the progress bar and the closing summary, all on stderr."""

    quiet: bool
    documents: int = 0
    removed: int = 0
    errors: int = 0
    skipped: int = 0
    _print: Callable[[str], None] = field(default=lambda line: typer.echo(line, err=True))
    _track: Callable[[Sequence[Source], str], Iterable[Source]] = field(
        default=lambda items, label: items
    )

    def cleaned_only(self, outcomes: Iterable[Cleaned | ReadError]) -> Iterator[Cleaned]:
        """The cleaned documents; each read error is reported as it comes."""
        for item in outcomes:
            if isinstance(item, ReadError):
                self.failed(str(item))
            else:
                yield item

    def written(self, item: Cleaned) -> None:
        """Count a document that was cleaned and written."""
        self.documents += 1
        self.removed += len(item.result.removed)

    def failed(self, message: str) -> None:
        """Name a failed input (or output) and the reason, in one line."""
        self.errors += 1
        self._print(f"cleaner: {message}")

    def track(self, sources: Sequence[Source], label: str) -> Iterable[Source]:
        """The sources, advancing the progress bar (when there is one) as they are taken."""
        return self._track(sources, label)

    @contextlib.contextmanager
    def progress(self, enabled: bool, total: int) -> Iterator[None]:
        """Show a progress bar on stderr while the block runs, when enabled."""
        if not enabled:
            yield
            return
        from rich.console import Console
        from rich.progress import Progress

        console = Console(stderr=True)
        plain_print, plain_track = self._print, self._track
        with Progress(console=console, transient=True) as bar:
            self._print = lambda line: console.print(
                line, markup=False, highlight=False, soft_wrap=True
            )
            self._track = lambda items, label: bar.track(items, total=total, description=label)
            try:
                yield
            finally:
                self._print, self._track = plain_print, plain_track

    def summary(self) -> None:
        """The closing line: documents, lines removed, errors (unless --quiet)."""
        if not self.quiet:
            errors = f"{self.errors} error" + ("" if self.errors == 1 else "s")
            skipped = f", {self.skipped} up to date (skipped)" if self.skipped else ""
            self._print(
                f"cleaner: {self.documents} document{'' if self.documents == 1 else 's'} "
                f"cleaned, {self.removed} line{'' if self.removed == 1 else 's'} removed, "
                f"{errors}{skipped}"
            )


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the final flush cannot fail."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
