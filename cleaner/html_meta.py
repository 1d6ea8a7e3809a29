"""Title, authors, date, site name, URL and language of a parsed page.

Built from trafilatura's own metadata steps (meta tags, JSON-LD, headline, byline XPaths,
htmldate), minus what ``trafilatura.extract_metadata`` adds that an article cleaner does not
use: categories, tags and licence (a third of its time), and the deep copy of the whole page it
makes to look for a byline. Here the byline search prunes the caller's tree in place, so
:func:`page_metadata` must be the last thing to read that tree.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import (
    examine_meta,
    extract_meta_json,
    extract_metainfo,
    extract_sitename,
    extract_title,
    extract_url,
    normalize_authors,
)
from trafilatura.settings import set_date_params
from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

LOGGER = logging.getLogger(__name__)

# a byline found by XPath longer than this is a paragraph, not a name (trafilatura's limit)
MAX_BYLINE_CHARS = 120
# trafilatura joins several authors with "; "
AUTHOR_SEPARATOR = re.compile(r"\s*;\s*")
# the primary subtag of an <html lang> value
LANGUAGE_TAG = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$")


@dataclass(frozen=True, slots=True)
class PageMetadata:
    """What the page's markup says about the article."""

    title: str | None
    authors: tuple[str, ...]
    published: str | None
    """``YYYY-MM-DD`` (htmldate's original publication date), or None."""
    sitename: str | None
    url: str | None
    language: str | None
    """Primary language subtag from ``<html lang>``, lower case (``en``, ``de``), or None."""


def _language(tree: HtmlElement) -> str | None:
    """The primary subtag of the root's ``lang`` attribute."""
    match = LANGUAGE_TAG.match(tree.get("lang") or "")
    return match[1].lower() if match else None


def _byline(tree: HtmlElement) -> str | None:
    """trafilatura's byline XPaths, run after pruning its non-byline zones from ``tree``."""
    for expression in AUTHOR_DISCARD_XPATHS:
        for element in expression(tree):
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
    author = extract_metainfo(tree, AUTHOR_XPATHS, len_limit=MAX_BYLINE_CHARS)
    return normalize_authors(None, author) if author else None


def page_metadata(
    tree: HtmlElement, url: str | None = None, extensive_date_search: bool = False
) -> PageMetadata:
    """Read the article's metadata from ``tree``; the byline search prunes ``tree`` in place."""
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:  # a handle or a site name, not a person
        meta.author = None
    try:
        meta = extract_meta_json(tree, meta)
    except Exception as err:  # trafilatura's JSON-LD reader fails on odd but harmless data
        LOGGER.debug("JSON-LD metadata skipped: %s", err)
    meta.title = meta.title or extract_title(tree)
    meta.url = meta.url or extract_url(tree, url)
    date_params = set_date_params(extensive_date_search)
    meta.date = find_date(tree, url=meta.url, **date_params)
    if not meta.sitename:
        meta.sitename = extract_sitename(tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@") or None
    language = _language(tree)
    if not meta.author:
        meta.author = _byline(tree)  # last: it prunes the tree
    meta.clean_and_trim()
    authors = tuple(a for a in AUTHOR_SEPARATOR.split(meta.author or "") if a)
    return PageMetadata(
        title=meta.title or None,
        authors=authors,
        published=meta.date or None,
        sitename=meta.sitename or None,
        url=meta.url or None,
        language=language,
    )
