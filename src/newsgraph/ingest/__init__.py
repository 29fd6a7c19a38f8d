"""Ingest: files, folders, globs → RawDocuments (or Failures naming file and reason)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from newsgraph.ingest.discover import discover
from newsgraph.ingest.readers import Failure, Item, read_path, read_text

__all__ = ["Failure", "Item", "iter_documents", "read_path", "read_text", "discover"]


def iter_documents(paths: Iterable[str | Path]) -> Iterator[Item]:
    """Stream every document under the given paths, in a stable order."""
    for found in discover(paths):
        if isinstance(found, Failure):
            yield found
        else:
            yield from read_path(found)
