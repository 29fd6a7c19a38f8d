"""Per-article consistency checks: statements that cannot be right, as ranked Flags.

Two families, each in its own module: titles the office-holder data contradicts for
the article's date (``role_checks``) and dates the calendar contradicts
(``date_checks``). Both need to know when the article was written, which
``dating.article_window`` gives: the published date, or the range the text implies.
Cross-article checks (one quotation, two speakers) are in ``corpus.checks``.
"""

from __future__ import annotations

from newsgraph.extract.date_checks import check_dates
from newsgraph.extract.dating import article_window
from newsgraph.extract.role_checks import check_roles
from newsgraph.records import Article, Entity, Flag, Mention


def check_article(article: Article, mentions: list[Mention], entities: list[Entity]) -> list[Flag]:
    """Every flag for one article, most certain first (ties in reading order)."""
    window = article_window(article)
    flags = check_roles(article, entities, window) + check_dates(article, window)
    return rank(flags)


def rank(flags: list[Flag]) -> list[Flag]:
    """Most certain first; equal confidence in reading order."""
    return sorted(flags, key=lambda f: (-f.confidence, f.article, f.start))
