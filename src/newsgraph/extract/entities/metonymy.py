"""Places the name tables cannot see: "the North" and "the South" standing for North and
South Korea in articles about Korea, landforms named by an adjective ("Korean peninsula"),
and place names used as adjectives of people ("an Arkansas woman", "South Sudan officials")."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.entities.mentions import Found
from newsgraph.extract.entities.titlewords import HEADS, PEOPLE_NOUNS, TITLE_ABBREVIATIONS
from newsgraph.reference import countries

KOREAS = {"North": "PRK", "South": "KOR"}
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


def people_of_places(doc: Doc, found: list[Found]) -> None:
    """ "an Arkansas woman", "a Brooklyn mother of 12", "South Sudan officials": a place name
    written before a noun for people says where they are from, as "Russian" does in "Russian
    officials"; so does one written before a title ("Alaska Gov. Sarah Palin"). Such a mention is a ``demonym`` of the place, not the place as an actor (the
    actor is the person). Changes mentions in place."""
    for m in found:
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
        head = last.head
        if last.dep_ != "compound" or not m.tok_end <= head.i <= m.tok_end + 2 or not head.is_lower:
            continue
        if any(not t.is_lower for t in doc[m.tok_end:head.i]):
            continue  # another name in between: "Texas Lifer Escapes"
        if head.lemma_ in PEOPLE_NOUNS or head.lower_ in PEOPLE_NOUNS or head.lemma_ in HEADS:
            m.kind = "demonym"


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
