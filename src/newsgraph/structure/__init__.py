"""Structure: RawDocument → Article (title, byline, date, body, captions, boilerplate)."""

from __future__ import annotations

from newsgraph.records import Article, RawDocument


def structure_article(raw: RawDocument, boilerplate: frozenset[str] | None = None) -> Article:
    """Recover the article inside a raw document.

    ``boilerplate`` holds normalised lines known from the corpus to recur across many
    documents (menus, footers); they are removed wherever they appear.
    First version: paragraphs are the non-empty lines; the first line is the title.
    """
    meta = raw.metadata
    lines = [line.strip() for line in raw.text.splitlines() if line.strip()]
    title = meta.get("title") or (lines.pop(0) if lines else None)
    return Article(id=raw.id, origin=raw.origin, title=title, paragraphs=lines,
                   outlet=meta.get("outlet"), url=meta.get("url"), published=meta.get("published"),
                   authors=list(meta.get("authors") or []), metadata=dict(meta))
