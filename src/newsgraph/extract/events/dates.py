"""Dates of events from the words around them, resolved against the article's date.

"last week" on an article of Monday 24 June 2024 is the ISO 8601 interval
2024-06-17/2024-06-23; "yesterday" a day; "last month" a month (2024-05); "in 2023" a
year. Relative words need the article's date: without one they resolve to None.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "several": None, "few": None}

ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
MONTH_DAY_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b")
DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9})\.?(?:,?\s+(\d{4}))?\b")
MONTH_YEAR = re.compile(r"\b([A-Za-z]{3,9})\s+(\d{4})\b")
MONTH_ALONE = re.compile(r"\b(?:in|since|during|early|late|mid|mid-)\s+([A-Za-z]{3,9})\b")
YEAR = re.compile(r"\b(?:in|since|during|of|by)?\s*((?:19|20)\d{2})\b")
AGO = re.compile(r"\b(\w+)\s+(day|week|month|year)s?\s+ago\b")
RELATIVE = re.compile(r"\b(last|past|previous|this|next|coming)\s+(week|month|year|weekend)\b")


def resolve_date(expr: str, published: str | None, future: bool = False) -> str | None:
    """An ISO 8601 date, month, year or week interval for ``expr``, or None."""
    text = expr.lower().strip()
    today = _day(published)
    absolute = _absolute(text, today, future)
    if absolute:
        return absolute
    if today is None:
        return None
    if "yesterday" in text:
        return (today - timedelta(days=1)).isoformat()
    if "today" in text or "tonight" in text or "this morning" in text:
        return today.isoformat()
    if "tomorrow" in text:
        return (today + timedelta(days=1)).isoformat()
    m = AGO.search(text)
    if m:
        return _ago(today, m.group(1), m.group(2))
    m = RELATIVE.search(text)
    if m:
        step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[m.group(1)]
        return _shifted(today, m.group(2), step)
    for name, wd in WEEKDAYS.items():
        if re.search(rf"\b{name}\b", text):
            delta = (wd - today.weekday()) % 7 if future else -((today.weekday() - wd) % 7)
            return (today + timedelta(days=delta)).isoformat()
    return None


def _day(published: str | None) -> date | None:
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _absolute(text: str, today: date | None, future: bool) -> str | None:
    m = ISO.search(text)
    if m:
        return m.group(0)
    for pattern, order in ((MONTH_DAY_YEAR, "mdy"), (DAY_MONTH_YEAR, "dmy")):
        m = pattern.search(text)
        if m:
            month_word, day_num = (m.group(1), m.group(2)) if order == "mdy" else (m.group(2), m.group(1))
            month = MONTHS.get(month_word.lower())
            if month:
                year = int(m.group(3)) if m.group(3) else _year_for(month, today, future)
                if year and 1 <= int(day_num) <= calendar.monthrange(year, month)[1]:
                    return date(year, month, int(day_num)).isoformat()
    m = MONTH_YEAR.search(text)
    if m and MONTHS.get(m.group(1).lower()):
        return f"{m.group(2)}-{MONTHS[m.group(1).lower()]:02d}"
    m = MONTH_ALONE.search(text)
    if m and MONTHS.get(m.group(1).lower()) and len(m.group(1)) > 3:
        month = MONTHS[m.group(1).lower()]
        year = _year_for(month, today, future)
        return f"{year}-{month:02d}" if year else None
    m = YEAR.search(text)
    if m and not RELATIVE.search(text):
        return m.group(1)
    return None


def _year_for(month: int, today: date | None, future: bool) -> int | None:
    """The year of a month named without one: the latest such month not after the article
    (or the next one for future events)."""
    if today is None:
        return None
    if future:
        return today.year if month >= today.month else today.year + 1
    return today.year if month <= today.month else today.year - 1


def _ago(today: date, amount: str, unit: str) -> str | None:
    n = int(amount) if amount.isdigit() else NUMBERS.get(amount)
    if n is None:
        return None
    if unit == "day":
        return (today - timedelta(days=n)).isoformat()
    if unit == "week":
        return (today - timedelta(weeks=n)).isoformat()
    if unit == "month":
        y, m = divmod(today.year * 12 + today.month - 1 - n, 12)
        return f"{y}-{m + 1:02d}"
    return str(today.year - n)


def _shifted(today: date, unit: str, step: int) -> str:
    if unit in {"week", "weekend"}:
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=step)
        if unit == "weekend":
            return f"{(monday + timedelta(days=5)).isoformat()}/{(monday + timedelta(days=6)).isoformat()}"
        return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"
    if unit == "month":
        y, m = divmod(today.year * 12 + today.month - 1 + step, 12)
        return f"{y}-{m + 1:02d}"
    return str(today.year + step)
