"""Stories: group newly stored articles with the same news from any outlet.

``update_stories`` is the corpus step the pipeline runs after storing new articles. It
reads only those articles and the part of the story index they can touch, links
syndicated copies to their original (``dedup``), attaches every other article to the
most similar story or opens a new one (``index``), and writes ``articles.story``,
``articles.duplicate_of`` and the ``stories`` rows. It never recomputes the corpus.

Sentence embeddings are not computed here: the ingest workers embed each article and the
store keeps the vector (``embeddings``); clustering reads them, chunk by chunk, and
embeds in this process only articles that have none stored, or one from another model.

Running it again on the same ids changes nothing: articles that already have a story
are skipped. Within one call the articles are taken in order of publication (then id),
never in the caller's order, so how a batch was listed does not change its stories.
"""

from __future__ import annotations

import gc
import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Sequence

import numpy as np

from newsgraph.corpus.stories import dedup
from newsgraph.corpus.stories import embeddings as story_embeddings
from newsgraph.corpus.stories import store as story_store
from newsgraph.corpus.stories.embeddings import count_words, from_blob, story_summary, to_blob
from newsgraph.corpus.stories.features import ENGLISH, ENTITY_PREFIX, article_terms
from newsgraph.corpus.stories.index import WINDOW_DAYS, Member, StoryIndex, Thresholds
from newsgraph.corpus.stories.participants import is_key_mention, surnames
from newsgraph.corpus.stories.timing import dated, when
from newsgraph.reference.keys import name_key
from newsgraph.store.sqlite import chunks, now, rows_in

KEY_ENTITIES = 8
LONG_WORDS = 50  # an article with this many words besides its headline is compared as an article
BODY_CHARS = 4000  # everything reads only the start of the body: bounded cost and memory per article
SQLITE_CACHE_KIB = -131_072  # 128 MiB of SQLite page cache while updating (negative = KiB)
UPDATE_CHUNK = 50_000  # a large backfill is clustered this many articles at a time: bounded memory


@dataclass
class NewArticle:
    """A stored article not yet in a story, with what clustering reads of it."""

    id: str
    title: str
    lead: str
    body: str
    published: str | None
    ingested_at: str
    language: str | None = None
    entities: dict[str, str] = field(default_factory=dict)  # name key -> entity id
    mentions: Counter[str] = field(default_factory=Counter)  # name key -> times mentioned
    key_names: set[str] = field(default_factory=set)  # named in its headline or first sentence (participants)

    @property
    def day(self) -> float | None:
        try:
            return float(date.fromisoformat((self.published or "")[:10]).toordinal())
        except ValueError:
            return None

    def terms(self) -> dict[str, float]:
        return article_terms(self.title, self.lead, self.body, self.mentions, self.language)

    @property
    def long(self) -> bool:
        """Whether it has a body worth the name, not a headline alone (LONG_WORDS of ``first_words``, counted)."""
        return count_words(f"{self.lead} {self.body}", LONG_WORDS) >= LONG_WORDS

    def text(self) -> str:
        return "\n".join(part for part in (self.title, self.lead, self.body) if part)

    def summary(self) -> str:
        """What the sentence embedding reads: the text the ingest workers embedded."""
        return story_summary(self.title, self.lead, self.body)


def read_new_articles(conn: sqlite3.Connection, article_ids: Sequence[str]) -> list[NewArticle]:
    """The requested articles that have no story yet, in publication order."""
    found: dict[str, NewArticle] = {}
    for row in rows_in(conn, f"SELECT id, title, lead, substr(body, 1, {BODY_CHARS}), published, ingested_at, story, "
                             "language FROM articles WHERE id IN ({marks})", sorted(set(article_ids))):
        if row[6] is None:  # "story IS NULL" in SQL would lead SQLite to scan the story index instead
            found[row[0]] = NewArticle(row[0], row[1] or "", row[2] or "", row[3] or "", row[4], row[5] or "", row[7])
    keys: dict[str, str] = {}  # entity id -> name key: an entity is mentioned many times
    for article, entity, start, type_, kind in rows_in(
            conn, "SELECT article, entity, start, type, kind FROM mentions "
                  "WHERE article IN ({marks}) AND entity IS NOT NULL", sorted(found)):
        key = keys.get(entity)
        if key is None:
            key = keys[entity] = name_key(entity.split(":", 1)[-1])
        if key:
            found[article].entities.setdefault(key, entity)
            found[article].mentions[key] += 1
            if is_key_mention(start, type_, kind):
                found[article].key_names.add(key)
    return sorted(found.values(), key=lambda a: (a.published is None, a.published or "", a.id))


def use_embeddings(requested: bool | None) -> bool:
    if requested is False:
        return False
    from newsgraph.annotate import embeddings

    return embeddings.available()


def embed(articles: Sequence[NewArticle]) -> list[np.ndarray | None]:
    """Embed in this process: only for articles stored without a vector (see ``story_vectors``)."""
    from newsgraph.annotate import embeddings

    if not articles:
        return []
    return list(embeddings.embed([a.summary() for a in articles]))


def story_vectors(conn: sqlite3.Connection, articles: Sequence[NewArticle]) -> list[np.ndarray | None]:
    """Each article's sentence embedding: stored at ingest, else computed here and stored for next time.

    A computed vector is rounded as a stored one is, so clustering never depends on which path made it.
    Articles in a language the model does not read get None: they are never embedded (at ingest
    neither), so they must not load the model in this process.
    """
    stored = story_embeddings.read(conn, [a.id for a in articles])
    missing = [a for a in articles if a.id not in stored and a.language in (None, ENGLISH)]
    if missing:
        computed = {a.id: from_blob(to_blob(v)) for a, v in zip(missing, embed(missing))}
        story_embeddings.write(conn, computed)
        stored.update(computed)
    return [stored.get(a.id) for a in articles]


def update_stories(conn: sqlite3.Connection, article_ids: Sequence[str], embeddings: bool | None = None,
                   thresholds: Thresholds | None = None) -> dict[str, str]:
    """Attach new articles to stories; return article id -> story id for every requested article.

    ``embeddings``: None uses sentence embeddings if they are installed, False never does.
    The caller commits.
    """
    with_embeddings = use_embeddings(embeddings)
    collecting = gc.isenabled()
    gc.disable()  # the index is many small acyclic objects: cycle collection only costs, O(heap) a pass
    cache_size = (conn.execute("PRAGMA cache_size").fetchone() or [None])[0]  # None on PostgreSQL
    conn.execute(f"PRAGMA cache_size = {SQLITE_CACHE_KIB}")  # index inserts land at random keys
    try:
        for chunk in chunks(unclustered(conn, article_ids), UPDATE_CHUNK):
            _cluster(conn, read_new_articles(conn, chunk), with_embeddings, thresholds or Thresholds())
    finally:
        if cache_size is not None:
            conn.execute(f"PRAGMA cache_size = {int(cache_size)}")
        if collecting:
            gc.enable()
    return _stories_of(conn, set(article_ids))


def unclustered(conn: sqlite3.Connection, article_ids: Sequence[str]) -> list[str]:
    """The requested articles that have no story yet, in publication order (then id)."""
    rows = rows_in(conn, "SELECT id, published, story FROM articles WHERE id IN ({marks})", sorted(set(article_ids)))
    return [aid for *_, aid in sorted((r[1] is None, r[1] or "", r[0]) for r in rows if r[2] is None)]


def _cluster(conn: sqlite3.Connection, articles: list[NewArticle], with_embeddings: bool,
             thresholds: Thresholds) -> None:
    copies = dedup.link_duplicates(conn, [dedup.Copyable(a.id, a.body, a.published, f"{a.ingested_at}\x00{a.id}")
                                          for a in articles])
    copy_story = _stories_of(conn, set(copies.values()))
    batch = {a.id for a in articles}
    # A copy joins its original's story; only a copy whose original has none is clustered.
    originals = [a for a in articles if not (a.id in copies and (copies[a.id] in batch or copies[a.id] in copy_story))]
    index = StoryIndex(thresholds=thresholds)
    raws = [a.terms() for a in originals]
    story_store.load_counts(conn, index, {t for raw in raws for t in raw})
    for raw in raws:
        index.count(raw)
    vectors = [index.vector(raw) for raw in raws]
    del raws
    embedded = story_vectors(conn, originals) if with_embeddings else [None] * len(originals)
    members = [_member(a, v, e) for a, v, e in zip(originals, vectors, embedded)]
    loaded: set[str] = set()
    days = [m.day for m in members]
    since = None if not days or None in days else min(days) - WINDOW_DAYS
    story_store.load_candidates(conn, index, vectors, loaded, since)
    where = index.assign(members)
    touched = set(where.values())
    story_store.load_candidates(conn, index, [index.stories[s].unit_terms() for s in touched], loaded, since)
    index.merge(touched)
    where = index.split(members, {aid: index.resolve(sid) for aid, sid in where.items()})
    for aid, original in copies.items():
        if aid not in where:
            where[aid] = where.get(original) or index.resolve(copy_story[original])
    titles = _choose_titles(index, members, where, articles)
    story_store.save(conn, index)
    _write(conn, index, articles, where, titles)


def _member(article: NewArticle, vector: dict[str, float], embedding: np.ndarray | None) -> Member:
    """What clustering compares of an article: its terms, its embedding if the model reads
    its language (an English model finds any two pages in another script alike), its year."""
    if article.language not in (None, ENGLISH):
        embedding = None
    placed = when(article.published, "" if dated(article.published) else article.text())  # a date needs no text
    exact = placed is not None and placed.exact
    return Member(article.id, vector, embedding, article.day, year=placed.year if exact else None,
                  not_before=placed.year if placed and not exact else None, long=article.long,
                  keys=frozenset(surnames(article.key_names)))


def _stories_of(conn: sqlite3.Connection, ids: set[str]) -> dict[str, str]:
    return {r[0]: r[1] for r in rows_in(conn, "SELECT id, story FROM articles WHERE id IN ({marks})", sorted(ids))
            if r[1] is not None}


def _choose_titles(index: StoryIndex, members: list[Member], where: dict[str, str],
                   articles: list[NewArticle]) -> dict[str, str]:
    """A story's title is its most central article's: the one closest to the centroid."""
    titles = {a.id: a.title for a in articles}
    chosen: dict[str, str] = {}
    for m in members:
        story = index.stories[where[m.id]]
        score = index.similarity(story, m.vector, m.embedding)
        if titles.get(m.id) and score > story.rep_score:
            story.rep_score = score
            story.dirty = True
            chosen[story.id] = titles[m.id]
    return chosen


def _write(conn: sqlite3.Connection, index: StoryIndex, articles: list[NewArticle], where: dict[str, str],
           titles: dict[str, str]) -> None:
    """Write articles.story, fold merged stories into their survivor, upsert story rows."""
    stamp = now()
    # articles.story is a foreign key: a new story's row exists before articles point at it
    conn.executemany("INSERT OR IGNORE INTO stories (id, updated_at) VALUES (?, ?)",
                     [(s, stamp) for s in sorted(set(where.values()))])
    # in id order: the updates walk the articles table's index in order instead of at random
    conn.executemany("UPDATE articles SET story = ? WHERE id = ?", [(where[a], a) for a in sorted(where)])
    merged = {drop: index.resolve(drop) for drop in index.merged}
    for drop, keep in merged.items():
        conn.execute("UPDATE articles SET story = ? WHERE story = ?", (keep, drop))
    conn.executemany("DELETE FROM stories WHERE id = ?", [(drop,) for drop in merged])
    touched = sorted(set(where.values()) | set(merged.values()))
    entity_ids = {key: eid for a in articles for key, eid in a.entities.items()}
    for chunk in chunks(touched):
        marks = ",".join("?" * len(chunk))
        stats = conn.execute(
            f"SELECT story, COUNT(*), MIN(published), MAX(published) FROM articles WHERE story IN ({marks}) "
            f"GROUP BY story", chunk).fetchall()
        old = {r[0]: (r[1], r[2]) for r in conn.execute(
            f"SELECT id, title, key_entities FROM stories WHERE id IN ({marks})", chunk)}
        rows = []
        for story_id, size, first, last in stats:
            old_title, old_entities = old.get(story_id, (None, "[]"))
            story = index.stories.get(story_id)
            key_entities = _key_entities(story, entity_ids, json.loads(old_entities or "[]")) if story else \
                json.loads(old_entities or "[]")
            rows.append((story_id, titles.get(story_id) or old_title, first, last, size,
                         json.dumps(key_entities, ensure_ascii=False), stamp))
        conn.executemany(
            "INSERT INTO stories (id, title, first_published, last_published, size, key_entities, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title, "
            "first_published = excluded.first_published, last_published = excluded.last_published, "
            "size = excluded.size, key_entities = excluded.key_entities, updated_at = excluded.updated_at", rows)


def _key_entities(story, entity_ids: dict[str, str], previous: list[str]) -> list[str]:  # noqa: ANN001
    """The story's strongest names, as entity ids where they are known."""
    known = {name_key(e.split(":", 1)[-1]): e for e in previous}
    names = [t[len(ENTITY_PREFIX):] for t in story.top_terms(len(story.terms)) if t.startswith(ENTITY_PREFIX)]
    return [entity_ids.get(key) or known.get(key) or key for key in names[:KEY_ENTITIES]]
