"""Events: who did what to whom, CAMEO-coded, with dates resolved against the article's date.

Takes an ``Article``, its ``Doc`` and its mentions; returns ``Event`` records (actor,
CAMEO code, target, modality, date, evidence span).

Steps, one module each:

1. ``triggers``: which verbs and nouns code as which CAMEO action
   (``reference/data/cameo_verbs.tsv``).
2. ``actors``: the country or organisation a mention acts for.
3. ``dates``: "last week" and "on Monday" as ISO dates, from the article's own date.
4. ``find``: fires triggers on the parse, takes actor and target from their
   dependents, reads modality (negation, modal verbs, verbs of wanting).
"""

from newsgraph.extract.events.dates import resolve_date
from newsgraph.extract.events.find import find_events

__all__ = ["find_events", "resolve_date"]
