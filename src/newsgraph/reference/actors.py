"""CAMEO actor codes for phrases: the Phoenix actor dictionary (with dated roles) and its agents.

"President Bill Clinton" on 1998-05-01 is USAGOV and on 2005-05-01 USAELI; "the Kremlin" is
RUSGOV; "troops" is the agent MIL, which joins a country code ("Russian troops" → RUSMIL).
Tables: ``data/phoenix_actors.tsv`` and ``data/phoenix_agents.tsv`` (converted from
PETRARCH2's Phoenix dictionaries; user folders may add rows in the same format).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsgraph.reference import read_table, split_list

MAX_WORDS = 8


@dataclass(frozen=True)
class DatedCode:
    code: str
    start: str  # ISO date or ""
    end: str

    def covers(self, day: str | None) -> bool:
        if not self.start and not self.end:
            return True
        if day is None:
            return False
        return (not self.start or self.start <= day) and (not self.end or day < self.end)


@lru_cache(maxsize=1)
def _actors() -> dict[str, tuple[DatedCode, ...]]:
    """phrase → codes; a later row (a user file) replaces an earlier one for the same phrase."""
    table: dict[str, tuple[DatedCode, ...]] = {}
    for row in read_table("phoenix_actors.tsv"):
        codes = []
        for cell in split_list(row["codes"]):
            code, _, span = cell.partition(":")
            start, _, end = span.partition(":")
            codes.append(DatedCode(code, start, end))
        if codes:
            for phrase in split_list(row["phrases"]):
                table[phrase] = tuple(codes)
    return table


@lru_cache(maxsize=1)
def _agents() -> dict[str, str]:
    return {row["phrase"]: row["code"] for row in read_table("phoenix_agents.tsv")}


def actor_code(phrase: str, on: str | None = None) -> str | None:
    """The code of exactly this (lower-case, space-separated) phrase on a day, or None."""
    codes = _actors().get(phrase)
    if not codes and " '" in phrase:
        codes = _actors().get(phrase.replace(" '", "'"))  # the parse splits "people's", the dictionary does not
    if not codes and " - " in phrase:
        codes = _actors().get(phrase.replace(" - ", "-"))  # nor "al-Bashir", "Bosnia-Herzegovina"
    if not codes:
        return None
    dated = [c for c in codes if (c.start or c.end) and c.covers(on)]
    if dated:
        return dated[0].code
    plain = [c for c in codes if not c.start and not c.end]
    chosen = (plain[-1] if plain else codes[-1]).code
    if on is None and is_role(chosen):
        # undated text: "Kofi Annan" is IGOUNO while in office and a bare ELI after; the role that
        # names whom he acted for is the better guess than one that names nobody
        owned = [c for c in codes if (c.start or c.end) and not is_role(c.code)]
        if owned:
            return max(owned, key=lambda c: c.start).code
    return chosen


def is_role(code: str | None) -> bool:
    """Whether a code names a role but no country or organisation: GOV, REB, ELI, MIL (not IGO, NGO)."""
    return bool(code) and code[:3] in _role_prefixes()


@lru_cache(maxsize=1)
def _role_prefixes() -> frozenset[str]:
    return frozenset(code[:3] for code in _agents().values()) - {"IGO", "NGO", "MNC"}


def agent_code(phrase: str) -> str | None:
    """The role code of an agent phrase ("troops" → MIL, "foreign minister" → GOVFRM), or None."""
    agents = _agents()
    found = agents.get(phrase)
    if found is None and phrase.endswith("s"):
        found = agents.get(phrase[:-1])
    return found


def longest_match(words: list[str], lookup, max_words: int = MAX_WORDS) -> tuple[int, int, str] | None:
    """The longest run of ``words`` that ``lookup`` codes: (start, end, code); leftmost first among equals."""
    for size in range(min(max_words, len(words)), 0, -1):
        for i in range(len(words) - size + 1):
            code = lookup(" ".join(words[i:i + size]))
            if code:
                return i, i + size, code
    return None


def clear_cache() -> None:
    _actors.cache_clear()
    _agents.cache_clear()
    _role_prefixes.cache_clear()
