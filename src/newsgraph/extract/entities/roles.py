"""Titles and roles given to people, with the phrase that gives them as evidence.

Patterns, all decided on neighbouring tokens (no search over the whole article):
- appositive after the name: "Kurt Campbell, US Deputy Secretary of State, believes"
- appositive before the name: "North Korea's leader, Kim Jong-un, signed" (pattern possessive)
- pre-nominal title: "Russian leader Putin", "US President Joe Blinken"
- predicate: "Kurt Campbell is the US Deputy Secretary of State", "X, who is the US ambassador to the UN"
Roles are recorded as written, even when wrong; checking them is the consistency checker's job.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.extract.entities.mentions import Found
from newsgraph.extract.entities.titlewords import HEADS, TITLE_WORDS
from newsgraph.records import Role

STOP = {",", ".", ";", ":", "(", ")", "—", "–", '"', "“", "”", "!", "?"}
ARTICLES = {"a", "an", "the"}
MAX_ROLE_TOKENS = 10
PHRASE_PREPOSITIONS = {"of", "for", "to"}  # "Secretary of State", "ambassador to the UN"


def find_roles(doc: Doc, article_id: str, found: list[Found]) -> list[Role]:
    """Roles of person mentions (names and aliases), from the tokens right around them."""
    in_mention = [None] * len(doc)
    for m in found:
        for i in range(m.tok_start, m.tok_end):
            in_mention[i] = m
    roles: list[Role] = []
    for m in found:
        if m.label != "PERSON" or m.kind not in {"name", "alias"} or not m.entity:
            continue
        for role in (_after(doc, m, in_mention), _before(doc, m, in_mention), _predicate(doc, m, in_mention)):
            if role is not None:
                start_tok, end_tok, phrase_start, phrase_end, pattern = role
                roles.append(Role(
                    article=article_id, entity=m.entity, role=doc[phrase_start:phrase_end].text,
                    start=doc[start_tok].idx, end=doc[end_tok - 1].idx + len(doc[end_tok - 1].text),
                    evidence=doc[start_tok:end_tok].text, pattern=pattern, surface=m.text,
                ))
    return roles


def _after(doc: Doc, m: Found, in_mention: list) -> tuple[int, int, int, int, str] | None:
    """ "NAME, [a] TITLE," — the phrase up to the next punctuation, if it is a title."""
    i = m.tok_end
    if i >= len(doc) or doc[i].text != ",":
        return None
    start = i + 1
    while start < len(doc) and doc[start].lower_ in ARTICLES:
        start += 1
    end = start
    while end < len(doc) and doc[end].text not in STOP and "\n" not in doc[end].text and end - start < MAX_ROLE_TOKENS:
        end += 1
    if end == start or end - start >= MAX_ROLE_TOKENS:
        return None
    phrase = doc[start:end]
    if not _title_phrase(phrase, in_mention):
        return None
    return m.tok_start, end, start, end, "appositive"


def _predicate(doc: Doc, m: Found, in_mention: list) -> tuple[int, int, int, int, str] | None:
    """ "NAME is the TITLE" or "NAME, who is a TITLE": a title given by a copula."""
    i = m.tok_end
    if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ == "who":
        i += 2
    if i >= len(doc) or doc[i].lemma_ != "be" or doc[i].lower_ in {"being", "been"}:
        return None
    start = i + 1
    while start < len(doc) and doc[start].lower_ in ARTICLES | {"currently", "now", "also", "still"}:
        start += 1
    end = start
    while end < len(doc) and doc[end].text not in STOP and "\n" not in doc[end].text and end - start < MAX_ROLE_TOKENS:
        if doc[end].pos_ in {"VERB", "AUX", "SCONJ", "CCONJ"} or doc[end].lower_ in {"who", "that", "which"}:
            break
        end += 1
    if end == start or not _title_phrase(doc[start:end], in_mention) or doc[end - 1].lower_ in {"of", "for", "to", "the"}:
        return None
    return m.tok_start, end, start, end, "predicate"


def _title_phrase(phrase, in_mention: list) -> bool:
    """Short, verbless, naming no other person, and with a title noun in it."""
    if len(phrase) >= MAX_ROLE_TOKENS:
        return False
    if any(t.pos_ in {"VERB", "AUX", "PRON", "SCONJ", "ADP"} and t.lower_ not in PHRASE_PREPOSITIONS for t in phrase):
        return False
    if any(in_mention[t.i] is not None and in_mention[t.i].label == "PERSON" for t in phrase):
        return False
    return _has_head(phrase)


def _before(doc: Doc, m: Found, in_mention: list) -> tuple[int, int, int, int, str] | None:
    """ "TITLE NAME" or "TITLE, NAME": walk back over title words, countries and possessives."""
    end = m.tok_start
    comma = end > 0 and doc[end - 1].text == ","
    if comma:
        closes = m.tok_end >= len(doc) or doc[m.tok_end].text in {",", ".", ";", ")", "—", "–"}
        if not closes:
            return None  # "After meeting the German chancellor, Putin said": not an appositive
        end -= 1
    if end == 0 or doc[end - 1].lower_ not in TITLE_WORDS or doc[end - 1].lower_ in {"of", "for", "and", "-"}:
        return None
    start = end
    while start > 0 and end - start < MAX_ROLE_TOKENS:
        token = doc[start - 1]
        other = in_mention[token.i]
        if "\n" in token.text or token.text in STOP:
            break
        if other is not None and other.label == "PERSON":
            break
        if token.lower_ in TITLE_WORDS or token.text in {"'s", "’s"} or (other is not None and other.label in {"GPE", "ORG", "NORP"}):
            start -= 1
            continue
        break
    while start < end and doc[start].lower_ in {"of", "for", "and", "-"}:
        start += 1
    if start < end and doc[start].text in {"'s", "’s"} and start > 0 and doc[start - 1].pos_ in {"NOUN", "PROPN"}:
        start -= 1  # "the country's President": keep the owner
        if start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
    if start == end:
        return None
    phrase = doc[start:end]
    if not _has_head(phrase):
        return None
    if comma and not any(t.text in {"'s", "’s"} for t in phrase) and len(phrase) < 2:
        return None  # "..., leader, Kim" needs more than a bare noun to be a title
    if start > 0 and doc[start - 1].lower_ == "the" and _possessive_subject(phrase):
        start -= 1  # keep "the" in "the North's leader"
    pattern = "possessive" if any(t.text in {"'s", "’s"} for t in phrase) else ("appositive" if comma else "prenominal")
    return start, m.tok_end, start, end, pattern


def _possessive_subject(phrase) -> bool:
    return any(t.text in {"'s", "’s"} for t in phrase) and phrase[0].is_title


def _has_head(phrase) -> bool:
    return any(t.lower_ in HEADS for t in phrase)


def title_mentions(doc: Doc, roles: list[Role], found: list[Found]) -> list[Found]:
    """Later uses of a title without the name ("the statement by the US Deputy Secretary of
    State"), as ``title`` mentions of the person the article gave that title to."""
    text = doc.text
    taken = [(r.start, r.end) for r in roles] + [(m.start, m.end) for m in found if m.label == "PERSON"]
    out: list[Found] = []
    seen: set[str] = set()
    for role in roles:
        phrase = _strip_article(role.role)
        if phrase.lower() in seen or len(phrase.split()) < 2:
            continue
        seen.add(phrase.lower())
        for match in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text, re.IGNORECASE):
            at, end = match.span()
            if not _same_acronyms(phrase, match.group(0)) or any(s < end and at < e for s, e in taken):
                continue
            span = doc.char_span(at, end, alignment_mode="expand")
            if span is not None and not _names_follow(doc, span.end, found):
                out.append(Found(at, end, span.start, span.end, match.group(0), "PERSON", "title", role.entity))
                taken.append((at, end))
    return out


def _same_acronyms(phrase: str, surface: str) -> bool:
    """ "US President" must not match "told us president": acronyms keep their case."""
    return all(w == v for w, v in zip(phrase.split(), surface.split()) if w.isupper() and len(w) > 1)


def _names_follow(doc: Doc, tok: int, found: list[Found]) -> bool:
    """ "US President Joe Blinken": the title belongs to the name right after it, not to anyone else."""
    return any(m.tok_start in (tok, tok + 1) and m.label == "PERSON" for m in found)


def _strip_article(phrase: str) -> str:
    words = phrase.split()
    while words and words[0].lower() in ARTICLES:
        words = words[1:]
    return " ".join(words)
