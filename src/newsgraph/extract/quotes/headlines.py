"""Headline attributions: "…, says US official", "Putin: …".

Headlines are written in a fixed pattern and parse badly (no final full stop, and the
parser often runs them into the first paragraph), so the trailing-attribution and colon
forms are read with a pattern over the title's text rather than its parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from newsgraph.extract.quotes.speakers import Speaker, SpeakerResolver
from newsgraph.reference.outlets import default_outlets

TRAILING = re.compile(
    r"^(?:(?P<outlet>[^:]{2,40}):\s+)?(?P<content>.{8,}?),?\s+(?P<cue>says|said|warns|warned|claims|claimed|tells|told|"
    r"admits|insists|believes|thinks|reports|report)\s+(?P<speaker>[^,:;]{2,60}?)\s*[.!]?$", re.IGNORECASE)
COLON = re.compile(r"^(?P<speaker>[^:]{2,40}):\s+(?P<content>.{8,})$")
CUE_LEMMA = {"says": "say", "said": "say", "warns": "warn", "warned": "warn", "claims": "claim", "claimed": "claim",
             "tells": "tell", "told": "tell", "admits": "admit", "insists": "insist", "believes": "believe",
             "thinks": "think", "reports": "report", "report": "report"}


@dataclass
class Headline:
    start: int
    end: int
    speaker: Speaker
    cue: str | None
    cue_start: int | None = None
    cue_end: int | None = None


def headline_quote(title: str | None, doc: Doc, resolver: SpeakerResolver) -> Headline | None:
    """The attribution in a headline at the start of ``doc``, if it has one of the two forms."""
    if not title:
        return None
    m = TRAILING.match(title)
    if m:
        speaker = _speaker_at(doc, m.start("speaker"), m.end("speaker"), resolver)
        if speaker is not None:
            return Headline(m.start("content"), m.end("content"), speaker, CUE_LEMMA[m.group("cue").lower()],
                            m.start("cue"), m.end("cue"))
    m = COLON.match(title)
    if m and not default_outlets().from_name(m.group("speaker")):
        speaker = _speaker_at(doc, m.start("speaker"), m.end("speaker"), resolver)
        if speaker is not None and speaker.entity:
            return Headline(m.start("content"), m.end("content"), speaker, None)
    return None


def _speaker_at(doc: Doc, start: int, end: int, resolver: SpeakerResolver) -> Speaker | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) > 8:
        return None
    head = next((t for t in reversed(span) if t.pos_ in {"NOUN", "PROPN", "PRON"}), None)
    speaker = resolver.resolve(head) if head is not None else None
    if speaker is not None and (speaker.start < start or speaker.end > end):
        return None  # a name that runs over the colon is a title ("Breitbart News Daily: A World at War")
    return speaker
