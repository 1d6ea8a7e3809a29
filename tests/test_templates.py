"""Folder evidence: site boilerplate goes, a quote that several same-story articles share stays."""

from __future__ import annotations

import pickle
import random

from cleaner import build_templates, clean_text
from cleaner.config import CleanConfig

CONFIG = CleanConfig()
HEADER = ["Springfield Daily", "Politics", "Business", "Sport", "Weather", "Culture"]
DONATION = "Readers like you keep our newsroom going, and every gift helps us report on the city."
FOOTER = ["About us", "Contact the newsroom", "Springfield Daily Media Group"]
QUOTE = "“We will not give up until the bridge is safe for every family,” the mayor said."
TOPICS = [
    "library", "harbour", "school", "museum", "stadium", "market", "hospital", "airport",
    "park", "theatre", "station", "zoo", "pool", "tram", "bakery", "garden", "prison",
    "factory", "castle", "tower",
]  # fmt: skip


WORDS = (
    "budget", "roof", "staff", "visitors", "mayor", "engineers", "families", "traders", "report",
    "neighbours", "lawyers", "plans", "volunteers", "windows", "grant", "survey", "tenants",
    "architects", "drivers", "teachers", "pupils", "nurses", "farmers", "owners", "critics",
    "praised", "questioned", "doubled", "delayed", "reviewed", "blocked", "backed", "cut",
)  # fmt: skip
STOPWORDS = ("the", "of", "and", "to", "a", "in", "that", "was", "for", "on", "with", "they")


def _sentence(rng: random.Random, topic: str) -> str:
    """A sentence of its own: no three words in a row that another page's sentences share."""
    words = [rng.choice(STOPWORDS if k % 2 else WORDS) for k in range(15)]
    words[rng.randrange(15)] = topic
    return " ".join(words).capitalize() + "."


def _site_article(topic: str) -> str:
    """A page of the site: the same header and footer around an article of its own."""
    rng = random.Random(topic)
    body = [_sentence(rng, topic) for _ in range(4)]
    return "\n".join([*HEADER, f"Council weighs the future of the {topic}", *body, DONATION,
                      *FOOTER])  # fmt: skip


def _story_article(outlet: str, n: int) -> str:
    body = [
        f"The old bridge over the river closed on Monday after engineers found cracks, {outlet} "
        "reported.",
        f"Inspectors from the state visited the site {n + 2} times last month and asked for "
        "repairs.",
        QUOTE,
        f"Drivers will have to take a detour of about {n + 5} miles until the bridge reopens.",
    ]
    return "\n".join([f"{outlet} News", f"Bridge closed after cracks found ({outlet})", *body])


def _folder() -> tuple[list[str], list[str]]:
    site = [_site_article(topic) for topic in TOPICS]
    story = [_story_article(outlet, n) for n, outlet in enumerate(["Alpha", "Beta", "Gamma"])]
    return site, story


def test_counts_documents_not_occurrences() -> None:
    templates = build_templates(["Menu\nMenu\nA line", "Menu\nB line"], CONFIG)
    assert templates.documents == 2
    assert templates.counts.get("menu", 0) in (0, 2)  # below the threshold it is dropped


def test_header_and_footer_are_template_lines() -> None:
    site, story = _folder()
    templates = build_templates(site + story, CONFIG)
    result = clean_text(site[0], CONFIG, templates)
    rules = {d.text: d.rule for d in result.removed}
    for line in ["Politics", "Culture", "Contact the newsroom", "Springfield Daily Media Group"]:
        assert rules[line] == "template-line"
    assert "library" in result.text
    assert "Weather" not in result.text


def test_site_wide_sentence_is_a_template_line() -> None:
    site, story = _folder()
    templates = build_templates(site + story, CONFIG)
    assert templates.status(DONATION, CONFIG) == "template"
    assert DONATION not in clean_text(site[3], CONFIG, templates).text


def test_sentence_on_some_pages_is_shared_and_does_not_anchor_the_body() -> None:
    site, story = _folder()
    teaser = "Read how the city spent its budget last year and what it plans to cut next."
    site = [f"{text}\n{teaser}\nMore links\nOther links" if n < 6 else text
            for n, text in enumerate(site)]  # fmt: skip
    templates = build_templates(site + story, CONFIG)
    assert templates.status(teaser, CONFIG) == "shared"
    result = clean_text(site[0], CONFIG, templates)
    assert teaser not in result.text
    assert result.text.count("\n\n") == 3  # the four body sentences


def test_quote_shared_by_three_articles_of_one_story_survives() -> None:
    site, story = _folder()
    templates = build_templates(site + story, CONFIG)
    assert templates.status(QUOTE, CONFIG) is None
    for text in story:
        result = clean_text(text, CONFIG, templates)
        assert QUOTE in result.text.split("\n\n")


def test_without_templates_the_site_page_is_still_cleaned() -> None:
    site, _ = _folder()
    result = clean_text(site[0])
    assert result.title == "Council weighs the future of the library"
    assert "Weather" not in result.text


def _copies(n: int) -> list[str]:
    """``n`` near-identical versions of one article (a reprint, the page scraped again)."""
    rng = random.Random(7)
    body = [_sentence(rng, "ferry") for _ in range(8)]
    out = []
    for k in range(n):
        lines = list(body)
        if k:  # every copy but the first changes a word of one paragraph
            j = k % len(lines)
            lines[j] = lines[j].replace(" the ", " this ", 1)
        out.append("\n".join([*HEADER, "Ferry crossings double during the closure", *lines,
                              DONATION, *FOOTER]))  # fmt: skip
    return out


def test_near_identical_copies_count_once_and_keep_their_text() -> None:
    site, _ = _folder()
    copies = _copies(16)
    templates = build_templates(site + copies, CONFIG)
    for text in copies:
        result = clean_text(text, CONFIG, templates)
        body = text.splitlines()[7:15]
        assert result.title == "Ferry crossings double during the closure"
        assert result.text.split("\n\n") == body
        rules = {d.text: d.rule for d in result.removed}
        assert rules["Contact the newsroom"] == rules["Politics"] == "template-line"
        assert rules[DONATION] == "template-line"
    for text in site[:3]:  # the site's own pages are cleaned as before
        result = clean_text(text, CONFIG, templates)
        assert result.text.split("\n\n") == text.splitlines()[7:11]
        assert {d.text for d in result.removed} == {*HEADER, DONATION, *FOOTER}
        chrome = (DONATION, *FOOTER[1:])  # "About us" has a lexicon rule of its own
        assert {d.rule for d in result.removed if d.text in chrome} == {"template-line"}


def test_a_recurring_sentence_inside_the_text_is_shared_not_boilerplate() -> None:
    """In a small folder most documents may share a wire paragraph: inside the text it stays."""
    wire = "The harbour bridge will close to all traffic for six weeks from Monday, officials said."
    rng = random.Random(3)
    texts = [
        "\n".join([f"Outlet {k} headline", *(_sentence(rng, "bridge") for _ in range(2)), wire,
                   *(_sentence(rng, "road") for _ in range(2))])
        for k in range(5)
    ]  # fmt: skip
    templates = build_templates(texts, CONFIG)
    assert templates.status(wire, CONFIG) == "template"  # the folder's count alone
    lines = texts[0].splitlines()
    assert templates.marks(lines, CONFIG) == [None, None, None, "shared", None, None]
    assert wire in clean_text(texts[0], CONFIG, templates).text.split("\n\n")
    # the same sentence in a block with a recurring menu line, or closing the page, is chrome
    assert templates.marks([*lines, wire], CONFIG)[-1] == "template"
    texts = [f"{text}\n{wire}\nAbout us" for text in texts]
    templates = build_templates(texts, CONFIG)
    assert templates.marks(texts[0].splitlines(), CONFIG)[-2:] == ["template", "template"]


def test_evidence_merges_and_pickles() -> None:
    site, story = _folder()
    copies = _copies(6)
    whole = build_templates(site + story + copies, CONFIG)
    parts = [build_templates(part, CONFIG, prune=False) for part in (site, story + copies)]
    merged = parts[0].merge(parts[1]).pruned(CONFIG.template_min_documents)
    assert merged == whole
    assert pickle.loads(pickle.dumps(merged)) == merged
    assert whole.documents == 29 and whole.count("Politics") == 21  # the copies count once
