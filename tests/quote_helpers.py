"""Shared helpers for the quote, citation and event tests: inline articles and hand-made mentions.

Mentions are written by hand so these tests check the quote, citation and event extractors
alone, whatever the entity extractor does; one test per module runs the real ``extract``.
"""

from __future__ import annotations

import re

from newsgraph.annotate.nlp import load_pipeline
from newsgraph.records import Article, Entity, Mention, Role


def article(*paragraphs: str, title: str | None = None, published: str | None = None) -> Article:
    return Article(id="t", origin="test", title=title, paragraphs=list(paragraphs), published=published)


def parse(a: Article):
    return load_pipeline()(a.text)


def mentions(a: Article, *specs: tuple[str, str, str, str]) -> list[Mention]:
    """Every whole-word occurrence of each (surface, type, entity, kind) in the article text."""
    found = []
    for surface, type_, entity, kind in specs:
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", a.text):
            found.append(Mention(a.id, m.start(), m.end(), surface, type_, entity, kind))
    return sorted(found, key=lambda m: (m.start, m.end))


def person(name: str, *roles: str) -> Entity:
    return Entity(name=name, type="PERSON", roles=[Role("t", name, r, 0, 0) for r in roles])
