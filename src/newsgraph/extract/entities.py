"""People, organisations and places in one article, with aliases and roles resolved."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.records import Article, Entity, Mention


def find_entities(article: Article, doc: Doc) -> tuple[list[Mention], list[Entity]]:
    """Mentions with spans into ``article.text`` and the article's entities.

    First version: spaCy's entities, each surface its own entity.
    """
    wanted = {"PERSON", "ORG", "GPE", "LOC", "NORP"}
    mentions = [Mention(article.id, e.start_char, e.end_char, e.text, e.label_, e.text)
                for e in doc.ents if e.label_ in wanted]
    entities: dict[str, Entity] = {}
    for m in mentions:
        entities.setdefault(m.text, Entity(name=m.text, type=m.type))
    return mentions, list(entities.values())
