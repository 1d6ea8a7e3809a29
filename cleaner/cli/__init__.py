"""The ``cleaner`` command line: a thin typer layer over the library."""

from __future__ import annotations

import typer

from cleaner.cli.clean import clean_command
from cleaner.cli.cluster import cluster_command

app = typer.Typer(
    name="cleaner",
    help="Strip site cruft from scraped news, cluster same-story articles, flag shared passages.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain click messages: usage errors stay one greppable line, whatever the terminal width.
    rich_markup_mode=None,
)
app.command("clean")(clean_command)
app.command("cluster")(cluster_command)


def main() -> None:
    """Console-script entry point."""
    app()
