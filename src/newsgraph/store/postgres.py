"""The PostgreSQL store: the same schema and records as the SQLite file, on a server.

``connect`` returns a connection with the small part of ``sqlite3.Connection``'s API the
store and the query layer use (``execute``, ``executemany``, ``executescript``, rows read
by position or by column name), so every write and every query runs unchanged; their SQL
is rewritten by ``dialect``. Errors of integrity come out as ``sqlite3.IntegrityError``
for the same reason: callers handle one kind.

Several ingest clients may write to one server at once. SQLite serialises writers with
``BEGIN IMMEDIATE``; here the same statement takes a transaction-scoped advisory lock, so
per-article writes and corpus steps are serialised across clients exactly as they are on
one file (measured by ``tests/test_postgres.py``: overlapping ingests, no duplicates).
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any, Iterable, Iterator, Sequence

from newsgraph.store import dialect, pgsearch

WRITE_LOCK = 0x6E657773  # "news": the advisory lock every writing transaction takes
SCHEMES = ("postgresql://", "postgres://")


def is_postgres(target: object) -> bool:
    return isinstance(target, str) and target.startswith(SCHEMES)


def _psycopg():
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise RuntimeError("a PostgreSQL store needs psycopg: pip install 'newsgraph[scale]'") from exc
    return psycopg


class Row(tuple):
    """A result row readable by position and by column name, like ``sqlite3.Row``."""

    _names: tuple[str, ...] = ()

    def __new__(cls, names: tuple[str, ...], values: Sequence[Any]) -> "Row":
        row = super().__new__(cls, values)
        row._names = names
        return row

    def __getitem__(self, key):  # noqa: ANN001, ANN204 - int, slice or column name
        if isinstance(key, str):
            try:
                return super().__getitem__(self._names.index(key))
            except ValueError:
                raise IndexError(f"no such column: {key}") from None
        return super().__getitem__(key)

    def keys(self) -> list[str]:
        return list(self._names)


def _row_factory(cursor: Any):  # noqa: ANN202 - psycopg's row-maker protocol
    names = tuple(c.name for c in cursor.description) if cursor.description else ()
    return lambda values: Row(names, values)


def _value(value: Any) -> Any:
    """Python values as SQLite stores them: booleans as integers, memoryviews as bytes."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def _params(params: Sequence[Any] | None) -> tuple:
    return tuple(_value(v) for v in (params or ()))


class _NoRows:
    """The cursor of a statement that had nothing to do (a PRAGMA)."""

    rowcount = 0
    description = None

    def fetchone(self) -> None:
        return None

    def fetchall(self) -> list:
        return []

    def __iter__(self) -> Iterator:
        return iter(())


class PostgresConnection:
    """A psycopg connection in autocommit mode, spoken to in the store's SQL."""

    dialect = "postgresql"

    def __init__(self, url: str):
        psycopg = _psycopg()
        self.url = url
        try:
            self._conn = psycopg.connect(url, autocommit=True, row_factory=_row_factory)
        except psycopg.OperationalError as exc:
            raise sqlite3.OperationalError(f"cannot connect to {redacted(url)}: {exc}".strip()) from exc
        self._errors = psycopg
        self._keys = dialect.primary_keys(_schema())
        self.row_factory = None  # accepted and ignored: rows are always readable by name

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        stripped = sql.strip()
        if re.match(r"BEGIN\s+IMMEDIATE\b", stripped, re.I):
            self._run("BEGIN", ())
            return self._run("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        rewritten = dialect.statement(sql, self._keys)
        if rewritten is None:
            return _NoRows()
        return self._run(rewritten, _params(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any:
        rewritten = dialect.statement(sql, self._keys)
        rows = [_params(r) for r in rows]
        cursor = self._conn.cursor()
        if rewritten is None or not rows:
            return cursor
        try:
            cursor.executemany(rewritten, rows)
        except self._errors.IntegrityError as exc:
            raise sqlite3.IntegrityError(str(exc)) from exc
        return cursor

    def executescript(self, script: str) -> None:
        for stmt in dialect.ddl(script):
            self._run(stmt, None)

    def _run(self, sql: str, params: tuple | None) -> Any:
        cursor = self._conn.cursor()
        try:
            cursor.execute(sql, params)
        except self._errors.IntegrityError as exc:
            raise sqlite3.IntegrityError(str(exc)) from exc
        except self._errors.errors.UndefinedTable as exc:
            raise sqlite3.OperationalError(str(exc)) from exc
        return cursor

    @property
    def in_transaction(self) -> bool:
        return self._conn.info.transaction_status != self._errors.pq.TransactionStatus.IDLE

    def commit(self) -> None:
        if self.in_transaction:
            self._run("COMMIT", None)

    def rollback(self) -> None:
        if self.in_transaction:
            self._run("ROLLBACK", None)

    def close(self) -> None:
        self._conn.close()


def _schema() -> str:
    from newsgraph.store.versions import schema_sql

    return schema_sql()


def redacted(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)


VERSION_KEY = "schema_version"  # kept in corpus_state: PostgreSQL has no user_version


def connect(url: str, readonly: bool = False) -> PostgresConnection:
    """Open a PostgreSQL store: read-only, or for writing (its tables created if it has none).

    The schema version is kept in ``corpus_state``. A store of another version is refused:
    migrations are written for SQLite files (``store/versions.py``); a server store is
    created at the current version and stays there until such a step exists for it.
    """
    from newsgraph.store.errors import StoreError
    from newsgraph.store.versions import SCHEMA_VERSION

    try:
        conn = PostgresConnection(url)
    except sqlite3.OperationalError as exc:
        raise StoreError(str(exc)) from exc
    if readonly:
        conn.execute("SET default_transaction_read_only = on")
    else:
        conn.execute("BEGIN IMMEDIATE")  # two clients creating the schema at once would collide
        try:
            conn.executescript(_schema())
            for index in pgsearch.INDEXES:
                conn._run(index, None)
            conn.execute("INSERT OR IGNORE INTO corpus_state (name, value, updated_at) VALUES (?, ?, ?)",
                         (VERSION_KEY, str(SCHEMA_VERSION).encode(), "created"))
            conn.execute("COMMIT")
        except BaseException:
            conn.rollback()
            conn.close()
            raise
    try:
        row = conn.execute("SELECT value FROM corpus_state WHERE name = ?", (VERSION_KEY,)).fetchone()
    except sqlite3.OperationalError:
        row = None  # no tables yet (a read-only open of an empty database)
    version = int(bytes(row[0]).decode()) if row else None
    if version is None and readonly:
        conn.close()
        raise StoreError(f"{redacted(url)}: no newsgraph store there yet; run `newsgraph ingest PATH --db URL` first")
    if version != SCHEMA_VERSION:
        conn.close()
        raise StoreError(f"{redacted(url)} has schema version {version}; this newsgraph uses {SCHEMA_VERSION}")
    return conn
