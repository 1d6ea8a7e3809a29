"""``cleaner cluster``. SKELETON."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def cluster_command(
    inputs: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders; - for stdin.")
    ] = None,
) -> None:
    """Group same-story articles and report the passages they share.

    Example: cleaner cluster scrapes/ --html report.html
    """
    raise typer.Exit(0)
