"""Find the input files behind the paths, folders and globs a user names.

Nothing found is passed over in silence: a broken symbolic link, a link loop, a FIFO or
other special file, and a folder that cannot be read are each a Failure; files of other
types in a folder are counted in one Notice.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

from newsgraph.ingest.files import special_kind
from newsgraph.ingest.items import Failure, Notice, origin_name
from newsgraph.ingest.readers import container_format

_GLOB_CHARS = set("*?[")
Found = Path | Failure | Notice


def _stat_failure(path: Path, exc: OSError) -> Failure:
    name = origin_name(path)
    if exc.errno == errno.ELOOP:
        return Failure(name, "symbolic link loop")
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return Failure(name, f"broken symbolic link (to {origin_name(os.readlink(path))})")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return Failure(name, "permission denied")
    return Failure(name, exc.strerror.lower() if exc.strerror else str(exc))


def walk_folder(folder: Path) -> Iterator[Found]:
    """Every input file under ``folder`` (following links to folders, once), then what was not read."""
    found: list[Path] = []
    problems: list[Failure] = []
    others: Counter[str] = Counter()
    visited: set[tuple[int, int]] = set()
    stack: list[tuple[Path, tuple[tuple[int, int], ...]]] = []
    top = folder.stat()
    visited.add((top.st_dev, top.st_ino))
    stack.append((folder, ((top.st_dev, top.st_ino),)))
    while stack:
        current, ancestors = stack.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as exc:
            problems.append(Failure(origin_name(current), "folder cannot be read: " + _stat_failure(current, exc).reason))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                info = os.stat(path)
            except OSError as exc:
                problems.append(_stat_failure(path, exc))
                continue
            key = (info.st_dev, info.st_ino)
            if stat.S_ISDIR(info.st_mode):
                if key in ancestors:
                    problems.append(Failure(origin_name(path), "symbolic link loop (leads back to a folder above it)"))
                elif key not in visited:
                    visited.add(key)
                    stack.append((path, ancestors + (key,)))
            elif not stat.S_ISREG(info.st_mode):
                problems.append(Failure(origin_name(path), f"not a regular file ({special_kind(info.st_mode)})"))
            elif container_format(path)[0] is not None:
                found.append(path)
            else:
                others["".join(path.suffixes[-1:]).lower() or "(no extension)"] += 1
    yield from sorted(found)
    yield from sorted(problems, key=lambda f: f.origin)
    if others:
        kinds = ", ".join(f"{kind} ×{n}" for kind, n in others.most_common(5))
        yield Notice(origin_name(folder), f"skipped {sum(others.values())} files of other types ({kinds})")
    if not found:
        yield Failure(origin_name(folder), "folder holds no .txt, .html, .jsonl or .warc files")


def _named(given: str) -> Iterator[Found]:
    """What one argument names: a folder, a file, a glob, or a Failure saying why not."""
    path = Path(given)
    try:
        info = path.stat()
    except OSError as exc:
        if exc.errno == errno.ENOENT and not os.path.islink(path):
            if _GLOB_CHARS & set(given):
                matches = sorted(Path(p) for p in glob.glob(given, recursive=True) if Path(p).is_file())
                yield from matches or [Failure(origin_name(given), "pattern matches no files")]
            else:
                yield Failure(origin_name(given), "no such file or folder")
            return
        yield _stat_failure(path, exc)
        return
    if stat.S_ISDIR(info.st_mode):
        yield from walk_folder(path)
    elif stat.S_ISREG(info.st_mode):
        yield path
    else:
        yield Failure(origin_name(given), f"not a regular file ({special_kind(info.st_mode)})")


def discover(paths: Iterable[str | Path]) -> Iterator[Found]:
    """Yield input files in a stable order, each once; what cannot be read is a Failure."""
    seen: set[Path] = set()
    for given in paths:
        for found in _named(str(given)):
            if not isinstance(found, Path):
                yield found
                continue
            key = found.resolve()
            if key not in seen:
                seen.add(key)
                yield found
