"""Countries: names, ISO 3166-1 codes, capitals, demonyms and seats of government.

Extraction uses this to link "US", "DPRK", "Moscow" (a capital used for its government),
"the Kremlin" (a seat) and "Russian" (a demonym) to one canonical country.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsgraph.reference import read_table, split_list
from newsgraph.reference.keys import name_key


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    name: str
    aliases: tuple[str, ...]
    capital: str
    capital_aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    seats: tuple[str, ...]

    @property
    def kb_id(self) -> str:
        return f"country:{self.iso3}"


@dataclass(frozen=True)
class CountryIndex:
    """Countries by ISO code and by the name key of every way of writing them."""

    countries: tuple[Country, ...]
    by_code: dict[str, Country]
    by_name: dict[str, Country]
    by_capital: dict[str, Country]
    by_demonym: dict[str, Country]
    by_seat: dict[str, Country]


def _country(row: dict[str, str]) -> Country:
    return Country(
        iso2=row["iso2"].upper(), iso3=row["iso3"].upper(), name=row["name"],
        aliases=tuple(split_list(row.get("aliases", ""))), capital=row.get("capital", ""),
        capital_aliases=tuple(split_list(row.get("capital_aliases", ""))),
        demonyms=tuple(split_list(row.get("demonyms", ""))), seats=tuple(split_list(row.get("seats", ""))),
    )


@lru_cache(maxsize=1)
def index() -> CountryIndex:
    """All countries, later rows (user files) overriding earlier ones with the same ISO code."""
    by_iso3: dict[str, Country] = {}
    for row in read_table("countries.tsv"):
        country = _country(row)
        by_iso3[country.iso3] = country
    countries = tuple(by_iso3.values())
    by_code: dict[str, Country] = {}
    by_name: dict[str, Country] = {}
    by_capital: dict[str, Country] = {}
    by_demonym: dict[str, Country] = {}
    by_seat: dict[str, Country] = {}
    ambiguous_demonyms: set[str] = set()
    for c in countries:
        by_code[c.iso2] = by_code[c.iso3] = c
        for name in (c.name, *c.aliases):
            by_name[name_key(name)] = c
        for name in (c.capital, *c.capital_aliases):
            if name:
                by_capital.setdefault(name_key(name), c)
        for name in c.seats:
            by_seat[name_key(name)] = c
        for name in c.demonyms:
            key = name_key(name)
            if key in by_demonym and by_demonym[key] is not c:
                ambiguous_demonyms.add(key)  # "Dominican", "Congolese": link to neither
            by_demonym[key] = c
    for key in ambiguous_demonyms:
        del by_demonym[key]
    return CountryIndex(countries, by_code, by_name, by_capital, by_demonym, by_seat)


def clear_cache() -> None:
    index.cache_clear()


def all_countries() -> tuple[Country, ...]:
    return index().countries


def by_code(code: str) -> Country | None:
    """The country with this ISO alpha-2 or alpha-3 code."""
    return index().by_code.get(code.strip().upper())


def lookup(name: str) -> Country | None:
    """The country this name or alias means ("U.S.", "DPRK", "Türkiye"), or None."""
    return index().by_name.get(name_key(_strip_the(name)))


def by_capital(name: str) -> Country | None:
    """The country whose capital this is ("Seoul" → South Korea)."""
    return index().by_capital.get(name_key(name))


def by_demonym(word: str) -> Country | None:
    """The country of a demonym ("Russian", "Russians", "the Russians" → Russia); None when it is shared."""
    key = name_key(_strip_the(word))
    found = index().by_demonym.get(key)
    if found is None and key.endswith("s"):
        found = index().by_demonym.get(key[:-1])
    return found


def by_seat(name: str) -> Country | None:
    """The country whose seat of government this is ("the Kremlin" → Russia)."""
    return index().by_seat.get(name_key(name)) or index().by_seat.get(name_key(_strip_the(name)))


def resolve(text: str) -> Country | None:
    """Any way of naming a country: name, alias, demonym, capital or seat."""
    return lookup(text) or by_demonym(text) or by_capital(text) or by_seat(text)


def _strip_the(name: str) -> str:
    name = name.strip()
    return name[4:] if name.lower().startswith("the ") else name
