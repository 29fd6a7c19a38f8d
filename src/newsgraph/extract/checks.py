"""Per-article consistency checks: statements that cannot be right, as Flags."""

from __future__ import annotations

from newsgraph.records import Article, Entity, Flag, Mention


def check_article(article: Article, mentions: list[Mention], entities: list[Entity]) -> list[Flag]:
    """First version: no checks."""
    return []
