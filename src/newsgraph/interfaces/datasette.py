"""Datasette metadata for a newsgraph database: every table and column described, internals hidden.

    newsgraph datasette-metadata --db news.db > metadata.json
    datasette news.db -m metadata.json

The words live in ``tables.toml`` beside schema.sql. Internal tables (story index, MinHash
bands, embeddings, corpus state, full-text index storage) are hidden: they stay in the file
for the corpus steps but not among the tables an analyst browses. Label columns make
Datasette show a linked article by its title, an entity by its name, a story by its title.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

SOURCE = "newsgraph"
# FTS5 keeps each full-text index in shadow tables named after it; their columns are FTS5's own
FTS_SHADOWS = {"config": ("k", "v"), "data": ("id", "block"), "docsize": ("id", "sz"), "idx": ("segid", "term", "pgno")}


@lru_cache(maxsize=1)
def descriptions() -> dict[str, dict[str, Any]]:
    """tables.toml: table name -> description, columns, hidden, label_column."""
    text = resources.files("newsgraph.store").joinpath("tables.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)["tables"]


def table_metadata() -> dict[str, dict[str, Any]]:
    """Datasette's per-table metadata for every table and view of the schema."""
    tables: dict[str, dict[str, Any]] = {}
    for name, info in descriptions().items():
        entry: dict[str, Any] = {"description": info["description"], "columns": dict(info["columns"])}
        if info.get("hidden"):
            entry["hidden"] = True
        if info.get("label_column"):
            entry["label_column"] = info["label_column"]
        tables[name] = entry
        if name.endswith("_fts"):
            for shadow, columns in FTS_SHADOWS.items():
                tables[f"{name}_{shadow}"] = {
                    "description": f"Internal: FTS5's {shadow} storage of the full-text index {name}.",
                    "columns": {c: f"FTS5 {shadow} column." for c in columns}, "hidden": True}
    return tables


def metadata(db_path: str | Path) -> dict[str, Any]:
    """Metadata for ``datasette DB -m metadata.json``; Datasette names a database by its file's stem."""
    return {
        "title": "newsgraph",
        "description": "News coverage from many outlets as a source-attributed knowledge base: articles, "
                       "entities, quotes, citations, events, stories and flags, each with its evidence.",
        "source": SOURCE,
        "databases": {Path(db_path).stem: {
            "description": "A newsgraph database. Start with articles, stories, quote_details and story_outlets.",
            "tables": table_metadata(),
        }},
    }
