"""The Python API: the CLI's verbs as functions, for notebooks and scripts.

    >>> import newsgraph
    >>> analysis = newsgraph.process_text(open("article.txt").read())
    >>> analysis.quotes[0].speaker_entity
    >>> db = newsgraph.open_db("news.db")
    >>> db.ingest(["articles/"])
    >>> db.quotes(speaker="Kurt Campbell")
    >>> db.frame("quotes")  # a pandas DataFrame (pip install 'newsgraph[pandas]')
    >>> db.search('"North Korea" sanction*', what="quotes")
"""

from __future__ import annotations

import sqlite3
import warnings
from pathlib import Path
from typing import Any, Iterable

from newsgraph.ingest import Failure, Notice, read_text
from newsgraph.records import ArticleAnalysis, Comparison
from newsgraph.store import DEFAULT_DB, Store, queries


def process_text(text: str, *, html: bool = False, origin: str = "<text>", url: str | None = None,
                 outlet: str | None = None, published: str | None = None, title: str | None = None) -> ArticleAnalysis:
    """Run one article (plain text or HTML) through every per-article stage; nothing is stored.

    Raises TypeError for a text that is not a string, ValueError naming why an article failed.
    """
    from newsgraph.pipeline import analyse

    if not isinstance(text, str):
        raise TypeError(f"process_text takes the article as a str, not {type(text).__name__}")

    metadata = {k: v for k, v in (("url", url), ("outlet", outlet), ("published", published), ("title", title)) if v}
    raw = read_text(text, origin=origin, media_type="text/html" if html else "text/plain", metadata=metadata)
    result = analyse(raw)
    if isinstance(result, Failure):
        raise ValueError(f"{result.origin}: {result.reason}")
    return result


def process_file(path: str | Path) -> list[ArticleAnalysis]:
    """Every article a file holds (.txt, .html, .jsonl, .warc), analysed; bad records raise."""
    from newsgraph.ingest import read_path
    from newsgraph.pipeline import analyse

    results = []
    for item in read_path(Path(path)):
        if isinstance(item, Notice):
            warnings.warn(str(item), stacklevel=2)  # read in part (a cut record): said, not raised
            continue
        result = item if isinstance(item, Failure) else analyse(item)
        if isinstance(result, Failure):
            raise ValueError(f"{result.origin}: {result.reason}")
        results.append(result)
    return results


class Database:
    """A newsgraph SQLite database, read through the same query layer as the CLI."""

    def __init__(self, path: str | Path = DEFAULT_DB):
        self.store = Store(path)

    @property
    def conn(self) -> sqlite3.Connection:
        """The raw connection, e.g. for ``pandas.read_sql("SELECT * FROM quotes", db.conn)``."""
        return self.store.conn

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ingest(self, paths: Iterable[str | Path], workers: int | None = None, reprocess: bool = False) -> Any:
        """Ingest files, folders or globs; returns the run's IngestSummary."""
        from newsgraph.job import ingest_paths

        return ingest_paths(paths, self.store, workers=workers, reprocess=reprocess)

    def articles(self, outlet: str | None = None, story: str | None = None, limit: int | None = None) -> list[dict]:
        return list(queries.iter_articles(self.conn, outlet=outlet, story=story, limit=limit))

    def article(self, article_id: str) -> dict | None:
        full = queries.resolve_article_id(self.conn, article_id)
        return queries.get_article(self.conn, full) if full else None

    def analysis(self, article_id: str) -> ArticleAnalysis | None:
        """The stored records of one article as newsgraph record objects."""
        full = queries.resolve_article_id(self.conn, article_id)
        return queries.load_analysis(self.conn, full) if full else None

    def entities(self, name: str | None = None, type: str | None = None, limit: int | None = None) -> list[dict]:
        return list(queries.iter_entities(self.conn, type_=type, name=name, limit=limit))

    def quotes(self, speaker: str | None = None, limit: int | None = None) -> list[dict]:
        return list(queries.iter_quotes(self.conn, speaker=speaker, limit=limit))

    def search(self, query: str, what: str = "articles", outlet: str | None = None, since: str | None = None,
               until: str | None = None, limit: int | None = 20) -> list[dict]:
        """Articles or quotes matching ``query`` ("phrases", prefix*, OR, -word), best first, with snippets."""
        return queries.search(self.conn, query, what=what, outlet=outlet, since=since, until=until, limit=limit)

    def stories(self, min_size: int = 1, limit: int | None = None) -> list[dict]:
        return list(queries.iter_stories(self.conn, min_size=min_size, limit=limit))

    def story(self, story_id: str) -> dict | None:
        return queries.get_story(self.conn, story_id)

    def flags(self, limit: int | None = None) -> list[dict]:
        return list(queries.iter_flags(self.conn, limit=limit))

    def compare(self, story_id: str) -> Comparison | None:
        from newsgraph.corpus.compare import comparison_for_story

        story = queries.get_story(self.conn, story_id)
        return comparison_for_story(self.conn, story["id"]) if story else None

    def export(self, what: str, fmt: str | None = None, out: str | Path | None = None) -> int:
        """Write one export kind; the format follows ``out``'s extension unless ``fmt`` names one."""
        from newsgraph.interfaces.export import export

        return export(self.conn, what, fmt, Path(out) if out else None)

    def frame(self, what: str) -> Any:
        """One export kind ("quotes", "events", ...) as a pandas DataFrame, typed as the exports are:
        times as UTC datetimes (precision beside them), CAMEO codes as text, lists as lists.
        Needs the ``pandas`` extra."""
        from newsgraph.interfaces.tabular import to_frame

        return to_frame(self.conn, what)


def open_db(path: str | Path = DEFAULT_DB) -> Database:
    """Open (or create) a newsgraph database."""
    return Database(path)
