"""Article structure from HTML pages, built on trafilatura.

trafilatura finds the main text and the page metadata (title, author, date, site name,
categories); this module only chooses its options and tidies what it returns:
captions and credit lines out of the body, bylines split into names, dates with the
precision the page gives. Nothing is fetched: trafilatura gets the page as a string.
"""

from __future__ import annotations

import datetime
from copy import deepcopy
from dataclasses import dataclass, field

import lxml.html
from lxml import etree
from trafilatura import bare_extraction, extract_metadata

from newsgraph.records import Precision
from newsgraph.structure.boilerplate import about_line, looks_like_boilerplate
from newsgraph.structure.metadata.byline import is_name, names_in
from newsgraph.structure.captions import is_caption
from newsgraph.structure.chunks import add_missing_chunks
from newsgraph.structure.cleanup import deobfuscate_emails, tidy
from newsgraph.structure.metadata.dates import date_label, find_date, from_iso, local_time
from newsgraph.structure.metadata.headline import choose_headline
from newsgraph.structure.metadata.language import guess_language
from newsgraph.structure.metadata.outlet import (PUBLISHER, SITE_NAME, WEBSITE, Signal, choose_outlet, squash,
                                                 text_signals, title_parts)
from newsgraph.structure.metadata.page import PageMeta, read_page
from newsgraph.structure.metadata.zones import zoned_time
from newsgraph.structure.metadata.wire import wire_in, wire_in_text
from newsgraph.structure.lines import prose_share, word_count

# See ``_main_text``: when to prefer trafilatura's plain extraction over its precise one.
FULLER_RATIO = 0.5
PROSE_SHARE = 0.6
# Below this share of prose, the fast extraction is retried with trafilatura's fallbacks.
MENU_SHARE = 0.3
# A labelled date line is no longer than this (a paragraph that begins "Published" is prose).
MAX_DATELINE = 100


@dataclass
class HtmlParts:
    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    precision: Precision | None = None
    site_name: str | None = None
    outlet: str | None = None
    wire: str | None = None
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


def _drop_hover_cards(tree: lxml.html.HtmlElement) -> None:
    """Remove the cards a paragraph hides behind a name (a photo and links, shown on hover).

    Their text sits inline, so it would read "Ilhan OmarIlhan OmarHillicon Valley: ..."
    in the middle of a sentence.
    """
    card_test = ".//img and count(.//a) >= 2"
    for card in tree.xpath(f"//p//span[{card_test}][not(.//span[{card_test}])]"):  # the innermost
        parent = card.getparent()
        if parent is not None:
            card.drop_tree()


def _person(name: str) -> str:
    """"ROBERT BURNS" → "Robert Burns": metadata sometimes shouts."""
    return name.title() if name.isupper() and len(name) > 3 else name


def _authors(sources: list[list[str]], not_people: set[str]) -> list[str]:
    """The names of the first author source that gives any: never the outlet, a wire or a desk.

    Sources are tried in turn (JSON-LD, meta tags, trafilatura) rather than merged: they
    write one name in different forms, and a weaker source adds photographers and desks.
    """
    for candidates in sources:
        names: list[str] = []
        for candidate in candidates:
            candidate = _person(candidate.strip())
            if not candidate or candidate.startswith("http") or "/" in candidate:
                continue
            found = names_in(candidate) or ([candidate] if is_name(candidate) else [])
            names += [n for n in found if squash(n) not in not_people and n not in names]
        if names:
            return names
    return []


def _outlet(meta: PageMeta, url: str | None, headline: str | None,
            lines: list[str]) -> tuple[str | None, str | None]:
    """Outlet and wire from the page's site names, publisher, title, copyright lines and URL."""
    signals = [Signal(n, SITE_NAME if i == 0 else WEBSITE, "site_name") for i, n in enumerate(meta.site_names)]
    signals += [Signal(n, PUBLISHER, "publisher") for n in meta.publishers]
    if meta.html_title:
        signals += [Signal(n, w, "title") for n, w in title_parts(meta.html_title, headline)]
    signals += text_signals(meta.footer_lines)
    outlet, wire = choose_outlet(signals, url)
    wire = wire or wire_in([*meta.author_orgs, *meta.authors]) or wire_in_text(lines[:3])
    return outlet, (wire if wire != outlet else None)


def _page_language(tree: lxml.html.HtmlElement) -> str | None:
    """The language the page declares (<html lang="pt-BR"> → "pt")."""
    declared = tree.get("lang") or tree.get("xml:lang") or ""
    code = declared.strip().split("-")[0].split("_")[0].lower()
    return code if 2 <= len(code) <= 3 and code.isalpha() else None


def _plausible_date(dated: tuple[str, Precision]) -> bool:
    """A day or minute from a real year: placeholders such as 0001-01-01 are no date."""
    return dated[1] in ("minute", "day") and "1990" <= dated[0][:4] <= "2100"


def _meta_date(tree: lxml.html.HtmlElement) -> tuple[str, Precision] | None:
    """The date as precise as the page's own metadata gives it; trafilatura keeps only the day."""
    for node in tree.xpath('//meta[@property="article:published_time" or @name="article:published_time" '
                           'or @itemprop="datePublished" or @name="pubdate" or @name="publishdate" '
                           'or @name="date" or @property="og:published_time"]'):
        value = node.get("content") or ""
        parsed = from_iso(value) if value else None
        if parsed and _plausible_date(parsed):
            return parsed
    for node in tree.xpath("//time[@datetime]"):
        parsed = from_iso(node.get("datetime") or "")
        if parsed and _plausible_date(parsed):
            return parsed
    return None


def _labelled_date(tree: lxml.html.HtmlElement) -> tuple[str, Precision] | None:
    """The date a short element of the page calls the publication's ("Published: Monday, ...").

    Asked only when the page's metadata gives none: before trafilatura's guess, which may
    take a date the article mentions ("on Sunday, October 13th, 2019") for its own.
    """
    for node in tree.iter("p", "span", "div", "time", "li"):
        text = tidy(node.text_content())
        if len(text) > MAX_DATELINE or date_label(text) != "published":
            continue
        found = find_date(text)
        if found and _plausible_date((found.iso, found.precision)):
            return found.iso, found.precision
    return None


# A page's UTC stamp and its visible zoned time belong to one article when this close.
SAME_STORY = datetime.timedelta(hours=24)


def _on_page_clock(dated: tuple[str, Precision], tree: lxml.html.HtmlElement) -> tuple[str, Precision]:
    """A UTC metadata stamp gives way to the time the byline shows in its named zone
    ("November 18, 2019 at 2:26 PM HST"): its day is the day the page shows. Only when the
    two are within a day of each other, so a date the article mentions never wins."""
    if dated[1] != "minute" or not dated[0].endswith("+00:00"):
        return dated
    stamp = datetime.datetime.fromisoformat(dated[0])
    for node in tree.iter("p", "span", "div", "time", "li"):
        text = tidy(node.text_content())
        if len(text) > MAX_DATELINE or not any(c.isdigit() for c in text):
            continue
        zoned = zoned_time(text)
        if zoned and not zoned.endswith("+00:00") and abs(datetime.datetime.fromisoformat(zoned) - stamp) <= SAME_STORY:
            return zoned, "minute"
    return dated


def _about_start(paragraphs: list[str]) -> int:
    """Where the writer's or company's description starts in the body's second half (by words),
    if it does: "About Ascom" / "Ascom is a global solutions provider ..." (as on plain text)."""
    total = sum(len(p.split()) for p in paragraphs)
    seen = 0
    for i, paragraph in enumerate(paragraphs):
        if i and seen >= total / 2 and about_line(paragraph, paragraphs[i + 1] if i + 1 < len(paragraphs) else None):
            return i
        seen += len(paragraph.split())
    return len(paragraphs)


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
    _drop_hover_cards(tree)
    captions = _captions(tree)
    meta_date = _meta_date(tree)
    text = _main_text(tree, url)  # on copies: trafilatura prunes the tree it is given
    lines = add_missing_chunks(tree, [tidy(line) for line in text.splitlines() if line.strip()])
    document = extract_metadata(tree, default_url=url)
    caption_keys = {c.casefold() for c in captions}
    for line in lines:
        line = tidy(deobfuscate_emails(line))
        if not line:
            continue
        if line.casefold() in caption_keys or (is_caption(line) and word_count(line) < 40) \
                or looks_like_boilerplate(line, word_count(line)):
            parts.removed.append(line)
            continue
        parts.paragraphs.append(line)
    cut = _about_start(parts.paragraphs)
    parts.removed += parts.paragraphs[cut:]
    del parts.paragraphs[cut:]
    parts.captions = [c for c in captions if is_caption(c)] or captions
    page = read_page(tree)
    parts.url = url or page.url or document.url
    site_names = [*page.site_names, *page.publishers, *([document.sitename] if document.sitename else [])]
    parts.title = choose_headline(page.h1s, page.titles, page.html_title or document.title, site_names) \
        or (tidy(document.title) if document.title else None)
    if parts.title and parts.paragraphs and parts.paragraphs[0].casefold() == parts.title.casefold():
        parts.removed.append(parts.paragraphs.pop(0))  # the headline is the title, not the body
    parts.outlet, parts.wire = _outlet(page, parts.url, parts.title, parts.paragraphs)
    not_people = {squash(n) for n in [*site_names, parts.outlet or "", parts.wire or ""] if n}
    parts.authors = _authors([page.authors, page.meta_authors, (document.author or "").split(";")], not_people)
    dated = local_time([d for value in page.published if (d := from_iso(value)) and _plausible_date(d)])
    dated = dated or meta_date or _labelled_date(tree) or (from_iso(document.date) if document.date else None)
    if dated:
        parts.published, parts.precision = _on_page_clock(dated, tree)
    parts.site_name = document.sitename
    parts.section = (document.categories or [None])[0]
    # What the text reads as wins over what the page declares: templates declare one
    # language for a site that publishes in several ("de" on English pages, "en" on German).
    parts.language = guess_language("\n".join(parts.paragraphs)) or document.language or _page_language(tree)
    return parts
