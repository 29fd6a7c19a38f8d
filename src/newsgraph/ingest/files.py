"""Bounded reads: no file, gzip member or line is read past the size of one article.

Sizes are checked while reading and decompressing, so a small gzip bomb never
expands in memory; FIFOs and other special files are never opened.
"""

from __future__ import annotations

import gzip
import stat
import zlib
from pathlib import Path
from typing import BinaryIO, Iterator

from newsgraph.ingest.decode import DecodeError

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024  # a single article larger than this is not an article
_CHUNK = 1024 * 1024
_MIB = 1024 * 1024


def check_regular(path: Path) -> None:
    """Raise DecodeError unless ``path`` is a regular file (reading a FIFO would block)."""
    mode = path.stat().st_mode
    if not stat.S_ISREG(mode):
        raise DecodeError(f"not a regular file ({special_kind(mode)})")


def special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def read_bounded(path: Path, gzipped: bool, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """The bytes of a one-article file, decompressed if gzipped; DecodeError past ``limit``."""
    check_regular(path)
    size = path.stat().st_size
    if size > limit:
        raise DecodeError(f"file too large for one article ({size // _MIB} MiB; the limit is {limit // _MIB} MiB)")
    if not gzipped:
        return path.read_bytes()
    data = bytearray()
    try:
        with gzip.open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                data += chunk
                if len(data) > limit:
                    raise DecodeError(f"decompressed file too large for one article (more than {limit // _MIB} MiB)")
    except (OSError, EOFError, zlib.error) as exc:
        raise DecodeError(f"truncated or corrupt gzip data ({exc})") from exc
    return bytes(data)


def open_stream(path: Path, gzipped: bool) -> BinaryIO:
    """A binary stream of the file's content (decompressed on the fly if gzipped)."""
    check_regular(path)
    return gzip.open(path, "rb") if gzipped else open(path, "rb")  # type: ignore[return-value]


def bounded_lines(handle: BinaryIO, limit: int = MAX_DOCUMENT_BYTES) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) for every line; a line longer than ``limit`` is skipped and given as None."""
    number = 0
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := handle.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line
