"""The headline: the page's own, not its social title, a site suffix or a breadcrumb.

On HTML the h1 and the metadata titles (JSON-LD headline, og:title, <title>) are weighed
against each other: the h1 the metadata supports wins (pages have logo and sidebar h1s,
and social titles are rewritten for sharing); failing that, the metadata titles in that
order, each without the site's name at either end.
"""

from __future__ import annotations

import re

from newsgraph.reference.outlets import outlet_key
from newsgraph.structure.metadata.outlet import TITLE_SEPARATOR, squash

# An h1 is supported by a metadata title sharing this share of its words.
SUPPORT = 0.5
_WORD = re.compile(r"\w+")


def words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.casefold()) if len(w) > 1 or w.isdigit()}


def overlap(a: str, b: str) -> float:
    """The share of ``a``'s words that ``b`` has too."""
    wa = words(a)
    return len(wa & words(b)) / len(wa) if wa else 0.0


def strip_site(title: str, site_names: list[str]) -> str:
    """"Headline - Site" → "Headline"; also "Site | Headline" and "Headline | Section | Site"."""
    keys = {squash(n) for n in site_names if n} - {""}
    parts = TITLE_SEPARATOR.split(title.strip())
    if len(parts) < 2 or not keys:
        return title.strip()
    separators = TITLE_SEPARATOR.findall(title.strip())

    def is_site(part: str) -> bool:
        key = squash(part)
        return key in keys or any(len(k) >= 4 and (key.startswith(k) or k.startswith(key)) and
                                  abs(len(key) - len(k)) <= 4 for k in keys)

    start, end = 0, len(parts)
    while end - start > 1 and is_site(parts[end - 1]):
        end -= 1
    while end - start > 1 and is_site(parts[start]):
        start += 1
    if end == len(parts) and start == 0:
        return title.strip()
    text = parts[start]
    for i in range(start + 1, end):
        text += separators[i - 1] + parts[i]
    return text.strip()


def choose_headline(h1s: list[str], titles: list[str], html_title: str | None,
                    site_names: list[str]) -> str | None:
    """The h1 the metadata titles support, else the first metadata title, without site names."""
    cleaned = [strip_site(t, site_names) for t in [*titles, *([html_title] if html_title else [])] if t]
    candidates = [h for h in h1s[:6] if 1 <= len(h.split()) <= 40 and outlet_key(h)]
    best, best_support = None, 0.0
    for h1 in candidates:
        if squash(h1) in {squash(n) for n in site_names if n}:
            continue  # a logo in an h1
        support = max((min(overlap(h1, t), overlap(t, h1) + 0.25) for t in cleaned), default=0.0)
        if support > best_support:
            best, best_support = h1, support
    if best is not None and best_support >= SUPPORT:
        return best
    if cleaned:
        return _without_sections(cleaned[0], site_names)
    return candidates[0] if candidates else None


def _without_sections(title: str, site_names: list[str]) -> str:
    """A title that still ends in " | Section" keeps its first, longest part."""
    parts = TITLE_SEPARATOR.split(title)
    if len(parts) > 2 and len(parts[0].split()) >= 4 and all(len(p.split()) <= 3 for p in parts[1:]):
        return parts[0]
    return title
