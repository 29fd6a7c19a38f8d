"""Find the input files behind the paths, folders and globs a user names."""

from __future__ import annotations

import glob
from pathlib import Path
from typing import Iterable, Iterator

from newsgraph.ingest.readers import Failure, container_format

_GLOB_CHARS = set("*?[")


def discover(paths: Iterable[str | Path]) -> Iterator[Path | Failure]:
    """Yield input files in a stable order; a path that matches nothing is a Failure."""
    seen: set[Path] = set()
    for given in paths:
        given = str(given)
        path = Path(given)
        if path.is_dir():
            candidates = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            candidates = [p for p in candidates if container_format(p)[0] is not None]
            if not candidates:
                yield Failure(given, "folder holds no .txt, .html, .jsonl or .warc files")
        elif path.is_file():
            candidates = [path]
        elif _GLOB_CHARS & set(given):
            candidates = sorted(Path(p) for p in glob.glob(given, recursive=True) if Path(p).is_file())
            if not candidates:
                yield Failure(given, "pattern matches no files")
        else:
            yield Failure(given, "no such file or folder")
            continue
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                yield candidate
