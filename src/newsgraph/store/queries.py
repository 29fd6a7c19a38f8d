"""The query layer: every interface (CLI, API, web, exports) reads records through here.

Rows come back as plain dicts whose field names follow the export contract in
DESIGN.md, so the CLI's ``--json``, the exports and the Python API agree.
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
from typing import Any, Iterator

from newsgraph.records import (
    Article,
    ArticleAnalysis,
    Citation,
    Entity,
    Event,
    Flag,
    Mention,
    Quote,
    Role,
)
from newsgraph.store import pgsearch
from newsgraph.store.dialect import dialect_of
from newsgraph.store.match import match_expression

EXPORT_KINDS = ("articles", "entities", "mentions", "roles", "quotes", "citations", "stories", "flags", "events")


def _loads(value: str | None, default: Any) -> Any:
    return json.loads(value) if value else default


# -- articles ----------------------------------------------------------------------------


def article_row(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "origin": row["origin"],
        "outlet": row["outlet"],
        "wire": row["wire"],
        "url": row["url"],
        "title": row["title"],
        "lead": row["lead"],
        "published": row["published"],
        "authors": _loads(row["authors"], []),
        "body": row["body"],
        "captions": _loads(row["captions"], []),
        "story": row["story"],
        "duplicate_of": row["duplicate_of"],
        "published_precision": row["published_precision"],
        "language": row["language"],
    }


def iter_articles(conn: sqlite3.Connection, outlet: str | None = None, story: str | None = None,
                  limit: int | None = None) -> Iterator[dict[str, Any]]:
    sql, args = "SELECT * FROM articles WHERE 1=1", []
    if outlet:
        sql += " AND outlet = ? COLLATE NOCASE"
        args.append(outlet)
    if story:
        sql += " AND story = ?"
        args.append(story)
    sql += " ORDER BY published IS NULL, published, id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    for row in conn.execute(sql, args):
        yield article_row(row)


# -- ids from what people type -----------------------------------------------------------------


class IdError(LookupError):
    """An id typed by someone that names no record, or more than one."""


class UnknownId(IdError):
    """No record's id starts with what was typed."""


class AmbiguousId(IdError):
    """Several records' ids start with what was typed."""


ID_TABLES = {"article": "articles", "story": "stories"}
SHOWN_CANDIDATES = 5


def ids_starting_with(conn: sqlite3.Connection, kind: str, prefix: str, limit: int = SHOWN_CANDIDATES + 1) -> list[str]:
    """Ids of one kind of record that start with ``prefix`` (a range on the primary key, no LIKE
    wildcards: a typed ``%`` or ``_`` is just a character)."""
    table = ID_TABLES[kind]
    rows = conn.execute(f"SELECT id FROM {table} WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
                        (prefix, prefix + "\U0010ffff", limit))
    return [r[0] for r in rows]


def resolve_id(conn: sqlite3.Connection, typed: str, kinds: tuple[str, ...] = ("article", "story")) -> tuple[str, str]:
    """(kind, full id) of the one record whose id starts with ``typed``.

    Tables print the first 12 characters of an id; any unique start of an id is accepted.
    Raises ``UnknownId`` when nothing matches and ``AmbiguousId`` when several records do,
    with a message that says which, so the two are never confused.
    """
    prefix = typed.strip()
    what = " or ".join(kinds)
    if not prefix:
        raise UnknownId(f"an empty id names no {what}; give an id or the first characters of one")
    found = [(kind, full) for kind in kinds for full in ids_starting_with(conn, kind, prefix)]
    exact = [(kind, full) for kind, full in found if full == prefix]
    if len(exact) == 1:
        return exact[0]
    if not found:
        raise UnknownId(f"no {what} matches {prefix!r}")
    if len(found) > 1:
        shown = ", ".join(f"{kind} {full}" for kind, full in found[:SHOWN_CANDIDATES])
        more = " and more" if len(found) > SHOWN_CANDIDATES else ""
        raise AmbiguousId(f"{prefix!r} is ambiguous: it starts the ids of {shown}{more}; type more characters")
    return found[0]


def resolve_article_id(conn: sqlite3.Connection, prefix: str) -> str | None:
    """Full article id from a unique prefix, or None (``resolve_id`` says why)."""
    try:
        return resolve_id(conn, prefix, ("article",))[1]
    except IdError:
        return None


def get_article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """One article with every record found in it, each with its evidence."""
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    article = article_row(row)
    article["text"] = row["text"]
    article["removed"] = _loads(row["removed"], [])
    article["entities"] = [
        dict(r) for r in conn.execute(
            "SELECT e.id, e.name, e.type, COUNT(*) AS mentions, GROUP_CONCAT(DISTINCT m.text) AS surfaces "
            "FROM mentions m JOIN entities e ON e.id = m.entity WHERE m.article = ? "
            "GROUP BY e.id ORDER BY COUNT(*) DESC, e.name", (article_id,))
    ]
    article["roles"] = [dict(r) for r in conn.execute(
        'SELECT e.name AS entity, r.role, r.surface, r.evidence, r.start, r."end" FROM roles r '
        "JOIN entities e ON e.id = r.entity WHERE r.article = ? ORDER BY r.start", (article_id,))]
    article["quotes"] = [dict(r) for r in conn.execute(
        f"SELECT {QUOTE_COLUMNS} {QUOTES_WITH_SPEAKERS} WHERE q.article = ? ORDER BY q.start", (article_id,))]
    for table in ("citations", "events", "flags"):
        order = "confidence DESC, start" if table == "flags" else "start"
        article[table] = [dict(r) for r in conn.execute(
            f"SELECT * FROM {table} WHERE article = ? ORDER BY {order}", (article_id,))]
    return article


# -- entities ----------------------------------------------------------------------------


def _contains(text: str) -> str:
    """A LIKE pattern for "contains ``text``", with LIKE's wildcards taken literally (ESCAPE '\\')."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def entity_names_matching(conn: sqlite3.Connection, name: str) -> list[str]:
    """Canonical names of entities called ``name``, ignoring case, by canonical name or any alias.

    A name that matches no entity whole matches those it is part of ("campb" finds
    "Kurt Campbell"), so a half-remembered name still finds its entity.
    """
    name = name.strip()
    if not name:
        return []
    sql = "SELECT DISTINCT e.name FROM entities e LEFT JOIN entity_aliases a ON a.entity = e.id WHERE "
    rows = conn.execute(sql + "e.name = ? COLLATE NOCASE OR a.alias = ? COLLATE NOCASE", (name, name)).fetchall()
    if not rows:
        pattern = _contains(name)
        rows = conn.execute(sql + "e.name LIKE ? ESCAPE '\\' OR a.alias LIKE ? ESCAPE '\\' ORDER BY e.name",
                            (pattern, pattern)).fetchall()
    return [r[0] for r in rows]


def iter_entities(conn: sqlite3.Connection, type_: str | None = None, name: str | None = None,
                  limit: int | None = None) -> Iterator[dict[str, Any]]:
    sql = ("SELECT e.id, e.name, e.type, e.kb_id, COUNT(m.id) AS mentions, COUNT(DISTINCT m.article) AS articles "
           "FROM entities e LEFT JOIN mentions m ON m.entity = e.id WHERE 1=1")
    args: list[Any] = []
    if type_:
        sql += " AND e.type = ? COLLATE NOCASE"
        args.append(type_)
    if name:
        names = entity_names_matching(conn, name) or [name]
        sql += f" AND e.name IN ({','.join('?' * len(names))})"
        args.extend(names)
    sql += " GROUP BY e.id ORDER BY articles DESC, mentions DESC, e.name"
    if limit:
        sql += f" LIMIT {int(limit)}"
    for row in conn.execute(sql, args).fetchall():
        entity = dict(row)
        entity["aliases"] = sorted(
            r[0] for r in conn.execute("SELECT alias FROM entity_aliases WHERE entity = ? AND alias != ?",
                                       (row["id"], row["name"])))
        entity["roles"] = [
            {"role": r["role"], "article": r["article"], "evidence": r["evidence"]}
            for r in conn.execute("SELECT role, article, evidence FROM roles WHERE entity = ? ORDER BY article, start",
                                  (row["id"],))
        ]
        yield entity


# -- quotes, citations, events, flags ----------------------------------------------------------


# The store keys a quote's speaker by entity id; readers get the contract's canonical name in
# ``speaker_entity`` and the id beside it in ``speaker_entity_id``.
QUOTE_COLUMNS = ("q.id, q.article, q.text, q.kind, q.cue, q.speaker, q.speaker_start, q.speaker_end, "
                 "e.name AS speaker_entity, q.speaker_entity AS speaker_entity_id, q.confidence, q.evidence, "
                 "q.start, q.\"end\", q.cue_start, q.cue_end, q.speaker_kind")
QUOTES_WITH_SPEAKERS = "FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity"


def iter_quotes(conn: sqlite3.Connection, speaker: str | None = None, article: str | None = None,
                limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Quotes with their article's outlet, date and title; ``speaker`` matches ignoring case, in part."""
    sql = (f"SELECT {QUOTE_COLUMNS}, a.outlet, a.published, a.published_precision, a.title AS article_title "
           f"{QUOTES_WITH_SPEAKERS} JOIN articles a ON a.id = q.article WHERE 1=1")
    args: list[Any] = []
    if speaker and speaker.strip():
        speaker = speaker.strip()
        names = entity_names_matching(conn, speaker)
        if names:  # the speaker's entity, or a speaker written exactly so
            sql += f" AND (q.speaker = ? COLLATE NOCASE OR e.name IN ({','.join('?' * len(names))}))"
            args += [speaker, *names]
        else:  # no entity by that name: speakers as written that contain it
            sql += " AND q.speaker LIKE ? ESCAPE '\\'"
            args.append(_contains(speaker))
    if article:
        sql += " AND q.article = ?"
        args.append(article)
    sql += " ORDER BY a.published IS NULL, a.published, q.article, q.start"
    if limit:
        sql += f" LIMIT {int(limit)}"
    for row in conn.execute(sql, args):
        yield dict(row)


def iter_mentions(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every name as written in every article, with the entity it stands for (if resolved)."""
    for row in conn.execute(
            'SELECT m.id, m.article, m.entity, e.name AS entity_name, m.text, m.type, m.kind, m.start, m."end" '
            "FROM mentions m LEFT JOIN entities e ON e.id = m.entity ORDER BY m.article, m.start, m.id"):
        yield dict(row)


def iter_roles(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every title given to a person in an article, with the sentence that gives it."""
    for row in conn.execute(
            'SELECT r.id, r.article, r.entity, e.name AS entity_name, r.role, r.surface, r.evidence, r.start, '
            'r."end" FROM roles r JOIN entities e ON e.id = r.entity ORDER BY r.article, r.start, r.id'):
        yield dict(row)


def iter_citations(conn: sqlite3.Connection, article: str | None = None, cited: str | None = None,
                   limit: int | None = None) -> Iterator[dict[str, Any]]:
    """What articles cite, with the citing article's outlet, date and title; ``cited`` matches in part."""
    sql = ('SELECT c.id, c.article, c.cited, c.kind, c.relation, c.evidence, c.start, c."end", a.outlet, '
           "a.published, a.title AS article_title FROM citations c JOIN articles a ON a.id = c.article WHERE 1=1")
    args: list[Any] = []
    if article:
        sql += " AND c.article = ?"
        args.append(article)
    if cited and cited.strip():
        sql += " AND c.cited LIKE ? ESCAPE '\\'"
        args.append(_contains(cited.strip()))
    sql += " ORDER BY a.published IS NULL, a.published, c.article, c.start"
    if limit:
        sql += f" LIMIT {int(limit)}"
    for row in conn.execute(sql, args):
        yield dict(row)


EVENT_FIELDS = ("id", "article", "actor", "actor_text", "actor_code", "cameo", "root", "action", "target",
                "target_text", "target_code", "quad_class", "goldstein", "plover", "modality", "date", "evidence",
                "start", "end")


def iter_events(conn: sqlite3.Connection, actor: str | None = None, target: str | None = None,
                code: str | None = None, date_from: str | None = None, date_to: str | None = None,
                story: str | None = None, article: str | None = None,
                limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Events with their article's outlet, date, url and story; filters match names, texts or actor codes.

    ``code`` is a CAMEO code or root prefix ("19", "057"); the date range compares the event's
    resolved date, else the article's publication date, as ISO text (a month "2024-06" is in
    a range that starts "2024-06-01").
    """
    sql = ("SELECT e.*, a.outlet, a.published, a.url, a.origin, a.story, a.title AS article_title, "
           "COALESCE(e.date, a.published) AS when_, "
           "length(a.text) - length(a.body) + CASE WHEN instr(a.body, char(10) || char(10)) > 0 "
           "THEN instr(a.body, char(10) || char(10)) - 1 ELSE length(a.body) END AS first_paragraph_end "
           "FROM events e JOIN articles a ON a.id = e.article WHERE 1=1")
    args: list[Any] = []
    for column, value in (("actor", actor), ("target", target)):
        if value:
            sql += (f" AND (e.{column} = ? COLLATE NOCASE OR e.{column}_text LIKE ? OR e.{column}_code LIKE ?)")
            args += [value, f"%{value}%", f"{value.upper()}%"]
    if code:
        sql += " AND e.cameo LIKE ?"
        args.append(f"{code}%")
    if date_from:
        sql += " AND substr(COALESCE(e.date, a.published), 1, 10) >= ?"
        args.append(date_from[:10])
    if date_to:
        sql += " AND substr(COALESCE(e.date, a.published), 1, 10) <= ?"
        args.append(date_to[:10])
    if story:
        sql += " AND a.story LIKE ?"
        args.append(f"{story}%")
    if article:
        sql += " AND e.article = ?"
        args.append(article)
    sql += " ORDER BY COALESCE(e.date, a.published) IS NULL, COALESCE(e.date, a.published), e.article, e.start"
    if limit:
        sql += f" LIMIT {int(limit)}"
    for row in conn.execute(sql, args):
        out = dict(row)
        out.pop("when_", None)
        yield out


COUNTED_TABLES = ("articles", "entities", "mentions", "quotes", "citations", "events", "flags", "stories")


def counts(conn: sqlite3.Connection, tables: tuple[str, ...] = COUNTED_TABLES) -> dict[str, int]:
    """Rows per record table, for overviews."""
    unknown = set(tables) - set(COUNTED_TABLES)
    if unknown:
        raise ValueError(f"not a record table: {', '.join(sorted(unknown))}")
    return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}


def language_counts(conn: sqlite3.Connection) -> dict[str | None, int]:
    """Articles per language (None: too little text to tell), most common first."""
    return {r[0]: r[1] for r in conn.execute(
        "SELECT language, COUNT(*) AS n FROM articles GROUP BY language ORDER BY n DESC, language")}


def mention_counts(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """How often each article mentions each resolved entity."""
    for row in conn.execute("SELECT article, entity, COUNT(*) AS n FROM mentions WHERE entity IS NOT NULL "
                            "GROUP BY article, entity"):
        yield dict(row)


def entity_ids_by_name(conn: sqlite3.Connection) -> dict[str, str]:
    """Canonical entity name → entity id."""
    return {r["name"]: r["id"] for r in conn.execute("SELECT id, name FROM entities")}


def iter_table(conn: sqlite3.Connection, table: str, order: str = "article, start") -> Iterator[dict[str, Any]]:
    for row in conn.execute(f"SELECT * FROM {table} ORDER BY {order}"):
        yield dict(row)


def iter_flags(conn: sqlite3.Connection, limit: int | None = None) -> Iterator[dict[str, Any]]:
    sql = ("SELECT f.*, a.outlet, a.title AS article_title FROM flags f JOIN articles a ON a.id = f.article "
           "ORDER BY f.confidence DESC, f.article, f.start")
    if limit:
        sql += f" LIMIT {int(limit)}"
    for row in conn.execute(sql):
        yield dict(row)


# -- stories -------------------------------------------------------------------------------


def iter_stories(conn: sqlite3.Connection, min_size: int = 1, limit: int | None = None) -> Iterator[dict[str, Any]]:
    sql = ("SELECT s.id, s.title, s.first_published, s.last_published, s.key_entities, "
           "GROUP_CONCAT(a.id) AS article_ids, COUNT(a.id) AS size "
           "FROM stories s JOIN articles a ON a.story = s.id GROUP BY s.id HAVING COUNT(a.id) >= ? "
           "ORDER BY COUNT(a.id) DESC, s.last_published DESC, s.id")
    if limit:
        sql += f" LIMIT {int(limit)}"
    for row in conn.execute(sql, (min_size,)).fetchall():
        yield story_row(conn, row)


def story_row(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    ids = sorted((row["article_ids"] or "").split(",")) if row["article_ids"] else []
    outlets = sorted({r[0] for r in conn.execute(
        f"SELECT outlet FROM articles WHERE id IN ({','.join('?' * len(ids))}) AND outlet IS NOT NULL", ids)})
    return {
        "id": row["id"],
        "title": row["title"],
        "articles": ids,
        "outlets": outlets,
        "first_published": row["first_published"],
        "last_published": row["last_published"],
        "key_entities": _loads(row["key_entities"], []),
        "size": len(ids),
    }


def get_story(conn: sqlite3.Connection, story_id: str) -> dict[str, Any] | None:
    """One story (by id or a unique start of one) with its member articles, or None."""
    try:
        _, full = resolve_id(conn, story_id, ("story",))
    except IdError:
        return None
    row = conn.execute(
        "SELECT s.id, s.title, s.first_published, s.last_published, s.key_entities, "
        "GROUP_CONCAT(a.id) AS article_ids FROM stories s LEFT JOIN articles a ON a.story = s.id "
        "WHERE s.id = ? GROUP BY s.id", (full,)).fetchone()
    story = story_row(conn, row)
    story["members"] = list(iter_articles_by_ids(conn, story["articles"]))
    keys = story["key_entities"]
    names = {r[0]: r[1] for r in conn.execute(
        f"SELECT id, name FROM entities WHERE id IN ({','.join('?' * len(keys))})", keys)} if keys else {}
    story["key_entity_names"] = [names.get(k, k) for k in keys]  # for people; key_entities keeps the ids
    return story


def iter_articles_by_ids(conn: sqlite3.Connection, ids: list[str]) -> Iterator[dict[str, Any]]:
    if not ids:
        return
    rows = conn.execute(f"SELECT * FROM articles WHERE id IN ({','.join('?' * len(ids))}) "
                        "ORDER BY published IS NULL, published, id", ids)
    for row in rows:
        yield article_row(row)


# -- full-text search ------------------------------------------------------------------------

SEARCH_KINDS = ("articles", "quotes")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# FTS5 column weights for bm25: a word in the title counts most, then the lead, then the body.
_ARTICLE_WEIGHTS = "10.0, 4.0, 1.0"
_QUOTE_WEIGHTS = "4.0, 1.0"
_HIT_START, _HIT_END = "\x02", "\x03"  # snippet markers: no article text contains them


def check_day(value: str | None, name: str) -> str | None:
    """``value`` if it is a day written YYYY-MM-DD (or empty); a ValueError naming ``name`` if not."""
    if not value:
        return None
    if not _DAY.match(value):
        raise ValueError(f"{name} must be a day written YYYY-MM-DD, not {value!r}")
    return value


def article_filters(outlet: str | None, since: str | None, until: str | None, alias: str = "a") -> tuple[str, list]:
    """SQL conditions (and their arguments) keeping articles of ``outlet`` published in [since, until]."""
    sql, args = "", []
    if outlet:
        sql += f" AND {alias}.outlet = ? COLLATE NOCASE"
        args.append(outlet)
    if check_day(since, "since"):
        sql += f" AND substr({alias}.published, 1, 10) >= ?"
        args.append(since)
    if check_day(until, "until"):
        sql += f" AND substr({alias}.published, 1, 10) <= ?"
        args.append(until)
    return sql, args


def _search_sql(what: str, outlet: str | None, since: str | None, until: str | None) -> tuple[str, str, list]:
    """The FROM/WHERE of a search (its MATCH argument first), and the columns it returns."""
    if what not in SEARCH_KINDS:
        raise ValueError(f"cannot search {what!r}; choose from {', '.join(SEARCH_KINDS)}")
    filters, args = article_filters(outlet, since, until)
    if what == "articles":
        columns = (f"a.id, a.title, a.outlet, a.published, a.published_precision, a.story, "
                   f"snippet(articles_fts, -1, char(2), char(3), '…', 24) AS snippet, "
                   f"bm25(articles_fts, {_ARTICLE_WEIGHTS}) AS score")
        body = "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ?"
    else:
        columns = (f"q.id, q.article, q.text, q.kind, q.speaker, e.name AS speaker_entity, "
                   f"q.speaker_entity AS speaker_entity_id, q.evidence, a.title AS article_title, "
                   f"a.outlet, a.published, a.published_precision, a.story, "
                   f"snippet(quotes_fts, 0, char(2), char(3), '…', 24) AS snippet, "
                   f"bm25(quotes_fts, {_QUOTE_WEIGHTS}) AS score")
        body = ("FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid JOIN articles a ON a.id = q.article "
                "LEFT JOIN entities e ON e.id = q.speaker_entity WHERE quotes_fts MATCH ?")
    return columns, body + filters, args


def search_parts(conn: sqlite3.Connection, query: str, what: str, outlet: str | None, since: str | None,
                until: str | None) -> tuple[list[str] | None, str, str, list]:
    """The query's bound arguments, columns, FROM/WHERE and filter arguments, for this store's engine."""
    expression = match_expression(query)
    columns, body, args = _search_sql(what, outlet, since, until)
    if dialect_of(conn) != "postgresql":
        return (None if expression is None else [expression]), columns, body, args
    text = pgsearch.tsquery(expression) if expression else None
    filters, args = article_filters(outlet, since, until)
    columns, body = pgsearch.search_sql(what, filters)
    return (None if text is None else [text, text]), columns, body, args


def highlighted(snippet: str) -> str:
    """A snippet as HTML: its text escaped, the matched words in ``<mark>``."""
    return html.escape(snippet).replace(_HIT_START, "<mark>").replace(_HIT_END, "</mark>")


def search(conn: sqlite3.Connection, query: str, what: str = "articles", outlet: str | None = None,
           since: str | None = None, until: str | None = None, limit: int | None = 20,
           offset: int = 0) -> list[dict[str, Any]]:
    """Articles or quotes matching ``query`` (words, "phrases", prefix*, OR, -word), best first.

    Ranked by BM25 (title words weigh most); ``snippet`` is HTML with the matched words in
    ``<mark>``; ``score`` is FTS5's bm25 (lower is better). Filters: outlet (its name, any
    case), since/until (days, YYYY-MM-DD, inclusive, on the publication date).
    """
    expression, columns, body, args = search_parts(conn, query, what, outlet, since, until)
    if expression is None:
        return []
    sql = f"SELECT {columns} {body} ORDER BY score, a.published DESC"
    if limit:
        sql += f" LIMIT {int(limit)} OFFSET {max(0, int(offset))}"
    rows = [dict(r) for r in conn.execute(sql, [*expression, *args])]
    for row in rows:
        row["snippet"] = highlighted(row["snippet"] or "")
    return rows


def search_count(conn: sqlite3.Connection, query: str, what: str = "articles", outlet: str | None = None,
                 since: str | None = None, until: str | None = None) -> int:
    """How many articles or quotes ``search`` finds in all (for paging)."""
    expression, _columns, body, args = search_parts(conn, query, what, outlet, since, until)
    if expression is None:
        return 0
    return conn.execute(f"SELECT COUNT(*) {body}", [*expression, *args]).fetchone()[0]


# -- exports ---------------------------------------------------------------------------------


def export_rows(conn: sqlite3.Connection, kind: str) -> Iterator[dict[str, Any]]:
    """Rows of one export kind, with the contract's field names first."""
    if kind == "articles":
        yield from iter_articles(conn)
    elif kind == "entities":
        yield from iter_entities(conn)
    elif kind == "mentions":
        yield from iter_mentions(conn)
    elif kind == "roles":
        yield from iter_roles(conn)
    elif kind == "quotes":
        for q in iter_quotes(conn):
            yield {k: q[k] for k in ("id", "article", "text", "kind", "cue", "speaker", "speaker_entity",
                                     "speaker_entity_id", "speaker_kind", "confidence", "evidence", "start", "end",
                                     "cue_start", "cue_end", "outlet",
                                     "published", "published_precision")}
    elif kind == "citations":
        for c in iter_table(conn, "citations"):
            yield {k: c[k] for k in ("id", "article", "cited", "kind", "relation", "evidence", "start", "end")}
    elif kind == "stories":
        for s in iter_stories(conn):
            yield {k: s[k] for k in ("id", "title", "articles", "outlets", "first_published", "last_published",
                                     "key_entities")}
    elif kind == "flags":
        for f in iter_flags(conn):
            yield {k: f[k] for k in ("id", "article", "kind", "mention", "explanation", "confidence", "evidence",
                                     "start", "end")}
    elif kind == "events":
        for e in iter_events(conn):
            yield {k: e[k] for k in (*EVENT_FIELDS, "url", "origin", "published", "first_paragraph_end")}
    else:
        raise ValueError(f"unknown export kind {kind!r}; choose from {', '.join(EXPORT_KINDS)}")


# -- the graph (GraphML for Gephi) -------------------------------------------------------------


def graph_entities(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every entity with how many articles mention it."""
    for row in conn.execute(
            "SELECT e.id, e.name, e.type, COUNT(DISTINCT m.article) AS articles FROM entities e "
            "LEFT JOIN mentions m ON m.entity = e.id GROUP BY e.id ORDER BY e.id"):
        yield dict(row)


def outlet_articles(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every outlet with how many stored articles it published."""
    for row in conn.execute("SELECT outlet, COUNT(*) AS articles FROM articles WHERE outlet IS NOT NULL "
                            "GROUP BY outlet ORDER BY outlet"):
        yield dict(row)


def story_labels(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every story that has articles: id, title and size."""
    for row in conn.execute("SELECT s.id, s.title, COUNT(a.id) AS articles FROM stories s "
                            "JOIN articles a ON a.story = s.id GROUP BY s.id ORDER BY s.id"):
        yield dict(row)


def co_mentions(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Pairs of entities named in the same articles, with how many articles name both (a < b)."""
    named = "SELECT DISTINCT article, entity FROM mentions WHERE entity IS NOT NULL"
    for row in conn.execute(
            f"SELECT x.entity AS a, y.entity AS b, COUNT(*) AS articles FROM ({named}) x "
            f"JOIN ({named}) y ON y.article = x.article AND x.entity < y.entity GROUP BY x.entity, y.entity"):
        yield dict(row)


def speaker_stories(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Who is quoted in which story, and how often (speakers resolved to an entity only)."""
    for row in conn.execute(
            "SELECT q.speaker_entity AS speaker, a.story, COUNT(*) AS quotes FROM quotes q "
            "JOIN articles a ON a.id = q.article WHERE q.speaker_entity IS NOT NULL AND a.story IS NOT NULL "
            "GROUP BY q.speaker_entity, a.story"):
        yield dict(row)


def outlet_citations(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Which outlet's articles cite which source, of what kind, and how often (outlet None: not known)."""
    for row in conn.execute(
            "SELECT a.outlet, c.cited, c.kind, COUNT(*) AS citations FROM citations c "
            "JOIN articles a ON a.id = c.article GROUP BY a.outlet, c.cited, c.kind"):
        yield dict(row)


# -- records back from the store (for corpus steps such as compare) ---------------------------


def load_analysis(conn: sqlite3.Connection, article_id: str) -> ArticleAnalysis | None:
    """Rebuild the per-article records of a stored article."""
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    article = Article(
        id=row["id"], origin=row["origin"], outlet=row["outlet"], wire=row["wire"], url=row["url"],
        title=row["title"],
        lead=row["lead"], paragraphs=row["body"].split("\n\n") if row["body"] else [],
        published=row["published"], published_precision=row["published_precision"],
        authors=_loads(row["authors"], []), captions=_loads(row["captions"], []), section=row["section"],
        language=row["language"], removed=_loads(row["removed"], []), metadata=_loads(row["metadata"], {}),
    )
    names = {r["id"]: r for r in conn.execute(
        "SELECT DISTINCT e.* FROM entities e JOIN mentions m ON m.entity = e.id WHERE m.article = ? "
        "UNION SELECT DISTINCT e.* FROM entities e JOIN roles r ON r.entity = e.id WHERE r.article = ?",
        (article_id, article_id))}
    mentions = [Mention(article_id, r["start"], r["end"], r["text"], r["type"],
                        names[r["entity"]]["name"] if r["entity"] in names else None, r["kind"])
                for r in conn.execute("SELECT * FROM mentions WHERE article = ? ORDER BY start", (article_id,))]
    entities = []
    for eid, e in names.items():
        aliases = sorted({m.text for m in mentions if m.entity == e["name"] and m.text != e["name"]})
        roles = [Role(article_id, e["name"], r["role"], r["start"], r["end"], r["evidence"], r["pattern"] or "",
                      r["surface"] or "")
                 for r in conn.execute("SELECT * FROM roles WHERE article = ? AND entity = ?", (article_id, eid))]
        entities.append(Entity(e["name"], e["type"], aliases, roles, e["kb_id"], eid))
    quotes = [Quote(article_id, r["start"], r["end"], r["text"], r["kind"], r["cue"], r["speaker"],
                    r["speaker_start"], r["speaker_end"], r["speaker_entity"], r["confidence"], r["id"],
                    r["cue_start"], r["cue_end"], r["speaker_kind"])
              for r in conn.execute(f"SELECT {QUOTE_COLUMNS} {QUOTES_WITH_SPEAKERS} WHERE q.article = ? "
                                    "ORDER BY q.start", (article_id,))]
    citations = [Citation(article_id, r["cited"], r["kind"], r["relation"], r["start"], r["end"], r["evidence"],
                          r["id"])
                 for r in conn.execute("SELECT * FROM citations WHERE article = ? ORDER BY start", (article_id,))]
    events = [Event(article_id, r["actor"], r["cameo"], r["action"], r["target"], r["start"], r["end"],
                    r["evidence"], r["date"], r["modality"], r["id"], r["actor_text"], r["actor_code"],
                    r["target_text"], r["target_code"], r["root"] or r["cameo"][:2], r["quad_class"], r["goldstein"],
                    r["plover"])
              for r in conn.execute("SELECT * FROM events WHERE article = ? ORDER BY start", (article_id,))]
    flags = [Flag(article_id, r["kind"], r["start"], r["end"], r["mention"], r["explanation"], r["evidence"],
                  r["confidence"], r["id"])
             for r in conn.execute("SELECT * FROM flags WHERE article = ? ORDER BY start", (article_id,))]
    return ArticleAnalysis(article, mentions, entities, quotes, citations, events, flags)
