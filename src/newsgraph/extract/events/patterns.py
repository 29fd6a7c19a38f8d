"""The CAMEO verb dictionary's patterns, matched over the dependency parse.

A verb is looked up by its lemma (or its listed form); each pattern of its block names
words that must follow the verb (its object, particles, complements: "- * {ARMS SHIPMENT}"),
prepositional phrases ("(TO BORDER)"), words before it ("&MILITARY *"), and may place the
source ($) or target (+) inside a phrase. The pattern that matches the most words wins;
without one the verb's own code (or its block's) applies. "042:043" codes the event and the
target's reciprocal one ("X visited Y": Y hosted X).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from newsgraph.reference import cameo

# dependents whose words are not the verb's own object or complement
LEAVE = {"ccomp", "advcl", "relcl", "parataxis", "punct", "mark", "nsubj", "nsubjpass", "csubj", "cc"}
ITEM = re.compile(r"\([^)]*\)|\{[^}]*\}|\S+")


@dataclass(frozen=True)
class Pattern:
    before: tuple[tuple[str, ...], ...]  # word alternatives, each must occur before the verb
    after: tuple[tuple[str, ...], ...]  # word alternatives, each must occur in the verb's phrase
    preps: tuple[tuple[str, tuple[tuple[str, ...], ...], str], ...]  # (preposition, its words, role "$"/"+"/"")
    target_before: bool  # "+ * ..." : the target is the subject
    source_after: bool  # "* ... $" : the source is the object
    code: str
    reciprocal: str

    @property
    def size(self) -> float:
        """How much the pattern asks of the sentence: a bare preposition is weaker evidence than a word."""
        return len(self.before) + len(self.after) + sum(0.5 + len(w) for _, w, _ in self.preps)


@dataclass(frozen=True)
class VerbCode:
    code: str  # "" when only the reciprocal event is coded
    reciprocal: str
    block: str
    pattern: Pattern | None
    words: float  # how much of the sentence the dictionary entry matched (the verb itself counts one)


def _alternatives(word: str, synsets: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    word = word.strip("{}()").lower()
    if word.startswith("&"):
        return tuple(w.rstrip("_") for w in synsets.get(word.rstrip("_"), ()))
    return (word.rstrip("_"),)


def _parse(text: str, code: str, synsets: dict[str, tuple[str, ...]]) -> Pattern | None:
    primary, _, reciprocal = code.partition(":")
    primary = "" if primary in {"---", ""} else primary
    reciprocal = "" if reciprocal in {"---", ""} else reciprocal
    if not primary and not reciprocal:
        return None
    if "*" not in text:
        return None
    left, _, right = text.partition("*")
    before = tuple(_alternatives(w, synsets) for w in left.split() if w not in {"$", "+", "^", "%"})
    after: list[tuple[str, ...]] = []
    preps: list[tuple[str, tuple[tuple[str, ...], ...], str]] = []
    source_after = False
    for item in ITEM.findall(right):
        if item.startswith("("):
            inner = item[1:-1].replace("{", " ").replace("}", " ").split()
            if not inner:
                continue
            role = "$" if "$" in inner else "+" if "+" in inner else ""
            words = tuple(_alternatives(w, synsets) for w in inner[1:] if w not in {"$", "+", "^", "%"})
            preps.append((inner[0].lower(), words, role))
        elif item.startswith("{"):
            after.extend(_alternatives(w, synsets) for w in item[1:-1].split())
        elif item == "$":
            source_after = True
        elif item not in {"+", "^", "%"}:
            after.append(_alternatives(item, synsets))
    if any(not alts for alts in (*before, *after)):
        return None
    return Pattern(before, tuple(after), tuple(preps), "+" in left.split(), source_after, primary, reciprocal)


@lru_cache(maxsize=1)
def _compiled() -> dict[str, tuple[Pattern, ...]]:
    d = cameo.verb_dictionary()
    out: dict[str, tuple[Pattern, ...]] = {}
    for block, rows in d.patterns.items():
        parsed = [_parse(text, code, d.synsets) for text, code in rows]
        out[block] = tuple(p for p in parsed if p is not None)
    return out


def _phrase_tokens(verb: Token) -> list[Token]:
    """The verb's own phrase after it: object, particles, complements, prepositional phrases."""
    out: list[Token] = []
    stack = [c for c in verb.children if c.dep_ not in LEAVE and c.i > verb.i]
    stack += [c for c in verb.children if c.dep_ in {"prt", "dobj", "acomp"} and c.i < verb.i]  # "what it called off"
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in {"relcl", "punct", "ccomp", "parataxis"})
    return out


def _has(words: set[str], alts: tuple[str, ...]) -> bool:
    return any(alt in words if " " not in alt else all(part in words for part in alt.split()) for alt in alts)


def _token_words(tokens: list[Token]) -> set[str]:
    return {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}


def code_verb(verb: Token) -> VerbCode | None:
    """The CAMEO coding the dictionary gives this verb in its sentence, or None."""
    entries = cameo.verb_dictionary().verbs.get(verb.lemma_.lower()) or cameo.verb_dictionary().verbs.get(verb.lower_)
    if not entries:
        return None
    phrase = _phrase_tokens(verb)
    after_words = _token_words(phrase)
    entry = _entry(verb, entries, after_words)
    if entry is None:
        return None
    before_words = _token_words([t for t in verb.subtree if t.i < verb.i] + list(verb.lefts))
    preps: dict[str, list[set[str]]] = {}
    for t in phrase:
        if t.dep_ in {"prep", "agent", "dative"} or t.pos_ == "ADP":
            preps.setdefault(t.lower_, []).append(_token_words(list(t.subtree)))
    best: Pattern | None = None
    for pattern in _compiled().get(entry.block, ()):
        if best is not None and pattern.size <= best.size:
            continue
        if _fits(pattern, before_words, after_words, preps):
            best = pattern
    if best is not None:
        return VerbCode(best.code, best.reciprocal, entry.block, best, len(entry.words) + best.size)
    if not entry.code:
        return None
    primary, _, reciprocal = entry.code.partition(":")
    return VerbCode(primary if primary != "---" else "", reciprocal, entry.block, None, len(entry.words))


def _entry(verb: Token, entries, after_words: set[str]):
    """The most specific dictionary entry: "ask for" before "ask"."""
    fitting = [e for e in entries if all(w in after_words for w in e.words[1:])]
    return max(fitting, key=lambda e: len(e.words), default=None)


def _fits(p: Pattern, before: set[str], after: set[str], preps: dict[str, list[set[str]]]) -> bool:
    if not all(_has(before, alts) for alts in p.before):
        return False
    if not all(_has(after, alts) for alts in p.after):
        return False
    for prep, words, _ in p.preps:
        phrases = preps.get(prep)
        if not phrases:
            return False
        if words and not any(all(_has(ws, alts) for alts in words) for ws in phrases):
            return False
    return True


def role_phrase(verb: Token, coding: VerbCode, role: str) -> Token | None:
    """The object of the pattern's preposition that holds the source ("$") or target ("+")."""
    if coding.pattern is None:
        return None
    for prep, _, r in coding.pattern.preps:
        if r == role:
            for t in _phrase_tokens(verb):
                if t.lower_ == prep:
                    obj = next((c for c in t.children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        return obj
    return None


def clear_cache() -> None:
    _compiled.cache_clear()
