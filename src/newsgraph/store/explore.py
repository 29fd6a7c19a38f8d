"""Reads behind the explore pages: stories filtered and paged, an entity, an outlet, events,
and the two pictures (attention over time, co-mention network) for a search, entity or story.

Part of the query layer beside ``queries.py`` (interfaces read through both, never SQL of
their own). Every function returns plain dicts and lists with names, not ids, where a
person reads them; the ids stay in the rows for links.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from datetime import date, timedelta
from itertools import combinations
from typing import Any

from newsgraph.store.queries import article_filters, check_day, search_parts

ATTENTION_OUTLETS = 8  # outlets drawn as their own line; the rest are summed as "other outlets"
MAX_DAYS = 3660  # a chart spans at most ten years of days
NETWORK_ARTICLES = 500  # a network is drawn from at most this many articles of its scope (the latest)


def _marks(items: list | tuple) -> str:
    return ",".join("?" * len(items))


# -- names for ids ---------------------------------------------------------------------------


def entity_names(conn: sqlite3.Connection, ids: list[str]) -> dict[str, str]:
    """Entity id → canonical name, for the ids given (unknown ids are left out)."""
    if not ids:
        return {}
    return {r["id"]: r["name"] for r in conn.execute(f"SELECT id, name FROM entities WHERE id IN ({_marks(ids)})",
                                                     list(ids))}


def entity_ids_for(conn: sqlite3.Connection, value: str) -> list[str]:
    """Entity ids meant by ``value``: an id itself, or a canonical name or alias in any case."""
    if conn.execute("SELECT 1 FROM entities WHERE id = ?", (value,)).fetchone():
        return [value]
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT e.id FROM entities e LEFT JOIN entity_aliases a ON a.entity = e.id "
        "WHERE e.name = ? COLLATE NOCASE OR a.alias = ? COLLATE NOCASE", (value, value))]


def outlets(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every named outlet with its number of articles, most first."""
    return [dict(r) for r in conn.execute(
        "SELECT outlet, COUNT(*) AS articles FROM articles WHERE outlet IS NOT NULL GROUP BY outlet "
        "ORDER BY COUNT(*) DESC, outlet")]


# -- stories -----------------------------------------------------------------------------------


def _story_filter(conn: sqlite3.Connection, outlet: str | None, since: str | None, until: str | None,
                  entity: str | None) -> tuple[str, list]:
    """A subquery of the stories with a member article matching every filter given."""
    filters, args = article_filters(outlet, since, until, alias="f")
    sql = f"SELECT f.story FROM articles f WHERE f.story IS NOT NULL{filters}"
    if entity:
        ids = entity_ids_for(conn, entity) or [entity]
        sql += f" AND f.id IN (SELECT article FROM mentions WHERE entity IN ({_marks(ids)}))"
        args += ids
    return sql, args


def list_stories(conn: sqlite3.Connection, outlet: str | None = None, since: str | None = None,
                 until: str | None = None, entity: str | None = None, limit: int = 25,
                 offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """One page of stories (most articles first) with a member matching the filters, and how many match.

    Each story has its outlets (name → articles) and its key entities as names.
    """
    subquery, args = _story_filter(conn, outlet, since, until, entity)
    total = conn.execute(f"SELECT COUNT(DISTINCT story) FROM ({subquery})", args).fetchone()[0]
    keep = f"WHERE s.id IN ({subquery})" if any((outlet, since, until, entity)) else ""
    rows = [dict(r) for r in conn.execute(
        "SELECT s.id, s.title, s.first_published, s.last_published, s.key_entities, COUNT(*) AS size "
        f"FROM stories s JOIN articles a ON a.story = s.id {keep} "
        f"GROUP BY s.id ORDER BY COUNT(*) DESC, s.last_published DESC, s.id LIMIT {int(limit)} "
        f"OFFSET {max(0, int(offset))}", args if keep else [])]
    by_story: dict[str, dict[str, int]] = {r["id"]: {} for r in rows}
    for r in conn.execute(f"SELECT story, outlet, COUNT(*) AS n FROM articles WHERE story IN ({_marks(rows)}) "
                          "AND outlet IS NOT NULL GROUP BY story, outlet ORDER BY COUNT(*) DESC, outlet",
                          [r["id"] for r in rows]):
        by_story[r["story"]][r["outlet"]] = r["n"]
    keys = [k for r in rows for k in json.loads(r["key_entities"] or "[]")]
    names = entity_names(conn, sorted(set(keys)))
    for row in rows:
        row["outlets"] = by_story[row["id"]]
        row["key_entities"] = [{"id": k, "name": names.get(k, k)} for k in json.loads(row["key_entities"] or "[]")]
    return rows, total


def story_members(conn: sqlite3.Connection, story_id: str) -> list[dict[str, Any]]:
    """A story's articles in publication order, with the names of the people they quote and the sources they cite."""
    rows = [dict(r) for r in conn.execute(
        "SELECT id, title, outlet, published, published_precision, origin, duplicate_of FROM articles "
        "WHERE story = ? ORDER BY published IS NULL, published, id", (story_id,))]
    for row in rows:
        row["quoted"] = list(dict.fromkeys(r[0] for r in conn.execute(
            "SELECT COALESCE(e.name, q.speaker) FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity "
            "WHERE q.article = ? AND COALESCE(e.name, q.speaker) IS NOT NULL ORDER BY q.start", (row["id"],))))
        row["cited"] = list(dict.fromkeys(r[0] for r in conn.execute(
            "SELECT cited FROM citations WHERE article = ? ORDER BY start", (row["id"],))))
    return rows


# -- entity ------------------------------------------------------------------------------------


def _article_cols(alias: str = "a") -> str:
    return (f"{alias}.outlet, {alias}.published, {alias}.published_precision, {alias}.title AS article_title, "
            f"{alias}.story")


def get_entity(conn: sqlite3.Connection, entity_id: str, limit: int = 50) -> dict[str, Any] | None:
    """One entity: aliases, roles over time with evidence, its quotes, quotes about it, events as
    actor and target, the entities it appears with, and its articles by outlet."""
    row = conn.execute("SELECT id, name, type, kb_id FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        return None
    entity = dict(row)
    name, eid = entity["name"], entity["id"]
    entity["aliases"] = [r[0] for r in conn.execute(
        "SELECT alias FROM entity_aliases WHERE entity = ? AND alias != ? ORDER BY alias", (eid, name))]
    entity["roles"] = [dict(r) for r in conn.execute(
        f"SELECT r.role, r.surface, r.evidence, r.article, {_article_cols()} FROM roles r "
        "JOIN articles a ON a.id = r.article WHERE r.entity = ? "
        f"ORDER BY a.published IS NULL, a.published, r.start LIMIT {int(limit)}", (eid,))]
    quote_cols = (f"q.id, q.article, q.text, q.kind, q.cue, q.speaker, s.name AS speaker_entity, "
                  f"q.speaker_entity AS speaker_entity_id, q.evidence, {_article_cols()}")
    with_speakers = "JOIN articles a ON a.id = q.article LEFT JOIN entities s ON s.id = q.speaker_entity"
    entity["quotes"] = [dict(r) for r in conn.execute(
        f"SELECT {quote_cols} FROM quotes q {with_speakers} "
        "WHERE q.speaker_entity = ? ORDER BY a.published IS NULL, a.published, q.start "
        f"LIMIT {int(limit)}", (eid,))]
    entity["quoted_about"] = [dict(r) for r in conn.execute(
        f"SELECT {quote_cols} FROM quotes q {with_speakers} WHERE q.id IN (SELECT inside.id FROM mentions m "
        'JOIN quotes inside ON inside.article = m.article AND m.start >= inside.start AND m."end" <= inside."end" '
        "WHERE m.entity = ?) AND COALESCE(q.speaker_entity, '') != ? "
        f"ORDER BY a.published IS NULL, a.published, q.start LIMIT {int(limit)}", (eid, eid))]
    event_cols = f"e.*, {_article_cols()}"
    for side in ("actor", "target"):
        entity[f"events_as_{side}"] = [dict(r) for r in conn.execute(
            f"SELECT {event_cols} FROM events e JOIN articles a ON a.id = e.article WHERE e.{side} IN (?, ?) "
            f"ORDER BY COALESCE(e.date, a.published) IS NULL, COALESCE(e.date, a.published), e.start "
            f"LIMIT {int(limit)}", (name, eid))]
    entity["co_mentioned"] = [dict(r) for r in conn.execute(
        "WITH pairs AS (SELECT DISTINCT m.article, m.entity FROM mentions m WHERE m.article IN "
        "(SELECT article FROM mentions WHERE entity = ?) AND m.entity != ?), "
        "counted AS (SELECT entity, COUNT(*) AS articles FROM pairs GROUP BY entity ORDER BY COUNT(*) DESC, "
        "entity LIMIT 25) "
        "SELECT e.id, e.name, e.type, counted.articles FROM counted JOIN entities e ON e.id = counted.entity "
        "ORDER BY counted.articles DESC, e.name", (eid, eid))]
    entity["by_outlet"] = [dict(r) for r in conn.execute(
        "SELECT COALESCE(a.outlet, '') AS outlet, COUNT(*) AS articles FROM articles a "
        "WHERE a.id IN (SELECT article FROM mentions WHERE entity = ?) GROUP BY a.outlet "
        "ORDER BY COUNT(*) DESC, a.outlet", (eid,))]
    entity["articles"] = [dict(r) for r in conn.execute(
        "SELECT a.id, a.title, a.outlet, a.published, a.published_precision, a.story, COUNT(m.id) AS mentions "
        "FROM mentions m JOIN articles a ON a.id = m.article WHERE m.entity = ? GROUP BY a.id "
        f"ORDER BY a.published IS NULL, a.published DESC LIMIT {int(limit)}", (eid,))]
    entity["article_count"] = sum(o["articles"] for o in entity["by_outlet"])
    return entity


# -- outlet ------------------------------------------------------------------------------------


def get_outlet(conn: sqlite3.Connection, outlet: str, limit: int = 50, offset: int = 0) -> dict[str, Any] | None:
    """One outlet: its articles (a page of them), whom it quotes and cites, and the stories carried by
    several outlets that it covers and that it misses."""
    row = conn.execute("SELECT outlet, COUNT(*) AS n FROM articles WHERE outlet = ? COLLATE NOCASE GROUP BY outlet",
                       (outlet,)).fetchone()
    if row is None:
        return None
    name = row["outlet"]
    page: dict[str, Any] = {"name": name, "article_count": row["n"]}
    page["articles"] = [dict(r) for r in conn.execute(
        "SELECT id, title, published, published_precision, story FROM articles WHERE outlet = ? "
        f"ORDER BY published IS NULL, published DESC, id LIMIT {int(limit)} OFFSET {max(0, int(offset))}", (name,))]
    page["quoted"] = [dict(r) for r in conn.execute(
        "SELECT COALESCE(s.name, q.speaker) AS speaker, s.id AS entity, COUNT(*) AS quotes, "
        "COUNT(DISTINCT q.article) AS articles FROM quotes q JOIN articles a ON a.id = q.article "
        "LEFT JOIN entities s ON s.id = q.speaker_entity "
        "WHERE a.outlet = ? AND COALESCE(s.name, q.speaker) IS NOT NULL "
        "GROUP BY 1, 2 ORDER BY COUNT(*) DESC, 1 LIMIT 30", (name,))]
    page["cited"] = [dict(r) for r in conn.execute(
        "SELECT c.cited, c.kind, COUNT(*) AS citations FROM citations c JOIN articles a ON a.id = c.article "
        "WHERE a.outlet = ? GROUP BY c.cited, c.kind ORDER BY COUNT(*) DESC, c.cited LIMIT 30", (name,))]
    shared = [dict(r) for r in conn.execute(
        "SELECT a.story AS id, s.title, COUNT(DISTINCT a.outlet) AS outlets, COUNT(*) AS articles, "
        "MAX(CASE WHEN a.outlet = ? THEN 1 ELSE 0 END) AS covered, MAX(a.published) AS last_published "
        "FROM articles a JOIN stories s ON s.id = a.story WHERE a.outlet IS NOT NULL GROUP BY a.story, s.title "
        "HAVING COUNT(DISTINCT a.outlet) >= 2 ORDER BY COUNT(DISTINCT a.outlet) DESC, COUNT(*) DESC, a.story",
        (name,))]
    page["covers"] = [s for s in shared if s["covered"]][:limit]
    page["misses"] = [s for s in shared if not s["covered"]][:limit]
    page["covers_count"] = sum(1 for s in shared if s["covered"])
    page["misses_count"] = len(shared) - page["covers_count"]
    return page


# -- events ------------------------------------------------------------------------------------


def list_events(conn: sqlite3.Connection, entity: str | None = None, cameo: str | None = None,
                since: str | None = None, until: str | None = None, limit: int = 50,
                offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Who did what to whom, in the order it happened (the event's own date, else the article's),
    with the article's outlet and date; filters: an entity as actor or target, a CAMEO code prefix, days."""
    when = "COALESCE(e.date, a.published)"
    sql, args = " FROM events e JOIN articles a ON a.id = e.article WHERE 1=1", []
    if entity:
        names = [r[0] for r in conn.execute(f"SELECT name FROM entities WHERE id IN ({_marks(ids)})", ids)] \
            if (ids := entity_ids_for(conn, entity)) else []
        values = sorted({entity, *names, *ids})
        sql += f" AND (e.actor IN ({_marks(values)}) OR e.target IN ({_marks(values)}))"
        args += values + values
    if cameo:
        sql += " AND e.cameo LIKE ?"
        args.append(cameo.strip() + "%")
    if check_day(since, "since"):
        sql += f" AND substr({when}, 1, 10) >= ?"
        args.append(since)
    if check_day(until, "until"):
        sql += f" AND substr({when}, 1, 10) <= ?"
        args.append(until)
    total = conn.execute("SELECT COUNT(*)" + sql, args).fetchone()[0]
    rows = [dict(r) for r in conn.execute(
        f"SELECT e.*, {_article_cols()}{sql} ORDER BY {when} IS NULL, {when}, e.article, e.start "
        f"LIMIT {int(limit)} OFFSET {max(0, int(offset))}", args)]
    return rows, total


# -- pictures ----------------------------------------------------------------------------------


def _scope(conn: sqlite3.Connection, query: str | None, entity: str | None, story: str | None,
           outlet: str | None, since: str | None, until: str | None) -> tuple[str, list] | None:
    """A subquery of the article ids a picture is about: a search's matches, an entity's or a story's articles."""
    filters, args = article_filters(outlet, since, until)
    if query is not None:
        bound, _columns, body, search_args = search_parts(conn, query, "articles", outlet, since, until)
        if bound is None:
            return None
        return f"SELECT a.id {body}", [*bound, *search_args]
    if entity is not None:
        return (f"SELECT a.id FROM articles a WHERE a.id IN (SELECT article FROM mentions WHERE entity = ?){filters}",
                [entity, *args])
    if story is not None:
        return f"SELECT a.id FROM articles a WHERE a.story = ?{filters}", [story, *args]
    raise ValueError("a picture needs a search, an entity or a story")


def attention(conn: sqlite3.Connection, query: str | None = None, entity: str | None = None,
              story: str | None = None, outlet: str | None = None, since: str | None = None,
              until: str | None = None) -> dict[str, Any]:
    """Articles per day by outlet for a search, an entity or a story: every day from the first to the
    last, the busiest outlets each as a series, and how many articles had no date."""
    scope = _scope(conn, query, entity, story, outlet, since, until)
    empty = {"days": [], "series": [], "undated": 0}
    if scope is None:
        return empty
    sql, args = scope
    rows = conn.execute(
        "SELECT substr(a.published, 1, 10) AS day, COALESCE(a.outlet, 'outlet not named') AS outlet, COUNT(*) AS n "
        f"FROM articles a WHERE a.id IN ({sql}) GROUP BY 1, 2", args).fetchall()
    dated = [r for r in rows if r["day"] and is_day(r["day"])]
    undated = sum(r["n"] for r in rows) - sum(r["n"] for r in dated)
    if not dated:
        return {**empty, "undated": undated}
    first = date.fromisoformat(min(r["day"] for r in dated))
    last = min(date.fromisoformat(max(r["day"] for r in dated)), first + timedelta(days=MAX_DAYS - 1))
    days = [(first + timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]
    index = {d: i for i, d in enumerate(days)}
    totals: dict[str, int] = {}
    for r in dated:
        totals[r["outlet"]] = totals.get(r["outlet"], 0) + r["n"]
    ranked = sorted(totals, key=lambda o: (-totals[o], o))
    shown = ranked[:ATTENTION_OUTLETS]
    series = {o: [0] * len(days) for o in shown}
    if len(ranked) > len(shown):
        series["other outlets"] = [0] * len(days)
    for r in dated:
        if r["day"] in index:
            series[r["outlet"] if r["outlet"] in shown else "other outlets"][index[r["day"]]] += r["n"]
    return {"days": days, "series": [{"outlet": o, "counts": c} for o, c in series.items()], "undated": undated}


def is_day(value: str) -> bool:
    """Whether a value is a calendar day as YYYY-MM-DD: filters and timelines take days only."""
    try:
        date.fromisoformat(value)
        return True
    except ValueError:
        return False


def comention_network(conn: sqlite3.Connection, query: str | None = None, entity: str | None = None,
                      story: str | None = None, outlet: str | None = None, since: str | None = None,
                      until: str | None = None, nodes: int = 30) -> dict[str, Any]:
    """The entities most often named in a search's, entity's or story's articles (the latest
    ``NETWORK_ARTICLES`` of them), and how many articles name each pair of them together."""
    scope = _scope(conn, query, entity, story, outlet, since, until)
    if scope is None:
        return {"nodes": [], "edges": []}
    sql, args = scope
    named: dict[str, set[str]] = {}
    for r in conn.execute(
            f"WITH arts AS (SELECT a.id FROM articles a WHERE a.id IN ({sql}) ORDER BY a.published DESC "
            f"LIMIT {NETWORK_ARTICLES}) SELECT DISTINCT m.article, m.entity FROM mentions m "
            "JOIN arts ON arts.id = m.article WHERE m.entity IS NOT NULL", args):
        named.setdefault(r["article"], set()).add(r["entity"])
    counts = Counter(e for entities in named.values() for e in entities)
    top = [e for e, _n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:nodes]]
    kept = set(top)
    pairs = Counter(pair for entities in named.values()
                    for pair in combinations(sorted(entities & kept), 2))
    about = {r["id"]: r for r in conn.execute(f"SELECT id, name, type FROM entities WHERE id IN ({_marks(top)})",
                                              top)} if top else {}
    return {"nodes": [{"id": e, "name": about[e]["name"], "type": about[e]["type"], "articles": counts[e]}
                      for e in top if e in about],
            "edges": [{"source": a, "target": b, "weight": n} for (a, b), n in sorted(pairs.items())]}


def entity_ids_for_names(conn: sqlite3.Connection, names: list[str | None]) -> dict[str, str]:
    """Canonical name → entity id for the names given (a name two entities share keeps the first id)."""
    wanted = sorted({n for n in names if n})
    found: dict[str, str] = {}
    if wanted:
        for r in conn.execute(f"SELECT name, id FROM entities WHERE name IN ({_marks(wanted)}) ORDER BY id", wanted):
            found.setdefault(r["name"], r["id"])
    return found
