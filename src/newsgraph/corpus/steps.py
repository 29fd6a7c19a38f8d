"""Corpus steps run after new articles are stored: stories, entity links, cross-article checks.

They read and write the store only; they never parse raw input. Each step takes the
ids of the new articles and updates what they touch, not the whole corpus.
"""

from __future__ import annotations

from newsgraph.corpus.checks import check_story
from newsgraph.corpus.resolve import resolve_entities
from newsgraph.corpus.stories import update_stories
from newsgraph.store import Store, queries
from newsgraph.timing import StageTimes

MAX_CHECKED_MEMBERS = 200  # speaker checks look at a story's most recent articles only


def update_corpus(store: Store, new_ids: list[str], times: StageTimes | None = None) -> int:
    """Attach new articles to stories; return how many stories they touched (each step's seconds to ``times``)."""
    times = times if times is not None else StageTimes()
    store.conn.execute("BEGIN IMMEDIATE")
    try:
        with times.timing("stories"):
            assignments = update_stories(store.conn, new_ids)
        with times.timing("resolve"):
            resolve_entities(store.conn, new_ids)  # surname-only mentions, within each story
        with times.timing("story_checks"):
            check_stories(store, assignments, set(new_ids))
            store.conn.execute("COMMIT")
    except BaseException:
        store.rollback()  # SQLite may have rolled back already (a full disk): never mask the cause
        raise
    return len(set(assignments.values()))


def check_stories(store: Store, assignments: dict[str, str], new_ids: set[str]) -> None:
    """Cross-article checks (one quotation, two speakers) in the stories new articles joined."""
    for story in sorted(set(assignments.values())):
        members = [r[0] for r in store.conn.execute(
            "SELECT id FROM articles WHERE story = ? ORDER BY published DESC, id LIMIT ?",
            (story, MAX_CHECKED_MEMBERS))]
        if len(members) < 2:
            continue
        analyses = [a for a in (queries.load_analysis(store.conn, m) for m in members) if a is not None]
        store.save_flags(check_story(analyses, new=new_ids & set(members)))
