"""States, provinces and territories: the second half of "Fort Smith, Ark." and "Newport Beach, CA".

News text qualifies a city by its state or province after a comma; the pair names one
place. The table gives each region its abbreviations (AP style and postal codes) so the
entity steps can tell a qualifier from the next item of a list.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsgraph.reference import read_table, split_list
from newsgraph.reference.keys import name_key


@dataclass(frozen=True)
class Region:
    name: str
    country: str  # ISO alpha-3
    abbreviations: tuple[str, ...]


@lru_cache(maxsize=1)
def _by_written_form() -> dict[str, Region]:
    """Regions by the exact way they are written (abbreviations are case-sensitive: "IN", "OK")."""
    out: dict[str, Region] = {}
    for row in read_table("regions.tsv"):
        region = Region(row["name"], row.get("country", "").upper(), tuple(split_list(row.get("abbreviations", ""))))
        for form in (region.name, *region.abbreviations):
            out[form] = region
            if form.endswith("."):
                out[form[:-1]] = region  # "Calif" as often as "Calif."
    return out


def lookup(text: str) -> Region | None:
    """The region written as ``text`` ("Ark.", "CA", "Texas"), or None."""
    text = text.strip()
    return _by_written_form().get(text) or _by_name().get(name_key(text))


@lru_cache(maxsize=1)
def _by_name() -> dict[str, Region]:
    return {name_key(r.name): r for r in _by_written_form().values()}


def clear_cache() -> None:
    _by_written_form.cache_clear()
    _by_name.cache_clear()
