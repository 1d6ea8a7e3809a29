"""Folder evidence: site boilerplate goes, a quote that several same-story articles share stays."""

from __future__ import annotations

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


def _site_article(topic: str) -> str:
    body = [
        f"The city council met on Tuesday to discuss the future of the old {topic} downtown.",
        f"Officials said the {topic} needs repairs that will cost more than two million dollars.",
        f"Residents who use the {topic} every week asked the council to keep it open for now.",
        f"A final decision about the {topic} is expected at the next meeting in the spring.",
    ]
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
