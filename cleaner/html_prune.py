"""Removing figures, captions, asides and related-story blocks from a parsed page.

trafilatura already drops ``<aside>``, ``<figure>``, navigation, share bars and most teaser
lists, but its tests for them run inside its own cleaning step, after which a caption in a
``<div class="caption">`` or a "Most read" block with an unusual class name can survive and
land in the middle of the article text. The rules below run on the lxml tree *before*
extraction, so trafilatura and its readability/jusText second opinions all see the pruned page.

Each rule is data: a name, the cruft category it removes, and the tags or lower-case
``class``/``id`` tokens it matches. All rules share one walk over the tree (one regex test per
element with a class or id: a sixth of the time the same tests take as XPath ``contains()``).
Guards keep every rule away from the article itself: no block holding the ``<h1>`` or an
``articleBody`` is removed, nor a long one that is mostly prose rather than links, nor one
holding more than ``HtmlConfig.prune_max_share`` of the page's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from cleaner.config import HtmlConfig

# a pruned block's preview text in PrunedBlock.text
PREVIEW_CHARS = 120
# blocks with less text than this are pruned without measuring the page (captions, teasers)
SHARE_CHECK_MIN_CHARS = 400
# a caption or credit longer than this is not one (a mislabelled text column)
MAX_CAPTION_CHARS = 400
# a related-story or newsletter block longer than SHARE_CHECK_MIN_CHARS must be at least this
# much link text: teaser lists are headlines, an article body is prose
MIN_TEASER_LINK_DENSITY = 0.5

# elements a rule can match (never html, body or main)
CANDIDATE_TAGS = (
    "aside",
    "blockquote",
    "div",
    "figcaption",
    "figure",
    "footer",
    "header",
    "li",
    "nav",
    "ol",
    "p",
    "picture",
    "section",
    "small",
    "span",
    "ul",
)
# elements trafilatura deletes before extracting anyway (a subset of its MANUALLY_CLEANED)
NON_CONTENT_TAGS = (
    # code
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "meta",
    "link",
    # embeds and form controls
    "iframe",
    "object",
    "embed",
    "video",
    "audio",
    "canvas",
    "map",
    "button",
    "select",
    "textarea",
    "input",
    # page chrome
    "nav",
    "footer",
    "menu",
)
# class/id tokens (lower case) of each token rule
CAPTION_TOKENS = ("caption", "credit", "photo-source", "image-source")
PULLQUOTE_TOKENS = ("pullquote", "pull-quote")
RELATED_TOKENS = (
    "related",
    "recommend",
    "more-stories",
    "morestories",
    "most-read",
    "mostread",
    "most-popular",
    "mostpopular",
    "trending",
    "read-more",
    "readmore",
    "also-read",
    "you-may",
    "outbrain",
    "taboola",
)
NEWSLETTER_TOKENS = ("newsletter", "signup", "sign-up")
POPUP_TOKENS = ("rollover", "tooltip", "hovercard", "popover")


@dataclass(frozen=True, slots=True)
class PruneRule:
    """One named pruning rule: what it matches, which switch enables it, how it is guarded."""

    name: str
    category: str
    switch: str
    """The ``HtmlConfig`` field that turns the rule on."""
    tags: frozenset[str] = frozenset()
    """Elements removed by tag name alone."""
    tokens: tuple[str, ...] = ()
    """Lower-case substrings of ``class`` or ``id`` that mark an element."""
    max_chars: int | None = None
    """Leave the element alone when its text is longer than this."""
    teaser: bool = False
    """Long elements must be mostly link text (``MIN_TEASER_LINK_DENSITY``)."""


PRUNE_RULES: tuple[PruneRule, ...] = (
    PruneRule("figure", "caption", "prune_figures", tags=frozenset({"figure", "picture"})),
    PruneRule("figcaption", "caption", "prune_figures", tags=frozenset({"figcaption"})),
    PruneRule("aside", "aside", "prune_asides", tags=frozenset({"aside"})),
    PruneRule(
        "caption-class",
        "caption",
        "prune_figures",
        tokens=CAPTION_TOKENS,
        max_chars=MAX_CAPTION_CHARS,
    ),
    PruneRule("pullquote-class", "aside", "prune_asides", tokens=PULLQUOTE_TOKENS),
    PruneRule("related-class", "related", "prune_related", tokens=RELATED_TOKENS, teaser=True),
    PruneRule("popup-class", "widget", "prune_asides", tokens=POPUP_TOKENS, teaser=True),
    PruneRule(
        "newsletter-class", "newsletter", "prune_related", tokens=NEWSLETTER_TOKENS, teaser=True
    ),
)
_ALL_TOKENS = re.compile("|".join(t for r in PRUNE_RULES for t in r.tokens))
_RULE_TOKENS = tuple((r, re.compile("|".join(r.tokens))) for r in PRUNE_RULES if r.tokens)
ARTICLE_BODY = etree.XPath("boolean(.//*[@itemprop='articleBody'])")
_TAG_RULES = {tag: r for r in PRUNE_RULES for tag in r.tags}


@dataclass(frozen=True, slots=True)
class PrunedBlock:
    """A block removed from the page before extraction."""

    rule: str
    category: str
    chars: int
    """Length of the block's text."""
    text: str
    """The start of the block's text (``PREVIEW_CHARS`` characters), whitespace collapsed."""


def _rule_for(element: HtmlElement, enabled: frozenset[str]) -> PruneRule | None:
    """The first enabled rule matching ``element`` by tag, role, class or id."""
    rule = _TAG_RULES.get(element.tag)
    if rule is None and element.get("role") == "complementary":
        rule = _TAG_RULES["aside"]
    if rule is not None:
        return rule if rule.switch in enabled else None
    attrs = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    if not _ALL_TOKENS.search(attrs):
        return None
    return next(
        (r for r, pattern in _RULE_TOKENS if r.switch in enabled and pattern.search(attrs)), None
    )


def drop_non_content(tree: HtmlElement) -> None:
    """Remove code, embeds, form controls, ``<nav>``, ``<footer>`` and ``<menu>`` from ``tree``.

    trafilatura deletes all of these itself before extracting, but only after copying the
    page three times and walking it with dozens of XPaths, and its readability and jusText
    second opinions see them. Done once here, it makes the whole extraction about a tenth
    faster. JSON-LD scripts stay: trafilatura reads them to tell forum threads from articles.
    Metadata must be read before (meta tags, JSON-LD, bylines in footers).
    """
    for element in list(tree.iter(*NON_CONTENT_TAGS)):
        if element.tag != "script" or element.get("type") != "application/ld+json":
            _detach(element)


def _text_chars(element: HtmlElement) -> int:
    """Length of the text under ``element`` without its scripts and styles."""
    hidden = sum(len(e.text_content()) for e in element.iter("script", "style"))
    return len(element.text_content()) - hidden


def _link_density(element: HtmlElement, chars: int) -> float:
    """Share of ``element``'s text that is link text."""
    linked = sum(len(" ".join(a.text_content().split())) for a in element.iter("a"))
    return linked / chars if chars else 1.0


def _detach(element: HtmlElement) -> None:
    """Remove ``element`` from its parent, keeping its tail text in place."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _headline_blocks(tree: HtmlElement) -> set[HtmlElement]:
    """The ``<h1>`` elements and every element holding one."""
    blocks: set[HtmlElement] = set()
    for h1 in tree.iter("h1"):
        blocks.add(h1)
        blocks.update(h1.iterancestors())
    return blocks


def _holds_article_body(element: HtmlElement) -> bool:
    """True when ``element`` is or holds the ``itemprop=articleBody`` element."""
    return element.get("itemprop") == "articleBody" or bool(ARTICLE_BODY(element))


def prune_page(tree: HtmlElement, config: HtmlConfig) -> tuple[PrunedBlock, ...]:
    """Remove the blocks the enabled rules match from ``tree`` (in place); say what went."""
    enabled = frozenset(rule.switch for rule in PRUNE_RULES if getattr(config, rule.switch))
    if not enabled:
        return ()
    elements = list(tree.iter(*CANDIDATE_TAGS))  # document order: ancestors first
    headline_blocks = _headline_blocks(tree)
    removed: list[PrunedBlock] = []
    page_chars: int | None = None
    skip_until = 0  # elements before this index lie inside a block already removed
    for index, element in enumerate(elements):
        if index < skip_until:
            continue
        rule = _rule_for(element, enabled)
        if rule is None or element in headline_blocks:
            continue
        text = " ".join(element.text_content().split())
        chars = len(text)
        if rule.max_chars is not None and chars > rule.max_chars:
            continue
        if chars >= SHARE_CHECK_MIN_CHARS:
            if _holds_article_body(element):
                continue
            if rule.teaser and _link_density(element, chars) < MIN_TEASER_LINK_DENSITY:
                continue
            if page_chars is None:
                page_chars = _text_chars(tree)
            if chars > config.prune_max_share * page_chars:
                continue
        skip_until = index + sum(1 for _ in element.iter(*CANDIDATE_TAGS))
        _detach(element)
        removed.append(PrunedBlock(rule.name, rule.category, chars, text[:PREVIEW_CHARS]))
    return tuple(removed)
