"""Open a database file only if it is one newsgraph can use, or say in one line why not.

Checked before SQLite touches the file: a folder, a file in a missing folder, a file
that is not SQLite. Then: corruption (``quick_check``), the schema version, and for
writers whether the file can be written at all.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsgraph.store import postgres
from newsgraph.store.errors import StoreError, classify
from newsgraph.store.postgres import is_postgres
from newsgraph.store.versions import migrate, require_current

SQLITE_HEADER = b"SQLite format 3\x00"


def check_path(path: Path, readonly: bool) -> None:
    """Refuse what is plainly not a usable database file."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file")
    if not path.exists():
        if readonly:
            raise StoreError(f"{path}: no such database")
        if not path.parent.is_dir():
            raise StoreError(f"{path}: the folder {path.parent} does not exist")
        return
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the database file ({exc.strerror or exc})") from exc
    if head and head != SQLITE_HEADER:
        raise StoreError(f"{path} is not a newsgraph database (not an SQLite file)")


def open_connection(path: Path, readonly: bool = False, check: bool = True) -> tuple[sqlite3.Connection, Path | None]:
    """A checked connection: read-only (never writes, never creates) or migrated for writing;
    with the backup written if the file was migrated."""
    check_path(path, readonly)
    try:
        if readonly:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                                   timeout=30, check_same_thread=False)
        else:
            conn = sqlite3.connect(str(path), isolation_level=None, timeout=30)
    except sqlite3.Error as exc:
        raise classify(exc, path) or StoreError(f"{path}: cannot open the database ({exc})") from exc
    backup = None
    try:
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA recursive_triggers = ON")  # INSERT OR REPLACE fires the search index's delete trigger
        if check:
            _check_integrity(conn, path)
        if readonly:
            conn.execute("PRAGMA query_only = ON")
            if check:
                require_current(conn, path)
        else:
            conn.execute("PRAGMA synchronous = NORMAL")
            _check_writable(conn, path)
            backup = migrate(conn, path)
    except sqlite3.Error as exc:
        conn.close()
        raise classify(exc, path) or StoreError(f"{path}: {exc}") from exc
    except BaseException:
        conn.close()
        raise
    return conn, backup


def _check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    result = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    if result != "ok":
        result = " ".join(str(result).replace("*** in database main ***", "").split())
        raise StoreError(f"{path}: the database file is corrupt ({result}); restore it from a backup or ingest "
                         "into a new file")


def _check_writable(conn: sqlite3.Connection, path: Path) -> None:
    """A write lock taken and given back: fails now, not after an hour of analysis."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("PRAGMA user_version = " + str(conn.execute("PRAGMA user_version").fetchone()[0]))
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")


SERVE_CACHE_KIB = 32 * 1024  # SQLite page cache of each connection a server keeps
SERVE_MMAP_BYTES = 256 * 2**20  # the file read through the OS page cache, not copied


def open_for_serving(path: Path) -> sqlite3.Connection:
    """A read-only connection a server keeps between requests: no checks (the server checked the
    file at start), a large page cache and memory-mapped reads, so a warm connection answers fast."""
    if is_postgres(path):
        return postgres.connect(str(path), readonly=True)
    conn = open_connection(path, readonly=True, check=False)[0]
    conn.execute(f"PRAGMA cache_size = -{SERVE_CACHE_KIB}")
    conn.execute(f"PRAGMA mmap_size = {SERVE_MMAP_BYTES}")
    return conn
