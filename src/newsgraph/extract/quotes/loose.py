"""Quoted words that no statement or reported clause claimed: kept, not dropped.

A quotation inside a sentence that is neither a statement of its own nor part of a reported
clause ("… as “a man who didn’t go to the gutter” and …") is still somebody's words. It is
kept when it is long enough not to be a scare quote or a title ("so-called "special
operation""), with the speaker of the sentence's reporting verb if it has one, else none.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.extract.quotes.cues import cue_of
from newsgraph.extract.quotes.marks import QuoteSpan
from newsgraph.extract.quotes.speakers import Speaker, SpeakerResolver, subject_of

MIN_WORDS = 4  # shorter quoted phrases are mostly names, titles and scare quotes
MIN_WORDS_PUNCTUATED = 3  # … unless they end like a sentence ("“We will win,”")


@dataclass
class Loose:
    span: QuoteSpan
    speaker: Speaker | None
    cue: Token | None
    weight: float


def loose_quotes(text: str, doc: Doc, spans: list[QuoteSpan], taken: list[tuple[int, int]],
                 resolver: SpeakerResolver) -> list[Loose]:
    """Quotations of ``spans`` that overlap nothing in ``taken``, long enough to be words said."""
    found = []
    for span in spans:
        if any(span.start < e and s < span.end for s, e in taken):
            continue
        inner = text[span.inner_start:span.inner_end].strip()
        words = len(inner.split())
        if words < MIN_WORDS and not (words >= MIN_WORDS_PUNCTUATED and inner[-1:] in ",.!?"):
            continue
        found.append(_attribute(doc, span, resolver))
    return found


def _attribute(doc: Doc, span: QuoteSpan, resolver: SpeakerResolver) -> Loose:
    """The subject of a reporting verb in the same sentence, outside the quotation."""
    window = doc.char_span(span.inner_start, span.inner_end, alignment_mode="expand")
    if window is None:
        return Loose(span, None, None, 0.0)
    sentence = window[0].sent
    for tok in sentence:
        if span.start <= tok.idx < span.end:
            continue
        cue = cue_of(tok)
        if cue is None:
            continue
        head = subject_of(tok)
        speaker = resolver.resolve(head) if head is not None else None
        if speaker is not None and not (span.start <= speaker.start < span.end):
            return Loose(span, speaker, tok, cue[1])
    return Loose(span, None, None, 0.0)
