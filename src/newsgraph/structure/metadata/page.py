"""What an HTML page says about itself: JSON-LD, OpenGraph, meta tags, <title>, h1s, footer.

Only reading, no judging: every field comes back as a list of candidates in the order the
page gives them, and ``headline``, ``outlet``, ``byline`` and ``dates`` weigh them.
JSON-LD ``@graph`` lists are flattened and ``@id`` references resolved, so that an
article's ``publisher`` or ``author`` given as ``{"@id": ...}`` is found.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import lxml.html

from newsgraph.structure.cleanup import tidy

_ARTICLE_TYPES = {"newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                  "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "techarticle",
                  "scholarlyarticle", "socialmediaposting", "liveblogposting", "report", "posting"}
_PAGE_TYPES = {"webpage", "itempage", "collectionpage"}
_SITE_TYPES = {"website"}
_ORG_TYPES = {"organization", "newsmediaorganization", "corporation", "localbusiness"}


@dataclass
class PageMeta:
    """Candidate values, strongest source first within each list."""

    titles: list[str] = field(default_factory=list)  # JSON-LD headline, og:title, twitter:title
    html_title: str | None = None
    h1s: list[str] = field(default_factory=list)
    site_names: list[str] = field(default_factory=list)  # og:site_name, JSON-LD WebSite name, application-name
    publishers: list[str] = field(default_factory=list)  # JSON-LD publisher / sourceOrganization
    authors: list[str] = field(default_factory=list)  # JSON-LD author names
    meta_authors: list[str] = field(default_factory=list)  # meta author tags (author, article:author, byl, ...)
    author_orgs: list[str] = field(default_factory=list)  # JSON-LD authors typed Organization
    published: list[str] = field(default_factory=list)  # JSON-LD datePublished, article:published_time, ...
    footer_lines: list[str] = field(default_factory=list)  # copyright lines of the page
    url: str | None = None  # canonical or og:url


def _types(node: dict) -> set[str]:
    kind = node.get("@type") or []
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds}


def _flatten(value: Any, out: list[dict]) -> None:
    if isinstance(value, list):
        for item in value:
            _flatten(item, out)
    elif isinstance(value, dict):
        out.append(value)
        if "@graph" in value:
            _flatten(value["@graph"], out)
        for key in ("mainEntity", "mainEntityOfPage", "itemListElement"):
            if isinstance(value.get(key), (dict, list)):
                _flatten(value[key], out)


def json_ld(tree: lxml.html.HtmlElement) -> list[dict]:
    """Every JSON-LD object of the page, ``@graph`` members included; broken scripts skipped."""
    nodes: list[dict] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        text = (script.text or "").strip().strip(";")
        if not text:
            continue
        try:
            value = json.loads(text, strict=False)
        except ValueError:
            continue
        _flatten(value, nodes)
    return nodes


def _names(value: Any, index: dict[str, dict], orgs: list[str] | None = None) -> list[str]:
    """Names of a JSON-LD person/organisation value: a string, an object, an @id or a list."""
    if isinstance(value, list):
        return [name for item in value for name in _names(item, index, orgs)]
    if isinstance(value, str):
        return [tidy(value)] if value.strip() and not value.startswith("http") else []
    if not isinstance(value, dict):
        return []
    if "name" not in value and isinstance(value.get("@id"), str) and value["@id"] in index:
        value = index[value["@id"]]
    name = value.get("name")
    if isinstance(name, list):
        name = name[0] if name else None
    if not isinstance(name, str) or not name.strip():
        return []
    if orgs is not None and _types(value) & _ORG_TYPES:
        orgs.append(tidy(name))
        return []
    return [tidy(name)]


def _meta(tree: lxml.html.HtmlElement, *keys: str) -> list[str]:
    """Contents of <meta> tags whose property, name or itemprop is one of ``keys``, in page order."""
    wanted = {k.lower() for k in keys}
    found = []
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        content = tidy(node.get("content") or "")
        if key in wanted and content:
            found.append(content)
    return found


def _add(values: list[str], *new: str | None) -> None:
    for value in new:
        if value and value not in values:
            values.append(value)


_COPYRIGHT_HINT = re.compile(r"©|&copy;|\bcopyright\b|\(c\)\s*\d{4}", re.IGNORECASE)


def read_page(tree: lxml.html.HtmlElement) -> PageMeta:
    """Collect the page's own statements about its title, site, authors and dates."""
    meta = PageMeta()
    nodes = json_ld(tree)
    index = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    articles = [n for n in nodes if _types(n) & _ARTICLE_TYPES]
    for node in articles or [n for n in nodes if _types(n) & _PAGE_TYPES]:
        headline = node.get("headline") or (node.get("name") if not articles else None)
        if isinstance(headline, str):
            _add(meta.titles, tidy(headline))
        _add(meta.authors, *_names(node.get("author"), index, meta.author_orgs))
        _add(meta.publishers, *_names(node.get("publisher"), index))
        _add(meta.publishers, *_names(node.get("sourceOrganization"), index))
        for key in ("datePublished", "dateCreated", "uploadDate"):
            if isinstance(node.get(key), str):
                _add(meta.published, node[key].strip())
    _add(meta.titles, *_meta(tree, "og:title", "twitter:title", "sailthru.title", "parsely-title", "dc.title"))
    _add(meta.site_names, *_meta(tree, "og:site_name"))
    _add(meta.site_names, *[name for n in nodes if _types(n) & _SITE_TYPES for name in _names(n, index)])
    _add(meta.site_names, *_meta(tree, "application-name", "apple-mobile-web-app-title", "dc.publisher",
                                 "publisher", "cre"))
    for content in _meta(tree, "author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                         "byl", "dcterms.creator", "cxenseparse:author"):
        _add(meta.meta_authors, *[part.strip() for part in re.split(r"\s*;\s*", content) if part.strip()])
    _add(meta.published, *_meta(tree, "article:published_time", "og:published_time", "datepublished",
                                "pubdate", "publishdate", "date", "dc.date", "dc.date.issued",
                                "parsely-pub-date", "sailthru.date", "dcterms.created"))
    title = tree.find(".//title")
    meta.html_title = tidy(title.text_content()) if title is not None and title.text_content().strip() else None
    meta.h1s = [text for h1 in tree.iter("h1") if (text := tidy(h1.text_content()))]
    canonical = tree.xpath('//link[@rel="canonical"]/@href') + _meta(tree, "og:url")
    meta.url = next((u for u in canonical if u.startswith("http")), None)
    for node in tree.xpath("//footer | //*[contains(@class, 'footer') or contains(@id, 'footer') "
                           "or contains(@class, 'copyright')]")[:12]:
        for line in node.text_content().splitlines():
            line = tidy(line)
            if line and len(line) < 200 and _COPYRIGHT_HINT.search(line):
                _add(meta.footer_lines, line)
    return meta
