"""Store errors a user can act on, each one line with the exit code the CLI gives it.

A database that cannot be used (a folder, not SQLite, corrupt, too new or too old,
read-only for a write) is ``DB_UNUSABLE``; a write that fails in the middle of a run
(disk full, I/O error) is ``WRITE_FAILED``: freeing space and running the same command
again finishes what the run left.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

DB_UNUSABLE = 3
WRITE_FAILED = 4

# Primary SQLite result codes (the low byte of an extended code).
SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 8, 10, 11, 13, 14, 26


class StoreError(Exception):
    """The database cannot be opened or written; ``str()`` is the one-line message."""

    def __init__(self, message: str, exit_code: int = DB_UNUSABLE):
        super().__init__(message)
        self.exit_code = exit_code


def primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def classify(exc: sqlite3.Error, path: Path | str) -> StoreError | None:
    """The StoreError an SQLite error stands for, or None if it concerns one record only."""
    code = primary_code(exc)
    if code == SQLITE_FULL:
        return StoreError(f"{path}: the disk is full ({exc}); free some space and run the same command again: "
                          "it finishes what this run left", WRITE_FAILED)
    if code == SQLITE_IOERR:
        return StoreError(f"{path}: could not write ({exc}); run the same command again once the disk is fine",
                          WRITE_FAILED)
    if code == SQLITE_READONLY:
        return StoreError(f"{path}: the database is read-only ({exc}); this command needs to write to it")
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return StoreError(f"{path}: the database file is corrupt ({exc}); restore it from a backup or ingest "
                          "into a new file")
    if code == SQLITE_CANTOPEN:
        return StoreError(f"{path}: cannot open the database file ({exc})")
    return None
