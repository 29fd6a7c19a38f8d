"""Split an analysed article into claims: sentences with the features alignment compares.

A claim is one sentence of the lead or body (not the headline, which restates the body,
unless it is all the article has; and not attribution lines like "Source: European Pravda ..."). Alignment needs more
than its words, because outlets paraphrase ("urgent military aid" / "immediate
military assistance"): so each claim also carries the canonical entities mentioned in
it (from the extractor's mentions, so "Pyongyang", "the North" and "North Korea" are
one), its numbers, and the date expressions it uses.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newsgraph.records import PARAGRAPH_SEPARATOR, ArticleAnalysis, Mention, Quote, Role
from newsgraph.words import fold, stem

NAMED_KINDS = {"name", "alias", "metonym"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them"}
MIN_CHARS = 25
MIN_WORDS = 5
ATTRIBUTION_LINE = re.compile(r"^\s*(?:source|sources|read (?:more|also)|photo|image|video|related)\s*:", re.IGNORECASE)
LEADING_LABEL = re.compile(r"^\s*(?:details|update|background|context)\s*:\s*", re.IGNORECASE)

# Paraphrases news outlets swap for one another: each word maps to the first of its class.
SYNONYMS = [
    "agreement deal pact treaty accord",
    "aid assistance help support",
    "urgent immediate prompt",
    "weapon weapons arm arms armament",
    "request seek want receive ask obtain",
    "technology technologies",
    "missile rocket",
    "say says said stated noted added claimed told",
    "believe think assume",
    "attack aggression assault",
    "oblige require obligate",
    "sign signed",
    "visit trip",
    "official officials",
    "military defense defence",
]
_SYNONYM = {stem(w): stem(c.split()[0]) for c in SYNONYMS for w in c.split()}
_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
STOP = frozenset(
    "a an the and or but of to in on at for from by with about as into over after before than that this these those "
    "it its it's is are was were be been being has have had do does did will would could should may might can "
    "not no so such which who whom whose what when where while also there their they them he she his her him "
    "we our us i you your if then just only more most other some any each either one ones".split()
)
NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(%|percent|per cent|million|billion|"
                    r"thousand|bn|m|km|kilometres|kilometers|miles|years?|days?|months?|weeks?))?\b", re.IGNORECASE)
NUMBER_WORDS = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
                "ten": "10", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100",
                "dozen": "12", "dozens": "dozens", "hundreds": "hundreds", "thousands": "thousands"}
DATE_WORDS = re.compile(
    r"\b(?:(?:last|this|next|past|previous|coming)\s+(?:week|month|year|weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|"
    r"yesterday|today|tomorrow|recently|earlier this (?:week|month|year)|(?:the )?day (?:after|before)|"
    r"(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"(?:\d{1,2}\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"(?:\s+\d{1,2})?(?:,?\s+(?:19|20)\d\d)?|(?:in|since)\s+(?:19|20)\d\d|"
    r"(?:over|in|for)\s+(?:the\s+)?(?:last|past)\s+(?:few\s+|\d+\s+|\w+\s+)?(?:days|weeks|months|years))\b",
    re.IGNORECASE,
)


@dataclass
class ClaimUnit:
    """One sentence of one article, with what alignment and comparison look at."""

    article: str
    outlet: str | None
    index: int  # position among the article's claims
    start: int
    end: int
    text: str
    terms: Counter = field(default_factory=Counter)  # stemmed content words, synonyms folded
    entities: dict[str, list[str]] = field(default_factory=dict)  # canonical name -> surfaces as written
    numbers: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)  # titles given inside this sentence
    named: set[str] = field(default_factory=set)  # entities named outright (not by demonym, pronoun or title)
    speakers: list[str] = field(default_factory=list)  # who the sentence quotes, as written ("US officials")


def split_claims(analysis: ArticleAnalysis) -> list[ClaimUnit]:
    """The claims of one article, in reading order, spans into ``article.text``."""
    article = analysis.article
    text = article.text
    roles = [r for e in analysis.entities for r in e.roles]
    units: list[ClaimUnit] = []
    for start, end in _sentences(text, _claims_start(analysis)):
        sentence = text[start:end]
        if ATTRIBUTION_LINE.match(sentence):
            continue
        label = LEADING_LABEL.match(sentence)
        if label:
            start += label.end()
            sentence = text[start:end]
        if len(sentence) < MIN_CHARS or len(sentence.split()) < MIN_WORDS:
            continue
        unit = ClaimUnit(article.id, article.outlet, len(units), start, end, sentence)
        unit.terms = Counter(terms(sentence))
        unit.entities = _entities_in(analysis.mentions, start, end)
        unit.numbers = numbers(sentence)
        unit.named = {m.entity for m in analysis.mentions
                      if m.entity and start <= m.start and m.end <= end and m.kind in NAMED_KINDS}
        unit.dates = dates(sentence)
        unit.speakers = list(dict.fromkeys(_speaker(q) for q in analysis.quotes
                                           if q.start < end and start < q.end and _speaker(q)))
        unit.roles = [r for r in roles if start <= r.start and r.end <= end]
        units.append(unit)
    return units


def _claims_start(analysis: ArticleAnalysis) -> int:
    """Skip the headline, which the body restates, unless the headline is all there is."""
    article = analysis.article
    if not article.title or not (article.lead or article.paragraphs):
        return 0
    return len(article.title) + len(PARAGRAPH_SEPARATOR)


# A sentence ends after . ! ? or … and any closing quotes, before a capital or digit; a line break ends one too.
_BOUNDARY = re.compile(r"(?<=[.!?…])([\"'”’»)]*)\s+(?=[\"'“‘«(]?[A-Z0-9])|\n+")


def _sentences(text: str, begin: int) -> list[tuple[int, int]]:
    """Sentence spans from ``begin`` on; a quotation that runs over several sentences stays one claim."""
    spans = []
    pos = begin
    for m in _BOUNDARY.finditer(text, begin):
        end = m.start() + len(m.group(1) or "")
        while end > pos and text[end - 1].isspace():
            end -= 1
        if end > pos:
            spans.append((pos, end))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text.rstrip())))
    return _join_open_quotes(text, [(a, b) for a, b in spans if b > a])


def _join_open_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a sentence that leaves a quotation open to the next one in its paragraph."""
    out: list[tuple[int, int]] = []
    open_quote = False
    for start, end in spans:
        if open_quote and out and "\n" not in text[out[-1][1]:start]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
        sentence = text[out[-1][0]:out[-1][1]]
        open_quote = sentence.count("“") > sentence.count("”") or sentence.count('"') % 2 == 1
    return out


def terms(text: str) -> list[str]:
    """Content words, folded, stemmed, with common paraphrases mapped to one word."""
    out = []
    for token in _TOKEN.findall(fold(text)):
        token = token.replace("’", "'").split("'")[0]
        if len(token) < 2 or token in STOP or token.isdigit():
            continue
        word = stem(token)
        out.append(_SYNONYM.get(word, word))
    return out


def dates(text: str) -> list[str]:
    """Date expressions as written; "may" alone is a verb, not the month."""
    return [m.group(0) for m in DATE_WORDS.finditer(text) if m.group(0).lower() != "may"]


def numbers(text: str) -> list[str]:
    """Numbers as written with their unit ("20 years", "40%"), and number words."""
    found = [re.sub(r"\s+", " ", m.group(0).lower()) for m in NUMBER.finditer(text)]
    found += [NUMBER_WORDS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in NUMBER_WORDS]
    return found


def _speaker(quote: Quote) -> str:
    """The speaker as written, unless a pronoun ("he"): then the person it stands for."""
    written = quote.speaker or ""
    if quote.speaker_entity and (not written or written.lower() in PRONOUNS):
        return quote.speaker_entity
    return written


def _entities_in(mentions: list[Mention], start: int, end: int) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for m in mentions:
        if m.entity and start <= m.start and m.end <= end:
            out.setdefault(m.entity, [])
            if m.kind != "pronoun" and m.text not in out[m.entity]:
                out[m.entity].append(m.text)
    return out
