"""Within one article, short forms of a person's name resolve to the full name.

"Campbell" after "Kurt Campbell" is Kurt Campbell even where spaCy called it an ORG, and
"Laci" after "Laci Peterson" is Laci Peterson (a common given name written first);
"Kim" is Kim Jong Un (family name first); "Putin" alone is Vladimir Putin through the
reference table of safe short forms. Different people who share a surname in one
article each keep their own mentions: a short form goes to the nearest full name before it.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc

from newsgraph.extract.entities.mentions import Found, covered_tokens
from newsgraph.extract.entities.pronouns import PRONOUNS
from newsgraph.extract.entities.types import PLACE_NOUNS, PLACE_PREPOSITIONS
from newsgraph.reference import countries, organisations, people
from newsgraph.reference.keys import name_key

# "Jong-un", "Jae-in": a hyphenated Korean given name means the family name comes first
_EAST_ASIAN_GIVEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


class SurnameIndex:
    """Where each full name appears, by the short forms that can stand for it."""

    def __init__(self) -> None:
        self.by_key: dict[str, list[tuple[int, str]]] = {}  # short key -> [(char offset, canonical)]

    def add(self, short: str, offset: int, canonical: str) -> None:
        self.by_key.setdefault(name_key(short), []).append((offset, canonical))

    def __contains__(self, short: str) -> bool:
        return name_key(short) in self.by_key

    def resolve(self, short: str, offset: int) -> str | None:
        """The full name nearest before ``offset`` (else the first one after it)."""
        places = sorted(self.by_key.get(name_key(short), []))
        if not places:
            return None
        i = bisect_right(places, (offset, "\uffff"))
        return places[i - 1][1] if i else places[0][1]


# Common Chinese, Korean and Vietnamese family names, written first in English news.
EAST_ASIAN_FAMILY_NAMES = {
    "Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu",
    "Guo", "He", "Lin", "Gao", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Han", "Feng", "Deng", "Cao",
    "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai", "Jiang", "Yu", "Du", "Ye", "Cheng", "Wei",
    "Su", "Lu", "Ding", "Ren", "Shen", "Yao", "Xi", "Qin", "Kim", "Lee", "Park", "Choi", "Jeong", "Kang", "Cho",
    "Yoon", "Jang", "Lim", "Moon", "Shin", "Nguyen", "Tran", "Pham", "Hoang", "Vo", "Phan",
}
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def name_words(name: str) -> list[str]:
    """Capitalised words of a name without generational suffixes ("Patrick Carlineo Jr." → 2 words)."""
    return [w for w in name.replace("’", "'").split() if w[:1].isupper() and w.lower() not in SUFFIXES]


def short_forms(surface: str, canonical: str) -> list[str]:
    """The single words that can stand for a full name: the surname, or the family name
    when it comes first ("Kim Jong-un" → "Kim")."""
    words = name_words(surface)
    if len(words) < 2:
        return []
    known = people.lookup(canonical)
    if known and known.family_first or any(_EAST_ASIAN_GIVEN.match(w) for w in words[1:]):
        forms = [words[0]]
    elif words[0] in EAST_ASIAN_FAMILY_NAMES and len(words) <= 3:
        forms = [words[0], words[-1]]  # "Liu Xiaming" is probably Liu, but "Lee Anderson" is Anderson
    else:
        forms = [words[-1]]
    if known:
        forms += list(known.short)
    return forms


def first_name(surface: str, canonical: str) -> str | None:
    """The given name a full name can be called by alone ("Laci" for Laci Peterson, "Taylor"
    for Taylor Swift): the first word, unless the family name comes first."""
    words = name_words(surface)
    if len(words) < 2 or words[0] in EAST_ASIAN_FAMILY_NAMES or _EAST_ASIAN_GIVEN.match(words[-1]):
        return None
    known = people.lookup(canonical)
    if known and known.family_first or len(words[0].rstrip(".")) < 2:
        return None
    return words[0]


def resolve_people(doc: Doc, found: list[Found]) -> list[Found]:
    """Resolve person short forms in place; relabel surnames spaCy mislabelled; add surname
    mentions spaCy missed. Returns the (possibly longer) list of mentions, in text order."""
    merge_name_variants(found)
    index = SurnameIndex()
    given_names = SurnameIndex()  # first words that are not common given names: for mentions spaCy calls people
    for m in found:
        if m.label == "PERSON" and len(m.text.split()) >= 2:
            canonical = m.entity or m.text
            for short in short_forms(m.text, canonical):
                index.add(short, m.start, canonical)
            given = first_name(m.text, canonical)
            if given:
                (index if people.is_given_name(given) else given_names).add(given, m.start, canonical)
    singles = [m for m in found if len(m.text.split()) == 1 and (m.label == "PERSON" or m.text in index
               and not _is_place_or_org(m) and not _written_as_place(doc, m))]
    full_of = {}
    for m in singles:
        full = index.resolve(m.text, m.start)
        if not full and m.label == "PERSON" and not m.kb_id:
            full = given_names.resolve(m.text, m.start)  # "Taylor" after "Taylor Swift"
        full_of[id(m)] = full
    # "Peterson was found guilty of murdering his wife" beside Laci Peterson: the bare surname is
    # another person, and a writer keeps it for that one person throughout the article
    reserved = {name_key(m.text) for m in singles
                if full_of[id(m)] and other_gender(doc, m.tok_start, m.tok_end, full_of[id(m)], found)}
    for m in singles:
        full = full_of[id(m)]
        if name_key(m.text) in reserved:
            m.label, m.kind, m.entity, m.kb_id = "PERSON", "name", m.text, None
            continue
        if full:
            m.label, m.entity, m.kind = "PERSON", full, "alias"
            known = people.lookup(full)
            m.kb_id = known.kb_id if known else None
        elif m.label == "PERSON":
            known = people.by_short(m.text)
            if known:
                m.entity, m.kind, m.kb_id = known.name, "alias", known.kb_id
    return sorted(found + _missed_surnames(doc, found, index, reserved), key=lambda m: m.start)


def merge_name_variants(found: list[Found]) -> None:
    """ "Patrick Carlineo Jr.", "Pat Carlineo" and "Patrick W. Carlineo" in one article are one
    person: same surname and compatible given names. Each group takes the reference name
    if one is known, else its longest form (the first of equals). "Joe Blinken" and "Antony
    Blinken" stay apart."""
    groups: list[list[Found]] = []
    for m in found:
        if m.label != "PERSON" or len(name_words(m.text)) < 2:
            continue
        group = next((g for g in groups if compatible(g[0].text, m.text)), None)
        if group is None:
            groups.append([m])
        else:
            group.append(m)
    for m in found:  # "Mo Cheeks" tagged ORG beside "Maurice Cheeks": a variant of the person's name
        if m.label in {"ORG", "GPE", "LOC"} and m.kb_id is None and len(name_words(m.text)) == 2:
            group = next((g for g in groups if compatible(g[0].text, m.text)), None)
            if group is not None:
                m.label = "PERSON"
                group.append(m)
    for group in groups:
        if len({name_key(m.text) for m in group}) < 2:
            continue
        known = next((m for m in group if (m.kb_id or "").startswith("person:")), None)
        canonical = known.entity if known else max((m.text for m in group), key=lambda t: len(t.split()))
        for m in group:
            if m.entity != canonical:
                m.entity, m.kind = canonical, "alias"
                m.kb_id = known.kb_id if known else m.kb_id


def compatible(a: str, b: str) -> bool:
    """Whether two full names can be the same person: same surname, and the first given names
    equal, one an initial or a prefix of the other ("Pat"/"Patrick"), or a known nickname."""
    wa, wb = name_words(a), name_words(b)
    if len(wa) < 2 or len(wb) < 2 or name_key(wa[-1]) != name_key(wb[-1]):
        return False
    ga, gb = name_key(wa[0]), name_key(wb[0])
    if ga == gb or people.NICKNAMES.get(ga, ga) == people.NICKNAMES.get(gb, gb):
        return True
    short, long_ = sorted((ga, gb), key=len)
    if len(short) == 1:
        return long_.startswith(short)
    return len(short) >= 3 and long_.startswith(short)


def other_gender(doc: Doc, start: int, end: int, full: str, found: list[Found]) -> bool:
    """Whether a short form that is a clause subject is referred to in its own clause by a
    he/she/his/her of the other gender than the full name's (given name or reference row):
    "Peterson was found guilty of murdering his wife" is not Laci Peterson."""
    gender = people.gender(full)
    token = doc[end - 1]
    if gender is None or token.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = token.head
    person_starts = {m.tok_start for m in found if m.label == "PERSON"}
    for i in range(end, min(token.sent.end, end + 15)):
        if i in person_starts:
            return False
        said = PRONOUNS.get(doc[i].lower_)
        if said is not None and doc[i].pos_ == "PRON":
            return said != gender and _in_clause_of(doc[i], verb)
    return False


def _in_clause_of(token, verb) -> bool:
    """The token hangs under ``verb`` without passing a verb that has a subject of its own."""
    while token.i != verb.i:
        if token.head.i == token.i:
            return False
        token = token.head
        if token.i != verb.i and token.pos_ in {"VERB", "AUX"} and any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
            return False
    return True


def _written_as_place(doc: Doc, m: Found) -> bool:
    """A bare name the model tagged a place and the text writes as one ("the province of Aceh",
    "in Aceh", "Aceh province", "Indonesia's Aceh") is no surname, whatever longer name ends in it."""
    if m.label not in {"GPE", "LOC"}:
        return False
    before = doc[m.tok_start - 1].lower_ if m.tok_start > 0 else ""
    before2 = doc[m.tok_start - 2].lower_ if m.tok_start > 1 else ""
    after = doc[m.tok_end].lower_ if m.tok_end < len(doc) else ""
    return (before in PLACE_PREPOSITIONS or before == "of" and before2 in PLACE_NOUNS or after in PLACE_NOUNS
            or before in {"'s", "’s"} and m.tok_start > 1 and countries.resolve(doc[m.tok_start - 2].text) is not None)


def _is_place_or_org(m: Found) -> bool:
    """Mentions the reference tables know as something other than a person stay what they are."""
    return bool((m.kb_id or "").split(":")[0] in {"country", "capital", "seat", "demonym", "org", "outlet"}
                or countries.resolve(m.text) or organisations.lookup(m.text))


def _missed_surnames(doc: Doc, found: list[Found], index: SurnameIndex, reserved: set[str]) -> list[Found]:
    """Capitalised tokens outside any mention that are the surname of a person in the article."""
    if not index.by_key:
        return []
    covered = covered_tokens(doc, found)
    extra = []
    for token in doc:
        if covered[token.i] or not token.is_title or token.text not in index:
            continue
        full = index.resolve(token.text, token.idx)
        if full and name_key(token.text) not in reserved:
            known = people.lookup(full)
            extra.append(Found(token.idx, token.idx + len(token.text), token.i, token.i + 1, token.text,
                               "PERSON", "alias", full, known.kb_id if known else None))
    return extra


def canonical_person(m: Found) -> None:
    """Full names: the reference spelling when the person is known, else the name as written."""
    if m.label != "PERSON" or m.entity and m.kb_id:
        return
    known = people.lookup(m.text)
    if known:
        m.entity, m.kb_id = known.name, known.kb_id
        m.kind = "name" if name_key(m.text) == name_key(known.name) else "alias"
    elif not m.entity:
        m.entity = m.text
