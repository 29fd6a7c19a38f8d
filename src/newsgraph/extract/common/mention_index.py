"""Look up the entity mentions that fall on a token or inside a span, in O(log n)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Span, Token

from newsgraph.records import Mention

# when several mentions overlap one token, the most specific reading wins
KIND_RANK = {"name": 0, "alias": 1, "title": 2, "pronoun": 3, "metonym": 4, "demonym": 5}


class MentionIndex:
    """The article's mentions sorted by start offset."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = sorted((m for m in mentions if m.end > m.start), key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.mentions]
        self.longest = max((m.end - m.start for m in self.mentions), default=0)

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """Mentions that share at least one character with [start, end)."""
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        return [m for m in self.mentions[lo:hi] if m.end > start]

    def inside(self, start: int, end: int) -> list[Mention]:
        """Mentions wholly within [start, end)."""
        lo = bisect_left(self.starts, start)
        hi = bisect_right(self.starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def on_token(self, token: Token) -> Mention | None:
        """The best resolved mention covering this token (name before title before demonym)."""
        found = [m for m in self.overlapping(token.idx, token.idx + len(token.text)) if m.entity]
        if not found:
            return None
        return min(found, key=lambda m: (KIND_RANK.get(m.kind, 9), -(m.end - m.start)))

    def in_span(self, span: Span, types: set[str] | None = None) -> list[Mention]:
        return [m for m in self.inside(span.start_char, span.end_char)
                if m.entity and (types is None or m.type in types)]

    def before(self, offset: int, types: set[str], window: int) -> Mention | None:
        """The last resolved mention of one of ``types`` ending before ``offset``, within ``window`` chars."""
        hi = bisect_left(self.starts, offset)
        for m in reversed(self.mentions[:hi]):
            if m.start < offset - window:
                return None
            if m.entity and m.type in types and m.end <= offset and m.kind != "demonym":
                return m
        return None
