"""Build the synthetic chrome set: real news articles wrapped in real site chrome.

The set tests folder mode: every article of one site carries that site's same header and footer,
so lines that recur across a folder are evidence of boilerplate. It is built deterministically
from a seed, from two third-party data sets (never commit the output):

* **Articles**: ``<data>/ecbplus-dev/txt/*.txt`` (ECB+, one sentence per line). Up to the first
  three lines are read as a head: lines of at most 12 words that hold a date and at most 4 other
  words (``Published: August 7, 2012``, ``26 September 2013, 10:00``) are *meta* lines; the
  first other line is the *title* when it has 2-25 words and does not end with a full stop.
  Every remaining line is the article *body*. Body sentences are grouped, in order, into
  paragraphs of 1-3 sentences (seeded), one paragraph per line, as a page-to-text dump writes
  one block element per line.
* **Chrome**: pages of ``<data>/scrapinghub`` (txt dump + gold article body), compared as
  lower-cased ``\\w+`` token sequences. A dump line is a *body line* when it has at least 4
  words and its tokens occur contiguously in the gold. The page's *header* is every dump line
  before its first body line (so it also holds that page's own headline and byline, which
  become site-wide cruft here), its *footer* every line after its last body line, and its
  *inline pool* the distinct lines in between of 1-30 words whose tokens do not occur
  contiguously in the gold and of whose 4-token shingles at most half are in the gold
  (captions, teasers, share bars, "Advertisement"). A page is usable when header, footer and
  inline pool are non-empty and its body lines hold at least 90 % of the gold's token count.
  One usable page per domain is drawn (seeded) for each of ``--sites`` (15) domains.
* **Documents**: the articles (all, or ``--articles N`` drawn with the seed) are shuffled and
  dealt round-robin to the sites. A document's text is: the site header, the article title (if
  any), its meta lines, its paragraphs with 1-3 lines of the site's inline pool inserted at
  random paragraph breaks (never before the first paragraph), then the site footer. The gold is
  the article body (paragraphs only: no title, no meta line), as the scrapinghub gold has no
  title.

Output: ``OUT/txt/<site>/<name>.txt``, ``OUT/gold/<site>/<name>.txt`` and ``OUT/manifest.json``
(seed, sites with their source page and chrome sizes, and per document what was inserted where).

    PYTHONPATH=. python -m bench.make_chrome_set --data ../shared/data --out bench/out/chrome
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench.score import TOKEN_RE

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_OUT = REPO / "bench" / "out" / "chrome"
DEFAULT_SEED = 13
DEFAULT_SITES = 15
MIN_BODY_WORDS = 4
"""A dump line needs this many words to count as a gold-body line."""
MAX_INLINE_WORDS = 30
"""Longer non-gold lines inside the body region may be article text the gold left out."""
MIN_GOLD_COVERAGE = 0.9
"""Share of the gold's tokens the page's body lines must hold for the page to be usable."""
TITLE_WORDS = (2, 25)
CLOSING_QUOTES = "\"'\u201d\u2019 "

MONTH = (
    r"jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?"
    r"|oct(ober)?|nov(ember)?|dec(ember)?"
)
DATE_RE = re.compile(
    rf"\b({MONTH})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+({MONTH})\b|\b(19|20)\d\d\s*[-./]\s*\d\d"
    r"|\b\d{1,2}\s*/\s*\d{1,2}\s*/\s*(19|20)?\d\d\b|^published\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Article:
    """One ECB+ article split into title, meta lines (dates) and body sentences."""

    name: str
    title: str | None
    meta: tuple[str, ...]
    sentences: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Site:
    """The chrome of one scrapinghub page: header, footer and the pool of inline cruft lines."""

    name: str
    page: str
    url: str
    header: tuple[str, ...]
    footer: tuple[str, ...]
    inline_pool: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ChromeDoc:
    """One synthetic page: its text, its gold body and what was inserted."""

    site: str
    name: str
    text: str
    gold: str
    title: str | None
    meta: tuple[str, ...]
    paragraphs: int
    inline: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class ChromeSet:
    """The whole set, in a deterministic order (site, then name)."""

    seed: int
    sites: tuple[Site, ...]
    docs: tuple[ChromeDoc, ...]


def _norm(text: str) -> str:
    return " ".join(TOKEN_RE.findall(text.lower()))


def _is_date_line(line: str) -> bool:
    if len(line.split()) > 12 or not DATE_RE.search(line):
        return False
    rest = [w for w in DATE_RE.sub(" ", line).split() if w.isalpha() and len(w) > 2]
    return len(rest) <= 4  # "Posted", "Updated", a weekday, a time zone


def _is_title_line(line: str) -> bool:
    words = len(line.split())
    ends_sentence = line.rstrip(CLOSING_QUOTES).endswith(".")
    return TITLE_WORDS[0] <= words <= TITLE_WORDS[1] and not ends_sentence


def split_article(name: str, text: str) -> Article:
    """Read an ECB+ text: leading date lines are meta, a headline-like line is the title."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title: str | None = None
    meta: list[str] = []
    start = 0
    for i, line in enumerate(lines[:3]):
        if _is_date_line(line):
            meta.append(line)
        elif title is None and _is_title_line(line) and i + 1 < len(lines):
            title = line
        else:
            break
        start = i + 1
    return Article(name, title, tuple(meta), tuple(lines[start:]))


def load_articles(folder: Path) -> list[Article]:
    """All ECB+ articles of a folder, sorted by file name."""
    return [
        split_article(path.stem, path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.txt"))
    ]


def _shingles(tokens: Sequence[str], n: int = 4) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def site_chrome(name: str, page: str, url: str, dump: str, gold: str) -> Site | None:
    """Header, footer and inline pool of one page, or None when the page is not usable."""
    lines = [line.strip() for line in dump.splitlines()]
    gold_norm = f" {_norm(gold)} "
    gold_shingles = _shingles(gold_norm.split())
    body = [
        i
        for i, line in enumerate(lines)
        if len(line.split()) >= MIN_BODY_WORDS and f" {_norm(line)} " in gold_norm
    ]
    if not body:
        return None
    first, last = body[0], body[-1]
    covered = sum(len(_norm(lines[i]).split()) for i in body)
    if covered < MIN_GOLD_COVERAGE * len(gold_norm.split()):
        return None
    pool: list[str] = []
    for i in range(first + 1, last):
        tokens = _norm(lines[i]).split()
        if not tokens or i in body or len(lines[i].split()) > MAX_INLINE_WORDS:
            continue
        if f" {' '.join(tokens)} " in gold_norm:
            continue  # a short piece of the article (a link text, a list item)
        shingles = _shingles(tokens)
        if shingles and len(shingles & gold_shingles) > len(shingles) / 2:
            continue  # mostly article words: body text the dump split differently
        if lines[i] not in pool:
            pool.append(lines[i])
    header = tuple(line for line in lines[:first] if line)
    footer = tuple(line for line in lines[last + 1 :] if line)
    if not header or not footer or not pool:
        return None
    return Site(re.sub(r"[^\w.-]", "_", name), page, url, header, footer, tuple(pool))


def load_sites(folder: Path, count: int, rng: random.Random) -> list[Site]:
    """Draw ``count`` usable pages of distinct domains from a scrapinghub folder."""
    by_domain: dict[str, list[Site]] = {}
    for path in sorted((folder / "txt").glob("*.txt")):
        meta = json.loads((folder / "meta" / f"{path.stem}.json").read_text(encoding="utf-8"))
        gold = (folder / "gold" / path.name).read_text(encoding="utf-8")
        dump = path.read_text(encoding="utf-8")
        site = site_chrome(meta["domain"], path.stem, meta["url"], dump, gold)
        if site is not None:
            by_domain.setdefault(site.name, []).append(site)
    domains = sorted(by_domain)
    chosen = rng.sample(domains, min(count, len(domains)))
    return [rng.choice(by_domain[domain]) for domain in sorted(chosen)]


def _paragraphs(sentences: Sequence[str], rng: random.Random) -> list[str]:
    paragraphs: list[str] = []
    i = 0
    while i < len(sentences):
        size = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[i : i + size]))
        i += size
    return paragraphs


def compose(article: Article, site: Site, rng: random.Random) -> ChromeDoc:
    """Wrap one article in one site's chrome, with 1-3 inline cruft lines between paragraphs."""
    paragraphs = _paragraphs(article.sentences, rng)
    breaks = list(range(1, len(paragraphs)))
    wanted = min(rng.randint(1, 3), len(breaks))
    inline = [rng.choice(site.inline_pool) for _ in range(wanted)]
    before = dict(zip(sorted(rng.sample(breaks, wanted)), inline, strict=True))
    body: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        if i in before:
            body.append(before[i])
        body.append(paragraph)
    head = [article.title] if article.title else []
    lines = [*site.header, *head, *article.meta, *body, *site.footer]
    return ChromeDoc(
        site=site.name,
        name=article.name,
        text="\n".join(lines) + "\n",
        gold="\n\n".join(paragraphs) + "\n",
        title=article.title,
        meta=article.meta,
        paragraphs=len(paragraphs),
        inline=tuple(inline),
    )


def build_chrome_set(
    data: Path,
    seed: int = DEFAULT_SEED,
    articles: int | None = None,
    sites: int = DEFAULT_SITES,
) -> ChromeSet:
    """Build the set in memory from ``<data>/ecbplus-dev`` and ``<data>/scrapinghub``."""
    rng = random.Random(seed)
    chosen_sites = load_sites(data / "scrapinghub", sites, rng)
    if not chosen_sites:
        raise ValueError(f"no usable scrapinghub page under {data / 'scrapinghub'}")
    pool = [a for a in load_articles(data / "ecbplus-dev" / "txt") if a.sentences]
    if articles is not None and articles < len(pool):
        pool = sorted(rng.sample(pool, articles), key=lambda a: a.name)
    order = list(pool)
    rng.shuffle(order)
    docs = [compose(a, chosen_sites[i % len(chosen_sites)], rng) for i, a in enumerate(order)]
    docs.sort(key=lambda d: (d.site, d.name))
    return ChromeSet(seed, tuple(chosen_sites), tuple(docs))


def chrome_stats(chrome: ChromeSet) -> dict[str, int]:
    """Sizes of the set: sites, articles, and chrome lines over all documents."""
    sites = {s.name: s for s in chrome.sites}
    return {
        "sites": len(chrome.sites),
        "articles": len(chrome.docs),
        "titled": sum(1 for d in chrome.docs if d.title),
        "header_lines": sum(len(sites[d.site].header) for d in chrome.docs),
        "footer_lines": sum(len(sites[d.site].footer) for d in chrome.docs),
        "inline_lines": sum(len(d.inline) for d in chrome.docs),
        "meta_lines": sum(len(d.meta) for d in chrome.docs),
        "body_lines": sum(d.paragraphs for d in chrome.docs),
    }


def write_chrome_set(chrome: ChromeSet, out: Path) -> None:
    """Write ``txt/<site>/<name>.txt``, ``gold/<site>/<name>.txt`` and ``manifest.json``."""
    for doc in chrome.docs:
        for kind, content in (("txt", doc.text), ("gold", doc.gold)):
            path = out / kind / doc.site / f"{doc.name}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
    manifest = {
        "seed": chrome.seed,
        "stats": chrome_stats(chrome),
        "sites": [
            {
                "name": s.name,
                "page": s.page,
                "url": s.url,
                "header_lines": len(s.header),
                "footer_lines": len(s.footer),
                "inline_pool": list(s.inline_pool),
            }
            for s in chrome.sites
        ],
        "documents": [
            {k: v for k, v in asdict(d).items() if k not in ("text", "gold")} for d in chrome.docs
        ],
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: build the set and write it to ``--out``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--articles", type=int, default=None, help="draw N articles (all)")
    parser.add_argument("--sites", type=int, default=DEFAULT_SITES)
    args = parser.parse_args(argv)
    chrome = build_chrome_set(args.data, args.seed, args.articles, args.sites)
    write_chrome_set(chrome, args.out)
    print(json.dumps({"out": str(args.out), **chrome_stats(chrome)}))


if __name__ == "__main__":
    main()
