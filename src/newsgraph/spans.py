"""Evidence spans: turn character offsets into the sentence a reader can check."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

# A sentence ends after . ! ? or … and any closing quotes or brackets; the gap is the
# white space after them (group "gap"), or any run of newlines.
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"'”’»)]*(?P<gap>\s+)(?=[\"'“‘«(]?[A-Z0-9])|(?P<lines>\n+)")


@lru_cache(maxsize=16)
def _boundaries(text: str) -> tuple[list[int], list[int]]:
    """Sentence boundaries as (starts of gaps, ends of gaps), computed once per text."""
    gaps = [m.span("gap") if m.group("gap") else m.span("lines") for m in _BOUNDARY.finditer(text)]
    return [g[0] for g in gaps], [g[1] for g in gaps]


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to whole sentences of ``text`` (cheap rules, no model)."""
    gap_starts, gap_ends = _boundaries(text)
    i = bisect_right(gap_ends, start) - 1
    left = gap_ends[i] if i >= 0 else 0
    j = bisect_right(gap_starts, max(start, end - 1))
    right = gap_starts[j] if j < len(gap_starts) else len(text)
    return left, max(right, end)


def evidence_sentence(text: str, start: int, end: int) -> str:
    """The sentence(s) containing [start, end)."""
    left, right = sentence_bounds(text, start, end)
    return text[left:right].strip()
