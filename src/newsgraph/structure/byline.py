"""Bylines: who wrote the article, including bylines glued to their date.

Scrapers often lose the space between the byline and the dateline:
"Oleh Pavliuk, Anastasia ProtzMonday, 24 June 2024, 18:53". The date is found first
(``dates.find_date``), a weekday or month name glued to the last name is cut off, and
what is left before it is read as a list of names.
"""

from __future__ import annotations

import re

from newsgraph.structure.dates import FoundDate, find_date

_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun"
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
# A weekday or month name glued to a lowercase letter: "ProtzMonday", "SmithJune".
_GLUED = re.compile(rf"(?<=[a-zà-ÿ])(?:{_WEEKDAYS}|{_MONTHS})\b")
# What may stand between the names and the date: "Monday,", "Updated", "|", "-".
_TRAILING = re.compile(rf"(?:[\s,|—–-]|\b(?:{_WEEKDAYS}|on|updated|published|posted)\b)*$", re.IGNORECASE)
_BY = re.compile(r"^\s*(?:by|written by|words by|text by|reporting by|author[s]?:?|von|par|por|автор:?)\s+",
                 re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\|)\s*", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÞА-ЯІЇЄҐ][\w'’.-]*|(?:de|da|di|del|van|von|der|den|bin|al|le|la|du|dos|ter|ten)"
                        r"|[A-Z]\.)$")
# Words that make a byline item a job title or an organisation, not a person.
_NOT_PERSON = re.compile(
    r"\b(?:writer|reporter|correspondent|editor|staff|contributor|columnist|bureau|desk|press|news|agency|"
    r"team|service|wire|reuters|afp|associated|updated|published|posted|photo|images?|video|minutes?|read|"
    r"share|comments?|follow|email|opinion|analysis)\b",
    re.IGNORECASE,
)


def unglue(line: str) -> str:
    """Put back the space a scraper lost before a weekday or month name."""
    return _GLUED.sub(lambda m: " " + m.group(0), line)


def is_name(text: str) -> bool:
    """A person's name as bylines write it: two to four capitalised words."""
    words = text.split()
    if not 2 <= len(words) <= 4 or _NOT_PERSON.search(text) or any(c.isdigit() for c in text):
        return False
    if not words[0][0].isupper() or not words[-1][0].isupper():
        return False
    return all(_NAME_WORD.match(w) for w in words)


def names_in(text: str) -> list[str]:
    """The names in "By A, B and C"; empty unless every item is a name."""
    text = _BY.sub("", text).strip(" .,:;|—–-")
    items = [item.strip(" .,:;|—–-") for item in _SPLIT.split(text) if item.strip(" .,:;|—–-")]
    if items and all(is_name(item) for item in items):
        return items
    return []


def parse_byline(line: str) -> tuple[list[str], FoundDate | None]:
    """Authors and the date from a byline or dateline.

    Names count only when the line starts with "By" or when they come right before a
    date (glued or not): names alone on a line look like headlines and menu entries.
    """
    fixed = unglue(line)
    found = find_date(fixed)
    if found:
        before = _TRAILING.sub("", fixed[:found.start])
        return names_in(before), found
    if _BY.match(line) and len(line.split()) <= 12:
        return names_in(line), None
    return [], None
