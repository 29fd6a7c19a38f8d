"""Noun-phrase extents from the dependency parse, shared by speakers, cited sources and event actors."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.common.paragraphs import break_between

# dependents that leave the phrase: "Kurt Campbell, the deputy secretary, who ..." is "Kurt Campbell"
NP_CUT = {"appos", "relcl", "acl", "punct", "cc", "conj", "advcl", "parataxis"}


CLAUSES = {"relcl", "acl"}


def noun_phrase(head: Token, clauses: bool = False) -> tuple[int, int]:
    """Token range [i, j) of the phrase headed by ``head``, without appositions or relative clauses
    (with its clauses when ``clauses``: "a union representing flight attendants", "a poll released
    Friday", where the clause is what says which union or poll)."""
    cut = NP_CUT - CLAUSES if clauses else NP_CUT
    keep = [head]
    stack = [c for c in head.children if c.dep_ not in cut]
    while stack:
        tok = stack.pop()
        keep.append(tok)
        stack.extend(tok.children)
    lo = min(t.i for t in keep)
    hi = max(t.i for t in keep) + 1
    doc = head.doc
    while lo < head.i and break_between(doc, lo, head.i):
        lo += 1
    while hi - 1 > head.i and break_between(doc, head.i, hi - 1):
        hi -= 1
    while lo < head.i and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi - 1 > head.i and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    if hi < len(doc) and doc[hi].text == ")" and "(" in doc[lo:hi].text and ")" not in doc[lo:hi].text:
        hi += 1  # "many colleges (private ones, in particular)" keeps its closing bracket
    return lo, hi
