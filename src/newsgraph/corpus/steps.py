"""Corpus steps run after new articles are stored: stories, entity links, cross-article checks.

They read and write the store only; they never parse raw input. Each step takes the
ids of the new articles and updates what they touch, not the whole corpus.
"""

from __future__ import annotations

from newsgraph.corpus.resolve import resolve_entities
from newsgraph.corpus.stories import update_stories
from newsgraph.store import Store


def update_corpus(store: Store, new_ids: list[str]) -> int:
    """Attach new articles to stories; return how many stories they touched."""
    store.conn.execute("BEGIN IMMEDIATE")
    try:
        assignments = update_stories(store.conn, new_ids)
        resolve_entities(store.conn, new_ids)  # surname-only mentions, within each story
        store.conn.execute("COMMIT")
    except BaseException:
        store.conn.execute("ROLLBACK")
        raise
    return len(set(assignments.values()))
