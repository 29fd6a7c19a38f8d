"""A place qualified by a larger one is one place: "Fort Smith, Ark.", "Indonesia's Aceh province";
and two streets joined by "and" name one corner ("at 97th Avenue and 117th Street").

News text pins a city to its state or country after a comma, and a region to its country
with a possessive. The pair names one place, the smaller one: the qualifier is not a
second actor of the sentence (a reader of "she was hit in Fort Smith, Ark." meets one
place). The two mentions become one, spanning both, resolved to the qualified place.
A list of places ("Texas, Oklahoma and Kansas") is not a qualification: the first item
must be neither a country nor a state, and the qualifier must be one.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.entities.mentions import Found
from newsgraph.reference import countries, regions

PLACE_LABELS = {"GPE", "LOC", "FAC"}
POSSESSIVE = {"'s", "’s"}
STREETS = {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive", "way", "place"}
PLACE_NOUNS = {"province", "state", "region", "island", "islands", "city", "county", "district", "territory"}


def qualified_places(doc: Doc, found: list[Found]) -> list[Found]:
    """Merge "City, State" and "Country's Region" pairs; the other mentions are returned unchanged."""
    by_start = {m.tok_start: m for m in found}
    merged: set[int] = set()  # ids of the qualifiers folded into another mention
    for m in found:
        if id(m) in merged or not _plain_place(m):
            continue
        qualifier = _after_comma(doc, m, by_start)
        if qualifier is not None:
            end_char, end_tok, absorbed = qualifier
            m.end, m.tok_end = end_char, end_tok
            m.text = doc[m.tok_start:m.tok_end].text
            m.qualified = True
            if absorbed is not None:
                merged.add(id(absorbed))
    for m in found:
        if id(m) in merged or not _is_region_or_country(m):
            continue
        inner = _possessed_place(doc, m, by_start)
        if inner is not None and id(inner) not in merged:
            inner.start, inner.tok_start = m.start, m.tok_start
            inner.text = doc[inner.tok_start:inner.tok_end].text
            inner.qualified = True
            merged.add(id(m))
    _street_corners(doc, found, by_start, merged)
    return [m for m in found if id(m) not in merged]


def _street_corners(doc: Doc, found: list[Found], by_start: dict[int, Found], merged: set[int]) -> None:
    """ "at 97th Avenue and 117th Street": two streets joined by "and" name one corner."""
    for m in found:
        if id(m) in merged or m.label not in PLACE_LABELS or m.text.split()[-1].lower().rstrip(".") not in STREETS:
            continue
        if m.tok_end + 1 >= len(doc) or doc[m.tok_end].lower_ != "and":
            continue
        other = by_start.get(m.tok_end + 1)
        if other is None or id(other) in merged or other.label not in PLACE_LABELS:
            continue
        if other.text.split()[-1].lower().rstrip(".") not in STREETS:
            continue
        m.end, m.tok_end = other.end, other.tok_end
        m.text = m.entity = doc[m.tok_start:m.tok_end].text
        m.label, m.kind, m.kb_id = "LOC", "name", None
        merged.add(id(other))


def _plain_place(m: Found) -> bool:
    """A place that a state or country can qualify: not itself a country, state or metonym."""
    return (m.label in PLACE_LABELS and m.kind in {"name", "alias"}
            and not (m.kb_id or "").startswith("country:") and not _is_region_or_country(m))


def _is_region_or_country(m: Found) -> bool:
    if m.label not in PLACE_LABELS or m.kind not in {"name", "alias"}:
        return False
    return (m.kb_id or "").startswith("country:") or regions.lookup(m.text) is not None


def _after_comma(doc: Doc, m: Found, by_start: dict[int, Found]) -> tuple[int, int, Found | None] | None:
    """ "Fort Smith, Ark.": the end of the qualifier after the comma, and its mention if it has one."""
    comma = m.tok_end
    if comma + 1 >= len(doc) or doc[comma].text != "," or "\n" in doc[comma].whitespace_:
        return None
    start = comma + 1
    other = by_start.get(start)
    if other is not None:
        if other.label not in PLACE_LABELS or other.kind not in {"name", "alias"}:
            return None
        end = other.tok_end
        country = (other.kb_id or "").startswith("country:") or countries.lookup(other.text) is not None
        if not country and regions.lookup(other.text) is None:
            return None
    else:
        end = next((e for e in (start + 3, start + 2, start + 1) if e <= len(doc)
                    and doc[start].text[:1].isupper() and regions.lookup(doc[start:e].text)), None)
        if end is None:
            return None
        country = False
    after = doc[end] if end < len(doc) else None
    if after is not None and after.text in POSSESSIVE:
        return None  # "In Moscow, Russia's foreign minister said": the country owns what follows
    if country and after is not None and after.pos_ in {"VERB", "AUX"}:
        return None  # "In Gaza, Israel said": the country is the subject
    return doc[end - 1].idx + len(doc[end - 1].text), end, other


def _possessed_place(doc: Doc, m: Found, by_start: dict[int, Found]) -> Found | None:
    """ "Indonesia's (northwestern) Aceh province": the place the country or state owns, if any."""
    at = m.tok_end
    if at >= len(doc) or doc[at].text not in POSSESSIVE:
        return None
    at += 1
    while at < len(doc) and at - m.tok_end <= 3 and doc[at].is_lower and doc[at].pos_ == "ADJ":
        at += 1  # "northwestern", "neighbouring"
    inner = by_start.get(at)
    if inner is not None and _place_named_as_person(doc, inner):
        inner.label = "GPE"  # "Indonesia's Aceh province": the small model's PERSON
    if inner is None or not _plain_place(inner):
        return None
    return inner


def _place_named_as_person(doc: Doc, m: Found) -> bool:
    """A one-word "person" the reference does not know, followed by "province", "state"...:
    after a country's possessive it is a region ("Russia's Putin" stays a person)."""
    after = doc[m.tok_end] if m.tok_end < len(doc) else None
    return (m.label == "PERSON" and m.kb_id is None and m.tok_end - m.tok_start == 1
            and after is not None and after.lower_ in PLACE_NOUNS)
