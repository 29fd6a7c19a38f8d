"""Story embeddings: one sentence embedding per article, computed at ingest and stored.

Embedding an article's summary costs ~45 ms on one core (~10 ms a bare headline): far
too much for a 100k backfill inside ``update_stories``, in the one main process. So the
ingest workers embed each batch they analyse (``attach``, one model call a batch) and
the store keeps the vector beside the article (``article_embeddings``); clustering reads
it back (``read``) and embeds in the main process only articles that have none (older
databases, articles stored by other paths) or one made by another model.

Worker and fallback embed exactly the same text, ``story_summary``. Vectors are stored as
unit-length float16, little-endian (384 dimensions: 768 bytes an article), with ``MODEL``,
which names the model and the text recipe: change either and stored vectors stop
matching, so they are recomputed rather than mixed with new ones.

Importing this module loads no model: workers without embeddings never pay for one.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from typing import Iterable, Sequence

import numpy as np

from newsgraph.annotate import embeddings
from newsgraph.records import ArticleAnalysis, Embedding
from newsgraph.store.sqlite import rows_in

EMBED_WORDS = 60  # the embedding reads the headline and the start of the lead or body
MODEL = f"{embeddings.MODEL}:headline+{EMBED_WORDS}w"
DTYPE = np.dtype("<f2")  # float16 little-endian: 300k articles in ~230 MB, cosines off by ~1e-4

_WORD = re.compile(r"\S+")
log = logging.getLogger(__name__)


def first_words(text: str, limit: int) -> str:
    """The first ``limit`` white-space separated words (bounded: reads at most ~12 characters a word)."""
    return " ".join(_WORD.findall(text[: limit * 12])[:limit])


def count_words(text: str, limit: int) -> int:
    """How many words ``first_words(text, limit)`` keeps, without joining them."""
    return min(len(_WORD.findall(text[: limit * 12])), limit)


def story_summary(title: str | None, lead: str | None, body: str | None) -> str:
    """What the sentence embedding reads: headline, then the start of the lead or body."""
    rest = first_words(lead or body or "", EMBED_WORDS)
    title = title or ""
    return f"{title}. {rest}" if title and rest else (title or rest)


def to_blob(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=DTYPE).tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    """A stored vector as float32, unit length again after float16 rounding."""
    vector = np.frombuffer(blob, dtype=DTYPE).astype(np.float32)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def attach(analyses: Sequence[ArticleAnalysis]) -> None:
    """Set each analysis's ``story_embedding`` (one model call); leave None if embeddings are off or fail.

    An article must never fail for its embedding: clustering embeds it later if need be.
    """
    if not analyses:
        return
    try:
        if not embeddings.available():
            return
        texts = [story_summary(a.article.title, a.article.lead, a.article.body) for a in analyses]
        vectors = embeddings.embed(texts)
    except Exception as exc:  # noqa: BLE001 - a model error costs the vector, not the article
        log.warning("story embeddings failed for %d articles: %s: %s", len(analyses), type(exc).__name__, exc)
        return
    for analysis, vector in zip(analyses, vectors):
        analysis.story_embedding = Embedding(MODEL, to_blob(vector))


def read(conn: sqlite3.Connection, article_ids: Iterable[str]) -> dict[str, np.ndarray]:
    """Stored vectors made by ``MODEL`` for these articles, as unit float32; others are absent."""
    rows = rows_in(conn, "SELECT article, vector FROM article_embeddings WHERE article IN ({marks}) AND model = ?",
                   sorted(set(article_ids)), MODEL)
    return {article: from_blob(blob) for article, blob in rows if len(blob) == embeddings.DIMENSIONS * DTYPE.itemsize}


def write(conn: sqlite3.Connection, vectors: dict[str, np.ndarray]) -> None:
    """Store vectors computed outside ingest, so the next clustering of these articles reads them."""
    conn.executemany("INSERT INTO article_embeddings (article, model, vector) VALUES (?, ?, ?) "
                     "ON CONFLICT (article) DO UPDATE SET model = excluded.model, vector = excluded.vector",
                     [(article, MODEL, to_blob(v)) for article, v in sorted(vectors.items())])
