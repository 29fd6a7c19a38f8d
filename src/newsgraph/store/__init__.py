"""Store: the one place records are written (SQLite by default)."""

from newsgraph.store.sqlite import DEFAULT_DB, Store, connect

__all__ = ["DEFAULT_DB", "Store", "connect"]
