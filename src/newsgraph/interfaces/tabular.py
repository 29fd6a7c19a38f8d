"""Export rows typed the way analysts' tools read them: one time zone, codes as text, lists as lists.

The store keeps a publication time only as precise as the source wrote it ("2024-06-24",
"2024-06-24T18:53", "2024-06-24T18:53+03:00"), which no reader parses as one column.
Exports give every time as ISO 8601 in UTC ("2024-06-24T15:53:00Z"), with the precision
beside it (``published_precision``: minute, day, month or year) and the time as written
(``published_as_written``). A time written without a zone is taken as UTC: the page gave
none. Codes (CAMEO, ids) stay text, lists stay lists.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime, timezone
from typing import Any, Iterator

from newsgraph.store.queries import export_rows

TIME_FIELDS = ("published", "first_published", "last_published")  # every time field of the export kinds
TEXT_CODES = ("cameo", "root")  # digits with meaning in their leading zeros: "040" is not 40
_YEAR_MONTH = re.compile(r"(\d{4})(?:-(\d{2}))?")


def utc_iso(value: str | None) -> str | None:
    """A stored time as ISO 8601 in UTC ("...Z"); None for none or for text that is no time."""
    if not value:
        return None
    text = value.strip()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        short = _YEAR_MONTH.fullmatch(text)  # month or year precision
        if not short:
            return None
        moment = datetime(int(short[1]), int(short[2] or 1), 1)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def typed(row: dict[str, Any]) -> dict[str, Any]:
    """One export row with its times in UTC and its codes as text."""
    out = dict(row)
    if "published" in out:
        out["published_as_written"] = out["published"]
    for name in TIME_FIELDS:
        if name in out:
            out[name] = utc_iso(out[name])
    for name in TEXT_CODES:
        if out.get(name) is not None:
            out[name] = str(out[name])
    return out


def typed_rows(conn: sqlite3.Connection, kind: str) -> Iterator[dict[str, Any]]:
    """The rows of one export kind (``queries.export_rows``), typed for other tools."""
    for row in export_rows(conn, kind):
        yield typed(row)


def to_frame(conn: sqlite3.Connection, kind: str) -> Any:
    """One export kind as a pandas DataFrame: times as UTC datetimes, codes as text, lists as lists."""
    try:
        import pandas as pd
    except ImportError as exc:  # an optional extra
        raise ImportError("frame() needs pandas: pip install 'newsgraph[pandas]'") from exc

    rows = list(typed_rows(conn, kind))
    frame = pd.DataFrame.from_records(rows) if rows else pd.DataFrame()
    for name in TIME_FIELDS:
        if name in frame.columns:
            frame[name] = pd.to_datetime(frame[name], utc=True, format="ISO8601")
    for name in TEXT_CODES:
        if name in frame.columns:
            frame[name] = frame[name].astype("string")
    return frame
