"""``cleaner cluster``: clean as ``cleaner clean`` does, cluster, find passages, write reports.

Parses options, reads and cleans the inputs with :mod:`cleaner.pipeline` (the functions
``cleaner clean`` uses), runs :func:`cleaner.report.cluster_report`, renders the reports asked
for and writes them atomically; input failures are named on stderr and give exit status 1.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from cleaner.cli.clean import EXIT_FAILED_INPUTS, EXIT_OK
from cleaner.cli.clean import _silence_stdout as silence_stdout
from cleaner.cli.cluster_options import (
    Casefold,
    DupLshThreshold,
    DupThreshold,
    IdfPrior,
    JoinHyphenated,
    LinkThreshold,
    MaxCandidates,
    MaxEditWords,
    MinDf,
    MinWords,
    NameBoost,
    NumPerm,
    Scheme,
    Seed,
    SeedWords,
    ShingleSize,
    TermBands,
    TermRows,
    TitleBoost,
    TopTerms,
    UnifyApostrophes,
)
from cleaner.cli.collector import collector_paused
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
from cleaner.cli.progress import Bars, progress_bars
from cleaner.cluster import Features
from cleaner.config import (
    DUP_LSH_THRESHOLD,
    DUP_THRESHOLD,
    IDF_PRIOR,
    LINK_THRESHOLD,
    MAX_CANDIDATES,
    MAX_EDIT_WORDS,
    MIN_DF,
    MIN_PASSAGE_WORDS,
    MINHASH_SCHEME,
    MINHASH_SEED,
    NAME_BOOST,
    NUM_PERM,
    SEED_WORDS,
    SHINGLE_SIZE,
    TERM_BANDS,
    TERM_ROWS,
    TITLE_BOOST,
    TOP_TERMS,
    CleanConfig,
    ClusterConfig,
    PassageConfig,
)
from cleaner.document import Document
from cleaner.featured import featured_corpus
from cleaner.io import (
    STDIN,
    ReadConfig,
    ReadError,
    Source,
    SourceError,
    atomic_writer,
    find_sources,
    input_folders,
    output_conflict,
)
from cleaner.parallel import start_workers_early
from cleaner.report import cluster_report, render_html, render_markdown
from cleaner.report.build import plural
from cleaner.report.json_text import json_chunks


@exits_on_signals
def cluster_command(
    inputs: Annotated[
        list[Path] | None, inputs_argument("JSON lines unless --format-in says otherwise")
    ] = None,
    html: Annotated[
        Path | None,
        typer.Option(
            "--html", help="Write the HTML report here (- for stdout).", show_default=False
        ),
    ] = None,
    json_path: Annotated[
        Path | None,
        typer.Option(
            "--json", help="Write the JSON report here (- for stdout).", show_default=False
        ),
    ] = None,
    markdown: Annotated[
        Path | None,
        typer.Option(
            "--markdown",
            help="Write the Markdown report here (- for stdout). Default when no report is named.",
            show_default=False,
        ),
    ] = None,
    include_text: Annotated[
        bool, typer.Option("--include-text", help="Put each document's cleaned text in the JSON.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bars and no summary on stderr.")
    ] = False,
    jobs: Jobs = None,
    num_perm: NumPerm = NUM_PERM,
    seed: Seed = MINHASH_SEED,
    scheme: Scheme = MINHASH_SCHEME,
    shingle_size: ShingleSize = SHINGLE_SIZE,
    dup_threshold: DupThreshold = DUP_THRESHOLD,
    dup_lsh_threshold: DupLshThreshold = DUP_LSH_THRESHOLD,
    top_terms: TopTerms = TOP_TERMS,
    name_boost: NameBoost = NAME_BOOST,
    title_boost: TitleBoost = TITLE_BOOST,
    idf_prior: IdfPrior = IDF_PRIOR,
    min_df: MinDf = MIN_DF,
    term_bands: TermBands = TERM_BANDS,
    term_rows: TermRows = TERM_ROWS,
    max_candidates: MaxCandidates = MAX_CANDIDATES,
    link_threshold: LinkThreshold = LINK_THRESHOLD,
    min_words: MinWords = MIN_PASSAGE_WORDS,
    seed_words: SeedWords = SEED_WORDS,
    max_edit_words: MaxEditWords = MAX_EDIT_WORDS,
    casefold: Casefold = True,
    unify_apostrophes: UnifyApostrophes = True,
    join_hyphenated: JoinHyphenated = False,
    format_in: FormatIn = "auto",
    id_field: IdField = "id",
    text_field: TextField = "text",
    html_field: HtmlField = "html",
) -> None:
    """Group same-story articles and report the passages they share.

    Every input is cleaned exactly as `cleaner clean` cleans it (text,
    HTML, JSON lines, WARC, each optionally gzipped; a folder, several files,
    or a JSONL or WARC file is one corpus); then the articles that tell one story
    are grouped, and the passages each story's articles share word for word
    (or nearly) are found. Offsets in the JSON report index the `text` field
    of `cleaner clean --format jsonl`.

    Examples:

        cleaner cluster scrapes/ --html report.html

        cleaner cluster scrapes/ --json report.json --markdown -

        cat records.jsonl | cleaner cluster - --json -

        cleaner cluster crawl.warc.gz --html report.html

    Exit status: 0 when every input was read; 1 when some could not be (each
    is named on stderr, the others are still clustered); 2 for usage errors.
    """
    outputs = _outputs(html=html, json=json_path, markdown=markdown)
    paths = list(inputs) if inputs else [Path(STDIN)]
    if not inputs and sys.stdin.isatty():
        _usage("give files or folders, or pipe JSONL records in with - (see --help)", "INPUTS")
    if paths == [Path(STDIN)] and format_in == "auto":
        format_in = "jsonl"  # one text on stdin makes no clusters: stdin holds records here
    if any(path.is_dir() for path in paths):  # the fork server starts while it is listed
        start_workers_early(jobs_or_cores(jobs))
    try:
        sources = find_sources(paths, format_in)
    except SourceError as error:
        _usage(str(error), "INPUTS")
    _check_outputs(outputs, sources, paths)
    try:
        cluster_config = ClusterConfig(
            num_perm=num_perm,
            seed=seed,
            scheme=scheme,
            shingle_size=shingle_size,
            dup_threshold=dup_threshold,
            dup_lsh_threshold=dup_lsh_threshold,
            top_terms=top_terms,
            name_boost=name_boost,
            title_boost=title_boost,
            idf_prior=idf_prior,
            min_df=min_df,
            term_bands=term_bands,
            term_rows=term_rows,
            max_candidates=max_candidates,
            link_threshold=link_threshold,
        )
        passage_config = PassageConfig(
            min_words=min_words,
            seed_words=seed_words,
            max_edit_words=max_edit_words,
            casefold=casefold,
            unify_apostrophes=unify_apostrophes,
            join_hyphenated=join_hyphenated,
        )
    except ValueError as error:
        _usage(str(error), "options")

    workers = jobs_or_cores(jobs)
    with collector_paused():  # see cleaner.cli.collector
        with progress_bars(not quiet and sys.stderr.isatty()) as bars:
            config = read_config(id_field, text_field, html_field)
            documents, features, errors = _clean(sources, config, cluster_config, workers, bars)
            report = cluster_report(
                documents,
                cluster_config,
                passage_config,
                include_text=include_text,
                jobs=workers,
                track=bars.stage,
                features=features,
            )
            del features
        for failed in errors:
            typer.echo(f"cleaner: {failed}", err=True)
        texts = {doc.id: doc.text for doc in documents}
        failed_writes = 0
        for kind, target in outputs:
            rendered = _render(kind, report, texts)
            if not _write(target, rendered):
                failed_writes += 1
    if not quiet:
        summary = report["summary"]
        typer.echo(
            f"cleaner: {plural(summary['documents'], 'document')} in "
            f"{plural(summary['clusters'], 'story', 'stories')} "
            f"({summary['multi_document_clusters']} with several articles), "
            f"{plural(summary['passages'], 'shared passage')}, {plural(len(errors), 'error')}",
            err=True,
        )
    raise typer.Exit(EXIT_FAILED_INPUTS if errors or failed_writes else EXIT_OK)


# ---------------------------------------------------------------------------------------------
# Options and checks (usage errors, exit 2)
# ---------------------------------------------------------------------------------------------
def _usage(message: str, param: str) -> NoReturn:
    raise typer.BadParameter(message, param_hint=param)


def _outputs(**given: Path | None) -> list[tuple[str, Path]]:
    """The reports to write, ``(kind, path)``; Markdown on stdout when none is named."""
    outputs = [(kind, path) for kind, path in given.items() if path is not None]
    if not outputs:
        return [("markdown", Path(STDIN))]
    if sum(1 for _, path in outputs if str(path) == STDIN) > 1:
        _usage("only one report can go to stdout (-)", "'--html/--json/--markdown'")
    named = [path.resolve() for _, path in outputs if str(path) != STDIN]
    if len(named) != len(set(named)):
        _usage("two reports would be written to the same file", "'--html/--json/--markdown'")
    return outputs


def _check_outputs(
    outputs: list[tuple[str, Path]], sources: list[Source], paths: list[Path]
) -> None:
    """Refuse report paths that are folders or would overwrite an input."""
    folders = input_folders(paths)
    for kind, path in outputs:
        if str(path) == STDIN:
            continue
        if path.is_dir():
            _usage(f"{path} is a folder; the {kind} report is one file", f"'--{kind}'")
        conflict = output_conflict(path, sources, folders, is_folder=False)
        if conflict:
            _usage(conflict, f"'--{kind}'")


# ---------------------------------------------------------------------------------------------
# Reading and cleaning
# ---------------------------------------------------------------------------------------------
def _clean(
    sources: list[Source],
    read_config: ReadConfig,
    cluster_config: ClusterConfig,
    jobs: int,
    bars: Bars,
) -> tuple[list[Document], list[Features], list[ReadError]]:
    """The cleaned documents (as ``cleaner clean`` cleans them) with their clustering
    features (computed where they were cleaned), and the inputs that failed."""
    stdin = typer.get_binary_stream("stdin")
    cleaned = featured_corpus(
        sources,
        cluster_config,
        CleanConfig(),
        stdin=stdin,
        read_config=read_config,
        jobs=jobs,
        track=bars.sources,
    )
    documents: list[Document] = []
    features: list[Features] = []
    errors: list[ReadError] = []
    for item in cleaned:
        if isinstance(item, ReadError):
            errors.append(item)
        else:
            documents.append(item[0])
            features.append(item[1])
    return documents, features, errors


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------
def _render(kind: str, report: dict[str, Any], texts: dict[str, str]) -> Iterable[str]:
    """The report as pieces of text (the JSON report is made as it is written)."""
    if kind == "html":
        return [render_html(report, texts)]
    if kind == "markdown":
        return [render_markdown(report)]
    return json_chunks(report)


def _write(target: Path, pieces: Iterable[str]) -> bool:
    """Write one report; False, with a message, on error.

    ``-`` is stdout; anything else goes through :func:`~cleaner.outputs.atomic_writer`, which
    replaces a file atomically and writes into an existing device or named pipe as it is.
    """
    if str(target) == STDIN:
        stdout = typer.get_binary_stream("stdout")
        try:
            for piece in pieces:
                data = memoryview(piece.encode("utf-8"))
                while data:  # a raw pipe may take part of it (then the reader has gone)
                    written = stdout.write(data)
                    if not written:
                        raise BrokenPipeError("stdout takes no more")
                    data = data[written:]
            stdout.flush()
        except BrokenPipeError:  # e.g. `| head`: stop quietly, as cleaner clean does
            silence_stdout()
            return False
        return True
    try:
        with atomic_writer(target) as handle:
            for piece in pieces:
                handle.write(piece)
    except OSError as error:
        typer.echo(f"cleaner: {target}: not written: {error.strerror or error}", err=True)
        return False
    return True
