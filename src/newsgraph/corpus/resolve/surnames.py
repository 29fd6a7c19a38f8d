"""Cross-article entity resolution over the store.

Within an article, extraction already turns "Miller" into "Matthew Miller" when the full
name appears. An article that only ever says "Miller" leaves a surname-only entity
("PERSON:miller"). This step links such mentions to a full name from the *same story*
when exactly one person of the story has that surname; with none or several, the
mentions stay as they are, so different people sharing a surname are never merged.
Spelling variants ("Kim Jong-un" / "Kim Jong Un") need no step here: they share an
entity id through the reference tables and ``name_key``.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from newsgraph.extract.entities import short_forms
from newsgraph.reference.keys import name_key
from newsgraph.store.sqlite import rows_in


def surname_keys(full_name: str) -> set[str]:
    """The single-word keys a full name can be shortened to, as extraction shortens them."""
    return {name_key(form) for form in short_forms(full_name, full_name) if " " not in form.strip()}


def resolve_entities(conn: sqlite3.Connection, new_ids: list[str]) -> int:
    """Repoint surname-only person mentions in the stories of the new articles; return how many."""
    if not new_ids:
        return 0
    stories = sorted({r[0] for r in rows_in(conn, "SELECT story FROM articles WHERE id IN ({marks}) AND story IS NOT NULL",
                                            new_ids)})
    changed = 0
    for story in stories:
        changed += _resolve_story(conn, story)
    return changed


def _resolve_story(conn: sqlite3.Connection, story: str) -> int:
    rows = conn.execute(
        "SELECT DISTINCT m.article, e.id, e.name, e.kb_id FROM mentions m "
        "JOIN entities e ON e.id = m.entity JOIN articles a ON a.id = m.article "
        "WHERE a.story = ? AND e.type = 'PERSON'", (story,)).fetchall()
    full_by_key: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for _, eid, name, _ in rows:
        for key in surname_keys(name):
            full_by_key[key].add((eid, name))
    changed = 0
    for article, eid, name, kb_id in rows:
        if kb_id or len(name_key(name).split()) != 1:
            continue
        candidates = full_by_key.get(name_key(name), set())
        if len(candidates) != 1:
            continue
        (target, _), = candidates
        cursor = conn.execute("UPDATE mentions SET entity = ? WHERE article = ? AND entity = ?", (target, article, eid))
        conn.execute("UPDATE roles SET entity = ? WHERE article = ? AND entity = ?", (target, article, eid))
        conn.execute("UPDATE quotes SET speaker_entity = ? WHERE article = ? AND speaker_entity = ?",
                     (target, article, eid))
        conn.execute("INSERT OR IGNORE INTO entity_aliases (entity, alias) VALUES (?, ?)", (target, name))
        changed += cursor.rowcount
    return changed

