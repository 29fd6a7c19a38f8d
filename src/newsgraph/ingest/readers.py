"""Readers: one per container format, each yielding RawDocuments or Failures.

A reader never raises for bad input. It yields a ``Failure`` naming the file (and the
line or record) and the reason, and goes on with whatever else the file holds.
"""

from __future__ import annotations

import gzip
import json
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from newsgraph.ingest.decode import DecodeError, content_id, decode_bytes
from newsgraph.records import RawDocument

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024  # a single article larger than this is not an article
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc"}
SUPPORTED_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES

# JSON Lines fields newsgraph understands; anything else is kept as metadata.
JSONL_TEXT_FIELDS = ("text", "body", "content", "articleBody", "maintext")
JSONL_HTML_FIELDS = ("html", "raw_html")
JSONL_META_FIELDS = {
    "title": "title",
    "headline": "title",
    "url": "url",
    "link": "url",
    "outlet": "outlet",
    "source": "outlet",
    "publisher": "outlet",
    "published": "published",
    "date": "published",
    "date_publish": "published",
    "authors": "authors",
    "author": "authors",
    "id": "source_id",
}


@dataclass
class Failure:
    """An input that could not be read, and why."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


Item = RawDocument | Failure


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


def make_document(text: str, origin: str, media_type: str, metadata: dict[str, Any] | None = None,
                  encoding: str = "utf-8") -> RawDocument:
    """Build a RawDocument whose id is the hash of its normalised content (and URL, if any)."""
    metadata = metadata or {}
    identity = text if not metadata.get("url") else f"{text}\x00{metadata['url']}"
    return RawDocument(id=content_id(identity), origin=origin, text=text,
                       media_type=media_type, metadata=metadata, encoding=encoding)


def _read_bytes(path: Path, gzipped: bool) -> bytes:
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        raise DecodeError(f"file too large for one article ({size // (1024 * 1024)} MiB; the limit is "
                          f"{MAX_DOCUMENT_BYTES // (1024 * 1024)} MiB)")
    data = path.read_bytes()
    if gzipped:
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise DecodeError(f"truncated or corrupt gzip data ({exc})") from exc
        if len(data) > MAX_DOCUMENT_BYTES:
            raise DecodeError("decompressed file too large for one article")
    return data


def read_single(path: Path, media_type: str, gzipped: bool) -> Iterator[Item]:
    """A .txt or .html file holds one article."""
    origin = str(path)
    try:
        text, encoding = decode_bytes(_read_bytes(path, gzipped))
    except (DecodeError, OSError) as exc:
        yield Failure(origin, str(exc))
        return
    if media_type == "text/plain" and _looks_like_html(text):
        media_type = "text/html"
    yield make_document(text, origin, media_type, {}, encoding)


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


def _jsonl_document(record: Any, origin: str) -> Item:
    if not isinstance(record, dict):
        return Failure(origin, "a JSON Lines record must be an object")
    metadata: dict[str, Any] = {}
    for key, value in record.items():
        name = JSONL_META_FIELDS.get(key)
        if name and value not in (None, "") and name not in metadata:
            metadata[name] = value
        elif key not in JSONL_TEXT_FIELDS and key not in JSONL_HTML_FIELDS:
            metadata.setdefault("extra", {})[key] = value
    if isinstance(metadata.get("authors"), str):
        metadata["authors"] = [metadata["authors"]]
    html = next((record[f] for f in JSONL_HTML_FIELDS if isinstance(record.get(f), str) and record[f].strip()), None)
    text = next((record[f] for f in JSONL_TEXT_FIELDS if isinstance(record.get(f), str) and record[f].strip()), None)
    if html:
        return make_document(html, origin, "text/html", metadata)
    if text:
        return make_document(text, origin, "text/plain", metadata)
    if isinstance(metadata.get("title"), str) and metadata["title"].strip():
        return make_document("", origin, "text/plain", metadata)  # a headline-only record
    return Failure(origin, f"no text, body, html or title field (fields: {', '.join(sorted(record))})")


def read_jsonl(path: Path, gzipped: bool) -> Iterator[Item]:
    """One article per line; a bad line is reported and the rest are read."""
    try:
        raw = gzip.open(path, "rb") if gzipped else open(path, "rb")
    except OSError as exc:
        yield Failure(str(path), str(exc))
        return
    with raw:
        line_number = 0
        try:
            for line_number, line in enumerate(raw, start=1):
                origin = f"{path}:{line_number}"
                if not line.strip():
                    continue
                if len(line) > MAX_DOCUMENT_BYTES:
                    yield Failure(origin, "line too large for one article")
                    continue
                try:
                    text, _ = decode_bytes(line)
                    record = json.loads(text)
                except DecodeError as exc:
                    yield Failure(origin, str(exc))
                    continue
                except json.JSONDecodeError as exc:
                    yield Failure(origin, f"invalid JSON ({exc.msg} at column {exc.colno})")
                    continue
                yield _jsonl_document(record, origin)
        except (OSError, EOFError, zlib.error) as exc:
            yield Failure(f"{path}:{line_number + 1}", f"truncated or corrupt file ({exc})")


def read_warc(path: Path) -> Iterator[Item]:
    """HTML responses in a WARC archive, each an article; other records are skipped."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    origin = str(path)
    try:
        stream = open(path, "rb")
    except OSError as exc:
        yield Failure(origin, str(exc))
        return
    with stream:
        count = 0
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                if "html" not in content_type and "text/plain" not in content_type:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                record_origin = f"{path}#{url}"
                data = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
                count += 1
                if len(data) > MAX_DOCUMENT_BYTES:
                    yield Failure(record_origin, "record too large for one article")
                    continue
                try:
                    text, encoding = decode_bytes(data)
                except DecodeError as exc:
                    yield Failure(record_origin, str(exc))
                    continue
                metadata = {"url": url, "fetched": record.rec_headers.get_header("WARC-Date")}
                media_type = "text/html" if "html" in content_type else "text/plain"
                yield make_document(text, record_origin, media_type, metadata, encoding)
        except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError, AttributeError, TypeError) as exc:
            # warcio raises assorted errors on malformed headers; all mean the same to a user
            yield Failure(origin, f"truncated or malformed WARC after {count} records ({exc})")


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
        yield from read_warc(path)
    else:
        yield Failure(str(path), f"unsupported file type {''.join(path.suffixes) or '(no extension)'}; "
                      "newsgraph reads .txt, .html, .htm, .jsonl, .warc (optionally .gz)")


def read_text(text: str, origin: str = "<text>", media_type: str = "text/plain",
              metadata: dict[str, Any] | None = None) -> RawDocument:
    """A RawDocument from a string, for the Python API."""
    return make_document(text, origin, media_type, dict(metadata or {}))


