"""Corpus steps: work over the store after new articles are written.

They read and write the store only; they never parse raw input. Each takes the ids of
the new articles and updates what they touch, not the whole corpus (``steps`` runs them
in order, in one transaction):

1. ``stories``: near-duplicates and story formation.
2. ``resolve``: entity mentions linked across articles.
3. ``checks``: cross-article consistency checks in the stories that changed.

``compare`` (the outlet comparison of one story) is computed when it is asked for.
"""
