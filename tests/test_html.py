"""HTML inputs: extraction with trafilatura, pruning, metadata, the bs4 fallback, robustness."""

from __future__ import annotations

import pickle
from dataclasses import replace
from pathlib import Path

import pytest
import trafilatura
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner.clean import CleanResult, clean_text
from cleaner.config import HtmlConfig
from cleaner.html import (
    ExtractedPage,
    _extractor,
    clean_extracted,
    clean_html,
    extract_html,
    looks_like_html,
)
from cleaner.html_fallback import fallback_text
from cleaner.html_meta import site_free_title

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def english() -> ExtractedPage:
    return extract_html(fixture("article_en.html"))


@pytest.fixture(scope="module")
def german() -> ExtractedPage:
    return extract_html(fixture("article_de.html"))


# --- the English article: metadata ---------------------------------------------------------


def test_metadata_from_meta_tags(english: ExtractedPage) -> None:
    assert english.title == "Harbour bridge reopens after repairs"
    assert english.authors == ("Maria Lindqvist",)
    assert english.published == "2024-03-14"
    assert english.sitename == "The Coastal Courier"
    assert english.url == "https://courier.example.org/news/2024/03/14/harbour-bridge-reopens"
    assert english.language == "en"
    assert english.extractor == "trafilatura"


def test_metadata_from_json_ld(german: ExtractedPage) -> None:
    assert german.title == "Stadtbibliothek verlängert Öffnungszeiten"
    assert german.authors == ("Jürgen Weiß",)
    assert german.published == "2024-05-02"
    assert german.sitename == "Nordstädter Anzeiger"
    assert german.language == "de"


# --- the English article: text ---------------------------------------------------------------


def test_article_paragraphs_one_per_line(english: ExtractedPage) -> None:
    lines = english.text.splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("The harbour bridge reopened to traffic on Thursday morning")
    assert lines[-1].endswith("final inspection at the end of the month.")
    assert all(line == line.strip() and line for line in lines)


@pytest.mark.parametrize(
    "cruft",
    [
        "Workers check the new cables",  # figcaption
        "Photo: Jonas Berg",
        "Related stories",  # related box inside the article
        "Ferry timetable changes",
        "Most read",  # aside
        "Storm warning",
        "Share on Facebook",  # share bar
        "My commute was a nightmare",  # comments
        "Comments",
        "Sport",  # navigation
        "All rights reserved",  # footer
        "dataLayer",  # script
    ],
)
def test_cruft_is_gone(english: ExtractedPage, cruft: str) -> None:
    assert cruft not in english.text


def test_title_not_repeated_in_text(english: ExtractedPage) -> None:
    assert english.title is not None
    assert english.title not in english.text


def test_pruned_blocks_are_reported(english: ExtractedPage) -> None:
    by_rule = {block.rule: block for block in english.pruned}
    assert {"figure", "related-class", "aside"} <= set(by_rule)
    assert by_rule["figure"].category == "caption"
    assert by_rule["figure"].text.startswith("Workers check the new cables")
    assert by_rule["related-class"].category == "related"


def test_comments_kept_by_trafilatura_defaults_but_not_by_us() -> None:
    html = fixture("article_en.html")
    assert "My commute was a nightmare" in (trafilatura.extract(html) or "")
    assert "My commute was a nightmare" not in extract_html(html).text


# --- the German article ----------------------------------------------------------------------


def test_german_text_and_cruft(german: ExtractedPage) -> None:
    lines = german.text.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("Die Stadtbibliothek öffnet ab Juni auch am Samstagnachmittag.")
    for cruft in ("Foto: Stadtarchiv", "Newsletter", "Lesen Sie auch", "Kommentare", "Impressum"):
        assert cruft not in german.text


# --- clean_html: the text cleaner runs on the extracted text ---------------------------------


def test_clean_html_result() -> None:
    result = clean_html(fixture("article_en.html"))
    assert isinstance(result, CleanResult)
    assert result.title == "Harbour bridge reopens after repairs"
    assert result.authors == ("Maria Lindqvist",)
    assert result.published == "2024-03-14"
    assert result.text.startswith("The harbour bridge reopened")
    assert "Workers check the new cables" not in result.text
    assert "Harbour bridge reopens after repairs" not in result.text


def test_removed_lines_refer_to_cleaner_input(english: ExtractedPage) -> None:
    result = clean_extracted(english)
    lines = english.cleaner_input.splitlines()
    assert lines[0] == english.title and lines[1] == ""
    for decision in result.lines:
        assert lines[decision.line - 1] == decision.text


def test_short_lines_of_the_extracted_article_survive_the_text_cleaner() -> None:
    # subheads and list items between prose paragraphs: trafilatura chose them as article
    result = clean_html(fixture("recipe_list.html"))
    for line in ("Monday", "Lentil soup", "- Cumin", "Tuesday", "- Garlic butter"):
        assert line in result.text.split("\n\n"), line
    assert result.title == "Five dinners for a busy week"
    assert result.text.endswith("more than any gadget in the kitchen.")


def test_extracted_text_is_cleaned_without_a_body_search() -> None:
    """Short lines trafilatura kept stay; line rules (read-more, credits, dates) still apply."""
    body = (
        "The council met on Monday to decide the future of the old harbour bridge downtown.",
        "Monday",
        "Lentil soup",
        "Read more: Ferry timetable changes for the spring season",
        "The bridge will reopen in May after repairs that cost more than two million dollars.",
    )
    page = ExtractedPage("Bridge decision", "\n".join(body), (), None, None, None, "en", "x")
    result = clean_extracted(page)
    assert result.text.split("\n\n") == [body[0], body[1], body[2], body[4]]
    assert [(d.text, d.rule) for d in result.removed] == [(body[3], "read-more-prompt")]
    # a whole-page dump is cleaned with the body search: the run of short lines goes
    assert "Lentil soup" not in clean_text(page.cleaner_input).text


def test_extracted_round_up_and_repeated_rows_are_the_article() -> None:
    deal = "Today only, the store offers it at the lowest price we have seen so far this year."
    items = [
        "Amazon discounts laptops from $700", deal,
        "Wireless earbuds fall to $150", deal.replace("Today only", "This week"),
        "Smart thermostat deals are live", deal.replace("Today only", "Until Friday"),
    ]  # fmt: skip
    rows = ["| Day | Meal |", "| Monday | Soup |", "| Day | Meal |", "| Tuesday | Stew |"]
    end = "Prices can change at any time, so check them before you buy anything from our list."
    text = "\n".join([*items, *rows, end])
    page = ExtractedPage("Today's best deals", text, (), None, None, None, "en", "x")
    assert clean_extracted(page).text.split("\n\n") == text.split("\n")


def test_markup_metadata_fills_only_what_the_cleaner_missed(english: ExtractedPage) -> None:
    page = replace(english, title=None, text="Headline from text\n\n" + english.text)
    result = clean_extracted(page)
    assert result.title == "Headline from text"  # the cleaner's own title wins
    assert result.authors == english.authors  # the cleaner found none: markup's


def test_url_argument_is_used_when_the_page_has_none() -> None:
    page = extract_html(fixture("article_de.html"), url="https://anzeiger.example.de/a/1")
    assert page.url == "https://anzeiger.example.de/a/1"


# --- deliberate trafilatura settings ---------------------------------------------------------


def test_trafilatura_options() -> None:
    options = _extractor(HtmlConfig(), None)
    assert options.dedup is False and options.comments is False
    assert options.focus == "precision"
    assert _extractor(HtmlConfig(focus="recall"), None).focus == "recall"
    assert _extractor(HtmlConfig(focus="balanced"), None).focus == "balanced"


def test_same_page_twice_gives_the_same_text() -> None:
    # with trafilatura's module-global dedup cache on, the second run would come back empty
    html = fixture("article_en.html")
    assert extract_html(html).text == extract_html(html).text != ""


PULL_QUOTE_PAGE = (
    "<html><body><article><h1>Budget</h1><p>The council met on Monday and agreed to the new"
    " budget plan for the town, after a long debate about the harbour and the schools.</p>"
    "<blockquote class='pullquote'>Too little money for roads</blockquote><p>Opposition members"
    " said the plan left too little money for road repairs, and they promised to raise the"
    " matter again in the spring.</p></article></body></html>"
)


def test_pruning_switches() -> None:
    assert "Too little money for roads" not in extract_html(PULL_QUOTE_PAGE).text
    kept = extract_html(PULL_QUOTE_PAGE, config=HtmlConfig(prune_asides=False))
    assert "Too little money for roads" in kept.text
    nothing = HtmlConfig(prune_figures=False, prune_asides=False, prune_related=False)
    assert extract_html(fixture("article_de.html"), config=nothing).pruned == ()


def test_pruning_leaves_the_article_body_alone() -> None:
    body = " ".join(["The council met on Monday and agreed to the new budget plan."] * 12)
    html = (
        "<html><body><h1>Budget</h1><div class='entry-content read-more-wrapper'>"
        f"<p>{body}</p><p>{body}</p></div><div class='related'><a href='/x'>Other</a></div>"
        "</body></html>"
    )
    page = extract_html(html)
    assert "The council met on Monday" in page.text
    assert [b.rule for b in page.pruned] == ["related-class"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"focus": "fast"}, "focus"), ({"max_html_chars": 0}, "max_html_chars")],
)
def test_config_validation(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        HtmlConfig(**kwargs)  # type: ignore[arg-type]


# --- fallback, garbage, limits ---------------------------------------------------------------


def test_fallback_when_trafilatura_finds_nothing() -> None:
    html = fixture("moved_notice.html")
    assert trafilatura.bare_extraction(html, options=_extractor(HtmlConfig(), None)) is None
    page = extract_html(html)
    assert page.extractor == "fallback"
    assert page.text == "This page has moved to our new site."
    assert page.title == "Page moved"
    assert extract_html(html, config=HtmlConfig(fallback=False)).extractor == "none"


def test_fallback_text_one_block_per_line() -> None:
    html = (
        "<html><head><title>T</title><style>p{}</style></head><body><nav>Home</nav>"
        "<div>First <b>block</b><br>after break</div><ul><li>one</li><li>two</li></ul>"
        "<script>var x = 1;</script></body></html>"
    )
    assert fallback_text(html) == "First block\nafter break\none\ntwo"


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   \n\t ",
        "<<<>>>",
        "\x00\x01\x02 binary \xff",
        "<html></html>",
        "<html><body></body></html>",
        "<!-- only a comment -->",
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>x</p></body></html>",
        "<html><body><p>unclosed <b>tags <i>everywhere",
        "</div></div></p>",
        "<script>alert(1)</script>",
        "plain text, no markup at all",
    ],
)
def test_garbage_does_not_crash(html: str) -> None:
    page = extract_html(html)
    assert isinstance(page.text, str)
    assert page.extractor in ("trafilatura", "fallback", "none")
    assert isinstance(clean_html(html), CleanResult)


def test_fragment_is_wrapped() -> None:
    page = extract_html("<p>First paragraph of a fragment.</p><p>Second one.</p>")
    assert "First paragraph of a fragment." in page.cleaner_input
    assert "Second one." in page.cleaner_input


def test_deep_nesting_best_effort() -> None:
    # libxml2 stops building the tree at depth 256; the bs4 fallback still finds the text
    depth = 10_000
    html = (
        "<html><body>" + "<div>" * depth + "<p>Deep inside the page.</p>" + "</div>" * depth
    ) + "</body></html>"
    page = extract_html(html)
    assert "Deep inside the page." in page.text
    assert page.extractor == "fallback"


def test_deep_article_under_a_shallow_intro_is_not_lost() -> None:
    # lxml would hand trafilatura the intro alone: the page goes to the fallback instead
    para = "The council met on Monday and agreed to the new budget plan for the town."
    html = (
        "<html><body><div><p>A short intro line at the top of the page.</p></div>"
        + "<div>" * 300
        + "".join(f"<p>{i}. {para}</p>" for i in range(5))
        + "</div>" * 300
        + "</body></html>"
    )
    page = extract_html(html)
    assert page.extractor == "fallback"
    assert "4. The council met on Monday" in page.text


@pytest.mark.parametrize("tag", ["span", "nav", "li"])
def test_deep_nesting_with_text_at_every_level(tag: str) -> None:
    depth = 5_000
    html = "<html><body>" + f"<{tag}>word " * depth + f"</{tag}>" * depth + "</body></html>"
    page = extract_html(html)  # linear time: no quadratic bs4 insert/extract
    assert isinstance(page.text, str)


def test_max_html_chars_cuts_the_page() -> None:
    html = fixture("article_en.html")
    cut = html.index("The repairs cost")
    page = extract_html(html, config=HtmlConfig(max_html_chars=cut))
    assert "The repairs cost" not in page.text
    assert "The harbour bridge reopened" in page.text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from("<>/ab=\"' divp!-\n&;x"), max_size=300))
def test_never_crashes_on_tag_soup(html: str) -> None:
    page = extract_html(html)
    assert isinstance(page.text, str)


# --- looks_like_html ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body>x</body></html>", True),
        ("\ufeff  <html lang='en'><head></head></html>", True),
        ("<!-- saved page --><html>", True),
        ("<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'>", True),
        ("<p>One</p><p>Two</p>", True),
        ("<div class='a'>text <span>more</span></div>", True),
        ("Headline\n\nBody text with a <b> in it.", False),
        ("Prices rose 3% (<5% expected) in May.", False),
        ("a < b and c > d", False),
        ("", False),
        ("Title\n\nJust plain text.\n", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


def test_looks_like_html_on_fixtures() -> None:
    for path in FIXTURES.glob("*.html"):
        assert looks_like_html(path.read_text(encoding="utf-8")), path.name


# --- purity ----------------------------------------------------------------------------------


def test_results_and_configs_pickle(english: ExtractedPage) -> None:
    assert pickle.loads(pickle.dumps(english)) == english
    config = HtmlConfig(focus="recall")
    assert pickle.loads(pickle.dumps(config)) == config
    assert pickle.loads(pickle.dumps(extract_html)) is extract_html


@pytest.mark.parametrize(
    ("title", "sitename", "expected"),
    [
        ("Bridge reopens | The Courier", "The Courier", "Bridge reopens"),
        ("Bridge reopens \u2013 the courier", "The Courier", "Bridge reopens"),
        ("The Courier: Bridge reopens", "The Courier", "Bridge reopens"),
        ("Bridge reopens - A - B", "A - B", "Bridge reopens"),
        ("Bridge reopens | Other", "The Courier", "Bridge reopens | Other"),
        ("The Courier", "The Courier", "The Courier"),
    ],
)
def test_site_name_is_cut_from_the_title(title: str, sitename: str, expected: str) -> None:
    assert site_free_title(title, sitename) == expected


def test_hover_cards_are_pruned_but_the_link_stays() -> None:
    html = (
        "<html><body><article><h1>Vote</h1><p>Senator <a href='/p/jo'>Jo Park</a>"
        "<span class='rollover-people-block'><a href='/p/jo'>Jo Park</a>"
        "<a href='/n/1'>Park backs farm bill in late vote</a></span> said on Monday that the"
        " vote on the farm bill would go ahead next week despite the objections of the"
        " opposition, who want more time to read the amendments.</p></article></body></html>"
    )
    page = extract_html(html)
    assert "Senator Jo Park said on Monday" in page.text
    assert "backs farm bill" not in page.text
    assert [b.rule for b in page.pruned] == ["popup-class"]


def test_code_and_chrome_go_before_extraction_but_json_ld_stays() -> None:
    from lxml.html import fromstring

    from cleaner.html_prune import drop_non_content

    tree = fromstring(
        "<html><head><meta name='a' content='b'><script>x()</script>"
        "<script type='application/ld+json'>{}</script></head><body><nav>Menu</nav>"
        "<p>Text <button>Share</button>stays.</p><footer>Footer</footer></body></html>"
    )
    drop_non_content(tree)
    assert [e.tag for e in tree.iter("script")] == ["script"]
    assert tree.find(".//meta") is None and tree.find(".//nav") is None
    assert tree.find(".//p").text_content() == "Text stays."


def test_a_disabled_rule_does_not_hide_an_enabled_one() -> None:
    html = (
        "<html><body><article><h1>Vote</h1><p>The council met on Monday and agreed to the"
        " new budget plan for the town, after a long debate about the harbour.</p>"
        "<div class='caption related'><a href='/x'>Ferry timetable changes</a></div>"
        "</article></body></html>"
    )
    page = extract_html(html, config=HtmlConfig(prune_figures=False))
    assert [b.rule for b in page.pruned] == ["related-class"]
