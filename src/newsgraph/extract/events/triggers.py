"""Event triggers: which verbs and nouns code as which CAMEO action.

Two tables, in order: newsgraph's own trigger table (``reference/data/cameo_verbs.tsv``:
verbs and nouns checked by hand, e.g. "signed an agreement" is 057 and "visit to" is 042)
and, for every other verb, the CAMEO verb dictionary's patterns (``patterns``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from newsgraph.extract.events.patterns import VerbCode, code_verb
from newsgraph.reference import read_table, split_list

TABLE = "cameo_verbs.tsv"
PLACE_PREPS = {"to", "in", "into", "for"}


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str  # VERB or NOUN
    objects: frozenset[str]  # lemmas; {"*"} any; {"place"} a prepositional place; {"for"} a preposition
    code: str
    label: str
    direction: str  # forward | reverse | mutual


@dataclass(frozen=True)
class Coding:
    """What a trigger token codes: its event, the target's reciprocal event, and how it was found."""

    code: str
    reciprocal: str
    pos: str
    direction: str
    verb: VerbCode | None  # the dictionary coding, for role phrases ($, +)
    objects: frozenset[str] = frozenset({"*"})


@lru_cache(maxsize=1)
def triggers() -> dict[tuple[str, str], list[Trigger]]:
    """(lemma, pos) → newsgraph's own triggers, in table order."""
    table: dict[tuple[str, str], list[Trigger]] = {}
    for row in read_table(TABLE):
        t = Trigger(row["lemma"].lower(), row["pos"].upper(), frozenset(split_list(row.get("objects", "*")) or ["*"]),
                    row["code"], row["label"], row.get("direction") or "forward")
        table.setdefault((t.lemma, t.pos), []).append(t)
    return table


def match(tok: Token) -> Trigger | None:
    """The house trigger this token fires, if its object fits."""
    pos = "VERB" if tok.pos_ == "VERB" else "NOUN" if tok.pos_ == "NOUN" else None
    if pos is None:
        return None
    for t in triggers().get((tok.lemma_.lower(), pos), []):
        if _fits(tok, t):
            return t
    return None


def code_token(tok: Token) -> Coding | None:
    """The coding of a token: the house table first, then the CAMEO verb dictionary."""
    house = match(tok)
    if house is not None:
        return Coding(house.code, "", house.pos, house.direction, None, house.objects)
    if tok.pos_ != "VERB" or _fixed_expression(tok):
        return None
    verb = code_verb(tok)
    if verb is None or not (verb.code or verb.reciprocal):
        return None
    return Coding(verb.code, verb.reciprocal, "VERB", "forward", verb)


def _fixed_expression(tok: Token) -> bool:
    """ "according to X", "regarding", "including": a verb form that is a preposition, never an action."""
    if tok.lower_ not in {"according", "regarding", "including", "concerning", "following", "given"}:
        return False
    return tok.dep_ == "prep" or (tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children))


def object_lemmas(tok: Token) -> set[str]:
    """Lemmas of what the trigger acts on: its object, the "of" phrase of a noun trigger or of
    a quantity ("an enormous amount of … ammunition"), and coordinated objects."""
    heads = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass", "attr"}]
    heads += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    found: set[str] = set()
    while heads:
        h = heads.pop()
        found.add(h.lemma_.lower())
        found.add(h.lower_)
        heads += [c for c in h.children if c.dep_ in {"conj", "compound"}]
        heads += [g for c in h.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return found


def place_of(tok: Token) -> Token | None:
    """ "came to Vietnam": the place after a preposition of motion."""
    for c in tok.children:
        if c.dep_ in {"prep", "dative"} and c.lower_ in PLACE_PREPS:
            for g in c.children:
                if g.dep_ == "pobj" and g.ent_type_ in {"GPE", "LOC", "FAC"}:
                    return g
    return None


def _fits(tok: Token, t: Trigger) -> bool:
    if "*" in t.objects:
        return True
    if "place" in t.objects:
        return place_of(tok) is not None
    if t.objects & {c.lower_ for c in tok.children if c.dep_ == "prep"}:
        return True
    return bool(t.objects & object_lemmas(tok))
