"""The country of an actor its own words do not name, read from the sentence around it.

"Parliament", "the rebels", "police", "President Juvenal Habyarimana" or "the town of Cizre"
name a role, a person or a place but no country; event coders give them the country the
sentence is about. In order: a country inside the phrase the actor sits in ("the town of
Cizre in southeastern Turkey", "the autonomous Azerbaijani republic of Nakhichevan"), then
the country of the place the event happened in ("killed 23 people in Tel Aviv"), then the
country the sentence's names point to most often, the first one among equals ("Algerian
landowners began a hunger strike outside Parliament" → DZALEG). A name that says it spans
countries ("the International Labor Office") gets none.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Span, Token

from newsgraph.extract.common.ents import entities_in
from newsgraph.extract.events.actors import Actor, ActorCoder
from newsgraph.reference import actors as dictionary

PLACE_LABELS = {"GPE", "NORP", "LOC", "ORG", "FAC"}
# names that belong to a country ("President Juvenal Habyarimana", "Cizre"); a people no table
# knows ("the Zorblaxians") is its own
OWNED_KINDS = {"PERSON", "GPE", "LOC", "FAC", "ORG", ""}
# words by which an organisation's name says it spans countries
INTERNATIONAL = {"international", "world", "global", "united", "european", "african", "arab", "asian",
                 "pacific", "atlantic", "regional", "u.n.", "un", "nations", "continental"}
# dependents that climb from a name to the phrase it belongs to: "the town of Cizre"
CLIMB = {"pobj", "prep", "compound", "amod", "appos", "nmod", "poss"}
NOMINAL = {"NOUN", "PROPN"}
PLACE_PREPS = {"in", "at", "near", "outside", "inside"}


def needs_country(actor: Actor | None) -> bool:
    """An actor that can act but whose code names no country or organisation."""
    if actor is None or actor.head < 0 or actor.country is not None:
        return False
    if actor.role_only:
        return True
    if actor.code is None:
        return actor.named and actor.kind in OWNED_KINDS
    return dictionary.is_role(actor.code)


def with_country(actor: Actor, trigger: Token, coder: ActorCoder) -> Actor:
    """The actor with the country of its phrase, of where the event took place ("killed 23 people
    in Tel Aviv") or of its sentence joined to its code."""
    doc = trigger.doc
    head = doc[actor.head]
    country = _phrase_country(head, coder)
    if country is None and actor.code is None and _international(head):
        return replace(actor, code="IGO")  # "the International Labor Office": of many states, as CAMEO's IGO
    if country is None and not _international(head):
        country = place_country(trigger, coder) or dominant_country(trigger.sent, coder)
    if country is None:
        return actor
    role = actor.code if actor.code and dictionary.is_role(actor.code) else ""
    return replace(actor, code=country + role, role_only=False)


def place_country(trigger: Token, coder: ActorCoder) -> str | None:
    """The country of the place the trigger says the event happened in: "in Tel Aviv", "at Juba"."""
    for c in trigger.children:
        if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
            for g in c.children:
                if g.dep_ == "pobj" and g.ent_type_ in {"GPE", "LOC", "FAC"}:
                    country = coder.of_phrase(g).country
                    if country:
                        return country
    return None


def dominant_country(sent: Span, coder: ActorCoder) -> str | None:
    """The country the sentence's names code to most often (first among equals), or None."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for ent in entities_in(sent):
        if ent.label_ not in PLACE_LABELS:
            continue
        country = coder.of_phrase(ent.root, ent.start, ent.end).country
        if country:
            counts[country] += 1
            first.setdefault(country, ent.start)
    if not counts:
        return None
    return min(counts, key=lambda c: (-counts[c], first[c]))


def _international(head: Token) -> bool:
    """ "the International Labor Office", "European Community foreign ministers": a name that says it
    belongs to no one country."""
    return any(t.ent_type_ == "ORG" and t.lower_ in INTERNATIONAL for t in head.subtree)


def _phrase_country(head: Token, coder: ActorCoder) -> str | None:
    """A country named inside the larger noun phrase that holds ``head``."""
    top = head
    while top.dep_ in CLIMB and top.head.i != top.i and (top.head.pos_ in NOMINAL or top.head.dep_ == "prep"):
        top = top.head
    for tok in top.subtree:
        if tok.i == head.i or tok.ent_type_ not in PLACE_LABELS:
            continue
        country = coder.of_phrase(tok, tok.i, tok.i + 1).country
        if country:
            return country
    return None
