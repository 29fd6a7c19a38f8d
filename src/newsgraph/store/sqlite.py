"""The SQLite store: one file that opens in Datasette and sqlite3 as it is.

Writes happen here and nowhere else. Each article and all its records are written in
one transaction, so a failure leaves nothing partial; an article already stored (same
content hash) is skipped, so ingesting the same input twice adds nothing.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from newsgraph.records import ArticleAnalysis, Entity, Mention
from newsgraph.reference.keys import entity_id
from newsgraph.spans import evidence_sentence
from newsgraph.store import postgres
from newsgraph.store.errors import classify
from newsgraph.store.opening import open_connection
from newsgraph.store.postgres import is_postgres
from newsgraph.store.search import (
    SEARCH_INDEXES,
    ensure_search,
    rebuild_search,
    search_sql,
)
from newsgraph.store.versions import schema_sql

__all__ = ["DEFAULT_DB", "SEARCH_INDEXES", "Store", "connect", "ensure_search", "rebuild_search", "schema_sql",
           "search_sql"]

DEFAULT_DB = "newsgraph.db"


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


IN_CHUNK = 500  # ids per "IN (...)": far below the variable limit of any SQLite build


def chunks(items: Sequence, size: int = IN_CHUNK) -> Iterator[Sequence]:
    """Consecutive slices of at most ``size`` items."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def rows_in(conn: sqlite3.Connection, sql: str, ids: Iterable[Any], *params: Any) -> Iterator[tuple]:
    """The rows of ``sql`` for all ``ids``, one ``IN ({marks})`` query per chunk of ids.

    A run can bring hundreds of thousands of ids, more than one statement may bind;
    ``params`` are bound after the chunk's ids.
    """
    ids = list(ids)
    for chunk in chunks(ids):
        yield from conn.execute(sql.format(marks=",".join("?" * len(chunk))), [*chunk, *params])


def get_state(conn: sqlite3.Connection, name: str) -> Any:
    """A value corpus steps keep between runs (``corpus_state``), or None."""
    row = conn.execute("SELECT value FROM corpus_state WHERE name = ?", (name,)).fetchone()
    return row[0] if row else None


def set_state(conn: sqlite3.Connection, name: str, value: Any) -> None:
    conn.execute(
        "INSERT INTO corpus_state (name, value, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        (name, value, now()),
    )


def record_id(*parts: object) -> str:
    """A stable id for a record, from what identifies it (article, span, kind...)."""
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def connect(path: str | Path, readonly: bool = False, check: bool = True) -> sqlite3.Connection:
    """Open a newsgraph database: read-only (never written, never created), or for writing
    (created if missing, migrated if older). Raises StoreError with a one-line reason.

    ``check`` runs the integrity and version checks; a server that checked the file at
    start opens its per-request connections without them.
    """
    if is_postgres(path):
        return postgres.connect(str(path), readonly=readonly)  # the same API; see store/postgres.py
    return open_connection(Path(path), readonly=readonly, check=check)[0]


class Store:
    """Read and write newsgraph records in one SQLite file, or on a PostgreSQL server (a postgresql:// URL)."""

    def __init__(self, path: str | Path = DEFAULT_DB, readonly: bool = False):
        if is_postgres(path):
            self.path, self.backup = str(path), None
            self.conn = postgres.connect(self.path, readonly=readonly)
        else:
            self.path = Path(path)
            self.conn, self.backup = open_connection(self.path, readonly=readonly)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reads the pipeline needs ---------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        return {r[0] for r in rows_in(self.conn, "SELECT id FROM articles WHERE id IN ({marks})", ids)}

    # -- writes ---------------------------------------------------------------------

    def save(self, analysis: ArticleAnalysis, replace: bool = False) -> bool:
        """Store one article and its records atomically. False if it was already stored.

        With ``replace``, a stored article's records are replaced by the new analysis; the
        article row itself is updated in place, keeping its story, its near-duplicate link
        and when it was first ingested (same id, same content: the same story).
        """
        return self.save_batch([analysis], replace)[0]

    def save_batch(self, analyses: Sequence[ArticleAnalysis], replace: bool = False) -> list[bool]:
        """Store several articles in one transaction (one disk sync, not one an article).

        Returns, for each, False if it was already stored (see ``save``). Any error rolls the
        whole batch back, so nothing is partial; the caller can then save the articles one
        at a time to find the one that fails.
        """
        saved = []
        with self.writing():
            for analysis in analyses:
                article_id = analysis.article.id
                if self.has_article(article_id):
                    if not replace:
                        saved.append(False)
                        continue
                    self._delete_records(article_id)
                self._write(analysis)
                self.conn.execute("DELETE FROM failures WHERE origin = ?", (analysis.article.origin,))
                saved.append(True)
        return saved

    def rollback(self) -> None:
        """Roll back if a transaction is open (SQLite ends one itself on a full disk)."""
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def record_failure(self, origin: str, reason: str) -> None:
        self.record_failures([(origin, reason)])

    @contextmanager
    def writing(self) -> Iterator[None]:
        """One write transaction, committed if the block ends normally and rolled back if not;
        a database error leaves as the one-line StoreError that says what went wrong."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            yield
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self.rollback()
            raise classify(exc, self.path) or exc
        except BaseException:
            self.rollback()
            raise

    def record_failures(self, rows: list[tuple[str, str]]) -> None:
        """Keep (origin, reason) rows in the failures table, all in one transaction."""
        at = now()
        with self.writing():
            self.conn.executemany(
                "INSERT INTO failures (origin, reason, at) VALUES (?, ?, ?) "
                "ON CONFLICT (origin) DO UPDATE SET reason = excluded.reason, at = excluded.at",
                [(origin, reason, at) for origin, reason in rows],
            )

    def boilerplate_counted(self, document_id: str) -> bool:
        """Whether a document's lines are already in the boilerplate counts."""
        return self.conn.execute("SELECT 1 FROM boilerplate_counted WHERE document = ?",
                                 (document_id,)).fetchone() is not None

    def save_boilerplate(self, name: str, state: bytes, counted: list[str]) -> None:
        """The boilerplate counts and the documents just added to them, in one transaction."""
        with self.writing():
            set_state(self.conn, name, state)
            self.conn.executemany("INSERT OR IGNORE INTO boilerplate_counted (document) VALUES (?)",
                                  [(d,) for d in counted])

    def articles_without_story(self) -> list[str]:
        """Articles the corpus steps have not reached yet (a run was killed or the disk filled)."""
        return [r[0] for r in self.conn.execute("SELECT id FROM articles WHERE story IS NULL ORDER BY id")]

    def _delete_records(self, article_id: str) -> None:
        """Everything extracted from one article, before it is analysed again (the article row stays)."""
        for table in ("mentions", "roles", "quotes", "citations", "events", "flags", "article_embeddings", "article_minhash"):
            self.conn.execute(f"DELETE FROM {table} WHERE article = ?", (article_id,))

    def _write(self, analysis: ArticleAnalysis) -> None:
        a = analysis.article
        text = a.text
        self.conn.execute(
            "INSERT INTO articles (id, origin, outlet, wire, url, title, lead, published, published_precision, "
            "authors, body, captions, section, language, text, removed, metadata, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET origin = excluded.origin, outlet = excluded.outlet, wire = excluded.wire, "
            "url = excluded.url, "
            "title = excluded.title, lead = excluded.lead, published = excluded.published, "
            "published_precision = excluded.published_precision, authors = excluded.authors, body = excluded.body, "
            "captions = excluded.captions, section = excluded.section, language = excluded.language, "
            "text = excluded.text, removed = excluded.removed, metadata = excluded.metadata",
            (a.id, a.origin, a.outlet, a.wire, a.url, a.title, a.lead, a.published, a.published_precision,
             json.dumps(a.authors, ensure_ascii=False), a.body, json.dumps(a.captions, ensure_ascii=False),
             a.section, a.language, text, json.dumps(a.removed, ensure_ascii=False),
             json.dumps(a.metadata, ensure_ascii=False, default=str), now()),
        )
        types = self._write_entities(analysis.entities)
        self.conn.executemany(
            'INSERT INTO mentions (article, entity, start, "end", text, type, kind) VALUES (?, ?, ?, ?, ?, ?, ?)',
            [(a.id, self._mention_entity(m, types), m.start, m.end, m.text, m.type, m.kind)
             for m in analysis.mentions],
        )
        self.conn.executemany(
            'INSERT INTO roles (article, entity, role, surface, pattern, start, "end", evidence) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(a.id, entity_id(e.name, e.type), r.role, r.surface, r.pattern, r.start, r.end,
              r.evidence or evidence_sentence(text, r.start, r.end))
             for e in analysis.entities for r in e.roles],
        )
        self.conn.executemany(
            'INSERT OR REPLACE INTO quotes (id, article, start, "end", text, kind, cue, speaker, speaker_start, '
            "speaker_end, speaker_entity, confidence, evidence, cue_start, cue_end, speaker_kind) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(q.id or record_id(a.id, "quote", q.start, q.end), a.id, q.start, q.end, q.text, q.kind, q.cue,
              q.speaker, q.speaker_start, q.speaker_end, self._entity_of(q.speaker_entity, types), q.confidence,
              evidence_sentence(text, min(q.start, q.speaker_start if q.speaker_start is not None else q.start),
                                max(q.end, q.speaker_end or q.end)), q.cue_start, q.cue_end, q.speaker_kind)
             for q in analysis.quotes],
        )
        self.conn.executemany(
            'INSERT OR REPLACE INTO citations (id, article, cited, kind, relation, start, "end", evidence) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(c.id or record_id(a.id, "citation", c.cited, c.start, c.end), a.id, c.cited, c.kind, c.relation,
              c.start, c.end, c.evidence or evidence_sentence(text, c.start, c.end))
             for c in analysis.citations],
        )
        self.conn.executemany(
            'INSERT OR REPLACE INTO events (id, article, actor, cameo, action, target, start, "end", evidence, '
            "date, modality, actor_text, actor_code, target_text, target_code, root, quad_class, goldstein, plover) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(e.id or record_id(a.id, "event", e.cameo, e.start, e.end, e.actor_text, e.target_text), a.id, e.actor,
              e.cameo, e.action, e.target, e.start, e.end, e.evidence or evidence_sentence(text, e.start, e.end),
              e.date, e.modality, e.actor_text, e.actor_code, e.target_text, e.target_code, e.root or e.cameo[:2],
              e.quad_class, e.goldstein, e.plover)
             for e in analysis.events],
        )
        self.save_flags(analysis.flags, text)
        if analysis.story_embedding is not None:
            self.conn.execute("INSERT INTO article_embeddings (article, model, vector) VALUES (?, ?, ?)",
                              (a.id, analysis.story_embedding.model, analysis.story_embedding.vector))
        if analysis.minhash is not None:
            self.conn.execute("INSERT INTO article_minhash (article, signature) VALUES (?, ?)",
                              (a.id, analysis.minhash))

    def save_flags(self, flags: list, text: str | None = None) -> None:
        """Store flags (per-article or from corpus checks); the same flag twice is one row."""
        rows = []
        for f in flags:
            evidence = f.evidence
            if not evidence:
                if text is None:
                    row = self.conn.execute("SELECT text FROM articles WHERE id = ?", (f.article,)).fetchone()
                    text = row[0] if row else ""
                evidence = evidence_sentence(text, f.start, f.end)
            rows.append((f.id or record_id(f.article, "flag", f.kind, f.start, f.end), f.article, f.kind,
                         f.mention, f.start, f.end, f.explanation, evidence, f.confidence))
        self.conn.executemany(
            'INSERT OR REPLACE INTO flags (id, article, kind, mention, start, "end", explanation, evidence, '
            "confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )

    def _write_entities(self, entities: list[Entity]) -> dict[str, str]:
        """Upsert entities and aliases; return canonical name -> type for mentions."""
        types: dict[str, str] = {}
        for e in entities:
            eid = entity_id(e.name, e.type)
            types.setdefault(e.name, e.type)
            self.conn.execute(
                "INSERT INTO entities (id, name, type, kb_id) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET kb_id = COALESCE(entities.kb_id, excluded.kb_id)",
                (eid, e.name, e.type, e.kb_id),
            )
            self.conn.executemany(
                "INSERT OR IGNORE INTO entity_aliases (entity, alias) VALUES (?, ?)",
                [(eid, alias) for alias in {e.name, *e.aliases} if alias],
            )
        return types

    def _mention_entity(self, mention: Mention, types: dict[str, str]) -> str | None:
        return self._entity_of(mention.entity, types)

    @staticmethod
    def _entity_of(name: str | None, types: dict[str, str]) -> str | None:
        """The entity id a canonical name of this article stands for (records name entities; the store keys them)."""
        if not name:
            return None
        type_ = types.get(name)
        if type_ is None:
            return None  # resolved to something the article's entity list does not hold
        return entity_id(name, type_)

    # -- corpus state -----------------------------------------------------------------

    def get_state(self, name: str) -> bytes | None:
        return get_state(self.conn, name)

    def set_state(self, name: str, value: bytes) -> None:
        set_state(self.conn, name, value)

