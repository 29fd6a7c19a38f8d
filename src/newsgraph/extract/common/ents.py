"""The model's named-entity spans of a Doc, built once.

spaCy rebuilds ``doc.ents`` (and every ``span.ents``) from the tokens at each access: a pass
over the whole document. The event coder asks for the entities of a sentence for every
trigger it codes, so it reads them here instead. Nothing changes a Doc's entities after
annotation, so the spans of the last Doc asked for are kept (one Doc, held until the next).
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

_last: tuple[Doc, tuple[Span, ...], list[int]] | None = None


def doc_entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, computed once per Doc."""
    return _entities(doc)[0]


def entities_in(span: Span) -> tuple[Span, ...]:
    """The entities inside ``span`` (a sentence), as ``span.ents`` gives them."""
    ents, starts = _entities(span.doc)
    lo = bisect_left(starts, span.start)
    hi = lo
    while hi < len(ents) and ents[hi].end <= span.end:
        hi += 1
    return ents[lo:hi]


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity holding token ``i``, if any."""
    ents, starts = _entities(doc)
    k = bisect_left(starts, i + 1) - 1
    return ents[k] if k >= 0 and ents[k].start <= i < ents[k].end else None


def _entities(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    global _last
    if _last is None or _last[0] is not doc:
        ents = tuple(doc.ents)
        _last = (doc, ents, [e.start for e in ents])
    return _last[1], _last[2]
