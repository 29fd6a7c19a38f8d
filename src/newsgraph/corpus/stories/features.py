"""What an article says, as weighted terms for story clustering.

A story is recognised by its words and, above all, by its names: two outlets on the
same event share the people, organisations and places in it, but rarely their phrasing.
So an article becomes a bag of light-stemmed content words from the part of the text
that says what happened (title, lead, start of the body: news puts the event first),
plus its named entities as their own terms, counted twice. IDF weighting happens in the
index, where document frequencies are known.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Iterable, Mapping

from newsgraph.words import english_stop_words, fold, stem

TITLE_WEIGHT = 2.0  # the headline is the article's own summary of the story
ENTITY_WEIGHT = 2.0  # a shared name says more than a shared common word
BODY_WORDS = 120  # the inverted pyramid: what happened is in the first paragraphs
ENTITY_PREFIX = "@"  # entity terms never collide with word terms

# Headline and wire furniture that says nothing about which story it is.
NEWS_STOP_WORDS = frozenset(
    "says said say saying report reports reported update updated new news video photos watch "
    "live read today week year years day days time just like latest breaking exclusive "
    "according told tells mr mrs ms inc ltd corp co com www http https amp quick facts".split()
)
STOP_WORDS = english_stop_words() | NEWS_STOP_WORDS

_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_ANY_TOKEN = re.compile(r"[^\W_]+")  # words of any script, for articles not in English
ENGLISH = "en"


def words(text: str, language: str | None = None) -> list[str]:
    """Content words of a text, folded and stemmed, stop words dropped.

    An article in another language keeps its words apart from English ones (they are
    prefixed with its language) and loses that language's stop words: otherwise every
    page in a language would share "que", "para", "mais" and form a story on nothing else.
    """
    if language and language != ENGLISH:
        return _foreign_words(text, language)
    return list(filter(None, map(_content_word, _TOKEN.findall(fold(text)))))  # the loop in C: ~150 tokens an article


def _foreign_words(text: str, language: str) -> list[str]:
    stop = foreign_stop_words(language)
    return [f"{language}:{token}" for token in _ANY_TOKEN.findall(fold(text))
            if len(token) > 2 and token not in stop and not (token.isdigit() and len(token) < 4)]


@lru_cache(maxsize=64)
def foreign_stop_words(language: str) -> frozenset[str]:
    """spaCy's stop-word list for a language (a word list, no model), folded; English's if it has none."""
    import importlib

    try:
        listed = importlib.import_module(f"spacy.lang.{language}.stop_words").STOP_WORDS
    except (ImportError, AttributeError, ValueError):
        listed = ()
    return frozenset(fold(w) for w in listed) | STOP_WORDS


@lru_cache(maxsize=200_000)
def _content_word(token: str) -> str | None:
    """The stemmed content word a token stands for, or None for stop words and noise."""
    token = token.replace("’", "'")
    if token.endswith("'s"):
        token = token[:-2]
    elif "'" in token:
        token = token.split("'")[0]
    if len(token) < 2 or token in STOP_WORDS or (token.isdigit() and len(token) < 4):
        return None
    stemmed = stem(token)
    return None if stemmed in STOP_WORDS else stemmed


def article_terms(title: str | None, lead: str | None, body: str | None,
                  entities: Iterable[str] | Mapping[str, int] = (), language: str | None = None) -> dict[str, float]:
    """Raw term weights of one article (before IDF): title words count double, names double.

    ``entities`` maps each name to how often the article mentions it (pronouns included):
    the people an article keeps coming back to are its main participants.
    """
    counts: Counter[str] = Counter()
    for word in words(title or "", language):
        counts[word] += TITLE_WEIGHT
    text = " ".join(part for part in (lead, (body or "")[: BODY_WORDS * 10]) if part)
    counts.update(words(text, language)[:BODY_WORDS])  # about the first BODY_WORDS words, tokenised once
    mentions = entities if isinstance(entities, Mapping) else dict.fromkeys(entities, 1)
    for entity, n in mentions.items():
        counts[ENTITY_PREFIX + entity] += ENTITY_WEIGHT * max(n, 1)
    return dict(counts)
