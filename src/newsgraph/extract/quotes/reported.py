"""Reported speech: "X said (that) …", "he believes …", "… according to X".

The reported clause (the reporting verb's clausal complement) is the quote text. A clause
that carries quoted words ("had a "dramatic step-up"") is a mixed quote.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.extract.common.paragraphs import break_between
from newsgraph.extract.quotes.cues import contents_of, cue_of, is_cue
from newsgraph.extract.quotes.speakers import Speaker, SpeakerResolver, subject_of

MIN_TOKENS = 3  # "she said" is not what somebody said
MIN_NOMINAL_TOKENS = 1  # "Christie endorsed Trump"
NOMINAL_FACTOR = 0.9  # a noun phrase said about is less of a statement than a clause
EDGE_PUNCT = {",", ";", ":", "-", "—", "–"}


@dataclass
class Reported:
    """A reported clause [start, end) in characters, its speaker and cue."""

    start: int
    end: int
    speaker: Speaker
    cue: str
    weight: float
    verb: Token | None


def reported_clauses(doc: Doc, resolver: SpeakerResolver, skip: set[int]) -> list[Reported]:
    """Reported speech in ``doc``; tokens in ``skip`` (inside direct quotes, or reporting
    verbs already attributing one) are not used as cues."""
    found: list[Reported] = []
    for tok in doc:
        if tok.i in skip:
            continue
        if tok.lower_ == "according":
            hit = _according_to(tok, resolver)
        else:
            hit = _verb_clause(tok, resolver)
        if hit is not None:
            found.append(hit)
    return found


def _verb_clause(verb: Token, resolver: SpeakerResolver) -> Reported | None:
    cue = cue_of(verb)
    if cue is None:
        return None
    contents, nominal = _contents(verb, contents_of(verb))
    inverted = not contents and _inverted(verb)
    if inverted:
        contents = inverted
    if not contents:
        return None
    head = subject_of(verb)
    if head is None:
        return None
    speaker = resolver.resolve(head)
    if speaker is None:
        return None
    if not nominal and not inverted:
        contents = contents + _trailing(verb, contents)
    cut = set().union(*(_cut_points(c) for c in contents)) | {verb.i}
    if inverted:
        cut |= {t.i for t in verb.subtree} | {c.i for c in verb.head.children if c.dep_ == "cc" and c.i > verb.i - 2}
    bounds = _clause_chars(contents, verb, cut=cut, min_tokens=MIN_NOMINAL_TOKENS if nominal else MIN_TOKENS)
    if bounds is None:
        return None
    parenthetical = bounds[0] < speaker.start and verb.idx < bounds[1]  # "The plan, a source said, is to …"
    if _overlaps(bounds, (speaker.start, speaker.end)) and not parenthetical:
        return None
    weight = cue[1] * (NOMINAL_FACTOR if nominal else 1.0)
    return Reported(bounds[0], bounds[1], speaker, verb.lemma_.lower(), weight, verb)


def _inverted(verb: Token) -> list[Token]:
    """ "The plant is hanging on, but it is under pressure, said the chief executive": the small
    parser hangs an inverted "said X" off the reported clause as its last conjunct; that clause,
    without the cue, is the content. Only when the subject follows the verb (the inversion), or
    when the attribution stands inside the clause ("The museum, Mr. Obama said, would …")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    parenthetical = verb.dep_ == "parataxis" and subject is not None  # "The museum, Mr. Obama said, would …"
    if not parenthetical and (verb.dep_ not in {"conj", "parataxis"} or subject is None or subject.i < verb.i
                              or verb.head.i > verb.i):
        return []
    if any(c.dep_ in {"ccomp", "dobj", "xcomp"} for c in verb.children):
        return []
    return [verb.head]


def _contents(verb: Token, allowed: frozenset[str]) -> tuple[list[Token], bool]:
    """The verb's children that hold what was said, and whether they are a noun phrase or a
    to-infinitive rather than a clause. A clause wins ("told Marlow that …" is the clause, not
    Marlow); otherwise every allowed dependent ("described Trump as a danger"); a lone
    preposition gives its object ("talked about the economy")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and "ccomp" in allowed]
    if clauses:
        return clauses, False
    found = [c for c in verb.children
             if c.dep_ in allowed and c.dep_ != "ccomp" or c.dep_ == "prep" and f"prep:{c.lower_}" in allowed]
    if any(c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as" for c in found):
        # "called Wells Fargo's behavior “outrageous”", "described Trump as a danger": what was called so
        found += [c for c in verb.children if c.dep_ == "dobj" and c not in found]
    if len(found) == 1 and found[0].dep_ == "prep":
        found = [g for g in found[0].children if g.dep_ in {"pobj", "pcomp"}]
    return found, bool(found)
def _according_to(tok: Token, resolver: SpeakerResolver) -> Reported | None:
    """ "…, according to Campbell" (or to officials, a poll, The Guardian): the clause
    "according" modifies is what the source said. A clause that is itself reported ("said X,
    according to The Guardian") is a citation of the outlet, not a second quote."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None or is_cue(tok.head) or tok.head is tok:
        return None
    speaker = resolver.resolve(source)
    if speaker is None:
        return None
    skip = {t.i for t in tok.subtree}
    bounds = _clause_chars([tok.head], tok, cut=skip)
    if bounds is None or _overlaps(bounds, (speaker.start, speaker.end)):
        return None
    return Reported(bounds[0], bounds[1], speaker, "according to", 0.9, tok)


def _cut_points(content: Token) -> set[int]:
    """Tokens to leave out of a reported clause: a coordinated reporting verb and what hangs
    on it ("stated that A and stressed B" → A only), and a relative clause that reports
    somebody else ("in a statement that sparked outrage from Zinoviev, who claimed …")."""
    cut: set[int] = set()
    for child in content.children:
        if child.dep_ == "conj" and is_cue(child) and not _second_content(child):
            cut.update(t.i for t in child.subtree)
            cut.update(c.i for c in content.children if c.dep_ == "cc" and c.i < child.i)
    for tok in content.subtree:
        if tok.dep_ in {"relcl", "acl"} and tok.i not in cut and any(_speaks_itself(t) for t in tok.subtree):
            cut.update(t.i for t in tok.subtree)
    return cut


def _second_content(conj: Token) -> bool:
    """ "said the videos were inconclusive and that the footage did not show …": a conjunct
    with its own "that" and subject is a second thing said, not a second reporting verb."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in conj.children) and \
        any(c.dep_ in {"nsubj", "nsubjpass"} for c in conj.children)


def _speaks_itself(tok: Token) -> bool:
    """A reporting verb with a subject of its own ("who claimed"), not one that shares the
    clause's ("still has time to step up and show that …")."""
    return is_cue(tok) and any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)


def _trailing(verb: Token, contents: list[Token]) -> list[Token]:
    """Adverbial clauses the parser hung on the reporting verb after its content belong to
    what was said: "some friends say Mr. Clinton would look zippier if he ate …"."""
    last = max(t.i for c in contents for t in c.subtree)
    return [c for c in verb.children if c.dep_ == "advcl" and c.i > last and not is_cue(c)]


def _clause_chars(heads: list[Token], anchor: Token, cut: set[int],
                  min_tokens: int = MIN_TOKENS) -> tuple[int, int] | None:
    """Character bounds of the heads' subtrees without ``cut``, tokens across a paragraph
    break from ``anchor`` and edge punctuation. A leading "that" is kept, as PolNeAR's
    annotators keep it ("said that the plan failed")."""
    doc = anchor.doc
    tokens = sorted((t for h in heads for t in h.subtree
                     if t.i not in cut and not t.is_space and not break_between(doc, t.i, anchor.i)),
                    key=lambda t: t.i)
    if not tokens:
        return None
    lo, hi = 0, len(tokens)
    while lo < hi and tokens[lo].text in EDGE_PUNCT:  # a leading "that" stays: it is part of what was said
        lo += 1
    while hi > lo and (tokens[hi - 1].text in EDGE_PUNCT or tokens[hi - 1].text == "."):
        hi -= 1
    if hi - lo < min_tokens:
        return None
    first, last = tokens[lo], tokens[hi - 1]
    return first.idx, last.idx + len(last.text)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
