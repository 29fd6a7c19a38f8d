"""Structure: RawDocument → Article (title, lead, byline, date, body, captions, outlet, wire, language).

Plain text goes through line classification (``plaintext``, ``lines``), HTML through
trafilatura (``html``), with the later chunks of a body split across containers put
back (``chunks``); both choose headline, outlet, wire service, authors and dates with the
``metadata`` sub-package, from every signal the page gives. Metadata the container gave
(JSON Lines fields, the WARC URL) always wins over what is read from the page.
"""

from __future__ import annotations

from newsgraph.records import Article, RawDocument
from newsgraph.structure.boilerplate import BoilerplateIndex, build_boilerplate
from newsgraph.structure.html import structure_html
from newsgraph.structure.metadata.byline import names_in, outlet_in_byline
from newsgraph.structure.metadata.dates import from_iso
from newsgraph.structure.metadata.language import guess_language
from newsgraph.structure.metadata.outlet import (BYLINE, Signal, choose_outlet, repeated_names, text_signals,
                                                 title_parts)
from newsgraph.structure.metadata.wire import wire_in_text
from newsgraph.structure.plaintext import structure_plain

__all__ = ["structure_article", "build_boilerplate", "BoilerplateIndex"]


def structure_article(raw: RawDocument, boilerplate: BoilerplateIndex | None = None) -> Article:
    """Recover the article inside a raw document.

    ``boilerplate`` is corpus evidence from ``build_boilerplate`` (lines that recur
    across documents); without it, lines are judged on their own.
    """
    meta = raw.metadata or {}
    url = meta.get("url") or None
    if raw.media_type == "text/html":
        article = _from_html(raw, url)
    else:
        article = _from_plain(raw, url, boilerplate)
    _apply_metadata(article, meta)
    if article.language is None:
        article.language = guess_language(article.body)
    return article


def _from_plain(raw: RawDocument, url: str | None, boilerplate: BoilerplateIndex | None) -> Article:
    parts = structure_plain(raw.text, boilerplate, title=(raw.metadata or {}).get("title"))
    signals = [Signal(n, w, "title") for n, w in title_parts(parts.page_title, parts.title)] if parts.page_title else []
    signals += [Signal(name, BYLINE, "byline") for line in parts.bylines if (name := outlet_in_byline(line))]
    signals += text_signals(parts.removed)
    signals += repeated_names(signals, [*parts.removed[1:], *parts.paragraphs])
    outlet, wire = choose_outlet(signals, url)
    wire = wire or wire_in_text([*parts.bylines, *parts.paragraphs[:2]])
    metadata = {"labels": parts.labels} if parts.labels else {}
    return Article(id=raw.id, origin=raw.origin, title=parts.title, lead=parts.lead,
                   paragraphs=parts.paragraphs, outlet=outlet, wire=wire if wire != outlet else None,
                   url=url, published=parts.published,
                   published_precision=parts.precision, authors=parts.authors, captions=parts.captions,
                   removed=parts.removed, metadata=metadata)


def _from_html(raw: RawDocument, url: str | None) -> Article:
    parts = structure_html(raw.text, url)
    return Article(id=raw.id, origin=raw.origin, title=parts.title, paragraphs=parts.paragraphs,
                   outlet=parts.outlet, wire=parts.wire, url=parts.url, published=parts.published,
                   published_precision=parts.precision, authors=parts.authors, captions=parts.captions,
                   section=parts.section, language=parts.language, removed=parts.removed)


def _apply_metadata(article: Article, meta: dict) -> None:
    """Container metadata overrides guesses; the raw metadata is kept on the article."""
    if meta.get("title"):
        article.title = str(meta["title"]).strip()
    if meta.get("outlet"):
        article.outlet = str(meta["outlet"]).strip()
    if meta.get("published"):
        parsed = from_iso(str(meta["published"]))
        if parsed:  # an impossible date ("99999-01-01") stays in the metadata only
            article.published, article.published_precision = parsed
    authors = meta.get("authors")
    if authors:
        if isinstance(authors, str):
            authors = names_in(authors) or [authors]
        article.authors = [str(a).strip() for a in authors if str(a).strip()]
    if meta.get("section"):
        article.section = str(meta["section"])
    if meta.get("language"):
        article.language = str(meta["language"])
    article.metadata = {**article.metadata, **meta}
