"""Options shared by the commands that read scrapes (``cleaner clean``, ``cleaner cluster``).

Each is a typer ``Annotated`` alias with its default, so every command spells, documents and
defaults them the same way; :func:`read_config` turns them into the library's settings::

    def command(format_in: FormatIn = "auto", id_field: IdField = "id", ...) -> None:
        sources = find_sources(paths, format_in)
        config = read_config(id_field, text_field, html_field)
"""

from __future__ import annotations

from typing import Annotated

import typer

from cleaner.parallel import available_cores
from cleaner.sources import InputFormat, ReadConfig


def inputs_argument(stdin: str) -> typer.models.ArgumentInfo:
    """The INPUTS argument of a command; ``stdin`` says what ``-`` reads as for it."""
    return typer.Argument(
        help="Files, folders (every .txt, .html, .htm, .jsonl, .warc inside, each optionally "
        f".gz, recursively) or - for stdin ({stdin}).",
        show_default=False,
        readable=False,  # an unreadable input is an error for it alone, not a usage error
    )


FormatIn = Annotated[
    InputFormat,
    typer.Option(
        "--format-in",
        help="How to read stdin and the files named: auto (by extension: .txt, .html/.htm, "
        ".jsonl, .warc, each optionally .gz; else text or HTML by content), text, html, jsonl "
        "or warc. Files found in folders are always read by extension.",
    ),
]

IdField = Annotated[
    str,
    typer.Option(
        "--id-field",
        help="JSONL: the field with each record's id (a string, unique).",
    ),
]

TextField = Annotated[
    str,
    typer.Option(
        "--text-field",
        help="JSONL: the field with the scraped text (HTML is recognised by content).",
    ),
]

HtmlField = Annotated[
    str,
    typer.Option(
        "--html-field",
        help="JSONL: the field with the scraped HTML page (used when both are present).",
    ),
]


def read_config(
    id_field: str = "id", text_field: str = "text", html_field: str = "html"
) -> ReadConfig:
    """The reading settings for the JSONL field options."""
    return ReadConfig(id_field=id_field, text_field=text_field, html_field=html_field)


Jobs = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Processes to clean, cluster and search with (default: every core). The "
        "output does not depend on it.",
        show_default=False,
    ),
]


def jobs_or_cores(jobs: int | None) -> int:
    """The ``--jobs`` given, or every core this process may use."""
    return jobs if jobs is not None else available_cores()
