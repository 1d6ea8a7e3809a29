"""The page's text, one block per line, with beautifulsoup4: used when trafilatura finds nothing.

Why beautifulsoup4 here rather than the lxml tree the main path parsed:

* trafilatura gives up on exactly the pages where lxml's tree is least trustworthy. libxml2's
  HTML parser stops building below a nesting depth of 256 and drops the text under it, so a
  deeply nested page parses to an empty shell. beautifulsoup4 builds its own tree from the
  parser's events (with the same fast lxml parser) and keeps every text node at any depth,
  and its traversal is iterative, so depth cannot raise RecursionError either.
* What is wanted is not another main-content guess but a faithful dump, the same shape as a
  scraped text file: one block element per line. The text cleaner that runs next is built
  for exactly that input and removes menus, footers and share lines by its own rules.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, PageElement, Tag

# elements whose content is never article text
NON_CONTENT_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "svg",
    "canvas",
    "iframe",
    "object",
    "embed",
    "form",
    "button",
    "select",
    "textarea",
    "nav",
    "aside",
    "figure",
    "figcaption",
    "picture",
)
# elements that end the current line where they stand
LINE_BREAK_TAGS = frozenset({"br", "hr"})
# inline elements followed upwards before a text counts as its own block
MAX_INLINE_DEPTH = 64
# elements whose text forms its own lines
BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)


def _after(tag: PageElement) -> PageElement | None:
    """The first node after ``tag`` and its subtree in document order."""
    node: PageElement | None = tag
    while node is not None:
        if node.next_sibling is not None:
            return node.next_sibling
        node = node.parent
    return None


def _nearest_block(node: PageElement) -> Tag | None:
    """The closest block-level ancestor of ``node`` (within ``MAX_INLINE_DEPTH`` levels)."""
    parent = node.parent
    for _ in range(MAX_INLINE_DEPTH):
        if parent is None or parent.name in BLOCK_TAGS:
            return parent
        parent = parent.parent
    return parent


def fallback_text(html: str) -> str:
    """The visible text of ``html``, one block per line, blank lines dropped.

    One pass along bs4's document order (``next_element``), skipping non-content subtrees
    and starting a new line whenever the text moves to another block: linear in the page
    size at any nesting depth (bs4's ``insert``/``extract`` would be quadratic there).

    >>> fallback_text("<div><p>One <b>bold</b> line</p><p>Two</p><script>x()</script></div>")
    'One bold line\\nTwo'
    """
    soup = BeautifulSoup(html, "lxml")
    lines: list[str] = []
    words: list[str] = []
    block: Tag | None = None

    def flush() -> None:
        line = " ".join(" ".join(words).split())
        if line:
            lines.append(line)
        words.clear()

    node: PageElement | None = soup.contents[0] if soup.contents else None
    while node is not None:
        if isinstance(node, Tag):
            if node.name in NON_CONTENT_TAGS:
                node = _after(node)  # skip the subtree
                continue
            if node.name in LINE_BREAK_TAGS:
                flush()
        elif type(node) is NavigableString:  # not a comment, doctype or CDATA
            nearest = _nearest_block(node)
            if nearest is not block:
                flush()
                block = nearest
            words.append(node)
        node = node.next_element
    flush()
    return "\n".join(lines)
