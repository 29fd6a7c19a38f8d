"""What readers yield: documents, failures naming their input, and warnings.

Every input unit (a file, a JSON Lines record, a WARC record) ends as a ``RawDocument``
or a ``Failure``; a ``Warning`` travels beside them when something was read only in part
or passed over, so nothing is lost in silence.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.ingest.decode import clean_text, content_id, normalise
from newsgraph.records import RawDocument


@dataclass
class Failure:
    """An input that could not be read or analysed, and why (one line)."""

    origin: str
    reason: str
    document: str | None = None  # the id of the document that failed, once it had one

    def __post_init__(self) -> None:
        self.origin, self.reason = clean_text(self.origin), clean_text(self.reason)

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass
class Notice:
    """Something a user must hear about an input that was still read: a cut, a skip."""

    origin: str
    message: str

    def __post_init__(self) -> None:
        self.origin, self.message = clean_text(self.origin), clean_text(self.message)

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


Item = RawDocument | Failure | Notice


def origin_name(path: Path | str) -> str:
    """A path as printable text: bytes of a non-UTF-8 file name become ``\\xNN`` escapes."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", "backslashreplace")


def identity(text: str, metadata: dict[str, Any]) -> str:
    """What an article's id is computed on: its text, its URL, and its title if it has no text."""
    parts = [text]
    if not normalise(text) and metadata.get("title"):
        parts.append(f"title:{metadata['title']}")
    if metadata.get("url"):
        parts.append(str(metadata["url"]))
    return "\x00".join(parts)


def make_document(text: str, origin: str, media_type: str, metadata: dict[str, Any] | None = None,
                  encoding: str = "utf-8") -> RawDocument:
    """A RawDocument whose id is the hash of its normalised content (with URL, and title if no text)."""
    metadata = clean_value(metadata or {})
    text = clean_text(text)
    return RawDocument(id=content_id(identity(text, metadata)), origin=clean_text(origin), text=text,
                       media_type=media_type, metadata=metadata, encoding=encoding)


def clean_value(value: Any) -> Any:
    """Strings made storable (no lone surrogates) all through a JSON-like value."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(str(k)): clean_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_value(v) for v in value]
    return value
