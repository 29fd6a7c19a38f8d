"""Article structure from HTML pages, built on trafilatura.

trafilatura finds the main text and the page metadata (title, author, date, site name,
categories); this module only chooses its options and tidies what it returns:
captions and credit lines out of the body, bylines split into names, dates with the
precision the page gives. Nothing is fetched: trafilatura gets the page as a string.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass, field

import lxml.html
from lxml import etree
from trafilatura import bare_extraction, extract_metadata

from newsgraph.records import Precision
from newsgraph.structure.boilerplate import looks_like_boilerplate
from newsgraph.structure.byline import is_name
from newsgraph.structure.captions import is_caption
from newsgraph.structure.cleanup import deobfuscate_emails, tidy
from newsgraph.structure.dates import from_iso
from newsgraph.structure.lines import prose_share, word_count

# See ``_main_text``: when to prefer trafilatura's plain extraction over its precise one.
FULLER_RATIO = 0.5
PROSE_SHARE = 0.6
# Below this share of prose, the fast extraction is retried with trafilatura's fallbacks.
MENU_SHARE = 0.3


@dataclass
class HtmlParts:
    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    precision: Precision | None = None
    site_name: str | None = None
    url: str | None = None
    section: str | None = None
    language: str | None = None
    removed: list[str] = field(default_factory=list)


def _captions(tree: lxml.html.HtmlElement) -> list[str]:
    """<figcaption> texts, in page order, once each."""
    seen: dict[str, None] = {}
    for node in tree.iter("figcaption"):
        text = tidy(node.text_content())
        if text:
            seen.setdefault(text, None)
    return list(seen)


def _authors(author: str | None) -> list[str]:
    """trafilatura joins authors with "; "; keep the parts that are names."""
    if not author:
        return []
    return [a.strip() for a in re.split(r";|,|\band\b", author) if is_name(a.strip())]


def _page_language(tree: lxml.html.HtmlElement) -> str | None:
    """The language the page declares (<html lang="pt-BR"> → "pt")."""
    declared = tree.get("lang") or tree.get("xml:lang") or ""
    code = declared.strip().split("-")[0].split("_")[0].lower()
    return code if 2 <= len(code) <= 3 and code.isalpha() else None


def _meta_date(tree: lxml.html.HtmlElement) -> tuple[str, Precision] | None:
    """The date as precise as the page's own metadata gives it; trafilatura keeps only the day."""
    for node in tree.xpath('//meta[@property="article:published_time" or @name="article:published_time" '
                           'or @itemprop="datePublished" or @name="pubdate" or @name="publishdate" '
                           'or @name="date" or @property="og:published_time"]'):
        value = node.get("content") or ""
        parsed = from_iso(value) if value else None
        if parsed and parsed[1] in ("minute", "day"):
            return parsed
    for node in tree.xpath("//time[@datetime]"):
        parsed = from_iso(node.get("datetime") or "")
        if parsed and parsed[1] in ("minute", "day"):
            return parsed
    return None


def _main_text(tree: lxml.html.HtmlElement, url: str | None) -> str:
    """trafilatura's precise extraction, unless it dropped most of a text that reads as prose.

    ``favor_precision`` keeps teasers, comments and link lists out, but now and then
    it also drops half of the article. When the plain extraction is more than twice
    as long and mostly prose, that one is kept. When the result reads like a menu,
    trafilatura's fallback extractors (readability, jusText) get a turn.
    """
    options = dict(url=url, include_comments=False, include_tables=True, deduplicate=False)

    def run(**extra) -> str:
        document = bare_extraction(deepcopy(tree), **options, **extra)
        return (document.text or "") if document is not None else ""

    text, full = run(fast=True, favor_precision=True), run(fast=True)
    if len(text) < FULLER_RATIO * len(full) and prose_share(full) >= PROSE_SHARE:
        text = full
    if prose_share(text) < MENU_SHARE:
        rescued = run(favor_precision=True)
        if prose_share(rescued) > prose_share(text):
            text = rescued
    return text


def structure_html(html: str, url: str | None = None) -> HtmlParts:
    """Body paragraphs, captions and page metadata of one HTML page (already decoded)."""
    parts = HtmlParts()
    try:
        # UTF-8 bytes, since lxml refuses a str with an XML declaration and the page is decoded
        # already; a parser per call, since lxml parsers are not thread-safe.
        parser = lxml.html.HTMLParser(encoding="utf-8")
        tree = lxml.html.fromstring(html.encode("utf-8"), parser=parser)
    except (ValueError, etree.ParserError):
        return parts
    captions = _captions(tree)
    meta_date = _meta_date(tree)
    text = _main_text(tree, url)  # on copies: trafilatura prunes the tree it is given
    document = extract_metadata(tree, default_url=url)
    caption_keys = {c.casefold() for c in captions}
    for line in text.splitlines():
        line = tidy(deobfuscate_emails(line))
        if not line:
            continue
        if line.casefold() in caption_keys or (is_caption(line) and word_count(line) < 40) \
                or looks_like_boilerplate(line, word_count(line)):
            parts.removed.append(line)
            continue
        parts.paragraphs.append(line)
    parts.captions = [c for c in captions if is_caption(c)] or captions
    parts.title = tidy(document.title) if document.title else None
    if parts.title and parts.paragraphs and parts.paragraphs[0].casefold() == parts.title.casefold():
        parts.removed.append(parts.paragraphs.pop(0))  # the headline is the title, not the body
    parts.authors = _authors(document.author)
    dated = meta_date or (from_iso(document.date) if document.date else None)
    if dated:
        parts.published, parts.precision = dated
    parts.site_name = document.sitename
    parts.url = document.url or url
    parts.section = (document.categories or [None])[0]
    parts.language = document.language or _page_language(tree)
    return parts
