"""How outlets' wordings of one fact differ: numbers, dates, names and titles.

Each difference is a sentence a reader can check against the variants shown with it.
A difference is also a contradiction when both sides say something and they cannot
both be right: different numbers for the same unit, different explicit dates, or
titles naming different offices for the same person. One side being vaguer
("recently" / "last week") or naming less is a difference, not a contradiction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

from newsgraph.corpus.compare.claims import ClaimUnit, terms
from newsgraph.extract.checks import iso_bounds
from newsgraph.records import Article
from newsgraph.reference import offices

EXPLICIT_DATE = re.compile(r"\d|january|february|march|april|may|june|july|august|september|october|november|december|"
                           r"monday|tuesday|wednesday|thursday|friday|saturday|sunday", re.IGNORECASE)
REPORTING = {"said", "says", "stated", "noted", "added", "believes", "believe", "thinks", "recently", "last", "week",
             "also", "meanwhile", "however", "according", "against", "within", "between", "without", "amid"}


@dataclass
class Differences:
    notes: list[str] = field(default_factory=list)
    contradicts: bool = False


def label(article: Article) -> str:
    """How a difference names an article for a reader: its outlet, else the first words of its title
    (a hash means nothing to a person), else the start of its id."""
    if article.outlet:
        return article.outlet
    words = (article.title or "").split()
    if words:
        return "“" + " ".join(words[:5]) + ("…”" if len(words) > 5 else "”")
    return article.id[:8]


def compare_variants(per_article: dict[str, list[ClaimUnit]], articles: dict[str, Article]) -> Differences:
    """Differences between the articles' wordings of one fact (several sentences per article allowed)."""
    out = Differences()
    ids = list(per_article)
    _speakers(per_article, articles, ids, out)
    _numbers(per_article, articles, ids, out)
    _dates(per_article, articles, ids, out)
    _names(per_article, articles, ids, out)
    _titles(per_article, articles, ids, out)
    _details(per_article, articles, ids, out)
    return out


def _details(per_article, articles, ids, out: Differences, limit: int = 8) -> None:
    """Words only one outlet's wording has: what it adds to the shared fact."""
    stems = {a: {t for u in per_article[a] for t in u.terms} for a in ids}
    for a in ids:
        others = set().union(*(stems[b] for b in ids if b != a)) if len(ids) > 1 else set()
        names = {w.lower() for u in per_article[a] for ws in u.entities.values() for w in ws for w in w.split()}
        names |= {w.lower() for u in per_article[a] for r in u.roles for w in r.role.split()}
        words: list[str] = []
        seen: set[str] = set()
        for u in per_article[a]:
            for word in re.findall(r"[A-Za-z][\w\-]+", u.text):
                lower = word.lower()
                stemmed = terms(word)
                if not stemmed or stemmed[0] in others | seen or lower in names | REPORTING:
                    continue
                seen.add(stemmed[0])
                words.append(lower)
        if words:
            out.notes.append(f"details only {label(articles[a])} gives: {', '.join(words[:limit])}")


def _speakers(per_article, articles, ids, out: Differences) -> None:
    """Who each outlet says the fact comes from ("Kurt Campbell" / "US officials")."""
    found = {a: list(dict.fromkeys(s for u in per_article[a] for s in u.speakers)) for a in ids}
    if not any(found.values()) or len({frozenset(v) for v in found.values()}) <= 1:
        return
    out.notes.append("attributed to: " + "; ".join(f"{label(articles[a])}: {', '.join(found[a]) or 'no one'}"
                                                   for a in ids))


def _numbers(per_article, articles, ids, out: Differences) -> None:
    found = {a: sorted({n for u in per_article[a] for n in u.numbers}) for a in ids}
    if len({tuple(v) for v in found.values()}) <= 1 or sum(1 for v in found.values() if v) < 1:
        return
    out.notes.append("numbers: " + "; ".join(f"{label(articles[a])} gives {', '.join(found[a]) or 'none'}" for a in ids))
    given = [set(v) for v in found.values() if v]
    if len(given) > 1 and _same_unit_conflict(given):
        out.contradicts = True


def _same_unit_conflict(given: list[set[str]]) -> bool:
    """Two sides give a number with the same unit and no value in common."""
    def by_unit(values: set[str]) -> dict[str, set[str]]:
        units: dict[str, set[str]] = {}
        for v in values:
            parts = v.split(" ", 1)
            units.setdefault(parts[1] if len(parts) > 1 else "", set()).add(parts[0])
        return units
    first, *rest = [by_unit(g) for g in given]
    for other in rest:
        for unit, values in first.items():
            if unit not in other or values & other[unit]:
                continue
            if unit or (len(values) == 1 and len(other[unit]) == 1):  # bare numbers: only one each to compare
                return True
    return False


def _dates(per_article, articles, ids, out: Differences) -> None:
    found = {a: list(dict.fromkeys(d for u in per_article[a] for d in u.dates)) for a in ids}
    keys = {a: {d.lower() for d in v} for a, v in found.items()}
    if len({frozenset(v) for v in keys.values()}) <= 1:
        return
    parts = []
    for a in ids:
        written = ", ".join(f"'{d}'" + _resolved(d, articles[a]) for d in found[a]) or "no date"
        parts.append(f"{label(articles[a])} says {written}")
    out.notes.append("dates: " + "; ".join(parts))
    explicit = [frozenset(d.lower() for d in v if EXPLICIT_DATE.search(d)) for v in found.values()]
    explicit = [e for e in explicit if e]
    if len(explicit) > 1 and not set.intersection(*map(set, explicit)):
        out.contradicts = True


def _resolved(expression: str, article: Article) -> str:
    """ "last week" against the article's date → " (2024-06-17 – 2024-06-23)"."""
    if not article.published:
        return ""
    try:
        day = iso_bounds(article.published)[0]
    except (ValueError, IndexError):
        return ""
    e = expression.lower()
    if e == "last week":
        monday = day - timedelta(days=day.weekday() + 7)
        return f" (= {monday.isoformat()} – {(monday + timedelta(days=6)).isoformat()})"
    if e == "yesterday":
        return f" (= {(day - timedelta(days=1)).isoformat()})"
    if e == "last month":
        last = day.replace(day=1) - timedelta(days=1)
        return f" (= {last.strftime('%Y-%m')})"
    if e == "last year":
        return f" (= {day.year - 1})"
    return ""


def _names(per_article, articles, ids, out: Differences) -> None:
    """People and organisations named by only some outlets, or spelt differently."""
    surfaces: dict[str, dict[str, list[str]]] = {}
    for a in ids:
        for u in per_article[a]:
            for entity in u.named:
                bucket = surfaces.setdefault(entity, {}).setdefault(a, [])
                bucket += [w for w in u.entities.get(entity, []) if w not in bucket]
    mentioned = {a: {e for u in per_article[a] for e in u.entities} for a in ids}
    for entity, by_article in surfaces.items():
        if any(entity not in mentioned[a] for a in ids):
            only = ", ".join(label(articles[a]) for a in by_article)
            out.notes.append(f"names: only {only} names {entity}")
            continue
        full = {a: [w for w in ws if len(w.split()) > 1] for a, ws in by_article.items()}
        if not all(full.values()):
            continue  # a short form on one side ("Putin") is not a different name
        spelled = {a: {w.replace("’", "'") for w in ws} for a, ws in full.items()}
        if len({frozenset(v) for v in spelled.values()}) > 1 and not set.intersection(*spelled.values()):
            written = "; ".join(f"{label(articles[a])} writes {' / '.join(repr(w) for w in full[a])}" for a in ids)
            out.notes.append(f"names: {entity}: {written}")


def _titles(per_article, articles, ids, out: Differences) -> None:
    titles: dict[str, dict[str, list[str]]] = {}
    for a in ids:
        for u in per_article[a]:
            for role in u.roles:
                bucket = titles.setdefault(role.entity, {}).setdefault(a, [])
                if role.role not in bucket:
                    bucket.append(role.role)
    for entity, by_article in titles.items():
        written = {a: by_article.get(a, []) for a in ids}
        if len({tuple(t.lower().replace("’", "'") for t in v) for v in written.values()}) <= 1:
            continue
        shown = "; ".join(f"{label(articles[a])}: {' / '.join(repr(t) for t in written[a]) or 'no title'}" for a in ids)
        out.notes.append(f"titles: {entity}: {shown}")
        if different_offices([t for v in written.values() for t in v]):
            out.contradicts = True


def different_offices(titles: list[str]) -> bool:
    """Titles that name different offices ("Russian President" / "Russian Prime Minister"),
    not different words for one ("Russian leader" / "Russian ruler" / "President")."""
    parsed = [offices.parse_title(t) for t in titles]
    keys = {p.office for p in parsed if p.office and p.office != "leader" and not p.former}
    return len(keys) > 1

