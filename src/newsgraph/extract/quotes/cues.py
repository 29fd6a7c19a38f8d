"""Reporting verbs: which words introduce what somebody said or believes.

The list lives in ``reference/data/reporting_verbs.tsv`` so users can add their own
(``NEWSGRAPH_REFERENCE_DIR``) without touching code.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from newsgraph.reference import read_table

TABLE = "reporting_verbs.tsv"
VERB_TAGS = {"VERB", "AUX"}


@lru_cache(maxsize=1)
def reporting_verbs() -> dict[str, tuple[str, float]]:
    """lemma → (class, weight); class is speech, belief or emphasis."""
    verbs: dict[str, tuple[str, float]] = {}
    for row in read_table(TABLE):
        lemma = row.get("lemma", "").strip().lower()
        if lemma:
            verbs[lemma] = (row.get("class") or "speech", float(row.get("weight") or 1.0))
    return verbs


@lru_cache(maxsize=1)
def content_dependents() -> dict[str, frozenset[str]]:
    """lemma → the dependency labels of the verb's children that hold what was said
    ("ccomp", "dobj", "xcomp", "oprd", "prep:about", ...); a row without any says ccomp
    (and dobj for emphasis verbs)."""
    found: dict[str, frozenset[str]] = {}
    for row in read_table(TABLE):
        lemma = row.get("lemma", "").strip().lower()
        if not lemma:
            continue
        listed = [d.strip() for d in (row.get("contents") or "").split(",") if d.strip()]
        if not listed:
            listed = ["ccomp", "dobj"] if row.get("class") == "emphasis" else ["ccomp"]
        found[lemma] = frozenset(listed)
    return found


def contents_of(token: Token) -> frozenset[str]:
    """Where the content hangs off this cue verb (empty when the token is not a cue)."""
    table = content_dependents()
    return table.get(token.lemma_.lower()) or table.get(token.text.lower()) or frozenset()


def cue_of(token: Token) -> tuple[str, float] | None:
    """(class, weight) if this token is a reporting verb used as a verb, else None.

    The lemma is lower-cased because the small English model lemmatises sentence-initial
    or title-cased verbs ("Says") inconsistently.
    """
    if token.pos_ not in VERB_TAGS and not token.tag_.startswith("VB"):
        return None
    return reporting_verbs().get(token.lemma_.lower()) or reporting_verbs().get(token.text.lower())


def is_cue(token: Token) -> bool:
    return cue_of(token) is not None
