"""Publication dates written in page text, kept exactly as precise as written.

"Monday, 24 June 2024, 18:53" gives minute precision; "24 June 2024" a day;
"June 2024" a month. A year alone (a copyright line) is never a publication date.
Times keep the page's local clock: a zone is written only when the page gives an offset.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from newsgraph.records import Precision

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# Month names of the other languages newsgraph's users meet (genitive where dates use it:
# "24 сентября 2018"), so a non-English page keeps its date too.
_FOREIGN_MONTHS = {
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "id": "januari februari maret april mei juni juli agustus september oktober november desember",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "uk": "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
}
for _names in _FOREIGN_MONTHS.values():
    for _number, _name in enumerate(_names.split(), start=1):
        _MONTHS.setdefault(_name, _number)
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

_PATTERNS = [
    re.compile(rf"\b{_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?:[T ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d)"
               r"(?::\d\d(?:\.\d+)?)?(?P<tz>Z|[+-][01]\d:?[0-5]\d)?)?", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\.?\s+(?:of\s+|de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\.{_YEAR}\b"),
    re.compile(rf"\b{_YEAR}[./](?P<mnum>[01]\d)[./](?P<day>[0-3]\d)\b"),  # "2016.12.01"
    # "11/19/2019", "11/19/19 06:56 AM": month first, as US pages write it (day first if it must be).
    re.compile(r"(?<![\d/])(?P<mnum>[0-3]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)?\d\d)(?![\d/])"),
]
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+{_YEAR}\b", re.IGNORECASE)
_TIME = re.compile(r"(?<![\d:])(?P<hour>[0-2]?\d)[:.h](?P<minute>[0-5]\d)(?![\d:])(?::\d\d)?"
                   r"\s*(?P<ampm>[ap]\.?\s?m\.?)?", re.IGNORECASE)


@dataclass(frozen=True)
class FoundDate:
    iso: str
    precision: Precision
    start: int  # where the date begins in the line searched
    end: int

    @property
    def rank(self) -> int:
        return {"minute": 3, "day": 2, "month": 1, "year": 0}[self.precision]


def _time_near(line: str, start: int, end: int) -> tuple[int, int, int] | None:
    """A clock time next to the date (before or after, within a few characters)."""
    for match in _TIME.finditer(line):
        gap = match.start() - end if match.start() >= end else start - match.end()
        if gap > 30:
            continue
        hour, minute = int(match["hour"]), int(match["minute"])
        ampm = (match["ampm"] or "").lower().replace(".", "").replace(" ", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour < 24 and (ampm or ":" in match.group(0) or "h" in match.group(0)):
            return hour, minute, match.end()
    return None


def find_date(line: str, allow_month: bool = False) -> FoundDate | None:
    """The first full date in a line, with its time when one is written beside it."""
    for pattern in _PATTERNS:
        match = pattern.search(line)
        if not match:
            continue
        groups = match.groupdict()
        month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["month"].lower()]
        year, day = int(groups["year"]), int(groups["day"])
        if year < 100:
            year += 2000
        if "." in match.group(0) and groups.get("mnum") and month > 12 >= day and match.group(0)[:4] != groups["year"]:
            month, day = day, month  # "11.14.2019": day-first cannot be, so month-first
        if "/" in match.group(0) and match.group(0)[:4] != groups["year"]:
            if month > 12 >= day:
                month, day = day, month
            elif day <= 12 and day != month:
                continue  # 05/10/2018: 10 May in the US, 5 October elsewhere; never guessed
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        end = match.end()
        if groups.get("hour"):
            iso += f"T{groups['hour']}:{groups['minute']}" + _offset(groups.get("tz"))
            return FoundDate(iso, "minute", match.start(), end)
        clock = _time_near(line, match.start(), match.end())
        if clock:
            return FoundDate(f"{iso}T{clock[0]:02d}:{clock[1]:02d}", "minute", match.start(), max(end, clock[2]))
        return FoundDate(iso, "day", match.start(), end)
    if allow_month:
        match = _MONTH_YEAR.search(line)
        if match:
            month = _MONTHS[match["month"].lower()]
            return FoundDate(f"{int(match['year']):04d}-{month:02d}", "month", match.start(), match.end())
    return None


def _offset(tz: str | None) -> str:
    if not tz:
        return ""
    if tz.upper() == "Z":
        return "+00:00"
    return tz if ":" in tz else f"{tz[:3]}:{tz[3:]}"


EARLIEST_YEAR, LATEST_YEAR = 1000, 9000  # dates outside these are typos, and break date arithmetic


def _possible(year: str, month: str | None, day: str | None, hour: str | None, minute: str | None) -> bool:
    """A real calendar date (and time) in a year news could be from."""
    try:
        datetime.datetime(int(year), int(month or 1), int(day or 1), int(hour or 0), int(minute or 0))
    except ValueError:
        return False
    return EARLIEST_YEAR <= int(year) <= LATEST_YEAR


def from_iso(value: str) -> tuple[str, Precision] | None:
    """Metadata dates ("2024-06-24", "2024-06-24T18:53:00+03:00") with their precision."""
    value = value.strip()
    match = re.match(r"^(\d{4})(?:-(\d\d)(?:-(\d\d)(?:[T ](\d\d):(\d\d)(?::\d\d(?:\.\d+)?)?"
                     r"(Z|[+-]\d\d:?\d\d)?)?)?)?$", value)
    if not match:
        found = find_date(value, allow_month=True)
        return (found.iso, found.precision) if found else None
    year, month, day, hour, minute, tz = match.groups()
    if not _possible(year, month, day, hour, minute):
        return None
    if hour:
        return f"{year}-{month}-{day}T{hour}:{minute}{_offset(tz)}", "minute"
    if day:
        return f"{year}-{month}-{day}", "day"
    if month:
        return f"{year}-{month}", "month"
    return year, "year"


def _instant(iso: str) -> datetime.datetime | None:
    """A minute with its offset as an aware datetime; None without one."""
    try:
        moment = datetime.datetime.fromisoformat(iso)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _written(moment: datetime.datetime) -> str:
    offset = moment.strftime("%z")
    return moment.strftime("%Y-%m-%dT%H:%M") + f"{offset[:3]}:{offset[3:]}"


def local_time(candidates: list[tuple[str, Precision]]) -> tuple[str, Precision] | None:
    """The first candidate, on the clock of the page's own time zone when the page gives one.

    Pages state one moment twice: in UTC ("...T04:31+00:00") and in their zone. When the
    first is UTC and another is the same instant at another offset, that one is kept: its
    day is the day the page shows. When the first has an offset but another gives the same
    clock digits in UTC, the offset was written onto a UTC clock (a common template bug):
    the UTC instant is moved to that offset. Nothing is made up: without a second
    statement the first is kept as it is.
    """
    if not candidates:
        return None
    first = candidates[0]
    moment = _instant(first[0]) if first[1] == "minute" else None
    if moment is None:
        return first
    for iso, precision in candidates[1:]:
        other = _instant(iso) if precision == "minute" else None
        if other is None or other.utcoffset() == moment.utcoffset():
            continue
        if moment.utcoffset() == datetime.timedelta(0) and other == moment:
            return iso, "minute"
        if other.utcoffset() == datetime.timedelta(0) and iso[:16] == first[0][:16]:
            return _written(other.astimezone(moment.tzinfo)), "minute"
    return first


_LABEL = re.compile(r"^\W*(published|posted|first published|date|updated|last updated|modified)\b", re.IGNORECASE)


def date_label(line: str) -> str | None:
    """"published" / "updated" when a line says which date it gives."""
    match = _LABEL.match(line)
    if not match:
        return None
    word = match.group(1).lower()
    return "updated" if word in ("updated", "last updated", "modified") else "published"


_HAS_DIGIT = re.compile(r"\d")
_AGO = re.compile(r"^\W*(?:updated\s+|posted\s+)?(?:\d+|an?|one)\s+"
                  r"(?:second|minute|hour|day|week|month|year)s?\s+ago\b", re.IGNORECASE)
# What may stand beside the date on a dateline: weekdays, clock words, time zones, labels.
_FILLER = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|"
                     r"at|on|am|pm|a\.m\.|p\.m\.|[a-z]{1,4}t|gmt|utc|updated|published|posted)\b|"
                     r"(?<=\d)[ap]m\b|[\d:.,|/()\-–—]", re.IGNORECASE)


def is_dateline(line: str) -> bool:
    """A line that is only a date or a time stamp ("Wednesday November 20, 2019", "2 days ago")."""
    if len(line) > 60:
        return False
    if _AGO.match(line):
        return True
    if not _HAS_DIGIT.search(line):
        return False
    found = find_date(line)
    if not found:
        return False
    rest = _FILLER.sub(" ", line[:found.start] + " " + line[found.end:])
    return not rest.split()
