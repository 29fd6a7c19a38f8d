"""The wire service behind a story, kept apart from the outlet that publishes it.

An AP story on CBS Detroit says so in its dateline ("DETROIT (AP) —"), its byline
("By The Associated Press", "Reuters November 18, 2019") or its metadata (the wire as
JSON-LD publisher or author). The outlet stays the page's own; the wire is recorded
beside it. Agencies are the outlet table's rows of kind ``wire``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsgraph.reference.outlets import OutletTable, default_outlets

# "WASHINGTON (AP) —", "(Reuters) -", "LONDON, Nov 19 (Reuters) -": the wire's dateline.
_DATELINE = re.compile(r"^[^()]{0,80}\((?P<name>[A-Za-z][\w .&-]{1,40}?)\)\s*[—–-]")
# A byline naming only the wire: "By The Associated Press", "Reuters November 18, 2019".
_BYLINE = re.compile(r"^\s*(?:by\s+)?(?:the\s+)?(?P<name>[A-Z][\w .&-]{1,40}?)(?:\s+staff)?\s*(?:[,|—–-]|$|\s+"
                     r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d)", re.IGNORECASE)


def wire_named(name: str, table: OutletTable | None = None) -> str | None:
    """The agency a name is ("AP", "The Associated Press" → "Associated Press"), if any."""
    table = table or default_outlets()
    entry = table.from_name(name.strip()) if name and name.strip() else None
    return entry.name if entry is not None and entry.is_wire else None


def wire_in_text(lines: Iterable[str], table: OutletTable | None = None) -> str | None:
    """A wire named by a dateline or a byline among the first lines of a body."""
    table = table or default_outlets()
    for line in lines:
        if len(line) > 600:
            line = line[:600]
        for pattern in (_DATELINE, _BYLINE):
            match = pattern.match(line)
            if match:
                found = wire_named(match["name"], table)
                if found:
                    return found
    return None


def wire_in(names: Iterable[str], table: OutletTable | None = None) -> str | None:
    """The first agency among metadata names (publishers, organisation authors)."""
    for name in names:
        found = wire_named(name, table)
        if found:
            return found
    return None
