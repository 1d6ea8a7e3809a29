"""``cleaner clean``. SKELETON."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def clean_command(
    inputs: Annotated[list[Path] | None, typer.Argument(help="Files or folders; - for stdin.")] = None,
) -> None:
    """Strip site cruft from scraped text.

    Example: cleaner clean scrapes/ -o clean/
    """
    raise typer.Exit(0)
