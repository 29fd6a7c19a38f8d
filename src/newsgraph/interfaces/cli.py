"""The ``newsgraph`` command: ingest a folder of articles, then browse, compare and export."""

from __future__ import annotations

import json
import sqlite3
import sys
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any, Iterator, NoReturn, Optional

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from newsgraph import __version__
from newsgraph.interfaces import report
from newsgraph.store import (
    DB_UNUSABLE,
    DEFAULT_DB,
    WRITE_FAILED,
    Store,
    StoreError,
    classify,
    queries,
)
from newsgraph.store.explore import is_day
from newsgraph.store.postgres import is_postgres

app = typer.Typer(
    help="Turn news articles from many outlets into a source-attributed knowledge base (SQLite).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
errors = Console(stderr=True, soft_wrap=True)

DbOption = typer.Option(DEFAULT_DB, "--db", envvar="NEWSGRAPH_DB",
                        help="SQLite database written by `newsgraph ingest` (it must exist), or a postgresql:// URL.")
IngestDbOption = typer.Option(DEFAULT_DB, "--db", envvar="NEWSGRAPH_DB", help="SQLite database file (created if missing), or a postgresql:// URL.")
JsonOption = typer.Option(False, "--json", help="Print JSON Lines instead of a table.")
LimitOption = typer.Option(50, "--limit", "-n", min=0, help="At most this many rows (0 for all).")

# Exit codes (the README lists them): 0 all stored; 1 some inputs failed, the rest stored;
# 2 a wrong argument; 3 the database cannot be used; 4 a write failed mid-run (disk full);
# 130 interrupted.
USAGE_ERROR = 2
INTERRUPTED = 130


def say_error(message: str) -> None:
    """One line on stderr, printed verbatim: file names such as "report [draft].txt" are not markup."""
    errors.print(Text.assemble(("error: ", "red"), message), highlight=False, soft_wrap=True)


def fail(message: str, code: int = USAGE_ERROR) -> NoReturn:
    say_error(message)
    raise typer.Exit(code)


@contextmanager
def _open(db: str, must_exist: bool = True, readonly: bool = True) -> Iterator[Store]:
    """The store for one command; a database that cannot be used ends it with one line."""
    if must_exist and not is_postgres(db) and not Path(db).exists():
        fail(f"{db}: no such database; run `newsgraph ingest PATH --db {db}` first")
    try:
        store = Store(db, readonly=readonly)
    except StoreError as exc:
        fail(str(exc), exc.exit_code)
    try:
        yield store
    except sqlite3.DatabaseError as exc:  # corruption met in the middle of a read
        error = classify(exc, db)
        fail(str(error) if error else f"{db}: {exc}", error.exit_code if error else DB_UNUSABLE)
    finally:
        store.close()


def _resolve(store: Store, typed: str, kinds: tuple[str, ...]) -> tuple[str, str]:
    """(kind, full id) from an id or any unique start of one; a clear error otherwise."""
    try:
        return queries.resolve_id(store.conn, typed, kinds)
    except queries.IdError as exc:
        fail(str(exc))


def _print_json(rows: Any) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


def _limit(n: int) -> int | None:
    return n or None


def _print_version(value: bool) -> None:
    if value:
        console.print(f"newsgraph {__version__}", highlight=False)
        raise typer.Exit()


@app.callback()
def main_options(version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                              help="Print the version and exit.")) -> None:
    """Turn news articles from many outlets into a source-attributed knowledge base (SQLite)."""


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders or globs: .txt, .html/.htm, .jsonl, .warc (also .gz)."),
    db: str = IngestDbOption,
    workers: int = typer.Option(0, "--workers", "-w", min=0, help="Worker processes (0: one per core, at most 4)."),
    batch_size: int = typer.Option(8, "--batch-size", min=1, help="Articles per worker task and per store transaction."),
    reprocess: bool = typer.Option(False, "--reprocess", help="Analyse stored articles again and replace their records."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar; errors and the summary only."),
    cluster: Optional[str] = typer.Option(None, "--cluster", help="Run the per-article work on Dask: "
                                          "tcp://scheduler:8786, or local:N for N local worker processes."),
) -> None:
    """Read articles, extract everything, store it, and group articles into stories."""
    if cluster:
        from newsgraph.cluster import parse_address

        try:
            parse_address(cluster)
        except ValueError as exc:
            fail(str(exc))
    summary = run_ingest(paths, db, workers, batch_size, reprocess, quiet, cluster)
    report.print_summary(console, summary, db)
    raise typer.Exit(0 if summary.ok else 1)


def run_ingest(paths: list[str], db: str, workers: int, batch_size: int, reprocess: bool, quiet: bool,  # noqa: ANN201
               cluster: str | None = None):
    """Run the ingest job with a progress bar on stderr; return its summary."""
    with _open(db, must_exist=False, readonly=False) as store:  # a database it cannot use: said at once
        return _ingest_with_progress(store, paths, db, workers, batch_size, reprocess, quiet, cluster)


def _ingest_with_progress(store: Store, paths: list[str], db: str, workers: int, batch_size: int, reprocess: bool,
                          quiet: bool, cluster: str | None = None):  # noqa: ANN201
    from newsgraph.job import count_documents, ingest_paths  # spaCy loads here, not for --help

    total = count_documents(paths)
    with Progress(
        SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[status]}"), TimeElapsedColumn(), console=errors, disable=quiet,
        transient=False,
    ) as progress:
        if store.backup:
            progress.console.print(Text(f"{db}: migrated to this version's schema; the old file is kept as "
                                        f"{store.backup}"))
        task = progress.add_task("ingest", total=total, status="")
        counts = {"stored": 0, "reanalysed": 0, "unchanged": 0, "failed": 0}

        def on_progress(event: str, payload: object) -> None:
            if event == "failed":
                progress.console.print(Text.assemble(("error: ", "red"), str(payload)), highlight=False,
                                       soft_wrap=True)
            if event == "warning":
                progress.console.print(Text.assemble(("warning: ", "yellow"), str(payload)), highlight=False,
                                       soft_wrap=True)
                return
            if event == "corpus":
                progress.update(task, description="stories")
                return
            counts[event] = counts.get(event, 0) + 1
            again = f"{counts['reanalysed']} re-analysed, " if counts["reanalysed"] else ""
            progress.update(task, advance=1, status=f"{counts['stored']} new, {again}{counts['unchanged']} unchanged, "
                                                     f"{counts['failed']} failed")

        try:
            return ingest_paths(paths, store, workers=workers or None, batch_size=batch_size,
                                on_progress=on_progress, reprocess=reprocess, cluster=cluster)
        except StoreError as exc:
            progress.stop()
            fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            progress.stop()
            fail("interrupted; what was stored is kept, and the same command again finishes the rest",
                 INTERRUPTED)


@app.command()
def demo(db: Path = typer.Option(Path("newsgraph-demo.db"), "--db", help="Where to write the demo database.")) -> None:
    """Ingest the two bundled example articles and print the full report."""
    from newsgraph.examples import example_paths

    paths = [str(p) for p in example_paths()]
    summary = run_ingest(paths, db, 1, 16, False, False)
    report.print_summary(console, summary, db)
    with Store(db) as store:
        report.print_report(console, store.conn)
    raise typer.Exit(0 if summary.ok else 1)


@app.command("report")
def report_command(db: str = DbOption) -> None:
    """A readable overview: stories with their comparison and flags, people, quotes."""
    with _open(db) as store:
        report.print_report(console, store.conn)


@app.command()
def articles(db: str = DbOption, outlet: Optional[str] = typer.Option(None, help="Only this outlet."),
             story: Optional[str] = typer.Option(None, help="Only this story (its id or the start of it)."),
             limit: int = LimitOption, as_json: bool = JsonOption) -> None:
    """List stored articles."""
    with _open(db) as store:
        story_id = _resolve(store, story, ("story",))[1] if story is not None else None
        rows = queries.iter_articles(store.conn, outlet=outlet, story=story_id, limit=_limit(limit))
        _print_json(rows) if as_json else report.print_articles(console, list(rows))


@app.command()
def show(item: str = typer.Argument(..., help="An article id or story id (a unique prefix is enough)."),
         db: str = DbOption, raw: bool = typer.Option(False, "--raw", help="Also show the lines removed as boilerplate."),
         as_json: bool = JsonOption) -> None:
    """Show one article with everything found in it, or one story with its articles."""
    with _open(db) as store:
        kind, full = _resolve(store, item, ("article", "story"))
        if kind == "article":
            article = queries.get_article(store.conn, full)
            _print_json([article]) if as_json else report.print_article(console, article, raw=raw)
        else:
            story = queries.get_story(store.conn, full)
            _print_json([story]) if as_json else report.print_story(console, story)


@app.command()
def compare(story: str = typer.Argument(..., help="A story id (a unique start of one is enough)."),
            db: str = DbOption, as_json: bool = JsonOption) -> None:
    """What each outlet of one story reports, adds, omits or contradicts, and whom it quotes and cites."""
    from newsgraph.corpus.compare import comparison_for_story

    with _open(db) as store:
        _, full = _resolve(store, story, ("story",))
        found = queries.get_story(store.conn, full)
        comparison = comparison_for_story(store.conn, full)
        if as_json:
            _print_json([{"story": full, "articles": found["articles"], "outlets": found["outlets"],
                          "comparison": asdict(comparison) if comparison else None}])
            return
        report.print_story(console, found)
        if comparison is None:
            console.print("Only one article in this story: nothing to compare.")
            return
        report.print_comparison_record(console, comparison, {m["id"]: m["outlet"] for m in found["members"]
                                                             if m["outlet"]})


@app.command()
def citations(db: str = DbOption,
              article: Optional[str] = typer.Option(None, "--article", help="Only this article (its id or the start of it)."),
              cited: Optional[str] = typer.Option(None, "--cited", help="Only sources whose name contains this (any case)."),
              limit: int = LimitOption, as_json: bool = JsonOption) -> None:
    """Sources the articles cite (outlets, people, documents), with the sentence that cites them."""
    with _open(db) as store:
        article_id = _resolve(store, article, ("article",))[1] if article is not None else None
        rows = list(queries.iter_citations(store.conn, article=article_id, cited=cited, limit=_limit(limit)))
        _print_json(rows) if as_json else report.print_citations(console, rows)


@app.command()
def entities(db: str = DbOption, type_: Optional[str] = typer.Option(None, "--type", help="PERSON, ORG, GPE, ..."),
             name: Optional[str] = typer.Option(None, "--name", help="Only entities called this (name or alias, any "
                                                 "case); with no such name, those whose name contains it."),
             limit: int = LimitOption, as_json: bool = JsonOption) -> None:
    """People, organisations and places, with aliases and roles."""
    with _open(db) as store:
        rows = list(queries.iter_entities(store.conn, type_=type_, name=name, limit=_limit(limit)))
        _print_json(rows) if as_json else report.print_entities(console, rows)


@app.command()
def quotes(db: str = DbOption,
           speaker: Optional[str] = typer.Option(None, "--speaker", help="Only this speaker (name or alias, any case; "
                                                 "with no such name, those whose name contains it)."),
           article: Optional[str] = typer.Option(None, "--article", help="Only this article (its id or the start of it)."),
           limit: int = LimitOption, as_json: bool = JsonOption) -> None:
    """Who said what, with outlet and date."""
    with _open(db) as store:
        article_id = _resolve(store, article, ("article",))[1] if article is not None else None
        rows = list(queries.iter_quotes(store.conn, speaker=speaker, article=article_id, limit=_limit(limit)))
        _print_json(rows) if as_json else report.print_quotes(console, rows)


@app.command()
def search(query: str = typer.Argument(..., help='Words, "a phrase", prefix*, OR, -word (to leave out).'),
           db: str = DbOption,
           what: str = typer.Option("articles", "--what", help=f"One of: {', '.join(queries.SEARCH_KINDS)}."),
           outlet: Optional[str] = typer.Option(None, "--outlet", help="Only this outlet (its name)."),
           since: Optional[str] = typer.Option(None, "--since", help="Published on or after this day (YYYY-MM-DD)."),
           until: Optional[str] = typer.Option(None, "--until", help="Published on or before this day (YYYY-MM-DD)."),
           limit: int = LimitOption, as_json: bool = JsonOption) -> None:
    """Full-text search over articles or quotes, best match first, matches highlighted."""
    with _open(db) as store:
        try:
            rows = queries.search(store.conn, query, what=what, outlet=outlet, since=since, until=until,
                                  limit=_limit(limit))
            total = queries.search_count(store.conn, query, what=what, outlet=outlet, since=since, until=until)
        except ValueError as exc:
            fail(str(exc))
        _print_json(rows) if as_json else report.print_search(console, rows, what, total)


@app.command()
def events(db: str = DbOption,
           actor: Optional[str] = typer.Option(None, "--actor", help="Source: a name, the text as written, or a "
                                               "CAMEO actor code prefix (RUS, USAGOV)."),
           target: Optional[str] = typer.Option(None, "--target", help="Target, as for --actor."),
           code: Optional[str] = typer.Option(None, "--code", help="CAMEO code or root prefix: 19, 042, 1723."),
           date_from: Optional[str] = typer.Option(None, "--from", help="From this day (YYYY-MM-DD), by the event's "
                                                   "date, else its article's."),
           date_to: Optional[str] = typer.Option(None, "--to", help="Up to this day (YYYY-MM-DD)."),
           story: Optional[str] = typer.Option(None, "--story", help="Only events of this story (id or prefix)."),
           limit: int = LimitOption, as_json: bool = JsonOption) -> None:
    """Who did what to whom: CAMEO-coded events with actors, codes, dates and evidence."""
    for label, value in (("--from", date_from), ("--to", date_to)):
        if value and not is_day(value):
            fail(f"{label} wants a day as YYYY-MM-DD, not {value!r}")
    if code and not code.isdigit():
        fail(f"--code wants a CAMEO code or root such as 19 or 042, not {code!r}")
    with _open(db) as store:
        rows = list(queries.iter_events(store.conn, actor=actor, target=target, code=code, date_from=date_from,
                                        date_to=date_to, story=story, limit=_limit(limit)))
        _print_json(rows) if as_json else report.print_events(console, rows)


@app.command()
def stories(db: str = DbOption, min_size: int = typer.Option(1, "--min-size", help="Only stories with this many articles."),
            limit: int = LimitOption, as_json: bool = JsonOption) -> None:
    """Stories: the same news across outlets."""
    with _open(db) as store:
        rows = list(queries.iter_stories(store.conn, min_size=min_size, limit=_limit(limit)))
        _print_json(rows) if as_json else report.print_stories(console, rows)


@app.command()
def flags(db: str = DbOption, limit: int = LimitOption, as_json: bool = JsonOption) -> None:
    """Statements that cannot be right, most certain first."""
    with _open(db) as store:
        rows = list(queries.iter_flags(store.conn, limit=_limit(limit)))
        _print_json(rows) if as_json else report.print_flags(console, rows)


@app.command()
def export(db: str = DbOption,
           what: str = typer.Option("articles", "--what", help=f"One of: {', '.join(queries.EXPORT_KINDS)}."),
           fmt: Optional[str] = typer.Option(None, "--format", help="jsonl, csv, parquet, graphml (the whole graph) or "
                                             "sqlite (a copy of the store). Default: from --out's extension, else jsonl."),
           out: Optional[Path] = typer.Option(None, "--out", "-o", help="Output file (default: standard output)."),
           story: Optional[str] = typer.Option(None, "--story", help="With --format sqlite: only this story."),
           outlet: Optional[str] = typer.Option(None, "--outlet", help="With --format sqlite: only this outlet."),
           since: Optional[str] = typer.Option(None, "--since", help="With --format sqlite: published on or after "
                                               "this day (YYYY-MM-DD)."),
           until: Optional[str] = typer.Option(None, "--until", help="With --format sqlite: published on or before "
                                               "this day.")) -> None:
    """Export records for other tools, following the export contract.

    ``--format sqlite --out x.db`` copies the store (a PostgreSQL one, say), or one story,
    outlet or date range of it, into a SQLite file that opens in Datasette.
    """
    from newsgraph.interfaces.export import export as run_export
    from newsgraph.interfaces.export import format_for

    if fmt == "sqlite" or (fmt is None and out is not None and out.suffix in SQLITE_SUFFIXES):
        export_sqlite(db, out, story, outlet, since, until)
        return
    try:
        fmt = format_for(out, fmt)
    except ValueError as exc:
        fail(str(exc))
    if out is not None and (out.is_dir() or not out.parent.is_dir()):
        fail(f"{out}: {'is a folder' if out.is_dir() else f'the folder {out.parent} does not exist'}")
    with _open(db) as store:
        try:
            count = run_export(store.conn, what, fmt, out, stdout=sys.stdout)
        except ValueError as exc:
            fail(str(exc))
        except OSError as exc:
            fail(f"{out}: cannot write ({exc.strerror or exc})", WRITE_FAILED)
    if out:
        errors.print(Text(f"wrote {count} {'nodes' if fmt == 'graphml' else what} to {out}"))


SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")


def export_sqlite(db: str, out: Optional[Path], story: Optional[str], outlet: Optional[str], since: Optional[str],
                  until: Optional[str]) -> None:
    """A SQLite copy of the store or of one part of it (``--format sqlite``)."""
    from newsgraph.store.copy import copy_store

    if out is None:
        fail("--format sqlite needs --out FILE.db")
    if out.exists():
        fail(f"{out} exists; choose a new file (a copy never overwrites a database)")
    if not out.parent.is_dir():
        fail(f"{out}: the folder {out.parent} does not exist")
    with _open(db) as store:
        if story:
            story = _resolve(store, story, ("story",))[1]
        try:
            copied = copy_store(store.conn, out, story=story, outlet=outlet, since=since, until=until)
        except ValueError as exc:
            fail(str(exc))
        except OSError as exc:
            fail(f"{out}: cannot write ({exc.strerror or exc})", WRITE_FAILED)
    errors.print(Text(f"wrote {copied['articles']} articles and their records to {out}"))


@app.command("datasette-metadata")
def datasette_metadata(
        db: Path = typer.Option(DEFAULT_DB, "--db", envvar="NEWSGRAPH_DB",
                                help="The database the metadata is for (Datasette names it by its file name)."),
        write: bool = typer.Option(False, "--write", help="Write metadata.json beside the database instead of "
                                                          "printing it (then `datasette FOLDER` finds it).")) -> None:
    """Datasette metadata: every table and column described, internal tables hidden.

    `newsgraph datasette-metadata --db news.db > metadata.json`, then `datasette news.db -m metadata.json`.
    """
    from newsgraph.interfaces.datasette import SOURCE, metadata

    text = json.dumps(metadata(db), ensure_ascii=False, indent=2) + "\n"
    if not write:
        sys.stdout.write(text)
        return
    target = Path(db).parent / "metadata.json"
    if not Path(db).parent.is_dir():
        fail(f"{db}: the folder {Path(db).parent} does not exist")
    if target.exists() and f'"source": "{SOURCE}"' not in target.read_text(encoding="utf-8", errors="replace"):
        fail(f"{target} exists and was not written by newsgraph; print the metadata instead and merge it")
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"{target}: cannot write ({exc.strerror or exc})", WRITE_FAILED)
    errors.print(Text(f"wrote {target}"))


@app.command()
def serve(db: str = DbOption, host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
          port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
          allowed_host: list[str] = typer.Option(
              [], "--allowed-host", help="A Host name the server answers (repeatable; default: the --host address, "
                                         "and localhost when that is a loopback address).")) -> None:
    """Serve a web page per story (outlets compared side by side), per article, and a JSON API (read-only)."""
    import uvicorn

    from newsgraph.interfaces.web import create_app

    with _open(db):
        pass
    try:
        web_app = create_app(db, allowed_hosts=allowed_host or None, bind_host=host)
    except StoreError as exc:
        fail(str(exc), exc.exit_code)
    errors.print(Text(f"newsgraph on http://{host}:{port}/ (JSON API under /api, docs at /docs); Ctrl+C stops it"))
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


@app.command()
def migrate(db: str = DbOption) -> None:
    """Bring a database written by an older newsgraph up to this version's schema (a backup is kept)."""
    from newsgraph.store import SCHEMA_VERSION

    if not is_postgres(db) and not Path(db).exists():
        fail(f"{db}: no such database")
    with _open(db, readonly=False) as store:
        backup = getattr(store, "backup", None)
    errors.print(Text(f"{db}: schema version {SCHEMA_VERSION}" + (f"; the old file is kept as {backup}" if backup else
                                                                   " (nothing to do)")))


def main() -> None:  # pragma: no cover - console entry point
    app()
