"""The FastAPI app: every page module's routes, the vendored static files, one database."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from newsgraph.interfaces.web import api, apidocs, article, entity, events, home, outlet, search, story
from newsgraph.interfaces.web.context import STATIC, Connections
from newsgraph.interfaces.websecurity import default_hosts, secure
from newsgraph.store import connect
from newsgraph.store.postgres import is_postgres

PAGES = (home, search, story, article, entity, outlet, events, api, apidocs)


def create_app(db_path: str | Path, allowed_hosts: list[str] | None = None,
               bind_host: str = "127.0.0.1") -> FastAPI:
    """A FastAPI app reading one newsgraph database, read-only: it never writes or creates.

    ``allowed_hosts``: the Host names it answers (default: the bind address). Raises
    StoreError if the file cannot be used.
    """
    db_path = db_path if is_postgres(db_path) else Path(db_path)
    connect(db_path, readonly=True).close()  # checked once: exists, SQLite, intact, this schema version
    app = FastAPI(title="newsgraph", description="Stories, articles, quotes and flags from a newsgraph database.",
                  docs_url=None, redoc_url=None)  # /docs is apidocs: the default loads its scripts from a CDN
    secure(app, allowed_hosts or default_hosts(bind_host))
    app.state.connections = Connections(db_path)
    for page in PAGES:
        app.include_router(page.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
