"""When an article was written: its published date, or the range its own text implies.

Checks compare what a text says with what was true "then", so they need a "then".
A published date gives it exactly. Without one (seed 003 has none), the text still
bounds it: a year the story talks about in the past ("Hamas attacked Israel in 2023")
is a lower bound, and a copyright year in the page furniture ("Copyright © 2024") an
upper bound, since a page shows the copyright of the year it was served. With no
bound at all the window is open and checks fall back to every term in the data.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from newsgraph.records import Article

MIN_YEAR, MAX_YEAR = 1950, 2100

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d\d\s*[-–]\s*)?((?:19|20)\d\d)", re.IGNORECASE)
# A year after these words is not in the past: "by 2030", "until 2027", "the 2028 election".
_FUTURE_BEFORE = re.compile(r"\b(?:by|until|till|through|before|to|next|upcoming|in the)\s*$", re.IGNORECASE)
_FUTURE_IN_SENTENCE = re.compile(r"\b(?:will|plans?|planned|expected|aims?|scheduled|would|could|forecasts?|projected|target)\b",
                                 re.IGNORECASE)
# A year written as "in 2023", "since 2014", "of 2019", "2022's": the text looks back on it.
_PAST_BEFORE = re.compile(r"\b(?:in|since|of|during|from|early|late|mid|summer|spring|autumn|fall|winter|"
                          r"january|february|march|april|may|june|july|august|september|october|november|december)[\s-]*$",
                          re.IGNORECASE)


@dataclass(frozen=True)
class DateWindow:
    """The days an article may have been written on, and how we know."""

    start: date | None
    end: date | None
    basis: str  # for explanations: "published 2024-06-24", "no date; the text mentions 2023 ..."
    exact: bool = False  # a published date, not an inference

    @property
    def known(self) -> bool:
        return self.start is not None or self.end is not None

    def describe(self) -> str:
        """ "on 2024-06-24", "between 2023-01-01 and 2024-12-31", "at any time" """
        if self.start and self.end and self.start == self.end:
            return f"on {self.start.isoformat()}"
        if self.start and self.end:
            return f"between {self.start.isoformat()} and {self.end.isoformat()}"
        if self.start:
            return f"after {self.start.isoformat()}"
        if self.end:
            return f"before {self.end.isoformat()}"
        return "at any time"


def iso_bounds(iso: str) -> tuple[date, date]:
    """First and last day an ISO date as precise as written can mean ("2024-06" → June 1–30)."""
    parts = [int(p) for p in re.findall(r"\d+", iso[:10])]
    year = parts[0]
    if len(parts) >= 3:
        day = date(year, parts[1], parts[2])
        return day, day
    if len(parts) == 2:
        return date(year, parts[1], 1), date(year, parts[1], calendar.monthrange(year, parts[1])[1])
    return date(year, 1, 1), date(year, 12, 31)


def article_window(article: Article) -> DateWindow:
    """The published date if there is one, else the range the text implies."""
    if article.published:
        try:
            start, end = iso_bounds(article.published)
        except (ValueError, IndexError):
            start = end = None
        if start:
            return DateWindow(start, end, f"published {article.published[:10]}", exact=True)
    return implied_window(article)


def implied_window(article: Article) -> DateWindow:
    """Bounds from the years the text looks back on and the copyright year of the page."""
    upper = copyright_year(article)
    past = [y for y in past_years(article.text) if upper is None or y <= upper]
    lower = max(past) if past else None
    reasons = []
    if lower:
        reasons.append(f"the text refers to {lower} in the past")
    if upper:
        reasons.append(f"the page's copyright year is {upper}")
    start = date(lower, 1, 1) if lower else None
    end = date(upper, 12, 31) if upper else None
    basis = "the article has no published date" + (("; " + " and ".join(reasons)) if reasons else " and its text gives no year")
    return DateWindow(start, end, basis)


def copyright_year(article: Article) -> int | None:
    """The latest copyright year in the removed page furniture (or the text, if it kept it)."""
    years = [int(m.group(1)) for line in (*article.removed, article.text[-400:]) for m in _COPYRIGHT.finditer(line)]
    years = [y for y in years if MIN_YEAR <= y <= MAX_YEAR]
    return max(years) if years else None


def past_years(text: str) -> list[int]:
    """Years the text talks about as past events ("in 2023", "since 2014"), unless their clause
    looks ahead ("which will end in 2027")."""
    found = []
    for match in _YEAR.finditer(text):
        before = text[max(0, match.start() - 20):match.start()]
        if not _PAST_BEFORE.search(before) or _FUTURE_BEFORE.search(before):
            continue
        clause_start = max(text.rfind(c, 0, match.start()) for c in (",", ";", ". ", "\n"))
        if _FUTURE_IN_SENTENCE.search(text[clause_start + 1:match.start()]):
            continue
        found.append(int(match.group(1)))
    return found
