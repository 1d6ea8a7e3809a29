"""Authors and publication dates from byline lines.

>>> parse_date("Friday 22 December 2017 09:32 GMT")
'2017-12-22T09:32:00+00:00'
>>> parse_date("Dec. 22, 2017")
'2017-12-22'
>>> parse_date("Published 5:01 PM EST Nov 19, 2019")
'2019-11-19T17:01:00-05:00'
>>> parse_authors("By Jane Doe and John Roe, Reuters")
('Jane Doe', 'John Roe')
"""

# ruff: noqa: RUF001 (typographic quotes and dashes are the data here)

from __future__ import annotations

import re

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12, "januar": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6,
    "juli": 7, "oktober": 10, "dezember": 12, "enero": 1, "febrero": 2, "marzo": 3, "abril": 4,
    "mayo": 5, "junio": 6, "julio": 7, "agosto": 8, "septiembre": 9, "setiembre": 9,
    "octubre": 10, "noviembre": 11, "diciembre": 12, "janvier": 1, "février": 2, "mars": 3,
    "avril": 4, "juin": 6, "juillet": 7, "août": 8, "septembre": 9, "octobre": 10,
    "novembre": 11, "décembre": 12,
}  # fmt: skip
TIMEZONES = {"gmt": "+00:00", "utc": "+00:00", "z": "+00:00", "bst": "+01:00", "cet": "+01:00",
             "cest": "+02:00", "est": "-05:00", "edt": "-04:00", "cst": "-06:00",
             "cdt": "-05:00", "mst": "-07:00", "mdt": "-06:00", "pst": "-08:00",
             "pdt": "-07:00"}  # fmt: skip

_MONTH = r"(?P<month>[a-zäéû]{3,10})\.?"
ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]?\d)-(?P<day>[0-3]?\d)\b")
DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\.?\s+(?:de\s+)?{_MONTH}\s+(?:de\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
MONTH_DAY_YEAR = re.compile(
    rf"\b{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
NUMERIC_DATE = re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<mon>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b")
TIME = re.compile(
    r"\b(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)(?![.\d])\s*(?P<ampm>[ap]\.?m\.?)?"
    r"(?:\s*(?P<tz>GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT)\b)?",
    re.IGNORECASE,
)
BY_PREFIX = re.compile(r"^(?:by|von|por|par|written by|words by)\s+", re.IGNORECASE)
AUTHOR_SPLIT = re.compile(r"\s*(?:,|\band\b|&|\bund\b|\by\b|\bet\b|\|)\s*")
NAME = re.compile(
    r"^(?:[A-ZÀ-Þ][\w'’.-]*)(?:\s+(?:[A-ZÀ-Þ][\w'’.-]*|de|van|von|da|del|la|le)){1,3}$"
)
ORGANISATIONS = frozenset(
    ["ap", "afp", "reuters", "dpa", "efe", "ians", "pti", "ani", "bloomberg", "xinhua", "staff"]
)


def _date_parts(text: str) -> tuple[int, int, int, int, int] | None:
    for pattern in (ISO_DATE, NUMERIC_DATE, DAY_MONTH_YEAR, MONTH_DAY_YEAR):
        m = pattern.search(text)
        if not m:
            continue
        groups = m.groupdict()
        if "mon" in groups:
            month = int(groups["mon"])
        else:
            name = groups["month"].lower()
            month = MONTHS.get(name, MONTHS.get(name[:3], 0))
        year, day = int(groups["year"]), int(groups["day"])
        if 1 <= month <= 12 and 1 <= day <= 31:
            return year, month, day, m.start(), m.end()
    return None


def parse_date(text: str) -> str | None:
    """The first date in a byline line as ISO 8601 (with the time and zone when given)."""
    parts = _date_parts(text)
    if parts is None:
        return None
    year, month, day, start, end = parts
    date = f"{year:04d}-{month:02d}-{day:02d}"
    m = TIME.search(text[:start] + " " + text[end:])
    if not m:
        return date
    hour, minute = int(m["hour"]), int(m["minute"])
    ampm = (m["ampm"] or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return date
    zone = TIMEZONES.get((m["tz"] or "").lower(), "")
    return f"{date}T{hour:02d}:{minute:02d}:00{zone}"


def parse_authors(text: str) -> tuple[str, ...]:
    """Person names in a byline line ("By Jane Doe and John Roe, Reuters")."""
    text = BY_PREFIX.sub("", text.strip())
    names = []
    for part in AUTHOR_SPLIT.split(text):
        part = part.strip(" .:;-–—")
        if part and part.lower() not in ORGANISATIONS and NAME.match(part):
            names.append(part)
    return tuple(names)


def looks_like_name(text: str) -> bool:
    """True for a line that is only a person's name ("Rob Merrick")."""
    return len(text) <= 40 and bool(NAME.match(text)) and not any(map(str.isdigit, text))
