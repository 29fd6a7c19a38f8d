"""Store: the one place records are written (SQLite by default), and every read (``queries``).

Takes ``ArticleAnalysis`` records and corpus-step writes; gives back rows through
``queries``. Steps: ``opening`` (checks a file before use) → ``versions`` (schema version,
migrations with a backup) → ``sqlite`` (writes) → ``queries`` and ``explore`` (reads; ``explore``
holds those of the web's explore pages and pictures); ``search`` keeps the full-text indexes and
``match`` turns what a person types into a full-text query; ``errors`` names what went wrong in
one line, with its exit code.
"""

from newsgraph.store.errors import DB_UNUSABLE, WRITE_FAILED, StoreError, classify
from newsgraph.store.opening import open_for_serving
from newsgraph.store.sqlite import DEFAULT_DB, Store, connect
from newsgraph.store.versions import SCHEMA_VERSION, migrate

__all__ = ["DB_UNUSABLE", "DEFAULT_DB", "SCHEMA_VERSION", "WRITE_FAILED", "Store", "StoreError", "classify", "connect",
           "migrate", "open_for_serving"]
