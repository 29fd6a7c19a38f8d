"""Places the name tables cannot see: "the North" and "the South" standing for North and
South Korea in articles about Korea, landforms named by an adjective ("Korean peninsula"),
and place names used as adjectives of people ("an Arkansas woman", "South Sudan officials")."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.entities.headlines import Casing
from newsgraph.extract.entities.mentions import Found
from newsgraph.extract.entities.titlewords import HEADS, PEOPLE_NOUNS, TITLE_ABBREVIATIONS
from newsgraph.reference import countries, people

KOREAS = {"North": "PRK", "South": "KOR"}
# Nouns that say only who someone is, not what they do: before them an unknown name the model
# called a person or an organisation is where the person is from ("a Schenectady man").
RESIDENT_NOUNS = {"man", "woman", "boy", "girl", "teen", "teenager", "child", "kid", "baby", "mother", "father",
                  "mom", "mum", "dad", "resident", "native", "men", "women", "residents", "natives"}
GEOGRAPHY = {"peninsula", "sea", "gulf", "strait", "straits", "archipelago", "plateau"}


def demonym_places(doc: Doc, found: list[Found]) -> None:
    """ "Korean peninsula", "Arabian Sea": an adjective of nationality followed by a landform is
    a place (LOC), not a mention of a people or a country. Changes mentions in place."""
    for m in found:
        if m.label not in {"NORP", "GPE"} or m.kind not in {"name", "demonym"} or m.tok_end >= len(doc):
            continue
        after = doc[m.tok_end]
        if after.lower_ in GEOGRAPHY:
            m.tok_end += 1
            m.end = after.idx + len(after.text)
            m.text = doc[m.tok_start:m.tok_end].text
            m.label, m.kind, m.kb_id = "LOC", "name", None
            m.entity = " ".join(w[:1].upper() + w[1:] for w in m.text.split())


def people_of_places(doc: Doc, found: list[Found], casing: Casing | None = None) -> None:
    """ "an Arkansas woman", "a Brooklyn mother of 12", "South Sudan officials": a place name
    written before a noun for people says where they are from, as "Russian" does in "Russian
    officials"; so does one written before a title ("Alaska Gov. Sarah Palin"). Such a mention is a ``demonym`` of the place, not the place as an actor (the
    actor is the person). In a title-case line the noun is capitalised too ("Texas Inmate on
    the Loose", "Texas Prison Escapee"). An unknown one-word name the model called a person or an
    organisation is such a place before a noun that only says who someone is ("A Schenectady
    man", "a 66-year-old Burnsville woman"). Changes mentions in place."""
    places = {m.text for m in found if m.label in {"GPE", "LOC"}}
    for m in found:
        if casing is not None and _headline_people(doc, m, casing, places):
            m.kind = "demonym"
            continue
        if _resident_of_unknown_place(doc, m, found):
            m.kind = "demonym"
            continue
        if m.label not in {"GPE", "LOC"} or m.kind not in {"name", "alias"} or m.qualified:
            continue
        after = doc[m.tok_end] if m.tok_end < len(doc) else None
        if after is not None and after.lower_.rstrip(".") in HEADS | TITLE_ABBREVIATIONS and m.tok_end < len(doc) - 1:
            m.kind = "demonym"  # "Alaska Gov. Sarah Palin", "Alaska Governor": the place of the office
            continue
        if m.tok_end + 1 < len(doc) and doc[m.tok_end].text == "-" and doc[m.tok_end + 1].lower_ == "based":
            m.kind = "demonym"  # "Canada-based ATI": where the company is, not Canada as an actor
            continue
        last = doc[m.tok_end - 1]
        if (after is not None and after.is_lower and _people_noun(after) and last.dep_ == "compound"
                and after.dep_ == "compound" and after.head.i > after.i):
            m.kind = "demonym"  # "Texas convict Arcade Joseph Comeaux": the noun is a title of the name after it
            continue
        head = last.head
        if last.dep_ != "compound" or not m.tok_end <= head.i <= m.tok_end + 2 or not head.is_lower:
            continue
        if any(not t.is_lower for t in doc[m.tok_end:head.i]):
            continue  # another name in between: "Texas Lifer Escapes"
        if head.lemma_ in PEOPLE_NOUNS or head.lower_ in PEOPLE_NOUNS or head.lemma_ in HEADS:
            m.kind = "demonym"


def _people_noun(token) -> bool:
    word = token.lower_
    return word in PEOPLE_NOUNS or word.endswith("s") and word[:-1] in PEOPLE_NOUNS or token.lemma_.lower() in PEOPLE_NOUNS


def _headline_people(doc: Doc, m: Found, casing: Casing, places: set[str]) -> bool:
    """A place of a title-case line followed by a capitalised noun for people, with at most one
    word the prose writes lower-case in between ("Texas Prison Escapee"); the model's labels are
    poor in such lines, so a name the article writes as a place elsewhere counts as one."""
    if m.label not in {"GPE", "LOC"} and m.text not in places or m.kind not in {"name", "alias"} or m.qualified or not casing.title_case[m.tok_start]:
        return False
    for i in range(m.tok_end, min(m.tok_end + 2, len(doc))):
        token = doc[i]
        if not token.is_alpha or not token.text[:1].isupper() or not casing.title_case[i]:
            return False
        if _people_noun(token):
            return True
        if token.lower_ not in casing.lower:
            return False
    return False


def _resident_of_unknown_place(doc: Doc, m: Found, found: list[Found]) -> bool:
    if m.label not in {"PERSON", "ORG"} or m.kb_id or m.kind != "name" or m.tok_end - m.tok_start != 1:
        return False
    if m.tok_end >= len(doc) or m.tok_start == 0:
        return False
    token, after = doc[m.tok_start], doc[m.tok_end]
    if not (after.is_lower and (after.lower_ in RESIDENT_NOUNS or after.lemma_ in RESIDENT_NOUNS)) or token.head.i != after.i:
        return False
    if m.label == "PERSON" and people.is_given_name(token.text):
        return False
    if doc[m.tok_start - 1].tag_ == "POS" or doc[m.tok_start - 1].text in {"'s", "’s"}:
        return False  # "Smith's man"
    # a surname of a person the article names in full ("the Peterson man" beside "Scott Peterson") stays
    return not any(o is not m and o.label == "PERSON" and o.text.split()[-1] == token.text and " " in o.text for o in found)


def korean_regions(doc: Doc, found: list[Found]) -> list[Found]:
    """Replace spaCy's "North"/"South" (or add them) as metonyms of the two Koreas, when the
    article already names one of them; other mentions are returned unchanged."""
    if not any((m.kb_id or "").endswith(("PRK", "KOR")) for m in found):
        return found
    by_token = {m.tok_start: m for m in found}
    kept = list(found)
    for token in doc:
        code = KOREAS.get(token.text)
        if code is None or token.i == 0 or doc[token.i - 1].lower_ != "the":
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and after.is_title and not after.is_punct:  # "the North Atlantic", "the South China Sea"
            continue
        if after is not None and after.lower_ in {"korea", "korean", "koreans"}:
            continue
        old = by_token.get(token.i)
        if old is not None:
            kept.remove(old)
        country = countries.by_code(code)
        start = doc[token.i - 1].idx
        kept.append(Found(start, token.idx + len(token.text), token.i - 1, token.i + 1,
                          doc[token.i - 1:token.i + 1].text, "GPE", "metonym", country.name, country.kb_id))
    return sorted(kept, key=lambda m: m.start)
