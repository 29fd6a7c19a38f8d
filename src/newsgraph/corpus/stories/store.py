"""Load the part of the story index an update needs from the store, and save it back.

Only what the new articles can touch is read: document frequencies of their terms, the
posting lists of the terms they look up, and the centroids of the stories those lists
name. Only what changed is written. The tables are declared at the end of schema.sql.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Iterable

import numpy as np

from newsgraph.corpus.stories.index import (
    MAX_CANDIDATES,
    NAME_PREFIX,
    POSTING_CAP,
    StoryIndex,
    StoryVector,
    query_terms,
)
from newsgraph.store.sqlite import get_state, rows_in, set_state

N_DOCS_STATE = "stories.n_docs"
SEQ_STATE = "stories.posting_seq"  # postings are ordered by when they were made
# What a centroid counts of its members is kept in its terms column beside the terms (no term
# starts with "#"): "#2013": members placed in 2013, "#long": members with a body. Databases
# made before these were counted read as stories with no year and no long member.
# "#@reid": members with that surname as key participant, "#keyed": members with any.
COUNT_PREFIX = "#"
LONG = "long"
KEYED = "keyed"


def _counts(story: StoryVector) -> dict[str, int]:
    counts = {f"{COUNT_PREFIX}{y}": n for y, n in sorted(story.years.items())}
    if story.long:
        counts[COUNT_PREFIX + LONG] = story.long
    if story.keyed:
        counts[COUNT_PREFIX + KEYED] = story.keyed
        counts.update({COUNT_PREFIX + NAME_PREFIX + name: n for name, n in sorted(story.keys.items())})
    return counts

def load_counts(conn: sqlite3.Connection, index: StoryIndex, terms: Iterable[str]) -> None:
    """Read the corpus size and the document frequencies of ``terms``."""
    index.n_docs = int(get_state(conn, N_DOCS_STATE) or 0)
    wanted = sorted(set(terms) - set(index.df))
    index.df.update(rows_in(conn, "SELECT term, df FROM story_terms WHERE term IN ({marks})", wanted))


def load_postings(conn: sqlite3.Connection, index: StoryIndex, terms: Iterable[str], loaded: set[str],
                  since_day: float | None = None) -> None:
    """Read the posting lists of ``terms``, older stories before any this update added.

    With ``since_day``, stories last active before it are left out: no dated article of
    this update can join them. A list grown past twice its cap is trimmed on save.
    """
    wanted = sorted(set(terms) - loaded)
    stored: dict[str, list[tuple[int, str]]] = {}
    sql = ("SELECT p.term, p.story, p.seq FROM story_postings p JOIN story_centroids c ON c.story = p.story "
           "WHERE p.term IN ({marks})")
    window = () if since_day is None else (since_day,)
    if window:
        sql += " AND (c.last_day IS NULL OR c.last_day >= ?)"
    for term, story, seq in rows_in(conn, sql, wanted, *window):
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
    terms = {t for v in vectors for t in query_terms(v)}
    load_postings(conn, index, terms, loaded, since_day)
    wanted: set[str] = set()
    for v in vectors:
        wanted.update(index.candidate_ids(v)[:MAX_CANDIDATES])
    load_stories(conn, index, wanted)


def load_stories(conn: sqlite3.Connection, index: StoryIndex, ids: Iterable[str]) -> None:
    wanted = sorted(set(ids) - set(index.stories))
    for row in rows_in(conn, "SELECT story, terms, embedding, size, first_day, last_day, rep_score "
                             "FROM story_centroids WHERE story IN ({marks})", wanted):
        terms = json.loads(row[1])
        counts = {t[1:]: int(w) for t, w in terms.items() if t[:1] == COUNT_PREFIX}
        terms = {t: w for t, w in terms.items() if t[:1] != COUNT_PREFIX}
        story = StoryVector(row[0], terms=terms, size=row[3], first_day=row[4], last_day=row[5],
                            rep_score=row[6] if row[6] is not None else -1.0, long=counts.pop(LONG, 0),
                            years={int(y): n for y, n in counts.items() if y.isdigit()},
                            keyed=counts.pop(KEYED, 0), keys={k[1:]: n for k, n in counts.items() if k[:1] == NAME_PREFIX})
        story.recount()
        if row[2] is not None:
            story.embedding = np.frombuffer(row[2], dtype=np.float32).copy()
        index.stories[story.id] = story


def save(conn: sqlite3.Connection, index: StoryIndex) -> None:
    """Write document frequencies, changed centroids and touched posting lists."""
    set_state(conn, N_DOCS_STATE, str(index.n_docs))
    conn.executemany(
        "INSERT INTO story_terms (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = excluded.df",
        [(t, index.df[t]) for t in sorted(index.touched_terms)])
    gone = [s.id for s in index.stories.values() if s.size <= 0]
    conn.executemany("DELETE FROM story_centroids WHERE story = ?", [(s,) for s in gone])
    conn.executemany(
        "INSERT OR REPLACE INTO story_centroids (story, terms, embedding, size, first_day, last_day, rep_score) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(s.id, json.dumps({t: round(w, 5) for t, w in s.terms.items()} | _counts(s), ensure_ascii=False),
          None if s.embedding is None else s.embedding.astype(np.float32).tobytes(),
          s.size, s.first_day, s.last_day, s.rep_score)
         for s in index.stories.values() if s.dirty and s.size > 0])
    base = int(get_state(conn, SEQ_STATE) or 0)
    gone_set = set(gone)
    conn.executemany(
        "INSERT INTO story_postings (term, story, seq) VALUES (?, ?, ?) "
        "ON CONFLICT (term, story) DO UPDATE SET seq = excluded.seq",
        [(term, story, base + order) for (term, story), order in index.posted.items() if story not in gone_set])
    conn.executemany("DELETE FROM story_postings WHERE term = ? AND seq < ?", sorted(index.trim.items()))
    set_state(conn, SEQ_STATE, str(base + len(index.posted)))
    # Postings of merged-away stories stay: they name no centroid, so look-ups skip them,
    # and newer postings push them out of their lists.
