"""Entities: people, organisations and places in one article, with aliases, roles and pronouns.

Takes an ``Article`` and its spaCy ``Doc``; returns ``Mention`` records (character spans
into ``article.text``, resolved to a canonical name) and ``Entity`` records (aliases,
roles with evidence).

Steps, in order, one module each:

1. ``mentions``: candidate names from the Doc, cleaned of the small model's usual slips
   (``titlewords`` lists the words titles are made of).
2. ``linking``: links to the reference tables (countries, capitals, demonyms,
   organisations, outlets, known people).
3. ``metonymy``: "the North"/"the South", demonyms standing for places.
4. ``aliases``: short forms ("Campbell") to the full name the article uses.
5. ``roles``: titles given to people ("US Deputy Secretary of State Kurt Campbell").
6. ``pronouns``: "he"/"she" to the most plausible person.
7. ``find``: runs the steps and builds one ``Entity`` per canonical name.
"""

from newsgraph.extract.entities.aliases import short_forms
from newsgraph.extract.entities.find import find_entities

__all__ = ["find_entities", "short_forms"]
