"""Article paragraphs the HTML extractor left out: later chunks of the same body.

Some templates split one article into several containers of the same kind (a new
``<div class="body">`` after every embed or ad slot); trafilatura then keeps the first
and drops the rest. The paragraphs it kept show which containers hold the article: a
paragraph elsewhere on the page whose container has the same tag and class, and that
reads as prose with few links, belongs to the article too. Comment threads never do,
and a container without a class tells nothing.
"""

from __future__ import annotations

import re
from collections import Counter

import lxml.html

from newsgraph.structure.cleanup import tidy
from newsgraph.structure.lines import is_prose, word_count

# A container signature must hold at least this many of the kept paragraphs.
MIN_KEPT = 2
# A page paragraph is among the kept ones when this share of its word triples is.
KEPT_SHARE = 0.5
# A paragraph whose text is more than this share links is a teaser or a link list.
MAX_LINK_SHARE = 0.3
_COMMENT = re.compile(r"comment|reply|respon", re.IGNORECASE)


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.casefold())
    return {tuple(words[i:i + 3]) for i in range(max(1, len(words) - 2))}


def _is_kept(text: str, kept: set[tuple[str, ...]]) -> bool:
    """Most of the text is among the kept paragraphs (which may split or trim it)."""
    shingles = _shingles(text)
    return sum(s in kept for s in shingles) >= KEPT_SHARE * len(shingles)


def _signature(node: lxml.html.HtmlElement) -> tuple[str, str] | None:
    parent = node.getparent()
    if parent is None or not isinstance(parent.tag, str):
        return None
    classes = " ".join(sorted((parent.get("class") or "").split()))
    return (parent.tag, classes) if classes else None  # a bare <div> says nothing of what it holds


def _in_comments(node: lxml.html.HtmlElement) -> bool:
    return any(_COMMENT.search(f"{a.get('class') or ''} {a.get('id') or ''}") for a in node.iterancestors())


def _link_share(node: lxml.html.HtmlElement, length: int) -> float:
    linked = sum(len(tidy(a.text_content())) for a in node.iter("a"))
    return linked / length if length else 1.0


def add_missing_chunks(tree: lxml.html.HtmlElement, paragraphs: list[str]) -> list[str]:
    """``paragraphs`` with the prose of sibling containers put back, in page order."""
    kept = set().union(*(_shingles(p) for p in paragraphs)) if paragraphs else set()
    nodes = [(node, text, _is_kept(text, kept)) for node in tree.iter("p") if (text := tidy(node.text_content()))]
    where = tree.getroottree().getpath
    holders = {where(node.getparent()) for node, _, is_kept in nodes if is_kept}
    signatures = Counter(sig for node, _, is_kept in nodes if is_kept and (sig := _signature(node)))
    article = {sig for sig, n in signatures.items() if n >= MIN_KEPT}
    if not article:
        return paragraphs
    after: dict[int, list[str]] = {}
    last_kept, index = -1, {p: i for i, p in enumerate(paragraphs)}
    for node, text, is_kept in nodes:
        if is_kept:
            last_kept = max(last_kept, _position(text, paragraphs, index, last_kept))
        elif where(node.getparent()) not in holders and _signature(node) in article \
                and is_prose(text, word_count(text)) and _link_share(node, len(text)) <= MAX_LINK_SHARE \
                and not _in_comments(node):
            after.setdefault(last_kept, []).append(text)
            kept |= _shingles(text)  # once, even when the page repeats it
    if not after:
        return paragraphs
    result = list(after.get(-1, []))
    for i, paragraph in enumerate(paragraphs):
        result.append(paragraph)
        result += after.get(i, [])
    return result


def _position(text: str, paragraphs: list[str], index: dict[str, int], last: int) -> int:
    """Which kept paragraph a page paragraph is: its own line, or the first kept line inside it."""
    if text in index:
        return index[text]
    return next((i for i in range(last + 1, len(paragraphs)) if paragraphs[i] in text), last)
