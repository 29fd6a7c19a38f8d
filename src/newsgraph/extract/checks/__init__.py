"""Checks: statements in one article that cannot be right, as ranked ``Flag`` records.

Takes an ``Article``, its mentions and entities; returns flags with an explanation and
the evidence sentence. Cross-article checks (one quotation, two speakers) are corpus
steps, in ``newsgraph.corpus.checks``.

Steps, one module each:

1. ``window``: when the article was written: its published date, or the range its own
   text implies.
2. ``roles``: titles the office-holder data contradicts on that date ("US President
   Joe Blinken").
3. ``dates``: dates the calendar contradicts (a weekday that does not fall on the date).
4. ``article``: runs both families and ranks the flags.
"""

from newsgraph.extract.checks.article import check_article, rank
from newsgraph.extract.checks.window import article_window, iso_bounds

__all__ = ["article_window", "check_article", "iso_bounds", "rank"]
