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

from bs4 import BeautifulSoup, Tag

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
# elements that start a new line of text
BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "br",
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
        "hr",
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


def fallback_text(html: str) -> str:
    """The visible text of ``html``, one block per line, blank lines dropped.

    >>> fallback_text("<div><p>One <b>bold</b> line</p><p>Two</p><script>x()</script></div>")
    'One bold line\\nTwo'
    """
    soup = BeautifulSoup(html, "lxml")
    for element in soup.find_all(NON_CONTENT_TAGS):
        element.extract()  # extract(), not decompose(): no walk over the removed subtree
    for element in soup.find_all(BLOCK_TAGS):
        if isinstance(element, Tag):
            element.insert_before("\n")
            element.insert_after("\n")
    lines = (" ".join(line.split()) for line in soup.get_text().splitlines())
    return "\n".join(line for line in lines if line)
