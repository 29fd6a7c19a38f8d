"""JSON Lines: one article per line, each line a unit that is stored, unchanged or failed."""

from __future__ import annotations

import json
import math
import zlib
from pathlib import Path
from typing import Any, Iterator

from newsgraph.ingest.decode import DecodeError, decode_bytes
from newsgraph.ingest.files import bounded_lines, open_stream
from newsgraph.ingest.items import Failure, Item, make_document, origin_name

MAX_NESTING = 64  # a news record nested deeper than this is not a news record

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
_STRING_FIELDS = {"title", "url", "outlet", "published"}


def nesting(value: Any) -> int:
    """How deeply lists and objects nest in a parsed JSON value (iteratively: no recursion)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, depth)
            if depth > MAX_NESTING:
                return depth
            stack.extend((v, depth + 1) for v in item)
    return deepest


def _usable(name: str, value: Any) -> bool:
    """A known field is used only with a value of the right kind; others go to ``extra``."""
    if value is None or value == "":
        return False
    if name in _STRING_FIELDS:
        return isinstance(value, str) and bool(value.strip())
    if name == "authors":
        return isinstance(value, str) or (isinstance(value, list) and all(isinstance(a, str) for a in value))
    if name == "source_id":
        return isinstance(value, (str, int)) and not isinstance(value, bool)
    return True


def jsonl_document(record: Any, origin: str) -> Item:
    """The RawDocument one parsed record describes, or a Failure saying what it lacks."""
    if not isinstance(record, dict):
        return Failure(origin, "a JSON Lines record must be an object")
    metadata: dict[str, Any] = {}
    for key, value in record.items():
        name = JSONL_META_FIELDS.get(key)
        if name and name not in metadata and _usable(name, value):
            metadata[name] = value
        elif key not in JSONL_TEXT_FIELDS and key not in JSONL_HTML_FIELDS:
            metadata.setdefault("extra", {})[key] = _plain(value)
    if isinstance(metadata.get("authors"), str):
        metadata["authors"] = [metadata["authors"]]
    html = next((record[f] for f in JSONL_HTML_FIELDS if isinstance(record.get(f), str) and record[f].strip()), None)
    text = next((record[f] for f in JSONL_TEXT_FIELDS if isinstance(record.get(f), str) and record[f].strip()), None)
    if html:
        return make_document(html, origin, "text/html", metadata)
    if text:
        return make_document(text, origin, "text/plain", metadata)
    if metadata.get("title"):
        return make_document("", origin, "text/plain", metadata)  # a headline-only record
    return Failure(origin, f"no text, body, html or title field (fields: {', '.join(sorted(map(str, record)))[:200]})")


def _plain(value: Any) -> Any:
    """NaN and infinities (which JSON cannot hold) kept as text."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


def parse_line(line: bytes, origin: str) -> Item:
    """One line of bytes → document or Failure; never raises."""
    try:
        text, _ = decode_bytes(line)
        record = json.loads(text)
    except DecodeError as exc:
        return Failure(origin, str(exc))
    except json.JSONDecodeError as exc:
        return Failure(origin, f"invalid JSON ({exc.msg} at column {exc.colno})")
    except (ValueError, RecursionError) as exc:  # an integer of 5,000 digits, nesting past the stack
        return Failure(origin, f"invalid JSON ({str(exc).splitlines()[0][:120]})" if isinstance(exc, ValueError)
                       else "invalid JSON (nested too deeply)")
    if text.count("[") + text.count("{") > MAX_NESTING and nesting(record) > MAX_NESTING:
        return Failure(origin, f"record nested more than {MAX_NESTING} levels deep")
    return jsonl_document(record, origin)


def read_jsonl(path: Path, gzipped: bool) -> Iterator[Item]:
    """One article per line; a bad line is reported and the rest are read."""
    name = origin_name(path)
    try:
        handle = open_stream(path, gzipped)
    except (OSError, DecodeError) as exc:
        yield Failure(name, _os_reason(exc))
        return
    records = 0
    line_number = 0
    with handle:
        try:
            for line_number, line in bounded_lines(handle):
                origin = f"{name}:{line_number}"
                if line is None:
                    records += 1
                    yield Failure(origin, "line too large for one article")
                    continue
                if not line.strip():
                    continue
                records += 1
                yield parse_line(line, origin)
        except (OSError, EOFError, zlib.error) as exc:
            yield Failure(f"{name}:{line_number + 1}", f"truncated or corrupt file ({exc}); "
                                                      f"the {records} records before it were read")
            return
    if records == 0:
        yield Failure(name, "no records (the file is empty or blank)")


def _os_reason(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc)
