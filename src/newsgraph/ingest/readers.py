"""Readers: one per container format, each yielding RawDocuments, Failures and Notices.

A reader never raises for bad input. It yields a ``Failure`` naming the file (and the
line or record) and the reason, and goes on with whatever else the file holds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from newsgraph.ingest.decode import DecodeError, decode_bytes
from newsgraph.ingest.files import MAX_DOCUMENT_BYTES, read_bounded
from newsgraph.ingest.items import Failure, Item, Notice, make_document, origin_name
from newsgraph.ingest.jsonl import read_jsonl
from newsgraph.ingest.warc import read_warc
from newsgraph.records import RawDocument

__all__ = ["Failure", "Item", "MAX_DOCUMENT_BYTES", "Notice", "container_format", "make_document", "read_path",
           "read_single", "read_text"]

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc"}
SUPPORTED_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES


def container_format(path: Path) -> tuple[str | None, bool]:
    """(format, gzipped) from a file name such as ``page.html.gz`` or ``crawl.warc.gz``."""
    suffixes = [s.lower() for s in path.suffixes]
    gzipped = bool(suffixes) and suffixes[-1] == ".gz"
    if gzipped:
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    if last in HTML_SUFFIXES:
        return "html", gzipped
    if last in TEXT_SUFFIXES:
        return "text", gzipped
    if last in JSONL_SUFFIXES:
        return "jsonl", gzipped
    if last in WARC_SUFFIXES:
        return "warc", gzipped
    return None, gzipped


def read_single(path: Path, media_type: str, gzipped: bool) -> Iterator[Item]:
    """A .txt or .html file holds one article."""
    origin = origin_name(path)
    try:
        text, encoding = decode_bytes(read_bounded(path, gzipped))
    except DecodeError as exc:
        yield Failure(origin, str(exc))
        return
    except OSError as exc:
        yield Failure(origin, exc.strerror.lower() if exc.strerror else str(exc))
        return
    if media_type == "text/plain" and _looks_like_html(text):
        media_type = "text/html"
    yield make_document(text, origin, media_type, {}, encoding)


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


def read_path(path: Path) -> Iterator[Item]:
    """Every article a file holds, whatever its container."""
    fmt, gzipped = container_format(path)
    if fmt == "html":
        yield from read_single(path, "text/html", gzipped)
    elif fmt == "text":
        yield from read_single(path, "text/plain", gzipped)
    elif fmt == "jsonl":
        yield from read_jsonl(path, gzipped)
    elif fmt == "warc":
        yield from read_warc(path, gzipped)
    else:
        yield Failure(origin_name(path), f"unsupported file type {''.join(path.suffixes) or '(no extension)'}; "
                      "newsgraph reads .txt, .html, .htm, .jsonl, .warc (optionally .gz)")


def read_text(text: str, origin: str = "<text>", media_type: str = "text/plain",
              metadata: dict[str, Any] | None = None) -> RawDocument:
    """A RawDocument from a string, for the Python API."""
    return make_document(text, origin, media_type, dict(metadata or {}))
