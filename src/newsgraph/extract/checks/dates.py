"""Dates in the text that cannot all be right, given the article's own date.

Only statements the calendar settles are flagged:
- a weekday that does not fall on the date written with it ("Tuesday, 24 June 2024");
- "N years ago" beside a year that is not N years before the article ("in 2014, five years ago");
- "last/this/next year" beside a year that is not that year ("last year (2021)");
- "yesterday/today/tomorrow" beside a date that is not that day;
- "last month" beside a month that is not the previous one.
A relative date alone ("last week") is not a conflict: there is nothing to contradict it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsgraph.extract.checks.window import DateWindow
from newsgraph.records import Article, Flag
from newsgraph.spans import evidence_sentence

MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                           "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "a": 1, "an": 1})

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = rf"(?P<month>{_MONTH_NAMES})\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# "24 June" or "June 24" (groups month2/day2: Python forbids reusing a group name).
_DATE = (rf"(?:(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}|"
         rf"(?P<month2>{_MONTH_NAMES})\.?\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d))(?:,?\s+{_YEAR})?")
_WEEKDAY_DATE = re.compile(rf"\b(?P<weekday>{'|'.join(WEEKDAYS)}),?\s+(?:the\s+)?{_DATE}\b", re.IGNORECASE)
_YEARS_AGO = re.compile(rf"\b(?:in\s+)?{_YEAR},?\s+(?:some\s+|about\s+|nearly\s+|almost\s+|more than\s+|over\s+)?"
                        r"(?P<n>\d{1,2}|[a-z]+)\s+years?\s+ago\b|"
                        r"\b(?P<n2>\d{1,2}|[a-z]+)\s+years?\s+ago,?\s+(?:in\s+)?(?P<year2>(?:19|20)\d\d)\b", re.IGNORECASE)
_REL_YEAR = re.compile(rf"\b(?P<rel>last|this|next|previous)\s+year(?:'s|’s)?,?\s+\(?(?:in\s+)?{_YEAR}\b|"
                       r"\b(?:in\s+)?(?P<year2>(?:19|20)\d\d),?\s+\(?(?P<rel2>last|this|next)\s+year\b", re.IGNORECASE)
_REL_DAY = re.compile(rf"\b(?P<rel>yesterday|today|tomorrow),?\s+\(?(?:on\s+)?(?:(?:{'|'.join(WEEKDAYS)}),?\s+)?{_DATE}",
                      re.IGNORECASE)
_LAST_MONTH = re.compile(rf"\blast\s+month,?\s+\(?(?:in\s+)?{_MONTH}\b(?!\s+\d)", re.IGNORECASE)
OFFSET = {"last": -1, "previous": -1, "this": 0, "next": 1, "yesterday": -1, "today": 0, "tomorrow": 1}


def check_dates(article: Article, window: DateWindow) -> list[Flag]:
    """Date conflicts in the article text, each with the calendar fact that shows it."""
    text = article.text
    flags: list[Flag] = []
    flags += _weekdays(article, text, window)
    if not window.exact or window.start is None or window.end is None:
        return flags  # relative dates need the published date, as precise as each check needs
    published = window.start
    if published.year == window.end.year:
        flags += _years_ago(article, text, published)
        flags += _relative_years(article, text, published)
    if (published.year, published.month) == (window.end.year, window.end.month):
        flags += _last_month(article, text, published)
    if published == window.end:
        flags += _relative_days(article, text, published)
    return flags


def _weekdays(article: Article, text: str, window: DateWindow) -> list[Flag]:
    out = []
    for m in _WEEKDAY_DATE.finditer(text):
        day = _date_of(m, window)
        if day is None:
            continue
        written = m.group("weekday").lower()
        actual = WEEKDAYS[day.weekday()]
        if written != actual:
            year_note = "" if m.group("year") else f" (the year {day.year} taken from the article's date)"
            out.append(_flag(article, m, 0.8 if m.group("year") else 0.65,
                             f"{day.strftime('%d %B %Y')}{year_note} was a {actual.title()}, not a {written.title()}."))
    return out


def _years_ago(article: Article, text: str, published: date) -> list[Flag]:
    out = []
    for m in _YEARS_AGO.finditer(text):
        year = int(m.group("year") or m.group("year2"))
        n = _number(m.group("n") or m.group("n2"))
        if n is None:
            continue
        actual = published.year - year
        if abs(actual - n) > 1:
            out.append(_flag(article, m, 0.6, f"The article is dated {published.isoformat()}: {year} was {actual} "
                                              f"years before it, not {n}."))
    return out


def _relative_years(article: Article, text: str, published: date) -> list[Flag]:
    out = []
    for m in _REL_YEAR.finditer(text):
        rel = (m.group("rel") or m.group("rel2")).lower()
        year = int(m.group("year") or m.group("year2"))
        expected = published.year + OFFSET[rel]
        if year != expected:
            out.append(_flag(article, m, 0.65, f"The article is dated {published.isoformat()}, so \"{rel} year\" is "
                                               f"{expected}, not {year}."))
    return out


def _relative_days(article: Article, text: str, published: date) -> list[Flag]:
    out = []
    for m in _REL_DAY.finditer(text):
        day = _explicit_date(m, published.year)
        if day is None:
            continue
        expected = published + timedelta(days=OFFSET[m.group("rel").lower()])
        if abs((day - expected).days) > 1:  # time zones can move a date by one day
            out.append(_flag(article, m, 0.6, f"The article is dated {published.isoformat()}, so "
                                              f"\"{m.group('rel').lower()}\" is {expected.isoformat()}, not {day.isoformat()}."))
    return out


def _last_month(article: Article, text: str, published: date) -> list[Flag]:
    out = []
    expected = 12 if published.month == 1 else published.month - 1
    for m in _LAST_MONTH.finditer(text):
        month = MONTHS[m.group("month").lower()]
        if month != expected:
            name = date(2000, expected, 1).strftime("%B")
            out.append(_flag(article, m, 0.55, f"The article is dated {published.isoformat()}, so \"last month\" is "
                                               f"{name}, not {m.group('month')}."))
    return out


def _date_of(m: re.Match, window: DateWindow) -> date | None:
    """The date a match writes. Without a year: the one within ten months before to two months
    after the article's date whose weekday matches, else the nearest past one (news looks back)."""
    if m.group("year"):
        return _explicit_date(m, int(m.group("year")))
    if not window.exact or window.start is None:
        return None
    published = window.start
    candidates = [d for d in (_explicit_date(m, published.year + k) for k in (-1, 0, 1))
                  if d and -300 <= (d - published).days <= 60]
    if not candidates:
        return None
    weekday = WEEKDAYS.index(m.group("weekday").lower())
    matching = [d for d in candidates if d.weekday() == weekday]
    if matching:
        return matching[0]
    past = [d for d in candidates if d <= published]
    return past[-1] if past else candidates[0]


def _explicit_date(m: re.Match, default_year: int) -> date | None:
    year = int(m.group("year")) if m.group("year") else default_year
    try:
        month = (m.group("month") or m.group("month2")).lower().rstrip(".")
        return date(year, MONTHS[month], int(m.group("day") or m.group("day2")))
    except (ValueError, KeyError):
        return None


def _number(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def _flag(article: Article, m: re.Match, confidence: float, explanation: str) -> Flag:
    return Flag(article=article.id, kind="date_conflict", start=m.start(), end=m.end(), mention=m.group(0),
                explanation=explanation, evidence=evidence_sentence(article.text, m.start(), m.end()),
                confidence=confidence)
