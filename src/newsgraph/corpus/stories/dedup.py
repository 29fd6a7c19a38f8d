"""Near-duplicates: syndicated wire copies and re-posts, linked to their original.

Exact re-ingests are already no-ops (same content hash). What is left are copies of one
text that differ in a few lines: another outlet's boilerplate, a trimmed last paragraph,
a changed byline. They are found with MinHash on word 3-shingles of the cleaned body and
locality-sensitive hashing (datasketch), so finding a copy costs a few index look-ups,
not a comparison with every stored article. The LSH bands live in the store
(``minhash_bands``) and each article's signature in ``article_minhash``, so new articles
are checked against everything stored before without rebuilding anything. The ingest
workers compute the signature (``signature_bytes``) and the store keeps it with the
article; only articles stored without one are signed here.

The original of a group of copies is its earliest article (published date, then the
order stored); every copy points at the original, never at another copy.
"""

from __future__ import annotations

import re
import sqlite3
import zlib
from dataclasses import dataclass
from typing import Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsgraph.store.sqlite import rows_in
from newsgraph.words import fold

JACCARD_THRESHOLD = 0.6  # a trimmed or re-wrapped copy keeps well over 60% of its shingles
NUM_PERM = 64
SHINGLE_WORDS = 3
MIN_WORDS = 40  # shorter bodies (headline-only records, briefs) say too little to call a copy
MAX_WORDS = 300  # a copy shares its start with the original; reading only that bounds the cost
BODY_CHARS = 3000
_MASK32 = np.uint64(0xFFFFFFFF)

_WORD = re.compile(r"\w+")
_LSH = MinHashLSH(threshold=JACCARD_THRESHOLD, num_perm=NUM_PERM)
BANDS, ROWS = _LSH.b, _LSH.r  # datasketch's choice of bands for this threshold
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=1)
_PERMUTATIONS = _TEMPLATE.permutations  # drawn once, not per article


@dataclass
class Copyable:
    """What dedup needs to know about an article."""

    id: str
    body: str
    published: str | None
    order: str  # tie-break after the published date: when it was stored, then id


def signature(body: str) -> np.ndarray | None:
    """MinHash signature of the start of a body's word 3-shingles, or None when it is too short.

    Each word is hashed once and a shingle's hash combines its three words' hashes, which
    is several times faster than hashing every shingle's text and finds the same copies.
    """
    tokens = _WORD.findall(fold(body[:BODY_CHARS]))[:MAX_WORDS]
    if len(tokens) < MIN_WORDS:
        return None
    words = np.fromiter((zlib.crc32(t.encode("utf-8")) for t in tokens), dtype=np.uint64, count=len(tokens))
    shingles = (words[:-2] * np.uint64(1_000_003) + words[1:-1] * np.uint64(8_191) + words[2:]) & _MASK32
    minhash = MinHash(num_perm=NUM_PERM, hashfunc=int, permutations=_PERMUTATIONS, scheme=_TEMPLATE.scheme)
    minhash.update_batch(shingles.tolist())
    return minhash.hashvalues.astype(np.uint32)


def signature_bytes(body: str) -> bytes | None:
    """The signature as stored (``article_minhash``): the ingest workers sign each body they
    analyse, so clustering a large backfill in the one main process does not have to."""
    sig = signature(body)
    return None if sig is None else sig.tobytes()


def signatures(conn: sqlite3.Connection, articles: Sequence[Copyable]) -> tuple[dict[str, np.ndarray], set[str]]:
    """Each article's signature (stored at ingest, else computed), and the ids computed here."""
    stored = {aid: np.frombuffer(blob, dtype=np.uint32)
              for aid, blob in rows_in(conn, "SELECT article, signature FROM article_minhash WHERE article IN ({marks})",
                                       sorted({a.id for a in articles}))
              if len(blob) == NUM_PERM * 4}
    sigs: dict[str, np.ndarray] = {}
    computed: set[str] = set()
    for a in articles:
        sig = stored.get(a.id)
        if sig is None and (sig := signature(a.body)) is not None:
            computed.add(a.id)
        if sig is not None:
            sigs[a.id] = sig
    return sigs, computed


def band_keys(sig: np.ndarray) -> list[int]:
    """One integer key per LSH band: articles sharing any key are candidate copies."""
    return band_keys_of([sig])[0]


def band_keys_of(sigs: Sequence[np.ndarray]) -> list[list[int]]:
    """``band_keys`` of many signatures in one array operation (a backfill has a hundred thousand)."""
    if not sigs:
        return []
    bands = np.stack(sigs)[:, : BANDS * ROWS].astype(np.uint64).reshape(len(sigs), BANDS, ROWS)
    keys = np.broadcast_to(np.arange(1, BANDS + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15),
                           (len(sigs), BANDS))
    for r in range(ROWS):
        keys = keys * np.uint64(0x100000001B3) + bands[:, :, r]
    return keys.view(np.int64).tolist()


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def _stored_matches(conn: sqlite3.Connection, keys: set[int]) -> set[str]:
    return {r[0] for r in rows_in(conn, "SELECT article FROM minhash_bands WHERE key IN ({marks})", sorted(keys))}


def _stored_articles(conn: sqlite3.Connection, ids: set[str]) -> dict[str, tuple[np.ndarray, str | None, str, str | None]]:
    """Signature, published, order and duplicate_of of stored articles."""
    return {row[0]: (np.frombuffer(row[1], dtype=np.uint32), row[2], f"{row[3]}\x00{row[0]}", row[4])
            for row in rows_in(conn, "SELECT m.article, m.signature, a.published, a.ingested_at, a.duplicate_of "
                                     "FROM article_minhash m JOIN articles a ON a.id = m.article "
                                     "WHERE m.article IN ({marks})", sorted(ids))}


def _dates(conn: sqlite3.Connection, ids: set[str]) -> dict[str, tuple[str | None, str]]:
    return {row[0]: (row[1], f"{row[2]}\x00{row[0]}")
            for row in rows_in(conn, "SELECT id, published, ingested_at FROM articles WHERE id IN ({marks})",
                               sorted(ids))}


def _earlier(a: tuple[str | None, str], b: tuple[str | None, str]) -> bool:
    """Is (published, order) a before b? Undated articles count as later than dated ones."""
    return ((a[0] is None, a[0] or "", a[1]) < (b[0] is None, b[0] or "", b[1]))


def link_duplicates(conn: sqlite3.Connection, articles: Sequence[Copyable]) -> dict[str, str]:
    """Find copies among the new articles and everything stored; write ``duplicate_of``.

    Returns new article id -> id of its original, for the new articles that are copies.
    """
    sigs, computed = signatures(conn, articles)
    if not sigs:
        return {}
    keys = dict(zip(sigs, band_keys_of(list(sigs.values()))))
    stored = _stored_articles(conn, _stored_matches(conn, {k for ks in keys.values() for k in ks}) - set(sigs))
    when = {a.id: (a.published, a.order) for a in articles}
    root: dict[str, str] = {sid: (dup or sid) for sid, (_, _, _, dup) in stored.items()}
    for sid, (_, published, order, _) in stored.items():
        when[sid] = (published, order)
    when.update(_dates(conn, set(root.values()) - set(when)))
    all_sigs = {**{sid: v[0] for sid, v in stored.items()}, **sigs}
    by_key: dict[int, list[str]] = {}
    for sid, sid_keys in zip(stored, band_keys_of([all_sigs[sid] for sid in stored])):
        for k in sid_keys:
            by_key.setdefault(k, []).append(sid)
    result: dict[str, str] = {}
    for a in sorted((a for a in articles if a.id in sigs), key=lambda a: (a.published is None, a.published or "", a.order)):
        matches = {other for k in keys[a.id] for other in by_key.get(k, ()) if other != a.id}
        matches = {m for m in matches if jaccard(sigs[a.id], all_sigs[m]) >= JACCARD_THRESHOLD}
        roots = {root.get(m, m) for m in matches}
        for k in keys[a.id]:
            by_key.setdefault(k, []).append(a.id)
        if not roots:
            root[a.id] = a.id
            continue
        original = min(roots, key=lambda r: (when[r][0] is None, when[r][0] or "", when[r][1]))
        if _earlier(when[a.id], when[original]):  # a backfilled article older than the stored original
            _repoint(conn, original, a.id)
            for r in [r for r, v in root.items() if v == original]:
                root[r] = a.id
            root[a.id] = a.id
            continue
        root[a.id] = original
        result[a.id] = original
    result = {aid: root.get(original, original) for aid, original in result.items()}
    conn.executemany("UPDATE articles SET duplicate_of = ? WHERE id = ?", [(o, a) for a, o in result.items()])
    conn.executemany("INSERT OR REPLACE INTO article_minhash (article, signature) VALUES (?, ?)",
                     [(aid, sigs[aid].tobytes()) for aid in sorted(computed)])
    conn.executemany("INSERT OR IGNORE INTO minhash_bands (key, article) VALUES (?, ?)",
                     [(k, aid) for aid, ks in keys.items() for k in ks])
    return result


def _repoint(conn: sqlite3.Connection, old_root: str, new_root: str) -> None:
    conn.execute("UPDATE articles SET duplicate_of = ? WHERE duplicate_of = ? OR id = ?", (new_root, old_root, old_root))
