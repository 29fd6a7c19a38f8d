"""Load the part of the story index an update needs from the store, and save it back.

Only what the new articles can touch is read: document frequencies of their terms, the
posting lists of the terms they look up, and the centroids of the stories those lists
name. Only what changed is written. The tables are declared at the end of schema.sql.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Iterable, Sequence

import numpy as np

from newsgraph.corpus.story_index import MAX_CANDIDATES, POSTING_CAP, QUERY_TERMS, StoryIndex, StoryVector

N_DOCS_STATE = "stories.n_docs"
SEQ_STATE = "stories.posting_seq"  # postings are ordered by when they were made
CHUNK = 500


def _chunks(items: Sequence, size: int = CHUNK) -> Iterable[Sequence]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _now() -> str:
    from newsgraph.store.sqlite import now

    return now()


def load_counts(conn: sqlite3.Connection, index: StoryIndex, terms: Iterable[str]) -> None:
    """Read the corpus size and the document frequencies of ``terms``."""
    row = conn.execute("SELECT value FROM corpus_state WHERE name = ?", (N_DOCS_STATE,)).fetchone()
    index.n_docs = int(row[0]) if row else 0
    wanted = sorted(set(terms) - set(index.df))
    for chunk in _chunks(wanted):
        marks = ",".join("?" * len(chunk))
        for term, df in conn.execute(f"SELECT term, df FROM story_terms WHERE term IN ({marks})", chunk):
            index.df[term] = df


def load_postings(conn: sqlite3.Connection, index: StoryIndex, terms: Iterable[str], loaded: set[str],
                  since_day: float | None = None) -> None:
    """Read the posting lists of ``terms``, older stories before any this update added.

    With ``since_day``, stories last active before it are left out: no dated article of
    this update can join them. A list grown past twice its cap is trimmed on save.
    """
    wanted = sorted(set(terms) - loaded)
    stored: dict[str, list[tuple[int, str]]] = {}
    for chunk in _chunks(wanted):
        marks = ",".join("?" * len(chunk))
        sql = (f"SELECT p.term, p.story, p.seq FROM story_postings p JOIN story_centroids c ON c.story = p.story "
               f"WHERE p.term IN ({marks})")
        args: list = list(chunk)
        if since_day is not None:
            sql += " AND (c.last_day IS NULL OR c.last_day >= ?)"
            args.append(since_day)
        for term, story, seq in conn.execute(sql, args):
            stored.setdefault(term, []).append((seq, story))
    loaded.update(wanted)
    for term, entries in stored.items():
        entries.sort()
        if len(entries) > 2 * POSTING_CAP:
            index.trim[term] = entries[-POSTING_CAP][0]
        old = [story for _, story in entries[-POSTING_CAP:]]
        new = index.postings.get(term, [])
        merged = [s for s in old if s not in new] + new
        index.postings[term] = merged[-POSTING_CAP:]


def load_candidates(conn: sqlite3.Connection, index: StoryIndex, vectors: Iterable[dict[str, float]],
                    loaded: set[str], since_day: float | None = None) -> None:
    """Read what finding candidates for ``vectors`` needs: posting lists, then the best stories."""
    vectors = list(vectors)
    terms: set[str] = set()
    for v in vectors:
        terms.update(t for t, _ in sorted(v.items(), key=lambda kv: -kv[1])[:QUERY_TERMS])
    load_postings(conn, index, terms, loaded, since_day)
    wanted: set[str] = set()
    for v in vectors:
        wanted.update(index.candidate_ids(v)[:MAX_CANDIDATES])
    load_stories(conn, index, wanted)


def load_stories(conn: sqlite3.Connection, index: StoryIndex, ids: Iterable[str]) -> None:
    wanted = sorted(set(ids) - set(index.stories))
    for chunk in _chunks(wanted):
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(
                f"SELECT story, terms, embedding, size, first_day, last_day, rep_score FROM story_centroids "
                f"WHERE story IN ({marks})", chunk):
            story = StoryVector(row[0], terms=json.loads(row[1]), size=row[3], first_day=row[4], last_day=row[5],
                                rep_score=row[6] if row[6] is not None else -1.0)
            story.norm2 = sum(w * w for w in story.terms.values())
            if row[2] is not None:
                story.embedding = np.frombuffer(row[2], dtype=np.float32).copy()
            index.stories[story.id] = story


def save(conn: sqlite3.Connection, index: StoryIndex) -> None:
    """Write document frequencies, changed centroids and touched posting lists."""
    conn.execute(
        "INSERT INTO corpus_state (name, value, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        (N_DOCS_STATE, str(index.n_docs), _now()))
    conn.executemany(
        "INSERT INTO story_terms (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = excluded.df",
        [(t, index.df[t]) for t in sorted(index.touched_terms)])
    gone = [s.id for s in index.stories.values() if s.size <= 0]
    conn.executemany("DELETE FROM story_centroids WHERE story = ?", [(s,) for s in gone])
    conn.executemany(
        "INSERT OR REPLACE INTO story_centroids (story, terms, embedding, size, first_day, last_day, rep_score) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(s.id, json.dumps({t: round(w, 5) for t, w in s.terms.items()}, ensure_ascii=False),
          None if s.embedding is None else s.embedding.astype(np.float32).tobytes(),
          s.size, s.first_day, s.last_day, s.rep_score)
         for s in index.stories.values() if s.dirty and s.size > 0])
    row = conn.execute("SELECT value FROM corpus_state WHERE name = ?", (SEQ_STATE,)).fetchone()
    base = int(row[0]) if row else 0
    gone_set = set(gone)
    conn.executemany(
        "INSERT INTO story_postings (term, story, seq) VALUES (?, ?, ?) "
        "ON CONFLICT (term, story) DO UPDATE SET seq = excluded.seq",
        [(term, story, base + order) for (term, story), order in index.posted.items() if story not in gone_set])
    conn.executemany("DELETE FROM story_postings WHERE term = ? AND seq < ?", sorted(index.trim.items()))
    conn.execute(
        "INSERT INTO corpus_state (name, value, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        (SEQ_STATE, str(base + len(index.posted)), _now()))
    # Postings of merged-away stories stay: they name no centroid, so look-ups skip them,
    # and newer postings push them out of their lists.
