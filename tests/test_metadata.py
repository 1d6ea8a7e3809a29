"""Dates and authors from byline lines."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cleaner.metadata import (
    DAY_MONTH_YEAR,
    ISO_DATE,
    MONTH_DAY_YEAR,
    NUMERIC_DATE,
    looks_like_name,
    parse_authors,
    parse_date,
)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Friday 22 December 2017 09:32 GMT", "2017-12-22T09:32:00+00:00"),
        ("Dec. 22, 2017", "2017-12-22"),
        ("2017-12-22", "2017-12-22"),
        ("Published 5:01 PM EST Nov 19, 2019", "2019-11-19T17:01:00-05:00"),
        ("Updated: November 19, 2019 at 12:15 am", "2019-11-19T00:15:00"),
        ("12. März 2024, 18:45 Uhr", "2024-03-12T18:45:00"),
        ("12 de marzo de 2024", "2024-03-12"),
        ("3 janvier 2023", "2023-01-03"),
        ("22.12.2017", "2017-12-22"),
        ("Tuesday", None),
        ("32 December 2017", None),
        ("Smarch 3, 2017", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("By Jane Doe", ("Jane Doe",)),
        ("By Jane Doe and John Roe, Reuters", ("Jane Doe", "John Roe")),
        ("Rob Merrick", ("Rob Merrick",)),
        ("Von Anna Beispielfrau", ("Anna Beispielfrau",)),
        ("Por Lucía Ejemplo y Pedro Prueba", ("Lucía Ejemplo", "Pedro Prueba")),
        ("With reporting by AFP and Reuters", ()),
        ("By staff", ()),
    ],
)
def test_parse_authors(text: str, authors: tuple[str, ...]) -> None:
    assert parse_authors(text) == authors


def test_looks_like_name() -> None:
    assert looks_like_name("Vladimir Isachenkov")
    assert not looks_like_name("Vladimir")
    assert not looks_like_name("the end of the story")
    assert not looks_like_name("Week 12 Rankings")


@given(st.text(alphabet="0123456789 .-,thdeDecmayMAY", max_size=24))
@example("22 Dec 2019")
@example("2019-12-22")
def test_every_date_pattern_needs_a_year_19xx_or_20xx(text: str) -> None:
    """``parse_date`` skips a text with neither "19" nor "20": no date pattern can match it."""
    patterns = (ISO_DATE, NUMERIC_DATE, DAY_MONTH_YEAR, MONTH_DAY_YEAR)
    if any(p.search(text) for p in patterns):
        assert "19" in text or "20" in text
