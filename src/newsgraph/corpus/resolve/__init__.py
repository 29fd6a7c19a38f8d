"""Resolve: entity mentions linked across the articles of the store.

Takes the ids of newly stored articles and a store connection; rewrites the mentions of
those articles (and of the articles that share a name with them) where other articles
settle who is meant, and returns how many mentions it changed.

- ``across``: the decision, from each article's entities alone: one type per name,
  short forms ("Peterson", "the Saints", "AMD") to the one full name whose articles share
  context with them, variants of one full name; two full names sharing a short form
  equally keep it apart.
- ``links``: reads the articles concerned from the store, runs ``across`` and writes
  the links, with the alias each one adds.
"""

from newsgraph.corpus.resolve.across import ArticleEntities, EntityUse, Target, link_across
from newsgraph.corpus.resolve.links import resolve_entities

__all__ = ["ArticleEntities", "EntityUse", "Target", "link_across", "resolve_entities"]
