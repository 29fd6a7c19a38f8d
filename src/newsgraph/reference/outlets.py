"""The outlet table: news outlets by name, alias and web domain.

Bundled in ``data/outlets.tsv`` (its header names where the facts come from). Users add
outlets like any reference table, with an ``outlets.tsv`` of the same columns in a
folder named in ``NEWSGRAPH_REFERENCE_DIR`` (this reaches worker processes without
plumbing), or with files passed to ``load_outlets(extra=...)``. Later rows win.

Domains are looked up by their registrable part ("detroit.cbslocal.com" tries the full
host, then "cbslocal.com"), found with the public-suffix list the ``tld`` package ships
(no network). A row of kind ``wire`` is a news agency whose stories other outlets carry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from tld import get_fld

from newsgraph.reference import parse_tsv, read_table, reference_dirs, split_list
from newsgraph.reference.keys import name_key

_DOMAIN = re.compile(r"(?:[\w-]+\.)+[a-z]{2,}", re.IGNORECASE)


@dataclass(frozen=True)
class Outlet:
    name: str
    domains: tuple[str, ...]
    country: str | None
    aliases: tuple[str, ...] = ()
    kind: str = "outlet"  # "outlet" or "wire" (a news agency)

    @property
    def is_wire(self) -> bool:
        return self.kind == "wire"


def outlet_key(name: str) -> str:
    """Names compare without case, accents, punctuation or a leading "The"."""
    key = name_key(name)
    return key[4:] if key.startswith("the ") else key


def domain_key(url_or_host: str) -> str:
    """"https://www.example.com/path" → "example.com"."""
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url_or_host.strip().lower()).split("/")[0].split(":")[0]
    return host[4:] if host.startswith("www.") else host


def registrable_domain(url_or_host: str) -> str | None:
    """"https://detroit.cbslocal.com/x" → "cbslocal.com"; "autoracing.com.br" stays whole."""
    host = domain_key(url_or_host)
    if "." not in host:
        return None
    found = get_fld(host, fix_protocol=True, fail_silently=True)
    return found or ".".join(host.split(".")[-2:])


@dataclass
class OutletTable:
    outlets: list[Outlet] = field(default_factory=list)
    by_domain: dict[str, Outlet] = field(default_factory=dict)
    by_name: dict[str, Outlet] = field(default_factory=dict)

    def add(self, outlet: Outlet) -> None:
        """Add a row; a row with the name of an earlier one replaces it."""
        old = self.by_name.get(outlet_key(outlet.name))
        if old is not None and outlet_key(old.name) == outlet_key(outlet.name):
            self.outlets.remove(old)
        self.outlets.append(outlet)
        for domain in outlet.domains:
            self.by_domain[domain_key(domain)] = outlet
        for name in (outlet.name, *outlet.aliases):
            self.by_name[outlet_key(name)] = outlet

    def from_domain(self, url_or_host: str) -> Outlet | None:
        """The outlet of a URL or host, trying parent domains ("edition.cnn.com" → cnn.com)."""
        host = domain_key(url_or_host)
        parts = host.split(".")
        stop = len(parts) - len((registrable_domain(host) or host).split(".")) + 1
        for i in range(max(1, stop)):
            outlet = self.by_domain.get(".".join(parts[i:]))
            if outlet:
                return outlet
        return None

    def from_name(self, name: str) -> Outlet | None:
        """The outlet with this name or alias; a site name written as a domain works too."""
        name = name.strip()
        if _DOMAIN.fullmatch(name):
            found = self.from_domain(name)
            if found:
                return found
        return self.by_name.get(outlet_key(name))


def _outlet(row: dict[str, str]) -> Outlet:
    return Outlet(name=row["name"], domains=tuple(split_list(row.get("domains", ""))),
                  country=row.get("country") or None, aliases=tuple(split_list(row.get("aliases", ""))),
                  kind=row.get("kind") or "outlet")


def load_outlets(extra: Iterable[str | Path] = ()) -> OutletTable:
    """The bundled table (plus user folders' outlets.tsv), then any extra files, later rows winning."""
    table = OutletTable()
    for row in read_table("outlets.tsv"):
        table.add(_outlet(row))
    for path in extra:
        for row in parse_tsv(Path(path).read_text(encoding="utf-8")):
            table.add(_outlet(row))
    return table


@lru_cache(maxsize=4)
def _table_for(dirs: tuple[Path, ...]) -> OutletTable:
    return load_outlets()


def default_outlets() -> OutletTable:
    """The table the pipeline uses; re-read when the user's reference folders change."""
    return _table_for(tuple(reference_dirs()))


@lru_cache(maxsize=4)
def _owners_for(dirs: tuple[Path, ...]) -> frozenset[str]:
    return frozenset(outlet_key(name) for row in read_table("media_owners.tsv")
                     for name in (row["name"], *split_list(row.get("aliases", ""))) if name)


def is_media_owner(name: str) -> bool:
    """A company that owns outlets ("Hearst", "Gannett"): ``data/media_owners.tsv`` plus users' rows."""
    return outlet_key(name) in _owners_for(tuple(reference_dirs()))


def clear_cache() -> None:
    _table_for.cache_clear()
    _owners_for.cache_clear()
