"""Time zone abbreviations on a page's visible datelines ("November 18, 2019 at 2:26 PM HST").

Many pages give their metadata timestamps in UTC only, while the byline shows the local
time with the zone's abbreviation. The abbreviation gives the offset, so the moment can be
written on the page's own clock, and its day is the day the page shows. US generic names
("ET", "PT") take daylight saving time from the date (second Sunday of March to the first
Sunday of November). Ambiguous abbreviations (IST, CST outside the US...) are taken in their
most common news use and listed here so users can see the choice.
"""

from __future__ import annotations

import datetime
import re

from newsgraph.structure.metadata.dates import find_date

# Hours east of UTC.
ZONES: dict[str, float] = {
    "UTC": 0, "GMT": 0, "WET": 0, "BST": 1, "WEST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3,
    "IST": 5.5, "PKT": 5, "WIB": 7, "ICT": 7, "SGT": 8, "HKT": 8, "AWST": 8, "JST": 9, "KST": 9,
    "ACST": 9.5, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
    "NST": -3.5, "NDT": -2.5, "AST": -4, "ADT": -3, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
    "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10,
}
# US zones written without saying whether daylight saving applies: standard offset.
_GENERIC = {"ET": -5, "CT": -6, "MT": -7, "PT": -8}
_ZONE_AFTER = re.compile(r"\s*\(?(?P<zone>[A-Z]{2,4})\b")


def _us_summer(day: datetime.date) -> bool:
    """Daylight saving time in the US: from the second Sunday of March to the first of November."""
    march = datetime.date(day.year, 3, 8)
    start = march + datetime.timedelta(days=(6 - march.weekday()) % 7)
    november = datetime.date(day.year, 11, 1)
    end = november + datetime.timedelta(days=(6 - november.weekday()) % 7)
    return start <= day < end


def zone_offset(zone: str, day: datetime.date) -> float | None:
    """Hours east of UTC for an abbreviation on a given day; None if unknown."""
    if zone in ZONES:
        return ZONES[zone]
    if zone in _GENERIC:
        return _GENERIC[zone] + (1 if _us_summer(day) else 0)
    return None


def zoned_time(text: str) -> str | None:
    """"November 18, 2019 at 2:26 PM HST" → "2019-11-18T14:26-10:00"; None without a named zone."""
    found = find_date(text)
    if found is None or found.precision != "minute" or "+" in found.iso[10:] or found.iso.count("-") > 2:
        return None
    match = _ZONE_AFTER.match(text, found.end)
    if not match:
        return None
    local = datetime.datetime.fromisoformat(found.iso)
    hours = zone_offset(match["zone"], local.date())
    if hours is None:
        return None
    minutes = round(hours * 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{found.iso}{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
