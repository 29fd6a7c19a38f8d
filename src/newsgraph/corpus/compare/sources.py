"""Who an article quotes and which sources it cites, for the outlet comparison.

The answers come from the extractors' Quote and Citation records. When a story has
none at all (an older store, or quote extraction switched off), a plain fallback reads
them off the mentions: a person next to a speech verb ("Campbell noted", "said Matthew
Miller", "Zinoviev, who claimed") is a speaker, and what follows "according to",
"Source:" or "with reference to" is a source. The fallback never overrides records.
"""

from __future__ import annotations

import re

from newsgraph.records import ArticleAnalysis, Mention, Role

SPEECH = (r"said|says|say|stated|states|noted|notes|added|adds|believes|believed|thinks|thought|claimed|claims|"
          r"concluded|told|tells|warned|warns|argued|argues|stressed|stresses|highlighted|explained|announced|"
          r"insisted|emphasi[sz]ed|wrote|writes|declared|remarked|confirmed|denied|asserted|suggested")
_AFTER = re.compile(rf"^\s*(?:,[^,.;]{{0,90}},\s*)?(?:,?\s*who\s+)?(?:has\s+|had\s+|have\s+)?(?:also\s+|previously\s+|then\s+)?"
                    rf"(?:{SPEECH})\b")
_BEFORE = re.compile(rf"\b(?:{SPEECH})\s*,?\s*$")
_CITE = re.compile(r"\b(?:according to|with reference to|citing|cited by|quoted by|reported by|reports? by|"
                   r"as reported by|source\s*:)\s*(?:the\s+)?(?:(?:statement|report|words|interview|article)s?\s+"
                   r"(?:by|of|from|with)\s+(?:the\s+)?)?", re.IGNORECASE)
SOURCE_TYPES = {"ORG", "PERSON", "OUTLET", "GPE", "NORP"}


def speakers(analysis: ArticleAnalysis, use_fallback: bool) -> list[str]:
    """Speakers in order of first quotation: canonical names, else the speaker as written."""
    names = [q.speaker_entity or q.speaker for q in sorted(analysis.quotes, key=lambda q: q.start)]
    names = [n for n in names if n]
    if not names and use_fallback:
        names = _speakers_from_mentions(analysis)
    return list(dict.fromkeys(names))


def cited(analysis: ArticleAnalysis, use_fallback: bool) -> list[str]:
    """Cited outlets, people and documents in order of first citation."""
    names = [c.cited for c in sorted(analysis.citations, key=lambda c: c.start)]
    if not names and use_fallback:
        names = _citations_from_mentions(analysis)
    return list(dict.fromkeys(names))


def _speakers_from_mentions(analysis: ArticleAnalysis) -> list[str]:
    text = analysis.article.text
    out = []
    for m in analysis.mentions:
        if m.type != "PERSON" or not m.entity:
            continue
        after = text[m.end:m.end + 120]
        before = text[max(0, m.start - 15):m.start]
        if _AFTER.match(after) or _BEFORE.search(before):
            out.append((m.start, m.entity))
    return [name for _, name in sorted(out)]


def _citations_from_mentions(analysis: ArticleAnalysis) -> list[str]:
    text = analysis.article.text
    titles = [r for e in analysis.entities if e.type == "PERSON" for r in e.roles if len(r.role.split()) > 1]
    out = []
    for cue in _CITE.finditer(text):
        source = _title_at(text, titles, cue.end()) or _mention_at(analysis.mentions, cue.start(), cue.end())
        if source:
            out.append((cue.start(), source))
    return [name for _, name in sorted(out)]


def _title_at(text: str, titles: list[Role], offset: int) -> str | None:
    """ "the US Deputy Secretary of State": a title the article gave one person stands for them."""
    following = text[offset:offset + 80].lower().replace("’", "'")
    for role in sorted(titles, key=lambda r: -len(r.role)):
        if following.startswith(role.role.lower().replace("’", "'")):
            return role.entity
    return None


def _mention_at(mentions: list[Mention], cue_start: int, cue_end: int) -> str | None:
    """The source named right after the cue ("according to The Guardian": the cue took "The ")."""
    starting = [m for m in mentions if max(cue_start, cue_end - 4) <= m.start <= cue_end + 2 and m.type in SOURCE_TYPES]
    if not starting:
        return None
    best = max(starting, key=lambda m: m.end - m.start)
    return best.entity or best.text
