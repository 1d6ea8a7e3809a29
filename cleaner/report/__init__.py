"""The cluster report: ``build_report`` (JSON data), ``render_json``, ``render_markdown``,
``render_html``.

>>> from cleaner import Document
>>> from cleaner.model import Clustering, Story
>>> docs = [Document(id="a.txt", text="Body.", metadata={"title": "A title"})]
>>> report = build_report(docs, Clustering((Story("s1", "A title", ("a.txt",), (), ()),)), [])
>>> render_markdown(report).splitlines()[0]
'# Story report'
"""

from cleaner.report.build import REPORT_VERSION, build_report, cluster_report
from cleaner.report.html import render_html
from cleaner.report.json_text import render_json
from cleaner.report.markdown import md_escape, render_markdown

__all__ = [
    "REPORT_VERSION",
    "build_report",
    "cluster_report",
    "md_escape",
    "render_html",
    "render_json",
    "render_markdown",
]
