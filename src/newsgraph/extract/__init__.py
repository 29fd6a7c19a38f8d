"""Extract: an Article and its spaCy Doc → mentions, entities, quotes, citations, events, flags.

Extractors are pure functions of one article; they never touch the store. One
sub-package a capability, run in this order (each later one reads the entities):

1. ``entities``: mentions, entities, aliases, roles, pronouns.
2. ``quotes``: speech, thought and paraphrase with their speakers.
3. ``citations``: the outlets, people and documents an article relies on.
4. ``events``: CAMEO-coded actions between actors, with dates.
5. ``checks``: statements that cannot be right.

``common`` holds the helpers they share (mention look-up, paragraphs, noun phrases).
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.checks import check_article
from newsgraph.extract.citations import find_citations
from newsgraph.extract.entities import find_entities
from newsgraph.extract.events import find_events
from newsgraph.extract.quotes import find_quotes
from newsgraph.records import Article, ArticleAnalysis
from newsgraph.timing import StageTimes


def extract(article: Article, doc: Doc, times: StageTimes | None = None) -> ArticleAnalysis:
    """Run every extractor over one annotated article; add each one's seconds to ``times``."""
    times = times if times is not None else StageTimes()
    with times.timing("entities"):
        mentions, entities = find_entities(article, doc)
    with times.timing("quotes"):
        quotes = find_quotes(article, doc, mentions, entities)
    with times.timing("citations"):
        citations = find_citations(article, doc, mentions)
    with times.timing("events"):
        events = find_events(article, doc, mentions)
    with times.timing("checks"):
        flags = check_article(article, mentions, entities)
    return ArticleAnalysis(article=article, mentions=mentions, entities=entities, quotes=quotes,
                           citations=citations, events=events, flags=flags)
