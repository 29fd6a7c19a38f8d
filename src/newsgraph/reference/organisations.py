"""Organisations often named in international news (NATO, the UN Security Council, Hamas...)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsgraph.reference import read_table, split_list
from newsgraph.reference.keys import name_key


@dataclass(frozen=True)
class Organisation:
    name: str
    code: str | None
    aliases: tuple[str, ...]
    kind: str

    @property
    def kb_id(self) -> str:
        return f"org:{self.code or name_key(self.name)}"


@lru_cache(maxsize=1)
def index() -> dict[str, Organisation]:
    """Organisations by the name key of their name, code and aliases."""
    found: dict[str, Organisation] = {}
    for row in read_table("organisations.tsv"):
        org = Organisation(row["name"], row.get("code") or None, tuple(split_list(row.get("aliases", ""))),
                           row.get("kind", ""))
        for name in (org.name, *([org.code] if org.code else []), *org.aliases):
            found[name_key(name)] = org
    return found


def clear_cache() -> None:
    index.cache_clear()
    _nicknames.cache_clear()


def all_organisations() -> list[Organisation]:
    seen: dict[str, Organisation] = {}
    for org in index().values():
        seen.setdefault(org.name, org)
    return list(seen.values())


def lookup(name: str) -> Organisation | None:
    """The organisation this name, code or alias means ("UNSC", "UN security council")."""
    name = name.strip()
    if name.lower().startswith("the "):
        name = name[4:]
    return index().get(name_key(name))


@lru_cache(maxsize=1)
def _nicknames() -> dict[str, Organisation]:
    """Sports teams by the last word of their name ("Chiefs", "Saints"), where one team has it."""
    counts: dict[str, list[Organisation]] = {}
    for org in all_organisations():
        if org.kind.startswith("sports team") and len(org.name.split()) >= 2:
            counts.setdefault(name_key(org.name.split()[-1]), []).append(org)
    return {key: teams[0] for key, teams in counts.items() if len(teams) == 1}


def team_by_nickname(word: str) -> Organisation | None:
    """The one team of the table whose name ends in ``word`` ("Chiefs" → Kansas City Chiefs).
    Many nicknames are everyday words: use it only where the text is about a game."""
    return _nicknames().get(name_key(word))
