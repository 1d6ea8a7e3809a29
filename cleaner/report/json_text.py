"""The JSON report as text: readable, and written at the speed of the C encoder.

``json.dumps(..., indent=2)`` falls back to the pure-Python encoder, which takes seconds for a
report of 100,000 documents. Here the top level is laid out with indentation and each entry
of the long lists (documents, clusters, passages) is one line of compact JSON, encoded in C:
the same data, still easy to read and to ``grep``.

>>> print(render_json({"version": 1, "documents": [{"id": "a", "cluster": "s1"}], "passages": []}))
{
  "version": 1,
  "documents": [
    {"id": "a", "cluster": "s1"}
  ],
  "passages": []
}
<BLANKLINE>
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

ENTRY_SEPARATORS = (", ", ": ")
ENTRIES_PER_CHUNK = 1000


def render_json(report: dict[str, Any]) -> str:
    """The report as JSON text (ends with a newline)."""
    return "".join(json_chunks(report))


def json_chunks(report: dict[str, Any]) -> Iterator[str]:
    """:func:`render_json` in pieces of at most ``ENTRIES_PER_CHUNK`` list entries, to write
    as they are made (the whole text of a large report is never held)."""
    yield "{\n"
    for number, (name, value) in enumerate(report.items()):
        key = json.dumps(name, ensure_ascii=False)
        comma = "," if number < len(report) - 1 else ""
        if isinstance(value, list) and value:
            yield f"  {key}: [\n"
            for start in range(0, len(value), ENTRIES_PER_CHUNK):
                part = value[start : start + ENTRIES_PER_CHUNK]
                last = start + ENTRIES_PER_CHUNK >= len(value)
                yield ",\n".join(
                    "    " + json.dumps(entry, ensure_ascii=False, separators=ENTRY_SEPARATORS)
                    for entry in part
                ) + ("\n" if last else ",\n")
            yield f"  ]{comma}\n"
        else:
            text = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            yield f"  {key}: {text}{comma}\n"
    yield "}\n"
