"""The web UI and JSON API: a page per story comparing its outlets, a page per article.

Server-rendered HTML (Jinja2) so pages work without JavaScript and can be saved or
printed as evidence; every JSON endpoint returns the same rows as the CLI's ``--json``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from newsgraph.interfaces.websecurity import default_hosts, limit_query, secure
from newsgraph.store import connect, queries

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


def highlight_segments(text: str, spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cut ``text`` into plain and highlighted pieces; overlapping spans keep the first."""
    pieces: list[dict[str, Any]] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: (s["start"], -s["end"])):
        if span["start"] < cursor:
            continue
        if span["start"] > cursor:
            pieces.append({"text": text[cursor:span["start"]]})
        pieces.append({"text": text[span["start"]:span["end"]], "kind": span["kind"], "title": span.get("title", "")})
        cursor = span["end"]
    if cursor < len(text):
        pieces.append({"text": text[cursor:]})
    return pieces


def create_app(db_path: str | Path, allowed_hosts: list[str] | None = None,
               bind_host: str = "127.0.0.1") -> FastAPI:
    """A FastAPI app reading one newsgraph database, read-only: it never writes or creates.

    ``allowed_hosts``: the Host names it answers (default: the bind address). Raises
    StoreError if the file cannot be used.
    """
    db_path = Path(db_path)
    connect(db_path, readonly=True).close()  # checked once: exists, SQLite, intact, this schema version
    app = FastAPI(title="newsgraph", description="Stories, articles, quotes and flags from a newsgraph database.")
    secure(app, allowed_hosts or default_hosts(bind_host))

    def with_conn(fn: Any) -> Any:
        """Run ``fn`` with a read-only connection of its own (requests may run on several threads)."""
        conn = connect(db_path, readonly=True, check=False)
        try:
            return fn(conn)
        finally:
            conn.close()

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request) -> HTMLResponse:
        stories = with_conn(lambda c: list(queries.iter_stories(c, limit=500)))
        counts = with_conn(lambda c: queries.counts(c, ("articles", "stories", "quotes", "flags")))
        return TEMPLATES.TemplateResponse(request, "index.html", {"stories": stories, "counts": counts})

    @app.get("/story/{story_id}", response_class=HTMLResponse)
    def story_page(request: Request, story_id: str) -> HTMLResponse:
        def load(conn: sqlite3.Connection) -> dict[str, Any]:
            from newsgraph.corpus.compare import comparison_for_story

            story = queries.get_story(conn, story_id)
            if story is None:
                raise HTTPException(404, f"no story {story_id}")
            members = []
            for member in story["members"]:
                full = queries.get_article(conn, member["id"]) or member
                members.append(full)
            comparison = comparison_for_story(conn, story["id"])
            return {"story": story, "members": members, "comparison": comparison,
                    "outlet_of": {m["id"]: m["outlet"] or m["id"][:8] for m in members}}

        return TEMPLATES.TemplateResponse(request, "story.html", with_conn(load))

    @app.get("/article/{article_id}", response_class=HTMLResponse)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        def load(conn: sqlite3.Connection) -> dict[str, Any]:
            full = queries.resolve_article_id(conn, article_id)
            article = queries.get_article(conn, full) if full else None
            if article is None:
                raise HTTPException(404, f"no article {article_id}")
            spans = [{"start": q["start"], "end": q["end"], "kind": f"quote-{q['kind']}",
                      "title": f"{q['speaker_entity'] or q['speaker'] or '?'} ({q['kind']}, {q['cue'] or '-'})"}
                     for q in article["quotes"]]
            spans += [{"start": f["start"], "end": f["end"], "kind": "flag", "title": f["explanation"]}
                      for f in article["flags"]]
            return {"article": article, "segments": highlight_segments(article["text"], spans)}

        return TEMPLATES.TemplateResponse(request, "article.html", with_conn(load))

    @app.get("/api/stories")
    def api_stories(min_size: int = Query(1, ge=1, le=1_000_000), limit: int = limit_query()) -> list[dict[str, Any]]:
        return with_conn(lambda c: list(queries.iter_stories(c, min_size=min_size, limit=limit)))

    @app.get("/api/stories/{story_id}")
    def api_story(story_id: str) -> dict[str, Any]:
        def load(conn: sqlite3.Connection) -> dict[str, Any]:
            from newsgraph.corpus.compare import comparison_for_story

            story = queries.get_story(conn, story_id)
            if story is None:
                raise HTTPException(404, f"no story {story_id}")
            comparison = comparison_for_story(conn, story["id"])
            return {**story, "comparison": asdict(comparison) if comparison else None}

        return with_conn(load)

    @app.get("/api/articles")
    def api_articles(outlet: str | None = None, story: str | None = None,
                     limit: int = limit_query()) -> list[dict[str, Any]]:
        return with_conn(lambda c: list(queries.iter_articles(c, outlet=outlet, story=story, limit=limit)))

    @app.get("/api/articles/{article_id}")
    def api_article(article_id: str) -> dict[str, Any]:
        def load(conn: sqlite3.Connection) -> dict[str, Any]:
            full = queries.resolve_article_id(conn, article_id)
            article = queries.get_article(conn, full) if full else None
            if article is None:
                raise HTTPException(404, f"no article {article_id}")
            return article

        return with_conn(load)

    @app.get("/api/quotes")
    def api_quotes(speaker: str | None = None, limit: int = limit_query()) -> list[dict[str, Any]]:
        return with_conn(lambda c: list(queries.iter_quotes(c, speaker=speaker, limit=limit)))

    @app.get("/api/entities")
    def api_entities(name: str | None = None, type: str | None = None,
                     limit: int = limit_query()) -> list[dict[str, Any]]:
        return with_conn(lambda c: list(queries.iter_entities(c, type_=type, name=name, limit=limit)))

    @app.get("/api/flags")
    def api_flags(limit: int = limit_query()) -> list[dict[str, Any]]:
        return with_conn(lambda c: list(queries.iter_flags(c, limit=limit)))

    return app
