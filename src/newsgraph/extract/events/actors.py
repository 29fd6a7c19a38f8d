"""Event actors: the country or organisation a mention acts for.

People act for the country of the office they hold on the article's date (Putin → Russia,
Stoltenberg → NATO), read from the reference office-holder table; places and
organisations come resolved from the entity extractor's mentions. A person the table does
not know acts for the country named in their phrase ("Russian ambassador X"), else as
themselves.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.common.mention_index import MentionIndex
from newsgraph.extract.common.phrases import noun_phrase
from newsgraph.records import Mention
from newsgraph.reference import countries, offices, organisations

PLACE_TYPES = {"GPE", "LOC", "NORP", "ORG"}


class ActorResolver:
    """Per-article: caches each person's country."""

    def __init__(self, mentions: MentionIndex, published: str | None) -> None:
        self.mentions = mentions
        self.on = (published or "")[:10] if published and len(published) >= 10 else None
        self._people: dict[str, str | None] = {}

    def of_token(self, tok: Token) -> str | None:
        """The actor a token (the head of a phrase) stands for, or None."""
        m = self.mentions.on_token(tok)
        if m is not None:
            return self.of_mention(m, tok)
        lo, hi = noun_phrase(tok)
        span = tok.doc[lo:hi]
        for m in self.mentions.in_span(span, PLACE_TYPES | {"PERSON"}):
            return self.of_mention(m, tok)
        return None

    def of_mention(self, m: Mention, tok: Token) -> str | None:
        if m.type != "PERSON":
            return m.entity
        name = m.entity or m.text
        if name not in self._people:
            self._people[name] = self._country_of(name)
        if self._people[name]:
            return self._people[name]
        lo, hi = noun_phrase(tok)
        for other in self.mentions.in_span(tok.doc[lo:hi], PLACE_TYPES):
            return other.entity  # "Russian ambassador X"
        return name

    def _country_of(self, person: str) -> str | None:
        terms = offices.terms_of(person)
        if self.on:
            dated = [t for t in terms if t.covers(self.on)]
            terms = dated or terms
        else:
            terms = sorted(terms, key=lambda t: (t.end is None, t.end or ""), reverse=True)
        for term in terms:
            country = countries.by_code(term.country)
            if country is not None:
                return country.name
            org = organisations.lookup(term.country)
            return org.name if org else term.country
        return None
