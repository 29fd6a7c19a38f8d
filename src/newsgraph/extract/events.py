"""Who did what to whom, coded with CAMEO, with dates resolved against the article's date."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.records import Article, Event, Mention


def find_events(article: Article, doc: Doc, mentions: list[Mention]) -> list[Event]:
    """First version: no events."""
    return []
