"""Names that only qualify a competition or a prize are not actors: in "his WBA, IBF and WBO
heavyweight title belts" or "the MVC tournament" the bodies name what was won or played
for; nobody in the sentence is the WBA or the conference doing anything.

The parse decides: the name (or the list of names it stands in) is a compound or nominal
modifier whose noun phrase is headed by a competition or prize noun. A name that owns the
noun ("the NFL's worst record") or acts ("the NFL fined ...") stays.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.entities.mentions import Found

# Nouns for what is won or played for; a game or a match has the teams as its participants and a
# season is the league's own, so "game", "match" and "season" are not here.
PRIZE_NOUNS = {
    "title", "belt", "crown", "championship", "tournament", "playoff", "playoffs", "draft",
    "final", "finals", "semifinal", "semifinals", "quarterfinal", "quarterfinals", "trophy", "medal",
}
MODIFIER_DEPS = {"compound", "nmod", "amod"}
LIST_DEPS = {"conj", "appos"}
POSSESSIVE_MARKS = {"'s", "’s", "'", "’"}


def prize_modifiers(doc: Doc, found: list[Found]) -> list[Found]:
    """``found`` without the names that only qualify a competition or prize noun."""
    return [m for m in found if m.label == "PERSON" or m.kind not in {"name", "alias"} or not _qualifies_prize(doc, m)]


def _qualifies_prize(doc: Doc, m: Found) -> bool:
    if m.tok_end <= m.tok_start:
        return False
    if _possessive(doc[m.tok_end - 1]) or (m.tok_end < len(doc) and _possessive(doc[m.tok_end])):
        return False  # "the Bluejays' Valley tournament opener": the owner plays in it
    token = doc[m.tok_end - 1]
    while token.dep_ in LIST_DEPS and token.head.i < token.i:  # "WBO" in "WBA, IBF and WBO": the list's first name
        token = token.head
    while token.dep_ in MODIFIER_DEPS and token.head.i > token.i:  # up through "heavyweight title belts"
        token = token.head
        if token.lemma_.lower() in PRIZE_NOUNS or token.lower_ in PRIZE_NOUNS:
            return token.pos_ in {"NOUN", "PROPN"}
    return False


def _possessive(token) -> bool:
    return token.tag_ == "POS" or token.text in POSSESSIVE_MARKS
