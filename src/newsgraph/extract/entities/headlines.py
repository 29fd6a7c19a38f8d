"""Headline casing: in a title-case line (a headline, a menu item, a short label) every word is capitalised, so the small model glues
verbs and nouns onto names ("Lindsay Lohan Checks Into Rehab" → "Lindsay Lohan Checks").

A word of a title-case line counts as part of a name only when the article's own prose
writes it capitalised mid-sentence, or when it is not a word the prose (or the grammar)
shows to be common: written lower-case in the body, a function word, or an inflected verb
("Checks", "Placed"). Mentions in such lines are cut at the common words; what is left
with no name word in it is dropped, and so is a headline "name" none of whose words the
prose writes as a name ("Arson", "Driver Charged"). A common given name and the capitalised
proper nouns after it that the model missed are a person's full name.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from newsgraph.extract.entities.mentions import HONORIFICS, ORG_HEADS, Found, covered_tokens
from newsgraph.extract.entities.titlewords import TITLE_WORDS
from newsgraph.reference import people
from newsgraph.reference.keys import name_key

MAX_LABEL_WORDS = 4  # a line of at most this many words, all capitalised, is read like a headline
MIN_TITLE_WORDS = 3  # a line needs this many capitalised words of 4+ letters to be title case
INFLECTIONS = ("s", "ed", "ing")
MIN_PROSE_TOKENS = 40
NOT_SURNAMES = TITLE_WORDS | HONORIFICS | ORG_HEADS | {"street", "avenue", "road", "church", "center", "centre",
                                                    "county", "city", "day", "park", "river", "island", "hospital"}  # with less prose than this, a headline name is kept without evidence


@dataclass
class Casing:
    """What the article's prose says about how its words are written."""

    capitalised: set[str]  # words written capitalised mid-sentence in prose
    lower: set[str]  # words written lower-case in prose
    title_case: list[bool]  # per token: it lies in a title-case line
    named: set[str]  # words inside a name the model found in prose, wherever in the sentence
    prose: int  # tokens outside title-case lines


def read_casing(doc: Doc) -> Casing:
    title_case = _title_case_tokens(doc)
    capitalised: set[str] = set()
    lower: set[str] = set()
    named = {t.lower_ for ent in doc.ents if not title_case[ent.start] for t in ent}
    prose = sum(1 for flag in title_case if not flag)
    for token in doc:
        if title_case[token.i] or not token.is_alpha:
            continue
        if token.is_lower:
            lower.add(token.lower_)
        elif not token.is_sent_start and not _after_quote(doc, token):
            capitalised.add(token.lower_)
    return Casing(capitalised, lower, title_case, named, prose)


def _after_quote(doc: Doc, token) -> bool:
    return token.i > 0 and doc[token.i - 1].text in {'"', "“", "``", "'", "‘", ":", "-", "—"}


def _title_case_tokens(doc: Doc) -> list[bool]:
    """Tokens in lines where (nearly) every word of four letters or more is capitalised."""
    flags = [False] * len(doc)
    line: list = []
    for token in [*doc, None]:
        if token is None or "\n" in token.text or (line and "\n" in line[-1].whitespace_):
            if line and _is_title_case(line):
                for t in line:
                    flags[t.i] = True
            line = []
        if token is not None and "\n" not in token.text:
            line.append(token)
    return flags


def _is_title_case(tokens: list) -> bool:
    """A headline in title case, or a short line of capitalised words (a menu item, a label)."""
    words = [t for t in tokens if t.is_alpha]
    if 0 < len(words) <= MAX_LABEL_WORDS and len(tokens) <= MAX_LABEL_WORDS + 2:
        return all(t.text[:1].isupper() for t in words)
    long_words = [t for t in words if len(t) >= 4]
    capitalised = [t for t in long_words if t.text[:1].isupper()]
    return len(capitalised) >= MIN_TITLE_WORDS and len(capitalised) >= 0.8 * len(long_words)


def common_word(token, casing: Casing, verbs: set[str]) -> bool:
    """Whether a capitalised word of a title-case line is an ordinary word, not part of a name."""
    word = token.lower_
    if word in casing.capitalised:
        return False
    if word in casing.lower or token.is_stop:
        return True
    return any(word.endswith(end) and _stem_in(word, end, verbs) for end in INFLECTIONS)


def _stem_in(word: str, ending: str, verbs: set[str]) -> bool:
    """ "checks" → check, "placed" → place/plac, "rehires" → rehire: an inflected dictionary verb."""
    stem = word[: -len(ending)]
    candidates = {stem, stem + "e"}
    if ending == "s" and stem.endswith("e"):
        candidates.add(stem[:-1])
    if len(stem) > 2 and stem[-1] == stem[-2]:
        candidates.add(stem[:-1])
    return len(stem) >= 3 and any(c in verbs for c in candidates)


def cut_headline_names(doc: Doc, found: list[Found], casing: Casing, verbs: set[str]) -> list[Found]:
    """Mentions in title-case lines cut at common words; reference-linked mentions stay whole."""
    out: list[Found] = []
    prose_names = {name_key(m.text) for m in found if not casing.title_case[m.tok_start]}
    for m in found:
        if casing.title_case[m.tok_start] and not m.kb_id:
            _trim_to_prose_name(doc, m, casing, prose_names)
        if not casing.title_case[m.tok_start] or m.kb_id:
            if not m.kb_id and _common_opening_word(doc, m, casing):
                continue  # "Arson is suspected ...": a capital only because the sentence starts there
            _drop_common_first_word(doc, m, casing, verbs)
            out.append(m)
            continue
        piece: list[int] = []
        pieces: list[list[int]] = []
        for i in range(m.tok_start, m.tok_end):
            token = doc[i]
            if token.is_alpha and common_word(token, casing, verbs):
                if piece:
                    pieces.append(piece)
                piece = []
            else:
                piece.append(i)
        if piece:
            pieces.append(piece)
        for p in pieces:
            while p and not doc[p[-1]].is_alpha:
                p = p[:-1]
            while p and not doc[p[0]].is_alpha:
                p = p[1:]
            if not p:
                continue
            if casing.prose >= MIN_PROSE_TOKENS and not any(_name_evidence(doc[i], casing) for i in p):
                continue  # "Arson", "Driver Charged": the prose never writes any of it as a name
            if len(pieces) == 1 and p[0] == m.tok_start and p[-1] == m.tok_end - 1:
                if m.label == "PERSON" and m.tok_end - m.tok_start >= 3 and _occupation_before_name(doc, m):
                    _drop_first_word(doc, m)  # "Hire Maurice Cheeks"
                out.append(m)
                continue
            if p[0] != m.tok_start and not any(doc[i].lower_ in casing.capitalised for i in p):
                continue  # "Rehab" after "Lindsay Lohan Checks Into": a name only if the prose says so
            span = doc[p[0]:p[-1] + 1]
            piece = Found(span.start_char, span.end_char, span.start, span.end, span.text, m.label, m.kind)
            if piece.label == "PERSON" and span.end - span.start >= 3 and _occupation_before_name(doc, piece):
                _drop_first_word(doc, piece)  # "Hire Maurice Cheeks"
            out.append(piece)
    return out


def _trim_to_prose_name(doc: Doc, m: Found, casing: Casing, prose_names: set[str]) -> None:
    """ "Lindsay Lohan Check Into Betty Ford": a headline name that is a name of the prose
    followed by words the prose never capitalises mid-sentence is that name."""
    for end in range(m.tok_end - 1, m.tok_start + 1, -1):
        rest = doc[end:m.tok_end]
        if any(t.lower_ in casing.capitalised or not t.is_alpha for t in rest):
            return
        if name_key(doc[m.tok_start:end].text) in prose_names:
            m.tok_end = end
            m.end = doc[end - 1].idx + len(doc[end - 1].text)
            m.text = doc[m.tok_start:end].text
            return


def _common_opening_word(doc: Doc, m: Found, casing: Casing) -> bool:
    """A one-word "name" opening a sentence that the article's prose writes lower-case and never
    capitalised mid-sentence is an ordinary word ("Arson", "Gang", "Plane")."""
    if m.tok_end - m.tok_start != 1:
        return False
    token = doc[m.tok_start]
    if not (token.is_sent_start or _after_quote(doc, token)) or not token.is_alpha:
        return False
    forms = {token.lower_, token.lower_ + "s", token.lower_[:-1] if token.lower_.endswith("s") else token.lower_}
    return bool(forms & casing.lower) and not forms & casing.capitalised


def _drop_common_first_word(doc: Doc, m: Found, casing: Casing, verbs: set[str]) -> None:
    """ "Forward Tyler Hansbrough" opening a sentence: the capital says nothing there, so a first
    word the article otherwise writes lower-case is not part of the name; nor is a word before
    a common given name ("Actress Lindsay Lohan")."""
    first = doc[m.tok_start]
    if m.kb_id or m.tok_end - m.tok_start < 2:
        return
    if m.label == "PERSON" and m.tok_end - m.tok_start >= 3 and _occupation_before_name(doc, m):
        pass  # "Actress Lindsay Lohan", "Coach Maurice Cheeks": the given name starts the name
    elif not (first.is_sent_start or _after_quote(doc, first)):
        return
    elif not (first.is_alpha and first.lower_ in casing.lower and common_word(first, casing, verbs)):
        return
    _drop_first_word(doc, m)


def _drop_first_word(doc: Doc, m: Found) -> None:
    m.tok_start += 1
    m.start = doc[m.tok_start].idx
    m.text = doc[m.tok_start:m.tok_end].text


def _name_evidence(token, casing: Casing) -> bool:
    word = token.lower_
    return (word in casing.capitalised or word in casing.named and word not in casing.lower
            or people.is_given_name(token.text)
            or not token.is_alpha or token.is_upper and len(token) > 1)


def _occupation_before_name(doc: Doc, m: Found) -> bool:
    first, second = doc[m.tok_start], doc[m.tok_start + 1]
    return first.is_alpha and not people.is_given_name(first.text) and people.is_given_name(second.text)


def missed_people(doc: Doc, found: list[Found], casing: Casing, verbs: set[str]) -> list[Found]:
    """Full names the model left untagged ("Sixers Hire Maurice Cheeks as Head Coach",
    "Maurice Cheeks was officially introduced"): a common given name followed by one to
    three capitalised proper nouns outside any mention is a person. In a title-case line
    the words after the given name stop at the first common word ("Checks"). Returns the
    mentions with the new ones added, in text order."""
    covered = covered_tokens(doc, found)
    extra: list[Found] = []
    for token in doc:
        if covered[token.i] or not token.is_title or not token.is_alpha or not people.is_given_name(token.text):
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= 3 and _surname_word(doc[end], casing, verbs) and not covered[end]:
            end += 1
        if end == token.i + 1:
            continue
        span = doc[token.i:end]
        for i in range(token.i, end):
            covered[i] = True
        extra.append(Found(span.start_char, span.end_char, span.start, span.end, span.text, "PERSON",
                           entity=span.text))
    return sorted(found + extra, key=lambda m: m.start) if extra else found


def _surname_word(token, casing: Casing, verbs: set[str]) -> bool:
    if not (token.is_title and token.is_alpha and token.pos_ == "PROPN" and len(token.text) > 1):
        return False
    if token.lower_ in NOT_SURNAMES or "\n" in token.whitespace_:
        return False
    return not (casing.title_case[token.i] and common_word(token, casing, verbs))
