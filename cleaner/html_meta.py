"""Title, authors, date, site name, URL and language of a parsed page.

Built from trafilatura's own metadata steps (meta tags, JSON-LD, headline, byline XPaths,
htmldate), minus what ``trafilatura.extract_metadata`` adds that an article cleaner does not
use: categories, tags and licence (much of its time), and the deep copy of the whole page it
makes to look for a byline (here its byline rules run as one Python pass over the tree).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.metadata import (
    examine_meta,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
    normalize_authors,
)
from trafilatura.settings import set_date_params
from trafilatura.utils import trim

LOGGER = logging.getLogger(__name__)

# a byline found by XPath longer than this is a paragraph, not a name (trafilatura's limit)
MAX_BYLINE_CHARS = 120
# trafilatura's byline XPaths (trafilatura.xpaths.AUTHOR_XPATHS) as tag sets and regexes
BYLINE_TAGS_1 = frozenset(("a", "address", "div", "link", "p", "span", "strong"))
BYLINE_CLASS_1 = re.compile("author-?name|AuthorName|authorName")
BYLINE_TAGS_2 = frozenset(("a", "div", "h3", "h4", "p", "span"))
BYLINE_EXACT_CLASS_2 = frozenset(("byline", "username", "byl", "BBL"))
BYLINE_ID_2 = re.compile("author|zuozhe|bianji|xiaobian")
BYLINE_CLASS_2 = re.compile(
    "author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name"
)
BYLINE_ID_3 = re.compile("[Aa]uthor")
BYLINE_CLASS_3 = re.compile("[Aa]uthor|screenname|writer|[Bb]yline")
# a quick test: no tier can match an element whose class, id and itemprop miss all of these
BYLINE_ANY = re.compile(
    "[Aa]uthor|[Bb]yline|BBL|byl|username|zuozhe|bianji|xiaobian|channel-name|submitted-by"
    "|posted-by|journalist-name|screenname|writer"
)
# ... and its exclusion zones (AUTHOR_DISCARD_XPATHS)
DISCARD_ID = re.compile("^comments|comment-?list|ProductReviews")
DISCARD_CLASS = re.compile(
    "^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram"
    "|article-(?:share|support)|print|category|meta-date|meta-reviewer"
)
# a byline's text, without the dates and figures inside it
BYLINE_TEXT = etree.XPath(".//text()[not(ancestor::time) and not(ancestor::figure)]")
# separators between a headline and the site name in a <title>
TITLE_SEPARATORS = (" | ", " - ", " \u2013 ", " \u2014 ", " \u00b7 ", " :: ", ": ")
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


def site_free_title(title: str, sitename: str | None) -> str:
    """``title`` without a leading or trailing site name (``Headline | Site`` -> ``Headline``).

    >>> site_free_title("Bridge reopens | The Courier", "The Courier")
    'Bridge reopens'
    >>> site_free_title("The Courier", "The Courier")
    'The Courier'
    """
    if not sitename:
        return title
    folded, site = title.casefold(), sitename.strip().casefold()
    cut = len(sitename.strip())  # casefold keeps lengths but for a few letters (ß -> ss)
    for separator in TITLE_SEPARATORS:
        if folded.endswith(separator + site) and len(folded) > len(separator + site):
            return title[: -(cut + len(separator))].strip() or title
        if folded.startswith(site + separator) and len(folded) > len(site + separator):
            return title[cut + len(separator) :].strip() or title
    return title


def _language(tree: HtmlElement) -> str | None:
    """The primary subtag of the root's ``lang`` attribute."""
    match = LANGUAGE_TAG.match(tree.get("lang") or "")
    return match[1].lower() if match else None


def _byline_tier(element: HtmlElement) -> int:
    """Which of trafilatura's byline XPaths (1 = most specific) ``element`` matches; 0: none."""
    tag, get = element.tag, element.get
    cls, ident, itemprop = get("class") or "", get("id") or "", get("itemprop") or ""
    if not BYLINE_ANY.search(f"{cls} {ident} {itemprop}") and tag != "author":
        # only the rel/data-* tests are left: attributes few elements have
        if get("rel") == "author" or get("data-testid") in ("AuthorCard", "AuthorURL"):
            return 1 if tag in BYLINE_TAGS_1 else 0
        return 3 if "Byline" in (get("data-component") or "") else 0
    if tag == "author" or (
        tag in BYLINE_TAGS_1
        and (
            get("rel") == "author"
            or ident == "author"
            or cls == "author"
            or itemprop == "author name"
            or get("data-testid") in ("AuthorCard", "AuthorURL")
            or BYLINE_CLASS_1.search(cls)
        )
    ):
        return 1
    if tag in BYLINE_TAGS_2 and (
        cls in BYLINE_EXACT_CLASS_2
        or "author" in itemprop
        or BYLINE_ID_2.search(ident)
        or BYLINE_CLASS_2.search(cls)
    ):
        return 2
    if (
        "Byline" in (get("data-component") or "")
        or "author" in itemprop
        or BYLINE_ID_3.search(ident)
        or BYLINE_CLASS_3.search(cls)
    ):
        return 3
    return 0


def _not_a_byline_zone(element: HtmlElement) -> bool:
    """trafilatura's places no byline comes from: comments, sidebars, figures, times, ..."""
    if element.tag in ("time", "figure"):
        return True
    if element.tag not in ("a", "div", "section", "span"):
        return False
    cls, ident = element.get("class") or "", element.get("id") or ""
    return (
        ident == "comments"
        or cls in ("comments", "title", "date")
        or bool(DISCARD_ID.search(ident) or DISCARD_CLASS.search(cls))
        or "Figure" in (element.get("data-component") or "")
    )


def _byline(tree: HtmlElement) -> str | None:
    """The page's byline, by trafilatura's byline XPaths and exclusions, in one Python pass.

    Same rules as ``trafilatura.metadata.extract_author``, which deep-copies the page, prunes
    the exclusion zones, then runs three XPaths whose EXSLT regex tests call back into Python
    for every element: together about three times slower than this walk.
    """
    tiers: tuple[list[HtmlElement], ...] = ([], [], [])
    for element in tree.iter(tag=etree.Element):
        tier = _byline_tier(element)
        if tier:
            tiers[tier - 1].append(element)
    for candidates in tiers:
        for element in candidates:
            if any(_not_a_byline_zone(e) for e in (element, *element.iterancestors())):
                continue
            text = trim(" ".join(BYLINE_TEXT(element)))
            if text and 2 < len(text) < MAX_BYLINE_CHARS:
                return normalize_authors(None, text)
    return None


def page_metadata(
    tree: HtmlElement, url: str | None = None, extensive_date_search: bool = False
) -> PageMetadata:
    """Read the article's metadata from ``tree`` (which is left unchanged)."""
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
        meta.author = _byline(tree)
    meta.clean_and_trim()
    authors = tuple(a for a in AUTHOR_SEPARATOR.split(meta.author or "") if a)
    title = site_free_title(meta.title, meta.sitename) if meta.title else None
    return PageMetadata(
        title=title,
        authors=authors,
        published=meta.date or None,
        sitename=meta.sitename or None,
        url=meta.url or None,
        language=language,
    )
