"""Citations: the outlets, people, organisations and documents an article relies on.

Takes an ``Article``, its ``Doc`` and its mentions; returns ``Citation`` records with the
cited name, its kind, the relation ("according to", "reported", "citing") and the
evidence sentence.

Steps, one module each:

1. ``sources``: naming a cited source from a phrase (reference outlets, offices, mentions).
2. ``find``: the patterns ("Source: ... with reference to ...", "according to X",
   "X reported", "told Reuters", an "Outlet:" headline prefix), and ``source_chain``,
   which puts a quote's chain of sources together.
"""

from newsgraph.extract.citations.find import find_citations, source_chain

__all__ = ["find_citations", "source_chain"]
