"""Reference knowledge bundled as data files: countries, office-holders, people, organisations.

Every table is a tab-separated file in ``data/`` (sources in ``data/SOURCES.md``). Users
add rows with files of the same name and format in their own folders, named in the
``NEWSGRAPH_REFERENCE_DIR`` environment variable (folders separated by ``os.pathsep``,
so worker processes see them without plumbing) or passed to ``add_reference_dir``.
Rows from user files come after the bundled ones; for a name that both define, the
user's row wins.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

ENV_VARIABLE = "NEWSGRAPH_REFERENCE_DIR"
_extra_dirs: list[Path] = []


def split_list(cell: str) -> list[str]:
    """A "|"-separated cell as a list, blanks dropped."""
    return [part.strip() for part in cell.split("|") if part.strip()]


def parse_tsv(text: str) -> list[dict[str, str]]:
    """Rows of a reference table: '#' comments, a header line, then tab-separated cells."""
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        return []
    header = [h.strip() for h in lines[0].split("\t")]
    rows = []
    for line in lines[1:]:
        cells = [c.strip() for c in line.split("\t")]
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells)))
    return rows


def reference_dirs() -> list[Path]:
    """User folders, in the order their rows are read (environment first, then added ones)."""
    env = [Path(p) for p in os.environ.get(ENV_VARIABLE, "").split(os.pathsep) if p]
    return env + list(_extra_dirs)


def add_reference_dir(path: str | Path) -> None:
    """Read this folder's tables too (e.g. your own office_holders.tsv) from now on."""
    _extra_dirs.append(Path(path))
    clear_caches()


def clear_caches() -> None:
    """Forget loaded tables, so that new files or a changed environment take effect."""
    _read_table.cache_clear()
    from newsgraph.reference import (actors, cameo, countries, not_names, offices, organisations, people, regions,
                                     reporting)

    for module in (countries, offices, organisations, people, actors, cameo, regions, not_names, reporting):
        module.clear_cache()


@lru_cache(maxsize=None)
def _read_table(filename: str, dirs: tuple[Path, ...]) -> tuple[dict[str, str], ...]:
    bundled = resources.files("newsgraph.reference").joinpath("data", filename)
    rows = parse_tsv(bundled.read_text(encoding="utf-8")) if bundled.is_file() else []
    for folder in dirs:
        path = folder / filename
        if path.is_file():
            rows += parse_tsv(path.read_text(encoding="utf-8"))
    return tuple(rows)


def read_table(filename: str) -> tuple[dict[str, str], ...]:
    """The bundled rows of ``filename`` followed by the rows of the same file in user folders."""
    return _read_table(filename, tuple(reference_dirs()))

