"""Bylines: who wrote the article, including bylines glued to their date.

Scrapers often lose the space between the byline and the dateline:
"Oleh Pavliuk, Anastasia ProtzMonday, 24 June 2024, 18:53". The date is found first
(``dates.find_date``), a weekday or month name glued to the last name is cut off, and
what is left before it is read as a list of names.
"""

from __future__ import annotations

import re

from newsgraph.reference.keys import name_key
from newsgraph.structure.metadata.dates import FoundDate, find_date

_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun"
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
# A weekday or month name glued to a lowercase letter: "ProtzMonday", "SmithJune".
_GLUED = re.compile(rf"(?<=[a-zà-ÿ])(?:{_WEEKDAYS}|{_MONTHS})\b")
# What may stand between the names and the date: "Monday,", "Updated", "|", "-".
_TRAILING = re.compile(rf"(?:[\s,|·•—–-]|\b(?:{_WEEKDAYS}|on|at|updated|published|posted|publiziert|veröffentlicht|"
                       rf"am|publicado|publicada|em|el|publié|le|pubblicato|il|опубликовано)\b)*$", re.IGNORECASE)
_BY = re.compile(r"^\s*(?:by|written by|words by|text by|reporting by|author[s]?:?|von|par|por|автор:?|текст:?)\s+",
                 re.IGNORECASE)
_BY_AFTER = re.compile(r"^(?:\s*[A-Z]{2,4}\b)?\s*[|,—–-]?\s*by\s+(?P<names>.+)$", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\|)\s*", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÞА-ЯІЇЄҐ][\w'’.-]*|(?:de|da|di|del|van|von|der|den|bin|al|le|la|du|dos|ter|ten)"
                        r"|[A-Z]\.)$")
# Words that make a byline item a job title or an organisation, not a person.
_NOT_PERSON = re.compile(
    r"\b(?:writer|reporter|correspondent|editor|staff|contributor|columnist|bureau|desk|press|news|agency|"
    r"team|service|wire|reuters|afp|associated|updated|published|posted|photo|images?|video|minutes?|read|"
    r"share|comments?|follow|email|opinion|analysis|sport|sports|business|media|security|politics|entertainment|"
    r"network|nast|magazine|online|digital|studios?|productions?|newsletter|daily|weekly|search|text|menu|home|"
    r"subscribe|login|account|profile|more|latest|top|trending|view|all|about)\b",
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
    if not words[0][0].isupper() or not words[-1][0].isupper() or words[0] in ("The", "A", "An"):
        return False
    return all(_NAME_WORD.match(w) for w in words)


# What follows a name in a byline and is not part of it: a job title, a handle.
_ROLE = re.compile(r"(?:\s+|^)(?:(?:senior|chief|staff|contributing|special|associate|deputy|managing|executive|"
                   r"political|national|foreign|white house|auto|business|sports?|science|tech(?:nology)?|"
                   r"entertainment|health|opinion|legal|investigative|ap|afp|news|digital|freelance)\s+)*"
                   r"(?:writer|reporter|correspondent|editor|columnist|contributor|producer|journalist|analyst|"
                   r"critic|intern|blogger)s?$", re.IGNORECASE)
_HANDLE = re.compile(r"\s*(?:@\w+|\S+@\S+\.\w+)")
_JUNK = re.compile(r"^(?:staff|desk|team|media|advance|newsroom|bureau|press|news|wire|agency|editors?|"
                   r"(?:[\w.]+\s+)*(?:media|desk|staff|bureau|network|newsroom)(?:\s+for(?:\s+.+)?)?)$", re.IGNORECASE)


def _outlet_tail(item: str) -> int:
    """How many words at the end of a byline item name an outlet ("Kevin McCoy USA TODAY" → 2)."""
    from newsgraph.reference.outlets import default_outlets

    table, words = default_outlets(), item.split()
    for k in range(min(4, len(words) - 1), 0, -1):
        if table.from_name(" ".join(words[-k:])):
            return k
    return 0


def _clean_item(item: str) -> str:
    item = _HANDLE.sub("", item).strip(" .,:;|—–-")
    item = _ROLE.sub("", item).strip(" .,:;|—–-")
    cut = _outlet_tail(item) if len(item.split()) > 2 else 0
    return " ".join(item.split()[:-cut]) if cut else item


_CREDENTIAL = re.compile(r"^(?:[A-Z]{2,4}|Ph\.?\s?D\.?|M\.?D\.?|R\.?N\.?|Jr\.?|Sr\.?)$")


def _is_junk(item: str) -> bool:
    """A byline item that names no one: an outlet, a desk, a role, a credential ("MS, RD")."""
    from newsgraph.reference.outlets import default_outlets

    return not item or bool(_CREDENTIAL.match(item)) or bool(_JUNK.match(item)) or default_outlets().from_name(item) is not None \
        or bool(_ROLE.fullmatch(" " + item)) or bool(_NOT_PERSON.search(item)) and not is_name(item)


def _is_place(item: str) -> bool:
    """A capital or a country (the bundled countries table): a dateline's place, not a person."""
    from newsgraph.reference import countries

    return bool(item) and (countries.by_capital(item) is not None or countries.lookup(item) is not None)


def names_in(text: str) -> list[str]:
    """The names in "By A, B and C", "A, B | Reuters", "A and B USA TODAY"; empty unless every
    item is a name or names no one (an outlet, a desk, a job title)."""
    text = _BY.sub("", text).strip(" .,:;|—–-")
    items = [_clean_item(item) for item in _SPLIT.split(text) if item.strip(" .,:;|—–-")]
    items = [item for item in items if not _is_place(item)]  # "New Delhi, News Nation Bureau": a dateline
    names = [item for item in items if is_name(item)]
    if names and all(is_name(item) or _is_junk(item) for item in items):
        return list(dict.fromkeys(names))
    return []


def outlet_in_byline(line: str) -> str | None:
    """The outlet or agency a byline credits: "Kevin McCoy USA TODAY", "A, B | Reuters"."""
    from newsgraph.reference.outlets import default_outlets

    table = default_outlets()
    for item in _SPLIT.split(_BY.sub("", unglue(line))):
        item = _HANDLE.sub("", item).strip(" .,:;|—–-")
        words = item.split()
        for k in range(min(4, len(words)), 0, -1):
            tail = " ".join(words[-k:])
            entry = table.from_name(tail)
            # Named in full ("NATIONAL" is not "The National"): a byline's last word is often generic.
            if entry is not None and name_key(tail) in {name_key(n) for n in (entry.name, *entry.aliases)}:
                return entry.name
    return None


def parse_byline(line: str) -> tuple[list[str], FoundDate | None]:
    """Authors and the date from a byline or dateline.

    Names count only when the line starts with "By" or when they come right before a
    date (glued or not): names alone on a line look like headlines and menu entries.
    """
    fixed = unglue(line)
    found = find_date(fixed)
    if found:
        before = _TRAILING.sub("", fixed[:found.start])
        names = names_in(before)
        after = _BY_AFTER.match(fixed[found.end:])
        if not names and after:  # "Monday November 18, 2019 7:45 am PST by Joe Rossignol"
            names = names_in(after["names"])
        return names, found
    if _BY.match(line) and len(line.split()) <= 12:
        return names_in(line), None
    return [], None
