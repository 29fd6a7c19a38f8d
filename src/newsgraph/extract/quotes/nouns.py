"""Noun cues: "Trump's claim that …", "a Times report that …", "media pronouncements that …".

A reporting noun (``reference/data/reporting_nouns.tsv``, learned from PolNeAR train/ counts)
whose complement clause opens with "that" introduces what somebody said or believes; the
parser marks that clause's "that" as ``mark``, which a relative clause ("the claim that
won") does not have. The source is the noun's possessor ("Trump's", "her"), a name
compounded with it ("a New York Times report") or its "by"/"from" phrase; with none the
content is kept without a speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.extract.quotes.speakers import Speaker, SpeakerResolver
from newsgraph.reference.reporting import reporting_nouns

CLAUSE_DEPS = {"acl", "relcl", "ccomp", "appos"}
SOURCE_PREPOSITIONS = {"by", "from", "of"}
MIN_TOKENS = 3


@dataclass
class NounCue:
    """The clause [start, end) a reporting noun introduces, with its source if written."""

    start: int
    end: int
    noun: Token
    speaker: Speaker | None
    weight: float


def noun_cues(doc: Doc, resolver: SpeakerResolver, skip: set[int],
              nouns: dict[str, float] | None = None) -> list[NounCue]:
    """Every "noun that …" attribution in ``doc`` whose noun is not in ``skip`` (inside a quotation)."""
    table = reporting_nouns() if nouns is None else nouns
    found = []
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.i in skip:
            continue
        weight = table.get(tok.lemma_.lower())
        if weight is None:
            continue
        clause = _that_clause(tok)
        if clause is None:
            continue
        words = [t for t in clause.subtree if not t.is_space]
        while words and words[-1].is_punct:
            words.pop()
        if len(words) < MIN_TOKENS:
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        found.append(NounCue(start, end, tok, _source(tok, resolver), weight))
    return found


def _that_clause(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ in CLAUSE_DEPS and child.i > noun.i and \
                any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            return child
    return None


def _source(noun: Token, resolver: SpeakerResolver) -> Speaker | None:
    """Who holds the claim: "Trump's claim", "a Times report", "a warning from officials"."""
    for child in noun.children:
        if child.dep_ == "poss" or child.dep_ == "compound" and (child.pos_ == "PROPN" or resolver.person_like(child)):
            return resolver.resolve(child)
    for child in noun.children:
        if child.dep_ in {"prep", "agent"} and child.lower_ in SOURCE_PREPOSITIONS and child.i < noun.i + 4:
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None and resolver.person_like(obj):
                return resolver.resolve(obj)
    return None
