"""The one record that flows through every stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Document:
    """A scraped article as it moves through the pipeline.

    ``id`` names the document in every output (a path relative to the input folder, a file
    name, ``-`` for stdin, a record id or a URL). ``source`` says where it was read from.
    ``text`` is the raw scrape before cleaning and the cleaned body after it; what cleaning
    learnt (title, authors, removed lines, ...) goes in ``metadata``.

    >>> Document(id="a.txt", text="Hello").metadata
    {}
    """

    id: str
    text: str
    source: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
