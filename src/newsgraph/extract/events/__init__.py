"""Events: who did what to whom, CAMEO-coded, with actor codes and dates resolved from the text.

Takes an ``Article``, its ``Doc`` and its mentions; returns ``Event`` records: CAMEO code,
root, quad class, Goldstein score and PLOVER category; source and target as names, as
written and as CAMEO actor codes (USAGOV, RUSMIL, IGOUNO; None when unknown, the event is
kept); modality (reported, future, hypothetical, denied); date; evidence span.

Steps, one module each:

1. ``patterns``: the CAMEO verb dictionary's patterns matched over the dependency parse.
2. ``triggers``: which verbs and nouns code as which action (house table, then the dictionary).
3. ``actors``: the CAMEO actor code of a phrase (Phoenix dictionary with dated roles,
   the article's entities, metonymy through ``reference.countries``, agents for roles).
4. ``context``: the country of a role, person or place that names none, from its phrase or
   its sentence ("Parliament" in a sentence about Algeria → DZALEG).
5. ``participants``: sources and targets from the parse (passive voice, coordinated actors,
   verb chains, "it" under a reporting verb).
6. ``modality``: negation, future, hypothetical; intent, threat and refusal codes (03, 13, 12).
7. ``dates``: "last week" and "on Monday" as ISO dates, from the article's own date.
8. ``find``: runs them over each sentence and builds the events.
"""

from newsgraph.extract.events.dates import resolve_date
from newsgraph.extract.events.find import find_events

__all__ = ["find_events", "resolve_date"]
