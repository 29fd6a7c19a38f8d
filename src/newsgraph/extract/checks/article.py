"""Per-article consistency checks: both families run, their flags ranked.

Titles the office-holder data contradicts (``roles``) and dates the calendar contradicts
(``dates``), both against when the article was written (``window.article_window``).
"""

from __future__ import annotations

from newsgraph.extract.checks.dates import check_dates
from newsgraph.extract.checks.roles import check_roles
from newsgraph.extract.checks.window import article_window
from newsgraph.records import Article, Entity, Flag, Mention


def check_article(article: Article, mentions: list[Mention], entities: list[Entity]) -> list[Flag]:
    """Every flag for one article, most certain first (ties in reading order)."""
    window = article_window(article)
    flags = check_roles(article, entities, window) + check_dates(article, window)
    return rank(flags)


def rank(flags: list[Flag]) -> list[Flag]:
    """Most certain first; equal confidence in reading order."""
    return sorted(flags, key=lambda f: (-f.confidence, f.article, f.start))
