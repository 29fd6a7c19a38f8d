"""Resolve: entity mentions linked across the articles of the store.

Takes the ids of newly stored articles and a store connection; rewrites their mentions'
entity where another article settles who is meant, and returns how many it changed.

- ``surnames``: a surname-only mention ("Miller") linked to the one person of its story
  with that surname.
"""

from newsgraph.corpus.resolve.surnames import resolve_entities

__all__ = ["resolve_entities"]
