"""Direct quotations: whole statements in quotation marks and who they are attributed to.

A quotation counts as a statement of its own ("clausal") when nothing but an attribution
stands between it and the sentence edges: ``"…," he said.``, ``Campbell said: "…"``,
``"…," X said, "…"``. Shorter quoted phrases inside a sentence ("had a "dramatic
step-up"") are left to reported speech, where they make a quote mixed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.extract.common.paragraphs import paragraph_bounds
from newsgraph.extract.quotes.cues import cue_of
from newsgraph.extract.quotes.marks import QuoteSpan
from newsgraph.extract.quotes.speakers import Speaker, SpeakerResolver, subject_of

SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|Sr|Jr|St|Lt))(?<!\b(?:Mrs|Rep|Sen|Gov|Gen|Col|Sgt|Del|Rev))(?<!\bCapt)"
                          r"[.!?…](?=[\s\"'”’»]|$)")  # "Rep. Elijah E. Cummings (D-Md.) said" is one sentence
COLON_SPEAKER = re.compile(r"^\s*([^\s:][^:]{0,60}?)\s*:\s*$")
SIGNATURE = re.compile(r"[ \t]*[―—–][ \t\xa0]*(?=[A-Z])")  # "” ― Name", a dash before who said it
TRANSCRIPT_LABEL = re.compile(r"\s*([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2}):\s+")  # "PENCE: …", "MR. HOLT: …"
INHERIT_GAP = 120  # chars of attribution allowed between two parts of one quote
ATTRIBUTION_PUNCT = {",", "?", "!", "—", "–"}  # how a quotation ends when its attribution follows
MANNER_FACTOR = 0.8  # a verb not in the cue table
SUBJECT_REACH = 16  # tokens between a closing mark and its cue that may hold the speaker
MODIFIERS = {"compound", "poss", "amod", "nmod"}
QUOTE_MARK = re.compile("[“”\"]|''")


@dataclass
class Direct:
    """A clausal quotation with its attribution (speaker None when none was found)."""

    span: QuoteSpan
    speaker: Speaker | None
    cue: Token | None
    paragraph: int
    inherited: bool = False


def clausal_quotes(text: str, doc: Doc, spans: list[QuoteSpan], resolver: SpeakerResolver) -> list[Direct]:
    """Clausal quotations with their speakers, in text order."""
    paragraphs = paragraph_bounds(text)
    found: list[Direct] = []
    p = 0
    for k, span in enumerate(spans):
        while paragraphs[p][1] < span.start:
            p += 1
        p_start, p_end = paragraphs[p]
        prev_end = spans[k - 1].end if k and spans[k - 1].end > p_start else p_start
        next_start = spans[k + 1].start if k + 1 < len(spans) and spans[k + 1].start < p_end else p_end
        before_start = _last_sentence_end(text, prev_end, span.start)
        after_end = _first_sentence_end(text, span.end, next_start)
        before, after = text[before_start:span.start], text[span.end:after_end]
        if not _is_clausal(text, span, before, after, doc):
            continue
        labelled = _transcript_turn(text, doc, span, resolver, p)
        direct = labelled or _attribute(doc, span, before_start, after_end, resolver, p)
        if direct.speaker is None:
            direct = _signed(text, doc, span, p_end, resolver, p) or direct
        if direct.speaker is None and not before.strip() and p > 0:
            direct = _lead_in(text, doc, span, paragraphs[p - 1], resolver, p) or direct
        if direct.speaker is None:
            _inherit(direct, found, text, before, after)
        found.append(direct)
    _look_ahead(found)
    return found


def _look_ahead(found: list[Direct]) -> None:
    """A quote left open at the end of its paragraph takes the speaker of the quote that
    continues it in the next paragraph ("…\n\n"… ," Campbell said.)."""
    for k in range(len(found) - 2, -1, -1):
        d, nxt = found[k], found[k + 1]
        if d.speaker is None and d.span.continues and nxt.speaker is not None and nxt.paragraph == d.paragraph + 1:
            s = nxt.speaker
            d.speaker = Speaker(s.text, s.start, s.end, s.entity, s.confidence * 0.85, s.how, s.kind)
            d.cue = nxt.cue
            d.inherited = True


def _last_sentence_end(text: str, lo: int, hi: int) -> int:
    last = lo
    for m in SENTENCE_END.finditer(text, lo, hi):
        last = m.end()
    return last


def _first_sentence_end(text: str, lo: int, hi: int) -> int:
    m = SENTENCE_END.search(text, lo, hi)
    return m.end() if m else hi


def _is_clausal(text: str, span: QuoteSpan, before: str, after: str, doc: Doc) -> bool:
    """Whether the quotation is a statement of its own rather than a phrase inside a sentence."""
    if span.words(text) < 1:
        return False
    lead = before.strip()
    inner = text[span.inner_start:span.inner_end].rstrip()
    opens = (not lead or lead.endswith((":", ",", "—", "–")) or _ends_with_cue(doc, span.start))
    tail = after.strip()
    closes = (not tail or tail[0] in ".,!?;:—–―" or (inner[-1:] in ",.!?…—–" and _has_cue(doc, span.end, span.end + len(after)))
              or (inner[-1:] in ATTRIBUTION_PUNCT and _speaker_verb_follows(doc, span.end, span.end + len(after))))
    return opens and closes and (span.words(text) >= 3 or not lead)


def _ends_with_cue(doc: Doc, offset: int) -> bool:
    """ ``Campbell said "…"`` without a comma."""
    tokens = doc.char_span(max(0, offset - 12), offset, alignment_mode="expand")
    return bool(tokens) and cue_of(tokens[-1]) is not None


def _speaker_verb_follows(doc: Doc, lo: int, hi: int) -> bool:
    """ "“…,” she yells", "“…?” asked Ms. Ortiz": a subject and its verb right after the closing
    mark, the verb one the cue table may not list."""
    window = doc.char_span(lo, hi, alignment_mode="contract") if hi > lo else None
    if not window:
        return False
    words = [t for t in window[:5] if not t.is_punct]
    verb = next((t for t in words[:4] if t.pos_ == "VERB"), None)
    if verb is None:
        return False
    head = subject_of(verb)
    return head is not None and lo <= head.idx < hi and (head.pos_ == "PROPN" or head.lower_ in {"he", "she"})


def _has_cue(doc: Doc, lo: int, hi: int) -> bool:
    window = doc.char_span(lo, hi, alignment_mode="contract") if hi > lo else None
    return bool(window) and any(cue_of(t) or t.lower_ == "according" for t in window)


def _attribute(doc: Doc, span: QuoteSpan, lo: int, hi: int, resolver: SpeakerResolver, p: int) -> Direct:
    """Look for the reporting verb after the quotation first (news style), then before it."""
    after = doc.char_span(span.end, hi, alignment_mode="contract") if hi > span.end else None
    before = doc.char_span(lo, span.start, alignment_mode="contract") if span.start > lo else None
    if after is not None and _new_sentence(doc.text, span, after.text):
        after = None
    for tokens in (list(after or []), list(reversed(before or []))):
        for tok in tokens:
            if tok.lower_ == "according":  # "…," according to Campbell.
                source = _according_source(tok)
                speaker = resolver.resolve(source) if source is not None else None
                if speaker is not None and speaker.entity:
                    return Direct(span, speaker, tok, p)
                continue
            if cue_of(tok) is None:
                continue
            head = subject_of(tok)
            if head is not None and span.start <= head.idx < span.end:  # the parse took a word of a quotation
                head = _subject_between(doc, span.end, tok) if tok.idx > span.start else None
            elif head is not None and head.idx > tok.idx and QUOTE_MARK.search(doc.text, tok.idx, head.idx):
                head = _subject_between(doc, span.end, tok)  # … or of the next one: "said on “Fox and Friends.”"
            speaker = resolver.resolve(head) if head is not None else None
            if speaker is None:
                speaker = _nearby_mention(tokens, resolver)
            if speaker is not None:
                return Direct(span, speaker, tok, p)
    tail = doc.text[span.inner_start:span.inner_end].rstrip()[-1:]
    if after is not None and tail in ATTRIBUTION_PUNCT:
        found = _manner_verb(list(after), resolver)
        if found is not None:
            return Direct(span, found[0], found[1], p)
    if before is not None:
        m = COLON_SPEAKER.match(before.text)
        if m:  # headline style "Putin: "…""
            head = before.root
            speaker = resolver.resolve(head)
            if speaker is not None and speaker.entity:
                return Direct(span, speaker, None, p)
    return Direct(span, None, None, p)


def _subject_between(doc: Doc, start: int, verb: Token) -> Token | None:
    """ "“My reaction, that was outrageous,” Obama's former campaign strategist said", "“…,” Flynn,
    a top Trump surrogate, said … on “Fox and Friends.”": when the parse gives the cue a subject
    inside a quotation, the first noun phrase between the closing mark and the verb is the
    speaker (its head: the first noun that does not modify another)."""
    for tok in doc[max(0, verb.i - SUBJECT_REACH):verb.i]:
        if tok.idx >= start and tok.pos_ in {"NOUN", "PROPN", "PRON"} and tok.dep_ not in MODIFIERS:
            return tok
    return None


def _manner_verb(tokens: list[Token], resolver: SpeakerResolver) -> tuple[Speaker, Token] | None:
    """ "“Did you shoot him?” she yells", "“…,” he continued": a quotation that ends in a comma
    (or ? !) hands over to its attribution, whatever verb it uses; the first verb after it whose
    subject is a person is the cue (manner-of-speaking verbs are an open class)."""
    for tok in tokens[:4]:
        if tok.pos_ != "VERB":
            continue
        head = subject_of(tok)
        if head is None or head.i > tok.i + 2:
            return None
        speaker = resolver.resolve(head)
        if speaker is not None and speaker.kind == "person":
            speaker.confidence *= MANNER_FACTOR
            return speaker, tok
        return None
    return None


def _transcript_turn(text: str, doc: Doc, span: QuoteSpan, resolver: SpeakerResolver, p: int) -> Direct | None:
    """ ""PENCE: Well, look, …"": a transcript turn names its speaker in capitals before a colon;
    the label is the speaker, the words after it the quotation."""
    m = TRANSCRIPT_LABEL.match(text, span.inner_start, span.inner_end)
    if m is None:
        return None
    start, end = m.span(1)
    tokens = doc.char_span(start, end, alignment_mode="expand")
    found = resolver.resolve(tokens.root) if tokens is not None else None
    speaker = found if found is not None and found.entity else Speaker(m.group(1), start, end, None, 0.6, "name",
                                                                         "person")
    turn = QuoteSpan(span.start, span.end, m.end(), span.inner_end, span.continues)
    return Direct(turn, speaker, None, p)


def _signed(text: str, doc: Doc, span: QuoteSpan, p_end: int, resolver: SpeakerResolver, p: int) -> Direct | None:
    """ "“…” ― Adriana Rodarte": a quotation signed with a dash and a name after it."""
    m = SIGNATURE.match(text, span.end, p_end)
    if m is None:
        return None
    line_end = text.find("\n", m.end(), p_end)
    window = doc.char_span(m.end(), p_end if line_end < 0 else line_end, alignment_mode="contract")
    for tok in window or []:
        speaker = resolver.resolve(tok) if tok.pos_ == "PROPN" else None
        if speaker is not None and speaker.entity and speaker.kind == "person":
            return Direct(span, speaker, None, p)
    return None


def _lead_in(text: str, doc: Doc, span: QuoteSpan, previous: tuple[int, int], resolver: SpeakerResolver,
             p: int) -> Direct | None:
    """ "He said:" or "Caddell continued:" closing the paragraph before a quotation that opens
    its own: the lead-in's speaker says it."""
    lead = text[previous[0]:previous[1]].rstrip()
    if not lead.endswith(":"):
        return None
    start = _last_sentence_end(text, previous[0], previous[0] + len(lead) - 1)
    window = doc.char_span(start, previous[0] + len(lead), alignment_mode="contract")
    for tok in reversed(list(window or [])):
        if tok.pos_ not in {"VERB", "AUX"}:
            continue
        head = subject_of(tok)
        speaker = resolver.resolve(head) if head is not None else None
        named = speaker is not None and speaker.entity is not None and speaker.kind == "person"
        if speaker is not None and (cue_of(tok) is not None or named):  # "Caddell continued:"
            return Direct(span, speaker, tok if cue_of(tok) else None, p)
    return None


def _new_sentence(text: str, span: QuoteSpan, after: str) -> bool:
    """ "“We will win.” The company said profits fell." — the next sentence is not the attribution."""
    inner = text[span.inner_start:span.inner_end].rstrip()
    tail = after.strip()
    return inner[-1:] in ".!?" and tail[:1].isupper() and len(tail.split()) > 6


def _according_source(tok: Token) -> Token | None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        to = tok.doc[tok.i + 1]
    return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None


def _nearby_mention(tokens: list[Token], resolver: SpeakerResolver) -> Speaker | None:
    """When the parser gave the reporting verb no subject: the first named person in the window."""
    for tok in tokens:
        if _addressed(tok):
            continue
        if tok.pos_ == "PROPN" or tok.lower_ in {"he", "she"}:
            speaker = resolver.resolve(tok)
            if speaker is not None and speaker.entity and speaker.how in {"name", "pronoun"}:
                speaker.confidence *= 0.8
                return speaker
    return None


def _addressed(tok: Token) -> bool:
    """The person spoken to is not the speaker: "said to Obama", "told Obama", "asked him"."""
    phrase_head = tok
    while phrase_head.dep_ in {"compound", "flat"} and phrase_head.head is not phrase_head:
        phrase_head = phrase_head.head
    if phrase_head.dep_ == "pobj" and phrase_head.head.lower_ == "to" and cue_of(phrase_head.head.head):
        return True
    return phrase_head.dep_ in {"dobj", "dative"} and cue_of(phrase_head.head) is not None


def _inherit(direct: Direct, found: list[Direct], text: str, before: str, after: str) -> None:
    """Second half of a split quote, or a paragraph that only continues the previous quote."""
    if not found or found[-1].speaker is None:
        return
    prev = found[-1]
    gap = text[prev.span.end:direct.span.start]
    same_paragraph = prev.paragraph == direct.paragraph and len(gap) <= INHERIT_GAP
    next_paragraph = (prev.paragraph + 1 == direct.paragraph and not before.strip() and not after.strip("., \n"))
    if same_paragraph or next_paragraph or prev.span.continues:
        direct.speaker = Speaker(prev.speaker.text, prev.speaker.start, prev.speaker.end, prev.speaker.entity,
                                 prev.speaker.confidence * (0.9 if same_paragraph else 0.7), prev.speaker.how,
                                 prev.speaker.kind)
        direct.cue = prev.cue
        direct.inherited = True
