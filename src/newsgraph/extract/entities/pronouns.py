"""Personal pronouns resolved to the most plausible person, so quotes attributed to "he"
get a speaker.

Rules, in order: a possessive ("his country") goes to the nearest person before it in the
same sentence, or to the subject that follows it ("After his visit, Putin ..."); a subject
or object pronoun goes to a person that is the subject earlier in the same sentence
("Campbell said he ..."), else to the first subject person of the nearest earlier sentence
that has one (within a few sentences), else to the nearest person before it.
Gender from the reference table rules out candidates when it is known.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.entities.mentions import Found
from newsgraph.reference import people

PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
OBJECT_DEPS = {"dobj", "pobj", "dative", "iobj", "obj"}
REFLEXIVE = {"himself", "herself"}
WINDOW = 4  # sentences to look back


def mark_subjects(doc: Doc, found: list[Found]) -> None:
    """Flag mentions that are (part of) a clause subject: "Putin and Kim signed", "leader Putin said"."""
    for m in found:
        token = doc[m.tok_start:m.tok_end].root
        for _ in range(3):
            if token.dep_ in SUBJECT_DEPS:
                m.subject = True
                break
            if token.dep_ in {"appos", "conj", "compound"} and token.head.i != token.i:
                token = token.head
                continue
            break


def resolve_pronouns(doc: Doc, found: list[Found]) -> list[Found]:
    """Pronoun mentions (kind "pronoun") for he/she/his/her... with the person they refer to."""
    persons = sorted((m for m in found if m.label == "PERSON" and m.entity and m.kind != "pronoun"),
                     key=lambda m: m.start)
    if not persons:
        return []
    sent_of = _sentence_numbers(doc)
    for m in persons:
        m.sentence = sent_of[m.tok_start]
    out: list[Found] = []
    first = 0  # persons before this index end before the current pronoun
    for token in doc:
        gender = PRONOUNS.get(token.lower_)
        if gender is None or token.pos_ != "PRON":
            continue
        while first < len(persons) and persons[first].end <= token.idx:
            first += 1
        sent = sent_of[token.i]
        before = [p for p in persons[max(0, first - 30):first] if sent - p.sentence <= WINDOW and _fits(p, gender)]
        after = [p for p in persons[first:first + 10] if p.sentence == sent and _fits(p, gender)]
        chosen = _choose(doc, token, sent, before, after)
        if chosen is not None:
            out.append(Found(token.idx, token.idx + len(token.text), token.i, token.i + 1, token.text,
                             "PERSON", "pronoun", chosen.entity, chosen.kb_id))
    return out


def _choose(doc: Doc, token, sent: int, before: list[Found], after: list[Found]) -> Found | None:
    same = [p for p in before if p.sentence == sent]
    possessive = token.tag_ == "PRP$" or token.dep_ == "poss"
    if token.lower_ in REFLEXIVE:
        return same[-1] if same else (before[-1] if before else None)
    if not possessive and token.dep_ in OBJECT_DEPS:
        # "Linda spoke after him": an object pronoun is not the subject of its own clause
        verb = _clause_verb(token)
        same = [p for p in same if _clause_verb(doc[p.tok_start:p.tok_end].root).i != verb.i or not p.subject]
        before = [p for p in before if p.sentence != sent or p in same]
    if possessive:
        if same:
            return same[-1]
        subjects_after = [p for p in after if p.subject]
        if subjects_after:
            return subjects_after[0]
    else:
        subjects_same = [p for p in same if p.subject]
        if subjects_same:
            return subjects_same[-1]
    earlier = [p for p in before if p.sentence < sent]
    for back in range(1, WINDOW + 1):
        subjects = [p for p in earlier if p.sentence == sent - back and p.subject]
        if subjects:
            return subjects[0]
    if same:
        return same[-1]
    return before[-1] if before else None


def _clause_verb(token):
    """The verb whose clause a token is in (the token itself if it is one)."""
    for _ in range(6):
        if token.pos_ in {"VERB", "AUX"} or token.head is token:
            return token
        token = token.head
    return token


def _fits(p: Found, gender: str) -> bool:
    """False only when the person's gender is known and differs (reference row or given name)."""
    known = people.gender(p.entity or "")
    return known is None or known == gender


def _sentence_numbers(doc: Doc) -> list[int]:
    numbers = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            numbers[i] = n
    return numbers
