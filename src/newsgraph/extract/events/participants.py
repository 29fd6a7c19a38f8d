"""Source and target phrases of a trigger, read from the dependency parse.

The source is the subject (in the passive, the "by" phrase; a verb in a chain such as
"agreed to share" or "signed and ratified" takes its head's subject; "it" under "Hungary
said" is Hungary); the target is the passive subject, the pattern's "+" phrase, the object
or its owner ("Turkey's efforts"), or the first prepositional object that codes as an
actor. A coordinated phrase is several actors: "Israel and the Palestinians", and
"Hungarian and Romanian officials" (one per coordinated modifier, sharing the head); so is a
coordinated target ("closed its borders with Iran and Turkey": an event with each).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.common.paragraphs import break_between
from newsgraph.extract.common.phrases import noun_phrase
from newsgraph.extract.events.actors import Actor, ActorCoder
from newsgraph.extract.events.patterns import role_phrase
from newsgraph.extract.events.triggers import Coding, place_of

PRONOUNS = {"it", "they", "he", "she", "we", "i", "you", "who", "which", "that"}
RELATIVE = {"who", "which", "that"}
TARGET_PREPS = ("to", "with", "against", "on", "at", "toward", "towards", "into", "from", "for", "over", "between",
                "in", "upon", "of", "about")
CLIMB = {"xcomp", "conj", "advcl", "acomp", "prep", "pcomp"}
MAX_CHAIN = 4
QUOTING = {"quote", "cite", "report"}
# participles whose passive subject is the one acting
STATIVE = {"commit", "prepare", "engage", "determine", "involve", "dedicate", "resolve", "poise"}
# comments, appeals, demands, accusations and threats are made of the subject of their clause
# ("demanded that X …", "expressed hopes that X …")
ADDRESSED_ROOTS = {"01", "02", "10", "11", "13"}
# force is aimed: "fired artillery shells at Seoul", "launched rockets into Israel"
AIMED_ROOTS = {"15", "17", "18", "19", "20"}
AIMED_PREPS = {"at", "on", "upon", "into", "against"}
SCENE_PREPS = {"in", "inside"}


def subject_of(tok: Token) -> Token | None:
    """The head of the phrase acting at ``tok``: its subject, passive agent, or its head verb's."""
    node = tok
    for _ in range(MAX_CHAIN):
        for c in node.children:
            if c.dep_ in {"nsubj", "csubj"}:
                if c.lower_ in RELATIVE and node.dep_ == "relcl":
                    return node.head
                if c.lower_ in PRONOUNS and node.dep_ == "ccomp":
                    governing = subject_of(node.head)  # "Hungary has said it will support"
                    return governing if governing is not None else c
                return c
            if c.dep_ == "agent":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        passive = next((c for c in node.children if c.dep_ in {"nsubjpass", "expl"}), None)
        if passive is not None:
            if passive.dep_ == "nsubjpass" and (_stative(node) or quoted_as(node) is not None):
                return passive  # "Vietnam is committed to opening up", "King Hassan was quoted as saying"
            return None  # passive without "by": the source is not named
        if node.dep_ in CLIMB and node.head.i != node.i and node.head.pos_ not in {"NOUN", "PROPN", "PRON"}:
            node = node.head  # "agreed to share", "is about to restore", "signed and ratified"
            continue
        if node.dep_ == "acl" and node.head.pos_ in {"NOUN", "PROPN"}:
            return None
        return None
    return None


def quoted_as(verb: Token) -> Token | None:
    """The verb of saying in "X was quoted as saying …" ("cited as saying", "reported as saying"):
    the passive subject is the one who speaks, the reporting verb only passes it on."""
    if verb.lemma_.lower() not in QUOTING or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            said = next((g for g in c.children if g.dep_ == "pcomp" and g.pos_ == "VERB"), None)
            if said is not None:
                return said
    return None


def _stative(verb: Token) -> bool:
    """A participle that says what its subject does, not what is done to it ("is committed to")."""
    return verb.lemma_.lower() in STATIVE and not any(c.dep_ == "agent" for c in verb.children)


def coordinated(head: Token) -> list[tuple[Token, int, int]]:
    """The phrases of a coordination, as (head, lo, hi) token ranges."""
    heads = [head]
    stack = [c for c in head.children if c.dep_ == "conj"]
    stack += [g for c in head.children if c.dep_ == "appos" for g in c.children if g.dep_ == "conj"]
    while stack:
        t = stack.pop(0)
        if t.pos_ in {"NOUN", "PROPN", "PRON", "ADJ"}:
            heads.append(t)
            stack.extend(c for c in t.children if c.dep_ == "conj")
    phrases = [(h, *noun_phrase(h)) for h in heads]
    if len(heads) == 1:
        mods = [c for c in head.children if c.dep_ in {"amod", "compound", "nmod"} and any(g.dep_ == "conj" for g in c.children)]
        for mod in mods:
            chain = [mod] + [g for g in mod.subtree if g.dep_ == "conj" and g.head.i >= mod.i and g.i < head.i]
            if len(chain) > 1:
                lo, hi = noun_phrase(head)
                return [(head, m.i, hi) if m is not mod else (head, lo, hi) for m in chain]
    return phrases


def sources(tok: Token, coder: ActorCoder) -> list[Actor]:
    subject = subject_of(tok)
    if subject is None or break_between(tok.doc, subject.i, tok.i):
        return []
    return [_code_phrase(coder, h, lo, hi) for h, lo, hi in coordinated(subject)]


def _code_phrase(coder: ActorCoder, head: Token, lo: int, hi: int) -> Actor:
    """One actor of a coordination: "Romanian officials" is coded from "Romanian" and the shared head."""
    actor = coder.of_phrase(head, lo, hi)
    if actor.code is None and actor.name is None and lo < head.i:
        for t in head.doc[lo:hi]:
            if t.i != head.i and t.pos_ in {"ADJ", "PROPN", "NOUN"}:
                sub = coder.of_phrase(t, t.i, t.i + 1)
                if sub.code or sub.name:
                    return Actor(actor.text, sub.name, sub.code, True, actor.head, actor.kind, sub.role_only)
    return actor


def target(tok: Token, coding: Coding, coder: ActorCoder, source_texts: set[str]) -> Actor | None:
    """The actor acted upon, or None when the parse names none that codes.

    In order: the passive subject, the pattern's "+" phrase, the objects and prepositional actors
    of the verb and of its chain ("agreed to restore ties with X"), then those of its purpose clause
    ("began a hunger strike to protest against Sweden's decision"), the subject of a threat's
    condition ("threatened to stop talks if the United States goes ahead"), the subject of
    what a statement, demand or accusation states ("demanded that the DPRK forsake …", "expressed
    hopes that Israel …"), the one urged to act ("urged Germany to help"), and last the country
    it takes place in ("declared a state of siege in Haiti, arresting opponents")."""
    passive = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if passive is not None and _stative(tok):
        passive = None  # its subject acts
    candidates: list[Token] = []
    if passive is not None:
        candidates.append(passive)
    if coding.verb is not None:
        plus = role_phrase(tok, coding.verb, "+")
        if plus is not None:
            candidates.insert(0, plus)
    place = place_of(tok)
    if place is not None and "place" in coding.objects:
        candidates.insert(0, place)
    chain = _chain(tok)
    for node in chain:
        candidates += _candidates(node)
    if coding.code[:2] in AIMED_ROOTS:
        candidates = _aimed_first(candidates, coder)
    if coding.code[:2] == "11" and passive is None:  # "complained to the UN over Israeli air raids": the accused, not the audience
        candidates = [c for c in candidates if c.dep_ == "pobj" and c.head.lower_ in {"over", "about"}] + \
            [c for c in candidates if not (c.dep_ == "pobj" and c.head.lower_ in {"over", "about"})]
    found = _first_actor(tok, candidates, coder, source_texts)
    if found is not None:
        return found
    for node in chain:
        for clause in node.children:
            if _purpose_clause(clause):
                found = _first_actor(tok, [c for n in _chain(clause) for c in _candidates(n)], coder, source_texts)
                if found is not None:
                    return found
    if coding.code[:2] == "13":
        found = _condition_party(chain, coder, source_texts)
        if found is not None:
            return found
    if coding.code[:2] in ADDRESSED_ROOTS:
        found = _stated_party(tok, coder, source_texts)
        if found is not None:
            return found
    found = _addressee(tok, coder, source_texts)
    if found is not None:
        return found
    return _scene(chain + _governors(tok), coder, source_texts)


def _addressee(tok: Token, coder: ActorCoder, source_texts: set[str]) -> Actor | None:
    """ "urged Bree to help", "called on Gondor to act", "forced Israel to withdraw": the one a verb
    moves to act is the one its subject acts upon."""
    if tok.dep_ != "xcomp" or tok.head.i == tok.i or tok.head.pos_ != "VERB":
        return None
    head = tok.head
    objects = [c for c in head.children if c.dep_ == "dobj" and c.i < tok.i]
    objects += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "on" and head.lemma_.lower() == "call"
                for g in c.children if g.dep_ == "pobj"]
    return _first_actor(tok, objects, coder, source_texts)


def _scene(chain: list[Token], coder: ActorCoder, source_texts: set[str]) -> Actor | None:
    """ "declared a state of siege in Haiti": with no one acted upon, the country the action takes
    place in, from an "in" phrase of the verb or of its object (not of a clause below them)."""
    for node in chain:
        for head in [node, *(c for c in node.children if c.dep_ == "dobj")]:
            for c in head.children:
                if c.dep_ != "prep" or c.lower_ not in SCENE_PREPS:
                    continue
                for g in c.children:
                    if g.dep_ == "pobj" and g.ent_type_ in {"GPE", "LOC"}:
                        found = coder.of_phrase(g)
                        if found.country is not None and found.text not in source_texts:
                            return found
    return None


def _governors(tok: Token) -> list[Token]:
    """The verbs a participle or coordinated verb hangs from ("declared …, arresting opponents"):
    they share its scene."""
    out, node = [], tok
    while node.dep_ in {"advcl", "conj", "xcomp"} and node.head.i != node.i and node.head.pos_ in {"VERB", "AUX"} \
            and len(out) < MAX_CHAIN:
        node = node.head
        out.append(node)
    return out


def with_conjuncts(tok: Token, tgt: Actor | None, coder: ActorCoder, source_texts: set[str]) -> list[Actor | None]:
    """The target and the actors coordinated with it: "restore ties with Gondor and Arnor",
    "ties with Mordor, Rohan and Bree" are one event with each."""
    if tgt is None or tgt.head < 0:
        return [tgt]
    head = tok.doc[tgt.head]
    if not any(c.dep_ == "conj" for c in head.children):
        # the name that gave a phrase its code: "ties with Mordor, Rohan and Bree"
        head = next((t for t in _phrase_parts(head) if any(c.dep_ == "conj" for c in t.children)
                     and coder.of_phrase(t, t.i, t.i + 1).code == tgt.code), head)
    out: list[Actor | None] = [tgt]
    for h, lo, hi in coordinated(head)[1:]:
        other = _code_phrase(coder, h, lo, hi)
        if other.known and other.text not in source_texts and all(other.name != a.name or other.code != a.code
                                                                 for a in out if a is not None):
            out.append(other)
    return out


def _phrase_parts(head: Token) -> list[Token]:
    """The tokens of a noun phrase and its prepositional phrases, not of the clauses inside it."""
    out, stack = [], [head]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ in {"prep", "pobj", "poss", "compound", "amod", "nmod"})
    return sorted(out, key=lambda t: t.i)


def _chain(tok: Token) -> list[Token]:
    """The verb and the verbs of its open complements: "is about to restore", "agreed to share"."""
    chain = [tok]
    for _ in range(MAX_CHAIN - 1):
        xcomp = next((c for c in chain[-1].children if c.dep_ == "xcomp"), None)
        if xcomp is None:
            break
        chain.append(xcomp)
    return chain


def _candidates(node: Token) -> list[Token]:
    """Phrases that may name the target at one verb: "against X" first (the object of "launched
    artillery against X" is the weapon), then objects, then the other prepositional objects."""
    by_prep: dict[str, Token] = {}
    # a particle's own preposition counts as the verb's ("kidnapped up to 16 Russian advisers")
    for c in [*node.children, *(g for c in node.children if c.dep_ == "prt" for g in c.children)]:
        if c.dep_ in {"prep", "dative"} and c.lower_ not in by_prep:
            by_prep[c.lower_] = c
    pobjs = {p: [g for g in by_prep[p].children if g.dep_ == "pobj"] for p in TARGET_PREPS if p in by_prep}
    out = pobjs.pop("against", [])
    out += [c for c in node.children if c.dep_ in {"dobj", "dative", "iobj", "attr", "oprd"}]
    for prep in TARGET_PREPS:
        out += pobjs.get(prep, [])
    return out


def _aimed_first(candidates: list[Token], coder: ActorCoder) -> list[Token]:
    """Where force is aimed "at", "on" or "into" someone, an object that names no one of its own
    (the weapon: "two artillery shells", coded MIL with no country) comes after them, and what
    the weapon is aimed at ("launched artillery and rocket fire against X") before them."""
    weapons = []
    for c in candidates:
        if c.dep_ == "dobj":
            actor = coder.of_phrase(c)
            if (actor.role_only and actor.code == "MIL") or not actor.known:
                weapons.append(c)  # "artillery" is MIL in the agents; "three ethnic Albanians" are people
    aimed = [c for c in candidates if c.dep_ == "pobj" and c.head.lower_ in AIMED_PREPS
             and c.ent_type_ not in {"DATE", "TIME"}]
    inner = [t for w in weapons for t in w.subtree if t.dep_ == "pobj" and t.head.lower_ in AIMED_PREPS]
    if not aimed and not inner:
        return candidates
    return inner + [c for c in candidates if c not in weapons] + weapons


def _purpose_clause(clause: Token) -> bool:
    return clause.dep_ in {"advcl", "xcomp"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _condition_party(chain: list[Token], coder: ActorCoder, source_texts: set[str]) -> Actor | None:
    """ "threatened to stop negotiations if the United States goes ahead": the one the condition names."""
    for node in chain:
        for clause in node.children:
            if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in clause.children):
                subject = next((g for g in clause.children if g.dep_ in {"nsubj", "nsubjpass"}), None)
                if subject is not None and subject.lower_ not in PRONOUNS:
                    found = coder.of_phrase(subject)
                    if found.known and found.text not in source_texts:
                        return found
    return None


def _first_actor(tok: Token, candidates: list[Token], coder: ActorCoder, source_texts: set[str]) -> Actor | None:
    for cand in candidates:
        if break_between(tok.doc, cand.i, tok.i):
            continue
        if _own(cand, coder):
            inner = _nested_actor(cand, coder, source_texts)
            if inner is not None:
                return inner  # "closed its borders with Iran"
            continue  # "withdraw its troops from Lebanon": the source's own troops are no target
        before = coder.of_phrase(cand, cand.left_edge.i, cand.i + 1)
        if before.country is not None and before.text not in source_texts:
            return before  # "Kampuchean guerrilla camps near the Thai border": whose camps, not where
        inner = _nested_actor(cand, coder, source_texts)
        if inner is not None:
            return inner  # "restored ties with Gondor's police": the police, not the ties
        for head in [cand, *[c for c in cand.children if c.dep_ in {"poss", "compound", "amod", "nmod"}]]:
            found = coder.of_phrase(head, *(noun_phrase(head) if head is cand else (head.i, head.i + 1)))
            if found.known and found.text not in source_texts:
                return found
            if head is cand:
                of = next((c for c in cand.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
                if pobj is not None:
                    found = coder.of_phrase(pobj)
                    if found.known and found.text not in source_texts:
                        return found
    return None


def _stated_party(tok: Token, coder: ActorCoder, source_texts: set[str]) -> Actor | None:
    """ "demanded that the DPRK forsake its programme": the subject of the clause the verb governs, or
    the clause of its demand ("insisted on its demands that Burundi's government grant …")."""
    nouns = [c for c in tok.children if c.dep_ == "dobj"]
    nouns += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    clauses += [c for n in nouns for c in n.children
                if c.dep_ in {"acl", "ccomp"} and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    for clause in clauses:
        subject = next((g for g in clause.children if g.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.lower_ in PRONOUNS or break_between(tok.doc, subject.i, tok.i):
            continue
        found = coder.of_phrase(subject)
        if found.known and found.text not in source_texts:
            return found
    return None


def _own(cand: Token, coder: ActorCoder) -> bool:
    """ "its troops", "their ambassador": a thing of the subject's own, when nothing else names whose."""
    if not any(c.dep_ == "poss" and c.lower_ in {"its", "their", "his", "her", "our"} for c in cand.children):
        return False
    return coder.of_phrase(cand).country is None


def _nested_actor(cand: Token, coder: ActorCoder, source_texts: set[str]) -> Actor | None:
    """The actor inside an object that is no actor itself: "ties with X", "the resumption of talks with X"."""
    if coder.of_phrase(cand, cand.i, cand.i + 1).known:
        return None
    stack = [c for c in cand.children if c.dep_ == "prep"]
    while stack:
        prep = stack.pop(0)
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            found = coder.of_phrase(pobj)
            if found.known and found.text not in source_texts:
                return found
            stack.extend(c for c in pobj.children if c.dep_ == "prep")
    return None


def origin(tok: Token, coder: ActorCoder) -> Actor | None:
    """Who gave what the subject received: "from X", or X in "X's shells" / "North Korean shells"."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            for g in c.children:
                if g.dep_ == "pobj":
                    return coder.of_phrase(g)
    for c in tok.children:
        if c.dep_ == "dobj":
            for g in c.subtree:
                m = coder.mentions.on_token(g)
                if m is not None and m.type in {"GPE", "NORP", "ORG"} and m.entity:
                    return coder.of_phrase(g, g.i, g.i + 1)
    return None


def noun_participants(tok: Token, code: str, coder: ActorCoder) -> tuple[list[Actor], Actor | None]:
    """ "Putin's visit to North Korea", "the provision of Russian weapons to Pyongyang",
    "the meeting between Putin and Kim"."""
    acting: list[Actor] = []
    tgt: Actor | None = None
    for c in tok.children:
        if c.dep_ == "poss" or (c.dep_ in {"amod", "compound"} and coder.mentions.on_token(c)):
            acting = acting or [coder.of_phrase(c)]
        if c.dep_ == "prep" and c.lower_ == "by":
            acting = acting or [coder.of_phrase(g) for g in c.children if g.dep_ == "pobj"][:1]
        if c.dep_ == "prep" and c.lower_ == "of" and code.startswith("07"):
            for g in c.subtree:
                m = coder.mentions.on_token(g)
                if not acting and m is not None and m.type in {"GPE", "NORP"}:
                    acting = [coder.of_phrase(g, g.i, g.i + 1)]
        if c.dep_ == "prep" and c.lower_ in {"to", "in", "on", "against", "with"} and tgt is None:
            tgt = next((coder.of_phrase(g) for g in c.children if g.dep_ == "pobj"), None)
        if c.dep_ == "prep" and c.lower_ == "between":
            pair = [g for g in c.children if g.dep_ == "pobj"]
            pair += [x for p in pair for x in p.children if x.dep_ == "conj"]
            named = [coder.of_phrase(p) for p in pair]
            named = [a for a in named if a.known]
            if named:
                acting = acting or named[:1]
                tgt = tgt or next((a for a in named[1:] if a.name != acting[0].name), None)
    if tgt is not None and not tgt.known:
        tgt = None
    return [a for a in acting if a.known], tgt
