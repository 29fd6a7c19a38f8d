"""Cross-article consistency checks within a story: one quotation, two speakers.

When two outlets print the same words in quotation marks but name different people
as the speaker, at least one of them is wrong. Quotations are matched on their text
(fuzzy, so punctuation, curly quotes and small cuts do not matter); speakers on
canonical names, so "Blinken" and "Antony Blinken" are one person. Indirect speech is
left out: two people can well say similar things in other words.
"""

from __future__ import annotations

import re
from itertools import combinations

from rapidfuzz import fuzz

from newsgraph.corpus.compare import label
from newsgraph.extract.checks import rank
from newsgraph.records import ArticleAnalysis, Flag, Quote
from newsgraph.reference.keys import name_key
from newsgraph.spans import evidence_sentence

MIN_QUOTE_CHARS = 20  # shorter quotations ("a disaster") are said by many people
SAME_QUOTE = 90  # rapidfuzz partial ratio above which two quotations are the same words
CONFIDENCE = 0.7


def check_story(analyses: list[ArticleAnalysis], new: set[str] | None = None) -> list[Flag]:
    """Flags on every article whose speaker for a quotation another article contradicts.

    With ``new``, only pairs involving one of those article ids are compared: the
    other pairs were checked when their articles arrived.
    """
    flags: list[Flag] = []
    seen: set[tuple[str, int, str]] = set()
    quotes = [(a, q) for a in analyses for q in a.quotes if _usable(q)]
    for (a, q), (b, r) in combinations(quotes, 2):
        if new is not None and a.article.id not in new and b.article.id not in new:
            continue
        if a.article.id == b.article.id or _same_speaker(q, r) or not _same_words(q.text, r.text):
            continue
        for (mine, quote), (other, theirs) in (((a, q), (b, r)), ((b, r), (a, q))):
            key = (mine.article.id, quote.start, other.article.id)
            if key not in seen:
                seen.add(key)
                flags.append(_flag(mine, quote, other, theirs))
    return rank(flags)


def _usable(q: Quote) -> bool:
    """Direct words of a resolved speaker: "an officer" and "officers" are not a conflict."""
    return q.kind in {"direct", "mixed"} and bool(q.speaker_entity) and len(_norm(q.text)) >= MIN_QUOTE_CHARS


def _same_speaker(q: Quote, r: Quote) -> bool:
    a, b = name_key(q.speaker_entity or q.speaker or ""), name_key(r.speaker_entity or r.speaker or "")
    if a == b:
        return True
    a_words, b_words = a.split(), b.split()
    return bool(a_words and b_words) and (a_words[-1] == b_words[-1]) and (len(a_words) == 1 or len(b_words) == 1)


def _same_words(x: str, y: str) -> bool:
    x, y = _norm(x), _norm(y)
    shorter = min(len(x), len(y))
    return shorter >= MIN_QUOTE_CHARS and fuzz.partial_ratio(x, y) >= SAME_QUOTE


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", "", text.lower())).strip()


def _flag(mine: ArticleAnalysis, quote: Quote, other: ArticleAnalysis, theirs: Quote) -> Flag:
    """A flag on the speaker as written (or the quotation, if the speaker has no span)."""
    speaker = quote.speaker_entity or quote.speaker
    other_speaker = theirs.speaker_entity or theirs.speaker
    text = mine.article.text
    start, end = (quote.speaker_start, quote.speaker_end) if quote.speaker_start is not None else (quote.start, quote.end)
    their_sentence = evidence_sentence(other.article.text, *_covering(theirs))
    explanation = (f"This article attributes the quotation \"{_short(quote.text)}\" to {speaker}; "
                   f"{label(other.article)} (article {other.article.id[:8]}) attributes the same words to "
                   f"{other_speaker}. Its sentence: {_short(their_sentence, 240)}")
    return Flag(article=mine.article.id, kind="speaker_conflict", start=start, end=end,
                mention=text[start:end] if quote.speaker_start is not None else (quote.speaker or speaker or ""),
                explanation=explanation, evidence=evidence_sentence(text, *_covering(quote)), confidence=CONFIDENCE)


def _covering(q: Quote) -> tuple[int, int]:
    """The span of the quotation and its speaker together."""
    if q.speaker_start is None or q.speaker_end is None:
        return q.start, q.end
    return min(q.start, q.speaker_start), max(q.end, q.speaker_end)


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
