"""The ``newsgraph`` command: ingest a folder of articles, then browse, compare and export."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from newsgraph.interfaces import report
from newsgraph.store import DEFAULT_DB, Store, queries

app = typer.Typer(
    help="Turn news articles from many outlets into a source-attributed knowledge base (SQLite).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
errors = Console(stderr=True, soft_wrap=True)

DbOption = typer.Option(DEFAULT_DB, "--db", envvar="NEWSGRAPH_DB", help="SQLite database file (created if missing).")
JsonOption = typer.Option(False, "--json", help="Print JSON Lines instead of a table.")
LimitOption = typer.Option(50, "--limit", "-n", help="At most this many rows (0 for all).")


def _open(db: Path, must_exist: bool = True) -> Store:
    if must_exist and not Path(db).exists():
        errors.print(f"[red]error:[/] {db}: no such database; run `newsgraph ingest PATH --db {db}` first")
        raise typer.Exit(2)
    return Store(db)


def _print_json(rows: Any) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


def _limit(n: int) -> int | None:
    return n or None


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders or globs: .txt, .html/.htm, .jsonl, .warc (also .gz)."),
    db: Path = DbOption,
    workers: int = typer.Option(0, "--workers", "-w", help="Worker processes (0: one per core, at most 4)."),
    batch_size: int = typer.Option(16, "--batch-size", help="Articles per spaCy batch."),
    reprocess: bool = typer.Option(False, "--reprocess", help="Analyse stored articles again and replace their records."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar; errors and the summary only."),
) -> None:
    """Read articles, extract everything, store it, and group articles into stories."""
    summary = run_ingest(paths, db, workers, batch_size, reprocess, quiet)
    report.print_summary(console, summary, db)
    raise typer.Exit(0 if summary.ok else 1)


def run_ingest(paths: list[str], db: Path, workers: int, batch_size: int, reprocess: bool, quiet: bool):  # noqa: ANN201
    """Run the ingest job with a progress bar on stderr; return its summary."""
    from newsgraph.job import (  # spaCy loads here, not for --help
        count_documents,
        ingest_paths,
    )

    total = count_documents(paths)
    with Store(db) as store, Progress(
        SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[status]}"), TimeElapsedColumn(), console=errors, disable=quiet,
        transient=False,
    ) as progress:
        task = progress.add_task("ingest", total=total, status="")
        counts = {"stored": 0, "unchanged": 0, "failed": 0}

        def on_progress(event: str, payload: object) -> None:
            if event == "failed":
                progress.console.print(f"[red]error:[/] {payload}", markup=True, highlight=False, soft_wrap=True)
            if event == "corpus":
                progress.update(task, description="stories")
                return
            counts[event] = counts.get(event, 0) + 1
            progress.update(task, advance=1, status=f"{counts['stored']} new, {counts['unchanged']} unchanged, "
                                                     f"{counts['failed']} failed")

        return ingest_paths(paths, store, workers=workers or None, batch_size=batch_size,
                            on_progress=on_progress, reprocess=reprocess)


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
def report_command(db: Path = DbOption) -> None:
    """A readable overview: stories with their comparison and flags, people, quotes."""
    with _open(db) as store:
        report.print_report(console, store.conn)


@app.command()
def articles(db: Path = DbOption, outlet: Optional[str] = typer.Option(None, help="Only this outlet."),
             story: Optional[str] = typer.Option(None, help="Only this story id."),
             limit: int = LimitOption, as_json: bool = JsonOption) -> None:
    """List stored articles."""
    with _open(db) as store:
        rows = queries.iter_articles(store.conn, outlet=outlet, story=story, limit=_limit(limit))
        _print_json(rows) if as_json else report.print_articles(console, list(rows))


@app.command()
def show(item: str = typer.Argument(..., help="An article id or story id (a unique prefix is enough)."),
         db: Path = DbOption, raw: bool = typer.Option(False, "--raw", help="Also show the lines removed as boilerplate."),
         as_json: bool = JsonOption) -> None:
    """Show one article with everything found in it, or one story with its articles."""
    with _open(db) as store:
        article_id = queries.resolve_article_id(store.conn, item)
        if article_id:
            article = queries.get_article(store.conn, article_id)
            _print_json([article]) if as_json else report.print_article(console, article, raw=raw)
            return
        story = queries.get_story(store.conn, item)
        if story:
            _print_json([story]) if as_json else report.print_story(console, story)
            return
    errors.print(f"[red]error:[/] no article or story matches {item!r} (or the prefix is ambiguous)")
    raise typer.Exit(2)


@app.command()
def entities(db: Path = DbOption, type_: Optional[str] = typer.Option(None, "--type", help="PERSON, ORG, GPE, ..."),
             name: Optional[str] = typer.Option(None, "--name", help="Only the entity called this (name or alias)."),
             limit: int = LimitOption, as_json: bool = JsonOption) -> None:
    """People, organisations and places, with aliases and roles."""
    with _open(db) as store:
        rows = list(queries.iter_entities(store.conn, type_=type_, name=name, limit=_limit(limit)))
        _print_json(rows) if as_json else report.print_entities(console, rows)


@app.command()
def quotes(db: Path = DbOption, speaker: Optional[str] = typer.Option(None, "--speaker", help="Only this speaker (name or alias)."),
           limit: int = LimitOption, as_json: bool = JsonOption) -> None:
    """Who said what, with outlet and date."""
    with _open(db) as store:
        rows = list(queries.iter_quotes(store.conn, speaker=speaker, limit=_limit(limit)))
        _print_json(rows) if as_json else report.print_quotes(console, rows)


@app.command()
def search(query: str = typer.Argument(..., help='Words, "a phrase", prefix*, OR, -word (to leave out).'),
           db: Path = DbOption,
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
            errors.print(f"[red]error:[/] {escape(str(exc))}")
            raise typer.Exit(2)
        _print_json(rows) if as_json else report.print_search(console, rows, what, total)


@app.command()
def stories(db: Path = DbOption, min_size: int = typer.Option(1, "--min-size", help="Only stories with this many articles."),
            limit: int = LimitOption, as_json: bool = JsonOption) -> None:
    """Stories: the same news across outlets."""
    with _open(db) as store:
        rows = list(queries.iter_stories(store.conn, min_size=min_size, limit=_limit(limit)))
        _print_json(rows) if as_json else report.print_stories(console, rows)


@app.command()
def flags(db: Path = DbOption, limit: int = LimitOption, as_json: bool = JsonOption) -> None:
    """Statements that cannot be right, most certain first."""
    with _open(db) as store:
        rows = list(queries.iter_flags(store.conn, limit=_limit(limit)))
        _print_json(rows) if as_json else report.print_flags(console, rows)


@app.command()
def export(db: Path = DbOption,
           what: str = typer.Option("articles", "--what", help=f"One of: {', '.join(queries.EXPORT_KINDS)}."),
           fmt: str = typer.Option("jsonl", "--format", help="jsonl, csv, parquet or graphml (graphml: the whole graph)."),
           out: Optional[Path] = typer.Option(None, "--out", "-o", help="Output file (default: standard output).")) -> None:
    """Export records for other tools, following the export contract."""
    from newsgraph.interfaces.export import export as run_export

    with _open(db) as store:
        try:
            count = run_export(store.conn, what, fmt, out, stdout=sys.stdout)
        except ValueError as exc:
            errors.print(f"[red]error:[/] {exc}")
            raise typer.Exit(2)
    if out:
        errors.print(f"wrote {count} {'nodes' if fmt == 'graphml' else what} to {out}")


@app.command()
def serve(db: Path = DbOption, host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
          port: int = typer.Option(8000, help="Port to listen on.")) -> None:
    """Serve a web page per story (outlets compared side by side), per article, and a JSON API."""
    import uvicorn

    from newsgraph.interfaces.web import create_app

    _open(db).close()
    errors.print(f"newsgraph on http://{host}:{port}/ (JSON API under /api, docs at /docs); Ctrl+C stops it")
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


def main() -> None:  # pragma: no cover - console entry point
    app()
