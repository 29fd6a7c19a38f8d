"""WARC archives: each HTML or text response (or resource) record is one article.

Records that are not documents by nature (requests, warcinfo, metadata) are passed
over; responses of other types (images, scripts) are counted and named in one warning;
a response without HTTP headers fails; a record cut short is stored with a warning.
"""

from __future__ import annotations

import zlib
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

from newsgraph.ingest.decode import DecodeError, decode_bytes
from newsgraph.ingest.files import MAX_DOCUMENT_BYTES, open_stream
from newsgraph.ingest.items import Failure, Item, Notice, make_document, origin_name

DOCUMENT_RECORDS = ("response", "resource")


def _content_type(record: Any) -> str:
    if record.rec_type == "response":
        return (record.http_headers.get_header("Content-Type") or "").lower()
    return (record.rec_headers.get_header("Content-Type") or "").lower()


def _is_article_type(content_type: str) -> bool:
    return "html" in content_type or "text/plain" in content_type


def _has_http_headers(record: Any) -> bool:
    headers = record.http_headers
    return headers is not None and (headers.protocol or "").upper().startswith("HTTP/")


def read_record(record: Any, name: str, number: int) -> list[Item]:
    """The document (and any warning) one article record gives, or its Failure."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    origin = f"{name}#{url}" if url else f"{name}#record {number}"
    data = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        return [Failure(origin, "record too large for one article")]
    items: list[Item] = []
    missing = getattr(record.raw_stream, "limit", 0) or 0
    metadata: dict[str, Any] = {"url": url, "fetched": record.rec_headers.get_header("WARC-Date")}
    if missing > 0:
        cut = f"record {number} cut short: {missing} of its {record.length} bytes are missing"
        items.append(Notice(origin, f"{cut}; stored what was there"))
        metadata["truncated"] = cut
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        return [Failure(origin, f"record {number}: {exc}")]
    media_type = "text/html" if "html" in _content_type(record) else "text/plain"
    items.append(make_document(text, origin, media_type, {k: v for k, v in metadata.items() if v}, encoding))
    return items


def read_warc(path: Path, gzipped: bool = False) -> Iterator[Item]:
    """Every HTML or text response of an archive, each an article; the rest counted and named."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    name = origin_name(path)
    try:
        stream = open_stream(path, gzipped=False)  # warcio decompresses each gzip member itself
    except (OSError, DecodeError) as exc:
        yield Failure(name, exc.strerror.lower() if isinstance(exc, OSError) and exc.strerror else str(exc))
        return
    records = articles = 0
    skipped: Counter[str] = Counter()
    with stream:
        try:
            for records, record in enumerate(ArchiveIterator(stream), start=1):
                if record.rec_type not in DOCUMENT_RECORDS:
                    continue
                if record.rec_type == "response" and not _has_http_headers(record):
                    url = record.rec_headers.get_header("WARC-Target-URI") or f"record {records}"
                    yield Failure(f"{name}#{url}", f"record {records}: response without HTTP headers")
                    articles += 1
                    continue
                content_type = _content_type(record)
                if not _is_article_type(content_type):
                    skipped[content_type.split(";")[0].strip() or "no content type"] += 1
                    continue
                articles += 1
                yield from read_record(record, name, records)
        except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError, AttributeError, TypeError,
                IndexError, KeyError) as exc:
            # warcio raises assorted errors on malformed headers; all mean the same to a user
            yield Failure(name, f"truncated or malformed WARC after {records} records ({_first_line(exc)})")
            return
    if skipped:
        kinds = ", ".join(f"{kind} ×{n}" for kind, n in skipped.most_common(5))
        yield Notice(name, f"skipped {sum(skipped.values())} responses that are not HTML or text ({kinds})")
    if articles == 0:
        yield Failure(name, "no HTML or text responses in the archive" if records else "no WARC records (empty file)")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:160]
