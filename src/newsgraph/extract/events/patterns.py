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
# a verb's clause-like dependents: below its object their words are another phrase's
CLAUSES = {"acl", "advcl", "xcomp", "csubj"}
MAX_DEPTH = 3  # a pattern's word lies in the verb's object or complement, not deep inside them
FUNCTION_WORDS = {"to", "for", "with", "on", "in", "at", "up", "off", "out", "back", "down", "over", "of", "from",
                  "into", "about", "against", "by", "as", "away", "through"}
PARTITIVES = {"part", "some", "most", "half", "all", "portion", "much", "bulk", "rest", "share", "many", "dozens",
              "hundreds", "thousands", "number", "group", "series", "third", "quarter", "parts"}
# blocks of verbs that carry on an action, and the block whose patterns name the actions begun
CONTINUED = {"CONTINUE": "START", "RESTART": "START"}
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
    """The verb's own phrase after it: object, particles, complements, prepositional phrases; not the
    clauses below its object ("a reminder to Iraq that it must cooperate with inspectors")."""
    return [t for t, _ in _phrase_depths(verb)]


def _phrase_depths(verb: Token) -> list[tuple[Token, int]]:
    out: list[tuple[Token, int]] = []
    stack = [(c, 1) for c in verb.children if c.dep_ not in LEAVE and c.i > verb.i]
    stack += [(c, 1) for c in verb.children if c.dep_ in {"prt", "dobj", "acomp"} and c.i < verb.i]  # "what it called off"
    while stack:
        t, depth = stack.pop()
        out.append((t, depth))
        step = 0 if _partitive(t) else 1
        stack.extend((c, depth + step) for c in t.children if not _leaves_phrase(c))
    return out


def _partitive(tok: Token) -> bool:
    """ "part of a military aid program", "some of the aid": the amount and its "of" add no
    distance between the verb and what it acts on."""
    if tok.dep_ == "prep" and tok.lower_ == "of":
        tok = tok.head
    return tok.lemma_.lower() in PARTITIVES and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def _leaves_phrase(tok: Token) -> bool:
    if tok.dep_ in {"relcl", "punct", "ccomp", "parataxis"}:
        return True
    return tok.dep_ in CLAUSES or (tok.dep_ == "conj" and tok.pos_ in {"VERB", "AUX"})


def _depths(items: list[tuple[Token, int]]) -> dict[str, int]:
    """Each word and lemma of the phrase → how far below the verb it first occurs."""
    found: dict[str, int] = {}
    for t, depth in items:
        for w in (t.lower_, t.lemma_.lower()):
            if depth < found.get(w, 99):
                found[w] = depth
    return found


def _has(words: set[str], alts: tuple[str, ...]) -> bool:
    return any(alt in words if " " not in alt else all(part in words for part in alt.split()) for alt in alts)


def _token_words(tokens: list[Token]) -> set[str]:
    return {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}


def code_verb(verb: Token) -> VerbCode | None:
    """The CAMEO coding the dictionary gives this verb in its sentence, or None."""
    entries = _entries(verb)
    if not entries:
        return None
    items = _phrase_depths(verb)
    depths = _depths(items)
    after_words = set(depths)
    chosen = _most_specific(entries, after_words)
    if not chosen:
        return None
    before_words = _token_words([t for t in verb.subtree if t.i < verb.i] + list(verb.lefts))
    preps: dict[str, list[tuple[int, set[str]]]] = {}
    for t, depth in items:
        if t.dep_ in {"prep", "agent", "dative"} or t.pos_ == "ADP":
            preps.setdefault(t.lower_, []).append((depth, _token_words(list(t.subtree))))
    best: Pattern | None = None
    best_entry = chosen[0]
    best_rank = (0.0, 0)
    for entry in chosen:  # "dismiss" is in two blocks: the one whose pattern fits the sentence best
        for pattern in _compiled().get(entry.block, ()):
            if best is not None and pattern.size < best.size:
                continue
            cost = _fits(pattern, before_words, depths, preps)
            if cost is not None and (pattern.size, -cost) > best_rank:
                best, best_entry, best_rank = pattern, entry, (pattern.size, -cost)
    if best is None:
        for entry in chosen:  # "continued their hunger strike": a continued action codes as the action
            for pattern in _compiled().get(CONTINUED.get(entry.block, ""), ()):
                cost = _fits(pattern, before_words, depths, preps)
                if cost is not None and (pattern.size, -cost) > best_rank:
                    best, best_entry, best_rank = pattern, entry, (pattern.size, -cost)
    if best is not None:
        return VerbCode(best.code, best.reciprocal, best_entry.block, best, len(best_entry.words) + best.size)
    entry = chosen[0]  # without a fitting pattern, the verb's first listing says what it means
    if not entry.code:
        return None
    primary, _, reciprocal = entry.code.partition(":")
    return VerbCode(primary if primary != "---" else "", reciprocal, entry.block, None, len(entry.words))


def _entries(verb: Token):
    """The dictionary entries of the verb: by lemma, by its form, or by the form's regular stem when
    the lemmatizer stumbles ("staged" → "stag")."""
    verbs = cameo.verb_dictionary().verbs
    word = verb.lower_
    for key in (verb.lemma_.lower(), word, *_regular_stems(word)):
        if key in verbs:
            return verbs[key]
    return None


def _regular_stems(word: str) -> list[str]:
    stems = []
    for suffix in ("ed", "ing", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            stems += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                stems.append(stem[:-1])  # "stopped" → "stop"
    if word.endswith("ied"):
        stems.append(word[:-3] + "y")
    return stems


def _most_specific(entries, after_words: set[str]) -> list:
    """The most specific dictionary entries that fit: "ask for" before "ask"; a verb may sit in
    several blocks."""
    fitting = [e for e in entries if all(w in after_words for w in e.words[1:])]
    if not fitting:
        return []
    most = max(len(e.words) for e in fitting)
    return [e for e in fitting if len(e.words) == most]


def _fits(p: Pattern, before: set[str], depths: dict[str, int],
          preps: dict[str, list[tuple[int, set[str]]]]) -> int | None:
    """How deep below the verb the pattern's words lie (lower is closer), or None when it does not fit.
    A bare function word ("* to", "* up") must be the verb's own particle or preposition."""
    if not all(_has(before, alts) for alts in p.before):
        return None
    cost = 0
    for alts in p.after:
        depth = _depth(depths, alts)
        if depth is None or depth > MAX_DEPTH or (depth > 1 and all(a in FUNCTION_WORDS for a in alts)):
            return None
        cost += depth
    for prep, words, _ in p.preps:
        # a bare "(for)" is the verb's own prepositional phrase; one with words may hang on its object
        phrases = [ws for depth, ws in preps.get(prep, ()) if depth <= (2 if words else 1)]
        if not phrases:
            return None
        if words and not any(all(_has(ws, alts) for alts in words) for ws in phrases):
            return None
    return cost


def _depth(depths: dict[str, int], alts: tuple[str, ...]) -> int | None:
    found = [depths[a] if " " not in a else max((depths.get(w, 99) for w in a.split()), default=99) for a in alts
             if a in depths or (" " in a and all(w in depths for w in a.split()))]
    return min(found) if found else None


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
