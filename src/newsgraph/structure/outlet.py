"""Which outlet published a page: from its URL, site name, page title or copyright line.

Only names the outlet table knows are returned: an unknown outlet stays None rather
than being guessed from the text (which also names the outlets it cites).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsgraph.reference.outlets import OutletTable, default_outlets

# "Copyright © 2024 Euromaidanpress.com", "© 2019 The Sun. All rights reserved".
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*[,.]?\s*"
                        r"(?P<name>[^.,|©;]+(?:\.[a-z]{2,3}\b)?)", re.IGNORECASE)
_TITLE_SEPARATOR = re.compile(r"\s+[-|–—:•·]{1,2}\s+")


def from_copyright(line: str, table: OutletTable) -> str | None:
    for match in _COPYRIGHT.finditer(line):
        name = re.sub(r"\b(all rights reserved|inc|ltd|llc|plc|gmbh|media|group)\b.*$", "",
                      match["name"], flags=re.IGNORECASE).strip(" .,-")
        outlet = table.from_name(name) if name else None
        if outlet:
            return outlet.name
    return None


def from_page_title(title: str, table: OutletTable) -> str | None:
    """The site name at either end of "Headline - Outlet" / "Outlet | Headline"."""
    parts = _TITLE_SEPARATOR.split(title)
    for part in (parts[-1], parts[0]) if len(parts) > 1 else ():
        outlet = table.from_name(part)
        if outlet:
            return outlet.name
    return None


def find_outlet(url: str | None = None, site_names: Iterable[str] = (), page_title: str | None = None,
                lines: Iterable[str] = (), table: OutletTable | None = None) -> str | None:
    """The first evidence the table recognises, strongest first: URL, site name, title, copyright."""
    table = table or default_outlets()
    if url:
        outlet = table.from_domain(url)
        if outlet:
            return outlet.name
    for name in site_names:
        outlet = table.from_name(name) if name else None
        if outlet:
            return outlet.name
    if page_title:
        name = from_page_title(page_title, table)
        if name:
            return name
    for line in lines:
        if "©" in line or "opyright" in line or "(c)" in line.lower():
            name = from_copyright(line, table)
            if name:
                return name
    return None
