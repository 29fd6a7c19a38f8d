"""CAMEO event codes (label, root, quad class, Goldstein score, PLOVER category) and the
CAMEO verb dictionary (verbs, their patterns and synonym sets) as loaded tables.

Codes come from ``data/cameo_codes.tsv``; the verb dictionary from the
``cameo_dictionary_*.tsv`` tables converted from PETRARCH2's CAMEO.2.0 dictionary
(``reference.petrarch_format``). A code the table lacks (a sub-code a dictionary invents)
takes the facts of its nearest listed parent.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsgraph.reference import read_table, split_list

# GDELT's quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
QUAD_BY_ROOT = {**{f"{r:02d}": 1 for r in range(1, 6)}, **{f"{r:02d}": 2 for r in range(6, 9)},
                **{f"{r:02d}": 3 for r in range(9, 14)}, **{f"{r:02d}": 4 for r in range(14, 21)}}


@dataclass(frozen=True)
class CameoCode:
    code: str
    label: str
    goldstein: float
    plover: str  # PLOVER 0.8 category, "" for root 01

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def quad_class(self) -> int:
        return QUAD_BY_ROOT[self.root]


@dataclass(frozen=True)
class VerbEntry:
    block: str
    words: tuple[str, ...]  # "ask for" → ("ask", "for")
    code: str  # the verb's own code, else its block's; "" codes nothing unless a pattern does


@dataclass(frozen=True)
class VerbDictionary:
    verbs: dict[str, tuple[VerbEntry, ...]]  # first word (lemma or listed form) → entries
    patterns: dict[str, tuple[tuple[str, str], ...]]  # block → (pattern text, code)
    synsets: dict[str, tuple[str, ...]]  # "&weapon" → its words and phrases


@lru_cache(maxsize=1)
def codes() -> dict[str, CameoCode]:
    return {row["code"]: CameoCode(row["code"], row["label"], float(row["goldstein"] or 0), row["plover"])
            for row in read_table("cameo_codes.tsv")}


def lookup(code: str) -> CameoCode | None:
    """The facts of a CAMEO code, or of its nearest listed parent; None if it is not CAMEO."""
    table = codes()
    code = code.strip()
    if not code[:2].isdigit() or code[:2] not in QUAD_BY_ROOT:
        return None
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            found = table[code[:n]]
            return found if n == len(code) else CameoCode(code, found.label, found.goldstein, found.plover)
    return None


@lru_cache(maxsize=1)
def verb_dictionary() -> VerbDictionary:
    verbs: dict[str, list[VerbEntry]] = {}
    for row in read_table("cameo_dictionary_verbs.tsv"):
        own = row["code"]
        code = "" if own == "---" else own or row["block_code"]
        for phrase in [row["verb"], *split_list(row.get("forms", ""))]:
            entry = VerbEntry(row["block"], tuple(phrase.split()), code)
            if entry.words:
                verbs.setdefault(entry.words[0], []).append(entry)
    patterns: dict[str, list[tuple[str, str]]] = {}
    for row in read_table("cameo_dictionary_patterns.tsv"):
        patterns.setdefault(row["block"], []).append((row["pattern"], row["code"]))
    synsets = {row["synset"].lower().rstrip("_"): tuple(split_list(row["words"]))
               for row in read_table("cameo_dictionary_synsets.tsv")}
    return VerbDictionary({k: tuple(v) for k, v in verbs.items()}, {k: tuple(v) for k, v in patterns.items()},
                          synsets)


def clear_cache() -> None:
    codes.cache_clear()
    verb_dictionary.cache_clear()
