"""Static parts of the HTML report: its stylesheet and Content-Security-Policy.

The report has no script at all. Its one ``<style>`` element is allowed by hash, so the policy
(``default-src 'none'``) forbids every script, every other stylesheet, every inline ``style``
attribute, images, frames, fonts and network requests, even if some scraped text got through
unescaped.
"""

from __future__ import annotations

import base64
import hashlib

PASSAGE_COLOURS = 6
"""Passages of one story cycle through this many highlight colours (``.c0`` ... ``.c5``)."""

CSS = """
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6474; --line: #d8dde6;
  --paper: #ffffff; --page: #f4f6f9; --accent: #2456a6; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--page); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
header, main > section, nav { max-width: 110rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.25rem; }
h1 { margin: 0 0 .25rem; font-size: 1.6rem; }
h2 { margin: 0 0 .5rem; font-size: 1.3rem; }
h3 { margin: 1rem 0 .4rem; font-size: 1.05rem; }
h2, h3, summary { overflow-wrap: anywhere; }
a { color: var(--accent); }
.muted, small { color: var(--muted); font-weight: normal; }
nav ol { columns: 2 28rem; padding-left: 1.5rem; }
section.story, section.singles, section.orphans { background: var(--paper);
  border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem;
  margin: 1rem auto; scroll-margin-top: 1rem; }
table { border-collapse: collapse; width: 100%; margin: .25rem 0 .5rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line);
  vertical-align: top; overflow-wrap: anywhere; }
th { font-size: .85rem; color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
.tag { display: inline-block; font-size: .75rem; padding: 0 .4rem; border-radius: 4px;
  border: 1px solid var(--line); color: var(--muted); margin-right: .3rem; }
.tag.verbatim { border-color: #3d8b5a; color: #2d6b44; }
.tag.near { border-color: #b07a1c; color: #8a5d10; }
ol.passages { padding-left: 1.5rem; }
ol.passages li { margin-bottom: .6rem; scroll-margin-top: 1rem; }
ol.passages blockquote { margin: .25rem 0 0; padding: .25rem .75rem; color: #333b48;
  border-left: 4px solid var(--line); background: #fafbfc; max-height: 8.5em; overflow: auto; }
.articles { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(24rem, 1fr);
  gap: 1rem; overflow-x: auto; padding-bottom: .5rem; }
article { border: 1px solid var(--line); border-radius: 6px; background: #fcfcfd;
  padding: .75rem 1rem; min-width: 0; scroll-margin-top: 1rem; }
article:target { border-color: var(--accent); box-shadow: 0 0 0 2px #2456a633; }
article h3 { margin: 0 0 .2rem; }
article .meta { font-size: .85rem; color: var(--muted); margin: 0 0 .5rem;
  overflow-wrap: anywhere; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; max-height: 75vh; overflow-y: auto;
  font-size: .95rem; }
mark { border-radius: 2px; padding: 0 1px; scroll-margin: 3rem; }
mark a { color: inherit; text-decoration: none; }
mark a:hover { text-decoration: underline dotted; }
mark:target { outline: 2px solid var(--accent); outline-offset: 1px; }
mark.c0 { background: #ffe58f; } mark.c1 { background: #b7eb8f; }
mark.c2 { background: #91d5ff; } mark.c3 { background: #ffadd2; }
mark.c4 { background: #d3adf7; } mark.c5 { background: #ffc069; }
mark.near { text-decoration: underline dashed #8a5d10; text-underline-offset: 3px; }
details summary { cursor: pointer; }
details .text { margin-top: .5rem; border-top: 1px solid var(--line); padding-top: .5rem; }
footer { max-width: 110rem; margin: 1.5rem auto 2rem; padding: 0 1.25rem;
  color: var(--muted); font-size: .85rem; }
""".strip()


def csp_hash(source: str) -> str:
    """The CSP source expression allowing one inline element with exactly this content.

    >>> csp_hash("")
    "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    """
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(css: str = CSS) -> str:
    """The report's policy: nothing but its own stylesheet."""
    return (
        f"default-src 'none'; style-src {csp_hash(css)}; img-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )
