"""Quotes: who said what in one article, as direct, mixed and indirect ``Quote`` records.

Takes an ``Article``, its ``Doc`` and the entity extractor's mentions and entities;
returns ``Quote`` records with the quoted text, its kind, the cue, the speaker as written
and the speaker entity.

Steps, in order, one module each:

1. ``marks``: the stretches of text inside quotation marks.
2. ``cues``: which words introduce speech or thought (``reference/data/reporting_verbs.tsv``).
3. ``speakers``: from the subject of a cue to a resolved entity.
4. ``direct``: whole quoted statements and their attribution.
5. ``reported``: reported speech ("X said that ...") and "according to X".
6. ``headlines``: headline attributions ("..., says US official", "Putin: ...").
7. ``find``: runs the steps, keeps one quote per statement and links headline quotes.
"""

from newsgraph.extract.quotes.find import find_quotes

__all__ = ["find_quotes"]
