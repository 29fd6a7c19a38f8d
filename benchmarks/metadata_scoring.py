"""Headline, outlet, date and author scoring against metadata.json, and the peers' metadata.

Used by ``score_extraction.py``. The scoring follows the eval folder's SOURCE.txt:
headline normalised exact; outlet ignoring case, punctuation and a leading "The",
aliases accepted; date right at day precision (``published`` or a ``published_alt``
day), a wrong day counted as invented; author sets compared name by name (micro
precision and recall over all pages).

Peers on the HTML: trafilatura's ``extract_metadata`` (a dependency) and newspaper4k,
which is NOT a newsgraph dependency; install it into the benchmark's environment with
``pip install newspaper4k==0.9.6`` (its column is skipped with a note if missing).
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from dataclasses import dataclass, field

Meta = tuple[str | None, str | None, str | None, list[str]]  # title, outlet, published, authors


def norm_title(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u2026", "...")
    return " ".join(text.split()).strip(" .,;:").casefold()


def norm_outlet(text: str | None) -> str:
    key = " ".join(re.findall(r"\w+", unicodedata.normalize("NFKC", text or "").casefold()))
    return key[4:] if key.startswith("the ") else key


def norm_person(text: str) -> str:
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold()))


@dataclass
class MetaScore:
    pages: int = 0
    title_ok: int = 0
    outlet_ok: int = 0
    outlet_blank: int = 0
    date_ok: int = 0
    date_given: int = 0
    date_wrong: int = 0
    author_tp: int = 0
    author_fp: int = 0
    author_fn: int = 0
    misses: dict[str, list[str]] = field(default_factory=lambda: {"title": [], "outlet": [], "date": [], "authors": []})

    def add(self, key: str, gold: dict, got: Meta) -> None:
        title, outlet, published, authors = got
        self.pages += 1
        if norm_title(title) == norm_title(gold["title"]):
            self.title_ok += 1
        else:
            self.misses["title"].append(f"{key[:8]} got {title!r} want {gold['title']!r}")
        names = {norm_outlet(gold["outlet"]), *(norm_outlet(a) for a in gold.get("outlet_aliases") or [])}
        if outlet and norm_outlet(outlet) in names:
            self.outlet_ok += 1
        else:
            self.outlet_blank += not outlet
            self.misses["outlet"].append(f"{key[:8]} got {outlet!r} want {gold['outlet']!r}")
        days = {d[:10] for d in [gold.get("published"), *(gold.get("published_alt") or [])] if d}
        if published:
            self.date_given += 1
            if published[:10] in days:
                self.date_ok += 1
            else:
                self.date_wrong += 1
                self.misses["date"].append(f"{key[:8]} got {published!r} want {gold.get('published')!r}")
        elif days:
            self.misses["date"].append(f"{key[:8]} got None want {gold.get('published')!r}")
        want = {norm_person(a) for a in gold["authors"]}
        have = {norm_person(a) for a in authors if norm_person(a)}
        self.author_tp += len(want & have)
        self.author_fp += len(have - want)
        self.author_fn += len(want - have)
        if want != have:
            self.misses["authors"].append(f"{key[:8]} got {sorted(authors)} want {gold['authors']}")

    def line(self, label: str) -> str:
        p = self.author_tp / (self.author_tp + self.author_fp) if self.author_tp + self.author_fp else 1.0
        r = self.author_tp / (self.author_tp + self.author_fn) if self.author_tp + self.author_fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        n = self.pages or 1
        given = self.date_ok / self.date_given if self.date_given else 0.0
        return (f"{label:<24} headline {self.title_ok / n:.2f}  outlet {self.outlet_ok / n:.2f} "
                f"(blank {self.outlet_blank})  date {self.date_ok / n:.2f} (given {given:.2f}, "
                f"wrong {self.date_wrong})  authors F1 {f1:.2f} (P {p:.2f} R {r:.2f})")


def trafilatura_meta(html: str, url: str | None) -> Meta:
    from trafilatura import extract_metadata

    doc = extract_metadata(html, default_url=url)
    if doc is None:
        return None, None, None, []
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return doc.title, doc.sitename, doc.date, authors


def newspaper_available() -> bool:
    try:
        import newspaper  # noqa: F401
    except ImportError:
        return False
    return True


def newspaper_meta(html: str, url: str | None) -> Meta:
    return newspaper_parse(html, url)[0]


def newspaper_parse(html: str, url: str | None) -> tuple[Meta, str]:
    """newspaper4k's metadata and body text of one page."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import newspaper

        try:
            article = newspaper.Article(url or "http://example.com/")
            article.download(input_html=html)
            article.parse()
        except ImportError:  # a language whose optional tokenizer is not installed
            article = newspaper.Article(url or "http://example.com/", language="en")
            article.download(input_html=html)
            article.parse()
    published = article.publish_date.isoformat() if article.publish_date else None
    meta = article.title or None, article.meta_site_name or None, published, list(article.authors or [])
    return meta, article.text or ""


def trafilatura_body(html: str, url: str | None, favor_precision: bool) -> str:
    from trafilatura import extract

    return extract(html, url=url, favor_precision=favor_precision, include_comments=False,
                   include_tables=True) or ""
