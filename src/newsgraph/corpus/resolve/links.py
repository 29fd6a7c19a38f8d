"""Entity links across the articles of the store, incrementally.

For the new articles, reads the entities they use and every stored entity that could be
the same actor under another name (a full name a short form stands for, the short forms a
new full name gives, the same name under another type), the articles that use those, and
the other entities of those articles as context. ``across.link_across`` decides; this
module writes: the mentions of an article move to the entity they are the same as (with
its type), roles and quote speakers follow, and the old name is added as an alias.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from newsgraph.corpus.resolve.across import ArticleEntities, EntityUse, Target, link_across, lookup_keys
from newsgraph.reference.keys import name_key
from newsgraph.store.sqlite import rows_in

MAX_ARTICLES_PER_ENTITY = 300  # most recent articles read for each related entity


def resolve_entities(conn: sqlite3.Connection, new_ids: list[str]) -> int:
    """Link the new articles' entities (and the stored ones they settle); return how many
    mentions changed entity."""
    if not new_ids:
        return 0
    new_entities = {r[0]: (r[1], r[2]) for r in rows_in(
        conn, "SELECT DISTINCT e.id, e.name, e.type FROM mentions m JOIN entities e ON e.id = m.entity "
              "WHERE m.article IN ({marks})", new_ids)}
    if not new_entities:
        return 0
    wanted: set[str] = set()
    for name, type_ in new_entities.values():
        wanted |= lookup_keys(name, type_) | {name_key(name)}
    related = set(new_entities)
    for eid, name, type_ in conn.execute("SELECT id, name, type FROM entities"):
        if eid not in related and (lookup_keys(name, type_) | {name_key(name)}) & wanted:
            related.add(eid)
    articles = set(new_ids)
    for eid in related:
        articles.update(r[0] for r in conn.execute(
            "SELECT a.id FROM articles a WHERE a.id IN (SELECT article FROM mentions WHERE entity = ?) "
            "ORDER BY a.published DESC, a.id LIMIT ?", (eid, MAX_ARTICLES_PER_ENTITY)))
    links = link_across(_read_articles(conn, sorted(articles)))
    return sum(_write(conn, article, eid, target) for (article, eid), target in sorted(links.items()))


def _read_articles(conn: sqlite3.Connection, ids: list[str]) -> list[ArticleEntities]:
    stories = dict(rows_in(conn, "SELECT id, story FROM articles WHERE id IN ({marks})", ids))
    uses: dict[str, dict[str, EntityUse]] = defaultdict(dict)
    for article, eid, name, type_, kb_id, count in rows_in(
            conn, "SELECT m.article, e.id, e.name, e.type, e.kb_id, COUNT(*) FROM mentions m "
                  "JOIN entities e ON e.id = m.entity WHERE m.article IN ({marks}) GROUP BY m.article, e.id", ids):
        uses[article][eid] = EntityUse(name, type_, kb_id, count)
    aliases: dict[str, list[str]] = defaultdict(list)
    every = sorted({eid for u in uses.values() for eid in u})
    for eid, alias in rows_in(conn, "SELECT entity, alias FROM entity_aliases WHERE entity IN ({marks})", every):
        aliases[eid].append(alias)
    for article_uses in uses.values():
        for eid, use in article_uses.items():
            use.aliases = tuple(aliases.get(eid, ()))
    return [ArticleEntities(a, uses.get(a, {}), stories.get(a)) for a in ids]


def _write(conn: sqlite3.Connection, article: str, eid: str, target: Target) -> int:
    old_name = conn.execute("SELECT name FROM entities WHERE id = ?", (eid,)).fetchone()
    conn.execute("INSERT OR IGNORE INTO entities (id, name, type) VALUES (?, ?, ?)",
                 (target.id, target.name, target.type))
    cursor = conn.execute("UPDATE mentions SET entity = ?, type = ? WHERE article = ? AND entity = ?",
                          (target.id, target.type, article, eid))
    conn.execute("UPDATE roles SET entity = ? WHERE article = ? AND entity = ?", (target.id, article, eid))
    conn.execute("UPDATE quotes SET speaker_entity = ? WHERE article = ? AND speaker_entity = ?",
                 (target.id, article, eid))
    if old_name:
        if name_key(old_name[0]) != name_key(target.name):
            conn.execute("INSERT OR IGNORE INTO entity_aliases (entity, alias) VALUES (?, ?)", (target.id, old_name[0]))
    return cursor.rowcount
