"""Find the stretches of an article inside quotation marks.

Straight quotes (") carry no direction, so opening vs closing is read from the
neighbouring characters. Quotes never cross a paragraph: news style leaves a
multi-paragraph quote unclosed at the end of each paragraph and reopens it in the
next, so an unclosed quote ends with its paragraph and is marked ``continues``. The New York
Times writes two apostrophes for a quotation mark (''…''); they are read as one mark.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.extract.common.paragraphs import paragraph_bounds

OPENERS = {"“": "”", "„": "”", "«": "»", "‘": "’"}
STRAIGHT = '"'
DOUBLED = "''"  # the NYT's quotation mark
OPEN_CONTEXT = set(" \t\n([{—–-/:;") | {""}


@dataclass
class QuoteSpan:
    """A quotation: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    continues: bool = False  # unclosed at the end of its paragraph

    def words(self, text: str) -> int:
        return len(text[self.inner_start:self.inner_end].split())


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every top-level quotation in ``text``, in order (nested quotes stay inside their parent)."""
    spans: list[QuoteSpan] = []
    for p_start, p_end in paragraph_bounds(text):
        spans.extend(_in_paragraph(text, p_start, p_end))
    return spans


def _in_paragraph(text: str, p_start: int, p_end: int) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    i = p_start
    while i < p_end:
        ch = text[i]
        prev = text[i - 1] if i > p_start else ""
        closer = None
        if text.startswith(DOUBLED, i) and prev in OPEN_CONTEXT:
            close = text.find(DOUBLED, i + 2, p_end)
            if close > i + 2:
                spans.append(QuoteSpan(i, close + 2, i + 2, close))
                i = close + 2
            else:
                spans.append(QuoteSpan(i, p_end, i + 2, p_end, continues=True))
                i = p_end
            continue
        if ch == STRAIGHT and prev in OPEN_CONTEXT:
            closer = STRAIGHT
        elif ch in OPENERS and ch != "‘":
            closer = OPENERS[ch]
        elif ch == "”" and prev in OPEN_CONTEXT and text.find("”", i + 1, p_end) > 0:
            closer = "”"  # sites that use ” for both ends
        elif ch == "‘" and prev in OPEN_CONTEXT:
            closer = "’"
        if closer is None:
            i += 1
            continue
        end = _closing(text, i + 1, p_end, closer)
        if end is None:
            if closer == "’":  # an apostrophe, not a quote
                i += 1
                continue
            spans.append(QuoteSpan(i, p_end, i + 1, p_end, continues=True))
            break
        spans.append(QuoteSpan(i, end + 1, i + 1, end))
        i = end + 1
    return spans


def _closing(text: str, i: int, p_end: int, closer: str) -> int | None:
    """Offset of the mark that closes a quote opened just before ``i``. A “…” opened inside
    (“I'd rather live in what he calls “hell” than …”) is a quote within the quote: its ” does
    not close the outer one."""
    depth = 0
    while i < p_end:
        ch = text[i]
        if ch == "“" and closer in {"”", STRAIGHT} and text[i - 1] in OPEN_CONTEXT:
            depth += 1
        elif ch == "”" and depth:
            depth -= 1
        elif ch == closer or (closer == STRAIGHT and ch == "”") or (closer == "”" and ch == STRAIGHT):
            nxt = text[i + 1] if i + 1 < p_end else ""
            if closer == "’" and nxt.isalpha():  # Putin’s
                i += 1
                continue
            return i
        i += 1
    return None

