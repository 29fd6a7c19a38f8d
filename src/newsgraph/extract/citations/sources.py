"""Naming a cited source: which outlet, person, organisation or document a phrase means.

Outlets come from the reference outlet table (``reference/data/outlets.tsv``); people and
organisations from the entity extractor's mentions. A title without a name ("the statement
by the US Deputy Secretary of State") is matched to the person the article gives that title,
else to the office-holder on the article's date if the article mentions them.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.extract.common.mention_index import MentionIndex
from newsgraph.extract.common.paragraphs import break_between
from newsgraph.extract.common.phrases import noun_phrase
from newsgraph.records import Article, Citation, CitationKind
from newsgraph.reference import offices
from newsgraph.reference.outlets import default_outlets

DOCUMENT_HEADS = {
    "report", "statement", "document", "study", "survey", "data", "figures", "poll", "assessment",
    "analysis", "letter", "memo", "filing", "estimate", "estimates", "records", "resolution", "decree",
    "transcript", "release", "communique", "post", "video", "interview", "briefing", "research",
}
OUTLET_WORDS = {
    "news", "times", "post", "press", "agency", "tv", "radio", "journal", "gazette", "pravda", "herald",
    "telegraph", "tribune", "daily", "weekly", "magazine", "broadcasting", "media", "wire", "observer",
    "independent", "insider", "express", "guardian", "mirror", "chronicle", "review", "today", "online",
}
LEAD_IN = re.compile(r"^(?:the\s+)?(?:statements?|words|remarks|comments?|interview|posts?|report|briefing)\s+"
                     r"(?:by|of|from|with|to)\s+", re.IGNORECASE)
PERSON = {"PERSON"}
PREDETERMINER = re.compile(r"^(?:both|all|either|neither)\s+", re.IGNORECASE)
PERSON_HEADS = {
    "man", "woman", "person", "people", "official", "officials", "source", "sources", "witness", "witnesses",
    "resident", "residents", "expert", "experts", "analyst", "analysts", "spokesperson", "spokesman",
    "spokeswoman", "diplomat", "diplomats", "aide", "aides", "insider", "insiders",
}


class SourceNamer:
    """Per-article helper: turns a phrase or token into (canonical name, kind)."""

    def __init__(self, article: Article, doc: Doc, mentions: MentionIndex) -> None:
        self.article = article
        self.doc = doc
        self.mentions = mentions

    def is_outlet(self, name: str) -> bool:
        return default_outlets().from_name(name.strip()) is not None

    def is_outlet_token(self, tok: Token) -> bool:
        phrase = self._phrase(tok)
        m = self.mentions.on_token(tok)
        return self.is_outlet(phrase) or (m is not None and (m.type == "OUTLET" or self.is_outlet(m.entity or "")))

    def name(self, phrase: str, start: int) -> tuple[str, CitationKind]:
        """Canonical name and kind of a source written as ``phrase`` at offset ``start``."""
        phrase = phrase.strip().rstrip(".,;")
        bare = PREDETERMINER.sub("", phrase)
        start += len(phrase) - len(bare)
        phrase = bare
        outlet = default_outlets().from_name(phrase)
        if outlet is not None:
            return outlet.name, "outlet"
        inside = [m for m in self.mentions.inside(start, start + len(phrase)) if m.entity]
        whole = [m for m in inside if m.end - m.start >= len(phrase) - 4]
        if whole:
            m = whole[0]
            outlet = default_outlets().from_name(m.entity or "")
            if outlet is not None or m.type == "OUTLET":
                return (outlet.name if outlet else m.entity or phrase), "outlet"
            return m.entity or phrase, "person" if m.type == "PERSON" else "organisation"
        words = phrase.lower().split()
        if words and words[-1] in DOCUMENT_HEADS:
            return phrase, "document"
        if words and (words[-1] in PERSON_HEADS or words[0] in {"he", "she"} or
                      any(w in PERSON_HEADS for w in words[:4]) and " familiar with" in phrase):
            return phrase, "person"  # "the official", "two people familiar with the matter"
        if words and words[-1] in OUTLET_WORDS:
            return phrase, "outlet"
        return phrase, "organisation"

    def referent(self, phrase: str, start: int) -> tuple[str, CitationKind]:
        """What "with reference to …" points at: a named person, a title's holder, or a document."""
        people = [m for m in self.mentions.inside(start, start + len(phrase)) if m.entity and m.type in PERSON]
        if people:
            return people[0].entity or people[0].text, "person"
        title = LEAD_IN.sub("", phrase.strip().rstrip(".")).strip()
        holder = self.title_holder(title, start)
        if holder:
            return holder, "person"
        if LEAD_IN.match(phrase.strip()) is None:
            return self.name(phrase, start)
        return phrase.strip().rstrip("."), "document"

    def title_holder(self, title: str, exclude: int) -> str | None:
        """The person this article calls ``title`` ("Kurt Campbell, US Deputy Secretary of State"),
        else the reference office-holder on the article's date, if the article names them."""
        bare = re.sub(r"^(?:the|a|an)\s+", "", title, flags=re.IGNORECASE)
        if len(bare) < 4:
            return None
        low = self.article.text.lower()
        i = low.find(bare.lower())
        while i >= 0:
            if i != exclude and not (exclude <= i < exclude + len(title) + 20):
                for m in self.mentions.overlapping(max(0, i - 40), i + len(bare) + 40):
                    if m.type in PERSON and m.entity and (0 <= i - m.end <= 4 or 0 <= m.start - (i + len(bare)) <= 2):
                        return m.entity
            i = low.find(bare.lower(), i + 1)
        named = {m.entity for m in self.mentions.mentions if m.type in PERSON and m.entity}
        on = (self.article.published or "")[:10] or None
        try:
            terms = offices.holders(bare, on=on)
        except (ValueError, KeyError):
            return None
        fits = {t.person for t in terms} & named
        return fits.pop() if len(fits) == 1 else None

    def cite(self, article_id: str, tok: Token, relation: str, anchor: Token,
             evidence_to: Token | None = None, referent: bool = False) -> Citation | None:
        """A citation of the phrase headed by ``tok``; the evidence runs from ``anchor`` to the phrase end.
        None when the parse joined the two across a paragraph break."""
        if break_between(self.doc, tok.i, anchor.i):
            return None
        lo, hi = self._phrase_bounds(tok)
        start = min(anchor.idx, self.doc[lo].idx)
        last = self.doc[hi - 1]
        end = max(last.idx + len(last.text), (evidence_to.idx + len(evidence_to.text)) if evidence_to is not None else 0)
        name_of = self.referent if referent else self.name
        name, kind = name_of(self.doc[lo:hi].text, self.doc[lo].idx)
        if kind == "organisation" and tok.lemma_.lower() in DOCUMENT_HEADS and self.mentions.on_token(tok) is None:
            kind = "document"  # "according to a report by the Pentagon"
        return Citation(article_id, name, kind, relation, start, end, self.article.text[start:end])

    def _phrase(self, tok: Token) -> str:
        lo, hi = self._phrase_bounds(tok)
        return self.doc[lo:hi].text

    def _phrase_bounds(self, tok: Token) -> tuple[int, int]:
        return noun_phrase(tok)
