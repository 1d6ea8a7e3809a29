"""Cleaning an HTML page: ``clean_html(html) -> CleanResult``.

The page is parsed once (lxml, through trafilatura's loader). The metadata is read from that
tree first (:mod:`cleaner.html_meta`); then code, embeds and page chrome that trafilatura would
delete anyway, and the figures, captions, asides and related-story blocks it might not, are
pruned from it (:mod:`cleaner.html_prune`); trafilatura extracts the main content from what is
left, and when it finds nothing beautifulsoup4 dumps the page's text instead
(:mod:`cleaner.html_fallback`). Then the text cleaner runs on the extracted text, so a caption
or teaser that got through is still removed, with its category and rule.

>>> page = extract_html(
...     "<html><head><title>Rain in Spain</title></head><body><article><h1>Rain in Spain</h1>"
...     "<p>It rained in Spain on Monday, mostly on the plain, the weather service said.</p>"
...     "<figure><img src='a.jpg'><figcaption>Rain. Photo: A. Person</figcaption></figure>"
...     "</article></body></html>"
... )
>>> page.title, page.text
('Rain in Spain', 'It rained in Spain on Monday, mostly on the plain, the weather service said.')
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, replace

from lxml import etree
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.settings import Extractor
from trafilatura.utils import load_html

from cleaner.clean import CleanResult, clean_text
from cleaner.config import CleanConfig, HtmlConfig
from cleaner.html_fallback import fallback_text
from cleaner.html_meta import PageMetadata, page_metadata
from cleaner.html_prune import PrunedBlock, drop_non_content, prune_page
from cleaner.templates import TemplateLines

LOGGER = logging.getLogger(__name__)

DEFAULT_HTML_CONFIG = HtmlConfig()
DEFAULT_CLEAN_CONFIG = CleanConfig()

# how much of the input looks_like_html examines
SNIFF_CHARS = 4096
# a document that starts like HTML: a doctype, an XML prolog or one of the page-level tags
HTML_START = re.compile(
    # Possessive: comments once skipped are not re-split (nested stars made it exponential).
    r"\s*+(?:<!--.*?-->\s*+)*+<(?:!doctype\s+html|\?xml|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
# common tags, for HTML fragments (a JSONL field holding "<p>...</p><p>...</p>")
HTML_TAG = re.compile(
    r"<(/?)(?:a|article|b|body|br|div|em|h[1-6]|head|html|i|img|li|main|meta|ol|p|script"
    r"|section|span|strong|style|table|td|tr|ul)\b[^<>]{0,2000}>",
    re.IGNORECASE,
)
# a fragment needs this many tags, one of them a closing tag, to count as HTML
MIN_FRAGMENT_TAGS = 3
# libxml2's HTML parser builds no element deeper than 256 levels and drops their text; a page
# reaching this depth is taken as cut short, and the bs4 fallback reads it instead
TRUNCATION_DEPTH = 250
# true when some element lies TRUNCATION_DEPTH levels deep: one pass, level by level, in C
REACHES_TRUNCATION_DEPTH = etree.XPath("boolean(" + "/*" * TRUNCATION_DEPTH + ")")
# a page without <html> or <body> is wrapped in them: trafilatura's loader rejects fragments
PAGE_TAG = re.compile(r"<(?:html|body)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """The main content of an HTML page and what its markup says about it."""

    title: str | None
    text: str
    """The article body, one paragraph per line, title not included."""
    authors: tuple[str, ...]
    published: str | None
    """ISO 8601 date (``YYYY-MM-DD``) or None."""
    sitename: str | None
    url: str | None
    language: str | None
    extractor: str
    """``trafilatura``, ``fallback`` (beautifulsoup4 dump) or ``none`` (no text at all)."""
    pruned: tuple[PrunedBlock, ...] = ()
    """Blocks removed before extraction (figures, captions, asides, related stories)."""

    @property
    def cleaner_input(self) -> str:
        """The text ``clean_html`` gives the text cleaner: title line, blank line, body.

        Line numbers in the cleaner's ``removed`` refer to this text.
        """
        if self.title and self.text:
            return f"{self.title}\n\n{self.text}"
        return self.title or self.text


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML page or fragment rather than plain text.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("<p>One</p>\\n<p>Two <b>bold</b></p>")
    True
    >>> looks_like_html("Prices rose 3% (<5% expected) in May.")
    False
    """
    head = text[:SNIFF_CHARS].lstrip("\ufeff")
    if HTML_START.match(head):
        return True
    tags = HTML_TAG.findall(head)
    return len(tags) >= MIN_FRAGMENT_TAGS and any(closing for closing in tags)


def _extractor(config: HtmlConfig, url: str | None) -> Extractor:
    """trafilatura's options, set deliberately rather than left at its defaults."""
    return Extractor(
        output_format="python",
        fast=config.fast,
        precision=config.focus == "precision",
        recall=config.focus == "recall",
        # Reader comments are not the article. With comments off trafilatura also prunes
        # comment containers before every stage, so they cannot leak into the body.
        comments=False,
        # trafilatura's dedup keeps a module-global LRU cache of seen paragraphs: the output
        # for a page would depend on which pages the process extracted before. Never on.
        dedup=False,
        # We read the metadata ourselves, leaner (cleaner.html_meta).
        with_metadata=False,
        # Plain text in, plain text out: the text cleaner reads lines, not markdown.
        formatting=False,
        links=False,
        images=False,
        tables=config.include_tables,
        # No language filter: a page in an unexpected language is still an article.
        lang=None,
        url=url,
    )


def _trafilatura_text(tree: HtmlElement, config: HtmlConfig, url: str | None) -> str:
    """trafilatura's main text for ``tree`` (which it copies, not changes), or ``""``."""
    try:
        document = bare_extraction(tree, options=_extractor(config, url))
    except Exception as err:  # a heuristic pile: any failure means "no extraction"
        LOGGER.debug("trafilatura failed on %s: %r", url, err)
        return ""
    text = unicodedata.normalize("NFC", getattr(document, "text", None) or "")
    # one paragraph per line, as in a scraped text file; no whitespace-only lines
    return "\n".join(line for line in (ln.strip() for ln in text.splitlines()) if line)


def _without_title(text: str, title: str | None) -> str:
    """``text`` without a first line repeating the title (trafilatura keeps the ``<h1>``)."""
    if not title or not text:
        return text
    first, _, rest = text.partition("\n")
    if " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
        return rest.lstrip("\n")
    return text


def _parse(html: str, config: HtmlConfig) -> HtmlElement | None:
    """The lxml tree of ``html`` (cut to ``max_html_chars``), or None when lxml finds none."""
    html = html[: config.max_html_chars]
    if not PAGE_TAG.search(html[:SNIFF_CHARS]):
        html = f"<html><body>{html}</body></html>"
    try:
        return load_html(html)
    except Exception as err:  # lxml raises a handful of types on hostile input
        LOGGER.debug("lxml could not parse the page: %r", err)
        return None


def extract_html(
    html: str, url: str | None = None, config: HtmlConfig = DEFAULT_HTML_CONFIG
) -> ExtractedPage:
    """The main content and metadata of one HTML page; never raises on bad markup."""
    tree = _parse(html, config)
    pruned: tuple[PrunedBlock, ...] = ()
    text = ""
    meta = PageMetadata(None, (), None, None, url, None)
    if tree is not None:
        try:  # first, while the page is whole (drop_non_content removes meta tags)
            meta = page_metadata(tree, url, config.extensive_date_search)
        except Exception as err:  # metadata is a bonus: never lose the text for it
            LOGGER.debug("metadata failed on %s: %r", url, err)
        if REACHES_TRUNCATION_DEPTH(tree):
            LOGGER.debug("page nested too deep for lxml, left to the fallback: %s", url)
        else:
            drop_non_content(tree)
            pruned = prune_page(tree, config)
            text = _trafilatura_text(tree, config, url)
    extractor = "trafilatura" if text else "none"
    if not text and config.fallback:
        text = fallback_text(html[: config.max_html_chars])
        extractor = "fallback" if text else "none"
    return ExtractedPage(
        title=meta.title,
        text=_without_title(text, meta.title),
        authors=meta.authors,
        published=meta.published,
        sitename=meta.sitename,
        url=meta.url,
        language=meta.language,
        extractor=extractor,
        pruned=pruned,
    )


def clean_extracted(
    page: ExtractedPage,
    clean_config: CleanConfig = DEFAULT_CLEAN_CONFIG,
    templates: TemplateLines | None = None,
) -> CleanResult:
    """Run the text cleaner on an extracted page; fill what it found none of from the markup.

    trafilatura has already cut the page to the article, so the cleaner does not look for the
    body region (``find_body=False``): it removes lines by what they are, not where they sit.
    """
    config = replace(clean_config, find_body=False)
    result = clean_text(page.cleaner_input, config, templates)
    return replace(
        result,
        title=result.title or page.title,
        authors=result.authors or page.authors,
        published=result.published or page.published,
        language=result.language or page.language,
    )


def clean_html(
    html: str,
    config: HtmlConfig = DEFAULT_HTML_CONFIG,
    clean_config: CleanConfig = DEFAULT_CLEAN_CONFIG,
    *,
    url: str | None = None,
    templates: TemplateLines | None = None,
) -> CleanResult:
    """Clean one HTML page: extract its article, then clean the text as ``clean_text`` does.

    ``removed`` lists what the text cleaner removed after extraction; its line numbers refer
    to ``extract_html(html).cleaner_input``.
    """
    return clean_extracted(extract_html(html, url, config), clean_config, templates)
