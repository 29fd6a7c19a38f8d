"""Helpers every extractor shares; not a capability of its own.

- ``mention_index``: the entity mentions on a token or inside a span, in O(log n).
- ``paragraphs``: where the article's blocks begin and end, in characters and tokens.
- ``phrases``: the extent of a noun phrase in the dependency parse.
"""
