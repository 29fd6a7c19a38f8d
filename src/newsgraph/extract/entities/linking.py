"""Link name mentions to the bundled reference data: countries, capitals, seats of
government, demonyms, organisations, outlets and known people.

Capitals and seats used for a government become ``metonym`` mentions of the country
("Moscow received ..." → Russia); a capital used as a place ("in Pyongyang") stays a
mention of the city. Demonyms become ``demonym`` mentions of the country.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.entities.mentions import Found, covered_tokens
from newsgraph.reference import countries, organisations, people
from newsgraph.reference.keys import name_key

LOCATIVE = {"in", "at", "near", "outside", "around", "inside", "across", "via", "within", "throughout"}
GOVERNMENT_NOUNS = {"official", "government", "authority", "leader", "leadership", "diplomat", "regime",
                    "administration", "policy", "envoy", "negotiator", "delegation", "ally", "partner"}
PLACE_OWNERS = {"street", "mayor", "city", "resident", "people", "outskirts", "centre", "center", "suburb", "heart",
                "district", "area", "airport", "university", "museum", "neighbourhood", "neighborhood", "part",
                "north", "south", "east", "west", "map", "population", "skyline", "sky", "weather"}
MOTION = {"visit", "visits", "visited", "trip", "travel", "travelled", "traveled", "flew", "fly", "came", "come",
          "went", "go", "arrived", "arrive", "returned", "return", "journey", "moved", "way", "road", "back"}


def link(doc: Doc, m: Found) -> None:
    """Set entity, kb_id, label and kind of one mention from the reference tables, in place."""
    prefix, _, value = (m.kb_id or "").partition(":")
    if prefix == "person":
        person = people.lookup(value)
        if person and _written_as(m.text, person):
            _person(m, person)
        else:  # "Joe Blinken": the ruler matched "Blinken", but this is not Antony Blinken
            m.kb_id = None
            _by_text(doc, m)
    elif prefix == "country":
        _country(m, countries.by_code(value), "GPE")
    elif prefix == "capital":
        _capital(doc, m, countries.by_code(value))
    elif prefix == "seat":
        _metonym(m, countries.by_code(value))
    elif prefix == "demonym":
        _demonym(m, countries.by_code(value))
    elif prefix == "org":
        _org(m, organisations.lookup(value) or organisations.lookup(m.text))
    elif prefix == "outlet":
        _outlet(m)
    else:
        m.kb_id = None
        _by_text(doc, m)


def _written_as(text: str, person) -> bool:
    """Whether a surface is one of the known ways of writing this person."""
    key = name_key(text)
    return key in {name_key(n) for n in (person.name, *person.aliases, *person.short)}


def _by_text(doc: Doc, m: Found) -> None:
    """No ruler id: try the tables by the text itself, in the order the label suggests."""
    text = m.text
    country = countries.lookup(text) if m.label in {"NORP", "GPE", "LOC", "ORG", "FAC"} else None
    if country is None and m.label in {"NORP", "GPE", "LOC", "ORG"}:
        people_of = countries.by_demonym(text)  # the NER labels a bare "Ukrainian" GPE as often as NORP
        if people_of:
            _demonym(m, people_of)
            return
    if m.label == "NORP":
        m.entity = text
        return
    if m.label in {"GPE", "LOC", "ORG", "FAC"}:
        if country:
            _country(m, country, "GPE")
            return
        capital = countries.by_capital(text)
        if capital and m.label != "ORG":
            _capital(doc, m, capital)
            return
        seat = countries.by_seat(text)
        if seat:
            _metonym(m, seat)
            return
        org = organisations.lookup(text)
        if org:
            _org(m, org)
            return
        if _outlet(m):
            return
    if m.label == "PERSON":
        known = people.lookup(text)
        if known:
            _person(m, known)
            return
        if _outlet(m):
            return
    m.entity = text[4:] if m.label == "ORG" and text.startswith("The ") else text
    if m.label == "FAC":
        m.label = "LOC"


def _person(m: Found, person) -> None:
    m.label = "PERSON"
    if person is None:
        m.entity = m.text
        return
    m.entity, m.kb_id = person.name, person.kb_id
    m.kind = "name" if name_key(m.text) == name_key(person.name) else "alias"


def _country(m: Found, country, label: str) -> None:
    if country is None:
        m.entity = m.text
        return
    m.label, m.entity, m.kb_id = label, country.name, country.kb_id
    m.kind = "name" if name_key(m.text) == name_key(country.name) else "alias"


def _capital(doc: Doc, m: Found, country) -> None:
    if country is None:
        m.entity = m.text
        return
    if used_as_place(doc, m.tok_start, m.tok_end):
        m.label, m.entity, m.kb_id, m.kind = "GPE", country.capital, f"capital:{country.iso3}", "name"
        if name_key(m.text) != name_key(country.capital):
            m.kind = "alias"
    else:
        _metonym(m, country)


def _metonym(m: Found, country) -> None:
    if country is None:
        m.entity = m.text
        return
    m.label, m.entity, m.kb_id, m.kind = "GPE", country.name, country.kb_id, "metonym"


def _demonym(m: Found, country) -> None:
    if country is None:
        m.entity = m.text
        return
    m.label, m.entity, m.kb_id, m.kind = "GPE", country.name, country.kb_id, "demonym"


def _org(m: Found, org) -> None:
    m.label = "ORG"
    if org is None:
        m.entity = m.text
        return
    m.entity, m.kb_id = org.name, org.kb_id
    m.kind = "name" if name_key(m.text) == name_key(org.name) else "alias"


def _outlet(m: Found) -> bool:
    """An outlet by name, alias or domain ("Euromaidanpress.com"); False if the table has none."""
    outlet = outlet_named(m.text)
    if outlet is None:
        if (m.kb_id or "").startswith("outlet:"):
            m.label, m.entity = "ORG", m.text
            return True
        return False
    m.label, m.entity, m.kb_id = "ORG", outlet.name, f"outlet:{name_key(outlet.name)}"
    m.kind = "name" if name_key(m.text) == name_key(outlet.name) else "alias"
    return True


def outlet_named(name: str):
    """The outlet with this name, or None (also when the outlet table is not available)."""
    try:
        from newsgraph.reference.outlets import default_outlets
        return default_outlets().from_name(name)
    except (ImportError, OSError, ValueError, AttributeError):
        return None


def used_as_place(doc: Doc, tok_start: int, tok_end: int | None = None) -> bool:
    """Whether a capital is named as a place ("in Pyongyang", "visit to Moscow", "London
    police", "the streets of Beijing", "Washington, D.C.") rather than for its government
    ("Moscow received", "between Seoul and Pyongyang", "Washington officials")."""
    if doc[tok_start].is_upper and len(doc[tok_start]) > 2:
        return True  # a dateline: "VIENNA — The house where ..."
    last = doc[(tok_end or tok_start + 1) - 1]
    if last.dep_ == "compound" and last.head.lemma_.lower() not in GOVERNMENT_NOUNS:
        return True  # "London police", "the Beijing Olympics"
    if last.dep_ == "npadvmod" and last.head.lower_ == "based":
        return True  # "London-based"
    if last.dep_ == "pobj" and last.head.lower_ == "of" and last.head.head.lemma_.lower() in PLACE_OWNERS:
        return True  # "the mayor of London", "the streets of Beijing"
    if any(child.dep_ == "appos" for child in last.children):
        return True  # "Washington, D.C."
    if tok_start == 0:
        return False
    before = doc[tok_start - 1].lower_
    if before in LOCATIVE or before in {"capital", "city"}:  # "the capital Kabul"
        return True
    if before in {"to", "from"} and tok_start > 1:
        return doc[tok_start - 2].lower_ in MOTION or doc[tok_start - 2].lemma_.lower() in MOTION
    return False


def known_aliases(name: str, type_: str, kb_id: str | None) -> list[str]:
    """Other names the reference tables know for an entity ("DPRK", "U.S.", "Kim Jong-un"),
    plus the short form a person's full name allows ("Stoltenberg", "Kim")."""
    from newsgraph.extract.entities.aliases import short_forms

    prefix, _, value = (kb_id or "").partition(":")
    if type_ == "PERSON":
        person = people.lookup(name)
        listed = [*person.aliases, *person.short] if person else []
        return listed + short_forms(name, name)
    if prefix == "country":
        country = countries.by_code(value)
        return list(country.aliases) if country else []
    if prefix == "org":
        org = organisations.lookup(name)
        return [*org.aliases, *([org.code] if org.code else [])] if org else []
    if prefix == "outlet":
        outlet = outlet_named(name)
        return list(outlet.aliases) if outlet else []
    return []


REPORTING = {"say", "tell", "report", "confirm", "reveal", "speak", "talk", "write", "quote", "accord", "add"}


def one_word_outlets(doc: Doc, found: list[Found], casing) -> list[Found]:
    """ "her rep told People", "according to People", "People reported": a one-word outlet of the
    table that is also a plain word ("People", "Time", "Variety") is the outlet when it is written
    capitalised mid-sentence as the one told, the source or the teller. The ruler leaves such names
    out because elsewhere they are plain words."""
    covered = covered_tokens(doc, found)
    extra: list[Found] = []
    openers = []  # sentence-initial ones count once the article names the outlet mid-sentence
    for token in doc:
        if covered[token.i] or not token.is_alpha or not (token.is_title or token.is_upper and len(token) > 2):
            continue
        if casing.title_case[token.i]:
            continue
        outlet = outlet_named(token.text)
        if outlet is None or name_key(outlet.name) != name_key(token.text) or not _told_or_telling(token):
            continue
        m = Found(token.idx, token.idx + len(token.text), token.i, token.i + 1, token.text, "ORG",
                  "name", outlet.name, f"outlet:{name_key(outlet.name)}")
        (openers if token.is_sent_start else extra).append(m)
    named = {m.entity for m in extra}
    extra += [m for m in openers if m.entity in named]
    return sorted(found + extra, key=lambda m: m.start) if extra else found


def _told_or_telling(token) -> bool:
    head = token.head
    if token.dep_ in {"dobj", "dative", "iobj", "nsubj"} and head.lemma_ in REPORTING:
        return True
    return token.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_ in REPORTING
