"""People, organisations and places in one article: the entity steps run in order.

Every step looks only at a mention's neighbouring tokens or at small per-article
indexes, so the cost stays linear in the article's length. The steps are listed in the
package's ``__init__``.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from newsgraph.annotate import verb_lemmas
from newsgraph.extract.entities.aliases import canonical_person, resolve_people
from newsgraph.extract.entities.headlines import cut_headline_names, missed_people, read_casing
from newsgraph.extract.entities.linking import known_aliases, link, one_word_outlets
from newsgraph.extract.entities.mentions import Found, name_mentions, prize_modifiers
from newsgraph.extract.entities.metonymy import demonym_places, korean_regions, people_of_places
from newsgraph.extract.entities.places import qualified_places
from newsgraph.extract.entities.orgnames import bracketed_codes, leading_words, names_with_and, product_makers, organisation_aliases, team_names, team_nicknames, untagged_teams
from newsgraph.extract.entities.pronouns import mark_subjects, resolve_pronouns
from newsgraph.extract.entities.roles import find_roles, title_mentions
from newsgraph.extract.entities.titlewords import TITLE_WORDS
from newsgraph.extract.entities.types import decide_types
from newsgraph.records import Article, Entity, Mention, Role
from newsgraph.reference.keys import entity_id

ALIAS_KINDS = {"name", "alias", "metonym"}
LABEL_PRIORITY = {"PERSON": 4, "ORG": 3, "GPE": 2, "LOC": 1}


def find_entities(article: Article, doc: Doc) -> tuple[list[Mention], list[Entity]]:
    """Mentions with spans into ``article.text`` and the article's entities.

    ``Mention.entity`` is the canonical name ("Kurt Campbell" for "Campbell" and for the
    "he" that refers to him); ``Mention.type`` is the type of that entity (a demonym or a
    capital standing for a country is a GPE mention of the country).
    """
    casing, verbs = read_casing(doc), verb_lemmas()
    found = cut_headline_names(doc, name_mentions(doc), casing, verbs)
    found = team_names(doc, found, casing, verbs)
    found = product_makers(doc, found, casing)
    found = names_with_and(doc, found, casing)
    for m in found:
        link(doc, m)
    found = korean_regions(doc, found)
    demonym_places(doc, found)
    found = qualified_places(doc, found)
    people_of_places(doc, found, casing)
    found = organisation_aliases(doc, found)
    found = bracketed_codes(doc, found)
    found = team_nicknames(doc, found)
    found = untagged_teams(doc, found, casing)
    found = one_word_outlets(doc, found, casing)
    found = missed_people(doc, found, casing, verbs)
    for m in found:
        canonical_person(m)
    found = resolve_people(doc, found)
    found = [m for m in found if not _title_fragment(m)]
    found = prize_modifiers(doc, found)
    decide_types(doc, found)
    _one_label_per_name(found)
    leading_words(doc, found)
    mark_subjects(doc, found)
    roles = find_roles(doc, article.id, found)
    titles = title_mentions(doc, roles, found)
    pronouns = resolve_pronouns(doc, found + titles)
    everything = sorted(found + titles + pronouns, key=lambda m: (m.start, m.end))
    mentions = [Mention(article.id, m.start, m.end, m.text, m.label, m.entity, m.kind) for m in everything]
    return mentions, build_entities(everything, roles)


def _title_fragment(m: Found) -> bool:
    """ "State" out of "Secretary of State": an unlinked single title word that is not a person
    ("Interior Ministry" stays: two words make a name)."""
    return m.label != "PERSON" and m.kb_id is None and " " not in m.text and m.text.lower() in TITLE_WORDS


def _one_label_per_name(found: list[Found]) -> None:
    """A name the reference does not know gets the label most of its mentions have, so that
    "Claure" tagged once ORG and once GPE is one entity, not two."""
    labels: dict[str, Counter] = {}
    for m in found:
        if m.kb_id is None and m.entity and not m.own_label:
            labels.setdefault(m.entity, Counter())[m.label] += 1
    for m in found:
        if m.kb_id is None and m.entity and not m.own_label and len(labels[m.entity]) > 1:
            m.label = max(labels[m.entity].items(), key=lambda item: (item[1], LABEL_PRIORITY.get(item[0], 0)))[0]


def build_entities(found: list[Found], roles: list[Role]) -> list[Entity]:
    """One Entity per (type, canonical name), with its roles and its aliases: the surfaces it
    appears under in the article first, then the other names the reference tables know."""
    entities: dict[tuple[str, str], Entity] = {}
    for m in found:
        if not m.entity:
            continue
        key = (m.label, m.entity)
        entity = entities.get(key)
        if entity is None:
            entity = entities[key] = Entity(name=m.entity, type=m.label, kb_id=_kb(m), id=entity_id(m.entity, m.label))
        if entity.kb_id is None:
            entity.kb_id = _kb(m)
        # "ATI Technologies (ATYT)" gives the aliases "ATI Technologies" and "ATYT"
        surfaces = [m.text[:m.text.rfind("(")].rstrip(), m.code] if m.code else [m.text]
        for surface in surfaces:
            if m.kind in ALIAS_KINDS and not m.qualified and surface != m.entity and surface not in entity.aliases:
                entity.aliases.append(surface)
    for entity in entities.values():
        for alias in known_aliases(entity.name, entity.type, entity.kb_id):
            if alias != entity.name and alias not in entity.aliases:
                entity.aliases.append(alias)
    for role in roles:
        entity = entities.get(("PERSON", role.entity))
        if entity is not None:
            entity.roles.append(role)
    return list(entities.values())


def _kb(m: Found) -> str | None:
    return m.kb_id if m.kb_id and m.kb_id.split(":")[0] in {"country", "capital", "person", "org", "outlet"} else None
