"""Known people: spelling variants, safe short forms, gender and name order.

Everyone in ``office_holders.tsv`` is known by name; ``people.tsv`` adds the other ways
news text writes them ("Kim Jong-un", "Zelensky") and whether a bare surname is safe to
resolve on its own ("Putin" is, "Campbell" is not).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsgraph.reference import read_table, split_list
from newsgraph.reference.keys import name_key


@dataclass(frozen=True)
class Person:
    name: str
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    gender: str | None = None  # "m", "f" or None
    family_first: bool = False

    @property
    def kb_id(self) -> str:
        return f"person:{name_key(self.name)}"


@dataclass(frozen=True)
class PeopleIndex:
    people: tuple[Person, ...]
    by_name: dict[str, Person]   # name key of name or alias
    by_short: dict[str, Person]  # name key of a safe short form


@lru_cache(maxsize=1)
def index() -> PeopleIndex:
    """People from people.tsv plus every office-holder not listed there."""
    by_key: dict[str, Person] = {}
    for row in read_table("people.tsv"):
        person = Person(
            name=row["name"], aliases=tuple(split_list(row.get("aliases", ""))),
            short=tuple(split_list(row.get("short", ""))), gender=row.get("gender") or None,
            family_first=row.get("family_first", "").lower() in {"yes", "y", "true", "1"},
        )
        by_key[name_key(person.name)] = person
    for row in read_table("office_holders.tsv"):
        by_key.setdefault(name_key(row["person"]), Person(name=row["person"]))
    people = tuple(by_key.values())
    by_name: dict[str, Person] = {}
    by_short: dict[str, Person] = {}
    for p in people:
        for name in (p.name, *p.aliases):
            by_name[name_key(name)] = p
        for name in p.short:
            by_short[name_key(name)] = p
    return PeopleIndex(people, by_name, by_short)


def clear_cache() -> None:
    index.cache_clear()
    _given_names.cache_clear()


def all_people() -> tuple[Person, ...]:
    return index().people


def lookup(name: str) -> Person | None:
    """The known person with this full name or spelling variant."""
    return index().by_name.get(name_key(name))


def by_short(name: str) -> Person | None:
    """The known person a bare short form ("Putin") safely means."""
    return index().by_short.get(name_key(name))


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    return {name_key(row["name"]): row["gender"] for row in read_table("given_names.tsv")}


def gender(name: str) -> str | None:
    """ "m", "f" or None: from the person's row if known, else from a common given name."""
    known = lookup(name)
    if known and known.gender:
        return known.gender
    words = name.split()
    return _given_names().get(name_key(words[0])) if len(words) > 1 else None


# Short given names and the full ones they stand for ("Mo" Cheeks is Maurice Cheeks).
NICKNAMES = {
    "joe": "joseph", "bill": "william", "bob": "robert", "mike": "michael", "jim": "james", "tony": "anthony",
    "dick": "richard", "liz": "elizabeth", "beth": "elizabeth", "kate": "katherine", "peggy": "margaret",
    "chuck": "charles", "ted": "edward", "mo": "maurice", "ned": "edward", "sasha": "alexander", "volodya": "vladimir",
}


def is_given_name(word: str) -> bool:
    """Whether a word is a common given name of the bundled table ("Maurice", "Tara")."""
    return name_key(word) in _given_names()
