"""What an article cites: outlets, people and documents it relies on."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.records import Article, Citation, Mention


def find_citations(article: Article, doc: Doc, mentions: list[Mention]) -> list[Citation]:
    """First version: no citations."""
    return []
