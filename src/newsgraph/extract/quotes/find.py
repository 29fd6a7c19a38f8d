"""Who said what in one article: the quote steps run in order, one quote per statement.

Everything is one pass over the text or the tokens; the steps are listed in the
package's ``__init__``.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Token

from newsgraph.extract.common.mention_index import MentionIndex
from newsgraph.extract.quotes.cues import cue_of
from newsgraph.extract.quotes.direct import Direct, clausal_quotes
from newsgraph.extract.quotes.headlines import Headline, headline_quote
from newsgraph.extract.quotes.loose import Loose, loose_quotes
from newsgraph.extract.quotes.marks import QuoteSpan, find_quote_spans
from newsgraph.extract.quotes.nouns import NounCue, noun_cues
from newsgraph.extract.quotes.pronouns import PRONOUN_GENDER, resolve_speaker_pronouns
from newsgraph.extract.quotes.reported import Reported, reported_clauses
from newsgraph.extract.quotes.speakers import GROUP_HEADS, TITLE_HEADS, SpeakerResolver
from newsgraph.records import Article, Entity, Mention, Quote
from newsgraph.reference import people
from newsgraph.reference.outlets import default_outlets

KIND_FACTOR = {"direct": 1.0, "mixed": 0.95, "indirect": 0.9}
HEADLINE_FACTOR = 0.85
UNATTRIBUTED_CONFIDENCE = 0.3
WEAK_CUE = 0.5
GROUP_PRONOUNS = {"they", "it", "we"}
MIN_OWN_WORDS = 3  # words of a reported clause outside the quotations it holds
OUTLET_PREFIX = re.compile(r"([^:\n]{2,40}):\s+")
WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
STOP = {"that", "this", "with", "from", "have", "would", "could", "will", "their", "they", "there",
        "which", "about", "been", "were", "into", "says", "said", "also", "than", "more"}


def find_quotes(article: Article, doc: Doc, mentions: list[Mention], entities: list[Entity]) -> list[Quote]:
    """Every quotation in the article with its speaker; spans are offsets into ``article.text``."""
    text = article.text
    resolver = SpeakerResolver(doc, MentionIndex(mentions), entities)
    spans = find_quote_spans(text)
    directs = clausal_quotes(text, doc, spans, resolver)
    skip = _quoted_tokens(doc, spans) | {d.cue.i for d in directs if d.cue is not None}
    quotes = [_from_direct(article, text, d) for d in directs]
    title_end = len(article.title) if article.title else 0
    headline = headline_quote(article.title, doc, resolver)
    if headline is not None:
        quotes.append(_from_headline(article, text, headline, spans))
    stated = list(quotes)  # direct and headline quotes: a reported clause may not cut into them
    for r in _without_weak_nested(reported_clauses(doc, resolver, skip)):
        if headline is not None and r.start < title_end:
            continue
        if r.verb is not None and r.verb.idx < r.start < title_end:
            r.end = len(article.title.rstrip(" .!?"))  # a headline is one clause: "US assumes that …"
        inside = [q for q in stated if r.start < q.end and q.start < r.end]
        if not inside:
            quotes.append(_from_reported(article, text, r, spans))
            continue
        reported = _from_reported(article, text, r, spans)
        if _absorbs(reported, inside, text, title_end):
            stated = [q for q in stated if q not in inside]
            quotes = [q for q in quotes if q not in inside] + [reported]
    for n in noun_cues(doc, resolver, skip):
        if n.start < title_end or any(n.start < q.end and q.start < n.end for q in stated) \
                or any(abs(q.start - n.start) + abs(q.end - n.end) < 8 for q in quotes):
            continue
        quotes.append(_from_noun(article, text, n, spans))
    quotes.sort(key=lambda q: (q.start, q.end))
    _continue_speakers(quotes, text, title_end)
    _pronouns_follow_the_speaker(quotes, text, title_end)
    resolve_speaker_pronouns(quotes, doc, mentions, entities, spans, title_end)
    taken = [(q.start, q.end) for q in quotes]
    quotes.extend(_from_loose(article, text, loose) for loose in loose_quotes(text, doc, spans, taken, resolver))
    for q in quotes:
        if q.start < title_end:
            q.confidence = round(q.confidence * HEADLINE_FACTOR, 3)
    _link_headline(quotes, title_end, {e.name for e in entities if e.type == "PERSON"})
    return sorted(quotes, key=lambda q: (q.start, q.end))


def _absorbs(reported: Quote, inside: list[Quote], text: str, title_end: int) -> bool:
    """ "acknowledged that there are still “some people” who feel that way, “but not among the
    vast majority.”": a reported clause that holds whole quotations and words of its own around
    them is the statement, and the quotations are its quoted parts (one mixed quote)."""
    if reported.start < title_end or any(q.start < title_end or q.kind != "direct" for q in inside):
        return False
    if not all(reported.start <= q.start and q.end <= reported.end for q in inside):
        return False
    outside = text[reported.start:reported.end]
    for q in sorted(inside, key=lambda q: -q.start):
        outside = outside[:q.start - reported.start] + outside[q.end - reported.start:]
    return len(WORD.findall(outside)) >= MIN_OWN_WORDS


def _quoted_tokens(doc: Doc, spans: list[QuoteSpan]) -> set[int]:
    """Indices of tokens inside quotation marks: a "we believe" there is not reported speech."""
    inside: set[int] = set()
    for s in spans:
        window = doc.char_span(s.inner_start, s.inner_end, alignment_mode="expand")
        if window is not None:
            inside.update(range(window.start, window.end))
    return inside


def _from_direct(article: Article, text: str, d: Direct) -> Quote:
    start, end = d.span.inner_start, d.span.inner_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–"):
        end -= 1
    s = d.speaker
    if s is None:  # kept, not dropped: a quotation whose speaker the text does not give nearby
        return Quote(article=article.id, start=start, end=end, text=text[start:end], kind="direct",
                     confidence=UNATTRIBUTED_CONFIDENCE)
    return Quote(article=article.id, start=start, end=end, text=text[start:end], kind="direct",
                 cue=_cue_name(d), speaker=s.text,
                 speaker_start=s.start, speaker_end=s.end, speaker_entity=s.entity,
                 confidence=round(min(1.0, s.confidence * _weight(d)), 3),
                 **_cue_span(d.cue), speaker_kind=s.kind)


def _without_weak_nested(found: list[Reported]) -> list[Reported]:
    """A weak cue (one that is an attribution in under half its uses, "request", "offer") inside
    what somebody else said is part of that statement, not a second one."""
    return [r for r in found
            if r.weight >= WEAK_CUE or r.verb is None
            or not any(o is not r and o.start <= r.verb.idx < o.end for o in found)]


def _pronouns_follow_the_speaker(quotes: list[Quote], text: str, title_end: int) -> None:
    """ "“…,” he said": a he/she speaker is the person of that gender last quoted by name in the
    paragraphs before, when the entity extractor's reading differs (it follows subjects, not
    speakers); an unresolved they/it/we is the organisation or document that spoke last."""
    last: Quote | None = None
    group: Quote | None = None  # "they" and "it" follow the last body that spoke
    for q in quotes:
        if q.start < title_end or q.speaker is None:
            continue
        pronoun = q.speaker.lower()
        if pronoun in GROUP_PRONOUNS and q.speaker_entity is None:
            if group is not None and group.speaker_entity and text.count("\n\n", group.end, q.start) <= 2:
                q.speaker_entity, q.speaker_kind = group.speaker_entity, group.speaker_kind
        elif pronoun in {"he", "she"}:
            if last is not None and last.speaker_entity and text.count("\n\n", last.end, q.start) <= 2 \
                    and people.gender(last.speaker_entity) in {None, PRONOUN_GENDER[pronoun]}:
                q.speaker_entity = last.speaker_entity
        elif q.speaker_entity and q.speaker_start is not None and q.speaker_kind == "person":
            last = q
        elif q.speaker_start is not None and q.speaker_kind in {"organisation", "document"}:
            group = q


def _continue_speakers(quotes: list[Quote], text: str, title_end: int) -> None:
    """A quotation with no speaker of its own continues the statement of the quote before it
    in its paragraph or the paragraph before (news style: "“A,” Molitor says. “B.”"), or,
    failing that, of the quote after it in its paragraph; confidence falls with the distance."""
    for k, q in enumerate(quotes):
        if q.speaker is not None or q.start < title_end:
            continue
        prev = next((p for p in reversed(quotes[:k]) if p.speaker is not None), None)
        nxt = next((n for n in quotes[k + 1:] if n.speaker is not None), None)
        source, factor = None, 0.0
        if prev is not None and prev.start >= title_end:
            breaks = text.count("\n\n", prev.end, q.start)
            source, factor = (prev, 0.85) if breaks == 0 else (prev, 0.6) if breaks == 1 else (None, 0.0)
        if source is None and nxt is not None and "\n\n" not in text[q.end:nxt.start]:
            source, factor = nxt, 0.7
        if source is not None:
            q.speaker, q.speaker_start, q.speaker_end = source.speaker, source.speaker_start, source.speaker_end
            q.speaker_entity, q.cue = source.speaker_entity, source.cue
            q.cue_start, q.cue_end, q.speaker_kind = source.cue_start, source.cue_end, source.speaker_kind
            q.confidence = round(min(0.9, source.confidence) * factor, 3)


def _from_loose(article: Article, text: str, loose: Loose) -> Quote:
    start, end = loose.span.inner_start, loose.span.inner_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–"):
        end -= 1
    s = loose.speaker
    if s is None:
        return Quote(article=article.id, start=start, end=end, text=text[start:end], kind="direct",
                     confidence=UNATTRIBUTED_CONFIDENCE)
    cue = loose.cue.lemma_.lower() if loose.cue is not None else None
    return Quote(article=article.id, start=start, end=end, text=text[start:end], kind="direct", cue=cue,
                 speaker=s.text, speaker_start=s.start, speaker_end=s.end, speaker_entity=s.entity,
                 confidence=round(min(1.0, s.confidence * loose.weight * KIND_FACTOR["mixed"]), 3),
                 **_cue_span(loose.cue), speaker_kind=s.kind)


def _cue_span(cue: Token | None) -> dict[str, int | None]:
    """Where the cue is written: the verb, or the whole of "according to"."""
    if cue is None:
        return {"cue_start": None, "cue_end": None}
    end = cue.idx + len(cue.text)
    if cue.lower_ == "according" and cue.i + 1 < len(cue.doc) and cue.doc[cue.i + 1].lower_ == "to":
        end = cue.doc[cue.i + 1].idx + 2
    return {"cue_start": cue.idx, "cue_end": end}


def _cue_name(d: Direct) -> str | None:
    if d.cue is None:
        return None
    return "according to" if d.cue.lower_ == "according" else d.cue.lemma_.lower()


def _weight(d: Direct) -> float:
    cue = cue_of(d.cue) if d.cue is not None else None
    return cue[1] if cue else 0.8


def _from_reported(article: Article, text: str, r: Reported, spans: list[QuoteSpan]) -> Quote:
    _balance(r, spans)
    _drop_prefix(r, text)
    mixed = any(r.start <= s.inner_start and s.inner_end <= r.end for s in _near(spans, r.start, r.end))
    kind = "mixed" if mixed else "indirect"
    s = r.speaker
    return Quote(article=article.id, start=r.start, end=r.end, text=text[r.start:r.end], kind=kind, cue=r.cue,
                 speaker=s.text, speaker_start=s.start, speaker_end=s.end, speaker_entity=s.entity,
                 confidence=round(min(1.0, s.confidence * r.weight * KIND_FACTOR[kind]), 3),
                 **_cue_span(r.verb), speaker_kind=s.kind)


def _from_noun(article: Article, text: str, n: NounCue, spans: list[QuoteSpan]) -> Quote:
    """ "Trump's claim that …": the clause, its source when written (else none, kept)."""
    mixed = any(n.start <= s.inner_start and s.inner_end <= n.end for s in _near(spans, n.start, n.end))
    kind = "mixed" if mixed else "indirect"
    cue = {"cue": n.noun.lemma_.lower(), "cue_start": n.noun.idx, "cue_end": n.noun.idx + len(n.noun.text)}
    s = n.speaker
    if s is None:
        return Quote(article=article.id, start=n.start, end=n.end, text=text[n.start:n.end], kind=kind,
                     confidence=UNATTRIBUTED_CONFIDENCE, **cue)
    return Quote(article=article.id, start=n.start, end=n.end, text=text[n.start:n.end], kind=kind,
                 speaker=s.text, speaker_start=s.start, speaker_end=s.end, speaker_entity=s.entity,
                 confidence=round(min(1.0, s.confidence * n.weight * KIND_FACTOR[kind]), 3),
                 speaker_kind=s.kind, **cue)


def _from_headline(article: Article, text: str, h: Headline, spans: list[QuoteSpan]) -> Quote:
    r = Reported(h.start, h.end, h.speaker, h.cue or "", 0.9, None)
    quote = _from_reported(article, text, r, spans)
    quote.cue, quote.cue_start, quote.cue_end = h.cue, h.cue_start, h.cue_end
    return quote


def _balance(r: Reported, spans: list[QuoteSpan]) -> None:
    """Widen a reported clause that cuts a quotation in two, so its text keeps both marks
    ("is “incredibly concerning,”" rather than "is “incredibly concerning")."""
    for s in _near(spans, r.start, r.end):
        if s.start < r.end < s.end:
            r.end = s.end
        if s.start < r.start < s.end:
            r.start = s.start


def _near(spans: list[QuoteSpan], start: int, end: int) -> list[QuoteSpan]:
    """The quotations that overlap [start, end) (spans are sorted and do not overlap)."""
    i = bisect_right(spans, start, key=lambda s: s.end)
    out = []
    while i < len(spans) and spans[i].start < end:
        out.append(spans[i])
        i += 1
    return out


def _drop_prefix(r: Reported, text: str) -> None:
    """ "The Guardian: Russian weapons … could destabilize …": the outlet prefix of a headline
    is a citation, not part of what was said."""
    m = OUTLET_PREFIX.match(text, r.start, r.end)
    if m and default_outlets().from_name(m.group(1)):
        r.start = m.end()


def _link_headline(quotes: list[Quote], title_end: int, people: set[str]) -> None:
    """ "…, says US official": when the body quotes a named person saying the same thing,
    the headline's anonymous official is that person (lower confidence)."""
    body = [q for q in quotes if q.start >= title_end and q.speaker_entity in people]
    for q in quotes:
        if q.start >= title_end or q.speaker_entity in people or not _anonymous(q.speaker):
            continue
        words = _content_words(q.text)
        if not words:
            continue
        best, score = None, 0.0
        for b in body:
            overlap = len(words & _content_words(b.text)) / len(words)
            if overlap > score:
                best, score = b, overlap
        if best is not None and score >= 0.5:
            q.speaker_entity = best.speaker_entity
            q.confidence = round(min(q.confidence, best.confidence) * 0.75, 3)


def _anonymous(speaker: str | None) -> bool:
    """ "US official", "a spokesperson": a speaker named only by a title or a group noun."""
    last = (speaker or "").split()[-1:] or [""]
    word = last[0].lower().rstrip("s")
    return word in TITLE_HEADS or word in GROUP_HEADS


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text) if w.lower() not in STOP}
