"""When an article's news happened, to the year: from its date, else from what its text says.

Two events of the same kind years apart are different news, even in the same words. A
dated article is placed by its publication date. An undated one is placed by the latest
date its text writes out in full ("May 3, 2013", "12 January 2010", "June 2008") or as
"in 2008": news dates what it reports, and the latest date it names is seldom far from
when it was written. Each expression is read by ``extract.events.resolve_date``, the same
reader the event extractor uses. Bare years ("a 2010 contract", "by 2018") are not read:
they are as often plans and anniversaries as dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.extract.events import resolve_date

TEXT_CHARS = 4000  # the start of the article, as everything else in story formation reads
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_YEAR = r"(?:19|20)\d\d"
_FULL_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR})\b",
    re.IGNORECASE)
_PERIOD = re.compile(rf"\b(?:{_MONTH}\s+{_YEAR}|(?:in|during)\s+{_YEAR})\b", re.IGNORECASE)


@dataclass(frozen=True)
class When:
    """An article's year, and whether it is the year of its news or only a year it is not before."""

    year: int
    exact: bool  # from the publication date or a full date in the text; else "not before"


def when(published: str | None, text: str) -> When | None:
    """The publication year, else the latest full date the text gives, else the latest month or year it names.

    A full date ("May 3, 2013") in news is nearly always the news's own; "in 2005" or
    "September 2010" is as often background, so it only says the article is not older.
    """
    if dated(published):
        return When(int(published[:4]), True)
    head = text[:TEXT_CHARS]
    for pattern, exact in ((_FULL_DATE, True), (_PERIOD, False)):
        years = [_year(match.group(0)) for match in pattern.finditer(head)]
        years = [y for y in years if y is not None]
        if years:
            return When(max(years), exact)
    return None


def dated(published: str | None) -> bool:
    """Whether the publication date gives the year (then ``when`` never reads the text)."""
    return bool(published) and published[:4].isdigit()


def _year(expression: str) -> int | None:
    resolved = resolve_date(expression, None)
    return int(resolved[:4]) if resolved and resolved[:4].isdigit() else None
