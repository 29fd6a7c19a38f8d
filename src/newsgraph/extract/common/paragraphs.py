"""Paragraphs: where the article's blocks begin and end, in characters and in tokens.

The parser runs over the whole article and sometimes joins a line without final
punctuation (a headline, a "Source: …" line) to the next paragraph; the extractors use
these helpers so that nothing they report crosses a paragraph break.
"""

from __future__ import annotations

from spacy.tokens import Doc

PARAGRAPH_KEY = "newsgraph.paragraph_ids"


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each block of ``text`` (blocks are separated by blank lines)."""
    bounds, start = [], 0
    while start <= len(text):
        end = text.find("\n\n", start)
        if end < 0:
            end = len(text)
        if end > start:
            bounds.append((start, end))
        start = end + 2
    return bounds


def break_between(doc: Doc, i: int, j: int) -> bool:
    """Whether a paragraph break lies between tokens i and j."""
    ids = paragraph_ids(doc)
    return ids[i] != ids[j]


def paragraph_ids(doc: Doc) -> list[int]:
    """Paragraph number of every token (a token ending in a newline closes its paragraph);
    computed once per Doc and kept in ``doc.user_data``."""
    ids = doc.user_data.get(PARAGRAPH_KEY)
    if ids is None or len(ids) != len(doc):
        ids, n = [], 0
        for t in doc:
            if "\n" in t.text:
                n += 1  # a whitespace token holding the break belongs to neither side
            ids.append(n)
            if "\n" in t.whitespace_ or "\n" in t.text:
                n += 1
        doc.user_data[PARAGRAPH_KEY] = ids
    return ids
