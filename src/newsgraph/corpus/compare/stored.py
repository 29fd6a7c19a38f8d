"""Compare a stored story: load its articles' records and align them with corpus.compare."""

from __future__ import annotations

import sqlite3

from newsgraph.records import Comparison
from newsgraph.store import queries


def comparison_for_story(conn: sqlite3.Connection, story_id: str) -> Comparison | None:
    """The outlet comparison of one story, or None if it has fewer than two articles."""
    from newsgraph.corpus.compare.story import compare_story

    story = queries.get_story(conn, story_id)
    if story is None or len(story["articles"]) < 2:
        return None
    analyses = [a for a in (queries.load_analysis(conn, i) for i in story["articles"]) if a is not None]
    return compare_story(analyses, story=story["id"])
