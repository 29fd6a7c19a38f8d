"""Compare: what each outlet of one story reports, adds, omits or contradicts.

Takes the ``ArticleAnalysis`` records of a story's articles (``stored`` loads them from the
store); returns a ``Comparison``: aligned claims with the outlets carrying them, claims
unique to one outlet, contradictions, and who each article quotes and cites.

Steps, one module each:

1. ``claims``: an article split into claims, sentences with the features alignment compares.
2. ``align``: claims that state the same fact, across articles.
3. ``differences``: how the wordings of one fact differ (numbers, dates, names, titles).
4. ``sources``: who each article quotes and which sources it cites.
5. ``story``: runs the steps, and finds titles the outlets disagree on.
6. ``stored``: the comparison of a story in the store.
"""

from newsgraph.corpus.compare.differences import label
from newsgraph.corpus.compare.stored import comparison_for_story
from newsgraph.corpus.compare.story import compare_story

__all__ = ["compare_story", "comparison_for_story", "label"]
