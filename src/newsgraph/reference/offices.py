"""Office-holders and their terms, and the office titles news text uses.

The consistency checker asks two questions of this module: who held an office on a
date (``holders("US President", on="2024-06-24")``), and which offices a person held
(``terms_of("Antony Blinken")``). ``check_role`` combines both for one name-title pair
as written in an article ("US President Joe Blinken").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from newsgraph.reference import countries, organisations, people, read_table, split_list
from newsgraph.reference.keys import name_key


@dataclass(frozen=True)
class OfficeTerm:
    """One person's term in one office, for one country (ISO alpha-3) or organisation code."""

    person: str
    office: str  # key from office_titles.tsv, e.g. "foreign_minister"
    country: str  # "USA", "RUS", "NATO", "UN", "EU"...
    start: str  # ISO date, as precise as known ("2023-03" or "2023-03-15")
    end: str | None  # None: in office when the data was compiled
    title: str = ""  # the office's own name, "Secretary of State"
    note: str = ""

    @property
    def office_class(self) -> str:
        return office_class(self.office)

    def covers(self, on: date | str) -> bool:
        """Whether the term includes this day (both ends inclusive; partial dates widen the term)."""
        day = to_date(on)
        return _bound(self.start, first=True) <= day <= (_bound(self.end, first=False) if self.end else date.max)


@dataclass(frozen=True)
class ParsedTitle:
    """A title as written, split into office and jurisdiction: "US President" → president, USA."""

    text: str
    office: str | None  # office key, or a class such as "leader"
    country: str | None  # ISO alpha-3 or organisation code
    former: bool = False


@dataclass
class RoleCheck:
    """What the reference data says about "TITLE NAME" on a date."""

    status: str  # "consistent" | "mismatch" | "unknown_office" | "unknown_date"
    title: ParsedTitle
    holders: list[OfficeTerm] = field(default_factory=list)  # who held the office that day
    person_terms: list[OfficeTerm] = field(default_factory=list)  # what the named person held


# --- dates -----------------------------------------------------------------------------

def to_date(value: date | str) -> date:
    """A date from a date or an ISO string ("2024-06-24T18:53", "2024-06", "2024")."""
    if isinstance(value, date):
        return value
    return _bound(value, first=True)


def _bound(text: str, first: bool) -> date:
    parts = [int(p) for p in re.findall(r"\d+", text[:10])]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (1 if first else 12)
    if len(parts) > 2:
        return date(year, month, parts[2])
    return date(year, month, 1 if first else calendar.monthrange(year, month)[1])


# --- office titles -----------------------------------------------------------------------

@lru_cache(maxsize=1)
def _titles() -> tuple[dict[str, str], dict[str, str], re.Pattern[str]]:
    """(office key → class, title text → office key, a regex finding any title, longest first)."""
    classes: dict[str, str] = {}
    by_title: dict[str, str] = {}
    for row in read_table("office_titles.tsv"):
        classes[row["key"]] = row.get("class") or row["key"]
        for title in split_list(row.get("titles", "")):
            by_title.setdefault(_norm(title), row["key"])
    alternatives = sorted(by_title, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in alternatives) + r")\b")
    return classes, by_title, pattern


def office_class(office: str) -> str:
    """The class of an office key ("prime_minister" → "leader")."""
    return _titles()[0].get(office, office)


def office_keys() -> list[str]:
    return list(_titles()[0])


def _norm(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[^\w'\- ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


_JURISDICTION_WORDS = re.compile(r"\b(?:of|for|to|the|a|an|'s|s)\b")
_FORMER = re.compile(r"\b(?:former|ex|then|outgoing|late)\b")


def normalise_office(title: str) -> str | None:
    """The office key of a title as written, ignoring its country: "US President" → "president"."""
    return parse_title(title).office


def parse_title(title: str) -> ParsedTitle:
    """Split a written title into office key and jurisdiction.

    "US Deputy Secretary of State" → (deputy_foreign_minister, USA);
    "North Korea's leader" → (leader, PRK); "NATO Secretary General" → (secretary_general, NATO);
    "President of the United States" → (president, USA).
    """
    text = _norm(title)
    former = bool(_FORMER.search(text))
    country, rest = _take_jurisdiction(text)
    rest = _FORMER.sub(" ", rest)
    _, by_title, pattern = _titles()
    found = [m.group(0) for m in (pattern.search(rest), pattern.search(text)) if m]
    # the whole text may hold a longer title that includes the jurisdiction ("Kremlin spokesman")
    office = by_title[max(found, key=len)] if found else None
    return ParsedTitle(title, office, country, former)


def _take_jurisdiction(text: str) -> tuple[str | None, str]:
    """Find the country or organisation a title names and return it with the rest of the title."""
    words = text.replace("'s", " 's").split()
    for size in (6, 5, 4, 3, 2, 1):
        for i in range(len(words) - size + 1):
            phrase = " ".join(words[i:i + size])
            if phrase in {"state", "the state"}:
                continue  # "Secretary of State" names an office, not a country
            code = _jurisdiction_code(phrase)
            if code:
                rest = " ".join(words[:i] + words[i + size:])
                return code, re.sub(r"\s+", " ", _JURISDICTION_WORDS.sub(" ", rest)).strip()
    return None, text


def _jurisdiction_code(phrase: str) -> str | None:
    country = countries.lookup(phrase) or countries.by_demonym(phrase) or countries.by_seat(phrase)
    if country and (len(phrase) > 2 or phrase in {"us", "uk"}):
        return country.iso3
    org = organisations.lookup(phrase)
    if org and org.code and phrase not in {"who", "is"}:
        return org.code
    if phrase in {"european", "eu's"}:
        return "EU"
    return None


# --- terms ------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def all_terms() -> tuple[OfficeTerm, ...]:
    """Every office term in the bundled and user files."""
    terms = []
    for row in read_table("office_holders.tsv"):
        terms.append(OfficeTerm(
            person=row["person"], office=row["office"], country=row["country"].upper(),
            start=row["start"], end=row.get("end") or None, title=row.get("title", ""), note=row.get("note", ""),
        ))
    return tuple(terms)


@lru_cache(maxsize=1)
def _terms_by_person() -> dict[str, tuple[OfficeTerm, ...]]:
    """Terms by the name key of their holder, so that a look-up does not re-key every term."""
    index: dict[str, list[OfficeTerm]] = {}
    for term in all_terms():
        index.setdefault(name_key(term.person), []).append(term)
    return {k: tuple(v) for k, v in index.items()}


def clear_cache() -> None:
    all_terms.cache_clear()
    _terms_by_person.cache_clear()
    _titles.cache_clear()


def _country_code(country: str | None) -> str | None:
    if not country:
        return None
    c = countries.by_code(country) if len(country) <= 3 and country.isupper() else None
    c = c or countries.resolve(country)
    if c:
        return c.iso3
    org = organisations.lookup(country)
    return (org.code if org and org.code else country.upper())


def holders(office: str, country: str | None = None, on: date | str | None = None) -> list[OfficeTerm]:
    """Terms of an office, optionally for one country/organisation and one day.

    ``office`` is an office key ("president"), a class ("leader", "foreign_minister") or a
    title as written ("US President", "Secretary of State"); a country in the title is used
    when ``country`` is not given.
    """
    key = office if office in _titles()[0] else None
    if key is None:
        parsed = parse_title(office)
        key, country = parsed.office, country or parsed.country
    if key is None:
        return []
    code = _country_code(country)
    found = []
    for term in all_terms():
        if term.office != key and term.office_class != key:
            continue
        if code and term.country != code:
            continue
        if on is not None and not term.covers(on):
            continue
        found.append(term)
    return found


def terms_of(person: str) -> list[OfficeTerm]:
    """Every office term of a person, by full name or known spelling variant."""
    known = people.lookup(person)
    keys = {name_key(person)} | ({name_key(n) for n in (known.name, *known.aliases)} if known else set())
    index = _terms_by_person()
    keyed = {t for k in keys for t in index.get(k, ())}
    return [t for t in all_terms() if t in keyed]


def persons_with_surname(surname: str) -> list[str]:
    """Office-holders whose last name is this ("Blinken" → ["Antony Blinken"])."""
    key = name_key(surname)
    return sorted({t.person for t in all_terms() if name_key(t.person).split()[-1:] == key.split()[-1:]
                   and name_key(t.person).endswith(key)})


def check_role(person: str, title: str, on: date | str | None) -> RoleCheck:
    """Compare "TITLE PERSON" as written with the office-holder data on a date.

    consistent: the person held that office then. mismatch: the office and its country are
    known for that day and the person did not hold it. unknown_office: the title, its
    country or its holders are not in the data. unknown_date: no date to check against.
    """
    parsed = parse_title(title)
    mine = terms_of(person)
    if not mine and len(person.split()) == 1:
        for full in persons_with_surname(person):
            mine += terms_of(full)
    if parsed.office is None:
        return RoleCheck("unknown_office", parsed, [], mine)
    if on is None:
        return RoleCheck("unknown_date", parsed, holders(parsed.office, parsed.country), mine)
    current = holders(parsed.office, parsed.country, on)
    if not current:
        return RoleCheck("unknown_office", parsed, [], mine)
    matches = {name_key(t.person) for t in current} & {name_key(t.person) for t in mine}
    if parsed.country is None and not matches:
        # "Labour Party leader", "the country's President": which office is meant is not known,
        # so the data can confirm the pair but not refute it
        return RoleCheck("unknown_office", parsed, current, mine)
    if parsed.former:
        past = [t for t in holders(parsed.office, parsed.country) if name_key(t.person) in {name_key(m.person) for m in mine}]
        return RoleCheck("consistent" if past else "mismatch", parsed, current, mine)
    return RoleCheck("consistent" if matches else "mismatch", parsed, current, mine)
