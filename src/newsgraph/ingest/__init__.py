"""Ingest: files, folders, globs → RawDocuments, or Failures naming file (and line or record) and reason.

Takes the paths a user names; returns a stream of ``Item``: a ``RawDocument`` per input
unit (file, JSON Lines record, WARC record) that could be read, a ``Failure`` per unit
that could not, and a ``Notice`` when something was read only in part or passed over.
Steps: ``discover`` (folders, globs, links) → ``readers`` (per container: ``jsonl``,
``warc``; bounded reads in ``files``) → ``decode`` (bytes → text, content ids).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from newsgraph.ingest.discover import discover
from newsgraph.ingest.items import Failure, Item, Notice, origin_name
from newsgraph.ingest.readers import container_format, read_path, read_text

__all__ = ["Failure", "Item", "Notice", "container_format", "discover", "iter_documents", "origin_name",
           "read_path", "read_text"]


def iter_documents(paths: Iterable[str | Path]) -> Iterator[Item]:
    """Stream every document under the given paths, in a stable order."""
    for found in discover(paths):
        if isinstance(found, Path):
            yield from read_path(found)
        else:
            yield found
